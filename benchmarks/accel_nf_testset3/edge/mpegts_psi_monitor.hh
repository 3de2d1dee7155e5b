#ifndef CLICK_MPEGTSPSIMONITOR_HH
#define CLICK_MPEGTSPSIMONITOR_HH
#include <click/element.hh>
CLICK_DECLS

/*
 * MpegTsPsiMonitor([PMT_PID, DROP_BAD, MAX_PIDS])
 *
 * Watches MPEG transport streams carried over UDP (or RTP/UDP, RFC 2250),
 * as seen at a live video ingest or multicast-to-CDN gateway.  Per datagram
 * it walks the 188-byte TS packets, counts sync losses and continuity counter
 * errors per PID, and checks the CRC_32 of PAT (PID 0) and PMT sections that
 * start and end in one TS packet.  The PMT PID is learned from the PAT unless
 * PMT_PID is given.  Datagrams with a corrupt table section go to output 1 if
 * DROP_BAD is true; everything else passes on output 0.
 */

class MpegTsPsiMonitor : public Element {
  public:
    MpegTsPsiMonitor();

    const char *class_name() const { return "MpegTsPsiMonitor"; }
    const char *port_count() const { return "1/1-2"; }
    const char *processing() const { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh);
    void add_handlers();
    void push(int port, Packet *p);

  private:
    enum { TS_SIZE = 188, TS_SYNC = 0x47, NPIDS = 8192 };

    uint32_t crcTab_[256];
    uint8_t lastCc_[NPIDS];         /* 0xFF: PID not seen yet */
    unsigned pmtPid_;
    bool pmtFixed_;
    bool dropBad_;

    uint64_t datagrams_, tsPackets_, syncErrors_, ccErrors_;
    uint64_t sections_, crcErrors_, pmtChanges_;

    bool check_section(const uint8_t *ts, const uint8_t *payload, unsigned pid);
};

CLICK_ENDDECLS
#endif
