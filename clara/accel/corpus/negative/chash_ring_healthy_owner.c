/*
 * class:    none (negative example)
 * variant:  consistent-hashing load balancer: virtual nodes {point, backend} sorted by point in
 *           an array of structs; the request key (already hashed by the caller, passed in) goes
 *           to the first point >= key, found by a pointer + count lower bound, wrapping to the
 *           first vnode past the last point. Vnodes whose backend is marked down in a bitmap
 *           are skipped clockwise, at most n steps. No hashing and no prefixes: a successor
 *           search on a circle of 32-bit points.
 * computes: ring_pick_backend returns the backend id of the first live successor of `key`,
 *           or -1 when the ring is empty or every backend on it is down.
 */
// clara-corpus: class=none entry=ring_pick_backend signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

struct ring_vnode {
    uint32_t point;    /* position on the ring */
    uint16_t backend;  /* owning server */
    uint16_t replica;  /* which of the backend's vnodes this is (informational) */
};

static inline uint32_t vnode_point(const struct ring_vnode *v)
{
    return v->point;
}

static inline int backend_is_up(const uint8_t *up_bits, uint16_t backend)
{
    return (up_bits[backend >> 3] >> (backend & 7u)) & 1;
}

static inline size_t ring_step(size_t pos, size_t n)
{
    return pos + 1 == n ? 0 : pos + 1;
}

int ring_pick_backend(const struct ring_vnode *ring, size_t n, const uint8_t *up_bits,
                      uint32_t key)
{
    const struct ring_vnode *first = ring;
    size_t count = n, pos, tried;

    if (n == 0)
        return -1;
    if (key > vnode_point(&ring[n - 1])) {
        pos = 0;                                /* past the last point: wrap */
    } else {
        while (count > 0) {
            size_t half = count / 2;
            const struct ring_vnode *probe = first + half;
            if (vnode_point(probe) < key) {
                first = probe + 1;
                count -= half + 1;
            } else {
                count = half;
            }
        }
        pos = (size_t)(first - ring);
    }

    if (backend_is_up(up_bits, ring[pos].backend))
        return ring[pos].backend;
    pos = ring_step(pos, n);
    for (tried = 1; tried < n; tried++) {
        if (backend_is_up(up_bits, ring[pos].backend))
            return ring[pos].backend;
        pos = ring_step(pos, n);
    }
    return -1;
}
