// -*- c++ -*-
/*
 * http_host_classifier.hh -- HttpHostClassifier: finds the request line and
 * the Host: header of HTTP/1.x requests in TCP payload and paints each
 * request with the class of its site, looked up in a 4096-slot
 * open-addressing table of configured host names.
 *
 * Training code for Clara's compute model (nf_corpus/inspection); written
 * for the corpus, not one of the evaluation NFs.
 */
#ifndef CLARA_NFCORPUS_HTTPHOSTCLASSIFIER_HH
#define CLARA_NFCORPUS_HTTPHOSTCLASSIFIER_HH
#include <click/element.hh>
#include <click/vector.hh>
CLICK_DECLS

/*
 * =c
 * HttpHostClassifier(SITE "HOST CLASS", ..., [PORT, DEFAULT_CLASS, MAX_SCAN, PARENTS])
 *
 * =s classification
 * paints HTTP requests with the class of their Host
 *
 * =d
 * Expects IPv4 packets with the IP header annotation set.  The payload of
 * every TCP segment (to PORT, when PORT is non-zero) is checked for an
 * HTTP/1.x request line: a known method token, a single space, a target, a
 * space and "HTTP/1.", ending in CR LF or a bare LF.  The header lines that
 * follow are scanned, at most MAX_SCAN bytes of payload (default 1024), for
 * a Host: field (the name compared without regard to case).  The host is
 * lower-cased, its port and a trailing dot removed, and looked up in the
 * site table; when it is absent and PARENTS is non-zero, up to PARENTS
 * parent domains are tried ("a.b.example.com", then "b.example.com", ...).
 *
 * Each SITE argument is a host name and a class, 1 to 255.  A request whose
 * host is found is painted with its class and leaves on output 0; a request
 * with no Host, or an unknown one, is painted DEFAULT_CLASS (default 0) and
 * leaves on output 1 when that output exists.  Non-HTTP segments pass on
 * output 0 unchanged.
 *
 * =h stats read-only          requests, classified, unknown, non-HTTP counters
 * =h methods read-only        requests per method
 * =h classes read-only        "CLASS COUNT" lines
 * =h sites read-only          the site table with per-site hits
 * =h reset write-only         clears the counters
 */
class HttpHostClassifier : public Element {
  public:
    HttpHostClassifier();
    ~HttpHostClassifier();

    const char *class_name() const override { return "HttpHostClassifier"; }
    const char *port_count() const override { return PORTS_1_1X2; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum {
        TABLE_SLOTS = 4096,         // power of two
        MAX_PROBE = 32,
        KEY_BYTES = 40,             // host bytes kept per slot
        MAX_HOST = 255,
        NCLASSES = 256
    };

    enum Method {
        m_none = 0, m_get, m_head, m_post, m_put, m_delete, m_options,
        m_connect, m_patch, m_trace, m_count
    };

    /* One site; hash 0 marks an empty slot. */
    struct SiteSlot {
        uint32_t hash;
        uint8_t len;                // full host length
        uint8_t cls;
        uint16_t probe;             // distance from the home slot
        uint32_t hits;
        char host[KEY_BYTES];
    };

  private:
    SiteSlot _sites[TABLE_SLOTS];           // 208 KiB
    uint64_t _class_count[NCLASSES];        // 2 KiB
    uint64_t _method_count[m_count];
    uint32_t _nsites;
    uint32_t _max_scan;
    uint16_t _port;
    uint8_t _default_class;
    uint8_t _parents;

    uint64_t _requests;
    uint64_t _classified;
    uint64_t _no_host;
    uint64_t _unknown_host;
    uint64_t _non_http;
    uint64_t _truncated;

    static inline unsigned char lower(unsigned char c) {
        return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
    }
    static inline uint32_t host_hash(const char *s, int len) {
        uint32_t h = 2166136261U;
        for (int i = 0; i < len; ++i) {
            h ^= (unsigned char) s[i];
            h *= 16777619U;
        }
        return h ? h : 1;
    }
    /* Case-insensitive compare of n payload bytes against a lower-case word. */
    static inline bool ieq(const unsigned char *d, const char *word, int n) {
        for (int i = 0; i < n; ++i)
            if (lower(d[i]) != (unsigned char) word[i])
                return false;
        return true;
    }

    int add_site(const String &host, int cls, ErrorHandler *errh);
    SiteSlot *find_site(const char *host, int len);
    int parse_method(const unsigned char *d, int len, int *tok_len) const;
    static int find_eol(const unsigned char *d, int start, int end);
    int extract_host(const unsigned char *d, int start, int end, char *out) const;

    static String read_handler(Element *e, void *thunk);
    static int write_handler(const String &s, Element *e, void *thunk,
                             ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
