#ifndef CLICK_LORAWANUPLINKROUTER_HH
#define CLICK_LORAWANUPLINKROUTER_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
CLICK_DECLS

/*
 * LoRaWanUplinkRouter(ROUTE prefix/len addr:port, ..., JOIN addr:port [, DEDUP_MS ms])
 *
 * Packet-forwarder concentrator for a LoRaWAN roaming hub.  Gateways send
 * uplinks as UDP datagrams: a 20-byte "LU" metadata header (gateway EUI,
 * frequency, RSSI, SNR, data rate) followed by the raw PHYPayload.  Data
 * uplinks are routed to the network server that owns the longest matching
 * DevAddr prefix (NetID blocks, operator sub-blocks); join and rejoin
 * requests go to the join server.  The datagram is readdressed in place.
 *
 * Output 0: data uplinks, readdressed.   Output 1: joins, readdressed.
 * Output 2: duplicates of an uplink already forwarded (other gateway).
 * Output 3: malformed or unroutable.
 */
class LoRaWanUplinkRouter : public Element { public:

    LoRaWanUplinkRouter();

    const char *class_name() const override	{ return "LoRaWanUplinkRouter"; }
    const char *port_count() const override	{ return "1/4"; }
    const char *processing() const override	{ return PUSH; }
    int configure(Vector<String> &, ErrorHandler *) override;
    void add_handlers() override;

    void push(int, Packet *) override;

  private:

    enum { MAX_NS = 16, MAX_NODES = 2048, DEDUP_SLOTS = 512, META_LEN = 20 };

    struct DaNode {
	int32_t child[2];	// -1: none
	int16_t ns;		// network server of the prefix ending here, -1: none
    };
    struct NetServer {
	IPAddress addr;
	uint16_t port;		// network byte order
	uint32_t uplinks;
    };
    struct Seen {
	uint32_t devaddr;
	uint32_t mic;
	uint16_t fcnt;
	click_jiffies_t when;
    };

    DaNode _nodes[MAX_NODES];
    int _nnodes;
    NetServer _ns[MAX_NS + 1];	// slot MAX_NS: join server
    int _nns;
    Seen _seen[DEDUP_SLOTS];
    uint32_t _dedup_jiffies;

    uint32_t _malformed, _unroutable, _duplicates, _joins;

    int add_route(uint32_t prefix, int len, int ns);
    int find_ns(IPAddress a, uint16_t port, bool create);
    void readdress(WritablePacket *q, const NetServer &ns);
    void drop(Packet *p, uint32_t &counter) {
	counter++;
	checked_output_push(3, p);
    }

};

CLICK_ENDDECLS
#endif
