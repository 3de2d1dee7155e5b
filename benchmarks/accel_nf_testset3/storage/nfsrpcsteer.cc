/*
 * nfsrpcsteer.{cc,hh} -- NFS / SMB request steering by file handle
 */

#include <click/config.h>
#include "nfsrpcsteer.hh"
#include <click/args.hh>
#include <click/error.hh>
CLICK_DECLS

namespace {

enum {
    RPC_CALL = 0, RPC_VERSION = 2, NFS_PROGRAM = 100003,
    NFS3_FHSIZE = 64, NFS4_FHSIZE = 128,
    OP_PUTFH = 22, OP_PUTROOTFH = 24, OP_SEQUENCE = 53,
    SMB2_HDR_LEN = 64, SMB2_FLAGS_ASYNC = 0x00000002
};

#define SHARD_ROTL(x, r)	(((x) << (r)) | ((x) >> (32 - (r))))

// MurmurHash3, x86 32-bit variant
uint32_t
shard_hash(const unsigned char *data, int len, uint32_t seed)
{
    const uint32_t c1 = 0xcc9e2d51;
    const uint32_t c2 = 0x1b873593;
    uint32_t h = seed;
    int nblocks = len >> 2;

    for (int i = 0; i < nblocks; i++) {
	const unsigned char *b = data + (i << 2);
	uint32_t k = b[0] | (b[1] << 8) | (b[2] << 16) | ((uint32_t) b[3] << 24);
	k *= c1;
	k = SHARD_ROTL(k, 15);
	k *= c2;
	h ^= k;
	h = SHARD_ROTL(h, 13);
	h = h * 5 + 0xe6546b64;
    }

    const unsigned char *tail = data + (nblocks << 2);
    uint32_t k = 0;
    switch (len & 3) {
      case 3:
	k ^= tail[2] << 16;
	/* fallthrough */
      case 2:
	k ^= tail[1] << 8;
	/* fallthrough */
      case 1:
	k ^= tail[0];
	k *= c1;
	k = SHARD_ROTL(k, 15);
	k *= c2;
	h ^= k;
    }

    h ^= (uint32_t) len;
    h ^= h >> 16;
    h *= 0x85ebca6b;
    h ^= h >> 13;
    h *= 0xc2b2ae35;
    h ^= h >> 16;
    return h;
}

// XDR cursor: big-endian 32-bit words, opaques padded to 4 bytes
struct XdrCursor {
    const unsigned char *p, *end;
    bool ok;
    XdrCursor(const unsigned char *b, const unsigned char *e) : p(b), end(e), ok(true) {}
    uint32_t u32() {
	if (end - p < 4) { ok = false; return 0; }
	uint32_t v = ((uint32_t) p[0] << 24) | (p[1] << 16) | (p[2] << 8) | p[3];
	p += 4;
	return v;
    }
    const unsigned char *opaque(uint32_t n, uint32_t max) {
	uint32_t padded = (n + 3) & ~3U;
	if (n > max || (uint32_t) (end - p) < padded) { ok = false; return 0; }
	const unsigned char *r = p;
	p += padded;
	return r;
    }
    void skip(uint32_t n) {
	if ((uint32_t) (end - p) < n) ok = false;
	else p += n;
    }
};

}

NFSRPCSteer::NFSRPCSteer()
    : _seed(0x5eed1e55), _nfs_port(2049), _smb_port(445), _nshards(1),
      _nfs_steered(0), _smb_steered(0), _defaulted(0), _parse_errors(0)
{
}

NFSRPCSteer::~NFSRPCSteer()
{
}

int
NFSRPCSteer::configure(Vector<String> &conf, ErrorHandler *errh)
{
    if (Args(conf, this, errh)
	.read_p("SEED", _seed)
	.read("NFS_PORT", _nfs_port)
	.read("SMB_PORT", _smb_port)
	.complete() < 0)
	return -1;
    _nshards = noutputs() - 1;
    if (_nshards < 1)
	return errh->error("need at least one shard output");
    return 0;
}

int
NFSRPCSteer::steer_nfs(const unsigned char *p, const unsigned char *end)
{
    XdrCursor x(p, end);
    uint32_t mark = x.u32();
    if (!(mark & 0x80000000U))		// not the last fragment: leave it alone
	return -1;
    x.u32();				// xid
    if (x.u32() != RPC_CALL || x.u32() != RPC_VERSION || x.u32() != NFS_PROGRAM)
	return -1;
    uint32_t vers = x.u32(), proc = x.u32();
    for (int i = 0; i < 2; i++) {	// credentials, then verifier
	x.u32();
	uint32_t blen = x.u32();
	x.opaque(blen, 400);
    }
    if (!x.ok)
	return -2;

    const unsigned char *fh = 0;
    uint32_t fhlen = 0;
    if (vers == 3 && proc >= 1 && proc <= 21) {
	fhlen = x.u32();
	fh = x.opaque(fhlen, NFS3_FHSIZE);
    } else if (vers == 4 && proc == 1) {
	x.opaque(x.u32(), 64);		// tag
	x.u32();			// minorversion
	uint32_t nops = x.u32();
	for (uint32_t i = 0; i < nops && i < 4 && x.ok && !fh; i++) {
	    uint32_t op = x.u32();
	    if (op == OP_SEQUENCE)
		x.skip(16 + 4 + 4 + 4 + 4);
	    else if (op == OP_PUTFH) {
		fhlen = x.u32();
		fh = x.opaque(fhlen, NFS4_FHSIZE);
	    } else
		break;			// PUTROOTFH and friends: no handle to hash
	}
    }
    if (!x.ok)
	return -2;
    if (!fh || fhlen == 0)
	return -1;
    return shard_hash(fh, fhlen, _seed) % _nshards;
}

int
NFSRPCSteer::steer_smb(const unsigned char *p, const unsigned char *end)
{
    // NetBIOS session service header: type 0, 24-bit length
    if (end - p < 4 + SMB2_HDR_LEN || p[0] != 0)
	return -1;
    const unsigned char *h = p + 4;
    unsigned char key[12];
    if (h[0] == 0xFD && h[1] == 'S' && h[2] == 'M' && h[3] == 'B') {
	// SMB3 transform header: only the session is visible
	memcpy(key, h + 44, 8);
	memset(key + 8, 0, 4);
    } else if (h[0] == 0xFE && h[1] == 'S' && h[2] == 'M' && h[3] == 'B') {
	uint32_t flags = h[16] | (h[17] << 8) | (h[18] << 16) | ((uint32_t) h[19] << 24);
	memcpy(key, h + 40, 8);			// SessionId
	if (flags & SMB2_FLAGS_ASYNC)
	    memset(key + 8, 0, 4);
	else
	    memcpy(key + 8, h + 36, 4);		// TreeId
    } else
	return -2;
    return shard_hash(key, sizeof(key), _seed) % _nshards;
}

void
NFSRPCSteer::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    int port = -1;
    if (p->has_transport_header() && iph->ip_p == IP_PROTO_TCP && IP_FIRSTFRAG(iph)) {
	const click_tcp *th = p->tcp_header();
	const unsigned char *payload = p->transport_header() + (th->th_off << 2);
	const unsigned char *end = reinterpret_cast<const unsigned char *>(iph) + ntohs(iph->ip_len);
	if (end > p->end_data())
	    end = p->end_data();
	if (payload < end) {
	    if (th->th_dport == htons(_nfs_port)) {
		port = steer_nfs(payload, end);
		if (port >= 0)
		    _nfs_steered++;
	    } else if (th->th_dport == htons(_smb_port)) {
		port = steer_smb(payload, end);
		if (port >= 0)
		    _smb_steered++;
	    }
	}
    }
    if (port == -2)
	_parse_errors++;
    if (port < 0) {
	_defaulted++;
	port = _nshards;
    }
    output(port).push(p);
}

void
NFSRPCSteer::add_handlers()
{
    add_data_handlers("nfs_steered", Handler::f_read, &_nfs_steered);
    add_data_handlers("smb_steered", Handler::f_read, &_smb_steered);
    add_data_handlers("defaulted", Handler::f_read, &_defaulted);
    add_data_handlers("parse_errors", Handler::f_read, &_parse_errors);
    add_data_handlers("seed", Handler::f_read | Handler::f_write, &_seed);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(NFSRPCSteer)
