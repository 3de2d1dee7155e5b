/*
 * class:    none (negative example)
 * variant:  table-driven DFA scan of a payload (signature matching): the next state is loaded
 *           from a [state][byte] transition table, so every load's address depends on the
 *           state loaded in the previous iteration; an accept bitmap stops the scan.
 * computes: offset just past the first accepted match of the DFA built by dfa_build for the
 *           pattern, or -1 (dfa_build: KMP-style automaton for one pattern of <= 32 bytes).
 */
// clara-corpus: class=none entry=dfa_find signature=custom
#include <stdint.h>
#include <stddef.h>

#define DFA_MAX 33

static uint8_t delta[DFA_MAX][256];
static uint8_t accept_state;

int dfa_build(const uint8_t *pat, size_t m)
{
    if (m == 0 || m >= DFA_MAX)
        return -1;
    for (int c = 0; c < 256; c++)
        delta[0][c] = 0;
    delta[0][pat[0]] = 1;
    size_t x = 0;
    for (size_t j = 1; j <= m; j++) {
        for (int c = 0; c < 256; c++)
            delta[j][c] = delta[x][c];
        if (j < m) {
            delta[j][pat[j]] = (uint8_t)(j + 1);
            x = delta[x][pat[j]];
        }
    }
    accept_state = (uint8_t)m;
    return 0;
}

long dfa_find(const uint8_t *text, size_t n)
{
    unsigned state = 0;
    for (size_t i = 0; i < n; i++) {
        state = delta[state][text[i]];
        if (state == accept_state)
            return (long)(i + 1);
    }
    return -1;
}
