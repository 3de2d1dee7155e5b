// -*- c++ -*-
/*
 * esp_sequence_checker.hh -- EspSequenceChecker: IPsec ESP (RFC 4303)
 * anti-replay checking without cryptography.  Parses the SPI and sequence
 * number of ESP packets (plain or UDP-encapsulated, RFC 3948), keeps one
 * security-association record per SPI with a 128-bit sliding replay
 * window and extended sequence number inference, and rejects replayed,
 * too old, or unknown packets.
 *
 * Training code for Clara's compute model (nf_corpus/tunnel); written for
 * the corpus, not an evaluation NF.
 */
#ifndef CLARA_NFCORPUS_ESPSEQUENCECHECKER_HH
#define CLARA_NFCORPUS_ESPSEQUENCECHECKER_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/vector.hh>
CLICK_DECLS

/*
 * =c
 * EspSequenceChecker([SA ..., KEYWORDS])
 *
 * =s ipsec
 * anti-replay window check for ESP security associations
 *
 * =d
 * Input: IPv4 packets with the IP header annotation set.  ESP is found
 * either as IP protocol 50 or inside UDP to NATT_PORT (default 4500); in
 * the latter case a zero non-ESP marker means IKE and a single 0xFF byte a
 * NAT keepalive, both sent to output 2.
 *
 * SA "SPI [WINDOW] [esn] [ICV]" declares a security association (WINDOW
 * 32, 64 or 128, default 64; ICV the integrity check length, default 16).
 * With LEARN true, unknown SPIs get a record on first sight (at most
 * MAX_SA).  The ESP payload must be long enough for the header, trailer
 * and ICV and a multiple of 4 bytes.  The replay check follows RFC 4303
 * Appendix A: with esn, the high 32 bits of the sequence number are
 * inferred from the window position.  A sequence number ahead of the
 * window slides it; one inside the window is accepted once; one below it
 * is too old.  After HARD_LIMIT packets (0 = none) an SA is removed; its
 * traffic is then refused until it is declared again by reconfiguration
 * or, with LEARN, relearnt.
 *
 * Accepted packets leave on output 0 with the SPI in the AGGREGATE
 * annotation and the low 32 sequence bits in the SEQUENCE_NUMBER
 * annotation; refused packets on output 1 (dropped if absent).
 *
 * =h accepted, replayed, too_old, unknown, malformed read-only
 * =h sas read-only      "SPI TOP PACKETS REPLAYED LOST" lines
 * =h recent read-only   the last refused (SPI, sequence) pairs
 */
class EspSequenceChecker : public Element {
  public:
    EspSequenceChecker();
    ~EspSequenceChecker();

    const char *class_name() const override { return "EspSequenceChecker"; }
    const char *port_count() const override { return "1/1-3"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { ESP_HDR_LEN = 8, ESP_TRAILER = 2, MAX_WINDOW = 128, RECENT = 1024 };
    enum { r_ok, r_replay, r_old, r_unknown, r_malformed, r_count };

    struct SaState {
        uint64_t bitmap[2];     /* bit i: sequence top - i was seen */
        uint64_t top;           /* highest sequence number accepted */
        uint64_t packets;
        uint64_t bytes;
        uint32_t replayed;
        uint32_t too_old;
        uint32_t lost;          /* numbers that left the window unseen */
        uint16_t window;
        uint8_t icv_len;
        uint8_t esn;
        SaState() : top(0), packets(0), bytes(0), replayed(0), too_old(0),
                    lost(0), window(64), icv_len(16), esn(0) {
            bitmap[0] = bitmap[1] = 0;
        }
    };

  private:
    HashMap<uint32_t, SaState> _sas;
    uint16_t _natt_port;
    bool _learn;
    uint32_t _max_sa;
    uint64_t _hard_limit;
    uint16_t _learn_window;

    uint64_t _counts[r_count];
    uint64_t _control;
    uint64_t _removed;
    uint64_t _recent[RECENT];       /* SPI << 32 | sequence, a ring */
    uint32_t _recent_pos;

    static inline uint32_t be32(const unsigned char *p) {
        return ((uint32_t) p[0] << 24) | ((uint32_t) p[1] << 16)
            | ((uint32_t) p[2] << 8) | p[3];
    }
    static inline bool test_bit(const uint64_t *b, uint32_t i) {
        return (b[i >> 6] >> (i & 63)) & 1;
    }
    static inline void set_bit(uint64_t *b, uint32_t i) {
        b[i >> 6] |= (uint64_t) 1 << (i & 63);
    }
    static uint32_t shift_window(uint64_t *b, uint64_t n, uint16_t window, uint64_t top);
    static uint64_t infer_esn(const SaState &sa, uint32_t seq);

    int check_replay(SaState &sa, uint32_t seq, uint64_t *full);
    void refuse(Packet *p, int why, uint32_t spi, uint32_t seq);

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
