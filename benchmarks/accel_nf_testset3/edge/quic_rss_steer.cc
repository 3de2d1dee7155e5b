/*
 * quic_rss_steer.{cc,hh} -- receive-side scaling for QUIC worker pools
 */
#include <click/config.h>
#include "quic_rss_steer.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <click/handler.hh>
#include <clicknet/ip.h>
#include <clicknet/udp.h>
#include <clicknet/tcp.h>
CLICK_DECLS

static const uint8_t default_rss_key[40] = {
    0x6d, 0x5a, 0x56, 0xda, 0x25, 0x5b, 0x0e, 0xc2,
    0x41, 0x67, 0x25, 0x3d, 0x43, 0xa3, 0x8f, 0xb0,
    0xd0, 0xca, 0x2b, 0xcb, 0xae, 0x7b, 0x30, 0xb4,
    0x77, 0xcb, 0x2d, 0xa3, 0x80, 0x30, 0xf2, 0x0c,
    0x6a, 0x42, 0xb7, 0x3b, 0xbe, 0xac, 0x01, 0xfa
};

QuicRssSteer::QuicRssSteer()
    : m_cid_mode(false), m_symmetric(false), m_short_cid_len(8),
      m_packets(0), m_cid_hashed(0), m_fallback_2tuple(0)
{
    memset(m_per_queue, 0, sizeof(m_per_queue));
}

QuicRssSteer::~QuicRssSteer()
{
}

int
QuicRssSteer::parse_hex(const String &text, uint8_t *out, int maxlen)
{
    int n = 0, half = -1;
    for (const char *s = text.begin(); s != text.end(); ++s) {
        int v;
        if (*s >= '0' && *s <= '9')
            v = *s - '0';
        else if (*s >= 'a' && *s <= 'f')
            v = *s - 'a' + 10;
        else if (*s >= 'A' && *s <= 'F')
            v = *s - 'A' + 10;
        else if (*s == ':' || *s == ' ')
            continue;
        else
            return -1;
        if (half < 0)
            half = v;
        else {
            if (n == maxlen)
                return -1;
            out[n++] = (uint8_t) ((half << 4) | v);
            half = -1;
        }
    }
    return half < 0 ? n : -1;
}

int
QuicRssSteer::configure(Vector<String> &conf, ErrorHandler *errh)
{
    String key_text;
    if (Args(conf, this, errh)
        .read_p("KEY", key_text)
        .read("CID_MODE", m_cid_mode)
        .read("SHORT_CID_LEN", m_short_cid_len)
        .read("SYMMETRIC", m_symmetric)
        .complete() < 0)
        return -1;

    if (m_short_cid_len > MAX_CID)
        return errh->error("SHORT_CID_LEN too large");
    if (m_symmetric) {
        for (int i = 0; i < KEY_LEN; i += 2) {
            m_key[i] = 0x6d;
            m_key[i + 1] = 0x5a;
        }
    } else if (key_text) {
        if (parse_hex(key_text, m_key, KEY_LEN) != KEY_LEN)
            return errh->error("KEY must be %d hex bytes", (int) KEY_LEN);
    } else
        memcpy(m_key, default_rss_key, KEY_LEN);
    return 0;
}

int
QuicRssSteer::initialize(ErrorHandler *)
{
    int nq = noutputs();
    for (int i = 0; i < RETA_SIZE; i++)
        m_reta[i] = (uint8_t) (i % nq);
    return 0;
}

void
QuicRssSteer::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    const uint8_t *end = p->end_data();
    uint8_t input[MAX_INPUT];
    unsigned n = 0;

    m_packets++;
    if (!iph || reinterpret_cast<const uint8_t *>(iph) + sizeof(click_ip) > end) {
        output(0).push(p);
        return;
    }
    const uint8_t *l4 = reinterpret_cast<const uint8_t *>(iph) + (iph->ip_hl << 2);
    bool ports = (iph->ip_p == IP_PROTO_UDP || iph->ip_p == IP_PROTO_TCP)
        && !IP_ISFRAG(iph) && l4 + 4 <= end;

    if (m_cid_mode && ports && iph->ip_p == IP_PROTO_UDP
        && l4 + sizeof(click_udp) + 1 <= end) {
        const uint8_t *quic = l4 + sizeof(click_udp);
        const uint8_t *cid = 0;
        unsigned cid_len = 0;
        if ((quic[0] & 0xC0) == 0xC0 && quic + 6 <= end) {
            cid_len = quic[5];
            cid = quic + 6;
        } else if ((quic[0] & 0xC0) == 0x40) {
            cid_len = m_short_cid_len;
            cid = quic + 1;
        }
        if (cid && cid_len > 0 && cid_len <= MAX_CID && cid + cid_len <= end) {
            memcpy(input, cid, cid_len);
            n = cid_len;
            m_cid_hashed++;
        }
    }
    if (n == 0) {
        memcpy(input, &iph->ip_src, 4);
        memcpy(input + 4, &iph->ip_dst, 4);
        n = 8;
        if (ports) {
            memcpy(input + 8, l4, 4);       /* sport, dport */
            n = 12;
        } else
            m_fallback_2tuple++;
    }

    /* Toeplitz hash: for every set input bit, xor in the 32-bit key window
       that starts at that bit position. */
    uint32_t hash = 0;
    uint32_t window = ((uint32_t) m_key[0] << 24) | ((uint32_t) m_key[1] << 16)
        | ((uint32_t) m_key[2] << 8) | m_key[3];
    const uint8_t *kp = m_key + 4;
    for (unsigned i = 0; i < n; i++, kp++) {
        uint8_t byte = input[i];
        for (int b = 7; b >= 0; b--) {
            if ((byte >> b) & 1)
                hash ^= window;
            window = (window << 1) | ((*kp >> b) & 1);
        }
    }

    unsigned q = m_reta[hash & (RETA_SIZE - 1)];
    SET_AGGREGATE_ANNO(p, hash);
    m_per_queue[q]++;
    output(q).push(p);
}

String
QuicRssSteer::read_queue_counts(Element *e, void *)
{
    QuicRssSteer *rs = static_cast<QuicRssSteer *>(e);
    StringAccum sa;
    for (int i = 0; i < rs->noutputs() && i < RETA_SIZE; i++)
        sa << i << ' ' << rs->m_per_queue[i] << '\n';
    return sa.take_string();
}

void
QuicRssSteer::add_handlers()
{
    add_data_handlers("packets", Handler::f_read, &m_packets);
    add_data_handlers("cid_hashed", Handler::f_read, &m_cid_hashed);
    add_data_handlers("two_tuple", Handler::f_read, &m_fallback_2tuple);
    add_read_handler("queues", read_queue_counts, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(QuicRssSteer)
