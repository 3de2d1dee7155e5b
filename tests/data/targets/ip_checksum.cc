// IP header checksum verification and TTL decrement, as in Click's DecIPTTL/CheckIPHeader.
#include "nfpkt.hh"

static uint32_t g_bad, g_expired;

static uint16_t header_checksum(const uint8_t *h, unsigned len)
{
    uint32_t sum = 0;
    for (unsigned i = 0; i + 1 < len; i += 2)
        sum += nf::load_be16(h + i);
    return (uint16_t)~nf::fold16(sum);
}

extern "C" int dec_ttl(nf::Packet *p)
{
    uint8_t *h = p->writable_data() + 14;
    unsigned hlen = (h[0] & 0x0f) * 4u;
    if (hlen < 20 || hlen + 14 > p->length() || header_checksum(h, hlen) != 0) {
        g_bad++;
        return -1;
    }
    if (h[8] <= 1) {
        g_expired++;
        return -1;
    }
    h[8]--;
    uint32_t sum = nf::load_be16(h + 10) + 0x0100;
    uint16_t folded = (uint16_t)nf::fold16(sum);
    h[10] = (uint8_t)(folded >> 8);
    h[11] = (uint8_t)folded;
    return 0;
}
