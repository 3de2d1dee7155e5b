/*
 * mac_learning_table.cc -- MacLearningTable: a forwarding database in a
 * HashMap keyed by MAC address, refreshed by every frame's source.
 */
#include <click/config.h>
#include "mac_learning_table.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

MacLearningTable::MacLearningTable()
    : _age(300 * CLICK_HZ), _max_entries(8192), _to_router(0), _switched(0),
      _flooded(0), _filtered(0), _moves(0)
{
}

MacLearningTable::~MacLearningTable()
{
}

int
MacLearningTable::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned age = 300;
    if (Args(conf, this, errh)
        .read_mp("ROUTER_MAC", _router_mac)
        .read("AGE_SEC", age)
        .read("MAX_ENTRIES", _max_entries)
        .complete() < 0)
        return -1;
    if (noutputs() != ninputs() + 1)
        return errh->error("need one more output than inputs");
    _age = (click_jiffies_t) age * CLICK_HZ;
    return 0;
}

void
MacLearningTable::learn(const EtherAddress &src, int port, click_jiffies_t now)
{
    if (src.is_group())
        return;                             // never learn a group address
    Station *st = _fdb.findp(src);
    if (st) {
        if (st->port != port) {
            _moves++;                       // station moved (or a loop)
            st->port = port;
        }
        st->seen = now;
        st->frames++;
        return;
    }
    if (_fdb.size() >= _max_entries)
        return;
    Station fresh;
    fresh.port = port;
    fresh.seen = now;
    fresh.frames = 1;
    _fdb.set(src, fresh);
}

void
MacLearningTable::flood(int in_port, Packet *p)
{
    int nports = ninputs();
    Packet *last = 0;
    int last_port = -1;
    for (int i = 0; i < nports; ++i) {
        if (i == in_port)
            continue;
        if (last) {
            if (Packet *c = last->clone())
                output(last_port).push(c);
        }
        last = p;
        last_port = i;
    }
    _flooded++;
    if (last)
        output(last_port).push(p);
    else
        p->kill();
}

void
MacLearningTable::push(int port, Packet *p)
{
    if (p->length() < sizeof(click_ether)) {
        p->kill();
        return;
    }
    const click_ether *eh = reinterpret_cast<const click_ether *>(p->data());
    EtherAddress src(eh->ether_shost), dst(eh->ether_dhost);
    click_jiffies_t now = click_jiffies();
    learn(src, port, now);

    if (dst == _router_mac) {
        _to_router++;
        output(ninputs()).push(p);
        return;
    }
    if (!dst.is_group()) {
        Station *st = _fdb.findp(dst);
        if (st && click_jiffies_less(now, st->seen + _age)) {
            if (st->port == port) {
                _filtered++;
                p->kill();
            } else {
                _switched++;
                output(st->port).push(p);
            }
            return;
        }
    }
    flood(port, p);
}

String
MacLearningTable::fdb_handler(Element *e, void *)
{
    MacLearningTable *t = static_cast<MacLearningTable *>(e);
    StringAccum sa;
    click_jiffies_t now = click_jiffies();
    for (HashMap<EtherAddress, Station>::iterator it = t->_fdb.begin(); it.live(); ++it) {
        const Station &s = it.value();
        sa << it.key() << " port " << s.port << " frames " << s.frames
           << (click_jiffies_less(now, s.seen + t->_age) ? "\n" : " (aged)\n");
    }
    sa << "to_router " << t->_to_router << "\nswitched " << t->_switched
       << "\nflooded " << t->_flooded << "\nfiltered " << t->_filtered
       << "\nmoves " << t->_moves << '\n';
    return sa.take_string();
}

void
MacLearningTable::add_handlers()
{
    add_read_handler("fdb", fdb_handler, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(MacLearningTable)
