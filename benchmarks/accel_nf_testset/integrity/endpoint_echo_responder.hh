// -*- c++ -*-
/*
 * endpoint_echo_responder.hh -- EndpointEchoResponder: answers ICMP echo
 * requests sent to the local tunnel endpoint addresses (keepalive and path
 * probes from remote gateways), with a reply budget per second.
 */
#ifndef ACCEL_TESTSET_ENDPOINT_ECHO_RESPONDER_HH
#define ACCEL_TESTSET_ENDPOINT_ECHO_RESPONDER_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
#include <click/vector.hh>
#include <clicknet/ip.h>
#include <clicknet/icmp.h>
CLICK_DECLS

/*
 * =c
 * EndpointEchoResponder(ADDR, [ADDR, ...], TTL, RATE, MAX_PAYLOAD)
 *
 * =s icmp
 * replies to pings for the tunnel endpoint addresses
 *
 * =d
 * Input: IPv4 packets with the network header annotation set.  An ICMP echo
 * request to one of the ADDR addresses, without IP options and not a
 * fragment, is turned into the echo reply in place and leaves on output 0:
 * addresses swapped, TTL set to TTL (default 64), type 0, ICMP checksum
 * recomputed.  At most RATE replies (default 200) leave per second and
 * payloads above MAX_PAYLOAD bytes (default 1472) are not answered; those
 * requests are dropped.  All other packets leave unchanged on output 1.
 *
 * =h stats read-only   counters
 * =h rate read/write   replies per second
 */
class EndpointEchoResponder : public Element {
  public:
    EndpointEchoResponder();

    const char *class_name() const override { return "EndpointEchoResponder"; }
    const char *port_count() const override { return "1/2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { MAX_ADDRS = 16 };

  private:
    IPAddress _addrs[MAX_ADDRS];
    int _naddrs;
    uint8_t _ttl;
    uint32_t _rate;
    uint32_t _max_payload;

    // reply budget: refilled once per jiffy window of one second
    click_jiffies_t _window_start;
    uint32_t _budget;

    uint64_t _requests;
    uint64_t _replies;
    uint64_t _limited;
    uint64_t _oversize;
    uint64_t _with_options;
    uint64_t _passed;

    bool local_address(IPAddress a) const {
        for (int i = 0; i < _naddrs; ++i)
            if (_addrs[i] == a)
                return true;
        return false;
    }
    bool take_token();

    static String read_handler(Element *e, void *thunk);
    static int write_rate(const String &s, Element *e, void *thunk, ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
