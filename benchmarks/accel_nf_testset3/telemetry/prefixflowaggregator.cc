/*
 * prefixflowaggregator.{cc,hh} -- per-prefix traffic aggregation
 */

#include <click/config.h>
#include "prefixflowaggregator.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/confparse.hh>
#include <click/straccum.hh>
#include <click/packet_anno.hh>
CLICK_DECLS

PrefixFlowAggregator::PrefixFlowAggregator()
    : _nnodes(0), _nprefixes(0), _unmatched(0), _non_ip(0)
{
    memset(_agg, 0, sizeof(_agg));
}

int
PrefixFlowAggregator::trie_insert(uint32_t prefix, int len, int agg)
{
    int node = 0;
    for (int depth = 0; depth < len; depth++) {
        int b = (prefix >> (31 - depth)) & 1;
        if (_trie[node].child[b] < 0) {
            if (_nnodes >= _trie.size())
                return -1;
            TrieNode &fresh = _trie[_nnodes];
            fresh.child[0] = fresh.child[1] = -1;
            fresh.agg = -1;
            _trie[node].child[b] = _nnodes++;
        }
        node = _trie[node].child[b];
    }
    _trie[node].agg = agg;
    return 0;
}

int
PrefixFlowAggregator::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> prefixes;
    if (Args(conf, this, errh)
        .read_all("PREFIX", prefixes)
        .complete() < 0)
        return -1;
    if (prefixes.size() > MAX_PREFIXES)
        return errh->error("too many prefixes (max %d)", (int) MAX_PREFIXES);

    TrieNode empty;
    empty.child[0] = empty.child[1] = -1;
    empty.agg = -1;
    _trie.resize(prefixes.size() * 32 + 1, empty);
    _nnodes = 1;                    // node 0 is the root

    for (int i = 0; i < prefixes.size(); i++) {
        Vector<String> words;
        cp_spacevec(prefixes[i], words);
        IPAddress addr, mask;
        int id;
        if (words.size() != 2 || !cp_ip_prefix(words[0], &addr, &mask, false, this)
            || !cp_integer(words[1], &id) || id < 1 || id > MAX_AGG)
            return errh->error("PREFIX %d: expected 'ADDR/LEN ID' with 1 <= ID <= %d",
                               i, (int) MAX_AGG);
        int len = mask.mask_to_prefix_len();
        if (len < 0)
            return errh->error("PREFIX %d: mask is not a prefix", i);
        if (trie_insert(ntohl(addr.addr() & mask.addr()), len, id) < 0)
            return errh->error("prefix trie full");
        _nprefixes++;
    }
    return 0;
}

// Walk the binary trie along the address bits, remembering the aggregate of
// the deepest node that terminates a prefix.
int
PrefixFlowAggregator::lookup(uint32_t addr) const
{
    int best = -1;
    int node = 0;
    uint32_t bit = 0x80000000U;
    while (node >= 0) {
        const TrieNode &t = _trie[node];
        if (t.agg >= 0)
            best = t.agg;
        if (bit == 0)
            break;
        node = t.child[(addr & bit) != 0];
        bit >>= 1;
    }
    return best;
}

void
PrefixFlowAggregator::push(int, Packet *p)
{
    if (!p->has_network_header() || p->network_length() < (int) sizeof(click_ip)) {
        _non_ip++;
        checked_output_push(1, p);
        return;
    }
    const click_ip *iph = p->ip_header();
    uint32_t bytes = ntohs(iph->ip_len);
    int dagg = lookup(ntohl(iph->ip_dst.s_addr));
    int sagg = lookup(ntohl(iph->ip_src.s_addr));

    if (dagg > 0) {
        _agg[dagg].in_pkts++;
        _agg[dagg].in_bytes += bytes;
    }
    if (sagg > 0) {
        _agg[sagg].out_pkts++;
        _agg[sagg].out_bytes += bytes;
    }
    if (dagg <= 0 && sagg <= 0) {
        _unmatched++;
        checked_output_push(1, p);
        return;
    }
    SET_AGGREGATE_ANNO(p, dagg > 0 ? dagg : sagg);
    output(0).push(p);
}

String
PrefixFlowAggregator::read_table(Element *e, void *)
{
    PrefixFlowAggregator *pa = static_cast<PrefixFlowAggregator *>(e);
    StringAccum sa;
    for (int i = 1; i <= MAX_AGG; i++) {
        const AggCounters &c = pa->_agg[i];
        if (c.in_pkts || c.out_pkts)
            sa << i << " in " << c.in_pkts << '/' << c.in_bytes
               << " out " << c.out_pkts << '/' << c.out_bytes << '\n';
    }
    sa << "unmatched " << pa->_unmatched << '\n';
    return sa.take_string();
}

int
PrefixFlowAggregator::write_clear(const String &, Element *e, void *, ErrorHandler *)
{
    PrefixFlowAggregator *pa = static_cast<PrefixFlowAggregator *>(e);
    memset(pa->_agg, 0, sizeof(pa->_agg));
    pa->_unmatched = pa->_non_ip = 0;
    return 0;
}

void
PrefixFlowAggregator::add_handlers()
{
    add_read_handler("table", read_table, 0);
    add_data_handlers("unmatched", Handler::f_read, &_unmatched);
    add_data_handlers("prefixes", Handler::f_read, &_nprefixes);
    add_write_handler("clear", write_clear, 0, Handler::f_button);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(PrefixFlowAggregator)
