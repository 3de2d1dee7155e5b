/*
 * tenant_balancer.cc -- TenantBalancer: VLAN tenant -> gateway group ->
 * gateway picked by a digest of the tenant-qualified flow key.
 */
#include <click/config.h>
#include "tenant_balancer.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ether.h>
#include <clicknet/ip.h>
CLICK_DECLS

TenantBalancer::TenantBalancer()
    : _ngroups(0), _seed(0), _untagged(1), _steered(0), _unknown(0), _non_ip(0)
{
    memset(_group_of, NO_GROUP, sizeof(_group_of));
    memset(_groups, 0, sizeof(_groups));
}

TenantBalancer::~TenantBalancer()
{
}

int
TenantBalancer::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> groups;
    unsigned untagged = 1;
    if (Args(conf, this, errh)
        .read_all("GROUP", groups)
        .read("SEED", _seed)
        .read("UNTAGGED", untagged)
        .complete() < 0)
        return -1;
    if (untagged > 4095)
        return errh->error("UNTAGGED must be a VLAN ID");
    _untagged = (uint16_t) untagged;
    if (groups.size() > MAX_GROUPS)
        return errh->error("too many GROUPs");
    for (int i = 0; i < groups.size(); ++i) {
        Vector<String> words;
        cp_spacevec(groups[i], words);
        unsigned vlan;
        if (words.size() < 2 || words.size() > MAX_GW + 1
            || !cp_integer(words[0], &vlan) || vlan > 4095)
            return errh->error("GROUP %d: expected \"VLAN GW...\"", i + 1);
        if (_group_of[vlan] != NO_GROUP)
            return errh->error("GROUP %d: VLAN %u listed twice", i + 1, vlan);
        Group &g = _groups[i];
        g.vlan = (uint16_t) vlan;
        g.ngw = (uint8_t) (words.size() - 1);
        for (int j = 1; j < words.size(); ++j) {
            IPAddress a;
            if (!cp_ip_address(words[j], &a, this))
                return errh->error("GROUP %d: bad gateway", i + 1);
            g.gw[j - 1] = a.addr();
        }
        _group_of[vlan] = (uint8_t) i;
    }
    _ngroups = groups.size();
    return 0;
}

void
TenantBalancer::push(int, Packet *p)
{
    const uint8_t *d = p->data();
    unsigned len = p->length();
    if (len < sizeof(click_ether)) {
        _non_ip++;
        output(1).push(p);
        return;
    }
    const click_ether *eh = reinterpret_cast<const click_ether *>(d);
    uint16_t vlan = _untagged;
    uint16_t type = eh->ether_type;
    unsigned l2 = sizeof(click_ether);
    if (type == htons(ETHERTYPE_8021Q) && len >= sizeof(click_ether_vlan)) {
        const click_ether_vlan *vh = reinterpret_cast<const click_ether_vlan *>(d);
        vlan = ntohs(vh->ether_vlan_tci) & 0x0FFF;
        type = vh->ether_vlan_encap_proto;
        l2 = sizeof(click_ether_vlan);
    }
    if (type != htons(ETHERTYPE_IP) || len < l2 + sizeof(click_ip)) {
        _non_ip++;
        output(1).push(p);
        return;
    }
    uint8_t gi = _group_of[vlan];
    if (gi == NO_GROUP) {
        _unknown++;
        output(1).push(p);
        return;
    }

    const click_ip *iph = reinterpret_cast<const click_ip *>(d + l2);
    unsigned hl = iph->ip_hl << 2;
    uint8_t key[20];
    memset(key, 0, sizeof(key));
    key[0] = (uint8_t) (vlan >> 8);
    key[1] = (uint8_t) vlan;
    memcpy(key + 4, &iph->ip_src, 4);
    memcpy(key + 8, &iph->ip_dst, 4);
    if ((iph->ip_p == IP_PROTO_TCP || iph->ip_p == IP_PROTO_UDP)
        && !IP_ISFRAG(iph) && len >= l2 + hl + 4)
        memcpy(key + 12, d + l2 + hl, 4);
    key[16] = iph->ip_p;

    Group &g = _groups[gi];
    uint32_t h = tbal::key_digest(key, sizeof(key), _seed);
    unsigned pick = h % g.ngw;
    g.picks[pick]++;
    p->set_dst_ip_anno(IPAddress(g.gw[pick]));
    p->set_ip_header(iph, hl);
    _steered++;
    output(0).push(p);
}

String
TenantBalancer::read_groups(Element *e, void *)
{
    TenantBalancer *tb = static_cast<TenantBalancer *>(e);
    StringAccum sa;
    for (int i = 0; i < tb->_ngroups; ++i) {
        const Group &g = tb->_groups[i];
        sa << "vlan " << (int) g.vlan << ':';
        for (int j = 0; j < g.ngw; ++j)
            sa << ' ' << IPAddress(g.gw[j]) << '=' << g.picks[j];
        sa << '\n';
    }
    sa << "steered " << tb->_steered << "\nunknown " << tb->_unknown
       << "\nnon_ip " << tb->_non_ip << '\n';
    return sa.take_string();
}

void
TenantBalancer::add_handlers()
{
    add_read_handler("groups", read_groups, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(TenantBalancer)
