// -*- c-basic-offset: 4 -*-
/*
 * int_metadata_inserter.{cc,hh} -- in-band telemetry-style hop metadata
 *
 * Training code for Clara's compute model (nf_corpus/telemetry); written for
 * Clara, not an evaluation NF.
 *
 * Per packet: IPv4/UDP checks, shim validation, table lookups by paint
 * annotation and DSCP, uniqueify + put, a backwards byte loop that opens a
 * gap after the UDP header (and shim), byte-wise stores of the record, and
 * IP/UDP length and checksum recomputation with click_in_cksum.
 */

#include <click/config.h>
#include "int_metadata_inserter.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/glue.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <clicknet/udp.h>
CLICK_DECLS

IntMetadataInserter::IntMetadataInserter()
    : _switch_id(0), _int_dscp(0x17), _source(false), _sample(1), _sample_count(0),
      _max_hops(8), _mtu(1500), _inserted(0), _started(0), _exceeded(0),
      _not_udp(0), _failed(0)
{
    memset(_hops, 0, sizeof(_hops));
    memset(_dscp_queue, 0, sizeof(_dscp_queue));
    memset(_queue_occ, 0, sizeof(_queue_occ));
}

IntMetadataInserter::~IntMetadataInserter()
{
}

int
IntMetadataInserter::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned switch_id, sample = 1, max_hops = 8, mtu = 1500;
    int dscp = 0x17;
    bool source = false;
    Vector<String> hops, queues;

    if (Args(conf, this, errh)
        .read_mp("SWITCH_ID", switch_id)
        .read_all("HOP", hops)
        .read_all("QUEUE", queues)
        .read("DSCP", dscp)
        .read("SOURCE", source)
        .read("SAMPLE", sample)
        .read("MAX_HOPS", max_hops)
        .read("MTU", mtu)
        .complete() < 0)
        return -1;

    if (dscp < 0 || dscp >= NDSCP)
        return errh->error("DSCP must be between 0 and 63");
    if (sample == 0)
        return errh->error("SAMPLE must be positive");
    if (max_hops == 0 || max_hops > 32)
        return errh->error("MAX_HOPS must be between 1 and 32");
    if (mtu < 576 || mtu > 9216)
        return errh->error("MTU out of range");

    _switch_id = switch_id;
    _int_dscp = (uint8_t) dscp;
    _source = source;
    _sample = sample;
    _max_hops = (uint8_t) max_hops;
    _mtu = mtu;

    for (int i = 0; i < hops.size(); i++) {
        Vector<String> w;
        cp_spacevec(hops[i], w);
        unsigned paint, in, out;
        if (w.size() != 3 || !cp_integer(w[0], &paint) || !cp_integer(w[1], &in)
            || !cp_integer(w[2], &out) || paint >= NHOPS_TABLE || in > 0xFFFF
            || out > 0xFFFF)
            return errh->error("HOP %d: expected PAINT INPORT OUTPORT", i);
        _hops[paint].in_port = (uint16_t) in;
        _hops[paint].out_port = (uint16_t) out;
        _hops[paint].valid = true;
    }
    for (int i = 0; i < queues.size(); i++) {
        Vector<String> w;
        cp_spacevec(queues[i], w);
        unsigned d, q;
        if (w.size() != 2 || !cp_integer(w[0], &d) || !cp_integer(w[1], &q)
            || d >= NDSCP || q >= NQUEUES)
            return errh->error("QUEUE %d: expected DSCP QUEUE", i);
        _dscp_queue[d] = (uint8_t) q;
    }
    return 0;
}

// occ += (len - occ) / 16, kept scaled by 16; returns bytes.
uint32_t
IntMetadataInserter::queue_update(uint8_t queue, uint32_t len)
{
    uint32_t &occ = _queue_occ[queue];
    occ = occ - (occ >> 4) + len;
    return occ >> 4;
}

void
IntMetadataInserter::fix_checksums(WritablePacket *p, uint32_t ip_len, uint32_t udp_len)
{
    click_ip *iph = p->ip_header();
    click_udp *udph = p->udp_header();
    int hlen = iph->ip_hl << 2;

    iph->ip_len = htons((uint16_t) ip_len);
    iph->ip_sum = 0;
    iph->ip_sum = click_in_cksum(reinterpret_cast<const unsigned char *>(iph), hlen);

    udph->uh_ulen = htons((uint16_t) udp_len);
    if (udph->uh_sum != 0) {
        udph->uh_sum = 0;
        uint16_t csum = click_in_cksum(reinterpret_cast<const unsigned char *>(udph),
                                       (int) udp_len);
        uint16_t full = click_in_cksum_pseudohdr(csum, iph, (int) udp_len);
        udph->uh_sum = full ? full : 0xFFFF;
    }
}

Packet *
IntMetadataInserter::simple_action(Packet *p_in)
{
    if (!p_in->has_network_header()) {
        _not_udp++;
        return p_in;
    }
    const click_ip *iph = p_in->ip_header();
    int hlen = iph->ip_hl << 2;
    uint32_t ip_len = ntohs(iph->ip_len);
    if (iph->ip_v != 4 || iph->ip_p != IP_PROTO_UDP || IP_ISFRAG(iph)
        || hlen < (int) sizeof(click_ip)
        || ip_len < (uint32_t) hlen + sizeof(click_udp)
        || p_in->network_length() < (int) ip_len) {
        _not_udp++;
        return p_in;
    }
    p_in->set_transport_header(p_in->network_header() + hlen);

    const unsigned char *udp = p_in->transport_header();
    const unsigned char *payload = udp + sizeof(click_udp);
    uint32_t udp_len = ip_len - hlen;
    uint8_t dscp = iph->ip_tos >> 2;

    bool has_shim = dscp == _int_dscp && udp_len >= sizeof(click_udp) + SHIM_LEN
        && payload[0] == SHIM_TYPE;
    if (!has_shim) {
        if (!_source || ++_sample_count < _sample)
            return p_in;
        _sample_count = 0;
    }

    uint8_t flags = has_shim ? payload[1] : 0;
    uint8_t remaining = has_shim ? payload[5] : _max_hops;
    uint32_t grow = has_shim ? (uint32_t) HOP_LEN : (uint32_t) (SHIM_LEN + HOP_LEN);
    bool push_record = true;

    if (remaining == 0) {
        flags |= FLAG_EXCEEDED;
        push_record = false;
    } else if (ip_len + grow > _mtu) {
        flags |= FLAG_MTU;
        push_record = false;
    }
    if (!push_record) {
        _exceeded++;
        if (!has_shim || flags == payload[1])
            return p_in;
        // only the flag byte changes
        WritablePacket *q = p_in->uniqueify();
        if (!q)
            return 0;
        q->transport_header()[sizeof(click_udp) + 1] = flags;
        fix_checksums(q, ip_len, udp_len);
        return q;
    }

    // Trim link-layer padding so the gap is opened at the datagram's end.
    uint32_t excess = (uint32_t) p_in->network_length() - ip_len;
    if (excess)
        p_in->take(excess);

    WritablePacket *p = p_in->uniqueify();
    if (!p)
        return 0;
    int gap_off = p->transport_header_offset() + (int) sizeof(click_udp)
        + (has_shim ? SHIM_LEN : 0);
    p = p->put(grow);
    if (!p) {
        _failed++;
        return 0;
    }

    // After put() the data may live in a new buffer: recompute pointers.
    unsigned char *gap = p->data() + gap_off;
    open_gap(gap, p->end_data() - grow, grow);

    unsigned char *shim = p->transport_header() + sizeof(click_udp);
    unsigned char *rec = gap;
    if (!has_shim) {
        shim[0] = SHIM_TYPE;
        shim[1] = 0;
        shim[2] = SHIM_LEN / 4;
        shim[3] = 0;
        shim[4] = _max_hops;
        shim[5] = _max_hops;
        shim[6] = HOP_WORDS;
        shim[7] = dscp;
        rec = shim + SHIM_LEN;
        _started++;
    }

    // this hop's record
    uint8_t paint = p->paint_anno();
    const HopInfo &hop = _hops[paint];
    uint8_t queue = _dscp_queue[has_shim ? (shim[7] & 0x3F) : dscp];
    uint32_t occ = queue_update(queue, ip_len);
    if (occ > 0xFFFFFF)
        occ = 0xFFFFFF;
    int64_t now = Timestamp::now().nsecval();
    int64_t in_ts = p->timestamp_anno().is_set() ? p->timestamp_anno().nsecval() : now;
    int64_t lat = now - in_ts;
    uint32_t hop_lat = lat < 0 ? 0 : (lat > 0xFFFFFFFFLL ? 0xFFFFFFFFU : (uint32_t) lat);

    put32(rec, _switch_id);
    put16(rec + 4, hop.valid ? hop.in_port : (uint16_t) paint);
    put16(rec + 6, hop.valid ? hop.out_port : (uint16_t) 0xFFFF);
    put32(rec + 8, (uint32_t) queue << 24 | occ);
    put32(rec + 12, (uint32_t) in_ts);
    put32(rec + 16, hop_lat);

    shim[1] = flags;
    shim[2] = (uint8_t) (shim[2] + HOP_WORDS);
    shim[3] = (uint8_t) (shim[3] + 1);
    shim[5] = (uint8_t) (remaining - 1);

    if (!has_shim) {
        // mark the datagram as carrying a stack, keep ECN
        click_ip *wiph = p->ip_header();
        wiph->ip_tos = (uint8_t) ((_int_dscp << 2) | (wiph->ip_tos & IP_ECNMASK));
    }
    fix_checksums(p, ip_len + grow, udp_len + grow);
    _inserted++;
    return p;
}

String
IntMetadataInserter::read_handler(Element *e, void *thunk)
{
    IntMetadataInserter *im = static_cast<IntMetadataInserter *>(e);
    StringAccum sa;
    switch ((int) reinterpret_cast<uintptr_t>(thunk)) {
    case h_inserted:
        sa << im->_inserted;
        break;
    case h_started:
        sa << im->_started;
        break;
    case h_exceeded:
        sa << im->_exceeded;
        break;
    case h_queues:
        for (int q = 0; q < NQUEUES; q++)
            if (im->_queue_occ[q])
                sa << q << ' ' << (im->_queue_occ[q] >> 4) << '\n';
        break;
    default:
        break;
    }
    return sa.take_string();
}

void
IntMetadataInserter::add_handlers()
{
    add_read_handler("inserted", read_handler, h_inserted);
    add_read_handler("started", read_handler, h_started);
    add_read_handler("exceeded", read_handler, h_exceeded);
    add_read_handler("queues", read_handler, h_queues);
    add_data_handlers("sample", Handler::f_read | Handler::f_write, &_sample);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(IntMetadataInserter)
