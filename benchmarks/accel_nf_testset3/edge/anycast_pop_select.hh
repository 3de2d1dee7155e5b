#ifndef CLICK_ANYCASTPOPSELECT_HH
#define CLICK_ANYCASTPOPSELECT_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
#include <click/vector.hh>
CLICK_DECLS

/*
 * AnycastPopSelect(PREFIX POP, ..., [KEY src|dst, DEFAULT POP])
 *
 * Anycast edge: packets that reached this site but belong to a client whose
 * network is served by another PoP are handed to the tunnel of that PoP.
 * Each configuration argument maps a client prefix to a PoP number; POP n
 * leaves on output n.  The client address is the IP source (KEY src, the
 * default) or destination (KEY dst, for return traffic).  Clients covered by
 * no prefix use DEFAULT (or are dropped if it is unset).
 *
 * The prefix table is compiled into a two-level 24/8 direct table at
 * initialization time.
 */

class AnycastPopSelect : public Element {
  public:
    AnycastPopSelect();
    ~AnycastPopSelect();

    const char *class_name() const { return "AnycastPopSelect"; }
    const char *port_count() const { return "1/1-"; }
    const char *processing() const { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh);
    int initialize(ErrorHandler *errh);
    void cleanup(CleanupStage stage);
    void add_handlers();
    void push(int port, Packet *p);

  private:
    enum {
        TBL24_SIZE = 1 << 24,
        EXT_FLAG = 0x8000,          /* tbl24 entry points at a tbl8 group */
        MAX_GROUPS = 4096
    };

    struct Route {
        uint32_t addr;              /* host order, masked */
        int len;
        int pop;
    };

    Vector<Route> _routes;
    uint16_t *_tbl24;               /* 0 = no route, else pop + 1 */
    uint16_t *_tbl8;
    int _ngroups;
    bool _key_dst;
    int _default_pop;

    uint64_t _matched, _defaulted, _dropped;

    void sort_routes();
};

CLICK_ENDDECLS
#endif
