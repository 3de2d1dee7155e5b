/* FILE: clara_passes/inputs/filter.c
 * DESCRIPTION: source of test/filter-*.ll: plain-C, XDP-style packet code.
 *   The first pointer parameter of a plain-C function is the packet (here a
 *   context whose fields hold packet addresses, read as integers and turned
 *   into pointers), a global is state, a static helper is inlined, and
 *   read_tsc() uses inline assembly (a warning record).
 * USAGE: clang-19 -O0 -g -Xclang -disable-O0-optnone -fno-discard-value-names -S -emit-llvm filter.c -o filter.ll
 */
struct ctx {
  unsigned int data, data_end;
};
struct ethhdr {
  unsigned char h_dest[6], h_source[6];
  unsigned short h_proto;
};

unsigned long drops;

static int is_ipv4(const struct ethhdr *eth) { return eth->h_proto == 0x0008; }

int filter(struct ctx *c) {
  void *data = (void *)(long)c->data;
  void *end = (void *)(long)c->data_end;
  struct ethhdr *eth = data;
  if ((char *)(eth + 1) > (char *)end)
    return 0;
  if (!is_ipv4(eth)) {
    drops++;
    return 1;
  }
  return 2;
}

unsigned long read_tsc(void) {
  unsigned int lo, hi;
  __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
  return ((unsigned long)hi << 32) | lo;
}
