// quic_cid_balancer.{cc,hh} -- QUIC-LB connection-ID router, Maglev fallback
#include <click/config.h>
#include "quic_cid_balancer.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <clicknet/ip.h>
#include <clicknet/udp.h>
CLICK_DECLS

/* Patch a checksum after a 32-bit field changed (RFC 1624, eqn. 3). */
static void
fold_addr_change(uint16_t *sum, uint32_t from, uint32_t to)
{
    uint32_t acc = (uint16_t) ~*sum;
    acc += (uint16_t) ~(from & 0xFFFF);
    acc += (uint16_t) ~(from >> 16);
    acc += (to & 0xFFFF) + (to >> 16);
    acc = (acc >> 16) + (acc & 0xFFFF);
    acc += acc >> 16;
    *sum = (uint16_t) ~acc;
}

QuicCidBalancer::QuicCidBalancer()
    : _table_size(4093), _seed(0x5eed1b0bU), _cid_len(8), _sid_len(2),
      _config_id(0), _npackets(0), _nsid_routed(0), _nmaglev(0), _nbad(0)
{
}

bool
QuicCidBalancer::is_prime(uint32_t n)
{
    uint32_t d = 2;
    while (d * d <= n && n % d != 0)
        d++;
    return n >= 2 && d * d > n;
}

int
QuicCidBalancer::configure(Vector<String> &conf, ErrorHandler *errh)
{
    if (Args(conf, this, errh)
        .read_mp("VIP", _vip)
        .read_all("BACKEND", _backends)
        .read_all("SID", _sids)
        .read("SID_LEN", _sid_len)
        .read("CID_LEN", _cid_len)
        .read("CONFIG_ID", _config_id)
        .read("TABLE_SIZE", _table_size)
        .read("SEED", _seed)
        .complete() < 0)
        return -1;

    if (_backends.empty() || (!_sids.empty() && _sids.size() != _backends.size()))
        return errh->error("need BACKENDs, and one SID per BACKEND if any");
    if (_sid_len < 1 || _sid_len > 4)
        return errh->error("SID_LEN must be between 1 and 4");
    if (_cid_len < _sid_len + 1 || _cid_len > MAX_CID_LEN)
        return errh->error("bad CID_LEN");
    if (_config_id >= QUIC_LB_UNROUTABLE)
        return errh->error("CONFIG_ID must be between 0 and 6");
    if (_table_size > 65537 || !is_prime(_table_size)
        || _table_size <= (uint32_t) _backends.size())
        return errh->error("TABLE_SIZE must be a prime above the backend count");

    populate();
    return 0;
}

/* Maglev fill: each backend in turn claims the next free slot of its permutation */
void
QuicCidBalancer::populate()
{
    int n = _backends.size();
    uint32_t m = _table_size;
    Vector<uint32_t> offset(n, 0), skip(n, 0), next(n, 0);

    for (int i = 0; i < n; i++) {
        const unsigned char *a = _backends[i].data();
        offset[i] = qcb_murmur3_32(a, 4, _seed) % m;
        skip[i] = qcb_murmur3_32(a, 4, _seed ^ 0x9747b28cU) % (m - 1) + 1;
    }

    _lookup.assign(m, -1);
    uint32_t filled = 0;
    while (filled < m) {
        for (int i = 0; i < n && filled < m; i++) {
            uint32_t slot = (uint32_t) ((offset[i] + (uint64_t) next[i] * skip[i]) % m);
            while (_lookup[slot] >= 0) {
                next[i]++;
                slot = (uint32_t) ((offset[i] + (uint64_t) next[i] * skip[i]) % m);
            }
            _lookup[slot] = i;
            next[i]++;
            filled++;
        }
    }
}

int
QuicCidBalancer::find_sid(uint32_t sid) const
{
    for (int i = 0; i < _sids.size(); i++)
        if (_sids[i] == sid)
            return i;
    return -1;
}

int
QuicCidBalancer::classify(const Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!iph || iph->ip_p != IP_PROTO_UDP || iph->ip_dst.s_addr != _vip.addr())
        return -1;

    const uint8_t *udp = reinterpret_cast<const uint8_t *>(iph) + (iph->ip_hl << 2);
    const uint8_t *end = p->end_data();
    if (udp + sizeof(click_udp) + 1 > end)
        return -1;
    const uint8_t *quic = udp + sizeof(click_udp);
    const uint8_t *dcid;
    unsigned dcid_len;
    if (!(quic[0] & 0x40))                  /* QUIC fixed bit */
        return -1;
    if (quic[0] & 0x80) {                   /* long header */
        if (quic + 6 > end)
            return -1;
        dcid_len = quic[5];
        dcid = quic + 6;
        if (dcid_len > MAX_CID_LEN)
            return -1;
    } else {                                /* short header */
        dcid_len = _cid_len;
        dcid = quic + 1;
    }
    if (dcid_len == 0 || dcid + dcid_len > end)
        return -1;

    unsigned config_rotation = dcid[0] >> 5;
    if (!_sids.empty() && config_rotation == _config_id && dcid_len > _sid_len) {
        uint32_t sid = 0;
        for (unsigned i = 1; i <= _sid_len; i++)
            sid = (sid << 8) | dcid[i];
        int idx = find_sid(sid);
        if (idx >= 0) {
            _nsid_routed++;
            return idx;
        }
    }

    _nmaglev++;
    uint32_t h = qcb_murmur3_32(dcid, dcid_len, _seed);
    return _lookup[h % _table_size];
}

void
QuicCidBalancer::push(int, Packet *p)
{
    _npackets++;
    int backend = classify(p);
    if (backend < 0) {
        _nbad++;
        output(1).push(p);
        return;
    }

    WritablePacket *q = p->uniqueify();
    if (!q)                                 /* out of memory: packet is gone */
        return;
    click_ip *iph = q->ip_header();
    click_udp *udph = reinterpret_cast<click_udp *>(reinterpret_cast<uint8_t *>(iph)
                                                    + (iph->ip_hl << 2));
    uint32_t old_dst = iph->ip_dst.s_addr;
    uint32_t new_dst = _backends[backend].addr();
    iph->ip_dst.s_addr = new_dst;
    fold_addr_change(&iph->ip_sum, old_dst, new_dst);
    if (udph->uh_sum != 0) {
        fold_addr_change(&udph->uh_sum, old_dst, new_dst);
        if (udph->uh_sum == 0)
            udph->uh_sum = 0xFFFF;
    }

    q->set_dst_ip_anno(_backends[backend]);
    SET_AGGREGATE_ANNO(q, (uint32_t) backend);
    output(0).push(q);
}

void
QuicCidBalancer::add_handlers()
{
    add_data_handlers("packets", Handler::f_read, &_npackets);
    add_data_handlers("sid_routed", Handler::f_read, &_nsid_routed);
    add_data_handlers("maglev_routed", Handler::f_read, &_nmaglev);
    add_data_handlers("bad", Handler::f_read, &_nbad);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(QuicCidBalancer)
