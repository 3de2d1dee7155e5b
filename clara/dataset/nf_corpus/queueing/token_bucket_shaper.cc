/*
 * token_bucket_shaper.cc -- TokenBucketShaper: srTCM marking per DSCP class.
 * A 64-entry DSCP->class table picks one of up to 64 Bucket structs; the
 * class's committed and excess buckets (uint64_t, bytes << 16) are refilled
 * from the nanosecond delta to the class's previous packet at a Q32 rate.
 *
 * Training code for Clara's compute model (nf_corpus/queueing): a realistic
 * traffic marker written for the corpus, not an evaluation NF.  Per packet:
 * IPv4 header checks, table lookups, 64-bit multiply/shift refill with
 * clamping, the colour decision, an optional DSCP rewrite with an
 * incremental checksum update, and a colour-dependent output.
 */
#include <click/config.h>
#include "token_bucket_shaper.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
CLICK_DECLS

TokenBucketShaper::TokenBucketShaper()
    : _nclasses(1), _color_aware(false), _remark_on(false), _drop_red(false),
      _remarked(0), _non_ip(0)
{
    memset(_classes, 0, sizeof(_classes));
    memset(_dscp_class, 0, sizeof(_dscp_class));
    memset(_remark, 0, sizeof(_remark));
}

TokenBucketShaper::~TokenBucketShaper()
{
}

int
TokenBucketShaper::setup_bucket(Bucket &b, uint64_t rate, uint64_t cbs, uint64_t ebs,
                                ErrorHandler *errh)
{
    // rate << 32 must fit in 64 bits
    if (rate == 0 || rate > 4000000000ULL)
        return errh->error("rate must be between 1 and 4000000000 bytes/s");
    if (cbs < 64 || cbs > (1U << 30) || ebs > (1U << 30))
        return errh->error("CBS must be 64 bytes to 1 GiB, EBS at most 1 GiB");
    memset(&b, 0, sizeof(b));
    b.rate_q32 = (rate << RATE_SHIFT) / 1000000000ULL;
    if (b.rate_q32 == 0)
        b.rate_q32 = 1;
    b.cbs = cbs << TOKEN_SHIFT;
    b.ebs = ebs << TOKEN_SHIFT;
    b.tc = b.cbs;
    b.te = b.ebs;
    // refill arithmetic is (delta_ns * rate_q32) >> 16: bound delta so the
    // product stays below 2^63, and so it never exceeds a full refill
    uint64_t fill_ns = ((cbs + ebs) * 1000000000ULL) / rate + 1;
    uint64_t safe_ns = (~0ULL >> 1) / b.rate_q32;
    b.max_delta_ns = (int64_t) (fill_ns < safe_ns ? fill_ns : safe_ns);
    return 0;
}

int
TokenBucketShaper::parse_class(const String &text, int cls, ErrorHandler *errh)
{
    Vector<String> words;
    cp_spacevec(text, words);
    unsigned long long rate, cbs, ebs;
    if (words.size() != 4 || !cp_integer(words[1], &rate)
        || !cp_integer(words[2], &cbs) || !cp_integer(words[3], &ebs))
        return errh->error("CLASS %d: expected \"DSCPS RATE CBS EBS\"", cls);

    // DSCP list: '/'-separated values or LO-HI ranges
    const String &list = words[0];
    int pos = 0, n = 0;
    while (pos < list.length()) {
        int slash = list.find_left('/', pos);
        if (slash < 0)
            slash = list.length();
        String item = list.substring(pos, slash - pos);
        int dash = item.find_left('-');
        unsigned lo, hi;
        if (dash < 0) {
            if (!cp_integer(item, &lo))
                return errh->error("CLASS %d: bad DSCP %s", cls, item.c_str());
            hi = lo;
        } else if (!cp_integer(item.substring(0, dash), &lo)
                   || !cp_integer(item.substring(dash + 1), &hi))
            return errh->error("CLASS %d: bad DSCP range %s", cls, item.c_str());
        if (lo > hi || hi > 63)
            return errh->error("CLASS %d: DSCPs must be 0-63", cls);
        for (unsigned d = lo; d <= hi; ++d) {
            if (_dscp_class[d] != 0)
                return errh->error("CLASS %d: DSCP %u already in class %d", cls, d,
                                   (int) _dscp_class[d]);
            _dscp_class[d] = (uint8_t) cls;
            ++n;
        }
        pos = slash + 1;
    }
    if (n == 0)
        return errh->error("CLASS %d: no DSCPs", cls);
    return setup_bucket(_classes[cls], rate, cbs, ebs, errh);
}

int
TokenBucketShaper::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned long long rate = 0, cbs = 0, ebs = 0;
    Vector<String> classes;
    if (Args(conf, this, errh)
        .read_m("RATE", rate)
        .read_m("CBS", cbs)
        .read("EBS", ebs)
        .read_all("CLASS", classes)
        .read("COLOR_AWARE", _color_aware)
        .read("REMARK", _remark_on)
        .read("DROP_RED", _drop_red)
        .complete() < 0)
        return -1;
    if (classes.size() >= MAX_CLASSES)
        return errh->error("at most %d CLASS arguments", MAX_CLASSES - 1);
    if (setup_bucket(_classes[0], rate, cbs, ebs, errh) < 0)
        return -1;
    memset(_dscp_class, 0, sizeof(_dscp_class));
    for (int i = 0; i < classes.size(); ++i)
        if (parse_class(classes[i], i + 1, errh) < 0)
            return -1;
    _nclasses = classes.size() + 1;
    return 0;
}

int
TokenBucketShaper::initialize(ErrorHandler *)
{
    // remark table: AF DSCPs take the drop precedence of their colour,
    // everything else keeps its code point (red EF is demoted to AF11)
    for (int d = 0; d < 64; ++d) {
        uint8_t afc = d >> 3;
        bool af = afc >= 1 && afc <= 4 && !(d & 1) && ((d >> 1) & 3) != 0;
        for (int c = 0; c < 3; ++c) {
            if (af)
                _remark[c][d] = (uint8_t) ((afc << 3) | ((c + 1) << 1));
            else if (d == 46 && c == RED)
                _remark[c][d] = 10;
            else
                _remark[c][d] = (uint8_t) d;
        }
    }
    int64_t now = Timestamp::now_steady().nsecval();
    for (int i = 0; i < _nclasses; ++i)
        _classes[i].last_ns = now;
    return 0;
}

void
TokenBucketShaper::refill(Bucket &b, int64_t now_ns)
{
    int64_t delta = now_ns - b.last_ns;
    if (delta <= 0)
        return;                         // reordered timestamps: no credit
    b.last_ns = now_ns;
    if (delta > b.max_delta_ns)
        delta = b.max_delta_ns;
    uint64_t add = ((uint64_t) delta * b.rate_q32) >> (RATE_SHIFT - TOKEN_SHIFT);
    uint64_t room = b.cbs - b.tc;
    if (add <= room) {
        b.tc += add;
        return;
    }
    b.tc = b.cbs;
    add -= room;
    b.te += add;
    if (b.te > b.ebs)
        b.te = b.ebs;
}

TokenBucketShaper::Color
TokenBucketShaper::meter(Bucket &b, uint32_t len, Color pre)
{
    uint64_t need = (uint64_t) len << TOKEN_SHIFT;
    switch (pre) {
    case GREEN:
        if (b.tc >= need) {
            b.tc -= need;
            return GREEN;
        }
        /* fall through */
    case YELLOW:
        if (b.te >= need) {
            b.te -= need;
            return YELLOW;
        }
        /* fall through */
    default:
        return RED;
    }
}

Packet *
TokenBucketShaper::rewrite_dscp(Packet *p, uint8_t new_dscp)
{
    WritablePacket *q = p->uniqueify();
    if (!q)
        return 0;
    click_ip *iph = q->ip_header();
    uint16_t old_hw = *reinterpret_cast<uint16_t *>(iph);
    iph->ip_tos = (uint8_t) ((new_dscp << 2) | (iph->ip_tos & IP_ECNMASK));
    uint16_t new_hw = *reinterpret_cast<uint16_t *>(iph);
    click_update_in_cksum(&iph->ip_sum, old_hw, new_hw);
    _remarked++;
    return q;
}

void
TokenBucketShaper::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!p->has_network_header() || p->network_length() < (int) sizeof(click_ip)
        || iph->ip_v != 4) {
        _non_ip++;
        output(0).push(p);
        return;
    }

    uint8_t dscp = iph->ip_tos >> 2;
    Bucket &b = _classes[_dscp_class[dscp]];
    uint32_t len = ntohs(iph->ip_len);
    if (len < sizeof(click_ip) || len > (uint32_t) p->network_length())
        len = p->network_length();

    Timestamp ts = p->timestamp_anno();
    int64_t now = ts ? ts.nsecval() : Timestamp::recent_steady().nsecval();
    refill(b, now);

    Color pre = _color_aware ? af_precolor(dscp) : GREEN;
    Color c = meter(b, len, pre);
    b.pkts[c]++;
    b.bytes[c] += len;
    p->set_paint_anno((uint8_t) c);

    if (_remark_on) {
        uint8_t nd = _remark[c][dscp];
        if (nd != dscp && !(p = rewrite_dscp(p, nd)))
            return;
    }

    int nout = noutputs();
    switch (c) {
    case GREEN:
        output(0).push(p);
        break;
    case YELLOW:
        output(nout > 1 ? 1 : 0).push(p);
        break;
    case RED:
        if (_drop_red)
            p->kill();
        else
            output(nout - 1).push(p);
        break;
    }
}

enum { h_stats, h_reset };

String
TokenBucketShaper::read_handler(Element *e, void *thunk)
{
    TokenBucketShaper *s = static_cast<TokenBucketShaper *>(e);
    StringAccum sa;
    if ((intptr_t) thunk == h_stats) {
        for (int i = 0; i < s->_nclasses; ++i) {
            const Bucket &b = s->_classes[i];
            sa << i;
            for (int c = 0; c < 3; ++c)
                sa << ' ' << b.pkts[c] << ' ' << b.bytes[c];
            sa << ' ' << (b.tc >> TOKEN_SHIFT) << ' ' << (b.te >> TOKEN_SHIFT) << '\n';
        }
        sa << "remarked " << s->_remarked << "\nnon_ip " << s->_non_ip << '\n';
    }
    return sa.take_string();
}

int
TokenBucketShaper::write_handler(const String &, Element *e, void *, ErrorHandler *)
{
    TokenBucketShaper *s = static_cast<TokenBucketShaper *>(e);
    for (int i = 0; i < s->_nclasses; ++i) {
        Bucket &b = s->_classes[i];
        memset(b.pkts, 0, sizeof(b.pkts));
        memset(b.bytes, 0, sizeof(b.bytes));
        b.tc = b.cbs;
        b.te = b.ebs;
    }
    s->_remarked = s->_non_ip = 0;
    return 0;
}

void
TokenBucketShaper::add_handlers()
{
    add_read_handler("stats", read_handler, h_stats);
    add_write_handler("reset", write_handler, h_reset);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(TokenBucketShaper)
