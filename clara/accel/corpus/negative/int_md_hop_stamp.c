/*
 * class:    none (negative example)
 * variant:  in-band telemetry transit hop: byte-by-byte big-endian get16/get32/put16/put32/
 *           put64 helpers, used to find a telemetry shim behind Ethernet/IPv4/UDP and stamp
 *           this hop's metadata into the next free slot of a pre-allocated metadata stack
 *           (INT-MD-like). Shim: type(1)=1, reserved(1), length in 4-byte words of shim +
 *           metadata header + stack (1), next protocol(1). Metadata header (8 bytes): version
 *           (high nibble, must be 2) and flags (low nibble, 0x1 = hop limit exceeded), words
 *           per hop (must be 6), remaining hop count, hops written, 16-bit instruction
 *           bitmap, 16-bit domain. Slot (24 bytes): switch id 32, ingress port 16, egress
 *           port 16, timestamp 64, sequence 32, queue depth 32; a field whose instruction bit
 *           (0x8000 ids, 0x4000 ports, 0x2000 timestamp, 0x1000 sequence, 0x0800 queue) is
 *           clear is written as zero. UDP/IP checksums are not touched.
 * computes: the byte offset of the slot written (counters updated, ctx->seq incremented), or
 *           -1 not a telemetry packet / truncated / addressed to this switch (local_addr), -2 stack full (exceeded flag set),
 *           -3 unsupported version or hop size.
 */
// clara-corpus: class=none entry=int_stamp_hop signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define INT_SLOT_WORDS 6
#define INT_SHIM_BYTES 4
#define INT_MDH_BYTES 8

struct int_hop_ctx {
    uint32_t switch_id;
    uint16_t in_port;
    uint16_t out_port;
    uint64_t now_ns;
    uint32_t seq;
    uint32_t qdepth;
    uint16_t udp_port;
    uint16_t pad;
    uint32_t stamped;
    uint32_t local_addr;
};

static inline uint16_t get16(const uint8_t *p)
{
    return (uint16_t)((unsigned)p[0] << 8 | p[1]);
}

static inline uint32_t get32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static inline void put16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)(v >> 8);
    p[1] = (uint8_t)v;
}

static inline void put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

static inline void put64(uint8_t *p, uint64_t v)
{
    put32(p, (uint32_t)(v >> 32));
    put32(p + 4, (uint32_t)v);
}

int int_stamp_hop(uint8_t *pkt, size_t len, struct int_hop_ctx *ctx)
{
    size_t ihl, off, shim_bytes, slot_off;
    uint8_t *udp, *shim, *mdh, *slot;
    uint16_t instr;

    if (len < 14 + 20 + 8 + INT_SHIM_BYTES + INT_MDH_BYTES || get16(pkt + 12) != 0x0800)
        return -1;
    if ((pkt[14] >> 4) != 4 || pkt[14 + 9] != 17 || get32(pkt + 14 + 16) == ctx->local_addr)
        return -1;
    ihl = (size_t)(pkt[14] & 0x0f) * 4;
    if (ihl < 20 || 14 + ihl + 8 + INT_SHIM_BYTES + INT_MDH_BYTES > len)
        return -1;
    udp = pkt + 14 + ihl;
    if (get16(udp + 2) != ctx->udp_port)
        return -1;
    shim = udp + 8;
    off = (size_t)(shim - pkt);
    shim_bytes = (size_t)shim[2] * 4;
    if (shim[0] != 1 || shim_bytes < INT_SHIM_BYTES + INT_MDH_BYTES || off + shim_bytes > len)
        return -1;
    mdh = shim + INT_SHIM_BYTES;
    if ((mdh[0] >> 4) != 2 || mdh[1] != INT_SLOT_WORDS)
        return -3;
    slot_off = INT_SHIM_BYTES + INT_MDH_BYTES + (size_t)mdh[3] * INT_SLOT_WORDS * 4;
    if (mdh[2] == 0 || slot_off + INT_SLOT_WORDS * 4 > shim_bytes) {
        mdh[0] |= 0x1;
        return -2;
    }
    instr = get16(mdh + 4);
    slot = shim + slot_off;
    put32(slot, (instr & 0x8000) ? ctx->switch_id : 0);
    put16(slot + 4, (instr & 0x4000) ? ctx->in_port : 0);
    put16(slot + 6, (instr & 0x4000) ? ctx->out_port : 0);
    put64(slot + 8, (instr & 0x2000) ? ctx->now_ns : 0);
    put32(slot + 16, (instr & 0x1000) ? ctx->seq : 0);
    put32(slot + 20, (instr & 0x0800) ? ctx->qdepth : 0);
    mdh[2] = (uint8_t)(mdh[2] - 1);
    mdh[3] = (uint8_t)(mdh[3] + 1);
    ctx->seq++;
    ctx->stamped++;
    return (int)(off + slot_off);
}
