// FILE: clara_passes/inputs/handlers.hh
// DESCRIPTION: the element's own header (beside handlers.cc): its inline
//   helper is NF code, so clara-prepare inlines it.
// USAGE: included by handlers.cc
class Element {
 public:
  virtual ~Element();
};

class Meter : public Element {
 public:
  static int read_handler(Element *e, void *thunk);
  virtual int bump(int by);  // key function: full debug info for Meter here
 private:
  // Inlined into bump(): in bump's line_counts its instructions count on the
  // call's line in handlers.cc, in `lines` on this line of the header.
  int scaled(int v) const { return v * _scale; }  // own helper in the .hh
  int _scale;
  int _n;
};
