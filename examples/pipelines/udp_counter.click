// udp_counter.click -- UDP traffic accounting with an ARP responder (a
// UDPCount-like pipeline).
//
// The monitor answers ARP for its own address 10.0.0.1 so that traffic can be
// steered to it; UDP/IPv4 frames are checked and counted per source address
// (packets and IP bytes) and in total, then dropped; everything else is
// dropped.

FromDevice(eth0)
    -> cl :: Classifier(12/0806 20/0001,    // ARP request
                        12/0800 23/11,      // UDP over IPv4
                        -);

cl[0] -> ARPResponder(10.0.0.1 02:00:00:00:00:01) -> Queue(64) -> ToDevice(eth0);
cl[1] -> Strip(14)
      -> check :: CheckIPHeader
      -> per_source :: FlowAggregateCounter(SRC, IP_BYTES true)
      -> total :: Counter
      -> Discard;
cl[2] -> Discard;
check[1] -> Discard;
