/*
 * shard_dispatcher.cc -- ShardDispatcher: flow-consistent shard selection
 * with per-byte random lookup tables.
 */
#include <click/config.h>
#include "shard_dispatcher.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
CLICK_DECLS

ShardDispatcher::ShardDispatcher()
    : _seed(0x0123456789abcdefULL), _symmetric(false), _nshards(1), _spilled(0), _short(0)
{
    memset(_tab, 0, sizeof(_tab));
    memset(_drained, 0, sizeof(_drained));
    memset(_count, 0, sizeof(_count));
}

ShardDispatcher::~ShardDispatcher()
{
}

/* Random table contents, drawn once from a 64-bit generator. */
void
ShardDispatcher::fill_tables(uint64_t seed)
{
    uint64_t x = seed ? seed : 0x9E3779B97F4A7C15ULL;
    for (int i = 0; i < KEY_BYTES; ++i)
        for (int j = 0; j < 256; ++j) {
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            _tab[i][j] = (uint32_t) ((x * 0x2545F4914F6CDD1DULL) >> 32);
        }
}

int
ShardDispatcher::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned long long seed = _seed;
    if (Args(conf, this, errh)
        .read_p("SEED", seed)
        .read("SYMMETRIC", _symmetric)
        .complete() < 0)
        return -1;
    _seed = seed;
    fill_tables(_seed);
    return 0;
}

int
ShardDispatcher::initialize(ErrorHandler *errh)
{
    _nshards = noutputs();
    if (_nshards > MAX_SHARDS)
        return errh->error("at most %d shards", (int) MAX_SHARDS);
    return 0;
}

void
ShardDispatcher::push(int, Packet *p)
{
    if (!p->has_network_header() || p->network_length() < (int) sizeof(click_ip)) {
        _short++;
        p->kill();
        return;
    }
    const click_ip *iph = p->ip_header();
    uint8_t k[KEY_BYTES];
    uint32_t a = iph->ip_src.s_addr, b = iph->ip_dst.s_addr;
    uint16_t sp = 0, dp = 0;
    if ((iph->ip_p == IP_PROTO_TCP || iph->ip_p == IP_PROTO_UDP)
        && IP_FIRSTFRAG(iph) && p->transport_length() >= 4) {
        const uint16_t *ports = reinterpret_cast<const uint16_t *>(p->transport_header());
        sp = ports[0];
        dp = ports[1];
    }
    if (_symmetric && (ntohl(a) > ntohl(b) || (a == b && ntohs(sp) > ntohs(dp)))) {
        uint32_t t = a; a = b; b = t;
        uint16_t u = sp; sp = dp; dp = u;
    }
    memcpy(k, &a, 4);
    memcpy(k + 4, &b, 4);
    memcpy(k + 8, &sp, 2);
    memcpy(k + 10, &dp, 2);
    k[12] = iph->ip_p;

    uint32_t h = 0;
    for (int i = 0; i < KEY_BYTES; ++i)
        h ^= _tab[i][k[i]];

    int shard = (int) (h % (uint32_t) _nshards);
    if (_drained[shard]) {
        int s = shard;
        do {
            s = (s + 1) % _nshards;
        } while (_drained[s] && s != shard);
        if (s == shard) {
            p->kill();              // everything drained
            return;
        }
        shard = s;
        _spilled++;
    }
    _count[shard]++;
    output(shard).push(p);
}

String
ShardDispatcher::read_counts(Element *e, void *)
{
    ShardDispatcher *sd = static_cast<ShardDispatcher *>(e);
    StringAccum sa;
    for (int i = 0; i < sd->_nshards; ++i)
        sa << i << ' ' << sd->_count[i] << (sd->_drained[i] ? " drained\n" : "\n");
    sa << "spilled " << sd->_spilled << "\nshort " << sd->_short << '\n';
    return sa.take_string();
}

int
ShardDispatcher::write_drain(const String &s, Element *e, void *thunk, ErrorHandler *errh)
{
    ShardDispatcher *sd = static_cast<ShardDispatcher *>(e);
    int shard;
    if (!cp_integer(s, &shard) || shard < 0 || shard >= sd->_nshards)
        return errh->error("expected a shard number");
    sd->_drained[shard] = thunk != 0;
    return 0;
}

void
ShardDispatcher::add_handlers()
{
    add_read_handler("counts", read_counts, 0);
    add_write_handler("drain", write_drain, 1);
    add_write_handler("undrain", write_drain, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(ShardDispatcher)
