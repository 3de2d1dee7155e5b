// FILE: clara_passes/inputs/handlers.cc
// DESCRIPTION: source of test/Inputs/handlers.ll: a static handler reaching the
//   element through an `Element *` parameter (state, not an unknown root) and
//   a helper defined in the element's own header (inlined).
// USAGE: clang-19 -O0 -g -Xclang -disable-O0-optnone -fno-discard-value-names -S -emit-llvm handlers.cc -o handlers.ll
#include "handlers.hh"

int Meter::read_handler(Element *e, void *) {
  Meter *m = static_cast<Meter *>(e);
  return m->_n;
}

int Meter::bump(int by) {
  _n += scaled(by);
  return _n;
}
