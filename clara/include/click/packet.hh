// -*- c++ -*-
/*
 * click/packet.hh -- Packet and WritablePacket.
 *
 * A Packet is a buffer [buffer(), end_buffer()) holding the data
 * [data(), end_data()), with headroom before and tailroom after, header
 * pointers (MAC, network, transport) set by upstream elements such as
 * Strip/CheckIPHeader/MarkIPHeader, and a 48-byte annotation area (see
 * <click/packet_anno.hh>).  A Packet may share its data with clones and is
 * read-only; uniqueify() returns a WritablePacket whose accessors return
 * non-const pointers.
 *
 * Inline (accessors, as in Click): data, end_data, buffer, end_buffer,
 * length, headroom, tailroom, buffer_length, shared, header accessors and
 * setters, annotations, and the fast paths of uniqueify, push, put, pull,
 * take.  Out of line (declared only): make, kill, clone, shift_data,
 * clear_annotations, copy_annotations, and the slow paths
 * expensive_uniqueify, expensive_push, expensive_put (reallocation).
 */
#ifndef CLICK_PACKET_HH
#define CLICK_PACKET_HH
#include <click/glue.hh>
#include <click/ipaddress.hh>
#include <click/timestamp.hh>
#include <click/packet_anno.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
#include <clicknet/udp.h>
#include <clicknet/icmp.h>
#include <clicknet/ether.h>
CLICK_DECLS

class WritablePacket;

class Packet {
  public:
    enum {
        default_headroom = 48,      /* headroom of a packet from make() */
        min_buffer_length = 64,
        anno_size = 48              /* bytes in the annotation area */
    };

    /* ---- creation and destruction (out of line) ---- */
    static WritablePacket *make(uint32_t headroom, const void *data,
                                uint32_t length, uint32_t tailroom);
    static WritablePacket *make(const void *data, uint32_t length);
    static WritablePacket *make(uint32_t length);

    /* Release this packet (and its data once no clone uses it). */
    void kill();
    /* A new packet sharing this packet's data (copy on write). */
    Packet *clone(bool fast = false);
    /* A packet whose data may be written: this one if unshared, else a copy. */
    inline WritablePacket *uniqueify();
    bool shared() const { return _data_packet != 0 || _use_count > 1; }

    /* ---- data ---- */
    const unsigned char *data() const { return _data; }
    const unsigned char *end_data() const { return _tail; }
    const unsigned char *buffer() const { return _head; }
    const unsigned char *end_buffer() const { return _end; }
    uint32_t length() const { return (uint32_t) (_tail - _data); }
    uint32_t headroom() const { return (uint32_t) (_data - _head); }
    uint32_t tailroom() const { return (uint32_t) (_end - _tail); }
    uint32_t buffer_length() const { return (uint32_t) (_end - _head); }

    /* Prepend nbytes of (uninitialized) data; may reallocate. */
    inline WritablePacket *push(uint32_t nbytes);
    inline Packet *nonunique_push(uint32_t nbytes);
    /* push(nbytes), the pushed bytes becoming the MAC header (an encapsulation's link
       header); null when push fails. */
    inline WritablePacket *push_mac_header(uint32_t nbytes);
    /* Remove nbytes from the front. */
    void pull(uint32_t nbytes) {
        if (nbytes > length())
            nbytes = length();
        _data += nbytes;
    }
    /* Append nbytes of (uninitialized) data; may reallocate. */
    inline WritablePacket *put(uint32_t nbytes);
    inline Packet *nonunique_put(uint32_t nbytes);
    /* Remove nbytes from the end. */
    void take(uint32_t nbytes) {
        if (nbytes > length())
            nbytes = length();
        _tail -= nbytes;
    }
    /* Move the data by offset bytes within (or into a new) buffer. */
    Packet *shift_data(int offset, bool free_on_failure = true);

    /* ---- headers ---- */
    bool has_mac_header() const { return _mac != 0; }
    const unsigned char *mac_header() const { return _mac; }
    int mac_header_offset() const { return (int) (_mac - _data); }
    uint32_t mac_header_length() const { return (uint32_t) (_nh - _mac); }
    int mac_length() const { return (int) (_tail - _mac); }
    void set_mac_header(const unsigned char *p) { _mac = const_cast<unsigned char *>(p); }
    void set_mac_header(const unsigned char *p, uint32_t len) {
        _mac = const_cast<unsigned char *>(p);
        _nh = _mac + len;
    }
    void clear_mac_header() { _mac = 0; }
    const click_ether *ether_header() const { return reinterpret_cast<const click_ether *>(_mac); }
    void set_ether_header(const click_ether *eh) { set_mac_header(reinterpret_cast<const unsigned char *>(eh), 14); }

    bool has_network_header() const { return _nh != 0; }
    const unsigned char *network_header() const { return _nh; }
    int network_header_offset() const { return (int) (_nh - _data); }
    uint32_t network_header_length() const { return (uint32_t) (_h - _nh); }
    int network_length() const { return (int) (_tail - _nh); }
    void set_network_header(const unsigned char *p, uint32_t len) {
        _nh = const_cast<unsigned char *>(p);
        _h = _nh + len;
    }
    void set_network_header_length(uint32_t len) { _h = _nh + len; }
    void clear_network_header() { _nh = _h = 0; }

    const click_ip *ip_header() const { return reinterpret_cast<const click_ip *>(_nh); }
    int ip_header_offset() const { return network_header_offset(); }
    uint32_t ip_header_length() const { return network_header_length(); }
    void set_ip_header(const click_ip *iph, uint32_t len) {
        set_network_header(reinterpret_cast<const unsigned char *>(iph), len);
    }

    bool has_transport_header() const { return _h != 0; }
    const unsigned char *transport_header() const { return _h; }
    int transport_header_offset() const { return (int) (_h - _data); }
    int transport_length() const { return (int) (_tail - _h); }
    void set_transport_header(const unsigned char *p) { _h = const_cast<unsigned char *>(p); }

    const click_tcp *tcp_header() const { return reinterpret_cast<const click_tcp *>(_h); }
    const click_udp *udp_header() const { return reinterpret_cast<const click_udp *>(_h); }
    const click_icmp *icmp_header() const { return reinterpret_cast<const click_icmp *>(_h); }

    /* ---- annotations ---- */
    enum PacketType {
        HOST = 0, BROADCAST = 1, MULTICAST = 2, OTHERHOST = 3,
        OUTGOING = 4, LOOPBACK = 5, FASTROUTE = 6
    };

    const Timestamp &timestamp_anno() const { return _timestamp; }
    Timestamp &timestamp_anno() { return _timestamp; }
    void set_timestamp_anno(const Timestamp &t) { _timestamp = t; }

    PacketType packet_type_anno() const { return _packet_type; }
    void set_packet_type_anno(PacketType t) { _packet_type = t; }

    Packet *next() const { return _next; }
    Packet *&next() { return _next; }
    void set_next(Packet *p) { _next = p; }
    Packet *prev() const { return _prev; }
    Packet *&prev() { return _prev; }
    void set_prev(Packet *p) { _prev = p; }

    void *anno() { return _anno; }
    const void *anno() const { return _anno; }
    unsigned char *all_anno() { return _anno; }
    const unsigned char *all_anno() const { return _anno; }

    uint8_t anno_u8(int offset) const { return _anno[offset]; }
    void set_anno_u8(int offset, uint8_t v) { _anno[offset] = v; }
    uint16_t anno_u16(int offset) const { uint16_t v; memcpy(&v, _anno + offset, 2); return v; }
    void set_anno_u16(int offset, uint16_t v) { memcpy(_anno + offset, &v, 2); }
    uint32_t anno_u32(int offset) const { uint32_t v; memcpy(&v, _anno + offset, 4); return v; }
    void set_anno_u32(int offset, uint32_t v) { memcpy(_anno + offset, &v, 4); }
    uint64_t anno_u64(int offset) const { uint64_t v; memcpy(&v, _anno + offset, 8); return v; }
    void set_anno_u64(int offset, uint64_t v) { memcpy(_anno + offset, &v, 8); }

    IPAddress dst_ip_anno() const { return IPAddress(anno_u32(DST_IP_ANNO_OFFSET)); }
    void set_dst_ip_anno(IPAddress a) { set_anno_u32(DST_IP_ANNO_OFFSET, a.addr()); }
    uint8_t paint_anno() const { return anno_u8(PAINT_ANNO_OFFSET); }
    void set_paint_anno(uint8_t color) { set_anno_u8(PAINT_ANNO_OFFSET, color); }

    /* Zero the annotation area (and, if all, the header pointers and
       timestamp). */
    void clear_annotations(bool all = true);
    /* Copy p's annotations to this packet. */
    void copy_annotations(const Packet *p);

  protected:
    Packet();
    ~Packet();
    Packet(const Packet &);
    Packet &operator=(const Packet &);

    WritablePacket *expensive_uniqueify(int32_t extra_headroom, int32_t extra_tailroom,
                                        bool free_on_failure);
    WritablePacket *expensive_push(uint32_t nbytes);
    WritablePacket *expensive_put(uint32_t nbytes);

    unsigned char *_head;       /* start of buffer */
    unsigned char *_data;       /* start of data */
    unsigned char *_tail;       /* end of data */
    unsigned char *_end;        /* end of buffer */
    unsigned char *_mac;        /* MAC header, or null */
    unsigned char *_nh;         /* network header, or null */
    unsigned char *_h;          /* transport header, or null */
    Packet *_next;
    Packet *_prev;
    Packet *_data_packet;       /* the packet whose data this clone shares */
    int _use_count;
    PacketType _packet_type;
    Timestamp _timestamp;
    unsigned char _anno[anno_size] __attribute__((aligned(8)));

    friend class WritablePacket;
};

class WritablePacket : public Packet {
  public:
    unsigned char *data() const { return _data; }
    unsigned char *end_data() const { return _tail; }
    unsigned char *buffer() const { return _head; }
    unsigned char *end_buffer() const { return _end; }
    unsigned char *mac_header() const { return _mac; }
    unsigned char *network_header() const { return _nh; }
    unsigned char *transport_header() const { return _h; }
    click_ether *ether_header() const { return reinterpret_cast<click_ether *>(_mac); }
    click_ip *ip_header() const { return reinterpret_cast<click_ip *>(_nh); }
    click_tcp *tcp_header() const { return reinterpret_cast<click_tcp *>(_h); }
    click_udp *udp_header() const { return reinterpret_cast<click_udp *>(_h); }
    click_icmp *icmp_header() const { return reinterpret_cast<click_icmp *>(_h); }

  private:
    WritablePacket();
    ~WritablePacket();
    friend class Packet;
};

inline WritablePacket *
Packet::uniqueify()
{
    if (!shared())
        return static_cast<WritablePacket *>(this);
    return expensive_uniqueify(0, 0, true);
}

inline WritablePacket *
Packet::push(uint32_t nbytes)
{
    if (headroom() >= nbytes && !shared()) {
        _data -= nbytes;
        return static_cast<WritablePacket *>(this);
    }
    return expensive_push(nbytes);
}

inline Packet *
Packet::nonunique_push(uint32_t nbytes)
{
    if (headroom() >= nbytes) {
        _data -= nbytes;
        return this;
    }
    return expensive_push(nbytes);
}

inline WritablePacket *
Packet::push_mac_header(uint32_t nbytes)
{
    WritablePacket *q = push(nbytes);
    if (q)
        q->set_mac_header(q->data(), nbytes);
    return q;
}

inline WritablePacket *
Packet::put(uint32_t nbytes)
{
    if (tailroom() >= nbytes && !shared()) {
        _tail += nbytes;
        return static_cast<WritablePacket *>(this);
    }
    return expensive_put(nbytes);
}

inline Packet *
Packet::nonunique_put(uint32_t nbytes)
{
    if (tailroom() >= nbytes) {
        _tail += nbytes;
        return this;
    }
    return expensive_put(nbytes);
}

CLICK_ENDDECLS
#endif
