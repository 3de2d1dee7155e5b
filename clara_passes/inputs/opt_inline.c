/* clara-features' "opt" object for inlined helpers (test/features-opt-inline.test):
 * -O2 inlines mix() at both calls but keeps big() out of line, so each
 * inlined IR copy of big() stands for the whole out-of-line body. */
unsigned table[64];

static unsigned mix(unsigned x) {
  return (x ^ 0x9e37u) * 31u;
}

unsigned big(unsigned x) {
  unsigned h = x;
  for (unsigned i = 0; i < 64; i++) {
    h = (h << 5) ^ (h >> 3) ^ table[i];
    h += table[(h ^ i) & 63] * 7u;
    h ^= table[(h >> 4) & 63] + i;
    h = (h * 2654435761u) ^ (h >> 16);
    table[i] = h ^ (h >> 7);
    h = (h << 7) ^ (h >> 2) ^ table[63 - i];
    h += table[(h ^ (i * 3)) & 63] * 11u;
    h ^= table[(h >> 6) & 63] + 2 * i;
    h = (h * 40503u) ^ (h >> 13);
    table[63 - i] ^= h + (h >> 9);
    h -= table[(h >> 11) & 63] ^ (i << 3);
    table[(i * 5) & 63] += h ^ 0x5bd1e995u;
  }
  return h;
}

unsigned handle(unsigned a, unsigned b) {
  unsigned r = mix(a) + mix(b);
  r += big(a);
  r += big(b);
  r += big(r);
  return r;
}
