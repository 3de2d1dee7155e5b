// -*- c++ -*-
/*
 * syn_early_drop.hh -- SynEarlyDrop: under a SYN flood, drops new TCP
 * connection attempts with a probability that grows with the SYN load
 * (RED applied to SYNs), so that established traffic and trusted
 * networks keep getting through.
 */
#ifndef SECURITY_SYNEARLYDROP_HH
#define SECURITY_SYNEARLYDROP_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
#include <click/timestamp.hh>
#include <click/vector.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
CLICK_DECLS

/*
 * =c
 * SynEarlyDrop(LEAK, MIN_LEVEL, MAX_LEVEL, [MAX_PERCENT, SEED, TRUSTED "PREFIX ..."])
 *
 * =s ddos
 * random early drop of TCP SYNs, driven by a leaky-bucket SYN meter
 *
 * =d
 * Every TCP SYN (without ACK) pours one unit into a bucket that leaks
 * LEAK units per second.  While the level is below MIN_LEVEL all SYNs
 * pass; between MIN_LEVEL and MAX_LEVEL a SYN is dropped with a
 * probability rising linearly from 0 to MAX_PERCENT percent (default 50);
 * at MAX_LEVEL and above every SYN is dropped.  SYNs from the TRUSTED
 * prefixes are never dropped (but still counted).  Dropped SYNs leave on
 * output 1 if it exists; everything else passes on output 0.
 *
 * =h stats read-only    level and counters
 */
class SynEarlyDrop : public Element {
  public:
    SynEarlyDrop();
    ~SynEarlyDrop();

    const char *class_name() const override { return "SynEarlyDrop"; }
    const char *port_count() const override { return PORTS_1_1X2; }
    const char *processing() const override { return AGNOSTIC; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    Packet *simple_action(Packet *p) override;

    enum { SCALE = 1000 };          /* bucket units per SYN */

  private:
    uint32_t _leak;                 /* SYNs per second */
    uint64_t _min_level;            /* scaled by SCALE */
    uint64_t _max_level;
    uint32_t _max_p16;              /* drop probability at MAX_LEVEL, /65536 */
    uint32_t _rng;
    uint64_t _level;
    int64_t _last_ms;
    Vector<IPAddress> _trusted_addr;
    Vector<IPAddress> _trusted_mask;

    uint64_t _syns;
    uint64_t _dropped;
    uint64_t _trusted;

    uint32_t next_random() {
        uint32_t x = _rng;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        return _rng = x;
    }
    bool trusted(IPAddress a) const;

    static String read_stats(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
