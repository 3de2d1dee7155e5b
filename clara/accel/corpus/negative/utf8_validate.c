/*
 * class:    none (negative example)
 * variant:  strict UTF-8 validator (rejects overlong forms, surrogates, code points above
 *           U+10FFFF and truncated sequences), as used when inspecting text protocols.
 * computes: 1 if s[0..n) is valid UTF-8, else 0.
 */
// clara-corpus: class=none entry=utf8_valid signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

int utf8_valid(const uint8_t *s, size_t n)
{
    size_t i = 0;

    while (i < n) {
        uint8_t c = s[i];
        uint32_t cp;
        size_t need, k;
        if (c < 0x80) {
            i++;
            continue;
        } else if ((c & 0xe0) == 0xc0) {
            need = 1;
            cp = c & 0x1f;
        } else if ((c & 0xf0) == 0xe0) {
            need = 2;
            cp = c & 0x0f;
        } else if ((c & 0xf8) == 0xf0) {
            need = 3;
            cp = c & 0x07;
        } else {
            return 0;
        }
        if (n - i <= need) /* truncated sequence */
            return 0;
        for (k = 1; k <= need; k++) {
            if (i + k >= n || (s[i + k] & 0xc0) != 0x80)
                return 0;
            cp = (cp << 6) | (s[i + k] & 0x3f);
        }
        if ((need == 1 && cp < 0x80) || (need == 2 && cp < 0x800) || (need == 3 && cp < 0x10000))
            return 0;
        if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return 0;
        i += need + 1;
    }
    return 1;
}
