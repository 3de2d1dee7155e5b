#ifndef CLICK_STORAGEFLOWBALANCER_HH
#define CLICK_STORAGEFLOWBALANCER_HH
#include <click/element.hh>
#include <click/string.hh>
CLICK_DECLS

/*
=c

StorageFlowBalancer([KEY, I<keywords> RETA_SIZE, WEIGHTS, L4])

=s storage

spreads storage sessions over target cores the way NIC RSS would

=d

Computes the receive-side-scaling Toeplitz hash of each IPv4 packet (source
and destination address, and for TCP/UDP the ports) with a 40-byte secret
KEY (hex, default: the well-known Microsoft verification key), looks the
low bits up in an indirection table of RETA_SIZE entries and emits the
packet on that table entry's output.  The software target uses the same
key as the NIC so that a session's iSCSI/NVMe-TCP connections land on the
same core whether or not the NIC hashed them.

WEIGHTS is an optional space-separated list of relative weights, one per
output, used to fill the indirection table.  If L4 is false, only the
addresses are hashed.  Non-IPv4 packets go to output 0.  The hash is stored
in the aggregate annotation.
*/

#define RSS_KEY_LEN	40
#define RSS_MAX_RETA	512

/*
 * Toeplitz hash: for every set bit of the input, XOR in the 32-bit window
 * of the key that starts at that bit position.
 */
static inline uint32_t
rss_toeplitz(const uint8_t *key, const uint8_t *input, int input_len)
{
    uint32_t hash = 0;
    uint32_t window = ((uint32_t) key[0] << 24) | ((uint32_t) key[1] << 16)
		    | ((uint32_t) key[2] << 8) | key[3];
    for (int i = 0; i < input_len; i++) {
	uint8_t next_key = key[i + 4];
	for (int bit = 7; bit >= 0; bit--) {
	    if (input[i] & (1 << bit))
		hash ^= window;
	    window = (window << 1) | ((next_key >> bit) & 1);
	}
    }
    return hash;
}

class StorageFlowBalancer : public Element { public:

    StorageFlowBalancer();
    ~StorageFlowBalancer();

    const char *class_name() const	{ return "StorageFlowBalancer"; }
    const char *port_count() const	{ return "1/1-"; }
    const char *processing() const	{ return PUSH; }

    int configure(Vector<String> &, ErrorHandler *);
    void add_handlers();

    void push(int, Packet *);

  private:

    uint8_t _key[RSS_KEY_LEN + 4];	// padded: the hash loop reads 4 ahead
    uint16_t _reta[RSS_MAX_RETA];
    uint32_t _reta_size;
    bool _l4;

    uint64_t _hashed;
    uint64_t _non_ip;
    uint64_t *_per_output;

    static int parse_key(const String &hex, uint8_t *key);

};

CLICK_ENDDECLS
#endif
