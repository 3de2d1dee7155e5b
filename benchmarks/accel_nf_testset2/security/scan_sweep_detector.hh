// -*- c++ -*-
/*
 * scan_sweep_detector.hh -- ScanSweepDetector: flags sources that probe
 * many ports (vertical scans) or many hosts (horizontal sweeps), plus
 * NULL/FIN/XMAS stealth probes, and blocks them for a while.
 */
#ifndef SECURITY_SCANSWEEPDETECTOR_HH
#define SECURITY_SCANSWEEPDETECTOR_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/ipaddress.hh>
#include <click/timestamp.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
#include <clicknet/udp.h>
CLICK_DECLS

/*
 * =c
 * ScanSweepDetector([SCORE, WINDOW, BLOCK, HOST_WEIGHT])
 *
 * =s ids
 * per-source port-scan and host-sweep detector
 *
 * =d
 * For every source that sends TCP SYNs or UDP datagrams, keeps a bitmap of
 * the well-known destination ports (0-1023) it touched, a count of probes
 * to higher ports, and a bitmap of the last octet of the destinations it
 * touched, over a WINDOW of seconds (default 60).  The score is the number
 * of distinct low ports + HOST_WEIGHT (default 2) x distinct hosts + high
 * probes / 8, plus 16 per stealth probe (NULL, FIN-only or XMAS flags).
 * When a source's score reaches SCORE (default 100) it is blocked for
 * BLOCK seconds (default 600): its packets leave on output 1.  Other
 * packets leave on output 0.
 *
 * =h blocked read-only    the blocked sources
 */

/* Number of one bits in x (SWAR: 2-, 4-, 8-bit partial sums). */
static inline unsigned
bits_set(uint32_t x)
{
    x = x - ((x >> 1) & 0x55555555U);
    x = (x & 0x33333333U) + ((x >> 2) & 0x33333333U);
    x = (x + (x >> 4)) & 0x0F0F0F0FU;
    return (x * 0x01010101U) >> 24;
}

class ScanSweepDetector : public Element {
  public:
    ScanSweepDetector();
    ~ScanSweepDetector();

    const char *class_name() const override { return "ScanSweepDetector"; }
    const char *port_count() const override { return "1/2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    struct Tracker {
        uint32_t low_ports[1024 / 32];
        uint32_t hosts[256 / 32];
        uint32_t high_probes;
        uint32_t stealth;
        int64_t window_start;       /* seconds */
        int64_t blocked_until;      /* seconds; 0 = not blocked */
        Tracker() : high_probes(0), stealth(0), window_start(0), blocked_until(0) {
            memset(low_ports, 0, sizeof(low_ports));
            memset(hosts, 0, sizeof(hosts));
        }
    };

  private:
    HashMap<IPAddress, Tracker> _src;
    uint32_t _score;
    uint32_t _window;
    uint32_t _block;
    uint32_t _host_weight;

    uint64_t _probes;
    uint64_t _blocks;
    uint64_t _blocked_pkts;

    unsigned score(const Tracker &t) const;

    static String read_blocked(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
