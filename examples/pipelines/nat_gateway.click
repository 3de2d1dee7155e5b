// nat_gateway.click -- a two-interface NAT gateway (a Mazu-NAT-like pipeline).
//
// eth0 faces the inside network (the gateway is 10.0.0.1 there), eth1 the
// outside (public address 1.2.3.4).  On each interface, ARP requests for the
// gateway's address are answered; ARP replies and non-IP frames are discarded
// (the next hops are fixed: no ARP table); IPv4 frames lose their Ethernet
// header, have their IP header checked and are painted with the interface's
// color.  FlowNAT translates: packets from the inside (its input 0) get the
// public address and a port from 1024-65535; packets from the outside (input 1)
// with a mapping get the inside host's address and port back; the rest (no
// mapping, not TCP/UDP, later fragments) leave on its output 2 and are dropped.
// Translated packets get their TTL decremented, are counted, and are framed
// again for the other interface's next hop.

// Ethernet frames carrying IPv4 in; checked IP packets (no Ethernet header) out.
elementclass IPInput {
    input -> Strip(14) -> check :: CheckIPHeader -> output;
    check[1] -> Discard;
}

// One interface.  input: frames from the device.  output 0: checked IPv4
// packets painted $color; output 1: ARP replies to send back out.
elementclass Interface { $ip, $eth, $color |
    input -> cl :: Classifier(12/0806 20/0001,      // ARP request
                              12/0806 20/0002,      // ARP reply
                              12/0800,              // IPv4
                              -);                   // anything else
    cl[0] -> ARPResponder($ip $eth) -> [1] output;
    cl[1] -> Discard;
    cl[2] -> IPInput -> Paint($color) -> [0] output;
    cl[3] -> Discard;
}

inside  :: Interface(10.0.0.1, 02:00:00:00:00:01, 1);
outside :: Interface(1.2.3.4, 02:00:00:00:01:01, 2);
nat :: FlowNAT(1.2.3.4, PORT_LO 1024, PORT_HI 65535, CAPACITY 32768, TCP_TIMEOUT 300);
to_inside :: Queue(1024) -> ToDevice(eth0);
to_outside :: Queue(1024) -> ToDevice(eth1);

FromDevice(eth0) -> inside;
FromDevice(eth1) -> outside;
inside[1] -> to_inside;
outside[1] -> to_outside;

inside[0] -> [0] nat;           // outbound: from the inside
outside[0] -> [1] nat;          // inbound: from the outside
nat[2] -> Discard;

nat[0] -> ttl_out :: DecIPTTL
       -> out_count :: Counter
       -> EtherEncap(0x0800, 02:00:00:00:01:01, 02:00:00:00:01:fe)
       -> to_outside;
nat[1] -> ttl_in :: DecIPTTL
       -> in_count :: Counter
       -> EtherEncap(0x0800, 02:00:00:00:00:01, 02:00:00:00:00:fe)
       -> to_inside;
ttl_out[1] -> Discard;          // expired (a full router would send ICMP)
ttl_in[1] -> Discard;
