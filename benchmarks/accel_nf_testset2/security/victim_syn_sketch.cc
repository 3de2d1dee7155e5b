/*
 * victim_syn_sketch.cc -- VictimSynSketch: a count-min sketch in a member
 * array, one row per seed.  Per SYN: build an 11-byte key, hash it once
 * per row, bump four counters and take their minimum.
 */
#include <click/config.h>
#include "victim_syn_sketch.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <click/glue.hh>
CLICK_DECLS

#define ROL32(x, k) (((x) << (k)) | ((x) >> (32 - (k))))

VictimSynSketch::VictimSynSketch()
    : _threshold(5000), _window_ms(1000), _src_mask(0), _seed(0), _all_tcp(false),
      _window_start(0), _counted(0), _hot(0), _windows(0), _max_estimate(0)
{
    memset(_count, 0, sizeof(_count));
    memset(_row_init, 0, sizeof(_row_init));
}

VictimSynSketch::~VictimSynSketch()
{
}

int
VictimSynSketch::configure(Vector<String> &conf, ErrorHandler *errh)
{
    int src_prefix = 0;
    if (Args(conf, this, errh)
        .read_mp("THRESHOLD", _threshold)
        .read("WINDOW_MS", _window_ms)
        .read("SRC_PREFIX", src_prefix)
        .read("SEED", _seed)
        .read("ALL_TCP", _all_tcp)
        .complete() < 0)
        return -1;
    if (src_prefix < 0 || src_prefix > 32)
        return errh->error("SRC_PREFIX must be between 0 and 32");
    if (_window_ms == 0)
        return errh->error("WINDOW_MS must be positive");
    _src_mask = src_prefix ? htonl(0xFFFFFFFFU << (32 - src_prefix)) : 0;
    // independent rows: one init value per row
    for (int r = 0; r < ROWS; ++r)
        _row_init[r] = _seed + 0x9E3779B9U * (uint32_t) (r + 1);
    return 0;
}

/* Bob Jenkins' lookup3 "hashlittle", byte-at-a-time so it does not care
   about the key's alignment. */
uint32_t
VictimSynSketch::key_hash(const uint8_t *k, uint32_t len, uint32_t initval) const
{
    uint32_t a, b, c;
    a = b = c = 0xdeadbeefU + len + initval;

    while (len > 12) {
        a += k[0] + ((uint32_t) k[1] << 8) + ((uint32_t) k[2] << 16) + ((uint32_t) k[3] << 24);
        b += k[4] + ((uint32_t) k[5] << 8) + ((uint32_t) k[6] << 16) + ((uint32_t) k[7] << 24);
        c += k[8] + ((uint32_t) k[9] << 8) + ((uint32_t) k[10] << 16) + ((uint32_t) k[11] << 24);
        a -= c; a ^= ROL32(c, 4);  c += b;
        b -= a; b ^= ROL32(a, 6);  a += c;
        c -= b; c ^= ROL32(b, 8);  b += a;
        a -= c; a ^= ROL32(c, 16); c += b;
        b -= a; b ^= ROL32(a, 19); a += c;
        c -= b; c ^= ROL32(b, 4);  b += a;
        len -= 12;
        k += 12;
    }
    if (len == 0)
        return c;

    // last 1..12 bytes: little-endian into a, b, c
    uint32_t tail[3] = {0, 0, 0};
    for (uint32_t i = 0; i < len; ++i)
        tail[i >> 2] += (uint32_t) k[i] << ((i & 3) * 8);
    a += tail[0];
    b += tail[1];
    c += tail[2];

    c ^= b; c -= ROL32(b, 14);
    a ^= c; a -= ROL32(c, 11);
    b ^= a; b -= ROL32(a, 25);
    c ^= b; c -= ROL32(b, 16);
    a ^= c; a -= ROL32(c, 4);
    b ^= a; b -= ROL32(a, 14);
    c ^= b; c -= ROL32(b, 24);
    return c;
}

void
VictimSynSketch::roll(int64_t now_ms)
{
    memset(_count, 0, sizeof(_count));
    _window_start = now_ms;
    _windows++;
}

void
VictimSynSketch::push(int, Packet *p)
{
    const click_ip *iph = p->has_network_header() ? p->ip_header()
        : reinterpret_cast<const click_ip *>(p->data());
    const unsigned char *end = p->end_data();
    const unsigned char *ipb = reinterpret_cast<const unsigned char *>(iph);
    if (ipb + sizeof(click_ip) > end || iph->ip_v != 4 || iph->ip_p != IP_PROTO_TCP
        || !IP_FIRSTFRAG(iph)) {
        output(0).push(p);
        return;
    }
    const click_tcp *tcph = reinterpret_cast<const click_tcp *>(ipb + (iph->ip_hl << 2));
    if (reinterpret_cast<const unsigned char *>(tcph) + sizeof(click_tcp) > end) {
        output(0).push(p);
        return;
    }
    bool syn = (tcph->th_flags & (TH_SYN | TH_ACK)) == TH_SYN;
    if (!syn && !_all_tcp) {
        output(0).push(p);
        return;
    }

    int64_t now_ms = Timestamp::recent().msecval();
    if (now_ms - _window_start >= (int64_t) _window_ms)
        roll(now_ms);

    uint8_t key[KEYLEN];
    uint32_t src = iph->ip_src.s_addr & _src_mask;
    memcpy(key, &iph->ip_dst, 4);
    memcpy(key + 4, &tcph->th_dport, 2);
    key[6] = iph->ip_p;
    memcpy(key + 7, &src, 4);

    uint32_t est = 0xFFFFFFFFU;
    for (int r = 0; r < ROWS; ++r) {
        uint32_t col = key_hash(key, KEYLEN, _row_init[r]) & (WIDTH - 1);
        uint32_t v = ++_count[r][col];
        if (v < est)
            est = v;
    }
    _counted++;
    if (est > _max_estimate)
        _max_estimate = est;

    if (est >= _threshold) {
        _hot++;
        output(1).push(p);
    } else
        output(0).push(p);
}

String
VictimSynSketch::read_stats(Element *e, void *)
{
    VictimSynSketch *s = static_cast<VictimSynSketch *>(e);
    StringAccum sa;
    sa << "counted " << s->_counted << "\nhot " << s->_hot
       << "\nwindows " << s->_windows << "\nmax_estimate " << s->_max_estimate
       << "\nthreshold " << s->_threshold << '\n';
    return sa.take_string();
}

int
VictimSynSketch::write_reset(const String &, Element *e, void *, ErrorHandler *)
{
    VictimSynSketch *s = static_cast<VictimSynSketch *>(e);
    s->roll(Timestamp::recent().msecval());
    s->_max_estimate = 0;
    return 0;
}

void
VictimSynSketch::add_handlers()
{
    add_read_handler("stats", read_stats, 0);
    add_write_handler("reset", write_reset, 0);
    add_data_handlers("threshold", Handler::f_read | Handler::f_write, &_threshold);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(VictimSynSketch)
