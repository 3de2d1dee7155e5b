/*
 * class:    none (negative example)
 * variant:  consistent-hashing ring: servers own points on a sorted 32-bit ring; a request's
 *           hash (computed by the caller) is mapped to the first point at or after it by a
 *           binary search, wrapping to the first point.
 * computes: the owner index of the successor point of `h` in points[0..n), n >= 1.
 */
// clara-corpus: class=none entry=ring_owner signature=custom
#include <stdint.h>
#include <stddef.h>

int ring_owner(const uint32_t *points, const int *owner, size_t n, uint32_t h)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (points[mid] < h)
            lo = mid + 1;
        else
            hi = mid;
    }
    return owner[lo == n ? 0 : lo];
}
