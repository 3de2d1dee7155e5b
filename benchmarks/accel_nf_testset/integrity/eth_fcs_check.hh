// -*- c++ -*-
/*
 * eth_fcs_check.hh -- EthFcsCheck: validates the frame check sequence of
 * Ethernet frames that arrive with their FCS still attached (raw-mode
 * pseudowire ports, mirror taps), then strips it.
 */
#ifndef ACCEL_TESTSET_ETH_FCS_CHECK_HH
#define ACCEL_TESTSET_ETH_FCS_CHECK_HH
#include <click/element.hh>
#include <clicknet/ether.h>
CLICK_DECLS

/*
 * =c
 * EthFcsCheck([STRIP, MIN_FRAME, MAX_FRAME, VLAN_OK])
 *
 * =s ethernet
 * checks and strips the Ethernet FCS
 *
 * =d
 * Each input packet is a complete Ethernet frame followed by its 4-byte
 * FCS.  Frames shorter than MIN_FRAME (default 64, FCS included) are runts,
 * frames longer than MAX_FRAME (default 1522) are giants; both are
 * rejected without computing anything.  For the others the FCS is computed
 * over destination address through the end of the payload and compared
 * with the trailer.  Good frames leave on output 0, with the trailer
 * removed if STRIP is true (the default).  Bad frames leave on output 1 if
 * it exists and are dropped otherwise.  Tagged frames are rejected unless
 * VLAN_OK is true (the default).
 *
 * =h stats read-only   counters
 * =h reset write-only  zero the counters
 */
class EthFcsCheck : public Element {
  public:
    EthFcsCheck();

    const char *class_name() const override { return "EthFcsCheck"; }
    const char *port_count() const override { return PORTS_1_1X2; }
    const char *processing() const override { return PROCESSING_A_AH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    Packet *simple_action(Packet *p) override;

  private:
    bool _strip;
    bool _vlan_ok;
    uint32_t _min_frame;
    uint32_t _max_frame;

    uint64_t _frames;
    uint64_t _good;
    uint64_t _bad_fcs;
    uint64_t _runts;
    uint64_t _giants;
    uint64_t _tagged_drop;
    uint64_t _octets;

    static String read_handler(Element *e, void *thunk);
    static int reset_handler(const String &s, Element *e, void *thunk, ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
