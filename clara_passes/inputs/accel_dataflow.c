/* Input of the clara-features "dataflow" lit tests (features-dataflow.ll,
 * dataflow-O1.test): one small function per data-flow fact. */
#include <stddef.h>
#include <stdint.h>

extern const uint32_t crc_tab[256];

/* table CRC: the table load's index is computed from the byte loaded in the
 * same iteration (data_indexed_loads) */
uint32_t crc_table(const uint8_t *p, size_t n) {
  uint32_t crc = 0xffffffffu;
  while (n--)
    crc = crc_tab[(crc ^ *p++) & 0xff] ^ (crc >> 8);
  return ~crc;
}

/* bitwise CRC: an 8-trip inner loop, xor with the polynomial (a large
 * constant that is not a mask) */
uint32_t crc_bits(const uint8_t *p, size_t n) {
  uint32_t crc = 0xffffffffu;
  for (size_t i = 0; i < n; i++) {
    crc ^= p[i];
    for (int k = 0; k < 8; k++)
      crc = (crc >> 1) ^ (0xEDB88320u & -(crc & 1));
  }
  return ~crc;
}

/* binary trie: the next node's address is the child pointer loaded in the
 * previous iteration (chase_loads), at most 32 steps */
struct node {
  struct node *child[2];
  int nh;
};
int trie_walk(const struct node *n, uint32_t addr) {
  int best = -1;
  for (int d = 0; d < 32; d++) {
    if (n->nh >= 0)
      best = n->nh;
    n = n->child[(addr >> (31 - d)) & 1];
    if (!n)
      break;
  }
  return best;
}

/* mixing rounds: multiply by an odd constant, rotate, 3 rounds */
uint32_t mix3(const uint32_t *w, uint32_t h) {
  for (int i = 0; i < 3; i++) {
    h ^= w[i];
    h *= 0x9E3779B1u;
    h = (h << 7) | (h >> 25);
  }
  return h;
}

/* a byte sum: none of the above */
uint32_t byte_sum(const uint8_t *p, size_t n) {
  uint32_t s = 0;
  for (size_t i = 0; i < n; i++)
    s += p[i];
  return s;
}

/* a handler and a helper that clara-prepare inlines into it: the helper's
 * blocks keep the helper as their origin */
static uint32_t fold_words(const uint32_t *w, int n) {
  uint32_t s = 0;
  for (int i = 0; i < n; i++)
    s ^= w[i];
  return s;
}
uint32_t handler(const uint32_t *w) { return fold_words(w, 4) + 1; }

/* the same first-match mask scan over a rule list fixed at compile time and
 * over one filled at run time: only the first reads constant data
 * (const_loads: a filter's list, not a routing table) */
struct rule {
  uint32_t addr, mask;
};
static const struct rule fixed_rules[3] = {
    {0x0a000000u, 0xff000000u}, {0xac100000u, 0xfff00000u}, {0xc0a80000u, 0xffff0000u}};
struct rule live_rules[3];
int match_fixed(uint32_t a) {
  for (int i = 0; i < 3; i++)
    if ((a & fixed_rules[i].mask) == fixed_rules[i].addr)
      return i;
  return -1;
}
int match_live(uint32_t a) {
  for (int i = 0; i < 3; i++)
    if ((a & live_rules[i].mask) == live_rules[i].addr)
      return i;
  return -1;
}

/* straight-line helpers inlined into one another and into a handler: the
 * tokens of mix32 carry the chain mix32 <- hash_pair, those of hash_pair's own
 * code hash_pair (the block record's "inlined" runs) */
static uint32_t mix32(uint32_t x) {
  x ^= x >> 16;
  x *= 0x7feb352du;
  x ^= x >> 15;
  return x;
}
static uint32_t hash_pair(uint32_t a, uint32_t b) { return mix32(a ^ mix32(b)); }
uint32_t pick(uint32_t a, uint32_t b, uint32_t n) { return hash_pair(a, b) % n; }

/* best_updates: a longest-prefix scan keeps its best match and goes on (the
 * store of best, read after the loop; best_len is read only inside it); a
 * first-match scan leaves the loop with its match (none) */
struct route {
  uint32_t prefix, mask;
  int len, nh;
};
struct route routes[16];
int lpm_scan(uint32_t a, int n) {
  int best = -1, best_len = -1;
  for (int i = 0; i < n; i++)
    if ((a & routes[i].mask) == routes[i].prefix && routes[i].len > best_len) {
      best_len = routes[i].len;
      best = routes[i].nh;
    }
  return best;
}
int first_scan(uint32_t a, int n) {
  int hit = -1;
  for (int i = 0; i < n; i++)
    if ((a & routes[i].mask) == routes[i].prefix) {
      hit = routes[i].nh;
      break;
    }
  return hit;
}
