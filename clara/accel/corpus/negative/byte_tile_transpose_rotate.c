/*
 * class:    none (negative example)
 * variant:  square byte tiles (4x4 or 8x8, row-major, one after another in a buffer) are
 *           transposed or rotated in place, as an image/sensor-frame pipeline or a per-queue
 *           counter matrix export does. 4x4 tiles are transposed as four 32-bit row words with
 *           two mask-and-shift exchange steps (bytes, then byte pairs); 8x8 tiles with an
 *           index swap loop; rotations are a transpose followed by reversing each row
 *           (clockwise) or the row order (counter-clockwise); 180 degrees reverses the tile.
 *           The word shuffles look like an AES ShiftRows / state transpose, but nothing is
 *           substituted, mixed or keyed.
 * computes: op 0 transpose, 1 rotate 90 degrees clockwise, 2 rotate 180, 3 rotate 90
 *           degrees counter-clockwise, on each of ntiles dim x dim tiles; returns 0, or -1
 *           for a dim other than 4 or 8 or an unknown op.
 */
// clara-corpus: class=none entry=tiles_transform signature=custom
#include <stdint.h>
#include <stddef.h>

static uint32_t row_load(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void row_store(uint8_t *p, uint32_t w)
{
    p[0] = (uint8_t)w;
    p[1] = (uint8_t)(w >> 8);
    p[2] = (uint8_t)(w >> 16);
    p[3] = (uint8_t)(w >> 24);
}

static void transpose4(uint8_t *t)
{
    uint32_t r0 = row_load(t), r1 = row_load(t + 4), r2 = row_load(t + 8),
             r3 = row_load(t + 12), x;

    /* exchange single bytes inside each 2x2 block */
    x = ((r0 >> 8) ^ r1) & 0x00ff00ffu;
    r0 ^= x << 8;
    r1 ^= x;
    x = ((r2 >> 8) ^ r3) & 0x00ff00ffu;
    r2 ^= x << 8;
    r3 ^= x;
    /* exchange the off-diagonal 2x2 blocks */
    x = ((r0 >> 16) ^ r2) & 0x0000ffffu;
    r0 ^= x << 16;
    r2 ^= x;
    x = ((r1 >> 16) ^ r3) & 0x0000ffffu;
    r1 ^= x << 16;
    r3 ^= x;
    row_store(t, r0);
    row_store(t + 4, r1);
    row_store(t + 8, r2);
    row_store(t + 12, r3);
}

static void transpose8(uint8_t *t)
{
    for (unsigned r = 0; r < 8; r++) {
        for (unsigned c = r + 1; c < 8; c++) {
            uint8_t a = t[8 * r + c];
            t[8 * r + c] = t[8 * c + r];
            t[8 * c + r] = a;
        }
    }
}

static void reverse_bytes(uint8_t *p, size_t n)
{
    for (size_t i = 0, j = n - 1; i < j; i++, j--) {
        uint8_t a = p[i];
        p[i] = p[j];
        p[j] = a;
    }
}

static void reverse_rows(uint8_t *t, unsigned dim)
{
    for (unsigned i = 0, j = dim - 1; i < j; i++, j--) {
        for (unsigned c = 0; c < dim; c++) {
            uint8_t a = t[dim * i + c];
            t[dim * i + c] = t[dim * j + c];
            t[dim * j + c] = a;
        }
    }
}

int tiles_transform(uint8_t *buf, size_t ntiles, unsigned dim, int op)
{
    size_t area = (size_t)dim * dim;

    if ((dim != 4 && dim != 8) || op < 0 || op > 3)
        return -1;
    for (size_t k = 0; k < ntiles; k++) {
        uint8_t *t = buf + k * area;
        if (op == 2) {
            reverse_bytes(t, area);
            continue;
        }
        if (dim == 4)
            transpose4(t);
        else
            transpose8(t);
        if (op == 1) {
            for (unsigned r = 0; r < dim; r++)
                reverse_bytes(t + r * dim, dim);
        } else if (op == 3) {
            reverse_rows(t, dim);
        }
    }
    return 0;
}
