/*
 * clicknet/tcp.h -- the TCP header as it is on the wire (RFC 793, 3168).
 * Same layout and names as Click's click_tcp.  Network byte order.
 */
#ifndef CLICKNET_TCP_H
#define CLICKNET_TCP_H
#include <stdint.h>

typedef uint32_t tcp_seq_t;

struct click_tcp {
    uint16_t    th_sport;       /* 0-1   source port                */
    uint16_t    th_dport;       /* 2-3   destination port           */
    tcp_seq_t   th_seq;         /* 4-7   sequence number            */
    tcp_seq_t   th_ack;         /* 8-11  acknowledgement number     */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    unsigned    th_off : 4;     /* 12    data offset in words       */
    unsigned    th_flags2 : 4;  /*       reserved bits + NS         */
#else
    unsigned    th_flags2 : 4;  /* 12    reserved bits + NS         */
    unsigned    th_off : 4;     /*       data offset in words       */
#endif
    uint8_t     th_flags;       /* 13    flags                      */
    uint16_t    th_win;         /* 14-15 window                     */
    uint16_t    th_sum;         /* 16-17 checksum                   */
    uint16_t    th_urp;         /* 18-19 urgent pointer             */
};

/* th_flags */
#define TH_FIN                  0x01
#define TH_SYN                  0x02
#define TH_RST                  0x04
#define TH_PUSH                 0x08
#define TH_ACK                  0x10
#define TH_URG                  0x20
#define TH_ECE                  0x40
#define TH_CWR                  0x80
/* th_flags2 */
#define TH_NS                   0x01

/* options */
#define TCPOPT_EOL              0
#define TCPOPT_NOP              1
#define TCPOPT_MAXSEG           2
#define TCPOLEN_MAXSEG          4
#define TCPOPT_WSCALE           3
#define TCPOLEN_WSCALE          3
#define TCPOPT_SACK_PERMITTED   4
#define TCPOLEN_SACK_PERMITTED  2
#define TCPOPT_SACK             5
#define TCPOPT_TIMESTAMP        8
#define TCPOLEN_TIMESTAMP       10

/* sequence number comparisons, modulo 2^32 */
#define SEQ_LT(x, y)            ((int32_t) ((x) - (y)) < 0)
#define SEQ_LEQ(x, y)           ((int32_t) ((x) - (y)) <= 0)
#define SEQ_GT(x, y)            ((int32_t) ((x) - (y)) > 0)
#define SEQ_GEQ(x, y)           ((int32_t) ((x) - (y)) >= 0)

#endif
