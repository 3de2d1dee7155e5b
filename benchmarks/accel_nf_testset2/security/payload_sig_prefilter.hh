// -*- c++ -*-
/*
 * payload_sig_prefilter.hh -- PayloadSigPrefilter: an IDS pre-filter that
 * looks for a handful of fixed byte signatures in TCP/UDP payloads and
 * diverts matching packets to the full inspection engine.
 */
#ifndef SECURITY_PAYLOADSIGPREFILTER_HH
#define SECURITY_PAYLOADSIGPREFILTER_HH
#include <click/element.hh>
#include <click/vector.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
#include <clicknet/udp.h>
CLICK_DECLS

/*
 * =c
 * PayloadSigPrefilter(SIG "BYTES", ..., [NOCASE, DEPTH, MIN_PAYLOAD])
 *
 * =s ids
 * fixed-string signature pre-filter for TCP and UDP payloads
 *
 * =d
 * Each SIG is a byte string (2-128 bytes); \xHH escapes give arbitrary
 * bytes.  The first DEPTH bytes (default 1460) of each TCP or UDP payload
 * of at least MIN_PAYLOAD bytes (default 1) are searched for every
 * signature with the Horspool variant of Boyer-Moore.  A packet containing
 * a signature gets the signature's index + 1 in its paint annotation and
 * leaves on output 1; others leave on output 0.  With NOCASE, ASCII
 * letters match regardless of case.  At most 16 signatures.
 *
 * =h hits read-only     per-signature hit counters
 */
class PayloadSigPrefilter : public Element {
  public:
    PayloadSigPrefilter();
    ~PayloadSigPrefilter();

    const char *class_name() const override { return "PayloadSigPrefilter"; }
    const char *port_count() const override { return "1/2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { MAX_SIGS = 16, MAX_LEN = 128 };

  private:
    uint8_t _fold[256];                 /* case folding (identity without NOCASE) */
    uint8_t _sig[MAX_SIGS][MAX_LEN];    /* folded signature bytes */
    uint8_t _skip[MAX_SIGS][256];       /* bad-character shift per signature */
    int _siglen[MAX_SIGS];
    int _nsigs;
    uint32_t _depth;
    uint32_t _min_payload;

    uint64_t _scanned;
    uint64_t _scanned_bytes;
    uint64_t _hits[MAX_SIGS];

    static int unescape(const String &s, uint8_t *out, int cap);
    static String read_hits(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
