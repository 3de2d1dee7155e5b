/* clara-features' "opt" object (test/features-opt.test): what LLVM -O2 keeps of
 * each line. Line numbers matter: the test checks them. */
unsigned state;

void handle(unsigned x, unsigned y) {
  if (y > 1) {
    unsigned dead = x * 7 + 3;
    (void)dead;
  }
  unsigned a = 6;
  unsigned b = a * 7;
  if (y > 2) {
    state += x ^ b;
  }
}
