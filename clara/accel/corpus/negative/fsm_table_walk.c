/*
 * class:    none (negative example)
 * variant:  protocol state machine driven by a transition table indexed by (state, event):
 *           a batch of events (classified from TCP flag bytes) is fed through it, the new
 *           state loaded from the table each step.
 * computes: the final state after events from flags[0..n), starting at CLOSED (0).
 */
// clara-corpus: class=none entry=fsm_run signature=custom
#include <stdint.h>
#include <stddef.h>

enum { S_CLOSED, S_SYN_SEEN, S_SYNACK_SEEN, S_EST, S_FIN, S_NSTATES };
enum { E_SYN, E_SYNACK, E_ACK, E_FIN, E_RST, E_NEVENTS };

static const uint8_t next_state[S_NSTATES][E_NEVENTS] = {
    /* CLOSED   */ {S_SYN_SEEN, S_CLOSED, S_CLOSED, S_CLOSED, S_CLOSED},
    /* SYN_SEEN */ {S_SYN_SEEN, S_SYNACK_SEEN, S_SYN_SEEN, S_CLOSED, S_CLOSED},
    /* SYNACK   */ {S_SYN_SEEN, S_SYNACK_SEEN, S_EST, S_CLOSED, S_CLOSED},
    /* EST      */ {S_EST, S_EST, S_EST, S_FIN, S_CLOSED},
    /* FIN      */ {S_FIN, S_FIN, S_CLOSED, S_FIN, S_CLOSED},
};

static int event_of(uint8_t f)
{
    if (f & 0x04)
        return E_RST;
    if ((f & 0x12) == 0x12)
        return E_SYNACK;
    if (f & 0x02)
        return E_SYN;
    if (f & 0x01)
        return E_FIN;
    return E_ACK;
}

int fsm_run(const uint8_t *flags, size_t n)
{
    uint8_t st = S_CLOSED;
    for (size_t i = 0; i < n; i++)
        st = next_state[st][event_of(flags[i])];
    return st;
}
