/*
 * geo_prefix_filter.cc -- GeoPrefixFilter: the region table is a multibit
 * trie with 16-way nodes (stride 4, 8 levels for 32 bits) stored in a
 * Vector.  Prefixes whose length is not a multiple of 4 are expanded over
 * the cells they cover; each cell remembers the length that set it so a
 * shorter prefix never overwrites a longer one.
 */
#include <click/config.h>
#include "geo_prefix_filter.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <click/glue.hh>
CLICK_DECLS

GeoPrefixFilter::GeoPrefixFilter()
    : _unknown_tag(0), _use_dst(false), _passed(0), _blocked_pkts(0), _short(0)
{
    memset(_blocked, 0, sizeof(_blocked));
    memset(_tag_hits, 0, sizeof(_tag_hits));
}

GeoPrefixFilter::~GeoPrefixFilter()
{
}

int
GeoPrefixFilter::tag_index(const String &name)
{
    for (int i = 0; i < _tag_names.size(); ++i)
        if (_tag_names[i] == name)
            return i;
    if (_tag_names.size() >= MAX_TAGS)
        return -1;
    _tag_names.push_back(name);
    return _tag_names.size() - 1;
}

int
GeoPrefixFilter::new_node()
{
    Node n;
    for (int i = 0; i < 16; ++i) {
        n.cell[i].child = NO_CHILD;
        n.cell[i].tag = 0;
        n.cell[i].len = 0;
        n.cell[i].pad = 0;
    }
    _nodes.push_back(n);
    return _nodes.size() - 1;
}

/* addr in host byte order; 1 <= len <= 32. */
void
GeoPrefixFilter::insert(uint32_t addr, int len, int tag)
{
    int node = 0, shift = 28;
    while (len > 32 - shift) {          // the prefix ends below this level
        int nib = (addr >> shift) & 15;
        if (_nodes[node].cell[nib].child == NO_CHILD) {
            int c = new_node();
            _nodes[node].cell[nib].child = c;
        }
        node = _nodes[node].cell[nib].child;
        shift -= 4;
    }
    int spare = (32 - shift) - len;     // 0..3 unspecified bits in this nibble
    int first = ((addr >> shift) & 15) & ~((1 << spare) - 1);
    for (int i = first; i < first + (1 << spare); ++i) {
        Cell &c = _nodes[node].cell[i];
        if (c.len <= len) {
            c.len = (uint8_t) len;
            c.tag = (uint8_t) tag;
        }
    }
}

/* The tag of the longest prefix covering addr (host byte order). */
int
GeoPrefixFilter::lookup(uint32_t addr) const
{
    int tag = _unknown_tag;
    int node = 0;
    for (int shift = 28; shift >= 0; shift -= 4) {
        const Cell &c = _nodes[node].cell[(addr >> shift) & 15];
        if (c.len)
            tag = c.tag;
        if (c.child == NO_CHILD)
            break;
        node = c.child;
    }
    return tag;
}

int
GeoPrefixFilter::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> prefixes;
    String block, unknown = String("??");
    if (Args(conf, this, errh)
        .read_all("PREFIX", prefixes)
        .read("BLOCK", block)
        .read("USE_DST", _use_dst)
        .read("UNKNOWN", unknown)
        .complete() < 0)
        return -1;

    _nodes.clear();
    _tag_names.clear();
    memset(_blocked, 0, sizeof(_blocked));
    new_node();
    _unknown_tag = tag_index(unknown);

    for (int i = 0; i < prefixes.size(); ++i) {
        Vector<String> words;
        cp_spacevec(prefixes[i], words);
        IPAddress a, m;
        if (words.size() != 2 || !cp_ip_prefix(words[0], &a, &m, false, this))
            return errh->error("PREFIX %d: expected \"ADDR/LEN TAG\"", i + 1);
        int len = m.mask_to_prefix_len();
        int tag = tag_index(words[1]);
        if (len < 0)
            return errh->error("PREFIX %d: mask is not a prefix", i + 1);
        if (tag < 0)
            return errh->error("too many tags");
        if (len == 0)
            _unknown_tag = tag;          // 0.0.0.0/0 names the default
        else
            insert(ntohl((a & m).addr()), len, tag);
    }

    Vector<String> words;
    cp_spacevec(block, words);
    for (int i = 0; i < words.size(); ++i) {
        int tag = tag_index(words[i]);
        if (tag < 0)
            return errh->error("too many tags");
        _blocked[tag] = 1;
    }
    return 0;
}

void
GeoPrefixFilter::push(int, Packet *p)
{
    const click_ip *iph = p->has_network_header() ? p->ip_header()
        : reinterpret_cast<const click_ip *>(p->data());
    if (reinterpret_cast<const unsigned char *>(iph) + sizeof(click_ip) > p->end_data()
        || iph->ip_v != 4) {
        _short++;
        output(0).push(p);
        return;
    }
    uint32_t a = ntohl(_use_dst ? iph->ip_dst.s_addr : iph->ip_src.s_addr);
    int tag = lookup(a);
    _tag_hits[tag]++;
    SET_PAINT_ANNO(p, (uint8_t) tag);
    if (_blocked[tag]) {
        _blocked_pkts++;
        output(1).push(p);
    } else {
        _passed++;
        output(0).push(p);
    }
}

String
GeoPrefixFilter::read_tags(Element *e, void *)
{
    GeoPrefixFilter *g = static_cast<GeoPrefixFilter *>(e);
    StringAccum sa;
    for (int i = 0; i < g->_tag_names.size(); ++i) {
        sa << g->_tag_names[i] << (g->_blocked[i] ? " blocked " : " allowed ")
           << g->_tag_hits[i] << '\n';
    }
    sa << "passed " << g->_passed << "\nblocked " << g->_blocked_pkts
       << "\nshort " << g->_short << "\nnodes " << g->_nodes.size() << '\n';
    return sa.take_string();
}

void
GeoPrefixFilter::add_handlers()
{
    add_read_handler("tags", read_tags, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(GeoPrefixFilter)
