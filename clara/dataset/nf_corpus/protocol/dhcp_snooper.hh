// -*- c++ -*-
/*
 * dhcp_snooper.hh -- DhcpSnooper: watches DHCP exchanges, learns
 * (IP, MAC, lease expiry) bindings from the trusted servers' ACKs and drops
 * traffic from sources without a live binding, spoofed server messages and
 * client messages that carry relay information.
 *
 * Training code for Clara's compute model (nf_corpus/protocol); written for
 * Clara, not an evaluation NF.
 */
#ifndef CLARA_NFCORPUS_DHCPSNOOPER_HH
#define CLARA_NFCORPUS_DHCPSNOOPER_HH
#include <click/element.hh>
#include <click/etheraddress.hh>
#include <click/hashmap.hh>
#include <click/ipaddress.hh>
#include <click/timestamp.hh>
#include <click/vector.hh>
CLICK_DECLS

/*
=c

DhcpSnooper([SERVER ...], KEYWORDS)

=s dhcp

DHCP snooping: learns lease bindings and enforces them

=d

Expects IPv4 packets with the IP header annotation set (and, for the MAC
checks, the MAC header annotation).  UDP datagrams between ports 67 and
68 are parsed as BOOTP/DHCP: the 236-byte fixed header, the magic cookie,
then the options in a bounded walk (at most 96 options, PAD and END
handled, unknown options skipped by their length).

Server messages (source port 67) must come from one of the SERVER
addresses (any address if none is given).  A DHCPACK binds its yiaddr to
its chaddr until the lease (option 51) runs out; LEASE_CAP bounds the
lease.  A DHCPNAK removes the client's binding.  Client messages (source
port 68) must be BOOTREQUESTs; with MAC_CHECK true their chaddr must
equal the Ethernet source.  A client DHCPRELEASE or DHCPDECLINE removes
the binding.  Client messages that already carry relay agent information
(option 82) are dropped when TRUST_OPT82 is false.

Every other packet is forwarded only if its source address has a live
binding whose MAC matches the Ethernet source (when known).  Failures go
to output 1, or are dropped.

Keywords: SERVER (repeatable), LEASE_CAP (seconds, default 86400),
MAC_CHECK (bool, default true), TRUST_OPT82 (bool, default false),
MAX_BINDINGS (default 16384).

=h bindings read-only   "IP MAC SECONDS_LEFT" lines
=h messages read-only   DHCP messages per type (1-8)
=h dropped read-only    drops per reason
=h clear write-only     forget all bindings
*/

class DhcpSnooper : public Element {
  public:
    DhcpSnooper();
    ~DhcpSnooper();

    const char *class_name() const { return "DhcpSnooper"; }
    const char *port_count() const { return PORTS_1_1X2; }
    const char *processing() const { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh);
    void add_handlers();
    void push(int port, Packet *p);

    enum {
        BOOTP_FIXED_LEN = 236, DHCP_OPTIONS_OFF = 240, MAX_OPTIONS = 96,
        PORT_SERVER = 67, PORT_CLIENT = 68, NMSG = 9
    };
    enum Reason {
        r_none = 0, r_malformed, r_rogue_server, r_bad_op, r_mac_mismatch,
        r_opt82, r_unbound, r_expired, r_table_full, r_count
    };

    struct Binding {
        EtherAddress mac;
        uint32_t xid;
        int64_t expires;        // seconds
        uint32_t renewals;
        Binding() : xid(0), expires(0), renewals(0) {}
    };

    /* What the option walk found. */
    struct DhcpInfo {
        uint8_t msg_type;
        bool has_opt82;
        bool has_lease;
        bool has_server_id;
        bool has_requested;
        uint32_t lease;         // seconds, host order
        IPAddress server_id;
        IPAddress requested;
        uint8_t hostname_len;
        uint8_t noptions;
        DhcpInfo() : msg_type(0), has_opt82(false), has_lease(false),
                     has_server_id(false), has_requested(false), lease(0),
                     hostname_len(0), noptions(0) {}
    };

  private:
    HashMap<IPAddress, Binding> _bindings;
    HashMap<EtherAddress, IPAddress> _by_mac;
    Vector<IPAddress> _servers;
    uint32_t _lease_cap;
    uint32_t _max_bindings;
    bool _mac_check;
    bool _trust_opt82;

    uint64_t _msg_count[NMSG];
    uint32_t _opt_seen[256];            // option codes seen, 1 KiB
    uint64_t _drops[r_count];
    uint64_t _forwarded;

    static inline uint32_t be32(const unsigned char *p) {
        return ((uint32_t) p[0] << 24) | ((uint32_t) p[1] << 16)
            | ((uint32_t) p[2] << 8) | p[3];
    }
    inline bool trusted_server(IPAddress a) const {
        if (_servers.empty())
            return true;
        for (int i = 0; i < _servers.size(); i++)
            if (_servers[i] == a)
                return true;
        return false;
    }
    static inline int64_t now_sec(const Packet *p) {
        const Timestamp &t = p->timestamp_anno();
        return t ? t.sec() : Timestamp::recent().sec();
    }

    bool parse_options(const unsigned char *opt, int len, DhcpInfo &info);
    int handle_dhcp(Packet *p, const unsigned char *bootp, int len, bool from_server);
    void bind(IPAddress ip, const EtherAddress &mac, uint32_t xid, int64_t expires);
    void unbind_mac(const EtherAddress &mac);
    int check_source(const Packet *p, const click_ip *iph);

    static String read_handler(Element *e, void *thunk);
    static int write_handler(const String &s, Element *e, void *thunk,
                             ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
