/*
 * class: crc
 * variant: CRC-32 (IEEE) with a streaming state struct (init / update / final) whose update
 *          handles the table lazily and whose final applies the xor-out; table kept inside the
 *          struct's owner module, do-while over bytes. Entry is the one-shot wrapper.
 * computes: CRC-32/ISO-HDLC.
 * parameters: reflected poly 0xEDB88320, init 0xFFFFFFFF, xorout 0xFFFFFFFF, check 0xCBF43926.
 */
// clara-corpus: class=crc entry=crc32_digest signature=struct_u32 ref=crc-32/iso-hdlc api=crc32_state_init,crc32_state_update,crc32_state_final helpers=crc32_state_init,crc32_state_update,crc32_state_final,crc32_fill_table
#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint32_t reg;
    uint64_t total;
} crc32_state_t;

static uint32_t fcs_table[256];

static void crc32_fill_table(void)
{
    uint32_t i = 0;
    do {
        uint32_t r = i;
        int j = 8;
        do {
            r = (r >> 1) ^ ((r & 1) ? 0xEDB88320u : 0);
        } while (--j);
        fcs_table[i] = r;
    } while (++i < 256);
}

void crc32_state_init(crc32_state_t *st)
{
    if (fcs_table[1] == 0)
        crc32_fill_table();
    st->reg = 0xFFFFFFFFu;
    st->total = 0;
}

void crc32_state_update(crc32_state_t *st, const void *data, size_t len)
{
    const uint8_t *p = (const uint8_t *)data;
    uint32_t r = st->reg;
    if (len) {
        size_t left = len;
        do {
            r = fcs_table[(uint8_t)(r ^ *p)] ^ (r >> 8);
            p++;
        } while (--left);
    }
    st->reg = r;
    st->total += len;
}

uint32_t crc32_state_final(crc32_state_t *st)
{
    return st->reg ^ 0xFFFFFFFFu;
}

uint32_t crc32_digest(const uint8_t *data, size_t len)
{
    crc32_state_t st;
    crc32_state_init(&st);
    crc32_state_update(&st, data, len);
    return crc32_state_final(&st);
}
