// -*- c++ -*-
/*
 * l2tp_ctrl_auth.hh -- L2tpCtrlAuth: Message Digest AVP handling for
 * L2TPv3 control messages (RFC 3931, section 5.4.1), HMAC-MD5 flavour.
 */
#ifndef OVERLAY_L2TP_CTRL_AUTH_HH
#define OVERLAY_L2TP_CTRL_AUTH_HH
#include <click/element.hh>
CLICK_DECLS

/*
 * =c
 * L2tpCtrlAuth(SECRET, [MODE])
 *
 * =s tunnel
 * signs or verifies L2TPv3 control messages
 *
 * =d
 * Input: L2TPv3 control messages starting at the control header (after
 * UDP decapsulation).  The digest is keyed by the tunnel's shared SECRET
 * (at most 64 bytes) and covers the whole control message with the digest
 * field itself zeroed.  MODE SIGN fills in the digest of a Message Digest
 * AVP that the control plane reserved; MODE VERIFY (default) checks it.
 * Good messages and ZLB acknowledgements leave on output 0; messages with
 * a missing, malformed or wrong digest, data messages and malformed
 * messages leave on output 1.
 *
 * =h stats read-only       counters, and messages seen per type
 */
class L2tpCtrlAuth : public Element {
  public:
    L2tpCtrlAuth();
    ~L2tpCtrlAuth();

    const char *class_name() const override { return "L2tpCtrlAuth"; }
    const char *port_count() const override { return "1/2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum {
        CTRL_HLEN = 12, AVP_HLEN = 6,
        AVP_MESSAGE_TYPE = 0, AVP_MESSAGE_DIGEST = 59,
        DIGEST_HMAC_MD5 = 1, DIGEST_AVP_LEN = AVP_HLEN + 2 + 16,
        NTYPES = 64
    };

  private:
    uint32_t _inner_iv[4];      // state after the key ^ ipad block
    uint32_t _outer_iv[4];      // state after the key ^ opad block
    bool _sign;

    uint64_t _passed;
    uint64_t _zlb;
    uint64_t _bad_digest;
    uint64_t _no_digest;
    uint64_t _malformed;
    uint64_t _hidden_avps;
    uint64_t _by_type[NTYPES];

    void compress(uint32_t st[4], const uint8_t *block) const;
    void keyed_digest(const uint8_t *msg, uint32_t len, uint8_t out[16]) const;

    void reject(Packet *p, uint64_t &counter) {
        counter++;
        checked_output_push(1, p);
    }

    static String read_stats(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
