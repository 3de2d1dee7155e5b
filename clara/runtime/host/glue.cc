/*
 * glue.cc -- host runtime: configuration, failure counters, the
 * instrumentation hook, the trace clock, click_random, click_jiffies,
 * click_chatter, the Internet checksum family, Timestamp clock reads,
 * IPAddress / EtherAddress / IPFlowID out-of-line members.
 */
#include <click/config.h>
#include <click/glue.hh>
#include <click/timestamp.hh>
#include <click/ipaddress.hh>
#include <click/etheraddress.hh>
#include <click/ipflowid.hh>
#include <click/packet.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include "clara_runtime.hh"

struct clara_rt_config clara_rt_cfg = {
    CLARA_RT_HASH_BUCKETS, CLARA_RT_HASH_SLOTS, CLARA_RT_VECTOR_CAPACITY,
    CLARA_RT_PACKET_POOL, CLARA_RT_PACKET_BUFFER, 0
};
struct clara_rt_stats clara_rt_stats;

extern "C" __attribute__((weak)) void
clara_rt_api_event(int, uint32_t, uint32_t, uint32_t)
{
}

extern "C" const char *
clara_rt_api_name(int api_id)
{
    static const char *const names[CLARA_API_COUNT] = {
        "none",
        "HashMap::find", "HashMap::insert", "HashMap::erase", "HashMap::erase",
        "HashMap::iterate",
        "HashTable::find", "HashTable::insert", "HashTable::erase", "HashTable::erase",
        "HashTable::iterate",
        "Vector::push_back", "Vector::push_back", "Vector::erase", "Vector::erase",
        "Vector::push_back", "Vector::erase",
        "click_in_cksum", "click_in_cksum", "Timestamp::now", "click_random", "click_random",
        "Packet::make", "Packet::kill", "Packet::clone", "Packet::uniqueify", "Packet::push",
        "Packet::put", "Packet::push", "Element::output_push", "Element::input_pull",
        "IPFlowID",
    };
    if (api_id < 0 || api_id >= CLARA_API_COUNT)
        return "unknown";
    return names[api_id];
}

/* ---------------------------------------------------------------- the clock */

static int64_t trace_now_ns;

extern "C" void
clara_rt_set_time(int64_t nsec)
{
    trace_now_ns = nsec;
}

extern "C" int64_t
clara_rt_time(void)
{
    return trace_now_ns;
}

/* ---------------------------------------------------------- click_random */

/* xorshift32 over a 31-bit output; deterministic from the seed. */
static uint32_t random_seed = 1;
static uint32_t random_state = 0x2545F491u;

extern "C" void
clara_rt_srandom(uint32_t seed)
{
    random_seed = seed;
    random_state = seed * 0x9E3779B1u ^ 0x2545F491u;
    if (!random_state)
        random_state = 0x2545F491u;
}

CLICK_DECLS

uint32_t
click_random()
{
    uint32_t x = random_state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    random_state = x;
    clara_rt_api_event(CLARA_API_RANDOM, 0, 0, 4);
    return x & CLICK_RAND_MAX;
}

uint32_t
click_random(uint32_t low, uint32_t high)
{
    if (high <= low)
        return low;
    uint32_t span = high - low + 1;
    return low + (span ? click_random() % span : click_random());
}

void
click_random_srandom()
{
    clara_rt_srandom(random_seed);
}

click_jiffies_t
click_jiffies()
{
    clara_rt_api_event(CLARA_API_JIFFIES, 0, 0, 0);
    return (click_jiffies_t) (trace_now_ns / (1000000000 / CLICK_HZ));
}

/* ------------------------------------------------------------- Timestamp */

Timestamp
Timestamp::now()
{
    clara_rt_api_event(CLARA_API_TIMESTAMP_NOW, 0, 0, 8);
    return make_nsec(trace_now_ns);
}

Timestamp
Timestamp::recent()
{
    return now();
}

Timestamp
Timestamp::now_steady()
{
    return now();
}

Timestamp
Timestamp::recent_steady()
{
    return now();
}

void
Timestamp::assign_now()
{
    *this = now();
}

void
Timestamp::set_now()
{
    *this = now();
}

String
Timestamp::unparse() const
{
    char buf[48];
    int64_t s = sec();
    snprintf(buf, sizeof(buf), "%lld.%09u", (long long) s, (unsigned) subsec());
    return String(buf);
}

String
Timestamp::unparse_interval() const
{
    if (_t < 0)
        return String("-") + (-*this).unparse();
    return unparse();
}

/* ------------------------------------------------------------- IPAddress */

static bool
parse_dotted(const char *s, int len, uint32_t *out)
{
    uint32_t bytes[4];
    int nb = 0, i = 0;
    while (nb < 4) {
        if (i >= len || s[i] < '0' || s[i] > '9')
            return false;
        uint32_t v = 0;
        int digits = 0;
        while (i < len && s[i] >= '0' && s[i] <= '9' && digits < 4) {
            v = v * 10 + (uint32_t) (s[i] - '0');
            i++;
            digits++;
        }
        if (v > 255)
            return false;
        bytes[nb++] = v;
        if (nb < 4) {
            if (i >= len || s[i] != '.')
                return false;
            i++;
        }
    }
    if (i != len)
        return false;
    unsigned char b[4] = {(unsigned char) bytes[0], (unsigned char) bytes[1],
                          (unsigned char) bytes[2], (unsigned char) bytes[3]};
    memcpy(out, b, 4);
    return true;
}

bool clara_parse_ip(const String &text, IPAddress *result);

bool
clara_parse_ip(const String &text, IPAddress *result)
{
    uint32_t a;
    if (!parse_dotted(text.data(), text.length(), &a))
        return false;
    *result = IPAddress(a);
    return true;
}

IPAddress::IPAddress(const String &text)
    : _addr(0)
{
    uint32_t a;
    if (parse_dotted(text.data(), text.length(), &a))
        _addr = a;
}

IPAddress
IPAddress::make_prefix(int prefix_len)
{
    if (prefix_len <= 0)
        return IPAddress(0U);
    if (prefix_len >= 32)
        return IPAddress(0xFFFFFFFFU);
    return IPAddress(htonl(0xFFFFFFFFU << (32 - prefix_len)));
}

int
IPAddress::mask_to_prefix_len() const
{
    uint32_t m = ntohl(_addr);
    int len = 0;
    while (len < 32 && (m & (0x80000000U >> len)))
        len++;
    uint32_t expect = len == 0 ? 0 : (len == 32 ? 0xFFFFFFFFU : 0xFFFFFFFFU << (32 - len));
    return m == expect ? len : -1;
}

String
IPAddress::unparse() const
{
    const unsigned char *p = data();
    char buf[16];
    snprintf(buf, sizeof(buf), "%u.%u.%u.%u", p[0], p[1], p[2], p[3]);
    return String(buf);
}

String
IPAddress::unparse_mask() const
{
    int len = mask_to_prefix_len();
    if (len >= 0)
        return String(len);
    return unparse();
}

String
IPAddress::unparse_with_mask(IPAddress mask) const
{
    return unparse() + "/" + mask.unparse_mask();
}

String
IPAddress::s() const
{
    return unparse();
}

/* ---------------------------------------------------------- EtherAddress */

bool clara_parse_ether(const String &text, EtherAddress *result);

bool
clara_parse_ether(const String &text, EtherAddress *result)
{
    unsigned char b[6];
    const char *s = text.data();
    int len = text.length(), i = 0;
    for (int k = 0; k < 6; k++) {
        int v = 0, digits = 0;
        while (i < len && digits < 2) {
            char c = s[i];
            int d = (c >= '0' && c <= '9') ? c - '0'
                : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
            if (d < 0)
                break;
            v = v * 16 + d;
            i++;
            digits++;
        }
        if (digits == 0)
            return false;
        b[k] = (unsigned char) v;
        if (k < 5) {
            if (i >= len || (s[i] != ':' && s[i] != '-'))
                return false;
            i++;
        }
    }
    if (i != len)
        return false;
    *result = EtherAddress(b);
    return true;
}

EtherAddress::EtherAddress(const String &text)
{
    _data[0] = _data[1] = _data[2] = 0;
    EtherAddress a;
    if (clara_parse_ether(text, &a))
        *this = a;
}

String
EtherAddress::unparse_colon() const
{
    const unsigned char *p = data();
    char buf[24];
    snprintf(buf, sizeof(buf), "%02X:%02X:%02X:%02X:%02X:%02X", p[0], p[1], p[2], p[3], p[4],
             p[5]);
    return String(buf);
}

String
EtherAddress::unparse() const
{
    const unsigned char *p = data();
    char buf[24];
    snprintf(buf, sizeof(buf), "%02X-%02X-%02X-%02X-%02X-%02X", p[0], p[1], p[2], p[3], p[4],
             p[5]);
    return String(buf);
}

String
EtherAddress::s() const
{
    return unparse_colon();
}

/* -------------------------------------------------------------- IPFlowID */

/* Fixed-offset reads: ports are the first 4 bytes of the transport header
   (TCP and UDP alike), found at ip_hl * 4 after the IP header. */
IPFlowID::IPFlowID(const click_ip *iph, bool reverse)
{
    const unsigned char *l4 = reinterpret_cast<const unsigned char *>(iph) + (iph->ip_hl << 2);
    uint16_t sp, dp;
    memcpy(&sp, l4, 2);
    memcpy(&dp, l4 + 2, 2);
    uint32_t s, d;
    memcpy(&s, &iph->ip_src, 4);
    memcpy(&d, &iph->ip_dst, 4);
    if (reverse)
        assign(IPAddress(d), dp, IPAddress(s), sp);
    else
        assign(IPAddress(s), sp, IPAddress(d), dp);
    clara_rt_api_event(CLARA_API_FLOWID, 0, 0, 12);
}

IPFlowID::IPFlowID(const Packet *p, bool reverse)
{
    const click_ip *iph = p->ip_header();
    const unsigned char *l4 = p->transport_header();
    uint16_t sp, dp;
    memcpy(&sp, l4, 2);
    memcpy(&dp, l4 + 2, 2);
    uint32_t s, d;
    memcpy(&s, &iph->ip_src, 4);
    memcpy(&d, &iph->ip_dst, 4);
    if (reverse)
        assign(IPAddress(d), dp, IPAddress(s), sp);
    else
        assign(IPAddress(s), sp, IPAddress(d), dp);
    clara_rt_api_event(CLARA_API_FLOWID, 0, 0, 12);
}

String
IPFlowID::unparse() const
{
    char buf[64];
    snprintf(buf, sizeof(buf), "(%s, %u, %s, %u)", _saddr.unparse().c_str(), ntohs(_sport),
             _daddr.unparse().c_str(), ntohs(_dport));
    return String(buf);
}

String
IPFlowID::s() const
{
    return unparse();
}

CLICK_ENDDECLS

/* ------------------------------------------------------ Internet checksum */

/* RFC 1071 over 16-bit words in memory order; the result is in network byte
   order when stored as is (clara_nic_in_cksum has the same loop). */
uint16_t
click_in_cksum(const unsigned char *addr, int len)
{
    uint32_t sum = 0;
    int nleft = len;
    const unsigned char *w = addr;
    uint32_t words = 0;
    while (nleft > 1) {
        uint16_t v;
        memcpy(&v, w, 2);
        sum += v;
        w += 2;
        nleft -= 2;
        words++;
    }
    if (nleft == 1) {
        uint16_t v = 0;
        memcpy(&v, w, 1);
        sum += v;
    }
    sum = (sum & 0xFFFF) + (sum >> 16);
    sum += sum >> 16;
    clara_rt_api_event(CLARA_API_CKSUM, words, 0, (uint32_t) (len > 0 ? len : 0));
    return (uint16_t) ~sum;
}

uint16_t
click_in_cksum_pseudohdr_raw(uint32_t csum, uint32_t src, uint32_t dst, int proto,
                             int packet_len)
{
    /* csum is the complemented checksum of the segment (as click_in_cksum
       returns it): undo the complement, add the pseudo-header words. */
    uint32_t sum = (uint16_t) ~csum;
    sum += (src >> 16) + (src & 0xFFFF);
    sum += (dst >> 16) + (dst & 0xFFFF);
    sum += htons((uint16_t) proto) + htons((uint16_t) packet_len);
    sum = (sum & 0xFFFF) + (sum >> 16);
    sum += sum >> 16;
    clara_rt_api_event(CLARA_API_CKSUM_PSEUDOHDR, 0, 0, 12);
    return (uint16_t) ~sum;
}

uint16_t
click_in_cksum_pseudohdr_hard(uint32_t csum, const struct click_ip *iph, int packet_len)
{
    /* A source route (LSRR/SSRR) option's last address is the real
       destination. */
    uint32_t src, dst;
    memcpy(&src, &iph->ip_src, 4);
    memcpy(&dst, &iph->ip_dst, 4);
    const unsigned char *opt = reinterpret_cast<const unsigned char *>(iph + 1);
    int olen = (iph->ip_hl << 2) - (int) sizeof(click_ip);
    while (olen > 0) {
        if (opt[0] == 0)        // end of options
            break;
        if (opt[0] == 1) {      // no-op
            opt++;
            olen--;
            continue;
        }
        if (olen < 2 || opt[1] < 2 || opt[1] > olen)
            break;
        if ((opt[0] == 131 || opt[0] == 137) && opt[1] >= 7 && opt[2] >= 4
            && opt[2] + 3 <= opt[1])
            memcpy(&dst, opt + opt[1] - 4, 4);
        olen -= opt[1];
        opt += opt[1];
    }
    return click_in_cksum_pseudohdr_raw(csum, src, dst, iph->ip_p, packet_len);
}

uint16_t
click_in_cksum_pseudohdr(uint32_t csum, const struct click_ip *iph, int packet_len)
{
    if (iph->ip_hl == 5) {
        uint32_t src, dst;
        memcpy(&src, &iph->ip_src, 4);
        memcpy(&dst, &iph->ip_dst, 4);
        return click_in_cksum_pseudohdr_raw(csum, src, dst, iph->ip_p, packet_len);
    }
    return click_in_cksum_pseudohdr_hard(csum, iph, packet_len);
}

/* ------------------------------------------------------------ click_chatter */

void clara_rt_log(const char *line);

void
click_chatter(const char *fmt, ...)
{
    char buf[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    clara_rt_stats.chatter++;
    clara_rt_log(buf);
}
