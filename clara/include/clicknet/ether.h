/*
 * clicknet/ether.h -- Ethernet, 802.1Q and ARP headers as on the wire.
 * Same names and layouts as Click's click_ether and friends.
 */
#ifndef CLICKNET_ETHER_H
#define CLICKNET_ETHER_H
#include <stdint.h>

struct click_ether {
    uint8_t     ether_dhost[6];         /* 0-5   destination MAC    */
    uint8_t     ether_shost[6];         /* 6-11  source MAC         */
    uint16_t    ether_type;             /* 12-13 EtherType          */
};

#define ETHERTYPE_IP            0x0800
#define ETHERTYPE_ARP           0x0806
#define ETHERTYPE_TRAIL         0x1000
#define ETHERTYPE_RARP          0x8035
#define ETHERTYPE_8021Q         0x8100
#define ETHERTYPE_IP6           0x86DD
#define ETHERTYPE_MACCONTROL    0x8808
#define ETHERTYPE_PPPOE_DISC    0x8863
#define ETHERTYPE_PPPOE_SESSION 0x8864
#define ETHERTYPE_MPLS          0x8847
#define ETHERTYPE_8021AD        0x88A8
#define ETHERTYPE_GRID          0x7fff

#define ETHER_ADDR_LEN          6
#define ETHER_HEADER_LEN        14
#define ETHER_MIN_LEN           60      /* without FCS */
#define ETHER_MAX_LEN           1514    /* without FCS */

/* An 802.1Q-tagged Ethernet header. */
struct click_ether_vlan {
    uint8_t     ether_dhost[6];         /* 0-5   */
    uint8_t     ether_shost[6];         /* 6-11  */
    uint16_t    ether_vlan_proto;       /* 12-13 ETHERTYPE_8021Q */
    uint16_t    ether_vlan_tci;         /* 14-15 PCP|DEI|VID     */
    uint16_t    ether_vlan_encap_proto; /* 16-17 inner EtherType */
};

/* ARP (RFC 826) */
struct click_arp {
    uint16_t    ar_hrd;                 /* 0-1 hardware address format */
    uint16_t    ar_pro;                 /* 2-3 protocol address format */
    uint8_t     ar_hln;                 /* 4   hardware address length */
    uint8_t     ar_pln;                 /* 5   protocol address length */
    uint16_t    ar_op;                  /* 6-7 opcode                  */
};

#define ARPHRD_ETHER            1
#define ARPOP_REQUEST           1
#define ARPOP_REPLY             2
#define ARPOP_REVREQUEST        3
#define ARPOP_REVREPLY          4

/* ARP for IPv4 over Ethernet */
struct click_ether_arp {
    struct click_arp ea_hdr;            /* 0-7   */
    uint8_t     arp_sha[6];             /* 8-13  sender hardware address */
    uint8_t     arp_spa[4];             /* 14-17 sender protocol address */
    uint8_t     arp_tha[6];             /* 18-23 target hardware address */
    uint8_t     arp_tpa[4];             /* 24-27 target protocol address */
};

#endif
