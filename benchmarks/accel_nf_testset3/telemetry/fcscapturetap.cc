/*
 * fcscapturetap.{cc,hh} -- capture tap with FCS regeneration
 */

#include <click/config.h>
#include "fcscapturetap.hh"
#include <click/args.hh>
#include <click/error.hh>
CLICK_DECLS

FCSCaptureTap::FCSCaptureTap()
    : _port_id(0), _snaplen(0), _has_fcs(false), _trailer(true),
      _frames(0), _bad_fcs(0), _runts(0), _copies(0), _copy_failures(0)
{
}

int
FCSCaptureTap::configure(Vector<String> &conf, ErrorHandler *errh)
{
    if (Args(conf, this, errh)
        .read_p("PORTID", _port_id)
        .read("SNAPLEN", _snaplen)
        .read("HAS_FCS", _has_fcs)
        .read("TRAILER", _trailer)
        .complete() < 0)
        return -1;
    if (_snaplen && _snaplen < sizeof(click_ether))
        return errh->error("SNAPLEN too small");

    // IEEE 802.3 FCS, reflected polynomial
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t r = i;
        for (int k = 0; k < 8; k++)
            r = (r >> 1) ^ (0xEDB88320U & (0U - (r & 1)));
        _crc_table[i] = r;
    }
    return 0;
}

uint32_t
FCSCaptureTap::frame_crc(const unsigned char *data, uint32_t len) const
{
    uint32_t crc = 0xFFFFFFFFU;
    const unsigned char *end = data + len;
    while (data < end)
        crc = _crc_table[(crc ^ *data++) & 0xFF] ^ (crc >> 8);
    return ~crc;
}

void
FCSCaptureTap::emit_copy(const Packet *p, uint32_t len, const Timestamp &ts)
{
    uint32_t caplen = len;
    uint8_t flags = 0;
    if (_snaplen && caplen > _snaplen) {
        caplen = _snaplen;
        flags |= TF_TRUNCATED;
    }
    uint32_t extra = (_trailer ? TRAILER_LEN : 0) + FCS_LEN;

    WritablePacket *q = Packet::make(Packet::default_headroom, 0, caplen + extra, 0);
    if (!q) {
        _copy_failures++;
        return;
    }
    unsigned char *d = q->data();
    const unsigned char *s = p->data();
    for (uint32_t i = 0; i < caplen; i++)
        d[i] = s[i];

    unsigned char *t = d + caplen;
    if (_trailer) {
        uint32_t sec = htonl((uint32_t) ts.sec());
        uint32_t nsec = htonl(ts.nsec());
        uint16_t olen = htons((uint16_t) len);
        memcpy(t, &sec, 4);
        memcpy(t + 4, &nsec, 4);
        t[8] = _port_id;
        t[9] = flags;
        memcpy(t + 10, &olen, 2);
        t += TRAILER_LEN;
    }

    // the FCS goes out least significant byte first
    uint32_t fcs = frame_crc(d, (uint32_t) (t - d));
    t[0] = fcs & 0xFF;
    t[1] = (fcs >> 8) & 0xFF;
    t[2] = (fcs >> 16) & 0xFF;
    t[3] = fcs >> 24;

    q->set_mac_header(d, sizeof(click_ether));
    q->set_timestamp_anno(ts);
    _copies++;
    output(1).push(q);
}

void
FCSCaptureTap::push(int, Packet *p)
{
    _frames++;
    uint32_t len = p->length();
    Timestamp ts = p->timestamp_anno();
    if (!ts)
        ts = Timestamp::recent();

    if (_has_fcs) {
        if (len < sizeof(click_ether) + FCS_LEN) {
            _runts++;
            p->kill();
            return;
        }
        const unsigned char *tail = p->data() + len - FCS_LEN;
        uint32_t want = tail[0] | (tail[1] << 8) | (tail[2] << 16) | ((uint32_t) tail[3] << 24);
        if (frame_crc(p->data(), len - FCS_LEN) != want) {
            _bad_fcs++;
            checked_output_push(2, p);
            return;
        }
        p->take(FCS_LEN);
        len -= FCS_LEN;
    } else if (len < sizeof(click_ether)) {
        _runts++;
        p->kill();
        return;
    }

    emit_copy(p, len, ts);
    output(0).push(p);
}

void
FCSCaptureTap::add_handlers()
{
    add_data_handlers("frames", Handler::f_read, &_frames);
    add_data_handlers("bad_fcs", Handler::f_read, &_bad_fcs);
    add_data_handlers("runts", Handler::f_read, &_runts);
    add_data_handlers("copies", Handler::f_read, &_copies);
    add_data_handlers("copy_failures", Handler::f_read, &_copy_failures);
    add_data_handlers("snaplen", Handler::f_read | Handler::f_write, &_snaplen);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(FCSCaptureTap)
