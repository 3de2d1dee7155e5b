/*
 * class:    none (negative example)
 * variant:  allow list of individual IPv4 host addresses kept as a sorted array: additions
 *           find their place by binary search and shift the tail up with memmove (duplicates
 *           ignored); the per-packet check is a classic inclusive-bounds binary search
 *           (signed lo/hi, hi = mid - 1 / lo = mid + 1) for the exact 32-bit address. No
 *           masks, no intervals, no lengths: set membership, not longest-prefix match.
 *           Differs from negative/port_bsearch.c (16-bit ports, caller's array, lower-bound
 *           loop) and from the range-table LPMs (search for the enclosing interval).
 * computes: allow_has(addr) returns 1 when the host-order address is on the list, else 0.
 */
// clara-corpus: class=none entry=allow_has signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define ALLOW_CAP 4096

static uint32_t allow_addr[ALLOW_CAP];
static int allow_n;

void allow_clear(void)
{
    allow_n = 0;
}

int allow_add(uint32_t addr)
{
    int lo = 0, hi = allow_n;            /* first position with allow_addr[pos] >= addr */
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (allow_addr[mid] < addr)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < allow_n && allow_addr[lo] == addr)
        return 0;
    if (allow_n == ALLOW_CAP)
        return -1;
    memmove(&allow_addr[lo + 1], &allow_addr[lo], (size_t)(allow_n - lo) * sizeof allow_addr[0]);
    allow_addr[lo] = addr;
    allow_n++;
    return 1;
}

int allow_has(uint32_t addr)
{
    int lo = 0, hi = allow_n - 1;
    while (lo <= hi) {
        int mid = (lo + hi) >> 1;
        uint32_t v = allow_addr[mid];
        if (v == addr)
            return 1;
        if (v < addr)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return 0;
}
