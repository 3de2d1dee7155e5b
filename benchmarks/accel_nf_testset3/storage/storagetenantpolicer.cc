/*
 * storagetenantpolicer.{cc,hh} -- token bucket policing per storage tenant
 */

#include <click/config.h>
#include "storagetenantpolicer.hh"
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

// exceed action for ACTION remark: AFx1 -> AFx2 -> AFx3, EF and CS untouched
static const uint8_t dscp_demote[64] = {
     0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 12, 11, 14, 13, 14, 15,
    16, 17, 20, 19, 22, 21, 22, 23, 24, 25, 28, 27, 30, 29, 30, 31,
    32, 33, 36, 35, 38, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47,
    48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63
};

#define TOKEN_SHIFT	10
#define SAT_ADD(a, b)	((a) + (b) < (a) ? ~(uint64_t) 0 : (a) + (b))

StorageTenantPolicer::StorageTenantPolicer()
    : m_nbuckets(0), m_nmatches(0), m_drop(false), m_active_mask(0), m_unmatched(0)
{
}

StorageTenantPolicer::~StorageTenantPolicer()
{
}

int
StorageTenantPolicer::configure(Vector<String> &conf, ErrorHandler *errh)
{
    for (int i = 0; i < conf.size(); i++) {
	String rest = conf[i];
	String kw = cp_shift_spacevec(rest);
	Vector<String> w;
	cp_spacevec(rest, w);

	if (kw == "TENANT") {
	    unsigned id, rate, burst;
	    if (w.size() != 3 || !cp_integer(w[0], &id) || !cp_integer(w[1], &rate)
		|| !cp_integer(w[2], &burst) || rate == 0 || burst < 1500)
		return errh->error("TENANT: expected ID RATE BURST");
	    if (m_nbuckets == MAX_TENANTS)
		return errh->error("too many tenants");
	    Bucket &b = m_buckets[m_nbuckets++];
	    b.id = id;
	    b.rate_Bps = (uint64_t) rate * 1000;
	    b.burst = burst;
	    b.tokens = (uint64_t) burst << TOKEN_SHIFT;
	    b.last = Timestamp();
	    b.conform = b.exceed = 0;
	} else if (kw == "MATCH") {
	    unsigned prio, id;
	    IPAddress a, m;
	    int dash = w.size() == 4 ? w[3].find_left('-') : -1;
	    unsigned lo, hi;
	    if (dash < 0 || !cp_integer(w[0], &prio) || !cp_integer(w[1], &id)
		|| !cp_ip_prefix(w[2], &a, &m, true, this)
		|| !cp_integer(w[3].substring(0, dash), &lo)
		|| !cp_integer(w[3].substring(dash + 1), &hi) || lo > hi || hi > 65535)
		return errh->error("MATCH: expected PRIO ID SRC/MASK LO-HI");
	    int t;
	    for (t = 0; t < m_nbuckets && m_buckets[t].id != id; t++)
		;
	    if (t == m_nbuckets)
		return errh->error("MATCH: tenant %u not defined (TENANT must come first)", id);
	    if (m_nmatches == MAX_MATCHES)
		return errh->error("too many MATCH entries");
	    // keep the list ordered by priority; equal priorities keep config order
	    int j = m_nmatches++;
	    while (j > 0 && m_matches[j - 1].prio > prio) {
		m_matches[j] = m_matches[j - 1];
		--j;
	    }
	    Match &mm = m_matches[j];
	    mm.prio = prio;
	    mm.src = (a & m).addr();
	    mm.mask = m.addr();
	    mm.port_lo = lo;
	    mm.port_hi = hi;
	    mm.tenant = t;
	} else if (kw == "ACTION") {
	    if (w.size() != 1 || (w[0] != "remark" && w[0] != "drop"))
		return errh->error("ACTION must be remark or drop");
	    m_drop = (w[0] == "drop");
	} else
	    return errh->error("unknown keyword %s", kw.c_str());
    }
    return 0;
}

int
StorageTenantPolicer::classify(const click_ip *iph, uint16_t dport) const
{
    uint32_t src = iph->ip_src.s_addr;
    const Match *m = m_matches, *e = m_matches + m_nmatches;
    for (; m != e; ++m)
	if ((src & m->mask) == m->src && dport >= m->port_lo && dport <= m->port_hi)
	    return m->tenant;
    return -1;
}

bool
StorageTenantPolicer::conform(Bucket &b, uint32_t len, const Timestamp &now)
{
    if (b.last.is_set()) {
	int64_t ns = (now - b.last).nsecval();
	if (ns > 0) {
	    // refill, saturating at the burst size
	    uint64_t add = ((uint64_t) ns * b.rate_Bps / 1000000) << TOKEN_SHIFT;
	    add /= 1000;
	    uint64_t cap = b.burst << TOKEN_SHIFT;
	    b.tokens = SAT_ADD(b.tokens, add);
	    if (b.tokens > cap)
		b.tokens = cap;
	}
    }
    b.last = now;
    uint64_t need = (uint64_t) len << TOKEN_SHIFT;
    if (b.tokens >= need) {
	b.tokens -= need;
	return true;
    }
    return false;
}

Packet *
StorageTenantPolicer::simple_action(Packet *p)
{
    if (!p->has_transport_header())
	return p;
    const click_ip *iph = p->ip_header();
    if ((iph->ip_p != IP_PROTO_TCP && iph->ip_p != IP_PROTO_UDP) || !IP_FIRSTFRAG(iph)
	|| p->transport_length() < 4)
	return p;
    uint16_t dport = ntohs(reinterpret_cast<const uint16_t *>(p->transport_header())[1]);

    int t = classify(iph, dport);
    if (t < 0) {
	m_unmatched++;
	return p;
    }
    Bucket &b = m_buckets[t];
    m_active_mask |= (uint64_t) 1 << t;

    if (conform(b, ntohs(iph->ip_len), Timestamp::recent_steady())) {
	b.conform++;
	return p;
    }
    b.exceed++;
    if (m_drop) {
	p->kill();
	return 0;
    }
    WritablePacket *q = p->uniqueify();
    if (!q)
	return 0;
    click_ip *wip = q->ip_header();
    uint8_t dscp = wip->ip_tos >> 2;
    wip->ip_tos = (uint8_t) ((dscp_demote[dscp] << 2) | (wip->ip_tos & IP_ECNMASK));
    return q;
}

String
StorageTenantPolicer::read_stats(Element *e, void *)
{
    StorageTenantPolicer *sp = static_cast<StorageTenantPolicer *>(e);
    StringAccum sa;
    // population count of the active-tenant mask, Kernighan style
    int active = 0;
    for (uint64_t m = sp->m_active_mask; m; m &= m - 1)
	active++;
    sa << "active " << active << '\n' << "unmatched " << sp->m_unmatched << '\n';
    for (int i = 0; i < sp->m_nbuckets; i++)
	sa << "tenant " << sp->m_buckets[i].id << " conform " << sp->m_buckets[i].conform
	   << " exceed " << sp->m_buckets[i].exceed << '\n';
    return sa.take_string();
}

void
StorageTenantPolicer::add_handlers()
{
    add_read_handler("stats", read_stats, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(StorageTenantPolicer)
