// -*- c++ -*-
/*
 * http_request_inspector.hh -- HttpRequestInspector: L7 policy for HTTP/1.x
 * requests (per-user quotas, User-Agent block list).
 */
#ifndef SERVICES_HTTP_REQUEST_INSPECTOR_HH
#define SERVICES_HTTP_REQUEST_INSPECTOR_HH
#include <click/element.hh>
#include <clicknet/tcp.h>
CLICK_DECLS

/*
 * =c
 * HttpRequestInspector([QUOTA, BLOCK_AGENT WORD, ...])
 *
 * =d
 * Input: IPv4/TCP, IP header first.  The user of "Authorization: Basic" may
 * send QUOTA requests (default 600) a minute; a User-Agent containing a
 * BLOCK_AGENT word (any case) is refused.  Output 0: allowed requests and
 * other segments; output 1: refused; output 2: unparsable request heads.
 */
class HttpRequestInspector : public Element {
  public:
    HttpRequestInspector();
    ~HttpRequestInspector();

    const char *class_name() const override { return "HttpRequestInspector"; }
    const char *port_count() const override { return "1/3"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { MAX_FIELDS = 48, MAX_USERS = 64, USER_LEN = 32, NMETHODS = 8 };

    struct Field {
        uint16_t name, name_len;
        uint16_t value, value_len;
    };

    struct User {
        char name[USER_LEN];
        uint8_t len;
        uint32_t minute;
        uint32_t count;
        uint64_t refused;
    };

  private:
    int8_t _b64[256];
    Vector<String> _agents;     // lower-case
    User _users[MAX_USERS];
    int _nusers;
    int _next_victim;
    uint32_t _quota;

    uint64_t _methods[NMETHODS + 1];
    uint64_t _requests;
    uint64_t _over_quota;
    uint64_t _bad_agent;
    uint64_t _malformed;

    int tokenize(const uint8_t *s, unsigned n, Field *f, int *method) const;
    int basic_user(const uint8_t *v, unsigned n, char *user) const;
    bool agent_blocked(const uint8_t *v, unsigned n) const;
    User *find_user(const char *name, int len, uint32_t minute);
    static String read_stats(Element *e, void *thunk);
};

/* Header names compare case-insensitively (RFC 9110, 5.1); b is lower-case. */
static inline bool
token_eq_nocase(const uint8_t *a, unsigned alen, const char *b, unsigned blen)
{
    if (alen != blen)
        return false;
    for (unsigned i = 0; i < alen; ++i) {
        uint8_t x = a[i];
        if (x >= 'A' && x <= 'Z')
            x += 'a' - 'A';
        if (x != (uint8_t) b[i])
            return false;
    }
    return true;
}

CLICK_ENDDECLS
#endif
