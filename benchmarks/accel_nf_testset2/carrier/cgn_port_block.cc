/*
 * cgn_port_block.cc -- CgnPortBlock: subscriber table with linear probing,
 * one port block per subscriber, source rewrite with checksum patching.
 */
#include <click/config.h>
#include "cgn_port_block.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

CgnPortBlock::CgnPortBlock()
    : _blocks_per_ip(0), _block(512), _port_min(1024), _seed(0x2545F491U),
      _translated(0), _new_subs(0), _exhausted(0), _table_full(0), _untranslatable(0)
{
    memset(_subs, 0, sizeof(_subs));
    memset(_next_block, 0, sizeof(_next_block));
}

CgnPortBlock::~CgnPortBlock()
{
}

int
CgnPortBlock::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned block = 512, port_min = 1024;
    if (Args(conf, this, errh)
        .read_all("PUBLIC", _public)
        .read("BLOCK", block)
        .read("PORT_MIN", port_min)
        .read("SEED", _seed)
        .complete() < 0)
        return -1;
    if (_public.empty() || _public.size() > MAX_PUBLIC)
        return errh->error("need 1 to %d PUBLIC addresses", (int) MAX_PUBLIC);
    if (block < 64 || block > 8192 || (block & (block - 1)))
        return errh->error("BLOCK must be a power of two in 64..8192");
    if (port_min < 1 || port_min >= 65536 - block)
        return errh->error("bad PORT_MIN");
    _block = (uint16_t) block;
    _port_min = (uint16_t) port_min;
    _blocks_per_ip = (uint16_t) ((65536 - port_min) / block);
    return 0;
}

/* RFC 1624: adjust a checksum (network order) for a 32-bit field that
   changed from 'was' to 'now' (both host order). */
void
CgnPortBlock::patch_sum(uint16_t *sum, uint32_t was, uint32_t now) const
{
    uint32_t acc = (uint16_t) ~ntohs(*sum);
    acc += (~was >> 16) & 0xFFFF;
    acc += ~was & 0xFFFF;
    acc += now >> 16;
    acc += now & 0xFFFF;
    acc = (acc & 0xFFFF) + (acc >> 16);
    acc = (acc & 0xFFFF) + (acc >> 16);
    *sum = htons((uint16_t) ~acc);
}

CgnPortBlock::Sub *
CgnPortBlock::find_or_add(uint32_t priv, uint16_t vlan)
{
    uint8_t key[6];
    memcpy(key, &priv, 4);
    key[4] = (uint8_t) (vlan >> 8);
    key[5] = (uint8_t) vlan;
    uint32_t h = cgn_key_scatter(key, 6, _seed);

    Sub *free_slot = 0;
    for (int i = 0; i < PROBE; ++i) {
        Sub &s = _subs[(h + i) & (NSUB - 1)];
        if (s.priv == priv && s.vlan == vlan)
            return &s;
        if (s.priv == 0) {
            free_slot = &s;
            break;
        }
    }
    if (!free_slot) {
        _table_full++;
        return 0;
    }

    uint8_t pub = (uint8_t) ((h >> 16) % (uint32_t) _public.size());
    if (_next_block[pub] >= _blocks_per_ip) {
        _exhausted++;
        return 0;
    }
    free_slot->priv = priv;
    free_slot->vlan = vlan;
    free_slot->pub = pub;
    free_slot->used = 0;
    free_slot->block_base = (uint16_t) (_port_min + _next_block[pub]++ * _block);
    free_slot->pkts = 0;
    _new_subs++;
    return free_slot;
}

void
CgnPortBlock::reject(Packet *p)
{
    _untranslatable++;
    checked_output_push(1, p);
}

void
CgnPortBlock::push(int, Packet *p)
{
    WritablePacket *q = p->uniqueify();
    if (!q)
        return;
    click_ip *iph = q->has_network_header() ? q->ip_header()
        : reinterpret_cast<click_ip *>(q->data());
    unsigned char *end = q->end_data();
    if (reinterpret_cast<unsigned char *>(iph) + sizeof(click_ip) > end
        || iph->ip_v != 4 || IP_ISFRAG(iph)
        || (iph->ip_p != IP_PROTO_TCP && iph->ip_p != IP_PROTO_UDP)) {
        reject(q);
        return;
    }
    unsigned char *l4 = reinterpret_cast<unsigned char *>(iph) + (iph->ip_hl << 2);
    if (l4 + (iph->ip_p == IP_PROTO_TCP ? sizeof(click_tcp) : sizeof(click_udp)) > end) {
        reject(q);
        return;
    }

    uint16_t vlan = VLAN_TCI_ANNO(q) & 0x0FFF;
    Sub *s = find_or_add(iph->ip_src.s_addr, vlan);
    if (!s) {
        reject(q);
        return;
    }
    s->pkts++;

    uint16_t *sport = reinterpret_cast<uint16_t *>(l4);
    uint16_t old_port = ntohs(*sport);
    uint16_t new_port = (uint16_t) (s->block_base + (old_port & (_block - 1)));
    uint32_t old_addr = ntohl(iph->ip_src.s_addr);
    uint32_t new_addr = ntohl(_public[s->pub].addr());

    patch_sum(&iph->ip_sum, old_addr, new_addr);
    uint16_t *l4sum = iph->ip_p == IP_PROTO_TCP
        ? &reinterpret_cast<click_tcp *>(l4)->th_sum
        : &reinterpret_cast<click_udp *>(l4)->uh_sum;
    if (iph->ip_p == IP_PROTO_TCP || *l4sum != 0) {
        patch_sum(l4sum, old_addr, new_addr);
        patch_sum(l4sum, old_port, new_port);
        if (iph->ip_p == IP_PROTO_UDP && *l4sum == 0)
            *l4sum = 0xFFFF;
    }
    iph->ip_src.s_addr = htonl(new_addr);
    *sport = htons(new_port);
    _translated++;
    output(0).push(q);
}

String
CgnPortBlock::read_stats(Element *e, void *)
{
    CgnPortBlock *c = static_cast<CgnPortBlock *>(e);
    StringAccum sa;
    for (int i = 0; i < c->_public.size(); ++i)
        sa << c->_public[i] << " blocks " << (int) c->_next_block[i]
           << '/' << (int) c->_blocks_per_ip << '\n';
    sa << "translated " << c->_translated << "\nsubscribers " << c->_new_subs
       << "\nexhausted " << c->_exhausted << "\ntable_full " << c->_table_full
       << "\nuntranslatable " << c->_untranslatable << '\n';
    return sa.take_string();
}

void
CgnPortBlock::add_handlers()
{
    add_read_handler("stats", read_stats, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(CgnPortBlock)
