// -*- c++ -*-
/*
 * port_scan_detector.hh -- PortScanDetector: per-source bitmaps of probed
 * (hashed) destination ports; sources touching too many distinct ports in
 * a window are flagged as scanners.
 *
 * Training code for Clara's compute model (nf_corpus/security); written
 * for the corpus, not one of the evaluation NFs.
 */
#ifndef CLARA_CORPUS_PORTSCANDETECTOR_HH
#define CLARA_CORPUS_PORTSCANDETECTOR_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/ipaddress.hh>
#include <click/timestamp.hh>
#include <click/vector.hh>
CLICK_DECLS

/*
=c

PortScanDetector(KEYWORDS)

=s ip

flags sources that probe many distinct ports

=d

For every TCP probe (a SYN without ACK, or a stealth FIN, NULL or Xmas
segment) and, if UDP is true, every UDP datagram, records the destination port in a 1024-bit bitmap kept
per IPv4 source.  Ports are hashed into the bitmap; with HORIZONTAL true
the destination address is mixed into the hash, so probing one port on
many hosts counts too.  When a source has set THRESHOLD distinct bits
within WINDOW seconds it is a scanner: its probes leave on output 1 (and
are painted with COLOR) until the window ends; everything else leaves on
output 0.  Probes to ports below LOW_PORTS count WEIGHT bits' worth of
suspicion (default 1).

Keywords: THRESHOLD (default 32), WINDOW (s, 60), UDP (bool, true),
HORIZONTAL (bool, false), COLOR (default 7), LOW_PORTS (default 1024),
WEIGHT (1-4, default 1), MAX_SOURCES (default 32768).

=h probes, scanners, flagged_packets, sources, scanner_list read-only
*/

class PortScanDetector : public Element {
  public:
    PortScanDetector();
    ~PortScanDetector();

    const char *class_name() const { return "PortScanDetector"; }
    const char *port_count() const { return PORTS_1_1X2; }
    const char *processing() const { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh);
    void add_handlers();
    void push(int port, Packet *p);

    enum { BITMAP_WORDS = 16, BITMAP_BITS = BITMAP_WORDS * 64, MAX_LISTED = 256 };

    struct ScanRecord {
        uint64_t bitmap[BITMAP_WORDS];
        uint32_t probes;
        uint16_t distinct;     /* bits set (weighted) in this window */
        uint16_t last_port;    /* host order */
        uint8_t scanner;
        uint8_t sequential;    /* consecutive +1 port steps seen */
        Timestamp window_start;
    };

  private:
    HashMap<IPAddress, ScanRecord> _records;
    Vector<IPAddress> _scanner_list;
    uint32_t _threshold;
    uint32_t _window_s;
    uint32_t _max_sources;
    uint16_t _low_ports;
    uint8_t _weight;
    uint8_t _color;
    bool _udp;
    bool _horizontal;

    uint64_t _probes;
    uint64_t _scanners;
    uint64_t _flagged_packets;

    static inline uint32_t port_slot(uint16_t port, uint32_t dst, bool horizontal) {
        uint32_t h = port * 0x9E3779B1U;
        if (horizontal)
            h ^= (dst * 0x85EBCA6BU) >> 7;
        h ^= h >> 15;
        return h & (BITMAP_BITS - 1);
    }

    void reset_window(ScanRecord &r, const Timestamp &now);
    bool record_probe(ScanRecord &r, uint16_t port, uint32_t dst);

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
