/*
 * sip_dialog_tracker.cc -- SipDialogTracker: a line-oriented SIP start
 * line and header parser (Call-ID hashed with 64-bit FNV-1a, CSeq number
 * and method), dialogs in a HashMap<CallKey, Dialog>, and a state machine
 * driven by an [NSTATE][NEVENT] transition table built from a rule list.
 *
 * Training code for Clara's compute model (nf_corpus/session): a realistic
 * VoIP dialog monitor written for the corpus, not an evaluation NF.  Per
 * packet: UDP/port checks, bounded byte scans for line ends, colons and
 * spaces, case-insensitive header name compares, a decimal parse, a 64-bit
 * hash loop, a switch on the method's first letter, a HashMap lookup with
 * insert or erase, a 2-D table lookup and a switch on the new state.
 */
#include <click/config.h>
#include "sip_dialog_tracker.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <clicknet/udp.h>
CLICK_DECLS

namespace {
const uint64_t FNV64_BASIS = 14695981039346656037ULL;
const uint64_t FNV64_PRIME = 1099511628211ULL;
}

SipDialogTracker::SipDialogTracker()
    : _port(5060), _setup_timeout_s(32), _session_timeout_s(3600),
      _max_dialogs(16384), _sweep_every(1024), _sweep_countdown(1024)
{
    memset(_stats, 0, sizeof(_stats));
    memset(_method_count, 0, sizeof(_method_count));
    memset(_status_class, 0, sizeof(_status_class));
    memset(_pdd_hist, 0, sizeof(_pdd_hist));

    // in-dialog requests and stray responses keep the state; the rest is
    // forbidden unless a rule or the early/established loops below allow it
    static const uint8_t rules[][3] = {
        { S_NONE, E_INVITE, S_CALLING }, { S_EARLY, E_BYE, S_TERMINATING },
        { S_CONFIRMED, E_ACK, S_ESTABLISHED }, { S_CONFIRMED, E_BYE, S_TERMINATING },
        { S_ESTABLISHED, E_BYE, S_TERMINATING }, { S_TERMINATING, E_BYE_OK, S_TERMINATED }
    };
    for (int s = 0; s < NSTATE; ++s)
        for (int e = 0; e < NEVENT; ++e)
            _next_state[s][e] = (e == E_OTHER && s != S_NONE) ? s : S_INVALID;
    for (int s = S_CALLING; s <= S_EARLY; ++s) {
        _next_state[s][E_INVITE] = _next_state[s][E_CANCEL] = s;
        _next_state[s][E_INVITE_OK] = S_CONFIRMED;
        _next_state[s][E_INVITE_FAIL] = S_FAILED;
        _next_state[s][E_TRYING] = s == S_CALLING ? S_PROCEEDING : s;
        _next_state[s][E_RINGING] = S_EARLY;
    }
    for (int e = E_INVITE; e <= E_INVITE_FAIL; ++e)
        if (e != E_BYE && e != E_CANCEL)
            _next_state[S_ESTABLISHED][e] = S_ESTABLISHED;    // re-INVITE
    _next_state[S_CONFIRMED][E_INVITE_OK] = S_CONFIRMED;
    _next_state[S_TERMINATING][E_BYE] = S_TERMINATING;
    _next_state[S_FAILED][E_ACK] = _next_state[S_FAILED][E_INVITE_FAIL] = S_FAILED;
    for (unsigned i = 0; i < sizeof(rules) / sizeof(rules[0]); ++i)
        _next_state[rules[i][0]][rules[i][1]] = rules[i][2];
}

SipDialogTracker::~SipDialogTracker()
{
}

int
SipDialogTracker::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned port = 5060;
    if (Args(conf, this, errh)
        .read_p("PORT", port)
        .read("SETUP_TIMEOUT", _setup_timeout_s)
        .read("SESSION_TIMEOUT", _session_timeout_s)
        .read("MAX_DIALOGS", _max_dialogs)
        .read("SWEEP_EVERY", _sweep_every)
        .complete() < 0)
        return -1;
    if (port == 0 || port > 0xFFFF)
        return errh->error("PORT must be a 16-bit port number");
    if (_setup_timeout_s == 0 || _session_timeout_s < _setup_timeout_s)
        return errh->error("need 0 < SETUP_TIMEOUT <= SESSION_TIMEOUT");
    if (_max_dialogs == 0)
        return errh->error("MAX_DIALOGS must be positive");
    _port = (uint16_t) port;
    if (_sweep_every == 0)
        _sweep_every = 1;
    _sweep_countdown = _sweep_every;
    return 0;
}

int
SipDialogTracker::parse_method(const unsigned char *s, int len)
{
#define SIP_IS(word) (len == (int) sizeof(word) - 1 && memcmp(s, word, len) == 0)
    if (len < 3)
        return M_UNKNOWN;
    switch (s[0]) {
    case 'A': return SIP_IS("ACK") ? M_ACK : M_UNKNOWN;
    case 'B': return SIP_IS("BYE") ? M_BYE : M_UNKNOWN;
    case 'C': return SIP_IS("CANCEL") ? M_CANCEL : M_UNKNOWN;
    case 'I': return SIP_IS("INVITE") ? M_INVITE : SIP_IS("INFO") ? M_INFO : M_UNKNOWN;
    case 'M': return SIP_IS("MESSAGE") ? M_MESSAGE : M_UNKNOWN;
    case 'N': return SIP_IS("NOTIFY") ? M_NOTIFY : M_UNKNOWN;
    case 'O': return SIP_IS("OPTIONS") ? M_OPTIONS : M_UNKNOWN;
    case 'P': return SIP_IS("PRACK") ? M_PRACK : M_UNKNOWN;
    case 'R': return SIP_IS("REGISTER") ? M_REGISTER : SIP_IS("REFER") ? M_REFER : M_UNKNOWN;
    case 'S': return SIP_IS("SUBSCRIBE") ? M_SUBSCRIBE : M_UNKNOWN;
    case 'U': return SIP_IS("UPDATE") ? M_UPDATE : M_UNKNOWN;
    default:  return M_UNKNOWN;
    }
#undef SIP_IS
}

/* Index of the '\n' ending the line at pos (len if none), -1 if too long. */
int
SipDialogTracker::line_end(const unsigned char *s, int pos, int len)
{
    int limit = pos + MAX_LINE < len ? pos + MAX_LINE : len;
    for (int i = pos; i < limit; ++i)
        if (s[i] == '\n')
            return i;
    return limit == len ? len : -1;
}

int
SipDialogTracker::classify(bool request, int method, int status, int cseq_method) const
{
    if (request) {
        switch (method) {
        case M_INVITE: return E_INVITE;
        case M_ACK:    return E_ACK;
        case M_BYE:    return E_BYE;
        case M_CANCEL: return E_CANCEL;
        default:       return E_OTHER;
        }
    }
    if (cseq_method == M_INVITE) {
        if (status == 100)
            return E_TRYING;
        if (status < 200)
            return E_RINGING;
        return status < 300 ? E_INVITE_OK : E_INVITE_FAIL;
    }
    if (cseq_method == M_BYE && status >= 200 && status < 300)
        return E_BYE_OK;
    return E_OTHER;
}

void
SipDialogTracker::apply(Dialog &d, int event, const Timestamp &now)
{
    uint8_t next = _next_state[d.state][event];
    if (next == S_INVALID) {
        _stats[ST_VIOLATIONS]++;
        return;
    }
    if (next == d.state)
        return;
    switch (next) {
    case S_EARLY:
    case S_CONFIRMED:
        if (!d.pdd_recorded) {
            int64_t ms = (now - d.invite_at).msecval();
            _pdd_hist[ms < 0 ? 0 : ms / 100 >= PDD_BUCKETS ? PDD_BUCKETS - 1 : ms / 100]++;
            d.pdd_recorded = 1;
        }
        if (next == S_CONFIRMED)
            d.answer_at = now;
        break;
    case S_ESTABLISHED:
        _stats[ST_ESTABLISHED]++;
        break;
    case S_TERMINATED:
        _stats[ST_COMPLETED]++;
        if (d.answer_at)
            _stats[ST_DURATION_S] += (now - d.answer_at).sec();
        break;
    case S_FAILED:
        _stats[ST_FAILED]++;
        break;
    default:
        break;
    }
    d.state = next;
}

void
SipDialogTracker::sweep(const Timestamp &now)
{
    _dead.clear();
    for (HashMap<CallKey, Dialog>::iterator it = _dialogs.begin(); it.live(); ++it) {
        const Dialog &d = it.value();
        uint32_t limit = d.state == S_ESTABLISHED ? _session_timeout_s : _setup_timeout_s;
        if ((now - d.last_seen).sec() >= (Timestamp::seconds_type) limit)
            _dead.push_back(it.key());
    }
    for (int i = 0; i < _dead.size(); ++i)
        _dialogs.erase(_dead[i]);
}

void
SipDialogTracker::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!iph || iph->ip_p != IP_PROTO_UDP || IP_ISFRAG(iph)
        || p->transport_length() < (int) sizeof(click_udp)) {
        output(0).push(p);
        return;
    }
    const click_udp *uh = p->udp_header();
    if (ntohs(uh->uh_dport) != _port && ntohs(uh->uh_sport) != _port) {
        output(0).push(p);
        return;
    }
    const unsigned char *s = p->transport_header() + sizeof(click_udp);
    int len = p->transport_length() - (int) sizeof(click_udp);

    // ---- start line ----
    int eol = len >= 12 ? line_end(s, 0, len) : -1;
    if (eol < 0)
        goto malformed;
    {
        int first = (eol > 0 && s[eol - 1] == '\r') ? eol - 1 : eol;
        bool request = !(first >= 12 && memcmp(s, "SIP/2.0 ", 8) == 0);
        int method = M_UNKNOWN, status = 0;
        if (!request) {
            for (int i = 8; i < 11; ++i) {
                if (s[i] < '0' || s[i] > '9')
                    goto malformed;
                status = status * 10 + (s[i] - '0');
            }
            if (status < 100 || status > 699)
                goto malformed;
        } else {
            int sp = 0;
            while (sp < first && s[sp] != ' ')
                sp++;
            if (sp == 0 || first < sp + 9 || memcmp(s + first - 7, "SIP/2.0", 7) != 0)
                goto malformed;
            method = parse_method(s, sp);
        }

        // ---- headers: Call-ID and CSeq ----
        uint64_t h = FNV64_BASIS;
        uint32_t cid_len = 0, cseq = 0;
        int cseq_method = M_UNKNOWN, pos = eol + 1;
        bool have_cseq = false;
        for (int nh = 0; pos < len && nh < MAX_HEADERS; ++nh) {
            int e = line_end(s, pos, len);
            if (e < 0)
                goto malformed;
            int vend = (e > pos && s[e - 1] == '\r') ? e - 1 : e;
            if (vend == pos)
                break;                          // blank line: the body follows
            int colon = pos;
            while (colon < vend && s[colon] != ':')
                colon++;
            int nlen = colon - pos, v = colon + 1;
            while (v < vend && (s[v] == ' ' || s[v] == '\t'))
                v++;
            if (colon == vend) {
                // a folded or bogus line: nothing to take from it
            } else if (name_is(s + pos, nlen, "call-id") || name_is(s + pos, nlen, "i")) {
                while (vend > v && (s[vend - 1] == ' ' || s[vend - 1] == '\t'))
                    vend--;
                for (int i = v; i < vend; ++i)
                    h = (h ^ s[i]) * FNV64_PRIME;
                cid_len = vend - v;
            } else if (name_is(s + pos, nlen, "cseq")) {
                int i = v;
                while (i < vend && s[i] >= '0' && s[i] <= '9' && cseq < 100000000U)
                    cseq = cseq * 10 + (s[i++] - '0');
                while (i < vend && s[i] == ' ')
                    i++;
                cseq_method = parse_method(s + i, vend - i);
                have_cseq = i > v;
            }
            pos = e + 1;
        }
        if (cid_len == 0 || !have_cseq)
            goto malformed;

        if (request)
            _method_count[method]++;
        else
            _status_class[status / 100]++;

        Timestamp now = p->timestamp_anno();
        if (!now)
            now = Timestamp::recent();
        if (--_sweep_countdown == 0) {
            _sweep_countdown = _sweep_every;
            sweep(now);
        }

        int event = classify(request, method, status, cseq_method);
        CallKey key(h, cid_len);
        Dialog *d = _dialogs.findp(key);
        if (!d) {
            if (event != E_INVITE || _dialogs.size() >= _max_dialogs) {
                output(0).push(p);              // out of dialog (REGISTER, ...)
                return;
            }
            Dialog nd;
            nd.invite_at = now;
            nd.caller = iph->ip_src.s_addr;
            _dialogs.insert(key, nd);
            d = _dialogs.findp(key);
            if (!d)
                goto malformed;
        } else if (cseq == d->last_cseq
                   && (request ? method == d->last_method : status == d->last_status)) {
            _stats[ST_RETRANSMITS]++;
            if (d->retransmits < 255)
                d->retransmits++;
            d->last_seen = now;
            p->set_paint_anno(d->state);
            output(0).push(p);
            return;
        }

        uint64_t violations = _stats[ST_VIOLATIONS];
        apply(*d, event, now);
        d->last_cseq = cseq;
        if (request)
            d->last_method = (uint8_t) method;
        else
            d->last_status = (uint16_t) status;
        d->last_seen = now;
        d->messages++;
        uint8_t state = d->state;
        if (state == S_TERMINATED || (state == S_FAILED && event == E_ACK))
            _dialogs.erase(key);                // the dialog is over
        SET_AGGREGATE_ANNO(p, (uint32_t) h);
        p->set_paint_anno(state);
        if (_stats[ST_VIOLATIONS] != violations) {
            checked_output_push(1, p);
            return;
        }
        output(0).push(p);
        return;
    }

  malformed:
    _stats[ST_MALFORMED]++;
    checked_output_push(1, p);
}

static const char *const stat_names[] = {
    "established", "completed", "failed", "violations", "retransmits",
    "malformed", "duration_s"
};
enum { h_dialogs = SipDialogTracker::NSTAT, h_pdd };

String
SipDialogTracker::read_handler(Element *e, void *thunk)
{
    SipDialogTracker *t = static_cast<SipDialogTracker *>(e);
    StringAccum sa;
    intptr_t what = (intptr_t) thunk;
    if (what < NSTAT)
        sa << t->_stats[what];
    else if (what == h_dialogs)
        sa << (unsigned long) t->_dialogs.size();
    else
        for (int b = 0; b < PDD_BUCKETS; ++b)
            if (t->_pdd_hist[b])
                sa << (b * 100) << "ms " << t->_pdd_hist[b] << '\n';
    return sa.take_string();
}

void
SipDialogTracker::add_handlers()
{
    for (int i = 0; i < NSTAT; ++i)
        add_read_handler(stat_names[i], read_handler, i);
    add_read_handler("dialogs", read_handler, h_dialogs);
    add_read_handler("pdd", read_handler, h_pdd);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(SipDialogTracker)
