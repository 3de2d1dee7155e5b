/*
 * anycast_pop_select.{cc,hh} -- steer anycast traffic to the serving PoP
 */
#include <click/config.h>
#include "anycast_pop_select.hh"
#include <click/confparse.hh>
#include <click/error.hh>
#include <clicknet/ip.h>
CLICK_DECLS

AnycastPopSelect::AnycastPopSelect()
    : _tbl24(0), _tbl8(0), _ngroups(0), _key_dst(false), _default_pop(-1),
      _matched(0), _defaulted(0), _dropped(0)
{
}

AnycastPopSelect::~AnycastPopSelect()
{
}

int
AnycastPopSelect::configure(Vector<String> &conf, ErrorHandler *errh)
{
    for (int i = 0; i < conf.size(); i++) {
        Vector<String> words;
        cp_spacevec(conf[i], words);
        if (words.size() != 2)
            return errh->error("argument %d: expected PREFIX POP or KEYWORD VALUE", i + 1);
        if (words[0] == "KEY") {
            if (words[1] == "dst")
                _key_dst = true;
            else if (words[1] == "src")
                _key_dst = false;
            else
                return errh->error("KEY must be src or dst");
            continue;
        }
        int pop;
        if (!cp_integer(words[1], &pop) || pop < 0 || pop >= noutputs())
            return errh->error("argument %d: bad POP (have %d outputs)", i + 1, noutputs());
        if (words[0] == "DEFAULT") {
            _default_pop = pop;
            continue;
        }
        IPAddress addr, mask;
        if (!cp_ip_prefix(words[0], &addr, &mask, false, this))
            return errh->error("argument %d: bad prefix", i + 1);
        int len = mask.mask_to_prefix_len();
        if (len < 0)
            return errh->error("argument %d: noncontiguous mask", i + 1);
        Route r;
        r.addr = ntohl((addr & mask).addr());
        r.len = len;
        r.pop = pop;
        _routes.push_back(r);
    }
    return 0;
}

/* Shorter prefixes first, so that longer ones overwrite them. */
void
AnycastPopSelect::sort_routes()
{
    for (int i = 1; i < _routes.size(); i++) {
        Route r = _routes[i];
        int j = i - 1;
        while (j >= 0 && _routes[j].len > r.len) {
            _routes[j + 1] = _routes[j];
            j--;
        }
        _routes[j + 1] = r;
    }
}

int
AnycastPopSelect::initialize(ErrorHandler *errh)
{
    sort_routes();
    _tbl24 = new uint16_t[TBL24_SIZE];
    _tbl8 = new uint16_t[MAX_GROUPS * 256];
    if (!_tbl24 || !_tbl8)
        return errh->error("out of memory");
    memset(_tbl24, 0, TBL24_SIZE * sizeof(uint16_t));
    _ngroups = 0;

    for (int i = 0; i < _routes.size(); i++) {
        const Route &r = _routes[i];
        uint16_t val = (uint16_t) (r.pop + 1);
        if (r.len <= 24) {
            uint32_t first = r.addr >> 8, count = 1U << (24 - r.len);
            for (uint32_t k = first; k < first + count; k++)
                _tbl24[k] = val;
            continue;
        }
        uint32_t idx = r.addr >> 8;
        if (!(_tbl24[idx] & EXT_FLAG)) {
            if (_ngroups == MAX_GROUPS)
                return errh->error("too many prefixes longer than /24");
            uint16_t *grp = _tbl8 + _ngroups * 256;
            for (int k = 0; k < 256; k++)
                grp[k] = _tbl24[idx];
            _tbl24[idx] = (uint16_t) (EXT_FLAG | _ngroups);
            _ngroups++;
        }
        uint16_t *grp = _tbl8 + (_tbl24[idx] & ~EXT_FLAG) * 256;
        uint32_t lo = r.addr & 0xFF, count = 1U << (32 - r.len);
        for (uint32_t k = lo; k < lo + count; k++)
            grp[k] = val;
    }
    return 0;
}

void
AnycastPopSelect::cleanup(CleanupStage)
{
    delete[] _tbl24;
    delete[] _tbl8;
    _tbl24 = _tbl8 = 0;
}

void
AnycastPopSelect::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!iph || iph->ip_v != 4) {
        _dropped++;
        p->kill();
        return;
    }
    uint32_t a = ntohl(_key_dst ? iph->ip_dst.s_addr : iph->ip_src.s_addr);

    uint16_t ent = _tbl24[a >> 8];
    if (ent & EXT_FLAG)
        ent = _tbl8[((uint32_t) (ent & ~EXT_FLAG) << 8) | (a & 0xFF)];

    int pop;
    if (ent) {
        pop = ent - 1;
        _matched++;
    } else if (_default_pop >= 0) {
        pop = _default_pop;
        _defaulted++;
    } else {
        _dropped++;
        p->kill();
        return;
    }
    SET_PAINT_ANNO(p, (uint8_t) pop);
    output(pop).push(p);
}

void
AnycastPopSelect::add_handlers()
{
    add_data_handlers("matched", Handler::f_read, &_matched);
    add_data_handlers("defaulted", Handler::f_read, &_defaulted);
    add_data_handlers("dropped", Handler::f_read, &_dropped);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(AnycastPopSelect)
