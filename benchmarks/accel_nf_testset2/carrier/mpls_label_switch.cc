/*
 * mpls_label_switch.cc -- MplsLabelSwitch: ILM in a HashMap keyed by the
 * 20-bit label; label stack entries edited in place.
 */
#include <click/config.h>
#include "mpls_label_switch.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

static inline uint32_t
lse_make(uint32_t label, uint32_t tc, bool bos, uint32_t ttl)
{
    return (label << 12) | ((tc & 7) << 9) | (bos ? 0x100 : 0) | (ttl & 0xFF);
}

MplsLabelSwitch::MplsLabelSwitch()
    : _switched(0), _popped(0), _pushed(0), _ttl_expired(0), _to_control(0), _unknown(0)
{
}

MplsLabelSwitch::~MplsLabelSwitch()
{
}

int
MplsLabelSwitch::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> specs;
    if (Args(conf, this, errh)
        .read_mp("MAC", _mac)
        .read_all("ILM", specs)
        .complete() < 0)
        return -1;
    for (int i = 0; i < specs.size(); ++i) {
        Vector<String> w;
        cp_spacevec(specs[i], w);
        unsigned in, out = 0, tunnel = 0, port;
        Nhlfe n;
        int at = 2;
        if (w.size() < 4 || !cp_integer(w[0], &in) || in < L_FIRST_UNRESERVED || in > L_MAX)
            return errh->error("ILM %d: bad incoming label", i + 1);
        if (w[1] == "swap" || w[1] == "swappush") {
            if (!cp_integer(w[at++], &out) || out > L_MAX)
                return errh->error("ILM %d: bad outgoing label", i + 1);
            n.op = OP_SWAP;
            if (w[1] == "swappush") {
                if (at >= w.size() || !cp_integer(w[at++], &tunnel) || tunnel > L_MAX)
                    return errh->error("ILM %d: bad tunnel label", i + 1);
                n.op = OP_SWAP_PUSH;
            }
        } else if (w[1] == "pop")
            n.op = OP_POP;
        else
            return errh->error("ILM %d: unknown operation", i + 1);
        if (at + 2 != w.size() || !cp_integer(w[at], &port)
            || !cp_ethernet_address(w[at + 1], &n.nh, this))
            return errh->error("ILM %d: expected PORT NHMAC", i + 1);
        if ((int) port >= noutputs() - 2)
            return errh->error("ILM %d: bad port", i + 1);
        n.port = (uint16_t) port;
        n.out_label = out;
        n.tunnel_label = tunnel;
        _ilm.set(in, n);
    }
    return 0;
}

void
MplsLabelSwitch::push(int, Packet *p)
{
    if (p->length() < sizeof(click_ether) + 4) {
        discard(p);
        return;
    }
    const click_ether *eh = reinterpret_cast<const click_ether *>(p->data());
    if (eh->ether_type != htons(ETHERTYPE_MPLS)) {
        discard(p);
        return;
    }
    uint32_t lse;
    memcpy(&lse, p->data() + sizeof(click_ether), 4);
    lse = ntohl(lse);
    uint32_t label = lse >> 12, tc = (lse >> 9) & 7, ttl = lse & 0xFF;
    bool bos = lse & 0x100;

    if (label == L_ALERT) {
        to_control(p);
        return;
    }
    if (label < L_FIRST_UNRESERVED) {
        discard(p);                     // explicit null etc. belong to an LER
        return;
    }
    if (ttl <= 1) {
        _ttl_expired++;
        to_control(p);
        return;
    }
    Nhlfe *n = _ilm.findp(label);
    if (!n) {
        discard(p);
        return;
    }

    WritablePacket *q = p->uniqueify();
    if (!q)
        return;
    uint8_t *stack = q->data() + sizeof(click_ether);
    uint16_t ethertype = htons(ETHERTYPE_MPLS);

    if (n->op == OP_POP) {
        if (bos) {
            // PHP: what follows is the payload; guess its family
            uint8_t v = q->length() > sizeof(click_ether) + 4 ? stack[4] >> 4 : 0;
            if (v == 4)
                ethertype = htons(ETHERTYPE_IP);
            else if (v == 6)
                ethertype = htons(ETHERTYPE_IP6);
            else {
                discard(q);
                return;
            }
        } else {
            // the next entry becomes the top; it inherits the decremented TTL
            uint32_t next;
            if (q->length() < sizeof(click_ether) + 8) {
                discard(q);
                return;
            }
            memcpy(&next, stack + 4, 4);
            next = (ntohl(next) & ~0xFFU) | (ttl - 1);
            next = htonl(next);
            memcpy(stack + 4, &next, 4);
        }
        memmove(q->data() + 4, q->data(), sizeof(click_ether));
        q->pull(4);
        _popped++;
    } else {
        uint32_t out = htonl(lse_make(n->out_label, tc, bos, ttl - 1));
        memcpy(stack, &out, 4);
        if (n->op == OP_SWAP_PUSH) {
            WritablePacket *r = q->push(4);
            if (!r)
                return;
            q = r;
            memmove(q->data(), q->data() + 4, sizeof(click_ether));
            uint32_t outer = htonl(lse_make(n->tunnel_label, tc, false, ttl - 1));
            memcpy(q->data() + sizeof(click_ether), &outer, 4);
            _pushed++;
        }
        _switched++;
    }

    click_ether *oeh = reinterpret_cast<click_ether *>(q->data());
    memcpy(oeh->ether_dhost, n->nh.data(), 6);
    memcpy(oeh->ether_shost, _mac.data(), 6);
    oeh->ether_type = ethertype;
    q->set_mac_header(q->data(), sizeof(click_ether));
    n->pkts++;
    output(n->port).push(q);
}

String
MplsLabelSwitch::read_stats(Element *e, void *)
{
    MplsLabelSwitch *m = static_cast<MplsLabelSwitch *>(e);
    StringAccum sa;
    for (HashMap<uint32_t, Nhlfe>::iterator it = m->_ilm.begin(); it.live(); ++it)
        sa << "label " << it.key() << " op " << (int) it.value().op
           << " pkts " << it.value().pkts << '\n';
    sa << "switched " << m->_switched << "\npopped " << m->_popped << "\npushed " << m->_pushed
       << "\nttl_expired " << m->_ttl_expired << "\ncontrol " << m->_to_control
       << "\nunknown " << m->_unknown << '\n';
    return sa.take_string();
}

void
MplsLabelSwitch::add_handlers()
{
    add_read_handler("stats", read_stats, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(MplsLabelSwitch)
