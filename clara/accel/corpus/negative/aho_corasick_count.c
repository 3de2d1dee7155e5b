/*
 * class:    none (negative example)
 * variant:  Aho-Corasick multi-pattern matching with goto/failure/output arrays built at
 *           setup (breadth-first failure links); the scan follows failure links while no goto
 *           edge exists, then takes the edge (pointer/index chasing through loaded states).
 * computes: the number of pattern occurrences (overlapping, all patterns) in text[0..n).
 */
// clara-corpus: class=none entry=ac_count signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define AC_STATES 512

static int16_t ac_goto[AC_STATES][256];
static int16_t ac_fail[AC_STATES];
static uint16_t ac_out[AC_STATES];
static int ac_nstates;

void ac_reset(void)
{
    memset(ac_goto, 0xff, sizeof ac_goto);
    memset(ac_out, 0, sizeof ac_out);
    ac_nstates = 1;
}

int ac_add(const uint8_t *p, size_t m)
{
    int s = 0;
    for (size_t i = 0; i < m; i++) {
        if (ac_goto[s][p[i]] < 0) {
            if (ac_nstates == AC_STATES)
                return -1;
            ac_goto[s][p[i]] = (int16_t)ac_nstates++;
        }
        s = ac_goto[s][p[i]];
    }
    ac_out[s]++;
    return 0;
}

void ac_finish(void)
{
    int16_t queue[AC_STATES];
    int head = 0, tail = 0;
    for (int c = 0; c < 256; c++) {
        if (ac_goto[0][c] < 0) {
            ac_goto[0][c] = 0;
        } else {
            ac_fail[ac_goto[0][c]] = 0;
            queue[tail++] = ac_goto[0][c];
        }
    }
    while (head < tail) {
        int r = queue[head++];
        for (int c = 0; c < 256; c++) {
            int s = ac_goto[r][c];
            if (s < 0)
                continue;
            queue[tail++] = (int16_t)s;
            int f = ac_fail[r];
            while (ac_goto[f][c] < 0)
                f = ac_fail[f];
            ac_fail[s] = ac_goto[f][c];
            ac_out[s] = (uint16_t)(ac_out[s] + ac_out[ac_fail[s]]);
        }
    }
}

unsigned ac_count(const uint8_t *text, size_t n)
{
    unsigned hits = 0;
    int s = 0;
    for (size_t i = 0; i < n; i++) {
        while (ac_goto[s][text[i]] < 0)
            s = ac_fail[s];
        s = ac_goto[s][text[i]];
        hits += ac_out[s];
    }
    return hits;
}
