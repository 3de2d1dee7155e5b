// dns_redirector.click -- a DNS-proxy-like redirector on one interface.
//
// DNS queries (UDP to port 53) from the clients are redirected to a local
// resolver at 10.0.0.53:5353 and its answers are rewritten back, so that the
// clients see them come from the server they asked.  Everything else passes
// unchanged.  The Classifier matches byte offsets of whole Ethernet frames, so
// its port patterns assume 20-byte IP headers: 23 is the IP protocol (0x11:
// UDP), 26-29 the source address, 34-35 the source port, 36-37 the destination
// port.  After the rewrite, Unstrip(14) puts the original Ethernet header back
// (same next hop).

// Ethernet frames carrying IPv4 in; checked IP packets (no Ethernet header) out.
elementclass CheckedIP {
    input -> Strip(14) -> check :: CheckIPHeader -> output;
    check[1] -> Discard;
}

redir :: UDPPortRedirect(53, 10.0.0.53, 5353, CAPACITY 1024, TIMEOUT 30);
out :: Queue(1024) -> ToDevice(eth0);

// output 0: UDP to port 53 (queries); output 1: UDP from 10.0.0.53 port 5353
// (the resolver's answers); output 2: everything else
FromDevice(eth0)
    -> cl :: Classifier(12/0800 23/11 36/0035,
                        12/0800 23/11 26/0a000035 34/14e9,
                        -);

cl[0] -> CheckedIP -> [0] redir;
cl[1] -> CheckedIP -> [1] redir;
cl[2] -> out;

redir[0] -> queries :: Counter -> Unstrip(14) -> out;
redir[1] -> answers :: Counter -> Unstrip(14) -> out;
