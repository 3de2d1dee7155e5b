/*
 * tunnel_mtu_fragmenter.cc -- TunnelMtuFragmenter: offset arithmetic, an
 * option walk, and one Packet::make plus two copies per extra fragment.
 */
#include <click/config.h>
#include "tunnel_mtu_fragmenter.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

TunnelMtuFragmenter::TunnelMtuFragmenter()
    : _mtu(1500), _overhead(0), _limit(1500), _honor_df(true), _headroom(64),
      _passed(0), _fragmented(0), _fragments(0), _df_refused(0), _bad(0),
      _alloc_failed(0)
{
}

TunnelMtuFragmenter::~TunnelMtuFragmenter()
{
}

int
TunnelMtuFragmenter::configure(Vector<String> &conf, ErrorHandler *errh)
{
    if (Args(conf, this, errh)
        .read_mp("MTU", _mtu)
        .read_p("OVERHEAD", _overhead)
        .read("HONOR_DF", _honor_df)
        .read("HEADROOM", _headroom)
        .complete() < 0)
        return -1;
    if (_mtu > 65535 || _overhead >= _mtu || _mtu - _overhead < 68)
        return errh->error("MTU minus OVERHEAD must be 68..65535");
    _limit = _mtu - _overhead;
    return 0;
}

/* Options with the copy flag set, in order, padded with EOL to 4 bytes. */
unsigned
TunnelMtuFragmenter::copied_options(const unsigned char *opt, unsigned len,
                                    unsigned char *out)
{
    unsigned i = 0, n = 0;
    while (i < len) {
        unsigned char type = opt[i];
        if (type == IPOPT_EOL)
            break;
        if (type == IPOPT_NOP) {
            i++;
            continue;
        }
        if (i + 1 >= len || opt[i + 1] < 2 || i + opt[i + 1] > len)
            break;                              // malformed: copy what we have
        unsigned olen = opt[i + 1];
        if (type & COPIED_FLAG) {
            memcpy(out + n, opt + i, olen);
            n += olen;
        }
        i += olen;
    }
    while (n & 3)
        out[n++] = IPOPT_EOL;
    return n;
}

void
TunnelMtuFragmenter::push(int, Packet *p)
{
    if (!p->has_network_header()) {
        _bad++;
        checked_output_push(1, p);
        return;
    }
    const click_ip *ip = p->ip_header();
    unsigned hl = ip->ip_hl << 2;
    unsigned tot = ntohs(ip->ip_len);
    if (tot <= _limit) {
        _passed++;
        output(0).push(p);
        return;
    }
    if (hl < sizeof(click_ip) || tot < hl || tot > (unsigned) p->network_length()) {
        _bad++;
        checked_output_push(1, p);
        return;
    }
    uint16_t off_field = ntohs(ip->ip_off);
    if ((off_field & IP_DF) && _honor_df) {
        _df_refused++;
        SET_EXTRA_LENGTH_ANNO(p, _limit);
        checked_output_push(1, p);
        return;
    }

    unsigned char opts[MAX_OPTIONS];
    unsigned olen = copied_options(reinterpret_cast<const unsigned char *>(ip + 1),
                                   hl - sizeof(click_ip), opts);
    unsigned later_hl = sizeof(click_ip) + olen;
    unsigned first_chunk = (_limit - hl) & ~7U;
    unsigned later_chunk = (_limit - later_hl) & ~7U;
    unsigned data_len = tot - hl;
    unsigned base = (off_field & IP_OFFMASK) << 3;  // we may be re-fragmenting
    bool more_after = (off_field & IP_MF) != 0;
    if (first_chunk == 0 || later_chunk == 0) {
        _bad++;
        checked_output_push(1, p);
        return;
    }

    _batch.clear();
    const unsigned char *payload = reinterpret_cast<const unsigned char *>(ip) + hl;
    for (unsigned pos = first_chunk; pos < data_len; pos += later_chunk) {
        unsigned chunk = data_len - pos < later_chunk ? data_len - pos : later_chunk;
        WritablePacket *f = Packet::make(_headroom, 0, later_hl + chunk, 0);
        if (!f) {
            _alloc_failed++;
            break;
        }
        click_ip *fip = reinterpret_cast<click_ip *>(f->data());
        memcpy(fip, ip, sizeof(click_ip));
        memcpy(fip + 1, opts, olen);
        memcpy(f->data() + later_hl, payload + pos, chunk);
        fip->ip_hl = later_hl >> 2;
        fip->ip_len = htons((uint16_t) (later_hl + chunk));
        bool last = pos + chunk == data_len;
        fip->ip_off = htons((uint16_t) (((base + pos) >> 3)
                                        | (last && !more_after ? 0 : IP_MF)));
        fip->ip_sum = 0;
        f->set_ip_header(fip, later_hl);
        f->copy_annotations(p);
        _batch.push_back(f);
    }
    if (_batch.size() == 0 && first_chunk < data_len) {
        p->kill();                              // could not make any fragment
        return;
    }

    int noff = p->network_header_offset();
    WritablePacket *q = p->uniqueify();
    if (!q)
        return;
    q->take(q->length() - (noff + hl + first_chunk));
    click_ip *qip = q->ip_header();
    qip->ip_len = htons((uint16_t) (hl + first_chunk));
    qip->ip_off = htons((uint16_t) ((off_field & ~IP_DF) | IP_MF));
    qip->ip_sum = 0;

    _fragmented++;
    _fragments += 1 + _batch.size();
    output(0).push(q);
    for (int i = 0; i < _batch.size(); ++i)
        output(0).push(_batch[i]);
    _batch.clear();
}

String
TunnelMtuFragmenter::read_stats(Element *e, void *)
{
    TunnelMtuFragmenter *t = static_cast<TunnelMtuFragmenter *>(e);
    StringAccum sa;
    sa << "passed " << t->_passed << "\nfragmented " << t->_fragmented
       << "\nfragments " << t->_fragments << "\ndf_refused " << t->_df_refused
       << "\nbad " << t->_bad << "\nalloc_failed " << t->_alloc_failed << '\n';
    return sa.take_string();
}

void
TunnelMtuFragmenter::add_handlers()
{
    add_read_handler("stats", read_stats, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(TunnelMtuFragmenter)
