// -*- c++ -*-
/*
 * arp_cache.hh -- ArpCache: resolves next-hop IPv4 addresses to Ethernet
 * addresses from an ARP table, answers ARP requests for its own address,
 * holds a few packets per unresolved address and expires old entries.
 *
 * Training code for Clara's compute model (nf_corpus/forwarding); written
 * for the corpus, not one of the evaluation NFs.
 */
#ifndef CLARA_NFCORPUS_ARPCACHE_HH
#define CLARA_NFCORPUS_ARPCACHE_HH
#include <click/element.hh>
#include <click/etheraddress.hh>
#include <click/hashmap.hh>
#include <click/ipaddress.hh>
#include <click/timestamp.hh>
#include <click/vector.hh>
#include <clicknet/ether.h>
CLICK_DECLS

/*
 * =c
 * ArpCache(IP, ETH, [TIMEOUT, QUEUE, RETRY_MS, MAX_RETRIES, ENTRY "IP MAC", ...])
 *
 * =s arp
 * encapsulates IP packets using an ARP table
 *
 * =d
 * Input 0 takes IPv4 packets (no link header) whose next hop is the
 * destination IP annotation, or the IP destination when the annotation is
 * empty.  A resolved next hop gets an Ethernet header and the frame leaves
 * on output 0.  An unresolved next hop gets an ARP request (at most one per
 * RETRY_MS milliseconds, default 1000, and MAX_RETRIES, default 5, in all)
 * and up to QUEUE packets (1-8, default 4) wait for it in a fixed ring;
 * when the ring is full the oldest packet is dropped.  Input 1 takes ARP
 * frames: replies and requests refresh the table and release the waiting
 * packets, requests for IP are answered on output 0.  Resolved entries
 * expire after TIMEOUT seconds (default 300); static ENTRY entries never
 * do.  Dropped packets leave on output 1 if it exists.
 *
 * =h table read-only       the ARP table
 * =h stats read-only       counters
 * =h insert write-only     "IP MAC": add a static entry
 */
class ArpCache : public Element {
  public:
    ArpCache();
    ~ArpCache();

    const char *class_name() const override { return "ArpCache"; }
    const char *port_count() const override { return "2/1-2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void cleanup(CleanupStage stage) override;
    void push(int port, Packet *p) override;

    enum { NSLOTS = 128, RING = 8, NO_SLOT = 0xFFFF };
    enum State { S_INCOMPLETE = 0, S_REACHABLE = 1, S_STATIC = 2 };

    struct ArpEntry {
        EtherAddress mac;
        uint8_t state;
        uint8_t requests;
        uint16_t slot;          /* ring slot holding waiting packets */
        uint32_t hits;
        Timestamp updated;
        Timestamp last_request;
        ArpEntry() : state(S_INCOMPLETE), requests(0), slot(NO_SLOT), hits(0) {}
    };

    struct ArpFrame {
        click_ether eh;
        click_ether_arp arp;
    };                          /* 42 bytes, no padding */

  private:
    HashMap<IPAddress, ArpEntry> _table;
    Vector<IPAddress> _dead;            // expiry scratch

    Packet *_ring[NSLOTS][RING];        // 8 KiB of waiting packets
    uint8_t _ring_head[NSLOTS];
    uint8_t _ring_count[NSLOTS];
    IPAddress _slot_owner[NSLOTS];
    uint16_t _free_slots[NSLOTS];
    uint16_t _nfree;

    IPAddress _my_ip;
    EtherAddress _my_eth;
    uint32_t _timeout_s;
    uint32_t _retry_ms;
    uint8_t _queue_len;
    uint8_t _max_retries;
    uint16_t _arp_seen;

    uint64_t _encapsulated;
    uint64_t _requests_sent;
    uint64_t _replies_sent;
    uint64_t _arp_in;
    uint64_t _bad_arp;
    uint64_t _queued;
    uint64_t _drops;
    uint64_t _gratuitous;

    inline bool stale(const ArpEntry &e, const Timestamp &now) const {
        return e.state == S_REACHABLE
            && (now - e.updated).sec() >= (Timestamp::seconds_type) _timeout_s;
    }
    static inline bool arp_ok(const click_ether_arp *a) {
        return a->ea_hdr.ar_hrd == htons(ARPHRD_ETHER)
            && a->ea_hdr.ar_pro == htons(ETHERTYPE_IP)
            && a->ea_hdr.ar_hln == 6 && a->ea_hdr.ar_pln == 4;
    }

    void drop(Packet *p);
    void encap_and_send(Packet *p, const EtherAddress &dst);
    void send_request(IPAddress target);
    void enqueue(IPAddress nh, ArpEntry &e, Packet *p);
    void release(ArpEntry &e);
    void flush_slot(uint16_t slot, bool send, const EtherAddress &dst);
    void handle_ip(Packet *p);
    void handle_arp(Packet *p);
    void expire(const Timestamp &now);

    static String read_handler(Element *e, void *thunk);
    static int insert_handler(const String &s, Element *e, void *thunk, ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
