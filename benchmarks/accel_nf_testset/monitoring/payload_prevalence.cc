/*
 * payload_prevalence.cc -- PayloadPrevalence: TCP checksum verification of
 * sampled segments and a SHA-256 fingerprint of their payload prefix,
 * counted in a HashMap.
 */
#include <click/config.h>
#include "payload_prevalence.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

#define ROTR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static const uint32_t round_k[64] = {
    0x428A2F98U, 0x71374491U, 0xB5C0FBCFU, 0xE9B5DBA5U,
    0x3956C25BU, 0x59F111F1U, 0x923F82A4U, 0xAB1C5ED5U,
    0xD807AA98U, 0x12835B01U, 0x243185BEU, 0x550C7DC3U,
    0x72BE5D74U, 0x80DEB1FEU, 0x9BDC06A7U, 0xC19BF174U,
    0xE49B69C1U, 0xEFBE4786U, 0x0FC19DC6U, 0x240CA1CCU,
    0x2DE92C6FU, 0x4A7484AAU, 0x5CB0A9DCU, 0x76F988DAU,
    0x983E5152U, 0xA831C66DU, 0xB00327C8U, 0xBF597FC7U,
    0xC6E00BF3U, 0xD5A79147U, 0x06CA6351U, 0x14292967U,
    0x27B70A85U, 0x2E1B2138U, 0x4D2C6DFCU, 0x53380D13U,
    0x650A7354U, 0x766A0ABBU, 0x81C2C92EU, 0x92722C85U,
    0xA2BFE8A1U, 0xA81A664BU, 0xC24B8B70U, 0xC76C51A3U,
    0xD192E819U, 0xD6990624U, 0xF40E3585U, 0x106AA070U,
    0x19A4C116U, 0x1E376C08U, 0x2748774CU, 0x34B0BCB5U,
    0x391C0CB3U, 0x4ED8AA4AU, 0x5B9CCA4FU, 0x682E6FF3U,
    0x748F82EEU, 0x78A5636FU, 0x84C87814U, 0x8CC70208U,
    0x90BEFFFAU, 0xA4506CEBU, 0xBEF9A3F7U, 0xC67178F2U
};

static void
compress(uint32_t st[8], const unsigned char *blk)
{
    uint32_t w[64];
    for (int t = 0; t < 16; ++t)
        w[t] = ((uint32_t) blk[4 * t] << 24) | ((uint32_t) blk[4 * t + 1] << 16)
            | ((uint32_t) blk[4 * t + 2] << 8) | blk[4 * t + 3];
    for (int t = 16; t < 64; ++t) {
        uint32_t s0 = ROTR(w[t - 15], 7) ^ ROTR(w[t - 15], 18) ^ (w[t - 15] >> 3);
        uint32_t s1 = ROTR(w[t - 2], 17) ^ ROTR(w[t - 2], 19) ^ (w[t - 2] >> 10);
        w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    uint32_t a = st[0], b = st[1], c = st[2], d = st[3];
    uint32_t e = st[4], f = st[5], g = st[6], h = st[7];
    for (int t = 0; t < 64; ++t) {
        uint32_t t1 = h + (ROTR(e, 6) ^ ROTR(e, 11) ^ ROTR(e, 25))
            + ((e & f) ^ (~e & g)) + round_k[t] + w[t];
        uint32_t t2 = (ROTR(a, 2) ^ ROTR(a, 13) ^ ROTR(a, 22))
            + ((a & b) ^ (a & c) ^ (b & c));
        h = g; g = f; f = e; e = d + t1;
        d = c; c = b; b = a; a = t1 + t2;
    }
    st[0] += a; st[1] += b; st[2] += c; st[3] += d;
    st[4] += e; st[5] += f; st[6] += g; st[7] += h;
}

static uint64_t
fingerprint(const unsigned char *msg, uint32_t len)
{
    uint32_t st[8] = {
        0x6A09E667U, 0xBB67AE85U, 0x3C6EF372U, 0xA54FF53AU,
        0x510E527FU, 0x9B05688CU, 0x1F83D9ABU, 0x5BE0CD19U
    };
    uint32_t off = 0;
    for (; len - off >= 64; off += 64)
        compress(st, msg + off);
    unsigned char tail[128];
    uint32_t r = len - off;
    memset(tail, 0, sizeof(tail));
    memcpy(tail, msg + off, r);
    tail[r] = 0x80;
    uint32_t tl = r < 56 ? 64 : 128;
    uint64_t bits = (uint64_t) len << 3;
    for (int i = 0; i < 8; ++i)
        tail[tl - 1 - i] = (unsigned char) (bits >> (8 * i));
    compress(st, tail);
    if (tl == 128)
        compress(st, tail + 64);
    return ((uint64_t) st[0] << 32) | st[1];
}

PayloadPrevalence::PayloadPrevalence()
    : _sample(16), _prefix(40), _prevalence(20), _dispersion(3), _max_entries(65536),
      _phase(0), _tcp(0), _examined(0), _bad_sum(0), _alerts(0), _flushes(0)
{
}

PayloadPrevalence::~PayloadPrevalence()
{
}

int
PayloadPrevalence::configure(Vector<String> &conf, ErrorHandler *errh)
{
    if (Args(conf, this, errh)
        .read_p("SAMPLE", _sample)
        .read_p("PREFIX", _prefix)
        .read("PREVALENCE", _prevalence)
        .read("DISPERSION", _dispersion)
        .read("MAX_ENTRIES", _max_entries)
        .complete() < 0)
        return -1;
    if (_sample < 1)
        return errh->error("SAMPLE must be positive");
    if (_prefix < 16 || _prefix > 512)
        return errh->error("PREFIX must be between 16 and 512");
    if (_dispersion < 1 || _dispersion > 4)
        return errh->error("DISPERSION must be between 1 and 4");
    return 0;
}

/* Pseudo-header (addresses, protocol, TCP length) plus the segment, as
   big-endian 16-bit words; a correct segment sums to 0xFFFF. */
bool
PayloadPrevalence::segment_ok(const click_ip *iph, const unsigned char *seg,
                              unsigned len) const
{
    const unsigned char *ad = reinterpret_cast<const unsigned char *>(&iph->ip_src);
    uint32_t sum = 0;
    for (int i = 0; i < 8; i += 2)
        sum += (uint32_t) (ad[i] << 8 | ad[i + 1]);
    sum += IP_PROTO_TCP;
    sum += len;
    unsigned i = 0;
    for (; i + 1 < len; i += 2)
        sum += (uint32_t) (seg[i] << 8 | seg[i + 1]);
    if (i < len)
        sum += (uint32_t) seg[i] << 8;
    while (sum >> 16)
        sum = (sum & 0xFFFF) + (sum >> 16);
    return sum == 0xFFFF;
}

void
PayloadPrevalence::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!iph || iph->ip_p != IP_PROTO_TCP || IP_ISFRAG(iph) || !p->has_transport_header()
        || p->transport_length() < (int) sizeof(click_tcp)) {
        output(0).push(p);
        return;
    }
    _tcp++;
    int hl = iph->ip_hl << 2;
    int seglen = (int) ntohs(iph->ip_len) - hl;
    int off = p->tcp_header()->th_off << 2;
    if (seglen <= off || seglen > p->transport_length() || off < (int) sizeof(click_tcp)) {
        output(0).push(p);
        return;
    }
    if (++_phase < _sample) {
        output(0).push(p);
        return;
    }
    _phase = 0;
    _examined++;

    const unsigned char *seg = p->transport_header();
    if (!segment_ok(iph, seg, (unsigned) seglen)) {
        _bad_sum++;
        output(0).push(p);
        return;
    }

    unsigned plen = (unsigned) (seglen - off);
    uint64_t fp = fingerprint(seg + off, plen < _prefix ? plen : _prefix);

    if (_table.size() >= _max_entries) {
        _table.clear();
        _flushes++;
    }
    Seen &s = _table.find_force(fp);
    s.count++;
    uint32_t src = iph->ip_src.s_addr;
    bool known = false;
    for (int i = 0; i < s.nsrcs; ++i)
        if (s.srcs[i] == src)
            known = true;
    if (!known && s.nsrcs < 4)
        s.srcs[s.nsrcs++] = src;

    if (s.count >= _prevalence && s.nsrcs >= _dispersion && noutputs() > 1) {
        if (!s.alerted) {
            s.alerted = true;
            _alerts++;
        }
        output(1).push(p);
        return;
    }
    output(0).push(p);
}

String
PayloadPrevalence::read_handler(Element *e, void *)
{
    PayloadPrevalence *pp = static_cast<PayloadPrevalence *>(e);
    StringAccum sa;
    sa << "tcp " << pp->_tcp << "\nexamined " << pp->_examined
       << "\nbad_checksum " << pp->_bad_sum << "\nfingerprints " << pp->_table.size()
       << "\nalerts " << pp->_alerts << "\nflushes " << pp->_flushes << '\n';
    return sa.take_string();
}

void
PayloadPrevalence::add_handlers()
{
    add_read_handler("stats", read_handler, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(PayloadPrevalence)
