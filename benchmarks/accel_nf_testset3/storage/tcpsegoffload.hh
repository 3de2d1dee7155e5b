#ifndef CLICK_TCPSEGOFFLOAD_HH
#define CLICK_TCPSEGOFFLOAD_HH
#include <click/element.hh>
CLICK_DECLS

/*
=c

TCPSegOffload([MSS, I<keywords> MAX_SEGS, FILL_CSUM])

=s tcp

emulates NIC TCP segmentation and checksum offload

=d

Takes Ethernet/IPv4/TCP super-frames as a host stack hands them to a NIC
with TSO enabled (IP total length may exceed the MTU, TCP checksum left
unfinished) and cuts them into segments of at most MSS payload bytes.  Each
segment gets a copy of the headers, its own IP length and ID, the right
sequence number and flags, and a TCP checksum computed from scratch.
Frames that already fit are only checksummed (when FILL_CSUM is true).

Segments leave on output 0.  Frames that are not IPv4/TCP, or would need
more than MAX_SEGS segments, leave on output 1 if it exists and are
dropped otherwise.

Used in front of the storage target emulator, whose vhost backend has no
segmentation offload of its own.
*/

class TCPSegOffload : public Element { public:

    TCPSegOffload();
    ~TCPSegOffload();

    const char *class_name() const	{ return "TCPSegOffload"; }
    const char *port_count() const	{ return "1/1-2"; }
    const char *processing() const	{ return PUSH; }

    int configure(Vector<String> &, ErrorHandler *);
    void add_handlers();

    void push(int, Packet *);

  private:

    uint32_t _mss;
    uint32_t _max_segs;
    bool _fill_csum;

    uint64_t _super_frames;
    uint64_t _segments_out;
    uint64_t _passthrough;
    uint64_t _rejected;

    void reject(Packet *);
    WritablePacket *make_segment(const unsigned char *hdrs, uint32_t l2, uint32_t iphl,
				 uint32_t thl, const unsigned char *payload, uint32_t seg_off,
				 uint32_t seg_len, uint32_t index, bool last);

};

CLICK_ENDDECLS
#endif
