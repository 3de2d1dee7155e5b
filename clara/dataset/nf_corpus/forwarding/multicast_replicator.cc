/*
 * multicast_replicator.cc -- MulticastReplicator: a group table
 * (HashMap<IPAddress, uint16_t> into member arrays of 256 groups), a
 * 32-bit output bitmask per group, a clone() per member bit, per-group
 * per-output copy counters and membership expiry, and IGMP v1/v2/v3
 * report snooping on a second input.
 *
 * Training code for Clara's compute model (nf_corpus/forwarding): a
 * realistic multicast fan-out written for the corpus, not an evaluation NF.
 * Per data packet: a multicast test, a HashMap lookup, a loop over the
 * member bits checking 16-bit expiry stamps, one TTL decrement with an
 * incremental checksum, then a ctz loop of clones and pushes.  Per IGMP
 * message: a switch on the type and, for v3, a bounded walk of group
 * records.
 */
#include <click/config.h>
#include "multicast_replicator.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <click/glue.hh>
#include <clicknet/ip.h>
CLICK_DECLS

MulticastReplicator::MulticastReplicator()
    : _group_index(NO_GROUP), _ngroups(0), _timeout_s(260), _default_scope(1),
      _dec_ttl(true), _replicated(0), _copies_made(0), _not_multicast(0),
      _unknown_group(0), _no_members(0), _out_of_scope(0), _joins(0), _leaves(0),
      _expired(0), _bad_igmp(0)
{
    memset(_members, 0, sizeof(_members));
    memset(_static, 0, sizeof(_static));
    memset(_scope_ttl, 0, sizeof(_scope_ttl));
    memset(_group_packets, 0, sizeof(_group_packets));
    memset(_copies, 0, sizeof(_copies));
    memset(_expiry, 0, sizeof(_expiry));
}

MulticastReplicator::~MulticastReplicator()
{
}

int
MulticastReplicator::group_slot(IPAddress group, bool create)
{
    const uint16_t *g = _group_index.findp(group);
    if (g)
        return *g;
    if (!create || _ngroups >= MAX_GROUPS)
        return -1;
    uint16_t slot = _ngroups++;
    _group_addr[slot] = group;
    _members[slot] = _static[slot] = 0;
    _scope_ttl[slot] = _default_scope;
    _group_packets[slot] = 0;
    _group_index.set(group, slot);
    return slot;
}

int
MulticastReplicator::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> groups;
    unsigned timeout = 260, scope = 1;
    if (Args(conf, this, errh)
        .read_all("GROUP", groups)
        .read("DEC_TTL", _dec_ttl)
        .read("MEMBERSHIP_TIMEOUT", timeout)
        .read("SCOPE_TTL", scope)
        .complete() < 0)
        return -1;
    if (timeout == 0 || timeout > 30000)
        return errh->error("MEMBERSHIP_TIMEOUT must be between 1 and 30000 s");
    if (scope > 255)
        return errh->error("SCOPE_TTL must be a byte");
    _timeout_s = (uint16_t) timeout;
    _default_scope = (uint8_t) scope;

    for (int i = 0; i < groups.size(); ++i) {
        Vector<String> words;
        cp_spacevec(groups[i], words);
        IPAddress a;
        if (words.size() < 2 || !cp_ip_address(words[0], &a, this) || !a.is_multicast())
            return errh->error("GROUP %d: expected \"MULTICAST_ADDR PORT...\"", i + 1);
        int g = group_slot(a, true);
        if (g < 0)
            return errh->error("too many groups (max %d)", (int) MAX_GROUPS);
        for (int w = 1; w < words.size(); ++w) {
            int port;
            if (!cp_integer(words[w], &port) || port < 0 || port >= MAX_OUTPUTS
                || port >= noutputs())
                return errh->error("GROUP %d: bad output %s", i + 1, words[w].c_str());
            _static[g] |= 1U << port;
        }
        _members[g] = _static[g];
    }
    return 0;
}

void
MulticastReplicator::join(IPAddress group, int port, const Timestamp &now)
{
    if (!group.is_multicast() || port < 0 || port >= noutputs()) {
        _bad_igmp++;
        return;
    }
    int g = group_slot(group, true);
    if (g < 0)
        return;
    _members[g] |= 1U << port;
    _expiry[g][port] = (uint16_t) (now16(now) + _timeout_s);
    _joins++;
}

void
MulticastReplicator::leave(IPAddress group, int port)
{
    int g = group_slot(group, false);
    if (g < 0 || port < 0 || port >= MAX_OUTPUTS)
        return;
    // static members stay
    _members[g] &= ~(1U << port) | _static[g];
    _leaves++;
}

/* The group's member mask, dropping learned members whose time is up. */
uint32_t
MulticastReplicator::live_members(int g, uint16_t now)
{
    uint32_t learned = _members[g] & ~_static[g];
    uint32_t bits = learned;
    while (bits) {
        int port = __builtin_ctz(bits);
        bits &= bits - 1;
        if (passed(now, _expiry[g][port])) {
            learned &= ~(1U << port);
            _expired++;
        }
    }
    _members[g] = learned | _static[g];
    return _members[g] & output_mask();
}

void
MulticastReplicator::replicate(Packet *p)
{
    const click_ip *iph = p->ip_header();
    IPAddress dst(iph->ip_dst);
    if (!dst.is_multicast()) {
        _not_multicast++;
        p->kill();
        return;
    }
    int g = group_slot(dst, false);
    if (g < 0) {
        _unknown_group++;
        p->kill();
        return;
    }
    if (iph->ip_ttl <= _scope_ttl[g]) {
        _out_of_scope++;
        p->kill();
        return;
    }
    Timestamp now = p->timestamp_anno();
    if (!now)
        now = Timestamp::recent();
    uint32_t mask = live_members(g, now16(now));
    if (!mask) {
        _no_members++;
        p->kill();
        return;
    }

    if (_dec_ttl) {
        // decrement once; every copy shares the rewritten data
        WritablePacket *q = p->uniqueify();
        if (!q)
            return;
        click_ip *wip = q->ip_header();
        uint16_t old_hw = htons((uint16_t) (wip->ip_ttl << 8 | wip->ip_p));
        wip->ip_ttl--;
        click_update_in_cksum(&wip->ip_sum, old_hw,
                              htons((uint16_t) (wip->ip_ttl << 8 | wip->ip_p)));
        p = q;
    }

    _replicated++;
    _group_packets[g]++;
    uint32_t *counts = _copies[g];
    while (mask) {
        int out = __builtin_ctz(mask);
        mask &= mask - 1;
        Packet *c = mask ? p->clone() : p;
        if (!c) {
            p->kill();              // out of packet buffers: give up the rest
            return;
        }
        counts[out]++;
        _copies_made++;
        output(out).push(c);
    }
}

void
MulticastReplicator::snoop(Packet *p)
{
    Timestamp now = Timestamp::recent();
    int port = p->paint_anno();
    const click_ip *iph = p->ip_header();
    if (!p->has_transport_header() || iph->ip_p != IP_PROTO_IGMP
        || p->transport_length() < 8) {
        _bad_igmp++;
        p->kill();
        return;
    }
    const unsigned char *ig = p->transport_header();
    int tlen = p->transport_length();

    switch (ig[0]) {
    case IGMP_V1_REPORT:
    case IGMP_V2_REPORT:
        join(IPAddress(ig + 4), port, now);
        break;
    case IGMP_V2_LEAVE:
        leave(IPAddress(ig + 4), port);
        break;
    case IGMP_V3_REPORT: {
        // header: type, reserved, checksum, reserved(2), number of records(2)
        int nrec = ig[6] << 8 | ig[7];
        int off = 8;
        for (int r = 0; r < nrec && r < 64; ++r) {
            if (off + 8 > tlen) {
                _bad_igmp++;
                break;
            }
            uint8_t rtype = ig[off];
            int aux_words = ig[off + 1];
            int nsrc = ig[off + 2] << 8 | ig[off + 3];
            IPAddress group(ig + off + 4);
            switch (rtype) {
            case 1:     // MODE_IS_INCLUDE
            case 3:     // CHANGE_TO_INCLUDE: with no sources, a leave
                if (nsrc == 0)
                    leave(group, port);
                else
                    join(group, port, now);
                break;
            case 2:     // MODE_IS_EXCLUDE
            case 4:     // CHANGE_TO_EXCLUDE
            case 5:     // ALLOW_NEW_SOURCES
                join(group, port, now);
                break;
            case 6:     // BLOCK_OLD_SOURCES: keep the membership
                break;
            default:
                _bad_igmp++;
                break;
            }
            off += 8 + 4 * nsrc + 4 * aux_words;
        }
        break;
    }
    case IGMP_QUERY:
        break;
    default:
        _bad_igmp++;
        break;
    }
    p->kill();
}

void
MulticastReplicator::push(int port, Packet *p)
{
    if (port == 0)
        replicate(p);
    else
        snoop(p);
}

enum { h_groups, h_stats };

String
MulticastReplicator::read_handler(Element *e, void *thunk)
{
    MulticastReplicator *m = static_cast<MulticastReplicator *>(e);
    StringAccum sa;
    if ((intptr_t) thunk == h_groups) {
        for (int g = 0; g < m->_ngroups; ++g)
            sa << m->_group_addr[g] << ' ' << m->_members[g] << " static "
               << m->_static[g] << " packets " << m->_group_packets[g] << '\n';
    } else {
        sa << "replicated " << m->_replicated << "\ncopies " << m->_copies_made
           << "\nnot_multicast " << m->_not_multicast << "\nunknown_group "
           << m->_unknown_group << "\nno_members " << m->_no_members
           << "\nout_of_scope " << m->_out_of_scope << "\njoins " << m->_joins
           << "\nleaves " << m->_leaves << "\nexpired " << m->_expired
           << "\nbad_igmp " << m->_bad_igmp << '\n';
    }
    return sa.take_string();
}

int
MulticastReplicator::port_counts_handler(int, String &s, Element *e,
                                         const Handler *, ErrorHandler *errh)
{
    MulticastReplicator *m = static_cast<MulticastReplicator *>(e);
    IPAddress group;
    if (!cp_ip_address(s.trim_space(), &group, e))
        return errh->error("expected a group address");
    int g = m->group_slot(group, false);
    if (g < 0)
        return errh->error("unknown group");
    StringAccum sa;
    for (int out = 0; out < m->noutputs() && out < MAX_OUTPUTS; ++out)
        sa << out << ' ' << m->_copies[g][out] << '\n';
    s = sa.take_string();
    return 0;
}

void
MulticastReplicator::add_handlers()
{
    add_read_handler("groups", read_handler, h_groups);
    add_read_handler("stats", read_handler, h_stats);
    set_handler("port_counts", Handler::f_read | Handler::f_read_param,
                port_counts_handler);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(MulticastReplicator)
