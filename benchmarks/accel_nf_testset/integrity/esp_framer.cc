/*
 * esp_framer.cc -- EspFramer: ESP header and trailer construction.  The
 * datagram stays where it is when the buffer has room; otherwise it is
 * copied word by word into a fresh buffer with enough head- and tailroom.
 */
#include <click/config.h>
#include "esp_framer.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

EspFramer::EspFramer()
    : _spi(0), _block(4), _icv_len(12), _tfc_max(0), _esn(false), _seq(0), _rng(0x2545F491U),
      _framed(0), _copied(0), _exhausted(0), _not_ip(0), _pad_bytes(0)
{
}

int
EspFramer::configure(Vector<String> &conf, ErrorHandler *errh)
{
    uint32_t seed = 0;
    if (Args(conf, this, errh)
        .read_mp("SPI", _spi)
        .read_p("BLOCK", _block)
        .read("ICV_LEN", _icv_len)
        .read("TFC_MAX", _tfc_max)
        .read("ESN", _esn)
        .read("SEED", seed)
        .complete() < 0)
        return -1;
    if (_spi < 256)
        return errh->error("SPI values below 256 are reserved");
    if (_block < 4 || _block > 64 || (_block & (_block - 1)))
        return errh->error("BLOCK must be a power of two from 4 to 64");
    if (_icv_len > 64 || _tfc_max > 1024)
        return errh->error("ICV_LEN or TFC_MAX too large");
    if (seed)
        _rng = seed;
    return 0;
}

Packet *
EspFramer::relocate(Packet *p, uint32_t front, uint32_t back)
{
    uint32_t len = p->length();
    WritablePacket *q = Packet::make(front + Packet::default_headroom, 0, len, back + 64);
    if (!q) {
        p->kill();
        return 0;
    }
    const unsigned char *src = p->data();
    unsigned char *dst = q->data();
    uint32_t words = len / 4;
    for (uint32_t i = 0; i < words; ++i) {
        uint32_t w;
        memcpy(&w, src + 4 * i, 4);
        memcpy(dst + 4 * i, &w, 4);
    }
    for (uint32_t i = words * 4; i < len; ++i)
        dst[i] = src[i];
    q->copy_annotations(p);
    p->kill();
    _copied++;
    return q;
}

Packet *
EspFramer::simple_action(Packet *p)
{
    if (p->length() < sizeof(click_ip) || (p->data()[0] >> 4) != 4) {
        _not_ip++;
        p->kill();
        return 0;
    }
    if (!_esn && _seq >= 0xFFFFFFFFULL) {
        _exhausted++;
        checked_output_push(1, p);
        return 0;
    }

    uint32_t payload = p->length();
    uint32_t tfc = _tfc_max ? next_random() % (_tfc_max + 1) : 0;
    uint32_t used = payload + tfc + 2;
    uint32_t pad = (_block - (used & (_block - 1))) & (_block - 1);
    uint32_t tail = tfc + pad + 2 + _icv_len;

    if (p->headroom() < FRONT || p->tailroom() < tail || p->shared()) {
        p = relocate(p, FRONT, tail);
        if (!p)
            return 0;
    }
    WritablePacket *q = p->put(tail);
    if (!q)
        return 0;
    q = q->push(FRONT);
    if (!q)
        return 0;

    // trailer: TFC zeros, padding 1..pad, pad length, next header, ICV slot
    unsigned char *t = q->data() + FRONT + payload;
    memset(t, 0, tfc);
    t += tfc;
    for (uint32_t i = 0; i < pad; ++i)
        t[i] = (unsigned char) (i + 1);
    t += pad;
    t[0] = (unsigned char) pad;
    t[1] = NH_IPV4;
    memset(t + 2, 0, _icv_len);

    // header: SPI, low half of the sequence number, IV slot (filled by the cipher)
    _seq++;
    uint32_t words[2] = { to_wire32(_spi), to_wire32((uint32_t) _seq) };
    memcpy(q->data(), words, sizeof(words));
    memset(q->data() + ESP_HDR, 0, IV_LEN);

    q->set_anno_u32(SEQUENCE_NUMBER_ANNO_OFFSET, (uint32_t) (_seq >> 32));
    q->clear_network_header();
    _pad_bytes += tfc + pad;
    _framed++;
    return q;
}

enum { h_stats };

String
EspFramer::read_handler(Element *e, void *)
{
    EspFramer *f = static_cast<EspFramer *>(e);
    StringAccum sa;
    sa << "framed " << f->_framed << "\nseq " << f->_seq << "\ncopied " << f->_copied
       << "\nexhausted " << f->_exhausted << "\nnot_ip " << f->_not_ip
       << "\npad_bytes " << f->_pad_bytes << '\n';
    return sa.take_string();
}

int
EspFramer::reset_handler(const String &, Element *e, void *, ErrorHandler *)
{
    EspFramer *f = static_cast<EspFramer *>(e);
    f->_seq = 0;
    return 0;
}

void
EspFramer::add_handlers()
{
    add_read_handler("stats", read_handler, h_stats);
    add_write_handler("reset_seq", reset_handler, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(EspFramer)
