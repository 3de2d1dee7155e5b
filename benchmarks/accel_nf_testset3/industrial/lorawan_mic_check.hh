#ifndef CLICK_LORAWANMICCHECK_HH
#define CLICK_LORAWANMICCHECK_HH
#include <click/element.hh>
#include <click/hashmap.hh>
CLICK_DECLS

/*
 * LoRaWanMicCheck(OFFSET, SESSION devaddr nwkskey, ...)
 *
 * Verifies the message integrity code of LoRaWAN 1.0.x data uplinks at the
 * edge of a private network server, before frames reach the application
 * server: MIC = AES-CMAC(NwkSKey, B0 | MHDR..FRMPayload)[0..3].  Also
 * reconstructs the 32-bit uplink frame counter and rejects replays.
 * OFFSET is where the PHYPayload starts, counted from the UDP header.
 *
 * Output 0: authentic uplinks (FCnt32 in the sequence-number annotation).
 * Output 1: MIC failures.  Output 2: unknown DevAddr, replays, not data.
 */
class LoRaWanMicCheck : public Element {
  public:
    LoRaWanMicCheck();
    ~LoRaWanMicCheck();

    const char *class_name() const { return "LoRaWanMicCheck"; }
    const char *port_count() const { return "1/3"; }
    const char *processing() const { return PUSH; }
    int configure(Vector<String> &conf, ErrorHandler *errh);
    void add_handlers();
    void push(int port, Packet *p);

  private:
    enum { MAX_SESSIONS = 64, MAX_MSG = 256 };

    struct Session {
        uint32_t devaddr;
        uint8_t nwkskey[16];
        uint8_t round_keys[176];
        uint8_t k1[16], k2[16];
        bool expanded;
        bool seen_any;
        uint32_t fcnt_up;
        uint32_t ok, bad;
    };

    Session _sessions[MAX_SESSIONS];
    int _nsessions;
    HashMap<uint32_t, int> _by_devaddr;
    unsigned _offset;
    uint8_t _scratch[16 + MAX_MSG];

    uint32_t _mic_fail, _unknown, _replays, _not_data, _ok;

    void cmac(Session &s, const uint8_t *msg, unsigned len, uint8_t tag[16]);
};

CLICK_ENDDECLS
#endif
