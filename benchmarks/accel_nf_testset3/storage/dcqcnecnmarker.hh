#ifndef CLICK_DCQCNECNMARKER_HH
#define CLICK_DCQCNECNMARKER_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/timestamp.hh>
CLICK_DECLS

/*
 * =c
 * DCQCNECNMarker(RATE, KMIN, KMAX [, PMAX, WEIGHT, SEED])
 *
 * =s congestion
 * RED-style ECN marking at a DCQCN congestion point
 *
 * =d
 * Models the egress queue of a switch port that runs at RATE megabits per
 * second with a virtual queue: every packet adds its length, and the queue
 * drains at RATE between arrivals.  An EWMA of the queue depth (gain
 * 1/2^WEIGHT) is compared with KMIN and KMAX (bytes): below KMIN nothing is
 * marked, above KMAX every ECN-capable packet is marked CE, in between the
 * probability grows linearly to PMAX (per mille).  This is the marking
 * profile DCQCN expects from the congestion point.
 *
 * RoCEv2 CNPs (BTH opcode 0x81) are never marked and are counted per
 * destination so that the notification rate can be read from the "cnps"
 * handler.  Non-ECT traffic is passed unmarked.
 */
class DCQCNECNMarker : public Element {
  public:
    DCQCNECNMarker();
    ~DCQCNECNMarker();

    const char *class_name() const	{ return "DCQCNECNMarker"; }
    const char *port_count() const	{ return PORTS_1_1; }
    const char *processing() const	{ return AGNOSTIC; }

    int configure(Vector<String> &conf, ErrorHandler *errh);
    void add_handlers();

    Packet *simple_action(Packet *p);

  private:
    uint32_t _rate_mbps;
    uint32_t _kmin;
    uint32_t _kmax;
    uint32_t _pmax_permille;
    unsigned _weight;

    uint64_t _vq_bytes;
    uint64_t _avg_q;		// fixed point, 16 fractional bits
    Timestamp _last;
    uint32_t _rng;

    uint32_t _marked;
    uint32_t _not_ect;
    uint32_t _already_ce;
    uint32_t _forced;

    HashMap<uint32_t, uint32_t> _cnp_count;

    inline uint32_t next_random() {
	uint32_t x = _rng;
	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return _rng = x;
    }
    static inline void sat_inc(uint32_t &c) {
	if (c != 0xFFFFFFFFU)
	    c++;
    }

    static String read_cnps(Element *e, void *);
};

CLICK_ENDDECLS
#endif
