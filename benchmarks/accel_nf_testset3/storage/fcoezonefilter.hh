#ifndef CLICK_FCOEZONEFILTER_HH
#define CLICK_FCOEZONEFILTER_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/vector.hh>
CLICK_DECLS

/*
=c

FCoEZoneFilter(KEYWORDS)

=s storage

enforces Fibre Channel zoning on FCoE frames at a converged access switch

=d

Parses FCoE frames (EtherType 0x8906, optionally 802.1Q tagged), checks the
SOF and EOF delimiters and the frame layout, and decides from the FC source
and destination IDs whether the pair may talk.  The fabric controller
installs two kinds of entries:

=item ZONE "SID DID"

hard zone member pair (24-bit FC IDs in hex); the pair is allowed in both
directions.

=item RULE "permit|deny SID/MASK DID/MASK"

soft rules, tried in order after the hard zones; the first one that matches
decides.  If none matches, DEFAULT (permit or deny, default deny) applies.

=back

Frames to or from the well-known fabric addresses (FFFFF0-FFFFFF: login,
name server, fabric controller) are always allowed.  The FC CRC is not
checked here: the converged NIC's MAC does that before the frame is handed
up.

Output 0: allowed.  Output 1: denied.  Output 2: FIP and anything that is
not a well-formed FCoE frame.
*/

class FCoEZoneFilter : public Element { public:

    FCoEZoneFilter();
    ~FCoEZoneFilter();

    const char *class_name() const	{ return "FCoEZoneFilter"; }
    const char *port_count() const	{ return "1/3"; }
    const char *processing() const	{ return PUSH; }

    int configure(Vector<String> &, ErrorHandler *);
    void add_handlers();

    void push(int, Packet *);

    // frame categories, from the R_CTL routing bits
    enum { CAT_DATA = 0, CAT_LINK_CTL = 1, CAT_ELS = 2, CAT_FC4_LINK = 3,
	   CAT_VIDEO = 4, CAT_BASIC = 5, CAT_OTHER = 6, NCAT = 7 };

  private:

    struct Rule {
	uint32_t sid, sid_mask;
	uint32_t did, did_mask;
	bool permit;
	uint64_t hits;
    };

    HashMap<uint64_t, int> _zones;		// canonical (lo << 24 | hi) -> zone index
    Vector<Rule> _rules;
    bool _default_permit;

    uint64_t _allowed;
    uint64_t _denied;
    uint64_t _bad_delim;
    uint64_t _fip;
    uint64_t _cat_count[NCAT];

    static bool parse_fcid(const String &, uint32_t *, uint32_t *);
    bool allowed(uint32_t sid, uint32_t did);
    int classify(Packet *);

};

CLICK_ENDDECLS
#endif
