// FILE: clara_passes/inputs/cksum_args.cc
// DESCRIPTION: source of test/features-api-args.ll: catalog API calls whose
//   arguments clara-features identifies (api_calls' "args"): the same local
//   assigned once (same "s<N>" at both calls), a local assigned twice (unknown),
//   a constant, a cast of a local (zext/trunc around it), a function argument
//   passed on by value (its spill slot).
// USAGE: clang-19 -O0 -g -Xclang -disable-O0-optnone -fno-discard-value-names -S -emit-llvm cksum_args.cc -o cksum_args.ll
typedef unsigned short uint16_t;
typedef unsigned int uint32_t;

void click_update_in_cksum(uint16_t *csum, uint16_t old_hw, uint16_t new_hw);

void rewrite(uint16_t *ip_sum, uint16_t *l4_sum, uint32_t old_addr, uint32_t new_addr) {
  uint16_t old_hi = (uint16_t)(old_addr >> 16), new_hi = (uint16_t)(new_addr >> 16);
  uint16_t twice = (uint16_t)old_addr;
  click_update_in_cksum(ip_sum, old_hi, new_hi);   // s, s
  click_update_in_cksum(l4_sum, old_hi, new_hi);   // the same s, s
  twice = (uint16_t)new_addr;                      // a second store
  click_update_in_cksum(l4_sum, twice, 7);         // "", c7
  click_update_in_cksum(l4_sum, (uint16_t)old_addr, new_hi);  // trunc(s), s
}
