/*
 * http_request_inspector.cc -- HttpRequestInspector: head tokenizer, Basic
 * credentials, per-user quotas (round-robin replacement), User-Agent words.
 */
#include <click/config.h>
#include "http_request_inspector.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <click/timestamp.hh>
#include <click/glue.hh>
CLICK_DECLS

static const char *const method_names[HttpRequestInspector::NMETHODS] = {
    "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "CONNECT"
};

HttpRequestInspector::HttpRequestInspector()
    : _nusers(0), _next_victim(0), _quota(600), _requests(0), _over_quota(0),
      _bad_agent(0), _malformed(0)
{
    memset(_b64, -1, sizeof(_b64));
    memset(_users, 0, sizeof(_users));
    memset(_methods, 0, sizeof(_methods));
}

HttpRequestInspector::~HttpRequestInspector()
{
}

int
HttpRequestInspector::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> agents;
    if (Args(conf, this, errh)
        .read_p("QUOTA", _quota)
        .read_all("BLOCK_AGENT", agents)
        .complete() < 0)
        return -1;
    for (int i = 0; i < agents.size(); ++i)
        if (agents[i].length())
            _agents.push_back(agents[i].lower());

    // RFC 4648 alphabet
    for (int i = 0; i < 26; ++i) {
        _b64['A' + i] = (int8_t) i;
        _b64['a' + i] = (int8_t) (26 + i);
    }
    for (int i = 0; i < 10; ++i)
        _b64['0' + i] = (int8_t) (52 + i);
    _b64[(uint8_t) '+'] = 62;
    _b64[(uint8_t) '/'] = 63;
    return 0;
}

/* Split a request head into header fields.  Returns the number of fields
 * (a head cut by the segment end keeps the complete lines), -1 if the
 * request line is not HTTP/1.x. */
int
HttpRequestInspector::tokenize(const uint8_t *s, unsigned n, Field *f, int *method) const
{
    unsigned i = 0;
    while (i < n && s[i] >= 'A' && s[i] <= 'Z')
        i++;
    if (i == 0 || i >= n || s[i] != ' ')
        return -1;
    *method = NMETHODS;
    for (int m = 0; m < NMETHODS; ++m)
        if (strlen(method_names[m]) == i && memcmp(s, method_names[m], i) == 0) {
            *method = m;
            break;
        }
    unsigned sp = i + 1;
    while (sp < n && s[sp] != ' ' && s[sp] != '\r' && s[sp] != '\n')
        sp++;
    if (sp == i + 1 || sp + 8 > n || memcmp(s + sp, " HTTP/1.", 8) != 0)
        return -1;
    while (sp < n && s[sp] != '\n')
        sp++;

    int nf = 0;
    unsigned pos = sp + 1;
    while (pos < n && nf < MAX_FIELDS) {
        unsigned eol = pos;
        while (eol < n && s[eol] != '\n')
            eol++;
        if (eol >= n)
            break;
        unsigned end = (eol > pos && s[eol - 1] == '\r') ? eol - 1 : eol;
        if (end == pos)
            break;                      // end of the head
        unsigned colon = pos;
        while (colon < end && s[colon] != ':' && s[colon] != ' ' && s[colon] != '\t')
            colon++;
        if (colon == pos || colon >= end || s[colon] != ':')
            return -1;
        unsigned v = colon + 1;
        while (v < end && (s[v] == ' ' || s[v] == '\t'))
            v++;
        unsigned ve = end;
        while (ve > v && (s[ve - 1] == ' ' || s[ve - 1] == '\t'))
            ve--;
        f[nf].name = (uint16_t) pos;
        f[nf].name_len = (uint16_t) (colon - pos);
        f[nf].value = (uint16_t) v;
        f[nf].value_len = (uint16_t) (ve - v);
        nf++;
        pos = eol + 1;
    }
    return nf;
}

/* The user name of "Basic base64(user:password)" credentials, or -1. */
int
HttpRequestInspector::basic_user(const uint8_t *v, unsigned n, char *user) const
{
    if (n < 7 || !token_eq_nocase(v, 6, "basic ", 6))
        return -1;
    unsigned i = 6;
    while (i < n && v[i] == ' ')
        i++;
    uint32_t acc = 0;
    int bits = 0, o = 0;
    for (; i < n; ++i) {
        int8_t d = _b64[v[i]];
        if (d < 0)
            break;
        acc = (acc << 6) | (uint32_t) d;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            char c = (char) ((acc >> bits) & 0xFF);
            if (c == ':')
                return o;
            if (o >= USER_LEN - 1)
                return -1;
            user[o++] = c;
        }
    }
    return -1;
}

bool
HttpRequestInspector::agent_blocked(const uint8_t *v, unsigned n) const
{
    for (int a = 0; a < _agents.size(); ++a) {
        const char *w = _agents[a].data();
        unsigned wl = _agents[a].length();
        for (unsigned start = 0; start + wl <= n; ++start)
            if (token_eq_nocase(v + start, wl, w, wl))
                return true;
    }
    return false;
}

HttpRequestInspector::User *
HttpRequestInspector::find_user(const char *name, int len, uint32_t minute)
{
    User *u = 0;
    for (int i = 0; i < _nusers; ++i)
        if (_users[i].len == len && memcmp(_users[i].name, name, len) == 0) {
            u = &_users[i];
            break;
        }
    if (!u) {
        if (_nusers < MAX_USERS)
            u = &_users[_nusers++];
        else {
            u = &_users[_next_victim];
            _next_victim = (_next_victim + 1) % MAX_USERS;
        }
        memcpy(u->name, name, len);
        u->len = (uint8_t) len;
        u->minute = minute;
        u->count = 0;
        u->refused = 0;
    }
    if (u->minute != minute) {
        u->minute = minute;
        u->count = 0;
    }
    return u;
}

void
HttpRequestInspector::push(int, Packet *p)
{
    const uint8_t *d = p->data();
    unsigned len = p->length();
    const click_ip *iph = reinterpret_cast<const click_ip *>(d);
    unsigned hl = len >= sizeof(click_ip) ? (unsigned) iph->ip_hl << 2 : 0;
    unsigned iplen = hl ? ntohs(iph->ip_len) : 0;
    if (hl < sizeof(click_ip) || iph->ip_p != IP_PROTO_TCP || iplen > len
        || iplen < hl + sizeof(click_tcp) || IP_ISFRAG(iph)) {
        output(0).push(p);
        return;
    }
    const click_tcp *th = reinterpret_cast<const click_tcp *>(d + hl);
    unsigned off = hl + (th->th_off << 2);
    if (off >= iplen || d[off] < 'A' || d[off] > 'Z') {
        output(0).push(p);              // not the start of a request
        return;
    }
    const uint8_t *s = d + off;
    Field f[MAX_FIELDS];
    int method;
    int nf = tokenize(s, iplen - off, f, &method);
    if (nf < 0) {
        _malformed++;
        checked_output_push(2, p);
        return;
    }
    _requests++;
    _methods[method]++;

    char user[USER_LEN];
    int ulen = -1;
    for (int i = 0; i < nf; ++i) {
        const uint8_t *name = s + f[i].name;
        if (token_eq_nocase(name, f[i].name_len, "authorization", 13))
            ulen = basic_user(s + f[i].value, f[i].value_len, user);
        else if (token_eq_nocase(name, f[i].name_len, "user-agent", 10)
                 && agent_blocked(s + f[i].value, f[i].value_len)) {
            _bad_agent++;
            output(1).push(p);
            return;
        }
    }
    if (ulen > 0) {
        uint32_t minute = (uint32_t) (Timestamp::recent().sec() / 60);
        User *u = find_user(user, ulen, minute);
        if (++u->count > _quota) {
            u->refused++;
            _over_quota++;
            output(1).push(p);
            return;
        }
    }
    output(0).push(p);
}

String
HttpRequestInspector::read_stats(Element *e, void *)
{
    HttpRequestInspector *h = static_cast<HttpRequestInspector *>(e);
    StringAccum sa;
    sa << "requests " << h->_requests << "\nover_quota " << h->_over_quota
       << "\nbad_agent " << h->_bad_agent << "\nmalformed " << h->_malformed << '\n';
    for (int m = 0; m < NMETHODS; ++m)
        sa << method_names[m] << ' ' << h->_methods[m] << '\n';
    sa << "other " << h->_methods[NMETHODS] << "\nusers " << h->_nusers << '\n';
    return sa.take_string();
}

void
HttpRequestInspector::add_handlers()
{
    add_read_handler("stats", read_stats, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(HttpRequestInspector)
