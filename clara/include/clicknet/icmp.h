/*
 * clicknet/icmp.h -- ICMP headers as on the wire (RFC 792).
 * Same names and layouts as Click's click_icmp and friends.
 */
#ifndef CLICKNET_ICMP_H
#define CLICKNET_ICMP_H
#include <stdint.h>
#include <clicknet/ip.h>

struct click_icmp {
    uint8_t     icmp_type;      /* 0     type                       */
    uint8_t     icmp_code;      /* 1     code                       */
    uint16_t    icmp_cksum;     /* 2-3   checksum                   */
    uint32_t    padding;        /* 4-7   type-specific              */
};

struct click_icmp_paramprob {
    uint8_t     icmp_type;
    uint8_t     icmp_code;
    uint16_t    icmp_cksum;
    uint8_t     icmp_pointer;   /* 4     offending octet            */
    uint8_t     padding[3];
};

struct click_icmp_redirect {
    uint8_t     icmp_type;
    uint8_t     icmp_code;
    uint16_t    icmp_cksum;
    struct in_addr icmp_gateway; /* 4-7  better gateway             */
};

struct click_icmp_sequenced {
    uint8_t     icmp_type;
    uint8_t     icmp_code;
    uint16_t    icmp_cksum;
    uint16_t    icmp_identifier; /* 4-5 */
    uint16_t    icmp_sequence;   /* 6-7 */
};
typedef struct click_icmp_sequenced click_icmp_echo;

struct click_icmp_needfrag {
    uint8_t     icmp_type;
    uint8_t     icmp_code;
    uint16_t    icmp_cksum;
    uint16_t    padding;
    uint16_t    icmp_nextmtu;   /* 6-7   next-hop MTU               */
};

#define ICMP_ECHOREPLY          0
#define ICMP_UNREACH            3
#define ICMP_SOURCEQUENCH       4
#define ICMP_REDIRECT           5
#define ICMP_ALTHOSTADDR        6
#define ICMP_ECHO               8
#define ICMP_ROUTERADVERT       9
#define ICMP_ROUTERSOLICIT      10
#define ICMP_TIMXCEED           11
#define ICMP_PARAMPROB          12
#define ICMP_TSTAMP             13
#define ICMP_TSTAMPREPLY        14
#define ICMP_IREQ               15
#define ICMP_IREQREPLY          16
#define ICMP_MASKREQ            17
#define ICMP_MASKREQREPLY       18

/* ICMP_UNREACH codes */
#define ICMP_UNREACH_NET        0
#define ICMP_UNREACH_HOST       1
#define ICMP_UNREACH_PROTOCOL   2
#define ICMP_UNREACH_PORT       3
#define ICMP_UNREACH_NEEDFRAG   4
#define ICMP_UNREACH_SRCFAIL    5
#define ICMP_UNREACH_NET_UNKNOWN 6
#define ICMP_UNREACH_HOST_UNKNOWN 7
#define ICMP_UNREACH_ISOLATED   8
#define ICMP_UNREACH_NET_PROHIB 9
#define ICMP_UNREACH_HOST_PROHIB 10
#define ICMP_UNREACH_TOSNET     11
#define ICMP_UNREACH_TOSHOST    12
#define ICMP_UNREACH_FILTER_PROHIB 13
/* ICMP_REDIRECT codes */
#define ICMP_REDIRECT_NET       0
#define ICMP_REDIRECT_HOST      1
/* ICMP_TIMXCEED codes */
#define ICMP_TIMXCEED_TRANSIT   0
#define ICMP_TIMXCEED_REASSEMBLY 1
/* ICMP_PARAMPROB codes */
#define ICMP_PARAMPROB_ERRATPTR 0
#define ICMP_PARAMPROB_OPTABSENT 1

#endif
