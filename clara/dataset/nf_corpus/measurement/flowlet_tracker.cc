/*
 * flowlet_tracker.cc -- FlowletTracker: per hash bucket (up to 8192, in
 * struct-of-arrays member tables of 96 KiB) the last-seen time, a tag, the
 * flowlet id and the path; new flowlets on idle gaps, tag changes and TCP
 * SYN/FIN/RST; per-path decaying byte loads for least-loaded placement.
 *
 * Training code for Clara's compute model (nf_corpus/measurement): a
 * realistic flowlet switch written for the corpus, not an evaluation NF.
 * Per packet: header parsing, a multiply-xorshift tuple hash, unsigned
 * wrap-around time comparisons, a policy switch (rehash, a loop over the
 * paths for the minimum load, or click_random), a halving loop over the
 * paths when a half-life has elapsed, annotations and an output by path.
 */
#include <click/config.h>
#include "flowlet_tracker.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
#include <clicknet/udp.h>
CLICK_DECLS

FlowletTracker::FlowletTracker()
    : _nbuckets(4096), _gap_us(500), _halflife_us(1000), _last_decay_us(0),
      _next_id(0), _npaths(0), _policy(POLICY_HASH), _flowlets(0),
      _collisions(0), _packets(0)
{
    memset(_last_us, 0, sizeof(_last_us));
    memset(_flowlet, 0, sizeof(_flowlet));
    memset(_tag, 0, sizeof(_tag));
    memset(_path, 0, sizeof(_path));
    memset(_ended, 0, sizeof(_ended));
    memset(_path_bytes, 0, sizeof(_path_bytes));
    memset(_path_load, 0, sizeof(_path_load));
    memset(_path_flowlets, 0, sizeof(_path_flowlets));
}

FlowletTracker::~FlowletTracker()
{
}

int
FlowletTracker::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Timestamp gap = Timestamp::make_usec(500), halflife = Timestamp::make_msec(1);
    String policy = "hash";
    int paths = 0;
    if (Args(conf, this, errh)
        .read_p("GAP", gap)
        .read("BUCKETS", _nbuckets)
        .read("PATHS", paths)
        .read("POLICY", policy)
        .read("LOAD_HALFLIFE", halflife)
        .complete() < 0)
        return -1;
    if (_nbuckets < 64 || _nbuckets > MAX_BUCKETS || (_nbuckets & (_nbuckets - 1)))
        return errh->error("BUCKETS must be a power of two between 64 and %d", (int) MAX_BUCKETS);
    if (gap < Timestamp::make_usec(1) || gap > Timestamp(60))
        return errh->error("GAP must be between 1 us and 60 s");
    if (paths < 0 || paths > MAX_PATHS)
        return errh->error("PATHS must be between 1 and %d", (int) MAX_PATHS);
    if (policy == "hash")
        _policy = POLICY_HASH;
    else if (policy == "least")
        _policy = POLICY_LEAST;
    else if (policy == "random")
        _policy = POLICY_RANDOM;
    else
        return errh->error("POLICY must be hash, least or random");
    if (halflife < Timestamp::make_usec(10))
        return errh->error("LOAD_HALFLIFE must be at least 10 us");
    _gap_us = (uint32_t) gap.usecval();
    _halflife_us = (uint32_t) halflife.usecval();
    _npaths = paths;
    return 0;
}

int
FlowletTracker::initialize(ErrorHandler *errh)
{
    if (_npaths == 0)
        _npaths = noutputs();
    if (_npaths < 1 || _npaths > MAX_PATHS)
        return errh->error("bad number of paths");
    return 0;
}

uint32_t
FlowletTracker::tuple_hash(const Packet *p, const click_ip *iph, uint8_t *tcp_flags) const
{
    uint32_t h = fmix(iph->ip_src.s_addr ^ 0x2545F491U);
    h = fmix(h ^ iph->ip_dst.s_addr);
    h ^= (uint32_t) iph->ip_p << 24;
    *tcp_flags = 0;
    if (!IP_FIRSTFRAG(iph) || !p->has_transport_header())
        return fmix(h);
    int tlen = p->transport_length();
    if (iph->ip_p == IP_PROTO_TCP && tlen >= (int) sizeof(click_tcp)) {
        const click_tcp *th = p->tcp_header();
        *tcp_flags = th->th_flags;
        h = fmix(h ^ ((uint32_t) th->th_sport << 16 | th->th_dport));
    } else if (iph->ip_p == IP_PROTO_UDP && tlen >= (int) sizeof(click_udp)) {
        const click_udp *uh = p->udp_header();
        h = fmix(h ^ ((uint32_t) uh->uh_sport << 16 | uh->uh_dport));
    }
    return h;
}

void
FlowletTracker::decay_loads(uint32_t now_us)
{
    uint32_t elapsed = now_us - _last_decay_us;
    if (elapsed < _halflife_us)
        return;
    uint32_t halvings = elapsed / _halflife_us;
    if (halvings > 32)
        halvings = 32;
    for (int i = 0; i < _npaths; ++i)
        _path_load[i] = halvings >= 32 ? 0 : _path_load[i] >> halvings;
    _last_decay_us += halvings * _halflife_us;
    if (now_us - _last_decay_us >= _halflife_us)
        _last_decay_us = now_us;
}

int
FlowletTracker::choose_path(uint32_t hash, uint32_t id)
{
    if (_npaths == 1)
        return 0;
    switch (_policy) {
    case POLICY_LEAST: {
        int best = 0;
        uint32_t best_load = _path_load[0];
        for (int i = 1; i < _npaths; ++i)
            if (_path_load[i] < best_load) {
                best = i;
                best_load = _path_load[i];
            }
        return best;
    }
    case POLICY_RANDOM:
        return (int) click_random(0, _npaths - 1);
    case POLICY_HASH:
    default:
        return (int) (fmix(hash ^ (id * 0x9E3779B9U)) % (uint32_t) _npaths);
    }
}

void
FlowletTracker::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!iph || p->network_length() < (int) sizeof(click_ip)) {
        checked_output_push(0, p);
        return;
    }
    _packets++;

    Timestamp ts = p->timestamp_anno();
    if (!ts)
        ts = Timestamp::recent();
    uint32_t now_us = (uint32_t) ts.usecval();

    uint8_t flags;
    uint32_t h = tuple_hash(p, iph, &flags);
    uint32_t b = h & (_nbuckets - 1);
    uint16_t tag = (uint16_t) (h >> 16) | 1;    // 0 marks an empty bucket

    bool fresh;
    if (_tag[b] != tag) {
        if (_tag[b] && now_us - _last_us[b] < _gap_us)
            _collisions++;              // two live flows share the bucket
        _tag[b] = tag;
        fresh = true;
    } else if (_ended[b] || now_us - _last_us[b] > _gap_us)
        fresh = true;
    else
        fresh = (flags & (TH_SYN | TH_ACK)) == TH_SYN;

    decay_loads(now_us);
    if (fresh) {
        uint32_t id = ++_next_id;
        if (id == 0)
            id = _next_id = 1;
        int path = choose_path(h, id);
        _flowlet[b] = id;
        _path[b] = (uint8_t) path;
        _path_flowlets[path]++;
        _flowlets++;
    }
    _last_us[b] = now_us;
    _ended[b] = (flags & (TH_FIN | TH_RST)) ? 1 : 0;

    int path = _path[b];
    uint32_t len = ntohs(iph->ip_len);
    _path_bytes[path] += len;
    _path_load[path] += len;

    SET_AGGREGATE_ANNO(p, _flowlet[b]);
    p->set_paint_anno((uint8_t) path);
    checked_output_push(path % noutputs(), p);
}

enum { h_flowlets, h_collisions, h_paths };

String
FlowletTracker::read_handler(Element *e, void *thunk)
{
    FlowletTracker *f = static_cast<FlowletTracker *>(e);
    StringAccum sa;
    switch ((intptr_t) thunk) {
    case h_flowlets:
        sa << f->_flowlets;
        break;
    case h_collisions:
        sa << f->_collisions;
        break;
    case h_paths:
        for (int i = 0; i < f->_npaths; ++i)
            sa << i << ' ' << f->_path_flowlets[i] << ' ' << f->_path_bytes[i]
               << ' ' << f->_path_load[i] << '\n';
        break;
    }
    return sa.take_string();
}

void
FlowletTracker::add_handlers()
{
    add_read_handler("flowlets", read_handler, h_flowlets);
    add_read_handler("collisions", read_handler, h_collisions);
    add_read_handler("paths", read_handler, h_paths);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(FlowletTracker)
