// -*- c-basic-offset: 4 -*-
/*
 * protocol_guesser.cc -- ProtocolGuesser: a 256-entry byte-class table, a
 * 16-state x 8-class transition table built in configure() for the shape
 * of a text command or reply line, a 64-slot verb table, a byte-class
 * histogram with a distinct-value bitmap, and a 64 KiB per-port memory of
 * the last guess.
 *
 * Training code for Clara's compute model (nf_corpus/inspection): a
 * realistic protocol guesser written for the corpus, not an evaluation NF
 * (and not a multi-pattern matcher: one fixed line grammar).  Per packet:
 * a switch on the IP protocol for the payload bounds, a state-machine loop
 * with two dependent table loads per byte and an early exit, a short verb
 * packing loop and a probe loop, port-hint switches, or a 64-byte
 * histogram loop with 64-bit bitmap updates and popcounts; counters, a
 * paint and a push to a computed port.
 */
#include <click/config.h>
#include "protocol_guesser.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
#include <clicknet/udp.h>
CLICK_DECLS

namespace {
const char *const guess_names[] = {
    "empty", "smtp", "ftp", "pop3", "command", "reply", "tls", "text",
    "binary", "random"
};
}

ProtocolGuesser::ProtocolGuesser()
    : _window(64), _max_line(512), _min_verb(3), _allow_lower(true),
      _lax_eol(false), _split(false), _port_changes(0), _long_lines(0)
{
    memset(_verbs, 0, sizeof(_verbs));
    memset(_port_guess, 0, sizeof(_port_guess));
    memset(_guess_count, 0, sizeof(_guess_count));
    memset(_class_total, 0, sizeof(_class_total));
    memset(_reply_count, 0, sizeof(_reply_count));
    build_classes();
    memset(_trans, S_REJECT, sizeof(_trans));
}

ProtocolGuesser::~ProtocolGuesser()
{
}

void
ProtocolGuesser::build_classes()
{
    for (int c = 0; c < 256; ++c) {
        uint8_t k;
        if (c >= 'A' && c <= 'Z')
            k = C_UPPER;
        else if (c >= 'a' && c <= 'z')
            k = C_LOWER;
        else if (c >= '0' && c <= '9')
            k = C_DIGIT;
        else if (c == ' ' || c == '\t')
            k = C_BLANK;
        else if (c == '\r')
            k = C_CR;
        else if (c == '\n')
            k = C_LF;
        else if (c > 0x20 && c < 0x7F)
            k = C_PUNCT;
        else
            k = C_BIN;
        _class_of[c] = k;
    }
}

void
ProtocolGuesser::build_machine()
{
    memset(_trans, S_REJECT, sizeof(_trans));

    _trans[S_START][C_UPPER] = S_VERB1;
    if (_allow_lower)
        _trans[S_START][C_LOWER] = S_VERB1;
    _trans[S_START][C_DIGIT] = S_CODE1;

    for (int k = 1; k <= 5; ++k) {
        uint8_t *row = _trans[S_VERB1 + k - 1];
        if (k < 5) {
            row[C_UPPER] = S_VERB1 + k;
            if (_allow_lower)
                row[C_LOWER] = S_VERB1 + k;
        }
        if (k >= (int) _min_verb) {
            row[C_BLANK] = S_ARGS;
            row[C_CR] = S_CR_CMD;
            if (_lax_eol)
                row[C_LF] = S_ACCEPT_CMD;
        }
    }

    // argument text and reply text: any printable byte or blank
    static const uint8_t text_classes[] = { C_UPPER, C_LOWER, C_DIGIT, C_BLANK, C_PUNCT };
    for (unsigned i = 0; i < sizeof(text_classes); ++i) {
        _trans[S_ARGS][text_classes[i]] = S_ARGS;
        _trans[S_TEXT][text_classes[i]] = S_TEXT;
    }
    _trans[S_ARGS][C_CR] = S_CR_CMD;
    _trans[S_TEXT][C_CR] = S_CR_REPLY;

    _trans[S_CODE1][C_DIGIT] = S_CODE2;
    _trans[S_CODE2][C_DIGIT] = S_CODE3;
    _trans[S_CODE3][C_BLANK] = S_TEXT;
    _trans[S_CODE3][C_PUNCT] = S_TEXT;         // "250-" continuation lines
    _trans[S_CODE3][C_CR] = S_CR_REPLY;

    _trans[S_CR_CMD][C_LF] = S_ACCEPT_CMD;
    _trans[S_CR_REPLY][C_LF] = S_ACCEPT_REPLY;
    if (_lax_eol) {
        _trans[S_ARGS][C_LF] = S_ACCEPT_CMD;
        _trans[S_TEXT][C_LF] = S_ACCEPT_REPLY;
        _trans[S_CODE3][C_LF] = S_ACCEPT_REPLY;
    }

    // final states absorb
    for (int c = 0; c < NCLASSES; ++c) {
        _trans[S_ACCEPT_CMD][c] = S_ACCEPT_CMD;
        _trans[S_ACCEPT_REPLY][c] = S_ACCEPT_REPLY;
        _trans[S_REJECT][c] = S_REJECT;
    }
}

bool
ProtocolGuesser::add_verb(const char *verb, uint8_t protos)
{
    uint32_t v = pack_verb((const unsigned char *) verb, (int) strlen(verb));
    uint32_t slot = verb_slot(v);
    for (int probe = 0; probe < VERB_SLOTS; ++probe) {
        VerbSlot &s = _verbs[(slot + probe) & (VERB_SLOTS - 1)];
        if (s.used && s.verb == v) {
            s.protos |= protos;
            return true;
        }
        if (!s.used) {
            s.verb = v;
            s.protos = protos;
            s.used = 1;
            return true;
        }
    }
    return false;
}

uint8_t
ProtocolGuesser::verb_protos(uint32_t v) const
{
    uint32_t slot = verb_slot(v);
    for (int probe = 0; probe < VERB_SLOTS; ++probe) {
        const VerbSlot &s = _verbs[(slot + probe) & (VERB_SLOTS - 1)];
        if (!s.used)
            return 0;
        if (s.verb == v)
            return s.protos;
    }
    return 0;
}

int
ProtocolGuesser::configure(Vector<String> &conf, ErrorHandler *errh)
{
    if (Args(conf, this, errh)
        .read_p("WINDOW", _window)
        .read("MAX_LINE", _max_line)
        .read("MIN_VERB", _min_verb)
        .read("ALLOW_LOWER", _allow_lower)
        .read("LAX_EOL", _lax_eol)
        .read("SPLIT", _split)
        .complete() < 0)
        return -1;
    if (_window < 8 || _window > MAX_WINDOW)
        return errh->error("WINDOW must be between 8 and %d", (int) MAX_WINDOW);
    if (_max_line < 4 || _max_line > 65535)
        return errh->error("MAX_LINE must be between 4 and 65535");
    if (_min_verb < 1 || _min_verb > 5)
        return errh->error("MIN_VERB must be between 1 and 5");
    build_machine();

    static const char *const smtp[] = {
        "HELO", "EHLO", "MAIL", "RCPT", "DATA", "RSET", "VRFY", "EXPN",
        "NOOP", "QUIT", "AUTH", "HELP", 0
    };
    static const char *const ftp[] = {
        "USER", "PASS", "ACCT", "CWD", "CDUP", "QUIT", "PORT", "PASV",
        "TYPE", "STRU", "MODE", "RETR", "STOR", "APPE", "LIST", "NLST",
        "PWD", "MKD", "RMD", "DELE", "SYST", "STAT", "NOOP", "FEAT",
        "EPSV", "EPRT", "SIZE", "MDTM", "REST", "HELP", 0
    };
    static const char *const pop3[] = {
        "USER", "PASS", "STAT", "LIST", "RETR", "DELE", "NOOP", "RSET",
        "QUIT", "TOP", "UIDL", "APOP", "CAPA", "AUTH", 0
    };
    for (int i = 0; smtp[i]; ++i)
        if (!add_verb(smtp[i], P_SMTP))
            return errh->error("verb table full");
    for (int i = 0; ftp[i]; ++i)
        if (!add_verb(ftp[i], P_FTP))
            return errh->error("verb table full");
    for (int i = 0; pop3[i]; ++i)
        if (!add_verb(pop3[i], P_POP3))
            return errh->error("verb table full");
    return 0;
}

/* Run the first line through the machine; returns the state it stopped in. */
int
ProtocolGuesser::run_line(const unsigned char *d, int n, int *line_len) const
{
    int lim = n < (int) _max_line ? n : (int) _max_line;
    int st = S_START;
    int i = 0;
    while (i < lim) {
        st = _trans[st][_class_of[d[i]]];
        ++i;
        if (st >= S_ACCEPT_CMD)
            break;
    }
    *line_len = i;
    return st;
}

int
ProtocolGuesser::guess_by_histogram(const unsigned char *d, int n)
{
    int w = n < (int) _window ? n : (int) _window;
    uint8_t hist[NCLASSES];
    uint64_t seen[4] = { 0, 0, 0, 0 };
    memset(hist, 0, sizeof(hist));
    for (int i = 0; i < w; ++i) {
        unsigned char c = d[i];
        hist[_class_of[c]]++;
        seen[c >> 6] |= (uint64_t) 1 << (c & 63);
    }
    for (int k = 0; k < NCLASSES; ++k)
        _class_total[k] += hist[k];
    int distinct = __builtin_popcountll(seen[0]) + __builtin_popcountll(seen[1])
        + __builtin_popcountll(seen[2]) + __builtin_popcountll(seen[3]);

    int bin = hist[C_BIN];
    int letters = hist[C_UPPER] + hist[C_LOWER];
    if (bin * 8 <= w && letters * 2 >= w - bin)
        return G_TEXT;
    // random-looking data repeats few values in a short window
    if (w >= 32 && distinct * 4 >= w * 3)
        return G_RANDOM;
    return G_BINARY;
}

int
ProtocolGuesser::guess(const unsigned char *d, int n, uint16_t server_port)
{
    if (n <= 0)
        return G_EMPTY;
    // a TLS record header: content type 20-23, version 3.x
    if (n >= 5 && d[0] >= 20 && d[0] <= 23 && d[1] == 3 && d[2] <= 4)
        return G_TLS;

    int line_len;
    int st = run_line(d, n, &line_len);
    switch (st) {
    case S_ACCEPT_CMD: {
        int vlen = 0;
        while (vlen < 5 && (_class_of[d[vlen]] == C_UPPER || _class_of[d[vlen]] == C_LOWER))
            vlen++;
        uint8_t protos = vlen <= 4 ? verb_protos(pack_verb(d, vlen)) : 0;
        uint8_t hint;
        switch (server_port) {
        case 25:
        case 465:
        case 587:
            hint = P_SMTP;
            break;
        case 20:
        case 21:
            hint = P_FTP;
            break;
        case 110:
        case 995:
            hint = P_POP3;
            break;
        default:
            hint = 0;
            break;
        }
        uint8_t both = protos & hint;
        if (!both && protos && !(protos & (protos - 1)))
            both = protos;                  // the verb names one protocol
        if (both & P_SMTP)
            return G_SMTP;
        if (both & P_FTP)
            return G_FTP;
        if (both & P_POP3)
            return G_POP3;
        return G_COMMAND;
    }
    case S_ACCEPT_REPLY: {
        int code = (d[0] - '0') * 100 + (d[1] - '0') * 10 + (d[2] - '0');
        if (code >= 100 && code < NREPLY) {
            _reply_count[code]++;
            return G_REPLY;
        }
        break;
    }
    case S_REJECT:
        break;
    default:
        // still inside the line when the bytes or MAX_LINE ran out
        if (line_len >= (int) _max_line)
            _long_lines++;
        break;
    }
    return guess_by_histogram(d, n);
}

void
ProtocolGuesser::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!iph || !IP_FIRSTFRAG(iph)) {
        output(0).push(p);
        return;
    }
    int ip_end = p->network_header_offset() + ntohs(iph->ip_len);
    int end = (int) p->length() < ip_end ? (int) p->length() : ip_end;
    int off;
    uint16_t sport, dport;
    switch (iph->ip_p) {
    case IP_PROTO_TCP: {
        if (p->transport_length() < (int) sizeof(click_tcp)) {
            output(0).push(p);
            return;
        }
        const click_tcp *th = p->tcp_header();
        if (th->th_off < 5) {
            output(0).push(p);
            return;
        }
        off = p->transport_header_offset() + (th->th_off << 2);
        sport = ntohs(th->th_sport);
        dport = ntohs(th->th_dport);
        break;
    }
    case IP_PROTO_UDP: {
        if (p->transport_length() < (int) sizeof(click_udp)) {
            output(0).push(p);
            return;
        }
        const click_udp *uh = p->udp_header();
        off = p->transport_header_offset() + (int) sizeof(click_udp);
        sport = ntohs(uh->uh_sport);
        dport = ntohs(uh->uh_dport);
        break;
    }
    default:
        output(0).push(p);
        return;
    }

    // the server is usually the end with the lower port
    uint16_t server_port = sport < dport ? sport : dport;
    int g = guess(p->data() + off, end - off, server_port);
    _guess_count[g]++;

    if (g != G_EMPTY) {
        uint8_t &last = _port_guess[server_port];
        if (last && last != g + 1)
            _port_changes++;
        last = (uint8_t) (g + 1);
    }
    p->set_paint_anno((uint8_t) g);

    if (_split) {
        int out = g < noutputs() ? g : noutputs() - 1;
        output(out).push(p);
    } else
        output(0).push(p);
}

enum { h_guesses, h_replies, h_classes, h_port_changes };

String
ProtocolGuesser::read_handler(Element *e, void *thunk)
{
    ProtocolGuesser *pg = static_cast<ProtocolGuesser *>(e);
    StringAccum sa;
    switch ((intptr_t) thunk) {
    case h_guesses:
        for (int g = 0; g < NGUESSES; ++g)
            sa << g << ' ' << guess_names[g] << ' ' << pg->_guess_count[g] << '\n';
        break;
    case h_replies:
        for (int c = 100; c < NREPLY; ++c)
            if (pg->_reply_count[c])
                sa << c << ' ' << pg->_reply_count[c] << '\n';
        break;
    case h_classes:
        for (int k = 0; k < NCLASSES; ++k)
            sa << pg->_class_total[k] << (k + 1 < NCLASSES ? ' ' : '\n');
        break;
    case h_port_changes:
        sa << pg->_port_changes << " long_lines " << pg->_long_lines;
        break;
    }
    return sa.take_string();
}

void
ProtocolGuesser::add_handlers()
{
    add_read_handler("guesses", read_handler, h_guesses);
    add_read_handler("replies", read_handler, h_replies);
    add_read_handler("classes", read_handler, h_classes);
    add_read_handler("port_changes", read_handler, h_port_changes);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(ProtocolGuesser)
