// -*- c++ -*-
/*
 * ip_option_stripper.hh -- IpOptionStripper: removes IPv4 options (after
 * validating them) by sliding the fixed header forward, then fixes the
 * header length, total length and checksum.
 *
 * Training code for Clara's compute model (nf_corpus/rewrite); written for
 * Clara, not an evaluation NF.
 */
#ifndef CLARA_NFCORPUS_IPOPTIONSTRIPPER_HH
#define CLARA_NFCORPUS_IPOPTIONSTRIPPER_HH
#include <click/element.hh>
#include <clicknet/ip.h>
CLICK_DECLS

/*
 * =c
 * IpOptionStripper([KEEP_RA, DROP_SOURCE_ROUTE])
 *
 * =s ip
 * strips IPv4 options
 *
 * =d
 * Expects IPv4 packets with the IP header annotation set (the header may
 * be preceded by a link header, which is kept).  The option area is walked
 * (EOL ends it, NOP is one byte, every other option has a length byte of at
 * least 2 that must fit in the area); per-option-type counters are kept.
 * Malformed option areas, and with DROP_SOURCE_ROUTE (default true) packets
 * carrying LSRR/SSRR, leave on output 1 (or are dropped).  If KEEP_RA is
 * true (default false) a packet whose only option is Router Alert is passed
 * unchanged.  Otherwise the bytes in front of the options (link header and
 * fixed IP header) are moved forward over them, the option bytes are pulled
 * off, and ip_hl, ip_len and ip_sum are rewritten.
 *
 * =h stripped read-only    packets whose options were removed
 * =h plain read-only       packets without options
 * =h malformed read-only   packets with a malformed option area
 * =h opt_bytes read-only   option bytes removed
 * =h types read-only       option types seen, with counts
 */
class IpOptionStripper : public Element {
  public:
    IpOptionStripper();
    ~IpOptionStripper();

    const char *class_name() const override { return "IpOptionStripper"; }
    const char *port_count() const override { return PORTS_1_1X2; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;

    void push(int port, Packet *p) override;

  private:
    enum { MAX_OPT_LEN = 40 };
    enum { walk_ok, walk_malformed, walk_source_route };
    enum { h_stripped, h_plain, h_malformed, h_opt_bytes, h_types };

    bool _keep_ra;
    bool _drop_srr;

    uint32_t _type_count[256];      // 1 KiB: options seen per type byte
    uint64_t _stripped;
    uint64_t _plain;
    uint64_t _malformed;
    uint64_t _filtered;
    uint64_t _opt_bytes;

    int walk_options(const unsigned char *opt, int optlen, bool *only_ra);
    WritablePacket *strip(Packet *p, int optlen);

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
