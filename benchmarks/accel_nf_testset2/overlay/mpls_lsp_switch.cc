/*
 * mpls_lsp_switch.cc -- MplsLspSwitch: stack check, direct-indexed label
 * table, and in-place rewriting of the label stack entries.
 */
#include <click/config.h>
#include "mpls_lsp_switch.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

static inline uint32_t
load_lse(const unsigned char *p)
{
    uint32_t w;
    memcpy(&w, p, 4);
    return ntohl(w);
}

static inline void
store_lse(unsigned char *p, uint32_t v)
{
    v = htonl(v);
    memcpy(p, &v, 4);
}

MplsLspSwitch::MplsLspSwitch()
    : _uniform(true), _ttl_expired(0), _unknown(0), _bad_stack(0), _alerts(0),
      _entropy_pairs(0)
{
    memset(_op, OP_NONE, sizeof(_op));
    memset(_npush, 0, sizeof(_npush));
    memset(_switched, 0, sizeof(_switched));
    for (int i = 0; i < 8; ++i)
        _tc_map[i] = (uint8_t) i;
}

MplsLspSwitch::~MplsLspSwitch()
{
}

int
MplsLspSwitch::parse_entry(const String &text, ErrorHandler *errh)
{
    Vector<String> w;
    cp_spacevec(text, w);
    unsigned in, port, labels[1 + MAX_PUSH];
    if (w.size() < 3 || !cp_integer(w[0], &in) || !cp_integer(w[2], &port)
        || in < 16 || in >= TABLE || port > 15)
        return errh->error("ENTRY \"%s\": bad label or port", text.c_str());
    int nl = w.size() - 3;
    for (int i = 0; i < nl && i < 1 + MAX_PUSH; ++i)
        if (!cp_integer(w[3 + i], &labels[i]) || labels[i] > 0xFFFFF)
            return errh->error("ENTRY \"%s\": bad label", text.c_str());
    if (w[1] == "SWAP" && nl == 1)
        _op[in] = OP_SWAP;
    else if (w[1] == "POP" && nl == 0)
        _op[in] = OP_POP;
    else if (w[1] == "PUSH" && nl >= 2 && nl <= 1 + MAX_PUSH)
        _op[in] = OP_PUSH;
    else
        return errh->error("ENTRY \"%s\": expected SWAP, POP or PUSH", text.c_str());
    _port[in] = (uint8_t) port;
    _out_label[in] = nl ? labels[0] : 0;
    _npush[in] = (uint8_t) (nl > 1 ? nl - 1 : 0);
    for (int i = 1; i < nl; ++i)
        _push_labels[in][i - 1] = labels[i];
    return 0;
}

int
MplsLspSwitch::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> entries;
    String model = "uniform", tc_map;
    if (Args(conf, this, errh)
        .read_all("ENTRY", entries)
        .read("MODEL", model)
        .read("TC_MAP", tc_map)
        .complete() < 0)
        return -1;
    if (model != "uniform" && model != "pipe")
        return errh->error("MODEL must be uniform or pipe");
    _uniform = model == "uniform";
    if (tc_map.length()) {
        Vector<String> v;
        cp_spacevec(tc_map, v);
        unsigned x;
        if (v.size() != 8)
            return errh->error("TC_MAP needs 8 values");
        for (int i = 0; i < 8; ++i) {
            if (!cp_integer(v[i], &x) || x > 7)
                return errh->error("TC_MAP values are 0..7");
            _tc_map[i] = (uint8_t) x;
        }
    }
    for (int i = 0; i < entries.size(); ++i)
        if (parse_entry(entries[i], errh) < 0)
            return -1;
    return 0;
}

void
MplsLspSwitch::push(int, Packet *p)
{
    WritablePacket *q = p->uniqueify();
    if (!q)
        return;

    // the stack must end (S bit) within MAX_DEPTH entries and the packet
    int depth = 0;
    for (uint32_t off = 0;; off += 4) {
        if (off + 4 > q->length() || depth == MAX_DEPTH) {
            to_error(q, _bad_stack);
            return;
        }
        depth++;
        if (q->data()[off + 2] & 0x01)
            break;
    }

    uint32_t w = load_lse(q->data());
    if ((w >> 12) == L_ELI) {
        if (depth < 2 || (w & 0x100)) {
            to_error(q, _bad_stack);
            return;
        }
        q->pull(8);                             // ELI and the entropy label under it
        _entropy_pairs++;
        if ((depth -= 2) == 0) {
            output(0).push(q);
            return;
        }
        w = load_lse(q->data());
    }

    uint32_t label = w >> 12, tc = (w >> 9) & 7, bos = (w >> 8) & 1, ttl = w & 0xFF;
    if (label == L_ROUTER_ALERT) {
        to_error(q, _alerts);
        return;
    }
    if (ttl <= 1) {
        to_error(q, _ttl_expired);
        return;
    }
    ttl--;

    int op, port;
    if (label == L_IPV4_NULL || label == L_IPV6_NULL) {
        op = OP_POP;
        port = 0;
    } else if (label < TABLE && _op[label] != OP_NONE) {
        op = _op[label];
        port = _port[label];
    } else {
        to_error(q, _unknown);
        return;
    }

    if (op == OP_POP) {
        q->pull(4);
        if (!bos && _uniform)
            store_lse(q->data(), (load_lse(q->data()) & ~0xFFU) | ttl);
    } else {
        store_lse(q->data(), entry(_out_label[label], _tc_map[tc], bos, ttl));
        if (op == OP_PUSH) {
            int n = _npush[label];
            WritablePacket *r = q->push(4 * n);
            if (!r)
                return;
            q = r;
            for (int i = 0; i < n; ++i)         // the last listed label ends up on top
                store_lse(q->data() + 4 * (n - 1 - i),
                          entry(_push_labels[label][i], _tc_map[tc], 0, ttl));
        }
    }
    _switched[op]++;
    checked_output_push(port, q);
}

String
MplsLspSwitch::read_stats(Element *e, void *)
{
    MplsLspSwitch *m = static_cast<MplsLspSwitch *>(e);
    StringAccum sa;
    sa << "swapped " << m->_switched[OP_SWAP] << "\npopped " << m->_switched[OP_POP]
       << "\npushed " << m->_switched[OP_PUSH] << "\nttl_expired " << m->_ttl_expired
       << "\nunknown " << m->_unknown << "\nbad_stack " << m->_bad_stack
       << "\nalerts " << m->_alerts << "\nentropy_pairs " << m->_entropy_pairs << '\n';
    return sa.take_string();
}

void
MplsLspSwitch::add_handlers()
{
    add_read_handler("stats", read_stats, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(MplsLspSwitch)
