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
