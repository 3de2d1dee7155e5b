#ifndef CLICK_FCSCAPTURETAP_HH
#define CLICK_FCSCAPTURETAP_HH
#include <click/element.hh>
#include <click/timestamp.hh>
CLICK_DECLS

/*
 * =c
 * FCSCaptureTap([PORTID, I<keywords> SNAPLEN, HAS_FCS, TRAILER])
 *
 * =s telemetry
 * tap that copies frames to a capture appliance with timestamp trailer + FCS
 *
 * =d
 * Forwards every good frame on output 0 and sends a copy to output 1 for a
 * capture appliance.  The copy is cut to SNAPLEN bytes, gets an optional
 * 12-byte trailer (arrival time in seconds and nanoseconds, PORTID, flags,
 * original length) and a freshly computed Ethernet FCS, since the appliance
 * runs with FCS retention on and drops frames whose FCS is wrong.
 *
 * If HAS_FCS is true the input frames still carry their FCS (a port in
 * FCS-passthrough mode): it is verified and stripped; frames with a bad FCS
 * go to output 2 if present, else are dropped.
 */

class FCSCaptureTap : public Element {
  public:
    FCSCaptureTap();

    const char *class_name() const override { return "FCSCaptureTap"; }
    const char *port_count() const override { return "1/2-3"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

  private:
    enum { FCS_LEN = 4, TRAILER_LEN = 12 };
    enum { TF_TRUNCATED = 0x01, TF_FCS_WAS_BAD = 0x02 };

    uint32_t _crc_table[256];
    uint8_t _port_id;
    uint32_t _snaplen;
    bool _has_fcs;
    bool _trailer;

    uint64_t _frames;
    uint64_t _bad_fcs;
    uint64_t _runts;
    uint64_t _copies;
    uint64_t _copy_failures;

    uint32_t frame_crc(const unsigned char *data, uint32_t len) const;
    void emit_copy(const Packet *p, uint32_t len, const Timestamp &ts);
};

CLICK_ENDDECLS
#endif
