// -*- c++ -*-
/*
 * ctrl_auth_check.hh -- CtrlAuthCheck: authenticates the control channel of
 * a UDP tunnel (session setup, keepalive, teardown messages) with a keyed
 * digest trailer per peer, and rejects replayed sequence numbers.
 */
#ifndef ACCEL_TESTSET_CTRL_AUTH_CHECK_HH
#define ACCEL_TESTSET_CTRL_AUTH_CHECK_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
#include <click/hashmap.hh>
CLICK_DECLS

/*
 * Control message, UDP payload, network byte order:
 *   0      version (1)
 *   1      message type
 *   2-3    length of the whole message, authenticator included
 *   4-7    session id
 *   8-11   sequence number
 *   12-    attribute TLVs
 *   last 12 bytes: authenticator (truncated keyed digest of everything before)
 */
struct ctrl_msg_hdr {
    uint8_t  cm_version;
    uint8_t  cm_type;
    uint16_t cm_length;
    uint32_t cm_session;
    uint32_t cm_seq;
};

/*
 * =c
 * CtrlAuthCheck(PORT, PEER "ADDR KEY", ..., [MAX_MSG, ALLOW_REPLAY])
 *
 * =s tunnel
 * verifies authenticated tunnel control messages
 *
 * =d
 * Input: IPv4 UDP packets to PORT with the network header annotation set.
 * The sender must be a configured PEER; KEY is its secret as hex (at most 64
 * bytes).  Messages whose authenticator matches and whose sequence number
 * is newer than the last accepted one from that peer (unless ALLOW_REPLAY)
 * leave on output 0; all others leave on output 1 if it exists.
 *
 * =h stats read-only   counters
 */
class CtrlAuthCheck : public Element {
  public:
    CtrlAuthCheck();
    ~CtrlAuthCheck();

    const char *class_name() const override { return "CtrlAuthCheck"; }
    const char *port_count() const override { return "1/1-2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { MAX_PEERS = 64, TAG_LEN = 12, BLOCK = 64, DIGEST = 20, CTRL_VERSION = 1 };

  private:
    IPAddress _peer_addr[MAX_PEERS];
    uint32_t _inner_iv[MAX_PEERS][5];   // state after the key block XOR inner pad
    uint32_t _outer_iv[MAX_PEERS][5];   // state after the key block XOR outer pad
    uint32_t _last_seq[MAX_PEERS];
    bool _seen[MAX_PEERS];
    uint64_t _accepted_from[MAX_PEERS];
    int _npeers;
    HashMap<IPAddress, int> _peer_slot;

    uint16_t _port;
    uint32_t _max_msg;
    bool _allow_replay;

    uint64_t _in;
    uint64_t _ok;
    uint64_t _unknown_peer;
    uint64_t _malformed;
    uint64_t _bad_tag;
    uint64_t _replayed;

    void compress(uint32_t h[5], const uint8_t block[64]) const;
    void finish(uint32_t h[5], const uint8_t *msg, uint32_t len, uint64_t already,
                uint8_t out[20]) const;
    bool tag_matches(int slot, const uint8_t *msg, uint32_t len, const uint8_t *tag) const;
    void reject(Packet *p, uint64_t &counter) {
        counter++;
        checked_output_push(1, p);
    }

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
