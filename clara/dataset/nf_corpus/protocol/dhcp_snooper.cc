/*
 * dhcp_snooper.cc -- DhcpSnooper: parses BOOTP/DHCP (fixed header, magic
 * cookie, bounded option walk with a switch on option codes) on UDP ports
 * 67/68, maintains a lease binding table (HashMap<IPAddress, Binding> plus
 * a MAC index) and drops traffic from sources without a live binding.
 *
 * Training code for Clara's compute model (nf_corpus/protocol); written for
 * Clara, not an evaluation NF.  Per packet: a port test; for DHCP a
 * byte-wise TLV walk and one or two HashMap updates; for other traffic a
 * HashMap lookup, an expiry compare and a 6-byte MAC compare.
 */
#include <click/config.h>
#include "dhcp_snooper.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ether.h>
#include <clicknet/ip.h>
#include <clicknet/udp.h>
CLICK_DECLS

namespace {
const uint32_t DHCP_MAGIC = 0x63825363U;
const uint8_t BOOTREQUEST = 1;
const uint8_t BOOTREPLY = 2;

enum {
    OPT_PAD = 0, OPT_SUBNET_MASK = 1, OPT_ROUTER = 3, OPT_DNS = 6,
    OPT_HOSTNAME = 12, OPT_REQUESTED_IP = 50, OPT_LEASE_TIME = 51,
    OPT_OVERLOAD = 52, OPT_MSG_TYPE = 53, OPT_SERVER_ID = 54,
    OPT_CLIENT_ID = 61, OPT_RELAY_INFO = 82, OPT_END = 255
};

enum {
    DHCPDISCOVER = 1, DHCPOFFER, DHCPREQUEST, DHCPDECLINE, DHCPACK,
    DHCPNAK, DHCPRELEASE, DHCPINFORM
};
}

DhcpSnooper::DhcpSnooper()
    : _lease_cap(86400), _max_bindings(16384), _mac_check(true),
      _trust_opt82(false), _forwarded(0)
{
    for (int i = 0; i < NMSG; i++)
        _msg_count[i] = 0;
    for (int i = 0; i < 256; i++)
        _opt_seen[i] = 0;
    for (int i = 0; i < r_count; i++)
        _drops[i] = 0;
}

DhcpSnooper::~DhcpSnooper()
{
}

int
DhcpSnooper::configure(Vector<String> &conf, ErrorHandler *errh)
{
    _servers.clear();
    if (Args(conf, this, errh)
        .read_all("SERVER", _servers)
        .read("LEASE_CAP", _lease_cap)
        .read("MAC_CHECK", _mac_check)
        .read("TRUST_OPT82", _trust_opt82)
        .read("MAX_BINDINGS", _max_bindings)
        .complete() < 0)
        return -1;
    if (_lease_cap == 0)
        return errh->error("LEASE_CAP must be positive");
    if (_max_bindings == 0)
        return errh->error("MAX_BINDINGS must be positive");
    return 0;
}

/* Walk the options area.  False if it is malformed. */
bool
DhcpSnooper::parse_options(const unsigned char *opt, int len, DhcpInfo &info)
{
    int off = 0;
    for (int n = 0; n < MAX_OPTIONS; n++) {
        if (off >= len)
            return false;               // no END option
        uint8_t code = opt[off];
        if (code == OPT_PAD) {
            off++;
            continue;
        }
        if (code == OPT_END)
            return info.msg_type != 0;
        if (off + 2 > len)
            return false;
        uint8_t olen = opt[off + 1];
        const unsigned char *v = opt + off + 2;
        if (off + 2 + olen > len)
            return false;
        _opt_seen[code]++;
        info.noptions++;

        switch (code) {
        case OPT_MSG_TYPE:
            if (olen != 1 || v[0] == 0 || v[0] > DHCPINFORM)
                return false;
            info.msg_type = v[0];
            break;
        case OPT_LEASE_TIME:
            if (olen != 4)
                return false;
            info.lease = be32(v);
            info.has_lease = true;
            break;
        case OPT_SERVER_ID:
            if (olen != 4)
                return false;
            info.server_id = IPAddress(v);
            info.has_server_id = true;
            break;
        case OPT_REQUESTED_IP:
            if (olen != 4)
                return false;
            info.requested = IPAddress(v);
            info.has_requested = true;
            break;
        case OPT_SUBNET_MASK:
            if (olen != 4)
                return false;
            break;
        case OPT_ROUTER:
        case OPT_DNS:
            // lists of addresses
            if (olen == 0 || (olen & 3) != 0)
                return false;
            break;
        case OPT_HOSTNAME:
            if (olen == 0)
                return false;
            info.hostname_len = olen;
            break;
        case OPT_CLIENT_ID:
            if (olen < 2)
                return false;
            break;
        case OPT_RELAY_INFO:
            info.has_opt82 = true;
            break;
        case OPT_OVERLOAD:
            // options continued in sname/file: not followed, but valid
            if (olen != 1 || v[0] < 1 || v[0] > 3)
                return false;
            break;
        default:
            break;
        }
        off += 2 + olen;
    }
    return false;                       // too many options
}

void
DhcpSnooper::unbind_mac(const EtherAddress &mac)
{
    IPAddress *ip = _by_mac.findp(mac);
    if (!ip)
        return;
    Binding *b = _bindings.findp(*ip);
    if (b && b->mac == mac)
        _bindings.erase(*ip);
    _by_mac.erase(mac);
}

void
DhcpSnooper::bind(IPAddress ip, const EtherAddress &mac, uint32_t xid, int64_t expires)
{
    // a client moving to a new address loses the old one
    IPAddress *old = _by_mac.findp(mac);
    if (old && *old != ip)
        _bindings.erase(*old);

    Binding *b = _bindings.findp(ip);
    if (b) {
        if (b->mac != mac)
            _by_mac.erase(b->mac);      // address handed to another client
        else
            b->renewals++;
        b->mac = mac;
        b->xid = xid;
        b->expires = expires;
    } else {
        Binding nb;
        nb.mac = mac;
        nb.xid = xid;
        nb.expires = expires;
        _bindings.insert(ip, nb);
    }
    _by_mac.set(mac, ip);
}

/* Returns r_none to forward the packet or a drop reason. */
int
DhcpSnooper::handle_dhcp(Packet *p, const unsigned char *bootp, int len,
                         bool from_server)
{
    if (len < DHCP_OPTIONS_OFF + 1)
        return r_malformed;
    uint8_t op = bootp[0];
    uint8_t htype = bootp[1];
    uint8_t hlen = bootp[2];
    uint8_t hops = bootp[3];
    if (htype != 1 || hlen != 6 || hops > 16)
        return r_malformed;
    if (be32(bootp + BOOTP_FIXED_LEN) != DHCP_MAGIC)
        return r_malformed;
    if (op != (from_server ? BOOTREPLY : BOOTREQUEST))
        return r_bad_op;

    uint32_t xid = be32(bootp + 4);
    IPAddress yiaddr(bootp + 16);
    IPAddress giaddr(bootp + 24);
    EtherAddress chaddr(bootp + 28);

    DhcpInfo info;
    if (!parse_options(bootp + DHCP_OPTIONS_OFF, len - DHCP_OPTIONS_OFF, info))
        return r_malformed;
    _msg_count[info.msg_type]++;

    if (from_server) {
        const click_ip *iph = p->ip_header();
        if (!trusted_server(IPAddress(iph->ip_src))
            || (info.has_server_id && !trusted_server(info.server_id)))
            return r_rogue_server;
        switch (info.msg_type) {
        case DHCPACK: {
            if (yiaddr.empty())
                break;                  // an ACK to DHCPINFORM: no lease
            uint32_t lease = info.has_lease ? info.lease : _lease_cap;
            if (lease > _lease_cap)
                lease = _lease_cap;
            if (!_bindings.findp(yiaddr) && _bindings.size() >= _max_bindings)
                return r_table_full;
            bind(yiaddr, chaddr, xid, now_sec(p) + lease);
            break;
        }
        case DHCPNAK:
            unbind_mac(chaddr);
            break;
        case DHCPOFFER:
            break;
        default:
            return r_bad_op;            // servers send only OFFER/ACK/NAK
        }
        return r_none;
    }

    // client side
    if (_mac_check && p->has_mac_header()) {
        EtherAddress src(p->ether_header()->ether_shost);
        if (src != chaddr && giaddr.empty())
            return r_mac_mismatch;
    }
    if (info.has_opt82 && !_trust_opt82 && giaddr.empty())
        return r_opt82;
    switch (info.msg_type) {
    case DHCPRELEASE:
    case DHCPDECLINE:
        unbind_mac(chaddr);
        break;
    case DHCPDISCOVER:
    case DHCPREQUEST:
    case DHCPINFORM:
        break;
    default:
        return r_bad_op;                // clients never send OFFER/ACK/NAK
    }
    return r_none;
}

int
DhcpSnooper::check_source(const Packet *p, const click_ip *iph)
{
    IPAddress src(iph->ip_src);
    Binding *b = _bindings.findp(src);
    if (!b)
        return r_unbound;
    if (b->expires <= now_sec(p)) {
        EtherAddress mac = b->mac;
        _bindings.erase(src);
        _by_mac.erase(mac);
        return r_expired;
    }
    if (_mac_check && p->has_mac_header()) {
        const click_ether *eh = p->ether_header();
        if (memcmp(eh->ether_shost, b->mac.data(), 6) != 0)
            return r_mac_mismatch;
    }
    return r_none;
}

void
DhcpSnooper::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    int why = r_none;

    if (!iph || p->network_length() < (int) sizeof(click_ip)) {
        why = r_malformed;
        goto done;
    }
    if (iph->ip_p == IP_PROTO_UDP && IP_FIRSTFRAG(iph)
        && p->transport_length() >= (int) sizeof(click_udp)) {
        const click_udp *uh = p->udp_header();
        uint16_t sport = ntohs(uh->uh_sport), dport = ntohs(uh->uh_dport);
        bool server = (sport == PORT_SERVER && dport == PORT_CLIENT);
        bool client = (sport == PORT_CLIENT && dport == PORT_SERVER);
        if (server || client) {
            int ulen = ntohs(uh->uh_ulen);
            if (ulen > p->transport_length())
                ulen = p->transport_length();
            const unsigned char *bootp = reinterpret_cast<const unsigned char *>(uh + 1);
            why = handle_dhcp(p, bootp, ulen - (int) sizeof(click_udp), server);
            goto done;
        }
    }
    why = check_source(p, iph);

  done:
    if (why == r_none) {
        _forwarded++;
        output(0).push(p);
    } else {
        _drops[why]++;
        checked_output_push(1, p);
    }
}

enum { h_bindings, h_messages, h_dropped, h_count, h_clear };

String
DhcpSnooper::read_handler(Element *e, void *thunk)
{
    DhcpSnooper *d = static_cast<DhcpSnooper *>(e);
    StringAccum sa;
    switch ((intptr_t) thunk) {
    case h_bindings: {
        int64_t now = Timestamp::recent().sec();
        for (HashMap<IPAddress, Binding>::const_iterator it = d->_bindings.begin();
             it.live(); ++it) {
            int64_t left = it.value().expires - now;
            sa << it.key() << ' ' << it.value().mac << ' '
               << (long long) (left > 0 ? left : 0) << '\n';
        }
        break;
    }
    case h_messages:
        for (int m = 1; m < NMSG; m++)
            sa << d->_msg_count[m] << (m + 1 < NMSG ? ' ' : '\n');
        break;
    case h_dropped:
        for (int r = 1; r < r_count; r++)
            sa << d->_drops[r] << (r + 1 < r_count ? ' ' : '\n');
        break;
    case h_count:
        sa << (unsigned long) d->_bindings.size();
        break;
    }
    return sa.take_string();
}

int
DhcpSnooper::write_handler(const String &, Element *e, void *thunk, ErrorHandler *)
{
    DhcpSnooper *d = static_cast<DhcpSnooper *>(e);
    if ((intptr_t) thunk == h_clear) {
        d->_bindings.clear();
        d->_by_mac.clear();
    }
    return 0;
}

void
DhcpSnooper::add_handlers()
{
    add_read_handler("bindings", read_handler, h_bindings);
    add_read_handler("messages", read_handler, h_messages);
    add_read_handler("dropped", read_handler, h_dropped);
    add_read_handler("nbindings", read_handler, h_count);
    add_write_handler("clear", write_handler, h_clear, Handler::f_button);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(DhcpSnooper)
