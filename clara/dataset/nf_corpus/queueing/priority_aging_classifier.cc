/*
 * priority_aging_classifier.cc -- PriorityAgingClassifier: a 128-entry
 * array of 16-byte Rule structs (masked protocol and TOS, port ranges)
 * scanned first-match behind a 512-entry direct-mapped cache keyed by a
 * packed 64-bit tuple; per-class backlogs drained in strict priority
 * order give starvation ages, and starved classes are promoted.
 *
 * Training code for Clara's compute model (nf_corpus/queueing): a realistic
 * QoS classifier written for the corpus, not an evaluation NF.  Per packet:
 * a strict-priority drain loop over the classes, header parsing, a 64-bit
 * multiplicative hash into the cache, on a miss a linear scan with
 * early exit over masked/range compares, aging and an output by class.
 */
#include <click/config.h>
#include "priority_aging_classifier.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
#include <clicknet/udp.h>
CLICK_DECLS

PriorityAgingClassifier::PriorityAgingClassifier()
    : _nrules(0), _nclasses(1), _default(0), _generation(1), _rate(0),
      _limit(1 << 20), _age_limit(64), _age_step(1), _last_ns(0),
      _cache_hits(0), _cache_misses(0)
{
    memset(_rules, 0, sizeof(_rules));
    memset(_rule_hits, 0, sizeof(_rule_hits));
    memset(_cache, 0, sizeof(_cache));
    memset(_cls, 0, sizeof(_cls));
}

PriorityAgingClassifier::~PriorityAgingClassifier()
{
}

bool
PriorityAgingClassifier::parse_range(const String &s, uint16_t &lo, uint16_t &hi)
{
    int dash = s.find_left('-');
    unsigned a, b;
    if (dash < 0) {
        if (!cp_integer(s, &a))
            return false;
        b = a;
    } else if (!cp_integer(s.substring(0, dash), &a) || !cp_integer(s.substring(dash + 1), &b))
        return false;
    if (a > b || b > 0xFFFF)
        return false;
    lo = (uint16_t) a;
    hi = (uint16_t) b;
    return true;
}

int
PriorityAgingClassifier::parse_rule(const String &text, Rule &r, ErrorHandler *errh)
{
    Vector<String> words;
    cp_spacevec(text, words);
    memset(&r, 0, sizeof(r));
    r.sport_hi = r.dport_hi = 0xFFFF;
    bool have_class = false;

    for (int i = 0; i + 1 < words.size(); i += 2) {
        const String &field = words[i], &value = words[i + 1];
        if (field == "proto") {
            int slash = value.find_left('/');
            String v = slash < 0 ? value : value.substring(0, slash);
            unsigned n, mask = 0xFF;
            if (v == "tcp")
                n = IP_PROTO_TCP;
            else if (v == "udp")
                n = IP_PROTO_UDP;
            else if (v == "icmp")
                n = IP_PROTO_ICMP;
            else if (!cp_integer(v, &n) || n > 255)
                return errh->error("rule %s: bad protocol", text.c_str());
            if (slash >= 0 && (!cp_integer(value.substring(slash + 1), 16, &mask) || mask > 255))
                return errh->error("rule %s: bad protocol mask", text.c_str());
            r.proto = (uint8_t) (n & mask);
            r.proto_mask = (uint8_t) mask;
        } else if (field == "tos") {
            int slash = value.find_left('/');
            unsigned v, m;
            if (slash < 0 || !cp_integer(value.substring(0, slash), 16, &v)
                || !cp_integer(value.substring(slash + 1), 16, &m) || v > 255 || m > 255)
                return errh->error("rule %s: tos must be VALUE/MASK in hex", text.c_str());
            r.tos = (uint8_t) (v & m);
            r.tos_mask = (uint8_t) m;
        } else if (field == "sport" || field == "dport") {
            bool ok = field == "sport" ? parse_range(value, r.sport_lo, r.sport_hi)
                                       : parse_range(value, r.dport_lo, r.dport_hi);
            if (!ok)
                return errh->error("rule %s: bad port range %s", text.c_str(), value.c_str());
        } else if (field == "class") {
            unsigned c;
            if (!cp_integer(value, &c) || (int) c >= _nclasses)
                return errh->error("rule %s: class must be 0-%d", text.c_str(), _nclasses - 1);
            r.cls = (uint8_t) c;
            have_class = true;
        } else
            return errh->error("rule %s: unknown field %s", text.c_str(), field.c_str());
    }
    if (!have_class || (words.size() & 1))
        return errh->error("rule %s: expected FIELD VALUE pairs ending in class N", text.c_str());
    if ((r.sport_lo != 0 || r.sport_hi != 0xFFFF || r.dport_lo != 0 || r.dport_hi != 0xFFFF)
        && r.proto_mask != 0xFF)
        return errh->error("rule %s: port ranges need an exact protocol", text.c_str());
    return 0;
}

int
PriorityAgingClassifier::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned long long rate = 0;
    int def = -1;
    if (Args(conf, this, errh)
        .read_m("RATE", rate)
        .read("DEFAULT", def)
        .read("AGE_LIMIT", _age_limit)
        .read("AGE_STEP", _age_step)
        .read("LIMIT", _limit)
        .consume() < 0)
        return -1;
    _nclasses = noutputs() < MAX_CLASSES ? noutputs() : MAX_CLASSES;
    if (_nclasses < 1)
        _nclasses = 1;
    if (rate < 1000 || rate > 12500000000ULL)
        return errh->error("RATE must be 1000 to 12500000000 bytes/s");
    if (def < 0)
        def = _nclasses - 1;
    if (def >= _nclasses)
        return errh->error("DEFAULT must be an output");
    if (_age_limit < 2 || _age_step < 1 || _age_step >= MAX_CLASSES)
        return errh->error("AGE_LIMIT must be at least 2, AGE_STEP 1-%d", MAX_CLASSES - 1);
    if (conf.size() > MAX_RULES)
        return errh->error("too many rules (max %d)", (int) MAX_RULES);

    for (int i = 0; i < conf.size(); ++i)
        if (parse_rule(conf[i], _rules[i], errh) < 0)
            return -1;
    _nrules = conf.size();
    _default = (uint8_t) def;
    _rate = rate;
    _generation++;              // forget cached matches of older rules
    return 0;
}

int
PriorityAgingClassifier::initialize(ErrorHandler *)
{
    _last_ns = Timestamp::recent_steady().nsecval();
    return 0;
}

/* Drain the emulated link, most urgent class first; unserved classes age. */
void
PriorityAgingClassifier::serve(int64_t now_ns)
{
    int64_t elapsed = now_ns - _last_ns;
    if (elapsed <= 0)
        return;
    _last_ns = now_ns;
    uint64_t budget = elapsed >= 1000000000LL
        ? ~0ULL : ((uint64_t) elapsed * _rate) / 1000000000ULL;
    for (int c = 0; c < _nclasses; ++c) {
        ClassState &s = _cls[c];
        if (!s.backlog) {
            s.age = 0;
        } else if (budget >= s.backlog) {
            budget -= s.backlog;
            s.backlog = 0;
            s.age = 0;
        } else if (budget) {
            s.backlog -= (uint32_t) budget;
            budget = 0;
            s.age = 0;
        } else if (s.age != 0xFFFFFFFFU)
            s.age++;
    }
}

int
PriorityAgingClassifier::lookup(uint8_t proto, uint8_t tos, uint16_t sport, uint16_t dport)
{
    uint64_t key = (1ULL << 48) | ((uint64_t) proto << 40) | ((uint64_t) tos << 32)
        | ((uint32_t) sport << 16) | dport;
    CacheEntry &ce = _cache[(key * 0x9E3779B97F4A7C15ULL) >> 55];
    if (ce.key == key && ce.generation == _generation) {
        _cache_hits++;
        if (ce.rule != NO_RULE)
            _rule_hits[ce.rule]++;
        return ce.cls;
    }
    _cache_misses++;

    int rule = NO_RULE, cls = _default;
    for (int i = 0; i < _nrules; ++i)
        if (rule_matches(_rules[i], proto, tos, sport, dport)) {
            rule = i;
            cls = _rules[i].cls;
            _rule_hits[i]++;
            break;
        }
    ce.key = key;
    ce.generation = _generation;
    ce.rule = (uint8_t) rule;
    ce.cls = (uint8_t) cls;
    return cls;
}

void
PriorityAgingClassifier::push(int, Packet *p)
{
    const Timestamp &ts = p->timestamp_anno();
    serve(ts ? ts.nsecval() : Timestamp::recent_steady().nsecval());

    int cls = _default;
    uint32_t len = p->length();
    if (p->has_network_header() && p->network_length() >= (int) sizeof(click_ip)) {
        const click_ip *iph = p->ip_header();
        uint16_t sport = 0, dport = 0;
        if (IP_FIRSTFRAG(iph) && p->transport_length() >= 4) {
            switch (iph->ip_p) {
            case IP_PROTO_TCP:
                sport = ntohs(p->tcp_header()->th_sport);
                dport = ntohs(p->tcp_header()->th_dport);
                break;
            case IP_PROTO_UDP:
            case IP_PROTO_UDPLITE:
                sport = ntohs(p->udp_header()->uh_sport);
                dport = ntohs(p->udp_header()->uh_dport);
                break;
            case IP_PROTO_ICMP:
                // ICMP type and code stand in for the ports
                sport = p->transport_header()[0];
                dport = p->transport_header()[1];
                break;
            default:
                break;
            }
        }
        cls = lookup(iph->ip_p, iph->ip_tos, sport, dport);
        len = ntohs(iph->ip_len);
    }

    ClassState &s = _cls[cls];
    s.packets++;
    s.bytes += len;
    int out = cls;
    if (cls > 0 && s.age >= _age_limit) {
        // starved: jump the queue, and give the class a head start to age again
        out = cls > (int) _age_step ? cls - (int) _age_step : 0;
        s.promoted++;
        s.age >>= 1;
    }
    p->set_paint_anno((uint8_t) cls);

    ClassState &o = _cls[out];
    o.backlog = o.backlog + len > _limit ? _limit : o.backlog + len;
    output(out).push(p);
}

enum { h_rules, h_classes, h_reset };

String
PriorityAgingClassifier::read_handler(Element *e, void *thunk)
{
    PriorityAgingClassifier *pc = static_cast<PriorityAgingClassifier *>(e);
    StringAccum sa;
    if ((intptr_t) thunk == h_rules) {
        for (int i = 0; i < pc->_nrules; ++i)
            sa << i << ' ' << (int) pc->_rules[i].cls << ' ' << pc->_rule_hits[i] << '\n';
        sa << "cache " << pc->_cache_hits << ' ' << pc->_cache_misses << '\n';
    } else {
        for (int c = 0; c < pc->_nclasses; ++c) {
            const ClassState &s = pc->_cls[c];
            sa << c << ' ' << s.packets << ' ' << s.bytes << ' ' << s.backlog << ' '
               << s.age << ' ' << s.promoted << '\n';
        }
    }
    return sa.take_string();
}

int
PriorityAgingClassifier::write_handler(const String &, Element *e, void *, ErrorHandler *)
{
    PriorityAgingClassifier *pc = static_cast<PriorityAgingClassifier *>(e);
    memset(pc->_rule_hits, 0, sizeof(pc->_rule_hits));
    memset(pc->_cls, 0, sizeof(pc->_cls));
    pc->_cache_hits = pc->_cache_misses = 0;
    pc->_generation++;
    return 0;
}

void
PriorityAgingClassifier::add_handlers()
{
    add_read_handler("rules", read_handler, h_rules);
    add_read_handler("classes", read_handler, h_classes);
    add_write_handler("reset", write_handler, h_reset);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(PriorityAgingClassifier)
