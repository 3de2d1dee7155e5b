/*
 * flow_sampler.cc -- FlowSampler: flow-consistent sampling by a hash of the
 * 5-tuple, with DSCP re-marking of the sampled packets.
 */
#include <click/config.h>
#include "flow_sampler.hh"
#include <click/args.hh>
#include <click/error.hh>
CLICK_DECLS

/* Spread the key bytes over 32 bits (shift-add-xor per byte, then a short
   final mix). */
static uint32_t
spread(const unsigned char *k, int n)
{
    uint32_t h = 0;
    for (int i = 0; i < n; ++i) {
        h += k[i];
        h += h << 10;
        h ^= h >> 6;
    }
    h += h << 3;
    h ^= h >> 11;
    h += h << 15;
    return h;
}

FlowSampler::FlowSampler()
    : _cut(0), _dscp(-1), _bidir(true), _seed(0),
      _seen(0), _sampled(0), _remarked(0), _not_ip(0), _clone_failed(0)
{
}

FlowSampler::~FlowSampler()
{
}

int
FlowSampler::configure(Vector<String> &conf, ErrorHandler *errh)
{
    double rate;
    int dscp = -1;
    if (Args(conf, this, errh)
        .read_mp("RATE", rate)
        .read_p("DSCP", dscp)
        .read("BIDIRECTIONAL", _bidir)
        .read("SEED", _seed)
        .complete() < 0)
        return -1;
    if (rate < 0 || rate > 1)
        return errh->error("RATE must be between 0 and 1");
    if (dscp > 63)
        return errh->error("DSCP must be between 0 and 63");
    _dscp = dscp;
    _cut = rate >= 1 ? 0xFFFFFFFFU : (uint32_t) (rate * 4294967296.0);
    return 0;
}

void
FlowSampler::build_key(const click_ip *iph, const unsigned char *th, bool ports,
                       bool bidir, uint32_t seed, unsigned char key[17])
{
    const unsigned char *a = reinterpret_cast<const unsigned char *>(&iph->ip_src);
    const unsigned char *b = reinterpret_cast<const unsigned char *>(&iph->ip_dst);
    unsigned char pa[2] = {0, 0}, pb[2] = {0, 0};
    if (ports) {
        pa[0] = th[0]; pa[1] = th[1];
        pb[0] = th[2]; pb[1] = th[3];
    }
    bool swap = false;
    if (bidir) {
        int c = memcmp(a, b, 4);
        swap = c > 0 || (c == 0 && memcmp(pa, pb, 2) > 0);
    }
    if (swap) {
        memcpy(key, b, 4);
        memcpy(key + 4, a, 4);
        key[8] = pb[0]; key[9] = pb[1];
        key[10] = pa[0]; key[11] = pa[1];
    } else {
        memcpy(key, a, 4);
        memcpy(key + 4, b, 4);
        key[8] = pa[0]; key[9] = pa[1];
        key[10] = pb[0]; key[11] = pb[1];
    }
    key[12] = iph->ip_p;
    key[13] = (unsigned char) (seed >> 24);
    key[14] = (unsigned char) (seed >> 16);
    key[15] = (unsigned char) (seed >> 8);
    key[16] = (unsigned char) seed;
}

/* Rewrite the DSCP bits and patch the header checksum for the changed
   first 16-bit word (version/IHL/TOS). */
Packet *
FlowSampler::remark(Packet *p)
{
    WritablePacket *q = p->uniqueify();
    if (!q)
        return 0;
    click_ip *iph = q->ip_header();
    uint16_t old_word, new_word;
    memcpy(&old_word, iph, 2);
    iph->ip_tos = (uint8_t) ((_dscp << 2) | (iph->ip_tos & IP_ECNMASK));
    memcpy(&new_word, iph, 2);
    if (old_word != new_word) {
        uint32_t s = (uint16_t) ~iph->ip_sum;
        s += (uint16_t) ~old_word;
        s += new_word;
        s = (s & 0xFFFF) + (s >> 16);
        s = (s & 0xFFFF) + (s >> 16);
        iph->ip_sum = (uint16_t) ~s;
        _remarked++;
    }
    return q;
}

void
FlowSampler::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!iph || p->network_length() < (int) sizeof(click_ip)) {
        _not_ip++;
        output(0).push(p);
        return;
    }
    _seen++;

    bool ports = (iph->ip_p == IP_PROTO_TCP || iph->ip_p == IP_PROTO_UDP)
        && IP_FIRSTFRAG(iph) && p->transport_length() >= 4;
    unsigned char key[17];
    build_key(iph, p->transport_header(), ports, _bidir, _seed, key);
    uint32_t v = spread(key, _seed ? 17 : 13);

    if (v >= _cut && _cut != 0xFFFFFFFFU) {
        output(0).push(p);
        return;
    }

    _sampled++;
    if (_dscp >= 0) {
        p = remark(p);
        if (!p)
            return;
    }
    if (noutputs() > 1) {
        Packet *c = p->clone();
        if (c)
            output(1).push(c);
        else
            _clone_failed++;
    }
    output(0).push(p);
}

void
FlowSampler::add_handlers()
{
    add_data_handlers("sampled", Handler::f_read, &_sampled);
    add_data_handlers("seen", Handler::f_read, &_seen);
    add_data_handlers("remarked", Handler::f_read, &_remarked);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(FlowSampler)
