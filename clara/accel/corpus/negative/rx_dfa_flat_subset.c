/*
 * class:    none (negative example)
 * variant:  multi-pattern DFA over a flat transition array trans[state * RX_NCLASSES + class]
 *           (uint32_t states), the payload consumed through a pointer running to the end of
 *           the buffer.  rx_build compiles a few patterns with character classes ('#' = a
 *           decimal digit, '@' = an ASCII letter, anything else literal) by subset
 *           construction: byte classes are the distinct sets of pattern positions a byte
 *           satisfies, DFA states are sets of matched pattern positions (a 64-bit mask),
 *           discovered in order and numbered as found.  Per state the file keeps the mask of
 *           patterns ending there and their count.  Resembles lpm (multibit trie descent with a
 *           flat child array, node * fanout + bits).
 * computes: rx_count(buf, len, max_hits, seen): the number of (end position, pattern) matches
 *           in buf[0..len), overlapping, stopping after the byte at which the count reaches
 *           max_hits (0 = no limit); *seen gets the OR of the matched patterns' bits (bit k =
 *           rx_patterns[k]).  rx_build returns the number of DFA states or -1.
 */
// clara-corpus: class=none entry=rx_count signature=custom
#include <stdint.h>
#include <stddef.h>

#define RX_NCLASSES 32
#define RX_MAX_STATES 512
#define RX_MAX_POS 64

static const char *const rx_patterns[] = {
    "HTTP/#.#", "\r\n\r\n", "%2@", "=##&", "..",
};
#define RX_NPATTERNS (sizeof rx_patterns / sizeof rx_patterns[0])

static uint8_t rx_class[256];
static uint32_t rx_trans[RX_MAX_STATES * RX_NCLASSES];
static uint32_t rx_accept[RX_MAX_STATES];
static uint8_t rx_naccept[RX_MAX_STATES];
static uint64_t rx_set[RX_MAX_STATES];
static uint32_t rx_nstates;

static int rx_elem_matches(char e, unsigned b)
{
    if (e == '#')
        return b >= '0' && b <= '9';
    if (e == '@')
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
    return (unsigned char)e == b;
}

int rx_build(void)
{
    uint64_t first = 0, last = 0;
    uint64_t class_positions[RX_NCLASSES];
    uint8_t last_pattern[RX_MAX_POS];
    unsigned npos = 0, nclasses = 0;

    for (unsigned k = 0; k < RX_NPATTERNS; k++) {
        const char *p = rx_patterns[k];
        first |= (uint64_t)1 << npos;
        for (; *p; p++) {
            if (npos == RX_MAX_POS)
                return -1;
            npos++;
        }
        last |= (uint64_t)1 << (npos - 1);
        last_pattern[npos - 1] = (uint8_t)k;
    }

    /* alphabet compression: bytes satisfying the same positions share a class */
    for (unsigned b = 0; b < 256; b++) {
        uint64_t sig = 0;
        unsigned pos = 0;
        for (unsigned k = 0; k < RX_NPATTERNS; k++)
            for (const char *p = rx_patterns[k]; *p; p++, pos++)
                if (rx_elem_matches(*p, b))
                    sig |= (uint64_t)1 << pos;
        unsigned c = 0;
        while (c < nclasses && class_positions[c] != sig)
            c++;
        if (c == nclasses) {
            if (nclasses == RX_NCLASSES)
                return -1;
            class_positions[nclasses++] = sig;
        }
        rx_class[b] = (uint8_t)c;
    }

    /* subset construction; state 0 is the empty set */
    rx_set[0] = 0;
    rx_nstates = 1;
    for (uint32_t s = 0; s < rx_nstates; s++) {
        uint64_t cur = rx_set[s];
        uint64_t ends = cur & last;
        rx_accept[s] = 0;
        rx_naccept[s] = 0;
        for (unsigned pos = 0; pos < npos; pos++) {
            if (ends >> pos & 1) {
                rx_accept[s] |= 1u << last_pattern[pos];
                rx_naccept[s]++;
            }
        }
        for (unsigned c = 0; c < RX_NCLASSES; c++) {
            uint64_t nxt = 0;
            if (c < nclasses)
                nxt = (((cur << 1) & ~first) | first) & class_positions[c];
            uint32_t t = 0;
            while (t < rx_nstates && rx_set[t] != nxt)
                t++;
            if (t == rx_nstates) {
                if (rx_nstates == RX_MAX_STATES)
                    return -1;
                rx_set[rx_nstates++] = nxt;
            }
            rx_trans[s * RX_NCLASSES + c] = t;
        }
    }
    return (int)rx_nstates;
}

size_t rx_count(const uint8_t *buf, size_t len, size_t max_hits, uint32_t *seen)
{
    const uint8_t *p = buf;
    const uint8_t *const end = buf + len;
    uint32_t state = 0;
    uint32_t mask = 0;
    size_t hits = 0;

    while (p < end) {
        state = rx_trans[state * RX_NCLASSES + rx_class[*p++]];
        if (rx_accept[state]) {
            mask |= rx_accept[state];
            hits += rx_naccept[state];
            if (max_hits != 0 && hits >= max_hits)
                break;
        }
    }
    if (seen)
        *seen = mask;
    return hits;
}
