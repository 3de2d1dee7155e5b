/*
 * syn_early_drop.cc -- SynEarlyDrop: a leaky bucket refreshed from the
 * millisecond clock on every SYN, a linear drop-probability ramp, and a
 * xorshift generator for the coin flips.  Trusted prefixes are a short
 * Vector scanned until one contains the source.
 */
#include <click/config.h>
#include "syn_early_drop.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <click/glue.hh>
CLICK_DECLS

SynEarlyDrop::SynEarlyDrop()
    : _leak(1000), _min_level(0), _max_level(0), _max_p16(32768), _rng(2463534242U),
      _level(0), _last_ms(0), _syns(0), _dropped(0), _trusted(0)
{
}

SynEarlyDrop::~SynEarlyDrop()
{
}

int
SynEarlyDrop::configure(Vector<String> &conf, ErrorHandler *errh)
{
    uint32_t min_level = 0, max_level = 0, max_percent = 50, seed = 0;
    String trusted;
    if (Args(conf, this, errh)
        .read_mp("LEAK", _leak)
        .read_mp("MIN_LEVEL", min_level)
        .read_mp("MAX_LEVEL", max_level)
        .read("MAX_PERCENT", max_percent)
        .read("SEED", seed)
        .read("TRUSTED", trusted)
        .complete() < 0)
        return -1;
    if (_leak == 0 || max_level <= min_level)
        return errh->error("need LEAK > 0 and MAX_LEVEL > MIN_LEVEL");
    if (max_percent > 100)
        return errh->error("MAX_PERCENT must be at most 100");
    _min_level = (uint64_t) min_level * SCALE;
    _max_level = (uint64_t) max_level * SCALE;
    _max_p16 = max_percent * 65536 / 100;
    _rng = seed ? seed : (click_random() | 1);

    Vector<String> words;
    cp_spacevec(trusted, words);
    _trusted_addr.clear();
    _trusted_mask.clear();
    for (int i = 0; i < words.size(); ++i) {
        IPAddress a, m;
        if (!cp_ip_prefix(words[i], &a, &m, true, this))
            return errh->error("TRUSTED: bad prefix %s", words[i].c_str());
        _trusted_addr.push_back(a & m);
        _trusted_mask.push_back(m);
    }
    return 0;
}

bool
SynEarlyDrop::trusted(IPAddress a) const
{
    for (int i = 0; i < _trusted_addr.size(); ++i)
        if (a.matches_prefix(_trusted_addr[i], _trusted_mask[i]))
            return true;
    return false;
}

Packet *
SynEarlyDrop::simple_action(Packet *p)
{
    const click_ip *iph = p->has_network_header() ? p->ip_header()
        : reinterpret_cast<const click_ip *>(p->data());
    const unsigned char *ipb = reinterpret_cast<const unsigned char *>(iph);
    if (ipb + sizeof(click_ip) > p->end_data() || iph->ip_v != 4
        || iph->ip_p != IP_PROTO_TCP || !IP_FIRSTFRAG(iph))
        return p;
    const click_tcp *th = reinterpret_cast<const click_tcp *>(ipb + (iph->ip_hl << 2));
    if (reinterpret_cast<const unsigned char *>(th) + sizeof(click_tcp) > p->end_data()
        || (th->th_flags & (TH_SYN | TH_ACK | TH_RST)) != TH_SYN)
        return p;

    // drain the bucket for the time since the last SYN, then pour one in
    int64_t now_ms = Timestamp::recent().msecval();
    if (now_ms > _last_ms) {
        uint64_t drained = (uint64_t) (now_ms - _last_ms) * _leak;   // SCALE == 1000
        _level = drained >= _level ? 0 : _level - drained;
        _last_ms = now_ms;
    }
    _level += SCALE;
    _syns++;

    if (_level < _min_level)
        return p;
    if (trusted(IPAddress(iph->ip_src))) {
        _trusted++;
        return p;
    }
    bool drop;
    if (_level >= _max_level)
        drop = true;
    else {
        uint64_t p16 = (_level - _min_level) * _max_p16 / (_max_level - _min_level);
        drop = (next_random() & 0xFFFF) < p16;
    }
    if (!drop)
        return p;
    _dropped++;
    checked_output_push(1, p);
    return 0;
}

String
SynEarlyDrop::read_stats(Element *e, void *)
{
    SynEarlyDrop *s = static_cast<SynEarlyDrop *>(e);
    StringAccum sa;
    sa << "level " << (unsigned long long) (s->_level / SCALE) << "\nsyns " << s->_syns
       << "\ndropped " << s->_dropped << "\ntrusted " << s->_trusted << '\n';
    return sa.take_string();
}

void
SynEarlyDrop::add_handlers()
{
    add_read_handler("stats", read_stats, 0);
    add_data_handlers("leak", Handler::f_read | Handler::f_write, &_leak);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(SynEarlyDrop)
