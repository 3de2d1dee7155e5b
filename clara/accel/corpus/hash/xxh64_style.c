/*
 * class: hash
 * variant: xxHash64-style: four 64-bit lanes over 32-byte stripes (indexed loop), merge rounds,
 *          8-, 4- and 1-byte tail steps, avalanche; little-endian loads via memcpy (little-endian
 *          host); written from the published constants and structure.
 * computes: 64-bit XXH64 of a buffer with a 64-bit seed.
 * parameters: PRIME64_1..5 = 0x9E3779B185EBCA87, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9,
 *             0x85EBCA77C2B2AE63, 0x27D4EB2F165667C5.
 */
// clara-corpus: class=hash entry=xxh64_digest signature=buf_len_seed_u64 ref=xxh64 helpers=lane_round,merge_round
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static const uint64_t K1 = 0x9E3779B185EBCA87ULL;
static const uint64_t K2 = 0xC2B2AE3D27D4EB4FULL;
static const uint64_t K3 = 0x165667B19E3779F9ULL;
static const uint64_t K4 = 0x85EBCA77C2B2AE63ULL;
static const uint64_t K5 = 0x27D4EB2F165667C5ULL;

static uint64_t rotl64(uint64_t x, unsigned r)
{
    return (x << r) | (x >> (64 - r));
}

static uint64_t lane_round(uint64_t acc, uint64_t input)
{
    acc += input * K2;
    acc = rotl64(acc, 31);
    acc *= K1;
    return acc;
}

static uint64_t merge_round(uint64_t acc, uint64_t lane)
{
    acc ^= lane_round(0, lane);
    return acc * K1 + K4;
}

uint64_t xxh64_digest(const uint8_t *buf, size_t len, uint64_t seed)
{
    uint64_t h64, w;
    size_t off = 0;

    if (len >= 32) {
        uint64_t acc[4] = {seed + K1 + K2, seed + K2, seed, seed - K1};
        for (; off + 32 <= len; off += 32) {
            for (int l = 0; l < 4; l++) {
                memcpy(&w, buf + off + 8 * l, 8);
                acc[l] = lane_round(acc[l], w);
            }
        }
        h64 = rotl64(acc[0], 1) + rotl64(acc[1], 7) + rotl64(acc[2], 12) + rotl64(acc[3], 18);
        for (int l = 0; l < 4; l++)
            h64 = merge_round(h64, acc[l]);
    } else {
        h64 = seed + K5;
    }
    h64 += (uint64_t)len;
    for (; off + 8 <= len; off += 8) {
        memcpy(&w, buf + off, 8);
        h64 ^= lane_round(0, w);
        h64 = rotl64(h64, 27) * K1 + K4;
    }
    if (off + 4 <= len) {
        uint32_t w32;
        memcpy(&w32, buf + off, 4);
        h64 ^= (uint64_t)w32 * K1;
        h64 = rotl64(h64, 23) * K2 + K3;
        off += 4;
    }
    for (; off < len; off++) {
        h64 ^= buf[off] * K5;
        h64 = rotl64(h64, 11) * K1;
    }
    h64 ^= h64 >> 33;
    h64 *= K2;
    h64 ^= h64 >> 29;
    h64 *= K3;
    h64 ^= h64 >> 32;
    return h64;
}
