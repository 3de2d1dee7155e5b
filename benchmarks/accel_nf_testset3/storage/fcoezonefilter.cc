/*
 * fcoezonefilter.{cc,hh} -- Fibre Channel zoning for FCoE
 */

#include <click/config.h>
#include "fcoezonefilter.hh"
#include <click/confparse.hh>
#include <click/error.hh>
CLICK_DECLS

#define ETHERTYPE_FCOE	0x8906
#define ETHERTYPE_FIP	0x8914
#define FCOE_HDR_LEN	14		// version + reserved + SOF
#define FC_HDR_LEN	24
#define FCOE_TRL_LEN	8		// FC CRC + EOF + reserved
#define FC_WKA_BASE	0xFFFFF0

// R_CTL routing bits (high nibble) -> frame category
static const uint8_t rctl_category[16] = {
    FCoEZoneFilter::CAT_DATA, FCoEZoneFilter::CAT_OTHER, FCoEZoneFilter::CAT_ELS,
    FCoEZoneFilter::CAT_FC4_LINK, FCoEZoneFilter::CAT_VIDEO, FCoEZoneFilter::CAT_OTHER,
    FCoEZoneFilter::CAT_OTHER, FCoEZoneFilter::CAT_OTHER, FCoEZoneFilter::CAT_BASIC,
    FCoEZoneFilter::CAT_OTHER, FCoEZoneFilter::CAT_OTHER, FCoEZoneFilter::CAT_OTHER,
    FCoEZoneFilter::CAT_LINK_CTL, FCoEZoneFilter::CAT_OTHER, FCoEZoneFilter::CAT_OTHER,
    FCoEZoneFilter::CAT_OTHER
};

static inline bool
valid_sof(uint8_t sof)
{
    switch (sof) {
      case 0x28:			// SOFf
      case 0x2D: case 0x35:		// SOFi2, SOFn2
      case 0x2E: case 0x36:		// SOFi3, SOFn3
	return true;
      default:
	return false;
    }
}

static inline bool
valid_eof(uint8_t eof)
{
    return eof == 0x41 || eof == 0x42 || eof == 0x49 || eof == 0x50;
}

static inline uint32_t
fcid(const unsigned char *p)
{
    return ((uint32_t) p[0] << 16) | ((uint32_t) p[1] << 8) | p[2];
}

FCoEZoneFilter::FCoEZoneFilter()
    : _default_permit(false), _allowed(0), _denied(0), _bad_delim(0), _fip(0)
{
    for (int i = 0; i < NCAT; i++)
	_cat_count[i] = 0;
}

FCoEZoneFilter::~FCoEZoneFilter()
{
}

bool
FCoEZoneFilter::parse_fcid(const String &s, uint32_t *id, uint32_t *mask)
{
    int slash = s.find_left('/');
    unsigned v, m = 0xFFFFFF;
    if (slash < 0) {
	if (!cp_integer(s, 16, &v))
	    return false;
    } else if (!cp_integer(s.substring(0, slash), 16, &v)
	       || !cp_integer(s.substring(slash + 1), 16, &m))
	return false;
    if (v > 0xFFFFFF || m > 0xFFFFFF)
	return false;
    *id = v & m;
    *mask = m;
    return true;
}

int
FCoEZoneFilter::configure(Vector<String> &conf, ErrorHandler *errh)
{
    for (int i = 0; i < conf.size(); i++) {
	String rest = conf[i];
	String kw = cp_shift_spacevec(rest);
	Vector<String> w;
	cp_spacevec(rest, w);
	uint32_t a, am, b, bm;

	if (kw == "ZONE") {
	    if (w.size() != 2 || !parse_fcid(w[0], &a, &am) || !parse_fcid(w[1], &b, &bm)
		|| am != 0xFFFFFF || bm != 0xFFFFFF)
		return errh->error("ZONE %d: expected SID DID", i);
	    uint64_t key = a < b ? ((uint64_t) a << 24) | b : ((uint64_t) b << 24) | a;
	    _zones.set(key, i);
	} else if (kw == "RULE") {
	    Rule r;
	    if (w.size() != 3 || (w[0] != "permit" && w[0] != "deny")
		|| !parse_fcid(w[1], &r.sid, &r.sid_mask) || !parse_fcid(w[2], &r.did, &r.did_mask))
		return errh->error("RULE %d: expected permit|deny SID/MASK DID/MASK", i);
	    r.permit = (w[0] == "permit");
	    r.hits = 0;
	    _rules.push_back(r);
	} else if (kw == "DEFAULT") {
	    if (w.size() != 1 || (w[0] != "permit" && w[0] != "deny"))
		return errh->error("DEFAULT must be permit or deny");
	    _default_permit = (w[0] == "permit");
	} else
	    return errh->error("unknown keyword %s", kw.c_str());
    }
    return 0;
}

bool
FCoEZoneFilter::allowed(uint32_t sid, uint32_t did)
{
    if (sid >= FC_WKA_BASE || did >= FC_WKA_BASE)
	return true;
    uint64_t key = sid < did ? ((uint64_t) sid << 24) | did : ((uint64_t) did << 24) | sid;
    if (_zones.findp(key))
	return true;
    for (Rule *r = _rules.begin(); r != _rules.end(); ++r)
	if ((sid & r->sid_mask) == r->sid && (did & r->did_mask) == r->did) {
	    r->hits++;
	    return r->permit;
	}
    return _default_permit;
}

int
FCoEZoneFilter::classify(Packet *p)
{
    const unsigned char *d = p->data();
    const unsigned char *end = p->end_data();
    unsigned off = sizeof(click_ether);
    if (p->length() < off)
	return 2;
    uint16_t et = ntohs(reinterpret_cast<const click_ether *>(d)->ether_type);
    if (et == ETHERTYPE_8021Q) {
	if (p->length() < sizeof(click_ether_vlan))
	    return 2;
	et = ntohs(reinterpret_cast<const click_ether_vlan *>(d)->ether_vlan_encap_proto);
	off = sizeof(click_ether_vlan);
    }
    if (et == ETHERTYPE_FIP) {
	_fip++;
	return 2;
    }
    if (et != ETHERTYPE_FCOE
	|| (unsigned) (end - d) < off + FCOE_HDR_LEN + FC_HDR_LEN + FCOE_TRL_LEN)
	return 2;

    const unsigned char *fcoe = d + off;
    if ((fcoe[0] >> 4) != 0 || !valid_sof(fcoe[FCOE_HDR_LEN - 1])
	|| !valid_eof(end[-FCOE_TRL_LEN + 4])
	|| ((end - fcoe - FCOE_HDR_LEN - FCOE_TRL_LEN) & 3) != 0) {
	_bad_delim++;
	return 2;
    }

    const unsigned char *fc = fcoe + FCOE_HDR_LEN;
    uint8_t r_ctl = fc[0];
    uint32_t did = fcid(fc + 1), sid = fcid(fc + 5);
    _cat_count[rctl_category[r_ctl >> 4]]++;

    if (allowed(sid, did)) {
	_allowed++;
	return 0;
    }
    _denied++;
    return 1;
}

void
FCoEZoneFilter::push(int, Packet *p)
{
    output(classify(p)).push(p);
}

void
FCoEZoneFilter::add_handlers()
{
    add_data_handlers("allowed", Handler::f_read, &_allowed);
    add_data_handlers("denied", Handler::f_read, &_denied);
    add_data_handlers("bad_delimiters", Handler::f_read, &_bad_delim);
    add_data_handlers("fip", Handler::f_read, &_fip);
    add_data_handlers("data_frames", Handler::f_read, &_cat_count[CAT_DATA]);
    add_data_handlers("els_frames", Handler::f_read, &_cat_count[CAT_ELS]);
    add_data_handlers("link_ctl_frames", Handler::f_read, &_cat_count[CAT_LINK_CTL]);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(FCoEZoneFilter)
