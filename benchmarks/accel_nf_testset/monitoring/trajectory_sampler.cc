/*
 * trajectory_sampler.cc -- TrajectorySampler: selection by a 32-bit
 * MSB-first CRC (generator 0x04C11DB7, preset all ones, no final xor) of
 * the invariant packet fields, bit at a time.
 */
#include <click/config.h>
#include "trajectory_sampler.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <click/packet_anno.hh>
CLICK_DECLS

TrajectorySampler::TrajectorySampler()
    : _range(16), _modulus(4096), _label_bits(20), _payload_bytes(8), _op(0),
      _seen(0), _selected(0), _short(0), _last_label(0)
{
}

TrajectorySampler::~TrajectorySampler()
{
}

int
TrajectorySampler::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned op = 0;
    if (Args(conf, this, errh)
        .read_mp("RANGE", _range)
        .read_p("MODULUS", _modulus)
        .read("LABEL_BITS", _label_bits)
        .read("PAYLOAD_BYTES", _payload_bytes)
        .read("OBSERVATION_POINT", op)
        .complete() < 0)
        return -1;
    if (_modulus == 0 || _range > _modulus)
        return errh->error("need 0 <= RANGE <= MODULUS, MODULUS > 0");
    if (_label_bits < 8 || _label_bits > 24)
        return errh->error("LABEL_BITS must be between 8 and 24");
    if (_payload_bytes > 32)
        return errh->error("PAYLOAD_BYTES must be at most 32");
    if (op > 255)
        return errh->error("OBSERVATION_POINT must be < 256");
    _op = (uint8_t) op;
    return 0;
}

uint32_t
TrajectorySampler::crc32_be_update(uint32_t crc, const unsigned char *p, unsigned n) const
{
    while (n--) {
        crc ^= (uint32_t) *p++ << 24;
        for (int bit = 0; bit < 8; ++bit) {
            if (crc & 0x80000000U)
                crc = (crc << 1) ^ 0x04C11DB7U;
            else
                crc <<= 1;
        }
    }
    return crc;
}

uint32_t
TrajectorySampler::invariant_digest(const Packet *p, const click_ip *iph) const
{
    const unsigned char *nh = reinterpret_cast<const unsigned char *>(iph);
    uint32_t crc = 0xFFFFFFFFU;
    crc = crc32_be_update(crc, nh + 2, 6);      // length, id, fragment field
    crc = crc32_be_update(crc, nh + 9, 1);      // protocol
    crc = crc32_be_update(crc, nh + 12, 8);     // addresses
    int hl = iph->ip_hl << 2;
    int rest = p->network_length() - hl;
    if (rest > 0) {
        unsigned n = (unsigned) rest < _payload_bytes ? (unsigned) rest : _payload_bytes;
        crc = crc32_be_update(crc, nh + hl, n);
    }
    return crc;
}

void
TrajectorySampler::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!iph || p->network_length() < (int) sizeof(click_ip)
        || (iph->ip_hl << 2) < (int) sizeof(click_ip)) {
        _short++;
        output(0).push(p);
        return;
    }
    _seen++;

    uint32_t d = invariant_digest(p, iph);
    if (d % _modulus >= _range) {
        output(0).push(p);
        return;
    }

    // label: a second, cheap function of the digest, independent of the
    // selection bits
    uint32_t label = (d * 0x9E3779B1U) >> (32 - _label_bits);
    _selected++;
    _last_label = label;
    SET_AGGREGATE_ANNO(p, label);
    SET_PAINT_ANNO(p, _op);
    if (noutputs() > 1) {
        if (Packet *c = p->clone())
            output(1).push(c);
    }
    output(0).push(p);
}

String
TrajectorySampler::read_handler(Element *e, void *)
{
    TrajectorySampler *t = static_cast<TrajectorySampler *>(e);
    StringAccum sa;
    sa << "seen " << t->_seen << "\nselected " << t->_selected
       << "\nshort " << t->_short << "\nlast_label " << t->_last_label << '\n';
    return sa.take_string();
}

void
TrajectorySampler::add_handlers()
{
    add_read_handler("stats", read_handler, 0);
    add_data_handlers("selected", Handler::f_read, &_selected);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(TrajectorySampler)
