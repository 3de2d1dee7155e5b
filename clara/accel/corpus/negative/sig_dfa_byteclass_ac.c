/*
 * class:    none (negative example)
 * variant:  payload signature scan with alphabet compression: a 256-entry byte-class table maps
 *           each byte to one of the few classes the patterns distinguish, the next state comes
 *           from a 2-D table delta[state][class] of uint16_t states, and accept[state] is a
 *           bitmask of the patterns ending there, OR-ed into the result (optionally stopping at
 *           the first match).  sig_init builds the automaton for a fixed pattern list by an
 *           Aho-Corasick construction (trie, then failure transitions filled in breadth-first
 *           order from a queue) so the scan never backtracks.  Resembles lpm (a multibit trie
 *           walk: node = child[node][bits], a per-node result checked each step).
 * computes: sig_scan(buf, len, stop_first, stop_at): bit k set when sig_patterns[k] occurs in
 *           buf[0..len); with stop_first the scan ends at the first position where any pattern
 *           ends, returning the patterns ending there and *stop_at = that offset + 1 (else
 *           *stop_at = len).  sig_init returns the number of states or -1.
 */
// clara-corpus: class=none entry=sig_scan signature=custom
#include <stdint.h>
#include <stddef.h>

#define SIG_MAX_STATES 96
#define SIG_MAX_CLASSES 48
#define SIG_ABSENT 0xFFFFu

static const char *const sig_patterns[] = {
    "cmd.exe", "/etc/passwd", "../", "<script", "\x90\x90\x90\x90", "SELECT ", "passwd",
};
#define SIG_NPATTERNS (sizeof sig_patterns / sizeof sig_patterns[0])

static uint8_t sig_class[256];
static unsigned sig_nclasses;
static uint16_t sig_delta[SIG_MAX_STATES][SIG_MAX_CLASSES];
static uint32_t sig_accept[SIG_MAX_STATES];
static unsigned sig_nstates;

int sig_init(void)
{
    static uint16_t fail[SIG_MAX_STATES];
    static uint16_t queue[SIG_MAX_STATES];
    unsigned head = 0, tail = 0;

    /* class 0 collects every byte that appears in no pattern */
    for (unsigned b = 0; b < 256; b++)
        sig_class[b] = 0;
    sig_nclasses = 1;
    for (unsigned k = 0; k < SIG_NPATTERNS; k++) {
        for (const unsigned char *p = (const unsigned char *)sig_patterns[k]; *p; p++) {
            if (sig_class[*p] != 0)
                continue;
            if (sig_nclasses == SIG_MAX_CLASSES)
                return -1;
            sig_class[*p] = (uint8_t)sig_nclasses++;
        }
    }

    for (unsigned s = 0; s < SIG_MAX_STATES; s++) {
        sig_accept[s] = 0;
        for (unsigned c = 0; c < SIG_MAX_CLASSES; c++)
            sig_delta[s][c] = SIG_ABSENT;
    }
    sig_nstates = 1;

    /* keyword trie over class numbers */
    for (unsigned k = 0; k < SIG_NPATTERNS; k++) {
        unsigned s = 0;
        for (const unsigned char *p = (const unsigned char *)sig_patterns[k]; *p; p++) {
            unsigned c = sig_class[*p];
            if (sig_delta[s][c] == SIG_ABSENT) {
                if (sig_nstates == SIG_MAX_STATES)
                    return -1;
                sig_delta[s][c] = (uint16_t)sig_nstates++;
            }
            s = sig_delta[s][c];
        }
        sig_accept[s] |= 1u << k;
    }

    /* depth 1: missing edges loop to the root, present ones fail to the root */
    for (unsigned c = 0; c < sig_nclasses; c++) {
        uint16_t t = sig_delta[0][c];
        if (t == SIG_ABSENT) {
            sig_delta[0][c] = 0;
        } else {
            fail[t] = 0;
            queue[tail++] = t;
        }
    }
    /* breadth first: a state's failure target is shallower, so its row is already complete */
    while (head < tail) {
        uint16_t u = queue[head++];
        for (unsigned c = 0; c < sig_nclasses; c++) {
            uint16_t t = sig_delta[u][c];
            if (t == SIG_ABSENT) {
                sig_delta[u][c] = sig_delta[fail[u]][c];
            } else {
                fail[t] = sig_delta[fail[u]][c];
                sig_accept[t] |= sig_accept[fail[t]];
                queue[tail++] = t;
            }
        }
    }
    return (int)sig_nstates;
}

uint32_t sig_scan(const uint8_t *buf, size_t len, int stop_first, size_t *stop_at)
{
    uint32_t found = 0;
    uint16_t state = 0;

    for (size_t i = 0; i < len; i++) {
        state = sig_delta[state][sig_class[buf[i]]];
        if (sig_accept[state] != 0) {
            found |= sig_accept[state];
            if (stop_first) {
                if (stop_at)
                    *stop_at = i + 1;
                return found;
            }
        }
    }
    if (stop_at)
        *stop_at = len;
    return found;
}
