// -*- c++ -*-
/*
 * gtpu_session_table.hh -- GtpuSessionTable: N3 uplink termination of a UPF.
 *
 * Uplink G-PDUs from the gNB are matched to a PDU session by (TEID, gNB
 * address), decapsulated and tagged with the session's SEID and QFI.  The
 * local control agent installs and removes sessions through input 1.  When
 * the gNB changes the extension headers of a session (new QFI, RQI, a
 * different PDU session container), a copy goes to the control output so
 * that the SMF can be told.
 */
#ifndef CARRIER_GTPU_SESSION_TABLE_HH
#define CARRIER_GTPU_SESSION_TABLE_HH
#include <click/element.hh>
#include <click/vector.hh>
CLICK_DECLS

/*
 * =c
 * GtpuSessionTable([SEED, NOTIFY_CHANGES])
 *
 * =d
 * Input 0: IPv4/UDP/GTP-U packets from N3.  Known sessions leave on output 0
 * decapsulated, with AGGREGATE = SEID and PAINT = QFI; unknown TEIDs and
 * non-G-PDU messages leave on output 1; extension-header change copies
 * leave on output 2 (if present).
 *
 * Input 1: control records, one per packet:
 *   op(1) qfi(1) pad(2) teid(4) gnb(4) seid(4), integers in network order;
 *   op 1 installs or updates, op 2 removes.
 */
class GtpuSessionTable : public Element {
  public:
    GtpuSessionTable();
    ~GtpuSessionTable();

    const char *class_name() const override { return "GtpuSessionTable"; }
    const char *port_count() const override { return "2/2-3"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { NSESS = 16384, MAX_PROBE = 32, GTPU_PORT = 2152 };
    enum { F_E = 0x04, F_S = 0x02, F_PN = 0x01, T_GPDU = 0xFF };
    enum { EXT_PDU_SESSION = 0x85 };
    enum { S_EMPTY = 0, S_LIVE = 1, S_GONE = 2 };

    struct CtlRecord {
        uint8_t op;
        uint8_t qfi;
        uint16_t pad;
        uint32_t teid;
        uint32_t gnb;
        uint32_t seid;
    };

  private:
    struct Session {
        uint32_t teid;          // host order
        uint32_t gnb;           // network order
        uint32_t seid;
        uint8_t state;
        uint8_t qfi;
        uint16_t ext_mark;
        uint8_t ext_seen;
        uint64_t pkts;
        uint64_t bytes;
    };

    Session _sess[NSESS];
    uint16_t _ext_tab[256];
    uint32_t _seed;
    bool _notify;
    int _live;

    uint64_t _decapped;
    uint64_t _unknown;
    uint64_t _malformed;
    uint64_t _signalling;
    uint64_t _ext_changes;
    uint64_t _ctl;

    uint16_t ext_digest(const uint8_t *p, int n) const;
    void control(uint32_t slot, const CtlRecord &r);

    static String read_stats(Element *e, void *);
};

CLICK_ENDDECLS
#endif
