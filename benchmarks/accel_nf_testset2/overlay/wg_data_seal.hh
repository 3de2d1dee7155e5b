// -*- c++ -*-
/* wg_data_seal.hh -- WgDataSeal: sending half of a WireGuard-like data path. */
#ifndef OVERLAY_WG_DATA_SEAL_HH
#define OVERLAY_WG_DATA_SEAL_HH
#include <click/element.hh>
CLICK_DECLS

static inline void
qr4(uint32_t *x, int a, int b, int c, int d)
{
    x[a] += x[b]; x[d] ^= x[a]; x[d] = (x[d] << 16) | (x[d] >> 16);
    x[c] += x[d]; x[b] ^= x[c]; x[b] = (x[b] << 12) | (x[b] >> 20);
    x[a] += x[b]; x[d] ^= x[a]; x[d] = (x[d] << 8) | (x[d] >> 24);
    x[c] += x[d]; x[b] ^= x[c]; x[b] = (x[b] << 7) | (x[b] >> 25);
}

/* 64 bytes of keystream for the 16-word input state (20 rounds). */
static inline void
stream_block(const uint32_t in[16], uint8_t out[64])
{
    uint32_t x[16];
    memcpy(x, in, sizeof(x));
    for (int r = 0; r < 10; ++r) {
        qr4(x, 0, 4, 8, 12);
        qr4(x, 1, 5, 9, 13);
        qr4(x, 2, 6, 10, 14);
        qr4(x, 3, 7, 11, 15);
        qr4(x, 0, 5, 10, 15);
        qr4(x, 1, 6, 11, 12);
        qr4(x, 2, 7, 8, 13);
        qr4(x, 3, 4, 9, 14);
    }
    for (int i = 0; i < 16; ++i) {
        uint32_t v = x[i] + in[i];
        out[4 * i] = (uint8_t) v;
        out[4 * i + 1] = (uint8_t) (v >> 8);
        out[4 * i + 2] = (uint8_t) (v >> 16);
        out[4 * i + 3] = (uint8_t) (v >> 24);
    }
}

/*
 * =c
 * WgDataSeal(KEY, RECEIVER, [REJECT_AFTER, MAX_INNER])
 *
 * =s tunnel
 * seals inner packets into WireGuard-like transport data messages
 *
 * =d
 * KEY is the 32-byte sending key (64 hex digits) and RECEIVER the peer's
 * receiver index.  Each inner packet is zero-padded to a multiple of 16,
 * encrypted and authenticated with the 64-bit message counter as nonce, and
 * framed as type 4 | reserved | receiver | counter | ciphertext | tag.
 * After REJECT_AFTER messages (default 2^60) the key is exhausted and
 * packets leave on output 1, as do inner packets longer than MAX_INNER
 * (default 1420).  A downstream UDPIPEncap adds the outer headers.
 *
 * =h stats read-only       counters
 * =h counter read-only     next nonce counter
 */
class WgDataSeal : public Element {
  public:
    WgDataSeal();
    ~WgDataSeal() {}

    const char *class_name() const override { return "WgDataSeal"; }
    const char *port_count() const override { return "1/1-2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { MSG_DATA = 4, HDR_LEN = 16, TAG_LEN = 16 };

  private:
    struct MacState {
        uint32_t r[5];
        uint32_t h[5];
        uint32_t pad[4];
    };

    uint32_t _key[8];
    uint32_t _receiver;
    uint64_t _counter;
    uint64_t _reject_after;
    uint32_t _max_inner;

    uint64_t _sealed;
    uint64_t _bytes;
    uint64_t _exhausted;
    uint64_t _too_long;

    void mac_init(MacState &m, const uint8_t key[32]) const;
    void mac_absorb(MacState &m, const uint8_t *msg, uint32_t len) const;
    void mac_finish(MacState &m, uint8_t tag[16]) const;

    static String read_stats(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
