/*
 * storageflowbalancer.{cc,hh} -- RSS-compatible load balancing of storage flows
 */

#include <click/config.h>
#include "storageflowbalancer.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/packet_anno.hh>
CLICK_DECLS

static const uint8_t default_rss_key[RSS_KEY_LEN] = {
    0x6d, 0x5a, 0x56, 0xda, 0x25, 0x5b, 0x0e, 0xc2,
    0x41, 0x67, 0x25, 0x3d, 0x43, 0xa3, 0x8f, 0xb0,
    0xd0, 0xca, 0x2b, 0xcb, 0xae, 0x7b, 0x30, 0xb4,
    0x77, 0xcb, 0x2d, 0xa3, 0x80, 0x30, 0xf2, 0x0c,
    0x6a, 0x42, 0xb7, 0x3b, 0xbe, 0xac, 0x01, 0xfa
};

StorageFlowBalancer::StorageFlowBalancer()
    : _reta_size(128), _l4(true), _hashed(0), _non_ip(0), _per_output(0)
{
}

StorageFlowBalancer::~StorageFlowBalancer()
{
    delete[] _per_output;
}

int
StorageFlowBalancer::parse_key(const String &hex, uint8_t *key)
{
    if (hex.length() != 2 * RSS_KEY_LEN)
	return -1;
    for (int i = 0; i < 2 * RSS_KEY_LEN; i++) {
	char c = hex[i];
	int v;
	if (c >= '0' && c <= '9')
	    v = c - '0';
	else if (c >= 'a' && c <= 'f')
	    v = c - 'a' + 10;
	else if (c >= 'A' && c <= 'F')
	    v = c - 'A' + 10;
	else
	    return -1;
	if (i & 1)
	    key[i >> 1] |= v;
	else
	    key[i >> 1] = v << 4;
    }
    return 0;
}

int
StorageFlowBalancer::configure(Vector<String> &conf, ErrorHandler *errh)
{
    String key_hex, weights_str;
    if (Args(conf, this, errh)
	.read_p("KEY", key_hex)
	.read("RETA_SIZE", _reta_size)
	.read("WEIGHTS", weights_str)
	.read("L4", _l4)
	.complete() < 0)
	return -1;

    memset(_key, 0, sizeof(_key));
    if (!key_hex)
	memcpy(_key, default_rss_key, RSS_KEY_LEN);
    else if (parse_key(key_hex, _key) < 0)
	return errh->error("KEY must be %d hex bytes", RSS_KEY_LEN);

    if (_reta_size < 1 || _reta_size > RSS_MAX_RETA || (_reta_size & (_reta_size - 1)))
	return errh->error("RETA_SIZE must be a power of two <= %d", RSS_MAX_RETA);

    int nout = noutputs();
    Vector<String> words;
    cp_spacevec(weights_str, words);
    if (words.size() && words.size() != nout)
	return errh->error("need one weight per output");
    unsigned total = 0, w[RSS_MAX_RETA];
    for (int i = 0; i < nout && i < RSS_MAX_RETA; i++) {
	w[i] = 1;
	if (words.size() && (!cp_integer(words[i], &w[i]) || w[i] == 0 || w[i] > 1000))
	    return errh->error("bad weight %s", words[i].c_str());
	total += w[i];
    }

    // weighted round robin fill: output i gets about w[i]/total of the entries
    unsigned credit[RSS_MAX_RETA];
    memset(credit, 0, sizeof(credit));
    for (uint32_t e = 0; e < _reta_size; e++) {
	int best = 0;
	for (int i = 0; i < nout && i < RSS_MAX_RETA; i++) {
	    credit[i] += w[i];
	    if (credit[i] > credit[best])
		best = i;
	}
	credit[best] -= total;
	_reta[e] = best;
    }

    delete[] _per_output;
    _per_output = new uint64_t[nout];
    memset(_per_output, 0, sizeof(uint64_t) * nout);
    return 0;
}

void
StorageFlowBalancer::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!p->has_network_header() || iph->ip_v != 4) {
	_non_ip++;
	output(0).push(p);
	return;
    }

    // RSS input: src addr, dst addr, src port, dst port, all network order
    uint8_t tuple[12];
    int n = 8;
    memcpy(tuple, &iph->ip_src, 4);
    memcpy(tuple + 4, &iph->ip_dst, 4);
    if (_l4 && (iph->ip_p == IP_PROTO_TCP || iph->ip_p == IP_PROTO_UDP)
	&& IP_FIRSTFRAG(iph) && !(iph->ip_off & htons(IP_MF))
	&& p->transport_length() >= 4) {
	memcpy(tuple + 8, p->transport_header(), 4);
	n = 12;
    }

    uint32_t h = rss_toeplitz(_key, tuple, n);
    SET_AGGREGATE_ANNO(p, h);
    _hashed++;

    int port = _reta[h & (_reta_size - 1)];
    _per_output[port]++;
    output(port).push(p);
}

void
StorageFlowBalancer::add_handlers()
{
    add_data_handlers("hashed", Handler::f_read, &_hashed);
    add_data_handlers("non_ip", Handler::f_read, &_non_ip);
    add_data_handlers("reta_size", Handler::f_read, &_reta_size);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(StorageFlowBalancer)
