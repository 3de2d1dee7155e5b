/*
 * class:    none (negative example)
 * variant:  insertion sort of 32-bit values (e.g. a small batch of timestamps), shifting
 *           larger elements right one by one.
 * computes: sorts a[0..n) ascending in place.
 */
// clara-corpus: class=none entry=sort_u32_insertion signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

void sort_u32_insertion(uint32_t *a, size_t n)
{
    size_t i;
    for (i = 1; i < n; i++) {
        uint32_t key = a[i];
        size_t j = i;
        while (j > 0 && a[j - 1] > key) {
            a[j] = a[j - 1];
            j--;
        }
        a[j] = key;
    }
}
