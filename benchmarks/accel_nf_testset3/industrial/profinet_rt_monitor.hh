#ifndef CLICK_PROFINETRTMONITOR_HH
#define CLICK_PROFINETRTMONITOR_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/etheraddress.hh>
CLICK_DECLS

/*
 * ProfinetRtMonitor([SEND_CLOCK_US, WATCHDOG, SAMPLE])
 *
 * Passive PROFINET IO monitor on a SPAN port of a cell switch.  Classifies
 * EtherType 0x8892 frames by FrameID, follows every cyclic IO CR (keyed by
 * provider MAC + FrameID): cycle counter progress, DataStatus bits
 * (primary, DataValid, ProviderState RUN, StationProblemIndicator) and late
 * frames (more than WATCHDOG expected cycles since the last one).
 * 1 of SAMPLE cyclic frames is also copied out for the historian.
 *
 * Output 0: cyclic RT data, healthy.  Output 1: alarms, DCP, other
 * acyclic RT.  Output 2: cyclic frames with a problem, and malformed
 * frames.  Output 3 (optional): sampled copies.
 */
class ProfinetRtMonitor : public Element {
  public:
    ProfinetRtMonitor();
    ~ProfinetRtMonitor();

    const char *class_name() const { return "ProfinetRtMonitor"; }
    const char *port_count() const { return "1/3-4"; }
    const char *processing() const { return PUSH; }
    int configure(Vector<String> &conf, ErrorHandler *errh);
    void add_handlers();
    void push(int port, Packet *p);

  private:
    enum { MAX_IOCR = 512 };

    struct IoCr {
        uint16_t frame_id;
        uint16_t last_cycle;
        uint8_t last_status;
        int64_t last_ns;
        uint32_t frames, late, invalid, stuck;
    };

    HashMap<uint64_t, int> _iocr_index;
    IoCr _iocr[MAX_IOCR];
    int _niocr;

    uint32_t _send_clock_us;
    uint32_t _watchdog;
    uint32_t _sample;
    uint32_t _rng;

    uint32_t _cyclic, _alarms, _dcp, _problems, _malformed, _table_full;
};

CLICK_ENDDECLS
#endif
