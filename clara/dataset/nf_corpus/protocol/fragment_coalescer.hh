// -*- c++ -*-
/*
 * fragment_coalescer.hh -- FragmentCoalescer: a small IPv4 reassembler.
 * Buffers the payload of up to four fragments per datagram in a fixed pool
 * of 64 in-object 1500-byte buffers (about 96 KiB) and emits the whole
 * datagram as a new packet once every fragment has arrived.
 *
 * Training code for Clara's compute model (nf_corpus/protocol); written for
 * Clara, not an evaluation NF.
 */
#ifndef CLARA_NFCORPUS_FRAGMENTCOALESCER_HH
#define CLARA_NFCORPUS_FRAGMENTCOALESCER_HH
#include <click/element.hh>
#include <click/timestamp.hh>
#include <clicknet/ip.h>
CLICK_DECLS

/*
=c

FragmentCoalescer(KEYWORDS)

=s ip

reassembles small fragmented IPv4 datagrams

=d

Unfragmented packets pass on output 0.  A fragment is filed under its
(source, destination, protocol, identification) key in one of 64
reassembly slots, found by hashing the key and probing four neighbouring
slots; a new datagram takes a free or timed-out slot there, else the
oldest one.  The fragment's payload is copied into the slot's 1500-byte
buffer at its offset and the fragment is freed; the first fragment's IP
header (with options) is kept too.

A datagram may consist of at most 4 fragments and at most 1500 payload
bytes.  Overlapping fragments (other than exact duplicates, which are
dropped), a fifth fragment, inconsistent last fragments and datagrams
that do not fit make the slot be abandoned (RFC 5722 style); such
fragments leave on output 1, or are dropped.  With PASS_OVERSIZE true a
fragment of a datagram too large for a buffer is passed on output 0
unchanged instead.

When the first and last fragments are in and the payload bytes add up,
a new packet is made from the saved header and the buffer, its total
length, fragment field and checksum fixed, and pushed on output 0.  Slots
older than TIMEOUT (milliseconds, default 30000) are reclaimed.

=h reassembled, fragments, duplicates, overlaps, timeouts, evictions, too_big read-only
=h in_use read-only   reassembly slots in use
*/

class FragmentCoalescer : public Element {
  public:
    FragmentCoalescer();
    ~FragmentCoalescer();

    const char *class_name() const { return "FragmentCoalescer"; }
    const char *port_count() const { return PORTS_1_1X2; }
    const char *processing() const { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh);
    void add_handlers();
    void push(int port, Packet *p);

    enum {
        NSLOTS = 64, BUF_SIZE = 1500, MAX_FRAGS = 4, MAX_HDR = 60, PROBES = 4
    };
    enum { S_IN_USE = 1, S_HAVE_FIRST = 2, S_HAVE_LAST = 4 };

    struct Slot {
        uint32_t src;
        uint32_t dst;
        uint16_t id;
        uint8_t proto;
        uint8_t state;
        uint8_t nfrags;
        uint8_t hlen;
        uint16_t total;                 // payload bytes, known with the last fragment
        uint16_t received;
        uint16_t frag_off[MAX_FRAGS];
        uint16_t frag_len[MAX_FRAGS];
        click_jiffies_t started;
        Timestamp stamp;
        unsigned char hdr[MAX_HDR];
    };

  private:
    unsigned char _buf[NSLOTS][BUF_SIZE];   // 96000 bytes of payload space
    Slot _slots[NSLOTS];
    click_jiffies_t _timeout;
    bool _pass_oversize;

    uint64_t _reassembled;
    uint64_t _fragments;
    uint64_t _duplicates;
    uint64_t _overlaps;
    uint64_t _timeouts;
    uint64_t _evictions;
    uint64_t _too_big;
    uint64_t _abandoned;

    static inline uint32_t slot_hash(uint32_t src, uint32_t dst, uint16_t id,
                                     uint8_t proto) {
        uint32_t h = src ^ ((dst << 16) | (dst >> 16));
        h ^= (uint32_t) id * 0x9E3779B1U;
        h += proto;
        h ^= h >> 16;
        h *= 0x85EBCA6BU;
        h ^= h >> 13;
        return h;
    }
    static inline bool same_key(const Slot &s, uint32_t src, uint32_t dst,
                                uint16_t id, uint8_t proto) {
        return s.src == src && s.dst == dst && s.id == id && s.proto == proto;
    }
    inline bool expired(const Slot &s, click_jiffies_t now) const {
        return (click_jiffies_difference_t) (now - s.started)
            > (click_jiffies_difference_t) _timeout;
    }
    inline void free_slot(Slot &s) {
        s.state = 0;
        s.nfrags = 0;
        s.received = 0;
        s.total = 0;
    }

    int find_slot(uint32_t src, uint32_t dst, uint16_t id, uint8_t proto,
                  click_jiffies_t now, bool *fresh);
    int add_fragment(int si, const click_ip *iph, const unsigned char *payload,
                     uint16_t off, uint16_t len, bool more);
    WritablePacket *emit(int si);

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
