// FILE: clara_passes/inputs/vptr.cc
// DESCRIPTION: source of test/Inputs/vptr.ll: a dynamic element. Its
//   constructor and destructor store the vtable pointer at offset 0 of
//   `this` (not NF state); simple_action calls a virtual method on `this`
//   (loads the vtable pointer, then a vtable slot); first() reads a member
//   through a cast pointer, both() reads 8 bytes spanning two members (no
//   single member: the whole object). Element's own structors are catalog
//   APIs (Element::lifetime).
// USAGE: clang-19 -O0 -g -Xclang -disable-O0-optnone -fno-discard-value-names -S -emit-llvm vptr.cc -o vptr.ll
typedef unsigned int uint32_t;

class Packet;

class Element {
 public:
  Element();
  virtual ~Element();
};

class Tagger : public Element {
 public:
  Tagger();
  ~Tagger();
  virtual uint32_t tag() const;
  Packet *simple_action(Packet *p);
  uint32_t first() const;
  unsigned long long both() const;
 private:
  uint32_t _hits;
  uint32_t _misses;
};

Tagger::Tagger() : _hits(0) {}

Tagger::~Tagger() { _misses = 0; }

uint32_t Tagger::tag() const { return _hits; }

Packet *Tagger::simple_action(Packet *p) {
  _hits += tag();
  return p;
}

uint32_t Tagger::first() const {
  return *(const uint32_t *)((const char *)this + 8);
}

unsigned long long Tagger::both() const {
  return *(const unsigned long long *)((const char *)this + 8);
}
