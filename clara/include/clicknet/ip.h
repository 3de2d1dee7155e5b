/*
 * clicknet/ip.h -- the IPv4 header as it is on the wire (RFC 791).
 *
 * Same struct, field names, field order and types as Click's click_ip, so an
 * element compiles against either tree.  Multi-byte fields are in network
 * byte order.  Usable from C and C++.
 */
#ifndef CLICKNET_IP_H
#define CLICKNET_IP_H
#include <stdint.h>
#include <netinet/in.h>   /* struct in_addr */

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
# define CLICKNET_IP_BIG_ENDIAN 1
#endif

struct click_ip {
#ifdef CLICKNET_IP_BIG_ENDIAN
    unsigned    ip_v : 4;       /* 0     version == 4               */
    unsigned    ip_hl : 4;      /*       header length in words     */
#else
    unsigned    ip_hl : 4;      /* 0     header length in words     */
    unsigned    ip_v : 4;       /*       version == 4               */
#endif
    uint8_t     ip_tos;         /* 1     type of service (DSCP|ECN) */
    uint16_t    ip_len;         /* 2-3   total length               */
    uint16_t    ip_id;          /* 4-5   identification             */
    uint16_t    ip_off;         /* 6-7   flags and fragment offset  */
    uint8_t     ip_ttl;         /* 8     time to live               */
    uint8_t     ip_p;           /* 9     protocol                   */
    uint16_t    ip_sum;         /* 10-11 header checksum            */
    struct in_addr ip_src;      /* 12-15 source address             */
    struct in_addr ip_dst;      /* 16-19 destination address        */
};

#define IPVERSION               4
#define IP_MAXPACKET            65535

/* ip_off bits (host order, compare with ntohs(ip_off)) */
#define IP_RF                   0x8000  /* reserved fragment flag */
#define IP_DF                   0x4000  /* don't fragment         */
#define IP_MF                   0x2000  /* more fragments         */
#define IP_OFFMASK              0x1FFF  /* fragment offset, 8-byte units */
#define IP_FIRSTFRAG(iph)       (((iph)->ip_off & htons(IP_OFFMASK)) == 0)
#define IP_ISFRAG(iph)          (((iph)->ip_off & htons(IP_MF | IP_OFFMASK)) != 0)

/* ip_tos: DSCP and ECN */
#define IP_DSCPMASK             0xFC
#define IP_ECNMASK              0x03
#define IP_ECN_NOT_ECT          0x00
#define IP_ECN_ECT1             0x01
#define IP_ECN_ECT2             0x02
#define IP_ECN_CE               0x03
#define IPTOS_LOWDELAY          0x10
#define IPTOS_THROUGHPUT        0x08
#define IPTOS_RELIABILITY       0x04

/* ip_p values */
#define IP_PROTO_HOPOPTS        0
#define IP_PROTO_ICMP           1
#define IP_PROTO_IGMP           2
#define IP_PROTO_GGP            3
#define IP_PROTO_IPIP           4
#define IP_PROTO_ST             5
#define IP_PROTO_TCP            6
#define IP_PROTO_UGP            7
#define IP_PROTO_EGP            8
#define IP_PROTO_IGP            9
#define IP_PROTO_UDP            17
#define IP_PROTO_IPV6           41
#define IP_PROTO_ROUTING        43
#define IP_PROTO_FRAGMENT       44
#define IP_PROTO_RSVP           46
#define IP_PROTO_GRE            47
#define IP_PROTO_ESP            50
#define IP_PROTO_AH             51
#define IP_PROTO_ICMP6          58
#define IP_PROTO_NONE           59
#define IP_PROTO_DSTOPTS        60
#define IP_PROTO_OSPF           89
#define IP_PROTO_PIM            103
#define IP_PROTO_SCTP           132
#define IP_PROTO_UDPLITE        136
#define IP_PROTO_RAW            255
#define IP_PROTO_TCP_OR_UDP     256     /* pseudo-protocol for filters */
#define IP_PROTO_TRANSP         257     /* pseudo-protocol for filters */

/* IP options */
#define IPOPT_EOL               0
#define IPOPT_NOP               1
#define IPOPT_RR                7
#define IPOPT_TS                68
#define IPOPT_SECURITY          130
#define IPOPT_LSRR              131
#define IPOPT_SATID             136
#define IPOPT_SSRR              137
#define IPOPT_RA                148

#define IP_MIN_HEADER_LEN       20

#endif
