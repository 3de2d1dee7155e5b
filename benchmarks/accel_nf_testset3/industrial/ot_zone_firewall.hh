#ifndef CLICK_OTZONEFIREWALL_HH
#define CLICK_OTZONEFIREWALL_HH
#include <click/element.hh>
#include <click/vector.hh>
#include <click/string.hh>
CLICK_DECLS

/*
 * OtZoneFirewall(ZONE name prefix..., CONDUIT src dst ALLOW|INSPECT, MODBUS src dst fc_lo fc_hi ALLOW|DENY, ...)
 *
 * IEC 62443 zone/conduit enforcement.  Each address belongs to the zone of
 * its most specific configured prefix (Purdue levels, cells, DMZ).  A
 * conduit between two zones allows all traffic or requires inspection; for
 * inspected Modbus/TCP conduits the function code is matched against an
 * ordered rule list.  Zone pairs without a conduit are denied.
 *
 * Input: IPv4 with network and transport headers set.
 * Output 0: allowed; output 1: denied; output 2: allowed but logged (no
 * matching Modbus rule, default-allow conduit).
 */

struct ZtSlot {
    uint16_t child;		// index of the next-level node, 0 = none
    uint8_t zone1;		// zone + 1 of the best prefix ending here, 0 = none
    uint8_t plen;		// length of that prefix
};

struct ZtNode {
    ZtSlot slot[256];
};

class OtZoneFirewall : public Element { public:

    OtZoneFirewall();

    const char *class_name() const	{ return "OtZoneFirewall"; }
    const char *port_count() const	{ return "1/3"; }
    const char *processing() const	{ return PUSH; }
    int configure(Vector<String> &, ErrorHandler *);
    void add_handlers();

    void push(int, Packet *);

    enum { MAX_ZONES = 31, MAX_NODES = 96, MAX_RULES = 64, FC_BITS = 10 };
    enum { ACT_DENY = 0, ACT_ALLOW = 1, ACT_INSPECT = 2 };

  private:

    struct ModbusRule {
	uint8_t zsrc, zdst, fc_lo, fc_hi;
	uint8_t action;
	uint32_t matches;
    };

    struct VerdictCacheEntry {
	uint32_t key;
	uint8_t verdict;
	uint8_t valid;
    };

    ZtNode _trie[MAX_NODES];
    unsigned _ntrie;

    String _zone_name[MAX_ZONES + 1];
    int _nzones;
    uint8_t _conduit[MAX_ZONES + 1][MAX_ZONES + 1];
    ModbusRule _rules[MAX_RULES];
    int _nrules;

    VerdictCacheEntry _vcache[1 << FC_BITS];

    uint64_t _allowed, _denied, _logged, _cache_hits;
    uint32_t _unzoned;

    int zone_index(const String &name, bool create);
    int modbus_verdict(int zs, int zd, uint8_t fc);

};

CLICK_ENDDECLS
#endif
