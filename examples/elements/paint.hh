#ifndef CLARA_ELEMENTS_PAINT_HH
#define CLARA_ELEMENTS_PAINT_HH
#include <click/element.hh>
CLICK_DECLS

/*
 * =c
 * Paint(COLOR)
 *
 * =s paint
 * sets the packet's paint annotation
 *
 * =d
 * Sets the paint annotation (one byte, PAINT_ANNO_OFFSET in the annotation
 * area) of every packet to COLOR, an integer 0..255, e.g. to remember the
 * interface a packet came in on for a later PaintSwitch or CheckPaint.
 * The packet data is not touched, so shared packets stay shared.
 *
 * =h color read-only      the color set
 */
class Paint : public Element {
  public:
    Paint();
    ~Paint();

    const char *class_name() const override { return "Paint"; }
    const char *port_count() const override { return PORTS_1_1; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;

    Packet *simple_action(Packet *p) override;

  private:
    uint8_t _color;

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
