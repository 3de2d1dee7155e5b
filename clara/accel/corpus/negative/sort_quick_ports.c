/*
 * class:    none (negative example)
 * variant:  recursive quicksort (median-of-three pivot, Hoare partition, insertion sort
 *           below 8 elements) over 16-bit port numbers.
 * computes: sorts ports[0..n) ascending.
 */
// clara-corpus: class=none entry=sort_ports signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

static void swap16(uint16_t *a, uint16_t *b)
{
    uint16_t t = *a;
    *a = *b;
    *b = t;
}

static void small_sort(uint16_t *v, long lo, long hi)
{
    long i, j;
    for (i = lo + 1; i <= hi; i++)
        for (j = i; j > lo && v[j - 1] > v[j]; j--)
            swap16(&v[j - 1], &v[j]);
}

static void quick(uint16_t *v, long lo, long hi)
{
    while (hi - lo >= 8) {
        long mid = lo + (hi - lo) / 2, i = lo - 1, j = hi + 1;
        uint16_t pivot;
        if (v[mid] < v[lo]) swap16(&v[mid], &v[lo]);
        if (v[hi] < v[lo]) swap16(&v[hi], &v[lo]);
        if (v[hi] < v[mid]) swap16(&v[hi], &v[mid]);
        pivot = v[mid];
        for (;;) {
            do i++; while (v[i] < pivot);
            do j--; while (v[j] > pivot);
            if (i >= j)
                break;
            swap16(&v[i], &v[j]);
        }
        /* recurse on the smaller half, loop on the larger */
        if (j - lo < hi - j) {
            quick(v, lo, j);
            lo = j + 1;
        } else {
            quick(v, j + 1, hi);
            hi = j;
        }
    }
    small_sort(v, lo, hi);
}

void sort_ports(uint16_t *ports, size_t n)
{
    if (n > 1)
        quick(ports, 0, (long)n - 1);
}
