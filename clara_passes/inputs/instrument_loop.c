// FILE: clara_passes/inputs/instrument_loop.c
// DESCRIPTION: source of test/instrument-run.test: a plain-C packet function
//   with a loop of 4 trips per packet, a global counter incremented once per
//   packet, and a branch taken on odd packets; main() calls it 10 times
//   (through a volatile pointer, so clara-prepare does not inline it) and
//   prints the counters of the clara-instrument descriptor, one line per slot.
// USAGE: clang-19 -O0 -g -Xclang -disable-O0-optnone -fno-discard-value-names -c -emit-llvm instrument_loop.c -o x.bc
//        opt-19 -load-pass-plugin libClaraPasses.so -passes=clara-prepare,clara-instrument x.bc -o y.bc && lli-19 y.bc
#include <stdio.h>

struct ctx {
  unsigned long data, data_end;
};

struct clara_profile_desc {
  unsigned long long version, nblocks, nstate, naccess;
  unsigned long long *blocks, *state, *access;
  const char *layout;
};
extern const struct clara_profile_desc __clara_profile;

unsigned long long packets; // state: one load + one store per packet
unsigned long long odd;
unsigned sum;

int nf(struct ctx *c) {
  unsigned k = (unsigned)(c->data_end - c->data);
  for (int i = 0; i < 4; i++)
    sum += k + i;
  if (k & 1)
    odd++;
  packets++;
  return 2;
}

int main(void) {
  int (*volatile entry)(struct ctx *) = nf;
  unsigned char buf[64];
  for (int n = 0; n < 10; n++) {
    struct ctx c = {(unsigned long)buf, (unsigned long)buf + 40 + n};
    entry(&c);
  }
  const struct clara_profile_desc *d = &__clara_profile;
  unsigned long long b[64], s[64];
  unsigned long long nb = d->nblocks, ns = d->nstate;
  for (unsigned long long i = 0; i < nb && i < 64; i++)
    b[i] = d->blocks[i];
  for (unsigned long long i = 0; i < ns && i < 64; i++)
    s[i] = d->state[i];
  for (unsigned long long i = 0; i < nb && i < 64; i++)
    printf("block %llu %llu\n", i, b[i]);
  for (unsigned long long i = 0; i < ns && i < 64; i++)
    printf("state %llu %llu\n", i, s[i]);
  printf("%s\n", d->layout);
  return 0;
}
