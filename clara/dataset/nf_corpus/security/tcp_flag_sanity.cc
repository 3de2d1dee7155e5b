/*
 * tcp_flag_sanity.cc -- TcpFlagSanity: a 256-entry flag-combination table
 * built at configuration, header-length checks, and a bounded walk over the
 * TCP option list (kind/length switch, duplicate detection with a bitmask);
 * per-anomaly 64-bit counters and a per-destination-port-bucket array.
 *
 * Training code for Clara's compute model (nf_corpus/security): a realistic
 * TCP normalisation/validation element written for the corpus, not an
 * evaluation NF.  Per packet: a table lookup, a data-dependent option loop
 * of up to 40 iterations, and an occasional in-place header rewrite with an
 * incremental checksum update.
 */
#include <click/config.h>
#include "tcp_flag_sanity.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
CLICK_DECLS

static const char *const anomaly_names[] = {
    "null_scan", "xmas", "syn_fin", "syn_rst", "fin_rst", "fin_no_ack",
    "short_header", "header_overrun", "port_zero",
    "opt_truncated", "opt_bad_length", "opt_duplicate", "opt_syn_only",
    "wscale_too_big", "mss_too_small", "opt_unknown",
    "reserved_bits", "urp_no_urg", "syn_with_data"
};

TcpFlagSanity::TcpFlagSanity()
    : _min_mss(88), _max_options(MAX_TCP_OPTLEN), _strict(true),
      _clear_reserved(false), _checked(0), _dropped(0)
{
    memset(_anomalies, 0, sizeof(_anomalies));
    memset(_by_port, 0, sizeof(_by_port));
    build_flag_table();
}

TcpFlagSanity::~TcpFlagSanity()
{
}

/* Classify each of the 256 flag bytes once; the packet path indexes it. */
void
TcpFlagSanity::build_flag_table()
{
    for (int f = 0; f < 256; ++f) {
        int a = -1;
        uint8_t core = f & (TH_FIN | TH_SYN | TH_RST | TH_PUSH | TH_ACK | TH_URG);
        if (core == 0)
            a = A_NULL_SCAN;
        else if ((core & (TH_FIN | TH_PUSH | TH_URG)) == (TH_FIN | TH_PUSH | TH_URG)
                 && !(core & TH_ACK))
            a = A_XMAS;
        else if ((core & (TH_SYN | TH_FIN)) == (TH_SYN | TH_FIN))
            a = A_SYN_FIN;
        else if ((core & (TH_SYN | TH_RST)) == (TH_SYN | TH_RST))
            a = A_SYN_RST;
        else if ((core & (TH_FIN | TH_RST)) == (TH_FIN | TH_RST))
            a = A_FIN_RST;
        else if ((core & (TH_FIN | TH_ACK)) == TH_FIN)
            a = A_FIN_NO_ACK;
        _flag_class[f] = (uint8_t) (a + 1);
    }
}

int
TcpFlagSanity::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned max_options = MAX_TCP_OPTLEN;
    if (Args(conf, this, errh)
        .read("STRICT", _strict)
        .read("MIN_MSS", _min_mss)
        .read("CLEAR_RESERVED", _clear_reserved)
        .read("MAX_OPTIONS", max_options)
        .complete() < 0)
        return -1;
    if (max_options < 1 || max_options > MAX_TCP_OPTLEN)
        return errh->error("MAX_OPTIONS must be between 1 and 40");
    _max_options = max_options;
    return 0;
}

void
TcpFlagSanity::check_options(const click_tcp *th, unsigned hlen, uint32_t &mask)
{
    const uint8_t *opt = reinterpret_cast<const uint8_t *>(th) + sizeof(click_tcp);
    const uint8_t *end = reinterpret_cast<const uint8_t *>(th) + hlen;
    bool syn = th->th_flags & TH_SYN;
    uint32_t seen = 0;                  // option kinds 0-31 already met

    for (int n = 0; opt < end && n < _max_options; ++n) {
        uint8_t kind = opt[0];
        if (kind == TCPOPT_EOL)
            break;
        if (kind == TCPOPT_NOP) {
            opt++;
            continue;
        }
        if (opt + 1 >= end) {
            note(mask, A_OPT_TRUNCATED);
            return;
        }
        uint8_t len = opt[1];
        if (len < 2 || opt + len > end) {
            note(mask, len < 2 ? A_OPT_BAD_LENGTH : A_OPT_TRUNCATED);
            return;
        }
        if (kind < 32) {
            if (seen & (1U << kind))
                note(mask, A_OPT_DUPLICATE);
            seen |= 1U << kind;
        }

        switch (kind) {
        case TCPOPT_MAXSEG:
            if (len != TCPOLEN_MAXSEG)
                note(mask, A_OPT_BAD_LENGTH);
            else if (!syn)
                note(mask, A_OPT_SYN_ONLY);
            else {
                uint16_t mss = (uint16_t) ((opt[2] << 8) | opt[3]);
                if (mss < _min_mss)
                    note(mask, A_MSS_TOO_SMALL);
            }
            break;
        case TCPOPT_WSCALE:
            if (len != TCPOLEN_WSCALE)
                note(mask, A_OPT_BAD_LENGTH);
            else if (!syn)
                note(mask, A_OPT_SYN_ONLY);
            else if (opt[2] > 14)
                note(mask, A_WSCALE_TOO_BIG);
            break;
        case TCPOPT_SACK_PERMITTED:
            if (len != TCPOLEN_SACK_PERMITTED)
                note(mask, A_OPT_BAD_LENGTH);
            else if (!syn)
                note(mask, A_OPT_SYN_ONLY);
            break;
        case TCPOPT_SACK: {
            // 1 to 4 blocks of two sequence numbers
            unsigned blocks = (len - 2) >> 3;
            if (((len - 2) & 7) != 0 || blocks == 0 || blocks > 4)
                note(mask, A_OPT_BAD_LENGTH);
            else if (syn)
                note(mask, A_OPT_BAD_LENGTH);
            break;
        }
        case TCPOPT_TIMESTAMP:
            if (len != TCPOLEN_TIMESTAMP)
                note(mask, A_OPT_BAD_LENGTH);
            break;
        default:
            note(mask, A_OPT_UNKNOWN);
            break;
        }
        opt += len;
    }
}

/* Clear the reserved bits (and NS); word 6 of the header changes. */
Packet *
TcpFlagSanity::clear_reserved(Packet *p)
{
    WritablePacket *q = p->uniqueify();
    if (!q)
        return 0;
    click_tcp *th = q->tcp_header();
    uint8_t *word = reinterpret_cast<uint8_t *>(th) + 12;
    uint16_t old_hw, new_hw;
    memcpy(&old_hw, word, 2);
    th->th_flags2 = 0;
    memcpy(&new_hw, word, 2);
    click_update_in_cksum(&th->th_sum, old_hw, new_hw);
    return q;
}

void
TcpFlagSanity::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (iph->ip_p != IP_PROTO_TCP || !IP_FIRSTFRAG(iph)) {
        output(0).push(p);
        return;
    }
    _checked++;

    uint32_t mask = 0;
    int tlen = p->transport_length();
    if (tlen < (int) sizeof(click_tcp)) {
        note(mask, A_SHORT_HEADER);
        goto verdict;
    }

    {
        const click_tcp *th = p->tcp_header();
        unsigned hlen = th->th_off << 2;
        uint8_t flags = th->th_flags;

        if (uint8_t c = _flag_class[flags])
            note(mask, c - 1);
        if (th->th_sport == 0 || th->th_dport == 0)
            note(mask, A_PORT_ZERO);
        if (th->th_flags2 & 0x0E)
            note(mask, A_RESERVED_BITS);
        if (th->th_urp != 0 && !(flags & TH_URG))
            note(mask, A_URP_NO_URG);

        if (hlen < sizeof(click_tcp))
            note(mask, A_SHORT_HEADER);
        else if ((int) hlen > tlen)
            note(mask, A_HEADER_OVERRUN);
        else {
            if (hlen > sizeof(click_tcp))
                check_options(th, hlen, mask);
            // payload on a SYN is legal (TFO) but unusual
            int ip_payload = ntohs(iph->ip_len) - (iph->ip_hl << 2);
            if ((flags & TH_SYN) && ip_payload > (int) hlen)
                note(mask, A_SYN_WITH_DATA);
        }

        uint32_t severe_mask = mask & ((1U << A_FIRST_MILD) - 1);
        if (severe_mask)
            _by_port[ntohs(th->th_dport) & (PORT_BUCKETS - 1)]++;
        else if (_clear_reserved && (mask & (1U << A_RESERVED_BITS))) {
            p = clear_reserved(p);
            if (!p)
                return;
        }
    }

  verdict:
    if (_strict && (mask & ((1U << A_FIRST_MILD) - 1))) {
        _dropped++;
        checked_output_push(1, p);
        return;
    }
    output(0).push(p);
}

enum { h_anomalies, h_checked, h_dropped, h_by_port };

String
TcpFlagSanity::read_handler(Element *e, void *thunk)
{
    TcpFlagSanity *s = static_cast<TcpFlagSanity *>(e);
    StringAccum sa;
    switch ((intptr_t) thunk) {
    case h_anomalies:
        for (int i = 0; i < NANOMALIES; ++i)
            sa << anomaly_names[i] << ' ' << s->_anomalies[i] << '\n';
        break;
    case h_checked:
        sa << s->_checked;
        break;
    case h_dropped:
        sa << s->_dropped;
        break;
    case h_by_port:
        for (int i = 0; i < PORT_BUCKETS; ++i)
            if (s->_by_port[i])
                sa << i << ' ' << s->_by_port[i] << '\n';
        break;
    }
    return sa.take_string();
}

void
TcpFlagSanity::add_handlers()
{
    add_read_handler("anomalies", read_handler, h_anomalies);
    add_read_handler("checked", read_handler, h_checked);
    add_read_handler("dropped", read_handler, h_dropped);
    add_read_handler("by_port", read_handler, h_by_port);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(TcpFlagSanity)
