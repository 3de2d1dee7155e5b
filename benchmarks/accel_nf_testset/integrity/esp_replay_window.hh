// -*- c++ -*-
/*
 * esp_replay_window.hh -- EspReplayWindow: per-SA anti-replay check for
 * inbound ESP (RFC 4303 section 3.4.3), with optional extended (64-bit)
 * sequence numbers reconstructed from the 32 bits on the wire.
 */
#ifndef ACCEL_TESTSET_ESP_REPLAY_WINDOW_HH
#define ACCEL_TESTSET_ESP_REPLAY_WINDOW_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <clicknet/ip.h>
CLICK_DECLS

/*
 * =c
 * EspReplayWindow([WINDOW, ESN, SPI, ...])
 *
 * =s ipsec
 * drops replayed or too-old ESP packets
 *
 * =d
 * Input: IPv4 ESP packets with the network header annotation set, after
 * the ICV has been verified.  Each SPI has a window of WINDOW (1-64,
 * default 64) sequence numbers ending at the highest one accepted so far.
 * A packet below the window or already marked in it goes to output 1 (or
 * is dropped); otherwise it is marked and leaves on output 0 with the full
 * sequence number's low 32 bits in the SEQUENCE_NUMBER annotation.  With
 * ESN true the upper 32 bits are inferred from the window position.  SPI
 * entries restrict the accepted SPIs (default: any SPI gets a window on
 * first use).
 *
 * =h stats read-only    counters
 * =h windows read-only  per-SPI top sequence number and window occupancy
 */
class EspReplayWindow : public Element {
  public:
    EspReplayWindow();
    ~EspReplayWindow();

    const char *class_name() const override { return "EspReplayWindow"; }
    const char *port_count() const override { return "1/1-2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    struct Window {
        uint64_t top;           // highest sequence number accepted (0: none yet)
        uint64_t bits;          // bit i set: top - i has been seen
        uint64_t accepted;
        uint64_t rejected;
        Window() : top(0), bits(0), accepted(0), rejected(0) {}
    };

  private:
    HashMap<uint32_t, Window> _win;
    uint32_t _size;
    bool _esn;
    bool _restricted;

    uint64_t _in;
    uint64_t _ok;
    uint64_t _replayed;
    uint64_t _too_old;
    uint64_t _zero_seq;
    uint64_t _unknown_spi;
    uint64_t _malformed;

    uint64_t full_sequence(const Window &w, uint32_t low) const;
    void reject(Packet *p, uint64_t &counter, Window *w);

    static unsigned occupancy(uint64_t bits);
    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
