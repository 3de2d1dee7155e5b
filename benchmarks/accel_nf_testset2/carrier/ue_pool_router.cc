/*
 * ue_pool_router.cc -- UePoolRouter: UE pools kept in a path-compressed
 * binary trie (each node carries its whole prefix, so chains of one-child
 * nodes never exist); the trie lives in a fixed member array.
 */
#include <click/config.h>
#include "ue_pool_router.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

UePoolRouter::UePoolRouter()
    : _nnodes(0), _root(NONE), _drop_ttl(false), _misses(0), _short(0), _ttl_drops(0)
{
}

UePoolRouter::~UePoolRouter()
{
}

static inline uint32_t
prefix_mask(int len)
{
    return len == 0 ? 0 : (0xFFFFFFFFU << (32 - len));
}

int
UePoolRouter::alloc_node(uint32_t pfx, int len, int pool)
{
    if (_nnodes >= MAX_NODES)
        return NONE;
    PoolNode &n = _nodes[_nnodes];
    n.pfx = pfx & prefix_mask(len);
    n.len = (uint8_t) len;
    n.pool = (int16_t) pool;
    n.kid[0] = n.kid[1] = NONE;
    return _nnodes++;
}

/* Insert (pfx, len) -> pool, splitting an edge when the new prefix
   diverges from a stored one before that one's end. */
bool
UePoolRouter::add_pool(uint32_t pfx, int len, int pool)
{
    int32_t *slot = &_root;
    pfx &= prefix_mask(len);
    while (1) {
        int32_t at = *slot;
        if (at == NONE) {
            int k = alloc_node(pfx, len, pool);
            if (k == NONE)
                return false;
            *slot = k;
            return true;
        }
        PoolNode &x = _nodes[at];
        uint32_t diff = pfx ^ x.pfx;
        int same = diff ? __builtin_clz(diff) : 32;
        int lim = len < x.len ? len : x.len;
        if (same > lim)
            same = lim;
        if (same == x.len) {
            if (len == x.len) {
                x.pool = (int16_t) pool;    // duplicate: last one wins
                return true;
            }
            slot = &x.kid[(pfx >> (31 - x.len)) & 1];
            continue;
        }
        if (same == len) {
            // the new pool covers the stored node
            int k = alloc_node(pfx, len, pool);
            if (k == NONE)
                return false;
            _nodes[k].kid[(x.pfx >> (31 - len)) & 1] = at;
            *slot = k;
            return true;
        }
        // they part at bit 'same': a pool-less fork node takes both
        int fork = alloc_node(pfx, same, NONE);
        int leaf = alloc_node(pfx, len, pool);
        if (fork == NONE || leaf == NONE)
            return false;
        _nodes[fork].kid[(pfx >> (31 - same)) & 1] = leaf;
        _nodes[fork].kid[(x.pfx >> (31 - same)) & 1] = at;
        *slot = fork;
        return true;
    }
}

int
UePoolRouter::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> specs;
    if (Args(conf, this, errh)
        .read_all("POOL", specs)
        .read("DROP_TTL_EXPIRED", _drop_ttl)
        .complete() < 0)
        return -1;
    if (specs.empty())
        return errh->error("no POOL given");
    if (specs.size() > MAX_POOLS)
        return errh->error("too many pools (max %d)", (int) MAX_POOLS);

    for (int i = 0; i < specs.size(); ++i) {
        Vector<String> w;
        cp_spacevec(specs[i], w);
        IPAddress addr, mask;
        unsigned port;
        if (w.size() < 2 || w.size() > 3
            || !cp_ip_prefix(w[0], &addr, &mask, false, this)
            || !cp_integer(w[1], &port))
            return errh->error("POOL %d: expected \"ADDR/LEN PORT [NAME]\"", i + 1);
        int len = mask.mask_to_prefix_len();
        if (len < 0)
            return errh->error("POOL %d: mask is not a prefix", i + 1);
        if ((int) port >= noutputs() - 1)
            return errh->error("POOL %d: port %u out of range", i + 1, port);
        Pool p;
        p.addr = addr & mask;
        p.len = (uint8_t) len;
        p.port = (uint16_t) port;
        p.pkts = p.bytes = 0;
        _pools.push_back(p);
        _pool_names.push_back(w.size() == 3 ? w[2] : String("pool"));
        if (!add_pool(ntohl(p.addr.addr()), len, _pools.size() - 1))
            return errh->error("POOL %d: trie full", i + 1);
    }
    return 0;
}

/* Most specific pool holding addr (host order), or NONE. */
int
UePoolRouter::match(uint32_t addr) const
{
    int found = NONE;
    int32_t at = _root;
    while (at != NONE) {
        const PoolNode &x = _nodes[at];
        if (x.len != 0 && ((addr ^ x.pfx) >> (32 - x.len)) != 0)
            break;
        if (x.pool != NONE)
            found = x.pool;
        if (x.len == 32)
            break;
        at = x.kid[(addr >> (31 - x.len)) & 1];
    }
    return found;
}

void
UePoolRouter::push(int, Packet *p)
{
    const click_ip *iph = p->has_network_header() ? p->ip_header()
        : reinterpret_cast<const click_ip *>(p->data());
    const unsigned char *end = p->end_data();
    if (reinterpret_cast<const unsigned char *>(iph) + sizeof(click_ip) > end
        || iph->ip_v != 4) {
        _short++;
        checked_output_push(noutputs() - 1, p);
        return;
    }
    if (_drop_ttl && iph->ip_ttl <= 1) {
        _ttl_drops++;
        p->kill();
        return;
    }

    int pool = match(ntohl(iph->ip_dst.s_addr));
    if (pool == NONE) {
        _misses++;
        output(noutputs() - 1).push(p);
        return;
    }
    Pool &pl = _pools[pool];
    pl.pkts++;
    pl.bytes += ntohs(iph->ip_len);
    p->set_paint_anno((uint8_t) pool);
    output(pl.port).push(p);
}

String
UePoolRouter::read_stats(Element *e, void *)
{
    UePoolRouter *r = static_cast<UePoolRouter *>(e);
    StringAccum sa;
    for (int i = 0; i < r->_pools.size(); ++i) {
        const Pool &p = r->_pools[i];
        sa << r->_pool_names[i] << ' ' << p.addr << '/' << (int) p.len
           << " port " << (int) p.port << " pkts " << p.pkts
           << " bytes " << p.bytes << '\n';
    }
    sa << "misses " << r->_misses << "\nshort " << r->_short
       << "\nttl_drops " << r->_ttl_drops << "\nnodes " << r->_nnodes << '\n';
    return sa.take_string();
}

void
UePoolRouter::add_handlers()
{
    add_read_handler("stats", read_stats, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(UePoolRouter)
