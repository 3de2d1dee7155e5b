// -*- c-basic-offset: 4 -*-
/*
 * mpls_labeler.cc -- MplsLabeler: MPLS push (ingress, FEC table), swap and
 * pop (8192-entry incoming label map) with a bounded label-stack walk and
 * TTL propagation into the IPv4 header.
 *
 * Training code for Clara's compute model (nf_corpus/rewrite); written for
 * Clara, not an evaluation NF.
 */
#include <click/config.h>
#include "mpls_labeler.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/glue.hh>
#include <click/straccum.hh>
#include <clicknet/ether.h>
#include <clicknet/ip.h>
CLICK_DECLS

MplsLabeler::MplsLabeler()
    : _max_depth(8), _pushed(0), _swapped(0), _popped(0), _errors(0)
{
    memset(_ilm, 0, sizeof(_ilm));
    memset(_fec, 0, sizeof(_fec));
    memset(_depth_hist, 0, sizeof(_depth_hist));
}

MplsLabeler::~MplsLabeler()
{
}

static bool
parse_pair(const String &s, unsigned *a, unsigned *b)
{
    Vector<String> words;
    cp_spacevec(s, words);
    return words.size() == 2 && cp_integer(words[0], a) && cp_integer(words[1], b);
}

int
MplsLabeler::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> fecs, swaps;
    Vector<unsigned> pops;
    int max_depth = 8;
    if (Args(conf, this, errh)
        .read_all("FEC", fecs)
        .read_all("SWAP", swaps)
        .read_all("POP", pops)
        .read("MAXDEPTH", max_depth)
        .complete() < 0)
        return -1;
    if (max_depth < 1 || max_depth > MAX_DEPTH_LIMIT)
        return errh->error("MAXDEPTH must be 1-%d", (int) MAX_DEPTH_LIMIT);
    _max_depth = max_depth;

    for (int i = 0; i < fecs.size(); i++) {
        unsigned slot, label;
        if (!parse_pair(fecs[i], &slot, &label) || slot >= FEC_SIZE
            || label < 16 || label >= (1U << 20))
            return errh->error("FEC %d: expected SLOT LABEL (label 16-1048575)", i);
        _fec[slot] = label;
    }
    for (int i = 0; i < swaps.size(); i++) {
        unsigned in, out;
        if (!parse_pair(swaps[i], &in, &out) || in >= (1U << 20) || out >= (1U << 20))
            return errh->error("SWAP %d: expected IN OUT", i);
        _ilm[in & (ILM_SIZE - 1)] = (ACT_SWAP << 28) | (out & 0xFFFFF);
    }
    for (int i = 0; i < pops.size(); i++) {
        if (pops[i] >= (1U << 20))
            return errh->error("POP %d: label out of range", i);
        _ilm[pops[i] & (ILM_SIZE - 1)] = ACT_POP << 28;
    }
    return 0;
}

void
MplsLabeler::error(Packet *p)
{
    _errors++;
    checked_output_push(1, p);
}

/* Walk the label stack; returns its depth, or -1 if it is malformed (no
   bottom of stack within MAXDEPTH entries, truncated, or a zero TTL). */
int
MplsLabeler::walk_stack(const unsigned char *stack, int avail)
{
    int depth = 0;
    for (int off = 0; depth < _max_depth; off += LSE_LEN) {
        if (off + LSE_LEN > avail)
            return -1;
        uint32_t lse = load_lse(stack + off);
        depth++;
        if (lse_ttl(lse) == 0)
            return -1;
        if (lse_bos(lse))
            return depth;
    }
    return -1;
}

/* Overwrite the IPv4 TTL at ipbytes and patch the header checksum. */
void
MplsLabeler::set_ip_ttl(unsigned char *ipbytes, uint8_t ttl)
{
    click_ip *iph = reinterpret_cast<click_ip *>(ipbytes);
    uint16_t old_word, new_word;
    memcpy(&old_word, &iph->ip_ttl, 2);
    iph->ip_ttl = ttl;
    memcpy(&new_word, &iph->ip_ttl, 2);
    uint16_t sum;
    memcpy(&sum, &iph->ip_sum, 2);
    click_update_in_cksum(&sum, old_word, new_word);
    memcpy(&iph->ip_sum, &sum, 2);
}

void
MplsLabeler::push_label(Packet *p_in)
{
    if (p_in->length() < ETHER_HEADER_LEN + sizeof(click_ip)) {
        error(p_in);
        return;
    }
    const unsigned char *d = p_in->data();
    if (d[12] != (ETHERTYPE_IP >> 8) || d[13] != (ETHERTYPE_IP & 0xFF)) {
        output(0).push(p_in);
        return;
    }
    const click_ip *iph = reinterpret_cast<const click_ip *>(d + ETHER_HEADER_LEN);
    uint32_t dst;
    memcpy(&dst, &iph->ip_dst, 4);
    uint32_t label = _fec[ntohl(dst) >> 22];
    if (label == 0) {
        output(0).push(p_in);
        return;
    }
    if (iph->ip_ttl <= 1) {
        error(p_in);
        return;
    }
    uint8_t ttl = iph->ip_ttl - 1;
    uint32_t tc = iph->ip_tos >> 5;     // precedence bits to traffic class

    WritablePacket *p = p_in->push(LSE_LEN);
    if (!p)
        return;
    unsigned char *w = p->data();
    // slide the Ethernet addresses down over the new room
    for (int i = 0; i < 12; i++)
        w[i] = w[i + LSE_LEN];
    w[12] = ETHERTYPE_MPLS >> 8;
    w[13] = ETHERTYPE_MPLS & 0xFF;
    store_lse(w + ETHER_HEADER_LEN, make_lse(label, tc, true, ttl));
    set_ip_ttl(w + ETHER_HEADER_LEN + LSE_LEN, ttl);
    p->set_mac_header(w, ETHER_HEADER_LEN);
    _pushed++;
    output(0).push(p);
}

void
MplsLabeler::process_mpls(Packet *p_in)
{
    int avail = (int) p_in->length() - ETHER_HEADER_LEN;
    const unsigned char *d = p_in->data();
    if (avail < LSE_LEN || d[12] != (ETHERTYPE_MPLS >> 8) || d[13] != (ETHERTYPE_MPLS & 0xFF)) {
        error(p_in);
        return;
    }
    int depth = walk_stack(d + ETHER_HEADER_LEN, avail);
    if (depth < 0) {
        error(p_in);
        return;
    }
    _depth_hist[depth]++;

    uint32_t top = load_lse(d + ETHER_HEADER_LEN);
    uint32_t entry = _ilm[lse_label(top) & (ILM_SIZE - 1)];
    uint32_t ttl = lse_ttl(top);
    if (ttl <= 1) {
        error(p_in);
        return;
    }
    ttl--;

    WritablePacket *p = p_in->uniqueify();
    if (!p)
        return;
    unsigned char *w = p->data();

    switch (entry >> 28) {
    case ACT_SWAP: {
        uint32_t out = entry & 0xFFFFF;
        store_lse(w + ETHER_HEADER_LEN, make_lse(out, lse_tc(top), lse_bos(top), ttl));
        _swapped++;
        break;
    }
    case ACT_POP: {
        if (lse_bos(top)) {
            // last label: the payload must be IPv4; propagate the TTL
            int ip_off = ETHER_HEADER_LEN + LSE_LEN;
            if ((int) p->length() < ip_off + (int) sizeof(click_ip) || (w[ip_off] >> 4) != 4) {
                error(p);
                return;
            }
            uint8_t ip_ttl = w[ip_off + 8];
            if (ttl < ip_ttl)
                set_ip_ttl(w + ip_off, (uint8_t) ttl);
            w[12] = ETHERTYPE_IP >> 8;
            w[13] = ETHERTYPE_IP & 0xFF;
        } else {
            // expose the next label with the decremented TTL
            unsigned char *next = w + ETHER_HEADER_LEN + LSE_LEN;
            uint32_t lse = load_lse(next);
            if (ttl < lse_ttl(lse))
                store_lse(next, (lse & ~0xFFU) | ttl);
        }
        // move the Ethernet header up over the popped entry
        for (int i = ETHER_HEADER_LEN - 1; i >= 0; i--)
            w[i + LSE_LEN] = w[i];
        p->pull(LSE_LEN);
        p->set_mac_header(p->data(), ETHER_HEADER_LEN);
        _popped++;
        break;
    }
    default:
        error(p);
        return;
    }
    output(0).push(p);
}

void
MplsLabeler::push(int port, Packet *p)
{
    if (port == 0)
        push_label(p);
    else
        process_mpls(p);
}

String
MplsLabeler::read_handler(Element *e, void *thunk)
{
    MplsLabeler *m = static_cast<MplsLabeler *>(e);
    StringAccum sa;
    switch (reinterpret_cast<uintptr_t>(thunk)) {
    case h_pushed:
        sa << m->_pushed;
        break;
    case h_swapped:
        sa << m->_swapped;
        break;
    case h_popped:
        sa << m->_popped;
        break;
    case h_errors:
        sa << m->_errors;
        break;
    case h_depth_hist:
        for (int i = 1; i <= m->_max_depth; i++)
            sa << i << ' ' << m->_depth_hist[i] << '\n';
        break;
    }
    return sa.take_string();
}

void
MplsLabeler::add_handlers()
{
    add_read_handler("pushed", read_handler, h_pushed);
    add_read_handler("swapped", read_handler, h_swapped);
    add_read_handler("popped", read_handler, h_popped);
    add_read_handler("errors", read_handler, h_errors);
    add_read_handler("depth_hist", read_handler, h_depth_hist);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(MplsLabeler)
