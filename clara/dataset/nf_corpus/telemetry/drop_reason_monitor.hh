// -*- c++ -*-
/*
 * drop_reason_monitor.{cc,hh} -- DropReasonMonitor: classifies malformed
 * IPv4 packets by the first check they fail, counts each reason, and keeps
 * samples of the first bytes of dropped packets in a ring.
 *
 * Training code for Clara's compute model (nf_corpus/telemetry); written for
 * Clara, not an evaluation NF.
 */
#ifndef CLARA_NFCORPUS_DROPREASONMONITOR_HH
#define CLARA_NFCORPUS_DROPREASONMONITOR_HH
#include <click/element.hh>
#include <click/timestamp.hh>
CLICK_DECLS

/*
 * =c
 * DropReasonMonitor([OFFSET, VERIFY_CHECKSUM, CHECK_OPTIONS, SAMPLE_EVERY, MARTIANS])
 *
 * =s diagnostics
 * counts why IPv4 packets are malformed and samples them
 *
 * =d
 * The IPv4 header starts OFFSET bytes into the packet.  Checks run in a
 * fixed order and the first that fails is the drop reason: packet shorter
 * than an IP header, version not 4, header length under 20 bytes, header
 * longer than the packet, total length under the header length, total
 * length over the packet, bad header checksum (if VERIFY_CHECKSUM), TTL
 * zero, malformed options (if CHECK_OPTIONS), martian source (if MARTIANS:
 * 0/8, 127/8, multicast, limited broadcast), tiny fragment (offset 1, an
 * overlap attack), and a truncated TCP, UDP or ICMP header in a first
 * fragment (or a TCP data offset under 5 words, or a UDP length that
 * disagrees with the IP length).
 *
 * Good packets get their IP header (and transport header, if any) marked
 * and leave on output 0; bad packets leave on output 1 if it exists, else
 * are killed.  Every SAMPLE_EVERY-th drop for a given reason copies the
 * first 48 bytes from the IP header into a ring of 512 samples.
 *
 * =h reasons read-only     "REASON COUNT" lines
 * =h samples read-only     the sample ring, oldest first, in hex
 * =h passed read-only      good packets
 * =h reset write-only      zero everything
 */
class DropReasonMonitor : public Element {
  public:
    DropReasonMonitor();
    ~DropReasonMonitor();

    const char *class_name() const override { return "DropReasonMonitor"; }
    const char *port_count() const override { return PORTS_1_1X2; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;

    void push(int port, Packet *p) override;

    enum Reason {
        R_OK = 0, R_SHORT, R_VERSION, R_HLEN_SMALL, R_HLEN_BIG, R_TLEN_SMALL,
        R_TLEN_BIG, R_CHECKSUM, R_TTL_ZERO, R_BAD_OPTION, R_MARTIAN_SRC,
        R_TINY_FRAGMENT, R_TCP_TRUNC, R_TCP_OFFSET, R_UDP_TRUNC, R_UDP_LENGTH,
        R_ICMP_TRUNC, NREASONS
    };
    enum { NSAMPLES = 512, SAMPLE_BYTES = 48 };

    struct DropSample {             // 64 bytes
        int64_t when_ns;
        uint16_t orig_len;
        uint8_t reason;
        uint8_t nbytes;
        uint32_t seq;
        unsigned char bytes[SAMPLE_BYTES];
    };

  private:
    enum { h_reasons, h_samples, h_passed, h_reset };

    uint32_t _offset;
    bool _verify_cksum;
    bool _check_options;
    bool _martians;
    uint32_t _sample_every;

    uint64_t _count[NREASONS];
    uint32_t _since_sample[NREASONS];
    DropSample _samples[NSAMPLES];  // 32 KiB ring
    uint32_t _sample_head;
    uint32_t _nsampled;
    uint64_t _passed;

    // True if the option list [opt, opt+len) is well formed.
    static inline bool options_ok(const unsigned char *opt, int len) {
        int i = 0;
        while (i < len) {
            unsigned char type = opt[i];
            if (type == IPOPT_EOL)
                return true;
            if (type == IPOPT_NOP) {
                i++;
                continue;
            }
            if (i + 1 >= len)
                return false;
            int olen = opt[i + 1];
            if (olen < 2 || i + olen > len)
                return false;
            switch (type) {
            case IPOPT_RR:
            case IPOPT_LSRR:
            case IPOPT_SSRR:
                // pointer at opt[i+2], at least 4, within the option
                if (olen < 3 || opt[i + 2] < 4 || opt[i + 2] > olen + 1)
                    return false;
                break;
            case IPOPT_TS:
                if (olen < 4 || opt[i + 2] < 5)
                    return false;
                break;
            default:
                break;
            }
            i += olen;
        }
        return true;
    }

    Reason check(const Packet *p, const click_ip *&iph_out, int &hlen_out) const;
    void sample(const Packet *p, Reason r);

    static String read_handler(Element *e, void *thunk);
    static int write_handler(const String &s, Element *e, void *thunk,
                             ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
