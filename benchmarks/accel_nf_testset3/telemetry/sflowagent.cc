/*
 * sflowagent.{cc,hh} -- sFlow v5 packet-sampling agent
 */

#include <click/config.h>
#include "sflowagent.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/packet_anno.hh>
CLICK_DECLS

#define SFLOW_VERSION           5
#define SFLOW_FLOW_SAMPLE       1
#define SFLOW_RAW_HEADER        1
#define SFLOW_PROTO_ETHERNET    1
#define SFLOW_DGRAM_HDR_LEN     28
#define SFLOW_SAMPLE_HDR_LEN    40
#define SFLOW_RECORD_HDR_LEN    24
#define ENCAP_LEN (sizeof(click_ether) + sizeof(click_ip) + sizeof(click_udp))

static inline uint8_t *
put32(uint8_t *p, uint32_t v)
{
    p[0] = v >> 24;
    p[1] = v >> 16;
    p[2] = v >> 8;
    p[3] = v;
    return p + 4;
}

/* One's-complement sum (RFC 1071) of big-endian 16-bit words. */
static uint32_t
ocsum_add(uint32_t sum, const uint8_t *p, int len)
{
    while (len > 1) {
        sum += ((uint32_t) p[0] << 8) | p[1];
        p += 2;
        len -= 2;
    }
    if (len > 0)
        sum += (uint32_t) p[0] << 8;
    return sum;
}

static uint16_t
ocsum_fold(uint32_t sum)
{
    while (sum >> 16)
        sum = (sum & 0xFFFF) + (sum >> 16);
    return (uint16_t) ~sum;
}

/* UDP checksum over the IPv4 pseudo-header and the datagram. */
static uint16_t
udp4_cksum(const click_ip *iph, const uint8_t *udp, int udplen)
{
    uint32_t sum = ocsum_add(0, reinterpret_cast<const uint8_t *>(&iph->ip_src), 8);
    sum += IP_PROTO_UDP;
    sum += (uint32_t) udplen;
    sum = ocsum_add(sum, udp, udplen);
    uint16_t c = ocsum_fold(sum);
    return c ? c : 0xFFFF;
}

SFlowAgent::SFlowAgent()
    : _cport(6343), _subagent(0), _ifindex(0), _rate(1024), _header_bytes(128),
      _prng(0x2545F491), _skip(1), _pool(0), _dgram_seq(0), _sample_seq(0),
      _drops(0), _ip_id(0)
{
}

int
SFlowAgent::configure(Vector<String> &conf, ErrorHandler *errh)
{
    if (Args(conf, this, errh)
        .read_mp("AGENT", _agent)
        .read_mp("COLLECTOR", _collector)
        .read("PORT", _cport)
        .read("RATE", _rate)
        .read("HEADER_BYTES", _header_bytes)
        .read("SRCETH", _srceth)
        .read("DSTETH", _dsteth)
        .read("SUBAGENT", _subagent)
        .read("IFINDEX", _ifindex)
        .complete() < 0)
        return -1;
    if (_rate == 0)
        return errh->error("RATE must be positive");
    if (_header_bytes < 14 || _header_bytes > 256)
        return errh->error("HEADER_BYTES must be in [14, 256]");
    return 0;
}

int
SFlowAgent::initialize(ErrorHandler *)
{
    _boot = Timestamp::now_steady();
    _prng ^= _agent.addr() ^ (uint32_t) _boot.nsecval();
    if (!_prng)
        _prng = 1;
    _skip = next_skip();
    return 0;
}

// xorshift32: cheap, and good enough to break sampling synchronisation
uint32_t
SFlowAgent::next_random()
{
    uint32_t x = _prng;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return _prng = x;
}

uint32_t
SFlowAgent::next_skip()
{
    // uniform in [1, 2*RATE - 1], mean RATE
    if (_rate == 1)
        return 1;
    return 1 + next_random() % (2 * _rate - 1);
}

WritablePacket *
SFlowAgent::make_datagram(const Packet *sp)
{
    uint32_t frame_len = sp->length();
    uint32_t hdr_len = frame_len < _header_bytes ? frame_len : _header_bytes;
    uint32_t hdr_padded = (hdr_len + 3) & ~3U;
    uint32_t payload = SFLOW_DGRAM_HDR_LEN + SFLOW_SAMPLE_HDR_LEN
        + SFLOW_RECORD_HDR_LEN + hdr_padded;

    WritablePacket *q = Packet::make(Packet::default_headroom, 0, ENCAP_LEN + payload, 0);
    if (!q)
        return 0;

    uint8_t *d = q->data();
    click_ether *eth = reinterpret_cast<click_ether *>(d);
    memcpy(eth->ether_dhost, _dsteth.data(), 6);
    memcpy(eth->ether_shost, _srceth.data(), 6);
    eth->ether_type = htons(ETHERTYPE_IP);

    click_ip *ip = reinterpret_cast<click_ip *>(d + sizeof(click_ether));
    click_udp *udp = reinterpret_cast<click_udp *>(ip + 1);
    uint8_t *w = reinterpret_cast<uint8_t *>(udp + 1);

    // datagram header
    uint32_t uptime = (uint32_t) (Timestamp::recent_steady() - _boot).msecval();
    w = put32(w, SFLOW_VERSION);
    w = put32(w, 1);                        // agent address type: IPv4
    memcpy(w, _agent.data(), 4);
    w += 4;
    w = put32(w, _subagent);
    w = put32(w, ++_dgram_seq);
    w = put32(w, uptime);
    w = put32(w, 1);                        // one sample

    // flow sample
    uint32_t ifindex = _ifindex ? _ifindex : PAINT_ANNO(sp);
    w = put32(w, SFLOW_FLOW_SAMPLE);
    w = put32(w, SFLOW_SAMPLE_HDR_LEN - 8 + SFLOW_RECORD_HDR_LEN + hdr_padded);
    w = put32(w, ++_sample_seq);
    w = put32(w, ifindex & 0x00FFFFFF);     // source id: type 0, ifIndex
    w = put32(w, _rate);
    w = put32(w, _pool);
    w = put32(w, _drops);
    w = put32(w, ifindex);
    w = put32(w, 0);                        // output interface unknown
    w = put32(w, 1);                        // one record

    // raw packet header record
    w = put32(w, SFLOW_RAW_HEADER);
    w = put32(w, 16 + hdr_padded);
    w = put32(w, SFLOW_PROTO_ETHERNET);
    w = put32(w, frame_len + 4);            // frame length includes FCS
    w = put32(w, 4);                        // bytes stripped (FCS)
    w = put32(w, hdr_len);
    memcpy(w, sp->data(), hdr_len);
    memset(w + hdr_len, 0, hdr_padded - hdr_len);

    // UDP/IP encapsulation towards the collector
    int udplen = sizeof(click_udp) + payload;
    udp->uh_sport = htons(_cport);
    udp->uh_dport = htons(_cport);
    udp->uh_ulen = htons(udplen);
    udp->uh_sum = 0;

    ip->ip_v = 4;
    ip->ip_hl = sizeof(click_ip) >> 2;
    ip->ip_tos = 0;
    ip->ip_len = htons(sizeof(click_ip) + udplen);
    ip->ip_id = htons(++_ip_id);
    ip->ip_off = 0;
    ip->ip_ttl = 64;
    ip->ip_p = IP_PROTO_UDP;
    ip->ip_sum = 0;
    ip->ip_src = _agent.in_addr();
    ip->ip_dst = _collector.in_addr();
    ip->ip_sum = htons(ocsum_fold(ocsum_add(0, reinterpret_cast<uint8_t *>(ip), sizeof(click_ip))));
    udp->uh_sum = htons(udp4_cksum(ip, reinterpret_cast<uint8_t *>(udp), udplen));

    q->set_mac_header(d, sizeof(click_ether));
    q->set_ip_header(ip, sizeof(click_ip));
    return q;
}

void
SFlowAgent::push(int, Packet *p)
{
    _pool++;
    if (--_skip == 0) {
        _skip = next_skip();
        if (WritablePacket *q = make_datagram(p))
            output(1).push(q);
        else
            _drops++;
    }
    output(0).push(p);
}

void
SFlowAgent::add_handlers()
{
    add_data_handlers("sample_pool", Handler::f_read, &_pool);
    add_data_handlers("samples", Handler::f_read, &_sample_seq);
    add_data_handlers("drops", Handler::f_read, &_drops);
    add_data_handlers("rate", Handler::f_read | Handler::f_write, &_rate);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(SFlowAgent)
