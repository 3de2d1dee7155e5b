/*
 * blocklist_bitmap.cc -- BlocklistBitmap: per-packet tests of the source
 * and destination /16 against two 65536-bit in-object bitmaps, a /24
 * exception lookup in a 4096-slot open-addressing table, and a host Bloom
 * filter (2^20 bits, three hashes); per-reason and per-/8 counters.
 *
 * Training code for Clara's compute model (nf_corpus/security): a realistic
 * blocklist filter written for the corpus, not an evaluation NF.  Its state
 * is ~160 KiB of arrays inside the element object, so table placement in
 * the NIC memory hierarchy matters; the per-packet path is bit arithmetic,
 * short probe loops and counter updates.
 */
#include <click/config.h>
#include "blocklist_bitmap.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
CLICK_DECLS

BlocklistBitmap::BlocklistBitmap()
    : _nexc(0), _nhosts(0), _check_dst(true), _count_only(false),
      _passed(0), _dropped_src(0), _dropped_dst(0), _dropped_host(0), _excepted(0)
{
    memset(_src16, 0, sizeof(_src16));
    memset(_dst16, 0, sizeof(_dst16));
    memset(_exc24, 0, sizeof(_exc24));
    memset(_bloom, 0, sizeof(_bloom));
    memset(_drops_by8, 0, sizeof(_drops_by8));
}

BlocklistBitmap::~BlocklistBitmap()
{
}

/* Mark every /16 covered by the prefix (prefix length 8 to 16). */
int
BlocklistBitmap::mark_prefix(uint32_t *bits, const String &text, ErrorHandler *errh)
{
    IPAddress a, m;
    if (!cp_ip_prefix(text, &a, &m, false))
        return errh->error("bad prefix %s", text.c_str());
    int len = m.mask_to_prefix_len();
    if (len < 8 || len > 16)
        return errh->error("prefix %s: length must be 8 to 16", text.c_str());
    uint32_t first = ntohl((a & m).addr()) >> 16;
    uint32_t count = 1U << (16 - len);
    for (uint32_t i = 0; i < count; ++i)
        set_bit(bits, first + i);
    return 0;
}

bool
BlocklistBitmap::add_exception(uint32_t net24)
{
    if (_nexc >= EXC_MAX)
        return false;
    uint32_t tag = (net24 << 8) | 1;
    uint32_t slot = mix(net24, 0x5BD1E995U) & (EXC_SLOTS - 1);
    for (int probe = 0; probe < EXC_PROBES; ++probe) {
        uint32_t &e = _exc24[(slot + probe) & (EXC_SLOTS - 1)];
        if (e == tag)
            return true;
        if (e == 0) {
            e = tag;
            _nexc++;
            return true;
        }
    }
    return false;
}

bool
BlocklistBitmap::is_excepted(uint32_t net24) const
{
    uint32_t tag = (net24 << 8) | 1;
    uint32_t slot = mix(net24, 0x5BD1E995U) & (EXC_SLOTS - 1);
    for (int probe = 0; probe < EXC_PROBES; ++probe) {
        uint32_t e = _exc24[(slot + probe) & (EXC_SLOTS - 1)];
        if (e == tag)
            return true;
        if (e == 0)
            return false;
    }
    return false;
}

void
BlocklistBitmap::bloom_add(uint32_t addr)
{
    set_bit(_bloom, mix(addr, 0x9747B28CU) & (BLOOM_BITS - 1));
    set_bit(_bloom, mix(addr, 0x2545F491U) & (BLOOM_BITS - 1));
    set_bit(_bloom, mix(addr, 0x68E31DA4U) & (BLOOM_BITS - 1));
}

bool
BlocklistBitmap::bloom_test(uint32_t addr) const
{
    return test_bit(_bloom, mix(addr, 0x9747B28CU) & (BLOOM_BITS - 1))
        && test_bit(_bloom, mix(addr, 0x2545F491U) & (BLOOM_BITS - 1))
        && test_bit(_bloom, mix(addr, 0x68E31DA4U) & (BLOOM_BITS - 1));
}

int
BlocklistBitmap::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> block_src, block_dst, block_host, allow;
    if (Args(conf, this, errh)
        .read_all("BLOCK_SRC", block_src)
        .read_all("BLOCK_DST", block_dst)
        .read_all("BLOCK_HOST", block_host)
        .read_all("ALLOW", allow)
        .read("CHECK_DST", _check_dst)
        .read("COUNT_ONLY", _count_only)
        .complete() < 0)
        return -1;

    for (int i = 0; i < block_src.size(); ++i)
        if (mark_prefix(_src16, block_src[i], errh) < 0)
            return -1;
    for (int i = 0; i < block_dst.size(); ++i)
        if (mark_prefix(_dst16, block_dst[i], errh) < 0)
            return -1;
    for (int i = 0; i < block_host.size(); ++i) {
        IPAddress a;
        if (!cp_ip_address(block_host[i], &a, this))
            return errh->error("bad address %s", block_host[i].c_str());
        bloom_add(ntohl(a.addr()));
        _nhosts++;
    }
    for (int i = 0; i < allow.size(); ++i) {
        IPAddress a, m;
        if (!cp_ip_prefix(allow[i], &a, &m, false) || m.mask_to_prefix_len() != 24)
            return errh->error("ALLOW %s: need a /24", allow[i].c_str());
        if (!add_exception(ntohl(a.addr()) >> 8))
            return errh->error("too many ALLOW exceptions");
    }
    return 0;
}

/* Why the packet is blocked (R_*), or R_NONE. */
int
BlocklistBitmap::classify(const click_ip *iph)
{
    uint32_t src = ntohl(iph->ip_src.s_addr);
    uint32_t dst = ntohl(iph->ip_dst.s_addr);

    if (test_bit(_src16, src >> 16)) {
        if (!is_excepted(src >> 8))
            return R_SRC;
        _excepted++;
    }
    if (_check_dst && test_bit(_dst16, dst >> 16)) {
        if (!is_excepted(dst >> 8))
            return R_DST;
        _excepted++;
    }
    if (_nhosts && (bloom_test(src) || (_check_dst && bloom_test(dst))))
        return R_HOST;
    return R_NONE;
}

Packet *
BlocklistBitmap::simple_action(Packet *p)
{
    const click_ip *iph = p->ip_header();
    int reason = classify(iph);
    switch (reason) {
    case R_NONE:
        _passed++;
        return p;
    case R_SRC:
        _dropped_src++;
        break;
    case R_DST:
        _dropped_dst++;
        break;
    case R_HOST:
        _dropped_host++;
        break;
    }
    _drops_by8[ntohl(iph->ip_src.s_addr) >> 24]++;
    if (_count_only)
        return p;
    checked_output_push(1, p);
    return 0;
}

enum { h_passed, h_dsrc, h_ddst, h_dhost, h_excepted, h_by8 };

String
BlocklistBitmap::read_handler(Element *e, void *thunk)
{
    BlocklistBitmap *b = static_cast<BlocklistBitmap *>(e);
    StringAccum sa;
    switch ((intptr_t) thunk) {
    case h_passed:
        sa << b->_passed;
        break;
    case h_dsrc:
        sa << b->_dropped_src;
        break;
    case h_ddst:
        sa << b->_dropped_dst;
        break;
    case h_dhost:
        sa << b->_dropped_host;
        break;
    case h_excepted:
        sa << b->_excepted;
        break;
    case h_by8:
        for (int i = 0; i < 256; ++i)
            if (b->_drops_by8[i])
                sa << i << ".0.0.0/8 " << b->_drops_by8[i] << '\n';
        break;
    }
    return sa.take_string();
}

void
BlocklistBitmap::add_handlers()
{
    add_read_handler("passed", read_handler, h_passed);
    add_read_handler("dropped_src", read_handler, h_dsrc);
    add_read_handler("dropped_dst", read_handler, h_ddst);
    add_read_handler("dropped_host", read_handler, h_dhost);
    add_read_handler("excepted", read_handler, h_excepted);
    add_read_handler("by_slash8", read_handler, h_by8);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(BlocklistBitmap)
