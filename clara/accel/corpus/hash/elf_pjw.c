/*
 * class: hash
 * variant: the ELF / PJW string hash (the symbol-table hash of the System V ABI): shift in a
 *          nibble, fold the top four bits back in when they are set.
 * computes: 32-bit ELF hash of a byte buffer.
 */
// clara-corpus: class=hash entry=elf_hash signature=buf_len_u32 ref=elf
#include <stddef.h>
#include <stdint.h>

uint32_t elf_hash(const uint8_t *name, size_t len)
{
    uint32_t h = 0, g;
    for (size_t i = 0; i < len; i++) {
        h = (h << 4) + name[i];
        g = h & 0xf0000000u;
        if (g)
            h ^= g >> 24;
        h &= ~g;
    }
    return h;
}
