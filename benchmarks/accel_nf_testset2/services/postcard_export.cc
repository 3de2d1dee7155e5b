/*
 * postcard_export.cc -- PostcardExport: sampled per-packet telemetry records
 * batched into UDP export datagrams.
 */
#include <click/config.h>
#include "postcard_export.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <click/glue.hh>
CLICK_DECLS

PostcardExport::PostcardExport()
    : _nrec(0), _sport(4739), _dport(4739), _obs_id(0), _sample(1),
      _max_batch(40), _interval_ms(1000), _countdown(1), _export_seq(0),
      _ip_id(0), _seen(0), _records(0), _datagrams(0), _make_failed(0)
{
}

PostcardExport::~PostcardExport()
{
}

int
PostcardExport::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned sport = _sport, dport = _dport;
    if (Args(conf, this, errh)
        .read_mp("SRC", _src)
        .read_mp("DST", _dst)
        .read("SPORT", sport)
        .read("DPORT", dport)
        .read("OBS_ID", _obs_id)
        .read("SAMPLE", _sample)
        .read("BATCH", _max_batch)
        .read("INTERVAL_MS", _interval_ms)
        .complete() < 0)
        return -1;
    if (sport > 65535 || dport > 65535)
        return errh->error("bad port");
    if (_sample == 0)
        return errh->error("SAMPLE must be positive");
    if (_max_batch == 0 || _max_batch > MAX_BATCH)
        return errh->error("BATCH must be 1..%d", (int) MAX_BATCH);
    _sport = sport;
    _dport = dport;
    _countdown = _sample;
    return 0;
}

void
PostcardExport::flush()
{
    if (_nrec == 0)
        return;
    unsigned body = EXP_HDR + _nrec * REC_LEN;
    unsigned total = sizeof(click_ip) + sizeof(click_udp) + body;
    WritablePacket *q = Packet::make(Packet::default_headroom, 0, total, 0);
    if (!q) {
        _make_failed++;
        _nrec = 0;
        return;
    }
    click_ip *iph = reinterpret_cast<click_ip *>(q->data());
    memset(iph, 0, sizeof(click_ip));
    iph->ip_v = 4;
    iph->ip_hl = sizeof(click_ip) >> 2;
    iph->ip_len = htons((uint16_t) total);
    iph->ip_id = htons(++_ip_id);
    iph->ip_ttl = 64;
    iph->ip_p = IP_PROTO_UDP;
    iph->ip_src = _src.in_addr();
    iph->ip_dst = _dst.in_addr();
    iph->ip_sum = click_in_cksum(q->data(), sizeof(click_ip));

    click_udp *udph = reinterpret_cast<click_udp *>(iph + 1);
    udph->uh_sport = htons(_sport);
    udph->uh_dport = htons(_dport);
    udph->uh_ulen = htons((uint16_t) (sizeof(click_udp) + body));
    udph->uh_sum = 0;

    uint8_t *h = reinterpret_cast<uint8_t *>(udph + 1);
    h[0] = 0;
    h[1] = 1;                           // version
    h[2] = (uint8_t) (_nrec >> 8);
    h[3] = (uint8_t) _nrec;
    h[4] = (uint8_t) (_export_seq >> 24);
    h[5] = (uint8_t) (_export_seq >> 16);
    h[6] = (uint8_t) (_export_seq >> 8);
    h[7] = (uint8_t) _export_seq;
    memcpy(h + EXP_HDR, _batch, _nrec * REC_LEN);
    _export_seq += _nrec;
    _nrec = 0;

    q->set_ip_header(iph, sizeof(click_ip));
    q->set_dst_ip_anno(_dst);
    _datagrams++;
    output(1).push(q);
}

Packet *
PostcardExport::simple_action(Packet *p)
{
    _seen++;
    if (--_countdown != 0)
        return p;
    _countdown = _sample;

    const click_ip *iph = reinterpret_cast<const click_ip *>(p->data());
    unsigned len = p->length();
    if (len < sizeof(click_ip) || iph->ip_v != 4)
        return p;
    unsigned hl = iph->ip_hl << 2;
    uint16_t sport = 0, dport = 0;
    if ((iph->ip_p == IP_PROTO_TCP || iph->ip_p == IP_PROTO_UDP)
        && IP_FIRSTFRAG(iph) && len >= hl + 4) {
        const uint8_t *th = p->data() + hl;
        sport = (uint16_t) ((th[0] << 8) | th[1]);
        dport = (uint16_t) ((th[2] << 8) | th[3]);
    }

    Timestamp now = p->timestamp_anno() ? p->timestamp_anno() : Timestamp::recent();
    if (_nrec && (now - _batch_start).msecval() >= (int64_t) _interval_ms)
        flush();
    if (_nrec == 0)
        _batch_start = now;

    uint8_t *rec = _batch + _nrec * REC_LEN;
    uint32_t src = ntohl(iph->ip_src.s_addr), dst = ntohl(iph->ip_dst.s_addr);
    uint16_t iplen = ntohs(iph->ip_len);
    uint16_t ms = (uint16_t) now.msecval();
    rec[0] = (uint8_t) (_obs_id >> 24);
    rec[1] = (uint8_t) (_obs_id >> 16);
    rec[2] = (uint8_t) (_obs_id >> 8);
    rec[3] = (uint8_t) _obs_id;
    rec[4] = (uint8_t) (src >> 24);
    rec[5] = (uint8_t) (src >> 16);
    rec[6] = (uint8_t) (src >> 8);
    rec[7] = (uint8_t) src;
    rec[8] = (uint8_t) (dst >> 24);
    rec[9] = (uint8_t) (dst >> 16);
    rec[10] = (uint8_t) (dst >> 8);
    rec[11] = (uint8_t) dst;
    rec[12] = (uint8_t) (sport >> 8);
    rec[13] = (uint8_t) sport;
    rec[14] = (uint8_t) (dport >> 8);
    rec[15] = (uint8_t) dport;
    rec[16] = iph->ip_p;
    rec[17] = iph->ip_ttl;
    rec[18] = (uint8_t) (iplen >> 8);
    rec[19] = (uint8_t) iplen;
    rec[20] = (uint8_t) (ms >> 8);
    rec[21] = (uint8_t) ms;

    uint16_t chk = 0xFFFF;
    for (unsigned i = 0; i < REC_LEN - 2; ++i) {
        chk ^= (uint16_t) (rec[i] << 8);
        for (int b = 0; b < 8; ++b)
            chk = (chk & 0x8000) ? (uint16_t) ((chk << 1) ^ 0x1021) : (uint16_t) (chk << 1);
    }
    rec[22] = (uint8_t) (chk >> 8);
    rec[23] = (uint8_t) chk;

    _records++;
    if (++_nrec >= _max_batch)
        flush();
    return p;
}

String
PostcardExport::read_stats(Element *e, void *)
{
    PostcardExport *x = static_cast<PostcardExport *>(e);
    StringAccum sa;
    sa << "seen " << x->_seen << "\nrecords " << x->_records
       << "\ndatagrams " << x->_datagrams << "\npending " << x->_nrec
       << "\nmake_failed " << x->_make_failed << '\n';
    return sa.take_string();
}

int
PostcardExport::write_flush(const String &, Element *e, void *, ErrorHandler *)
{
    static_cast<PostcardExport *>(e)->flush();
    return 0;
}

void
PostcardExport::add_handlers()
{
    add_read_handler("stats", read_stats, 0);
    add_write_handler("flush", write_flush, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(PostcardExport)
