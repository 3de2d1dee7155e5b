#ifndef CLICK_NFSRPCSTEER_HH
#define CLICK_NFSRPCSTEER_HH
#include <click/element.hh>
CLICK_DECLS

/*
=c

NFSRPCSteer([SEED, I<keywords> NFS_PORT, SMB_PORT])

=s storage

steers NFS and SMB requests to metadata shards by file handle / session

=d

Has N+1 outputs.  Requests to the NFS server port (default 2049) are parsed
(ONC RPC record mark, call header, credentials and verifier) and, for
NFSv3 procedures that start with a file handle and for NFSv4 COMPOUNDs
whose first file-handle operation is PUTFH, the file handle is hashed with
SEED to pick one of outputs 0..N-1, so that every request for one file
reaches the same cache shard.  SMB2/3 requests to SMB_PORT (default 445)
are steered by SessionId and TreeId instead.  Everything else -- replies,
NULL calls, other programs, fragments of long records -- leaves on output N.

The IP header and transport header annotations must be set, and each
segment is assumed to start with an RPC record (clients in the lab use
one record per segment for requests).
*/

class NFSRPCSteer : public Element { public:

    NFSRPCSteer();
    ~NFSRPCSteer();

    const char *class_name() const	{ return "NFSRPCSteer"; }
    const char *port_count() const	{ return "1/2-"; }
    const char *processing() const	{ return PUSH; }

    int configure(Vector<String> &, ErrorHandler *);
    void add_handlers();

    void push(int, Packet *);

  private:

    uint32_t _seed;
    uint16_t _nfs_port;
    uint16_t _smb_port;
    int _nshards;

    uint64_t _nfs_steered;
    uint64_t _smb_steered;
    uint64_t _defaulted;
    uint64_t _parse_errors;

    int steer_nfs(const unsigned char *p, const unsigned char *end);
    int steer_smb(const unsigned char *p, const unsigned char *end);

};

CLICK_ENDDECLS
#endif
