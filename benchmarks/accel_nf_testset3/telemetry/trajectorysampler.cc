/*
 * trajectorysampler.{cc,hh} -- hash-based (trajectory) packet selection
 */

#include <click/config.h>
#include "trajectorysampler.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/packet_anno.hh>
CLICK_DECLS

TrajectorySampler::TrajectorySampler()
    : _ratio(100), _threshold(0), _domain(0), _payload(8), _label_anno(true),
      _seen(0), _selected(0), _short(0), _clone_fail(0)
{
}

int
TrajectorySampler::configure(Vector<String> &conf, ErrorHandler *errh)
{
    if (Args(conf, this, errh)
        .read_mp("RATIO", _ratio)
        .read("DOMAIN", _domain)
        .read("PAYLOAD", _payload)
        .read("LABEL_ANNO", _label_anno)
        .complete() < 0)
        return -1;
    if (_ratio == 0)
        return errh->error("RATIO must be positive");
    if (_payload > MAX_PAYLOAD)
        return errh->error("PAYLOAD at most %d bytes", (int) MAX_PAYLOAD);
    // selection range [0, 2^32 / RATIO)
    _threshold = (uint32_t) ((((uint64_t) 1) << 32) / _ratio - (_ratio == 1 ? 1 : 0));
    return 0;
}

void
TrajectorySampler::push(int, Packet *p)
{
    _seen++;
    const click_ip *iph = p->ip_header();
    if (!p->has_network_header() || p->network_length() < (int) sizeof(click_ip)) {
        _short++;
        output(0).push(p);
        return;
    }

    const uint8_t *nh = p->network_header();
    unsigned hl = iph->ip_hl << 2;
    unsigned avail = (unsigned) p->network_length();

    uint8_t digest_in[DIGEST_MAX];
    unsigned n = 0;
    digest_in[n++] = nh[0];                 // version + IHL
    memcpy(digest_in + n, nh + 2, 6);       // total length, id, frag field
    n += 6;
    digest_in[n++] = iph->ip_p;
    memcpy(digest_in + n, nh + 12, 8);      // source, destination
    n += 8;

    // invariant payload bytes; a packet too short for them hashes what it has
    unsigned take = _payload;
    if (hl >= avail)
        take = 0;
    else if (avail - hl < take)
        take = avail - hl;
    if (IP_FIRSTFRAG(iph) && take) {
        memcpy(digest_in + n, nh + hl, take);
        n += take;
    }

    uint32_t digest = ts_crc32c(_domain, digest_in, n);
    if (digest < _threshold || _ratio == 1) {
        Packet *c = p->clone();
        if (c) {
            if (_label_anno)
                SET_AGGREGATE_ANNO(c, digest);
            _selected++;
            output(1).push(c);
        } else
            _clone_fail++;
    }
    output(0).push(p);
}

void
TrajectorySampler::add_handlers()
{
    add_data_handlers("seen", Handler::f_read, &_seen);
    add_data_handlers("selected", Handler::f_read, &_selected);
    add_data_handlers("short", Handler::f_read, &_short);
    add_data_handlers("clone_failures", Handler::f_read, &_clone_fail);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(TrajectorySampler)
