// -*- c++ -*-
/*
 * geo_prefix_filter.hh -- GeoPrefixFilter: geo-blocking firewall stage.
 * Maps an IPv4 address to a region tag through a prefix table (a
 * multibit trie, 4 bits per level) and blocks the tags it was told to.
 */
#ifndef SECURITY_GEOPREFIXFILTER_HH
#define SECURITY_GEOPREFIXFILTER_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
#include <click/vector.hh>
#include <clicknet/ip.h>
CLICK_DECLS

/*
 * =c
 * GeoPrefixFilter(PREFIX "ADDR/LEN TAG", ..., BLOCK "TAG TAG ...", [USE_DST, UNKNOWN])
 *
 * =s firewall
 * blocks packets by the region of their source (or destination) address
 *
 * =d
 * Each PREFIX argument assigns a region tag (any short word, e.g. a
 * country code) to an address block; the most specific block containing
 * the address gives its tag.  Packets whose tag is listed in BLOCK leave
 * on output 1, others on output 0.  Addresses that no block covers get the
 * tag UNKNOWN (default "??"), which may itself be blocked.  The source
 * address is classified unless USE_DST is true.  At most 250 tags.
 *
 * =h tags read-only      per-tag packet counters and totals
 */
class GeoPrefixFilter : public Element {
  public:
    GeoPrefixFilter();
    ~GeoPrefixFilter();

    const char *class_name() const override { return "GeoPrefixFilter"; }
    const char *port_count() const override { return "1/2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { MAX_TAGS = 250, NO_CHILD = -1 };

    struct Cell {
        int32_t child;          /* index of the next-level node, or NO_CHILD */
        uint8_t tag;
        uint8_t len;            /* length of the prefix that set tag; 0 = none */
        uint16_t pad;
    };
    struct Node {
        Cell cell[16];
    };

  private:
    Vector<Node> _nodes;        /* _nodes[0] is the root */
    Vector<String> _tag_names;
    uint8_t _blocked[256];
    uint64_t _tag_hits[256];
    int _unknown_tag;
    bool _use_dst;

    uint64_t _passed;
    uint64_t _blocked_pkts;
    uint64_t _short;

    int tag_index(const String &name);
    int new_node();
    void insert(uint32_t addr, int len, int tag);
    int lookup(uint32_t addr) const;

    static String read_tags(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
