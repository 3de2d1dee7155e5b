/*
 * cidr_policy_marker.cc -- CidrPolicyMarker: the feed is a Vector of
 * (net, mask, len, action) blocks in configuration order.  Per packet the
 * whole list is scanned and the most specific covering block is kept;
 * the remark action rewrites the TOS byte in place.
 */
#include <click/config.h>
#include "cidr_policy_marker.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <click/glue.hh>
CLICK_DECLS

CidrPolicyMarker::CidrPolicyMarker()
    : _default_action(A_PASS), _default_hits(0), _remarked(0), _bad(0)
{
}

CidrPolicyMarker::~CidrPolicyMarker()
{
}

int
CidrPolicyMarker::parse_action(const String &word, uint8_t *action)
{
    if (word == "pass" || word == "allow")
        *action = A_PASS;
    else if (word == "drop" || word == "deny")
        *action = A_DROP;
    else if (word == "scrub")
        *action = A_SCRUB;
    else if (word == "remark")
        *action = A_REMARK;
    else
        return -1;
    return 0;
}

int
CidrPolicyMarker::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> entries;
    String def = String("pass");
    if (Args(conf, this, errh)
        .read_all("ENTRY", entries)
        .read("DEFAULT", def)
        .complete() < 0)
        return -1;
    if (parse_action(def, &_default_action) < 0 || _default_action == A_REMARK)
        return errh->error("DEFAULT must be pass, drop or scrub");

    _blocks.clear();
    for (int i = 0; i < entries.size(); ++i) {
        Vector<String> w;
        cp_spacevec(entries[i], w);
        IPAddress a, m;
        Block b;
        memset(&b, 0, sizeof(b));
        if (w.size() < 2 || !cp_ip_prefix(w[0], &a, &m, true, this)
            || parse_action(w[1], &b.action) < 0)
            return errh->error("ENTRY %d: expected \"ADDR/LEN ACTION [DSCP]\"", i + 1);
        int len = m.mask_to_prefix_len();
        if (len < 0)
            return errh->error("ENTRY %d: bad mask", i + 1);
        if (b.action == A_REMARK) {
            int dscp;
            if (w.size() != 3 || !cp_integer(w[2], &dscp) || dscp < 0 || dscp > 63)
                return errh->error("ENTRY %d: remark needs a DSCP value 0-63", i + 1);
            b.dscp = (uint8_t) dscp;
        }
        b.net = (a & m).addr();
        b.mask = m.addr();
        b.len = (uint8_t) len;
        _blocks.push_back(b);
    }
    return 0;
}

void
CidrPolicyMarker::push(int, Packet *p)
{
    const click_ip *iph = p->has_network_header() ? p->ip_header()
        : reinterpret_cast<const click_ip *>(p->data());
    if (reinterpret_cast<const unsigned char *>(iph) + sizeof(click_ip) > p->end_data()
        || iph->ip_v != 4) {
        _bad++;
        p->kill();
        return;
    }

    uint32_t src = iph->ip_src.s_addr;
    int best = -1, best_len = -1;
    for (int i = 0; i < _blocks.size(); ++i) {
        const Block &b = _blocks[i];
        if ((src & b.mask) == b.net && (int) b.len > best_len) {
            best = i;
            best_len = b.len;
        }
    }

    uint8_t action = _default_action;
    if (best >= 0) {
        _blocks[best].hits++;
        action = _blocks[best].action;
    } else
        _default_hits++;

    switch (action) {
    case A_DROP:
        output(1).push(p);
        return;
    case A_SCRUB:
        output(2).push(p);
        return;
    case A_REMARK: {
        int off = reinterpret_cast<const unsigned char *>(iph) - p->data();
        WritablePacket *q = p->uniqueify();
        if (!q)
            return;
        click_ip *ip = reinterpret_cast<click_ip *>(q->data() + off);
        uint8_t tos = (uint8_t) ((_blocks[best].dscp << 2) | (ip->ip_tos & IP_ECNMASK));
        if (tos != ip->ip_tos) {
            uint16_t before, after;
            memcpy(&before, ip, 2);
            ip->ip_tos = tos;
            memcpy(&after, ip, 2);
            // RFC 1624: HC' = ~(~HC + ~m + m')
            uint32_t s = (uint16_t) ~ip->ip_sum;
            s += (uint16_t) ~before;
            s += after;
            s = (s & 0xFFFF) + (s >> 16);
            s = (s & 0xFFFF) + (s >> 16);
            ip->ip_sum = (uint16_t) ~s;
            _remarked++;
        }
        output(0).push(q);
        return;
    }
    default:
        output(0).push(p);
        return;
    }
}

String
CidrPolicyMarker::read_stats(Element *e, void *)
{
    static const char *const names[] = { "pass", "drop", "scrub", "remark" };
    CidrPolicyMarker *c = static_cast<CidrPolicyMarker *>(e);
    StringAccum sa;
    for (int i = 0; i < c->_blocks.size(); ++i) {
        const Block &b = c->_blocks[i];
        sa << IPAddress(b.net) << '/' << (int) b.len << ' ' << names[b.action];
        if (b.action == A_REMARK)
            sa << ' ' << (int) b.dscp;
        sa << ' ' << b.hits << '\n';
    }
    sa << "default " << names[c->_default_action] << ' ' << c->_default_hits
       << "\nremarked " << c->_remarked << "\nbad " << c->_bad << '\n';
    return sa.take_string();
}

void
CidrPolicyMarker::add_handlers()
{
    add_read_handler("stats", read_stats, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(CidrPolicyMarker)
