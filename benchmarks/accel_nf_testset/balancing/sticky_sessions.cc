/*
 * sticky_sessions.cc -- StickySessions: client affinity with weighted
 * random placement and idle expiry.
 */
#include <click/config.h>
#include "sticky_sessions.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
CLICK_DECLS

StickySessions::StickySessions()
    : _nbackends(0), _lcg(1), _timeout(Timestamp::make_sec(600)), _per_port(false),
      _since_sweep(0), _new_clients(0), _returning(0), _expired(0), _other(0)
{
}

StickySessions::~StickySessions()
{
}

int
StickySessions::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> backends;
    unsigned long long seed = 1;
    if (Args(conf, this, errh)
        .read_all("BACKEND", backends)
        .read("TIMEOUT", _timeout)
        .read("PER_PORT", _per_port)
        .read("SEED", seed)
        .complete() < 0)
        return -1;
    if (backends.size() == 0 || backends.size() > MAX_BACKENDS)
        return errh->error("need 1 to %d BACKENDs", (int) MAX_BACKENDS);
    uint32_t sum = 0;
    for (int i = 0; i < backends.size(); ++i) {
        Vector<String> w;
        cp_spacevec(backends[i], w);
        unsigned weight = 1;
        if (w.size() < 1 || w.size() > 2 || !cp_ip_address(w[0], &_backend[i], this)
            || (w.size() == 2 && (!cp_integer(w[1], &weight) || weight > 100000)))
            return errh->error("BACKEND %d: expected \"ADDR [WEIGHT]\"", i + 1);
        sum += weight;
        _cum_weight[i] = sum;
    }
    if (sum == 0)
        return errh->error("all weights are zero");
    _nbackends = backends.size();
    _lcg = seed;
    return 0;
}

/* Weighted random backend: draw in [0, total weight), find its range. */
int
StickySessions::choose()
{
    _lcg = _lcg * 6364136223846793005ULL + 1442695040888963407ULL;
    uint32_t total = _cum_weight[_nbackends - 1];
    uint32_t r = (uint32_t) (_lcg >> 33) % total;
    int i = 0;
    while (_cum_weight[i] <= r)
        ++i;
    return i;
}

void
StickySessions::sweep(const Timestamp &now)
{
    _dead.clear();
    for (HashMap<uint64_t, Sticky>::iterator it = _map.begin(); it.live(); ++it)
        if (now - it.value().last > _timeout)
            _dead.push_back(it.key());
    for (int i = 0; i < _dead.size(); ++i)
        _map.erase(_dead[i]);
    _expired += _dead.size();
}

void
StickySessions::push(int, Packet *p)
{
    if (!p->has_network_header() || p->network_length() < (int) sizeof(click_ip)) {
        _other++;
        output(1).push(p);
        return;
    }
    const click_ip *iph = p->ip_header();
    uint16_t dport = 0;
    if ((iph->ip_p == IP_PROTO_TCP || iph->ip_p == IP_PROTO_UDP) && IP_FIRSTFRAG(iph)
        && p->transport_length() >= 4)
        dport = reinterpret_cast<const uint16_t *>(p->transport_header())[1];
    uint64_t key = pack(iph, dport, _per_port);

    Timestamp now = Timestamp::recent();
    Sticky *s = _map.findp(key);
    if (s && now - s->last <= _timeout) {
        _returning++;
    } else {
        Sticky fresh;
        fresh.backend = (uint8_t) choose();
        _map.set(key, fresh);
        s = _map.findp(key);
        _new_clients++;
        if (!s) {
            _other++;
            output(1).push(p);
            return;
        }
    }
    s->last = now;
    s->packets++;
    p->set_dst_ip_anno(_backend[s->backend]);

    if (++_since_sweep >= SWEEP_EVERY) {
        _since_sweep = 0;
        sweep(now);
    }
    output(0).push(p);
}

String
StickySessions::read_stats(Element *e, void *)
{
    StickySessions *ss = static_cast<StickySessions *>(e);
    StringAccum sa;
    sa << "clients " << ss->_map.size() << "\nnew " << ss->_new_clients
       << "\nreturning " << ss->_returning << "\nexpired " << ss->_expired
       << "\nother " << ss->_other << '\n';
    return sa.take_string();
}

void
StickySessions::add_handlers()
{
    add_read_handler("stats", read_stats, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(StickySessions)
