/*
 * sctp_crc_guard.cc -- SctpCrcGuard: SCTP (RFC 4960) checksum verification
 * and rewriting.  The per-byte-position tables are built once in
 * configure(); the packet path runs four table lookups per 32-bit word.
 */
#include <click/config.h>
#include "sctp_crc_guard.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <click/glue.hh>
CLICK_DECLS

SctpCrcGuard::SctpCrcGuard()
    : _fix(false), _vtag_rule(true), _max_len(65535),
      _sctp(0), _passed(0), _fixed(0), _bad_sum(0), _bad_hdr(0), _bad_vtag(0), _other(0)
{
    memset(_chunk_seen, 0, sizeof(_chunk_seen));
    memset(_lut, 0, sizeof(_lut));
}

SctpCrcGuard::~SctpCrcGuard()
{
}

int
SctpCrcGuard::configure(Vector<String> &conf, ErrorHandler *errh)
{
    if (Args(conf, this, errh)
        .read_p("FIX", _fix)
        .read("ZERO_VTAG_INIT_ONLY", _vtag_rule)
        .read("MAX_LEN", _max_len)
        .complete() < 0)
        return -1;
    if (_max_len < SCTP_COMMON_LEN)
        return errh->error("MAX_LEN must be at least %d", (int) SCTP_COMMON_LEN);
    build_tables();
    return 0;
}

void
SctpCrcGuard::build_tables()
{
    // Castagnoli polynomial 0x1EDC6F41, bit-reversed form.
    const uint32_t poly = 0x82F63B78U;
    for (uint32_t i = 0; i < 256; ++i) {
        uint32_t r = i;
        for (int k = 0; k < 8; ++k)
            r = (r & 1) ? (r >> 1) ^ poly : (r >> 1);
        _lut[0][i] = r;
    }
    for (uint32_t i = 0; i < 256; ++i) {
        _lut[1][i] = (_lut[0][i] >> 8) ^ _lut[0][_lut[0][i] & 0xFF];
        _lut[2][i] = (_lut[1][i] >> 8) ^ _lut[0][_lut[1][i] & 0xFF];
        _lut[3][i] = (_lut[2][i] >> 8) ^ _lut[0][_lut[2][i] & 0xFF];
    }
}

uint32_t
SctpCrcGuard::crc32c_update(uint32_t crc, const unsigned char *p, uint32_t n) const
{
    while (n >= 4) {
        uint32_t w = (uint32_t) p[0] | ((uint32_t) p[1] << 8)
            | ((uint32_t) p[2] << 16) | ((uint32_t) p[3] << 24);
        crc ^= w;
        crc = _lut[3][crc & 0xFF] ^ _lut[2][(crc >> 8) & 0xFF]
            ^ _lut[1][(crc >> 16) & 0xFF] ^ _lut[0][crc >> 24];
        p += 4;
        n -= 4;
    }
    while (n--) {
        crc = _lut[0][(crc ^ *p++) & 0xFF] ^ (crc >> 8);
    }
    return crc;
}

uint32_t
SctpCrcGuard::packet_digest(const unsigned char *sctp, uint32_t len) const
{
    static const unsigned char zeros[4] = {0, 0, 0, 0};
    uint32_t c = 0xFFFFFFFFU;
    c = crc32c_update(c, sctp, 8);              // ports + verification tag
    c = crc32c_update(c, zeros, 4);             // checksum field counts as zero
    c = crc32c_update(c, sctp + SCTP_COMMON_LEN, len - SCTP_COMMON_LEN);
    return ~c;
}

void
SctpCrcGuard::reject(Packet *p, uint64_t &counter)
{
    counter++;
    checked_output_push(1, p);
}

void
SctpCrcGuard::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!iph || iph->ip_p != IP_PROTO_SCTP || IP_ISFRAG(iph)) {
        _other++;
        output(0).push(p);
        return;
    }
    _sctp++;

    int tlen = p->transport_length();
    uint32_t ip_total = ntohs(iph->ip_len);
    uint32_t hl = iph->ip_hl << 2;
    if (tlen < SCTP_COMMON_LEN || ip_total < hl + SCTP_COMMON_LEN
        || (uint32_t) tlen > _max_len) {
        reject(p, _bad_hdr);
        return;
    }
    // trust the IP length over the buffer (Ethernet padding may follow)
    uint32_t slen = ip_total - hl;
    if (slen > (uint32_t) tlen) {
        reject(p, _bad_hdr);
        return;
    }

    const unsigned char *s = p->transport_header();
    uint32_t vtag = ((uint32_t) s[4] << 24) | ((uint32_t) s[5] << 16)
        | ((uint32_t) s[6] << 8) | s[7];
    uint8_t first_chunk = slen > SCTP_COMMON_LEN ? s[SCTP_COMMON_LEN] : 0xFF;

    // walk the chunk headers only to count their types
    uint32_t off = SCTP_COMMON_LEN;
    int nchunks = 0;
    while (off + 4 <= slen && nchunks < 64) {
        uint8_t type = s[off];
        uint16_t clen = ((uint16_t) s[off + 2] << 8) | s[off + 3];
        _chunk_seen[type < NCHUNK_TYPES ? type : NCHUNK_TYPES]++;
        if (clen < 4)
            break;
        off += (clen + 3) & ~3U;
        nchunks++;
    }

    if (_vtag_rule && vtag == 0 && first_chunk != CHUNK_INIT) {
        reject(p, _bad_vtag);
        return;
    }

    uint32_t want = packet_digest(s, slen);
    // the field carries the CRC least-significant byte first
    uint32_t have = (uint32_t) s[8] | ((uint32_t) s[9] << 8)
        | ((uint32_t) s[10] << 16) | ((uint32_t) s[11] << 24);

    if (_fix) {
        if (have != want) {
            WritablePacket *q = p->uniqueify();
            if (!q)
                return;
            unsigned char *w = q->transport_header();
            w[8] = want & 0xFF;
            w[9] = (want >> 8) & 0xFF;
            w[10] = (want >> 16) & 0xFF;
            w[11] = want >> 24;
            _fixed++;
            p = q;
        }
    } else if (have != want) {
        reject(p, _bad_sum);
        return;
    }
    _passed++;
    output(0).push(p);
}

String
SctpCrcGuard::read_handler(Element *e, void *)
{
    SctpCrcGuard *g = static_cast<SctpCrcGuard *>(e);
    StringAccum sa;
    sa << "sctp " << g->_sctp << "\npassed " << g->_passed << "\nfixed " << g->_fixed
       << "\nbad_checksum " << g->_bad_sum << "\nbad_header " << g->_bad_hdr
       << "\nbad_vtag " << g->_bad_vtag << "\nnot_sctp " << g->_other << '\n';
    for (int t = 0; t <= NCHUNK_TYPES; ++t)
        if (g->_chunk_seen[t])
            sa << "chunk_" << t << ' ' << g->_chunk_seen[t] << '\n';
    return sa.take_string();
}

void
SctpCrcGuard::add_handlers()
{
    add_read_handler("stats", read_handler, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(SctpCrcGuard)
