/*
 * class:    none (negative example)
 * variant:  case-insensitive comparison of an HTTP Host value against a list of blocked names
 *           (ASCII lower-casing with a range test), returning the first matching rule.
 * computes: index of the first name equal to host[0..n) ignoring ASCII case, or -1.
 */
// clara-corpus: class=none entry=host_blocked signature=custom
#include <stdint.h>
#include <stddef.h>

static uint8_t lower(uint8_t c)
{
    return (c >= 'A' && c <= 'Z') ? (uint8_t)(c + 32) : c;
}

int host_blocked(const uint8_t *host, size_t n, const char *const *names, size_t count)
{
    for (size_t r = 0; r < count; r++) {
        const char *s = names[r];
        size_t i = 0;
        while (i < n && s[i] && lower(host[i]) == lower((uint8_t)s[i]))
            i++;
        if (i == n && s[i] == 0)
            return (int)r;
    }
    return -1;
}
