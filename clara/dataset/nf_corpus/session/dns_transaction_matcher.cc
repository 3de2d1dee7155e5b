/*
 * dns_transaction_matcher.cc -- DnsTransactionMatcher: pending DNS queries
 * in a HashMap<TxnKey, Pending>; responses look up, compare the question
 * hash, feed a log2 latency histogram and erase the transaction; a sweep
 * erases queries that were never answered.
 *
 * Training code for Clara's compute model (nf_corpus/session): a realistic
 * DNS transaction matcher written for the corpus, not an evaluation NF.
 * Per packet: UDP/port checks, big-endian field reads, a do/while label
 * walk hashing the question name (FNV-1a over lowercased bytes), a HashMap
 * insert, in-place update or lookup + erase, 64-bit latency arithmetic, a
 * shift loop for the histogram bucket and an EWMA in a 256-entry array.
 */
#include <click/config.h>
#include "dns_transaction_matcher.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <clicknet/udp.h>
CLICK_DECLS

namespace {
const uint16_t DNS_QR = 0x8000;
const uint16_t DNS_OPCODE_MASK = 0x7800;
const int DNS_OPCODE_SHIFT = 11;
const uint16_t DNS_TC = 0x0200;
const uint16_t DNS_RD = 0x0100;
const uint16_t DNS_RCODE_MASK = 0x000F;
const uint32_t FNV_BASIS = 2166136261U;
const uint32_t FNV_PRIME = 16777619U;
enum { M_OK = 0, M_UNMATCHED = 1, M_MISMATCH = 2 };
}

DnsTransactionMatcher::DnsTransactionMatcher()
    : _port(53), _timeout_s(5), _max_pending(32768), _sweep_every(1024),
      _sweep_countdown(1024), _queries(0), _responses(0), _matched(0),
      _unmatched(0), _unanswered(0), _retransmits(0), _mismatched(0),
      _malformed(0), _lat_sum_us(0), _lat_max_us(0)
{
    memset(_lat_hist, 0, sizeof(_lat_hist));
    memset(_rcode_count, 0, sizeof(_rcode_count));
    memset(_qtype_latency_us, 0, sizeof(_qtype_latency_us));
}

DnsTransactionMatcher::~DnsTransactionMatcher()
{
}

int
DnsTransactionMatcher::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned port = 53;
    if (Args(conf, this, errh)
        .read("PORT", port)
        .read("TIMEOUT", _timeout_s)
        .read("MAX_PENDING", _max_pending)
        .read("SWEEP_EVERY", _sweep_every)
        .complete() < 0)
        return -1;
    if (port == 0 || port > 0xFFFF)
        return errh->error("PORT must be a 16-bit port number");
    if (_timeout_s == 0 || _timeout_s > 3600)
        return errh->error("TIMEOUT must be between 1 and 3600 seconds");
    if (_max_pending == 0)
        return errh->error("MAX_PENDING must be positive");
    _port = (uint16_t) port;
    if (_sweep_every == 0)
        _sweep_every = 1;
    _sweep_countdown = _sweep_every;
    return 0;
}

/* Hash the question name; returns the question's length or -1. */
int
DnsTransactionMatcher::hash_question(const unsigned char *q, int avail, uint32_t *hash,
                                     uint16_t *qtype, uint16_t *name_len) const
{
    uint32_t h = FNV_BASIS;
    int pos = 0;
    uint8_t len;
    do {
        if (pos >= avail || pos >= MAX_NAME)
            return -1;
        len = q[pos++];
        if (len & 0xC0)
            return -1;                      // no compression inside a question
        if (pos + len > avail)
            return -1;
        for (int i = 0; i < len; ++i) {
            uint8_t c = q[pos + i];
            if (c >= 'A' && c <= 'Z')
                c += 'a' - 'A';
            h = (h ^ c) * FNV_PRIME;
        }
        h = (h ^ '.') * FNV_PRIME;
        pos += len;
    } while (len != 0);
    if (pos + 4 > avail)
        return -1;
    *hash = h;
    *qtype = rd16(q + pos);
    *name_len = (uint16_t) pos;
    return pos + 4;
}

void
DnsTransactionMatcher::on_query(const TxnKey &k, uint16_t flags, uint32_t hash,
                                uint16_t qtype, uint16_t name_len, const Timestamp &now)
{
    _queries++;
    Pending *pq = _pending.findp(k);
    if (pq) {
        if (pq->qname_hash == hash) {
            // same question again: a client-side retransmission
            if (pq->retransmits < 255)
                pq->retransmits++;
            _retransmits++;
            return;
        }
        // the id was reused for a different question: restart the clock
        pq->sent = now;
        pq->qname_hash = hash;
        pq->qtype = qtype;
        pq->qname_len = name_len;
        pq->retransmits = 0;
        return;
    }
    if (_pending.size() >= _max_pending)
        return;
    Pending np;
    np.sent = now;
    np.qname_hash = hash;
    np.qtype = qtype;
    np.qname_len = name_len;
    np.retransmits = 0;
    np.opcode = (uint8_t) ((flags & DNS_OPCODE_MASK) >> DNS_OPCODE_SHIFT);
    np.rd = (flags & DNS_RD) ? 1 : 0;
    _pending.insert(k, np);
}

int
DnsTransactionMatcher::on_response(const TxnKey &k, uint16_t flags, uint32_t hash,
                                   const Timestamp &now, uint32_t *latency_us)
{
    _responses++;
    _rcode_count[flags & DNS_RCODE_MASK]++;
    Pending *pq = _pending.findp(k);
    if (!pq) {
        _unmatched++;
        return M_UNMATCHED;
    }
    if (pq->qname_hash != hash) {
        // right id and ports, wrong question: keep waiting for the real one
        _mismatched++;
        return M_MISMATCH;
    }

    int64_t us = (now - pq->sent).usecval();
    if (us < 0)
        us = 0;
    uint64_t lat = (uint64_t) us;
    _lat_hist[log2_bucket(lat)]++;
    _lat_sum_us += lat;
    if (lat > _lat_max_us)
        _lat_max_us = lat;
    uint32_t lat32 = lat > 0xFFFFFFFFULL ? 0xFFFFFFFFU : (uint32_t) lat;
    uint32_t &ewma = _qtype_latency_us[pq->qtype & 0xFF];
    if (ewma == 0)
        ewma = lat32;
    else
        ewma = (uint32_t) (((uint64_t) ewma * 7 + lat32) >> 3);
    *latency_us = lat32;

    // a truncated answer will be retried over TCP; the transaction is over
    _pending.erase(k);
    _matched++;
    return M_OK;
}

void
DnsTransactionMatcher::sweep(const Timestamp &now)
{
    _expired.clear();
    Timestamp limit = Timestamp::make_sec(_timeout_s);
    for (HashMap<TxnKey, Pending>::iterator it = _pending.begin(); it.live(); ++it)
        if (now - it.value().sent > limit)
            _expired.push_back(it.key());
    for (Vector<TxnKey>::iterator k = _expired.begin(); k != _expired.end(); ++k)
        _pending.erase(*k);
    _unanswered += _expired.size();
}

void
DnsTransactionMatcher::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!iph || iph->ip_p != IP_PROTO_UDP || !IP_FIRSTFRAG(iph)
        || p->transport_length() < (int) (sizeof(click_udp) + DNS_HDR_LEN)) {
        output(0).push(p);
        return;
    }
    const click_udp *uh = p->udp_header();
    uint16_t sport = ntohs(uh->uh_sport), dport = ntohs(uh->uh_dport);
    bool to_server = (dport == _port), from_server = (sport == _port);
    if (!to_server && !from_server) {
        output(0).push(p);
        return;
    }

    Timestamp now = p->timestamp_anno();
    if (!now)
        now = Timestamp::recent();
    if (--_sweep_countdown == 0) {
        _sweep_countdown = _sweep_every;
        sweep(now);
    }

    const unsigned char *dns = p->transport_header() + sizeof(click_udp);
    int avail = p->transport_length() - (int) sizeof(click_udp);
    uint16_t id = rd16(dns);
    uint16_t flags = rd16(dns + 2);
    uint16_t qdcount = rd16(dns + 4);

    uint32_t hash = 0;
    uint16_t qtype = 0, name_len = 0;
    if (qdcount != 1
        || hash_question(dns + DNS_HDR_LEN, avail - DNS_HDR_LEN, &hash, &qtype,
                         &name_len) < 0) {
        _malformed++;
        output(0).push(p);
        return;
    }

    if (!(flags & DNS_QR)) {
        if (to_server)
            on_query(TxnKey(iph->ip_src.s_addr, iph->ip_dst.s_addr, uh->uh_sport, id),
                     flags, hash, qtype, name_len, now);
        output(0).push(p);
        return;
    }
    if (!from_server) {
        _malformed++;                       // a response sent to the server port
        output(0).push(p);
        return;
    }

    uint32_t latency = 0;
    int r = on_response(TxnKey(iph->ip_dst.s_addr, iph->ip_src.s_addr, uh->uh_dport, id),
                        flags, hash, now, &latency);
    if (r != M_OK) {
        checked_output_push(1, p);
        return;
    }
    SET_AGGREGATE_ANNO(p, latency);
    if (flags & DNS_TC)
        p->set_paint_anno(1);
    output(0).push(p);
}

enum { h_queries, h_responses, h_matched, h_unmatched, h_unanswered,
       h_retransmits, h_mismatched, h_pending, h_latency, h_rcodes };

String
DnsTransactionMatcher::read_handler(Element *e, void *thunk)
{
    DnsTransactionMatcher *m = static_cast<DnsTransactionMatcher *>(e);
    StringAccum sa;
    switch ((intptr_t) thunk) {
    case h_queries:     sa << m->_queries; break;
    case h_responses:   sa << m->_responses; break;
    case h_matched:     sa << m->_matched; break;
    case h_unmatched:   sa << m->_unmatched; break;
    case h_unanswered:  sa << m->_unanswered; break;
    case h_retransmits: sa << m->_retransmits; break;
    case h_mismatched:  sa << m->_mismatched; break;
    case h_pending:     sa << (unsigned long) m->_pending.size(); break;
    case h_latency:
        for (int b = 0; b < LAT_BUCKETS; ++b)
            if (m->_lat_hist[b])
                sa << "<" << (1ULL << (b + 1)) << "us " << m->_lat_hist[b] << '\n';
        if (m->_matched)
            sa << "mean " << (m->_lat_sum_us / m->_matched) << "us max "
               << m->_lat_max_us << "us\n";
        break;
    case h_rcodes:
        for (int r = 0; r < NRCODE; ++r)
            if (m->_rcode_count[r])
                sa << r << ' ' << m->_rcode_count[r] << '\n';
        break;
    }
    return sa.take_string();
}

void
DnsTransactionMatcher::add_handlers()
{
    add_read_handler("queries", read_handler, h_queries);
    add_read_handler("responses", read_handler, h_responses);
    add_read_handler("matched", read_handler, h_matched);
    add_read_handler("unmatched", read_handler, h_unmatched);
    add_read_handler("unanswered", read_handler, h_unanswered);
    add_read_handler("retransmits", read_handler, h_retransmits);
    add_read_handler("mismatched", read_handler, h_mismatched);
    add_read_handler("pending", read_handler, h_pending);
    add_read_handler("latency", read_handler, h_latency);
    add_read_handler("rcodes", read_handler, h_rcodes);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(DnsTransactionMatcher)
