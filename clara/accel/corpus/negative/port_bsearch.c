/*
 * class:    none (negative example)
 * variant:  exact-match binary search over a sorted array of service ports (a firewall's
 *           "allowed ports" set); lower-bound style loop. Not a prefix match.
 * computes: index of port in the array, or -1 if absent.
 */
// clara-corpus: class=none entry=port_set_find signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

int port_set_find(const uint16_t *sorted, size_t n, uint16_t port)
{
    size_t lo = 0, hi = n;

    while (lo < hi) {
        size_t mid = lo + ((hi - lo) >> 1);
        if (sorted[mid] < port)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (lo < n && sorted[lo] == port) ? (int)lo : -1;
}
