/*
 * xdp_filter.c -- an XDP-style ingress packet filter in plain C.
 *
 * Models the classic "XDP firewall" NF that runs at the driver hook of a
 * host NIC (or on a SmartNIC's eBPF offload): every received frame is parsed
 * as Ethernet (optionally one 802.1Q/802.1ad tag), IPv4 and TCP/UDP, and is
 *   - dropped when its IPv4 source lies in a blocklisted prefix,
 *   - dropped when it targets a blocked TCP/UDP destination port,
 *   - dropped when its TCP flags are a known scan pattern (NULL, XMAS, SYN+FIN),
 *   - dropped when it is a non-first IPv4 fragment with an offset too small to
 *     hold a full transport header (tiny-fragment attack, RFC 1858),
 *   - passed otherwise.
 * Truncated frames are aborted.  Each verdict and reason is counted in a
 * global statistics array, as a BPF per-CPU array map would do.
 *
 * No kernel or libbpf headers: the context and the protocol headers are
 * defined here.  As the eBPF verifier demands, every header access is
 * preceded by a bounds check against data_end.  The header structs are packed
 * so that a compiler for a strict-alignment target (MIPS) emits byte-safe
 * loads for the 32-bit fields of an IP header that sits at offset 14.
 *
 * Entry point: int xdp_filter_prog(struct xdp_ctx *ctx)
 */

#include <stdint.h>

/* ---- verdicts (same values as enum xdp_action) ---- */
#define XDP_ABORTED 0
#define XDP_DROP    1
#define XDP_PASS    2
#define XDP_TX      3

/* ---- context: like struct xdp_md, data/data_end are addresses ---- */
struct xdp_ctx {
    unsigned long data;
    unsigned long data_end;
    uint32_t ingress_ifindex;
    uint32_t rx_queue_index;
};

/* ---- protocol headers (network byte order) ---- */
#define ETH_ALEN        6
#define ETH_P_IP        0x0800
#define ETH_P_IPV6      0x86DD
#define ETH_P_ARP       0x0806
#define ETH_P_8021Q     0x8100
#define ETH_P_8021AD    0x88A8

#define IPPROTO_ICMP_   1
#define IPPROTO_TCP_    6
#define IPPROTO_UDP_    17

#define IP_MF           0x2000
#define IP_OFFMASK      0x1FFF

#define TH_FIN  0x01
#define TH_SYN  0x02
#define TH_RST  0x04
#define TH_PUSH 0x08
#define TH_ACK  0x10
#define TH_URG  0x20

struct ethhdr_ {
    uint8_t  h_dest[ETH_ALEN];
    uint8_t  h_source[ETH_ALEN];
    uint16_t h_proto;
} __attribute__((packed));

struct vlanhdr_ {
    uint16_t tci;
    uint16_t encap_proto;
} __attribute__((packed));

struct iphdr_ {
    uint8_t  ver_ihl;       /* version:4, ihl:4 */
    uint8_t  tos;
    uint16_t tot_len;
    uint16_t id;
    uint16_t frag_off;
    uint8_t  ttl;
    uint8_t  protocol;
    uint16_t check;
    uint32_t saddr;
    uint32_t daddr;
} __attribute__((packed));

struct tcphdr_ {
    uint16_t source;
    uint16_t dest;
    uint32_t seq;
    uint32_t ack_seq;
    uint8_t  doff_res;      /* data offset:4, reserved:4 */
    uint8_t  flags;
    uint16_t window;
    uint16_t check;
    uint16_t urg_ptr;
} __attribute__((packed));

struct udphdr_ {
    uint16_t source;
    uint16_t dest;
    uint16_t len;
    uint16_t check;
} __attribute__((packed));

/* ---- byte order helpers (the Octeon target is big-endian) ---- */
static inline uint16_t net16(uint16_t v)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    return (uint16_t)((v >> 8) | (v << 8));
#else
    return v;
#endif
}

static inline uint32_t net32(uint32_t v)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    return ((v & 0x000000FFu) << 24) | ((v & 0x0000FF00u) << 8) |
           ((v & 0x00FF0000u) >> 8)  | ((v & 0xFF000000u) >> 24);
#else
    return v;
#endif
}

/* ---- configuration tables (host byte order) ---- */
struct prefix_rule {
    uint32_t addr;
    uint32_t mask;
};

#define IPV4(a, b, c, d) \
    (((uint32_t)(a) << 24) | ((uint32_t)(b) << 16) | ((uint32_t)(c) << 8) | (uint32_t)(d))
#define PREFIX(a, b, c, d, len) \
    { IPV4(a, b, c, d), (len) == 0 ? 0u : (0xFFFFFFFFu << (32 - (len))) }

#define NUM_BLOCKED_PREFIXES 12
static const struct prefix_rule blocked_prefixes[NUM_BLOCKED_PREFIXES] = {
    PREFIX(0, 0, 0, 0, 8),          /* "this" network */
    PREFIX(127, 0, 0, 0, 8),        /* loopback must not arrive on the wire */
    PREFIX(169, 254, 0, 0, 16),     /* link local */
    PREFIX(192, 0, 2, 0, 24),       /* TEST-NET-1 */
    PREFIX(198, 51, 100, 0, 24),    /* TEST-NET-2 */
    PREFIX(203, 0, 113, 0, 24),     /* TEST-NET-3 */
    PREFIX(224, 0, 0, 0, 4),        /* multicast as a source */
    PREFIX(240, 0, 0, 0, 4),        /* reserved */
    PREFIX(45, 9, 148, 0, 22),      /* operator blocklist entries */
    PREFIX(185, 220, 100, 0, 22),
    PREFIX(91, 92, 109, 0, 24),
    PREFIX(23, 129, 64, 0, 18),
};

#define NUM_BLOCKED_TCP_PORTS 6
static const uint16_t blocked_tcp_ports[NUM_BLOCKED_TCP_PORTS] = {
    23,     /* telnet */
    135,    /* msrpc */
    139,    /* netbios-ssn */
    445,    /* smb */
    3389,   /* rdp */
    5900,   /* vnc */
};

#define NUM_BLOCKED_UDP_PORTS 5
static const uint16_t blocked_udp_ports[NUM_BLOCKED_UDP_PORTS] = {
    19,     /* chargen (amplification) */
    111,    /* portmapper */
    137,    /* netbios-ns */
    1900,   /* ssdp (amplification) */
    11211,  /* memcached (amplification) */
};

/* minimum fragment offset (8-byte units) for non-first fragments of TCP */
#define MIN_TCP_FRAG_OFFSET 2

/* ---- statistics: like a BPF array map indexed by reason ---- */
enum xdp_stat {
    STAT_RX_PACKETS = 0,
    STAT_RX_BYTES,
    STAT_PASS,
    STAT_DROP,
    STAT_ABORTED,
    STAT_NON_IP,
    STAT_DROP_PREFIX,
    STAT_DROP_TCP_PORT,
    STAT_DROP_UDP_PORT,
    STAT_DROP_TCP_FLAGS,
    STAT_DROP_FRAGMENT,
    STAT_DROP_BAD_IP,
    STAT_VLAN,
    STAT_MAX
};

uint64_t xdp_stats[STAT_MAX];
/* hits per blocklist rule, for the operator's dashboard */
uint64_t prefix_hits[NUM_BLOCKED_PREFIXES];

static int count_verdict(int action, uint32_t reason_stat)
{
    if (reason_stat < STAT_MAX)
        xdp_stats[reason_stat]++;
    switch (action) {
    case XDP_PASS:
        xdp_stats[STAT_PASS]++;
        break;
    case XDP_DROP:
        xdp_stats[STAT_DROP]++;
        break;
    default:
        xdp_stats[STAT_ABORTED]++;
        break;
    }
    return action;
}

/* Returns the index of the first matching prefix rule, or -1. */
static int match_blocked_prefix(uint32_t saddr_host)
{
    int i;
    for (i = 0; i < NUM_BLOCKED_PREFIXES; i++) {
        if ((saddr_host & blocked_prefixes[i].mask) == blocked_prefixes[i].addr)
            return i;
    }
    return -1;
}

static int port_in_list(uint16_t port, const uint16_t *list, int n)
{
    int i;
    for (i = 0; i < n; i++) {
        if (list[i] == port)
            return 1;
    }
    return 0;
}

static int tcp_flags_bad(uint8_t flags)
{
    if ((flags & (TH_FIN | TH_SYN | TH_RST | TH_PUSH | TH_ACK | TH_URG)) == 0)
        return 1;                                   /* NULL scan */
    if ((flags & (TH_FIN | TH_PUSH | TH_URG)) == (TH_FIN | TH_PUSH | TH_URG))
        return 1;                                   /* XMAS scan */
    if ((flags & (TH_SYN | TH_FIN)) == (TH_SYN | TH_FIN))
        return 1;                                   /* SYN+FIN */
    if ((flags & (TH_SYN | TH_RST)) == (TH_SYN | TH_RST))
        return 1;                                   /* SYN+RST */
    return 0;
}

int xdp_filter_prog(struct xdp_ctx *ctx)
{
    void *data = (void *)(long)ctx->data;
    void *data_end = (void *)(long)ctx->data_end;
    struct ethhdr_ *eth = data;
    struct iphdr_ *iph;
    uint16_t h_proto;
    uint32_t ihl_bytes, saddr;
    uint16_t frag;
    int rule;
    void *l4;

    xdp_stats[STAT_RX_PACKETS]++;
    xdp_stats[STAT_RX_BYTES] += (uint64_t)((char *)data_end - (char *)data);

    if ((void *)(eth + 1) > data_end)
        return count_verdict(XDP_ABORTED, STAT_MAX);
    h_proto = eth->h_proto;
    iph = (struct iphdr_ *)(eth + 1);

    /* one VLAN tag, or a QinQ outer tag */
    if (h_proto == net16(ETH_P_8021Q) || h_proto == net16(ETH_P_8021AD)) {
        struct vlanhdr_ *vh = (struct vlanhdr_ *)(eth + 1);
        if ((void *)(vh + 1) > data_end)
            return count_verdict(XDP_ABORTED, STAT_MAX);
        h_proto = vh->encap_proto;
        iph = (struct iphdr_ *)(vh + 1);
        xdp_stats[STAT_VLAN]++;
    }

    if (h_proto != net16(ETH_P_IP))
        return count_verdict(XDP_PASS, STAT_NON_IP);   /* ARP, IPv6, ... */

    if ((void *)(iph + 1) > data_end)
        return count_verdict(XDP_ABORTED, STAT_MAX);
    if ((iph->ver_ihl >> 4) != 4)
        return count_verdict(XDP_DROP, STAT_DROP_BAD_IP);
    ihl_bytes = (uint32_t)(iph->ver_ihl & 0x0F) * 4;
    if (ihl_bytes < sizeof(struct iphdr_))
        return count_verdict(XDP_DROP, STAT_DROP_BAD_IP);
    if ((char *)iph + ihl_bytes > (char *)data_end)
        return count_verdict(XDP_ABORTED, STAT_MAX);
    if (net16(iph->tot_len) < ihl_bytes)
        return count_verdict(XDP_DROP, STAT_DROP_BAD_IP);

    saddr = net32(iph->saddr);
    rule = match_blocked_prefix(saddr);
    if (rule >= 0) {
        prefix_hits[rule]++;
        return count_verdict(XDP_DROP, STAT_DROP_PREFIX);
    }

    frag = net16(iph->frag_off);
    if (frag & IP_OFFMASK) {
        /* non-first fragment: no transport header to inspect */
        if (iph->protocol == IPPROTO_TCP_ && (frag & IP_OFFMASK) < MIN_TCP_FRAG_OFFSET)
            return count_verdict(XDP_DROP, STAT_DROP_FRAGMENT);
        return count_verdict(XDP_PASS, STAT_MAX);
    }

    l4 = (char *)iph + ihl_bytes;
    if (iph->protocol == IPPROTO_TCP_) {
        struct tcphdr_ *th = l4;
        if ((void *)(th + 1) > data_end) {
            /* a first fragment too short to hold the TCP header */
            if (frag & IP_MF)
                return count_verdict(XDP_DROP, STAT_DROP_FRAGMENT);
            return count_verdict(XDP_ABORTED, STAT_MAX);
        }
        if (tcp_flags_bad(th->flags))
            return count_verdict(XDP_DROP, STAT_DROP_TCP_FLAGS);
        if (port_in_list(net16(th->dest), blocked_tcp_ports, NUM_BLOCKED_TCP_PORTS))
            return count_verdict(XDP_DROP, STAT_DROP_TCP_PORT);
    } else if (iph->protocol == IPPROTO_UDP_) {
        struct udphdr_ *uh = l4;
        if ((void *)(uh + 1) > data_end)
            return count_verdict(XDP_ABORTED, STAT_MAX);
        if (port_in_list(net16(uh->dest), blocked_udp_ports, NUM_BLOCKED_UDP_PORTS))
            return count_verdict(XDP_DROP, STAT_DROP_UDP_PORT);
        /* reflected amplification: responses *from* these ports too */
        if (port_in_list(net16(uh->source), blocked_udp_ports, NUM_BLOCKED_UDP_PORTS))
            return count_verdict(XDP_DROP, STAT_DROP_UDP_PORT);
    }

    return count_verdict(XDP_PASS, STAT_MAX);
}
