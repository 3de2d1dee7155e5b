/*
 * class:    none (negative example)
 * variant:  simplified TCP connection-tracking state machine driven by the flags of each
 *           segment and its direction (switch-based, like a firewall's conntrack).
 * computes: the next state (enum ct_state) for (state, flags, direction).
 */
// clara-corpus: class=none entry=ct_tcp_next signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

enum ct_state { CT_NONE, CT_SYN_SENT, CT_SYN_RECV, CT_ESTABLISHED, CT_FIN_WAIT, CT_CLOSE_WAIT,
                CT_TIME_WAIT, CT_CLOSED };
#define F_FIN 0x01
#define F_SYN 0x02
#define F_RST 0x04
#define F_ACK 0x10

int ct_tcp_next(int state, uint8_t flags, int from_client)
{
    if (flags & F_RST)
        return CT_CLOSED;
    switch (state) {
    case CT_NONE:
        return (from_client && (flags & F_SYN) && !(flags & F_ACK)) ? CT_SYN_SENT : CT_NONE;
    case CT_SYN_SENT:
        if (!from_client && (flags & F_SYN) && (flags & F_ACK))
            return CT_SYN_RECV;
        return CT_SYN_SENT;
    case CT_SYN_RECV:
        if (from_client && (flags & F_ACK) && !(flags & F_SYN))
            return CT_ESTABLISHED;
        return CT_SYN_RECV;
    case CT_ESTABLISHED:
        if (flags & F_FIN)
            return from_client ? CT_FIN_WAIT : CT_CLOSE_WAIT;
        return CT_ESTABLISHED;
    case CT_FIN_WAIT:
    case CT_CLOSE_WAIT:
        if (flags & F_FIN)
            return CT_TIME_WAIT;
        return state;
    case CT_TIME_WAIT:
        return (flags & F_SYN) && from_client ? CT_SYN_SENT : CT_TIME_WAIT;
    default:
        return CT_CLOSED;
    }
}
