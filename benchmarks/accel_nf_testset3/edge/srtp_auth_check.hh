#ifndef CLICK_SRTPAUTHCHECK_HH
#define CLICK_SRTPAUTHCHECK_HH
#include <click/element.hh>
CLICK_DECLS

/*
 * SrtpAuthCheck(AUTH_KEY, [SSRC, TAG_LEN])
 *
 * Checks the HMAC-SHA1 tag (default 80 bits) of SRTP packets (RFC 3711) over
 * IPv4/UDP for one sender, with the session authentication key AUTH_KEY (hex),
 * estimating the rollover counter from the sequence number; a 64-packet window
 * rejects replays.  Output 0: authentic, tag trimmed; output 1: the rest.
 */

class SrtpAuthCheck : public Element {
  public:
    SrtpAuthCheck();

    const char *class_name() const { return "SrtpAuthCheck"; }
    const char *port_count() const { return "1/2"; }
    const char *processing() const { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh);
    void add_handlers();
    void push(int port, Packet *p);

  private:
    enum { RTP_MIN = 12, MAX_KEY = 64 };

    uint32_t _istate[5];            /* SHA-1 state after (K ^ ipad) */
    uint32_t _ostate[5];            /* SHA-1 state after (K ^ opad) */
    unsigned _tag_len;
    uint32_t _ssrc;
    bool _ssrc_known;

    /* receiver crypto context */
    uint32_t _roc;
    uint16_t _s_l;
    bool _started;
    uint64_t _window;               /* bit i: index (_highest - i) seen */
    uint64_t _highest;

    uint64_t _ok, _auth_fail, _replay, _foreign, _runt;

    void sha1_block(uint32_t *st, const uint8_t *blk) const;
    void hmac_sha1(const uint8_t *msg, uint32_t len, uint32_t roc, uint8_t *mac) const;
    int replay_check(uint64_t index) const;
    void replay_update(uint64_t index);
};

CLICK_ENDDECLS
#endif
