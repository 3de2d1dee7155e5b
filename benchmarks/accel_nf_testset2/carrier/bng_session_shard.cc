/*
 * bng_session_shard.cc -- BngSessionShard: QinQ + PPPoE parsing, a 32-bit
 * polynomial digest of the 12-byte session key computed bit by bit, shard
 * selection and a direct-mapped usage cache.
 */
#include <click/config.h>
#include "bng_session_shard.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

BngSessionShard::BngSessionShard()
    : _shards(1), _control(0), _other(0), _evictions(0), _bad_pppoe(0)
{
    memset(_shard_pkts, 0, sizeof(_shard_pkts));
    memset(_cache, 0, sizeof(_cache));
}

BngSessionShard::~BngSessionShard()
{
}

int
BngSessionShard::configure(Vector<String> &conf, ErrorHandler *errh)
{
    if (Args(conf, this, errh)
        .read_mp("SHARDS", _shards)
        .complete() < 0)
        return -1;
    if (_shards < 1 || _shards > MAX_SHARDS)
        return errh->error("SHARDS must be 1..%d", (int) MAX_SHARDS);
    if (noutputs() < _shards + 1)
        return errh->error("need at least SHARDS + 1 outputs");
    return 0;
}

void
BngSessionShard::not_session(Packet *p)
{
    _other++;
    checked_output_push(_shards + 1, p);
}

void
BngSessionShard::push(int, Packet *p)
{
    const uint8_t *d = p->data();
    const uint8_t *end = p->end_data();
    if (d + sizeof(click_ether) > end) {
        not_session(p);
        return;
    }

    uint16_t svlan = 0, cvlan = 0;
    const uint8_t *t = d + 12;
    uint16_t type = (uint16_t) ((t[0] << 8) | t[1]);
    if (type == ETHERTYPE_8021AD || type == ETHERTYPE_8021Q) {
        if (t + 6 > end) {
            not_session(p);
            return;
        }
        svlan = (uint16_t) (((t[2] << 8) | t[3]) & 0x0FFF);
        t += 4;
        type = (uint16_t) ((t[0] << 8) | t[1]);
        if (type == ETHERTYPE_8021Q) {
            if (t + 6 > end) {
                not_session(p);
                return;
            }
            cvlan = (uint16_t) (((t[2] << 8) | t[3]) & 0x0FFF);
            t += 4;
            type = (uint16_t) ((t[0] << 8) | t[1]);
        }
    }
    const uint8_t *pp = t + 2;              // PPPoE header

    if (type == ETHERTYPE_PPPOE_DISC) {
        _control++;
        output(_shards).push(p);
        return;
    }
    if (type != ETHERTYPE_PPPOE_SESSION) {
        not_session(p);
        return;
    }
    if (pp + PPPOE_HDR + 2 > end || pp[0] != 0x11 || pp[1] != 0) {
        _bad_pppoe++;
        not_session(p);
        return;
    }
    uint16_t proto = (uint16_t) ((pp[6] << 8) | pp[7]);
    if (proto != PPP_IPV4 && proto != PPP_IPV6) {
        _control++;                         // LCP, IPCP, IPv6CP, PAP, CHAP
        output(_shards).push(p);
        return;
    }

    uint8_t key[KEY_LEN];
    memcpy(key, d + 6, 6);                  // client MAC
    key[6] = pp[2];                         // session id
    key[7] = pp[3];
    key[8] = (uint8_t) (svlan >> 8);
    key[9] = (uint8_t) svlan;
    key[10] = (uint8_t) (cvlan >> 8);
    key[11] = (uint8_t) cvlan;

    uint32_t r = 0xFFFFFFFFU;
    for (int i = 0; i < KEY_LEN; ++i) {
        r ^= (uint32_t) key[i] << 24;
        for (int k = 0; k < 8; ++k) {
            if (r & 0x80000000U)
                r = (r << 1) ^ 0x04C11DB7U;
            else
                r <<= 1;
        }
    }
    r = ~r;

    int shard = (int) (r % (uint32_t) _shards);
    _shard_pkts[shard]++;

    Usage &u = _cache[(r >> 8) & (CACHE - 1)];
    if (u.digest != r || memcmp(u.key, key, KEY_LEN) != 0) {
        if (u.pkts)
            _evictions++;
        memcpy(u.key, key, KEY_LEN);
        u.digest = r;
        u.pkts = 0;
        u.bytes = 0;
    }
    u.pkts++;
    u.bytes += p->length();

    SET_AGGREGATE_ANNO(p, r);
    output(shard).push(p);
}

String
BngSessionShard::read_stats(Element *e, void *)
{
    BngSessionShard *b = static_cast<BngSessionShard *>(e);
    StringAccum sa;
    for (int i = 0; i < b->_shards; ++i)
        sa << "shard " << i << ' ' << b->_shard_pkts[i] << '\n';
    sa << "control " << b->_control << "\nother " << b->_other
       << "\nbad_pppoe " << b->_bad_pppoe << "\nevictions " << b->_evictions << '\n';
    return sa.take_string();
}

void
BngSessionShard::add_handlers()
{
    add_read_handler("stats", read_stats, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(BngSessionShard)
