/*
 * top_talkers.cc -- TopTalkers: Space-Saving over source (or destination)
 * addresses, weighted by IP length.
 */
#include <click/config.h>
#include "top_talkers.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <click/packet_anno.hh>
CLICK_DECLS

TopTalkers::TopTalkers()
    : _where(-1), _k(64), _n(0), _share(10), _by_dst(false), _total(0), _replacements(0)
{
}

TopTalkers::~TopTalkers()
{
}

int
TopTalkers::configure(Vector<String> &conf, ErrorHandler *errh)
{
    String key = "src";
    if (Args(conf, this, errh)
        .read_p("K", _k)
        .read("SHARE", _share)
        .read("KEY", key)
        .complete() < 0)
        return -1;
    if (_k < 2 || _k > 1024)
        return errh->error("K must be between 2 and 1024");
    if (_share > 100)
        return errh->error("SHARE is a percentage");
    if (key == "dst")
        _by_dst = true;
    else if (key != "src")
        return errh->error("KEY must be \"src\" or \"dst\"");
    return 0;
}

int
TopTalkers::initialize(ErrorHandler *)
{
    Counter z;
    z.count = z.error = 0;
    _heap.resize(_k, z);
    _n = 0;
    return 0;
}

void
TopTalkers::place(int i, const Counter &c)
{
    _heap[i] = c;
    _where.set(c.key, i);
}

void
TopTalkers::sift_up(int i)
{
    Counter c = _heap[i];
    while (i > 0) {
        int parent = (i - 1) >> 1;
        if (_heap[parent].count <= c.count)
            break;
        place(i, _heap[parent]);
        i = parent;
    }
    place(i, c);
}

void
TopTalkers::sift_down(int i)
{
    Counter c = _heap[i];
    for (;;) {
        int l = 2 * i + 1;
        if (l >= _n)
            break;
        int m = (l + 1 < _n && _heap[l + 1].count < _heap[l].count) ? l + 1 : l;
        if (_heap[m].count >= c.count)
            break;
        place(i, _heap[m]);
        i = m;
    }
    place(i, c);
}

Packet *
TopTalkers::simple_action(Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!iph)
        return p;
    IPAddress key(_by_dst ? iph->ip_dst : iph->ip_src);
    uint32_t bytes = ntohs(iph->ip_len);
    _total += bytes;

    int *pos = _where.findp(key);
    int i;
    if (pos) {
        i = *pos;
        _heap[i].count += bytes;
        sift_down(i);
        i = *_where.findp(key);
    } else if (_n < _k) {
        Counter c;
        c.key = key;
        c.count = bytes;
        c.error = 0;
        i = _n++;
        place(i, c);
        sift_up(i);
        i = *_where.findp(key);
    } else {
        // recycle the smallest counter: the newcomer inherits its count as error
        Counter c;
        c.key = key;
        c.error = _heap[0].count;
        c.count = _heap[0].count + bytes;
        _where.erase(_heap[0].key);
        place(0, c);
        sift_down(0);
        _replacements++;
        i = *_where.findp(key);
    }

    const Counter &c = _heap[i];
    bool big = (c.count - c.error) * 100 > _total * _share;
    SET_PAINT_ANNO(p, big ? 1 : 0);
    return p;
}

String
TopTalkers::read_handler(Element *e, void *)
{
    TopTalkers *t = static_cast<TopTalkers *>(e);
    Vector<Counter> v;
    for (int i = 0; i < t->_n; ++i)
        v.push_back(t->_heap[i]);
    // selection order, largest first; K is small
    StringAccum sa;
    for (int i = 0; i < v.size(); ++i) {
        int best = i;
        for (int j = i + 1; j < v.size(); ++j)
            if (v[j].count > v[best].count)
                best = j;
        Counter tmp = v[i];
        v[i] = v[best];
        v[best] = tmp;
        sa << v[i].key << ' ' << v[i].count << " (+-" << v[i].error << ")\n";
    }
    sa << "total " << t->_total << "\nreplacements " << t->_replacements << '\n';
    return sa.take_string();
}

int
TopTalkers::reset_handler(const String &, Element *e, void *, ErrorHandler *)
{
    TopTalkers *t = static_cast<TopTalkers *>(e);
    t->_where.clear();
    t->_n = 0;
    t->_total = t->_replacements = 0;
    return 0;
}

void
TopTalkers::add_handlers()
{
    add_read_handler("top", read_handler, 0);
    add_write_handler("reset", reset_handler, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(TopTalkers)
