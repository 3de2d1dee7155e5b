/*
 * class: crc
 * variant: CRC-16/CCITT-FALSE with an incremental context API (init / update / final), an MSB-first
 *          byte table held in the context's module and built by crc16_ctx_init; the entry is a
 *          one-shot wrapper that runs the three steps.
 * computes: CRC-16/IBM-3740 (CCITT-FALSE).
 * parameters: width 16, poly 0x1021, init 0xFFFF, refin/refout false, xorout 0x0000,
 *             check("123456789") = 0x29B1.
 */
// clara-corpus: class=crc entry=crc16_ccitt_oneshot signature=struct_u16 ref=crc-16/ibm-3740 api=crc16_ctx_init,crc16_ctx_update,crc16_ctx_final helpers=crc16_ctx_init,crc16_ctx_update,crc16_ctx_final
#include <stddef.h>
#include <stdint.h>

struct crc16_ctx {
    uint16_t value;
    uint32_t nbytes;
};

static uint16_t ccitt_tbl[256];
static int ccitt_tbl_ok;

void crc16_ctx_init(struct crc16_ctx *ctx)
{
    if (!ccitt_tbl_ok) {
        for (int i = 0; i < 256; i++) {
            uint16_t v = (uint16_t)(i << 8);
            for (int b = 0; b < 8; b++)
                v = (uint16_t)((v & 0x8000) ? (v << 1) ^ 0x1021 : v << 1);
            ccitt_tbl[i] = v;
        }
        ccitt_tbl_ok = 1;
    }
    ctx->value = 0xFFFF;
    ctx->nbytes = 0;
}

void crc16_ctx_update(struct crc16_ctx *ctx, const uint8_t *data, size_t len)
{
    uint16_t v = ctx->value;
    for (size_t i = 0; i < len; i++)
        v = (uint16_t)((v << 8) ^ ccitt_tbl[(uint8_t)((v >> 8) ^ data[i])]);
    ctx->value = v;
    ctx->nbytes += (uint32_t)len;
}

uint16_t crc16_ctx_final(const struct crc16_ctx *ctx)
{
    return ctx->value;
}

uint16_t crc16_ccitt_oneshot(const uint8_t *data, size_t len)
{
    struct crc16_ctx ctx;
    crc16_ctx_init(&ctx);
    crc16_ctx_update(&ctx, data, len);
    return crc16_ctx_final(&ctx);
}
