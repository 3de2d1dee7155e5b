// FILE: clara_passes/inputs/counter.cc
// DESCRIPTION: source of test/counter-*.ll: a tiny self-contained Click-style
//   element (its own click_ip and Packet). Covers: state via this-> and via a
//   global, packet via an API result, an own helper (inlined by clara-prepare),
//   a catalog API defined inline in the file (Packet::length, never inlined),
//   header-field accesses incl. a bit-field (ip_hl), a loop.
// USAGE: clang-19 -O0 -g -Xclang -disable-O0-optnone -fno-discard-value-names -S -emit-llvm counter.cc -o counter.ll
typedef unsigned char uint8_t;
typedef unsigned short uint16_t;
typedef unsigned int uint32_t;

struct click_ip {
  unsigned ip_hl : 4, ip_v : 4;
  uint8_t ip_tos;
  uint16_t ip_len;
  uint16_t ip_id;
  uint16_t ip_off;
  uint8_t ip_ttl;
  uint8_t ip_p;
  uint16_t ip_sum;
  uint32_t ip_src;
  uint32_t ip_dst;
};

class Packet {
 public:
  const click_ip *ip_header() const;          // out of line: a catalog API
  unsigned length() const { return _len; }    // inline, still a catalog API
 private:
  unsigned _len;
};

class Element {};

uint32_t total_packets;                        // global state

class Counter : public Element {
 public:
  Packet *simple_action(Packet *p);
 private:
  uint32_t bucket(uint32_t a) const { return (a ^ (a >> 7)) & 15; }  // own helper
  uint32_t _count;
  uint32_t _bytes[16];
};

Packet *Counter::simple_action(Packet *p) {
  const click_ip *ip = p->ip_header();
  uint32_t b = bucket(ip->ip_src);
  int hl = ip->ip_hl;
  for (int i = 0; i < hl; i++)
    _bytes[b] += p->length();
  _count++;
  total_packets++;
  return p;
}
