// -*- c-basic-offset: 4 -*-
/*
 * hllflowcounter.{cc,hh} -- HyperLogLog distinct-flow counter
 */

#include <click/config.h>
#include "hllflowcounter.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <click/packet_anno.hh>
#include <math.h>
CLICK_DECLS

#define P32_1 0x9E3779B1U
#define P32_2 0x85EBCA77U
#define P32_3 0xC2B2AE3DU
#define P32_4 0x27D4EB2FU
#define P32_5 0x165667B1U
#define ROTL32(x, r) (((x) << (r)) | ((x) >> (32 - (r))))
#define LE32(b) ((uint32_t) (b)[0] | ((uint32_t) (b)[1] << 8) | \
                 ((uint32_t) (b)[2] << 16) | ((uint32_t) (b)[3] << 24))
#define XXROUND(acc, in) do { (acc) += (in) * P32_2; \
        (acc) = ROTL32((acc), 13); (acc) *= P32_1; } while (0)

HLLFlowCounter::HLLFlowCounter()
    : _precision(12), _key(KEY_SRC), _seed(0), _count(0), _skipped(0), _reg_updates(0)
{
    memset(_reg, 0, sizeof(_reg));
}

int
HLLFlowCounter::configure(Vector<String> &conf, ErrorHandler *errh)
{
    String key = String::make_stable("SRC", 3);
    if (Args(conf, this, errh)
        .read_p("PRECISION", _precision)
        .read_p("KEY", key)
        .read("SEED", _seed)
        .complete() < 0)
        return -1;
    if (_precision < 4 || _precision > MAX_PRECISION)
        return errh->error("PRECISION out of range [4, %d]", (int) MAX_PRECISION);
    if (key == "SRC")
        _key = KEY_SRC;
    else if (key == "PAIR")
        _key = KEY_PAIR;
    else if (key == "FLOW")
        _key = KEY_FLOW;
    else
        return errh->error("KEY must be SRC, PAIR or FLOW");
    return 0;
}

Packet *
HLLFlowCounter::simple_action(Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!iph || p->network_length() < (int) sizeof(click_ip) || iph->ip_v != 4) {
        _skipped++;
        return p;
    }

    uint8_t kb[16];
    unsigned klen;
    memcpy(kb, &iph->ip_src, 4);
    if (_key == KEY_SRC)
        klen = 4;
    else {
        memcpy(kb + 4, &iph->ip_dst, 4);
        klen = 8;
        if (_key == KEY_FLOW) {
            unsigned hl = iph->ip_hl << 2;
            if ((iph->ip_p == IP_PROTO_TCP || iph->ip_p == IP_PROTO_UDP)
                && !IP_ISFRAG(iph) && (unsigned) p->network_length() >= hl + 4)
                memcpy(kb + 8, p->network_header() + hl, 4);
            else
                memset(kb + 8, 0, 4);
            kb[12] = iph->ip_p;
            kb[13] = PAINT_ANNO(p);
            uint16_t tci = VLAN_TCI_ANNO(p) & htons(0x0FFF);
            memcpy(kb + 14, &tci, 2);
            klen = 16;
        }
    }

    // xxHash32 of the key
    const uint8_t *in = kb;
    const uint8_t *const end = kb + klen;
    uint32_t h;
    if (klen >= 16) {
        const uint8_t *const limit = end - 16;
        uint32_t v1 = _seed + P32_1 + P32_2;
        uint32_t v2 = _seed + P32_2;
        uint32_t v3 = _seed;
        uint32_t v4 = _seed - P32_1;
        do {
            XXROUND(v1, LE32(in)); in += 4;
            XXROUND(v2, LE32(in)); in += 4;
            XXROUND(v3, LE32(in)); in += 4;
            XXROUND(v4, LE32(in)); in += 4;
        } while (in <= limit);
        h = ROTL32(v1, 1) + ROTL32(v2, 7) + ROTL32(v3, 12) + ROTL32(v4, 18);
    } else
        h = _seed + P32_5;
    h += klen;
    while (in + 4 <= end) {
        h += LE32(in) * P32_3;
        h = ROTL32(h, 17) * P32_4;
        in += 4;
    }
    while (in < end) {
        h += (*in++) * P32_5;
        h = ROTL32(h, 11) * P32_1;
    }
    h ^= h >> 15;
    h *= P32_2;
    h ^= h >> 13;
    h *= P32_3;
    h ^= h >> 16;

    // top bits pick the register, the rank is 1 + leading zeros of the rest
    uint32_t idx = h >> (32 - _precision);
    uint32_t rest = (h << _precision) | (1U << (_precision - 1));
    uint8_t rank = (uint8_t) (__builtin_clz(rest) + 1);
    if (rank > _reg[idx]) {
        _reg[idx] = rank;
        _reg_updates++;
    }
    _count++;
    return p;
}

double
HLLFlowCounter::estimate() const
{
    unsigned m = 1U << _precision;
    double sum = 0;
    unsigned zeros = 0;
    for (unsigned i = 0; i < m; i++) {
        sum += ldexp(1.0, -(int) _reg[i]);
        if (_reg[i] == 0)
            zeros++;
    }
    double alpha;
    if (m == 16)
        alpha = 0.673;
    else if (m == 32)
        alpha = 0.697;
    else if (m == 64)
        alpha = 0.709;
    else
        alpha = 0.7213 / (1 + 1.079 / m);
    double e = alpha * m * m / sum;
    if (e <= 2.5 * m && zeros)            // small range: linear counting
        e = m * log((double) m / zeros);
    else if (e > 143165576.533)            // 2^32 / 30: large range correction
        e = -4294967296.0 * log(1 - e / 4294967296.0);
    return e;
}

String
HLLFlowCounter::read_estimate(Element *e, void *)
{
    HLLFlowCounter *hll = static_cast<HLLFlowCounter *>(e);
    StringAccum sa;
    sa << (unsigned long long) (hll->estimate() + 0.5);
    return sa.take_string();
}

int
HLLFlowCounter::write_reset(const String &, Element *e, void *, ErrorHandler *)
{
    HLLFlowCounter *hll = static_cast<HLLFlowCounter *>(e);
    memset(hll->_reg, 0, sizeof(hll->_reg));
    hll->_count = hll->_skipped = hll->_reg_updates = 0;
    return 0;
}

void
HLLFlowCounter::add_handlers()
{
    add_read_handler("estimate", read_estimate, 0);
    add_data_handlers("count", Handler::f_read, &_count);
    add_data_handlers("skipped", Handler::f_read, &_skipped);
    add_data_handlers("register_updates", Handler::f_read, &_reg_updates);
    add_write_handler("reset", write_reset, 0, Handler::f_button);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(HLLFlowCounter)
ELEMENT_LIBS(-lm)
