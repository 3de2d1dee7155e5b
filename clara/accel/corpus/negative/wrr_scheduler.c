/*
 * class:    none (negative example)
 * variant:  interleaved weighted round-robin server selection (LVS-style): current weight
 *           stepped down by the gcd of all weights, computed with Euclid's algorithm.
 * computes: index of the next server to use, -1 if all weights are zero.
 */
// clara-corpus: class=none entry=wrr_next signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

struct wrr_state {
    int last;
    int cw;
};

static int gcd_int(int a, int b)
{
    while (b) {
        int t = a % b;
        a = b;
        b = t;
    }
    return a;
}

int wrr_next(struct wrr_state *st, const int *weight, int n)
{
    int g = 0, maxw = 0, i, guard;

    for (i = 0; i < n; i++) {
        g = gcd_int(g, weight[i]);
        if (weight[i] > maxw)
            maxw = weight[i];
    }
    if (maxw == 0)
        return -1;
    for (guard = 0; guard < 4 * n * (maxw / g + 1); guard++) {
        st->last = (st->last + 1) % n;
        if (st->last == 0) {
            st->cw -= g;
            if (st->cw <= 0)
                st->cw = maxw;
        }
        if (weight[st->last] >= st->cw)
            return st->last;
    }
    return -1;
}
