/*
 * packet.cc -- host runtime: Packet's out-of-line members over a fixed pool.
 *
 * The pool (clara_rt_cfg.packet_pool descriptors, each owning one buffer of
 * clara_rt_cfg.packet_buffer bytes) is allocated once, on the first make()
 * or by clara_rt::packet_pool_init(); nothing is allocated per packet, as on
 * a NIC.  A clone is a descriptor that points at another descriptor's data
 * (Click's _data_packet) and leaves its own buffer unused until it is
 * uniqueified.  A packet that does not fit one buffer cannot be made, and
 * push/put that need more room than the buffer has fail (the packet is
 * killed and null returned, as Click does on allocation failure); both are
 * counted in clara_rt_stats.
 */
#include <click/config.h>
#include <click/packet.hh>
#include <stdlib.h>
#include <new>
#include "clara_runtime.hh"

namespace {

unsigned char *desc_base;       // pool_count descriptors of sizeof(WritablePacket)
unsigned char *buf_base;        // pool_count buffers
uint32_t pool_count;
uint32_t buf_size;
uint32_t desc_size;
uint32_t *free_list;
uint32_t free_top;

void
pool_init(uint32_t count, uint32_t bytes)
{
    if (desc_base)
        return;
    pool_count = count ? count : 1;
    buf_size = bytes < 256 ? 256 : bytes;
    desc_size = (uint32_t) ((sizeof(Click::WritablePacket) + 15) & ~(size_t) 15);
    desc_base = static_cast<unsigned char *>(aligned_alloc(16, (size_t) desc_size * pool_count));
    buf_base = static_cast<unsigned char *>(aligned_alloc(64, (size_t) buf_size * pool_count));
    free_list = static_cast<uint32_t *>(malloc(sizeof(uint32_t) * pool_count));
    if (!desc_base || !buf_base || !free_list) {
        fprintf(stderr, "clara runtime: cannot allocate the packet pool\n");
        abort();
    }
    free_top = 0;
    for (uint32_t i = pool_count; i > 0; i--)
        free_list[free_top++] = i - 1;
}

inline void
pool_ready()
{
    if (!desc_base)
        pool_init(clara_rt_cfg.packet_pool, clara_rt_cfg.packet_buffer);
}

inline uint32_t
index_of(const Click::Packet *p)
{
    return (uint32_t) ((reinterpret_cast<const unsigned char *>(p) - desc_base) / desc_size);
}

inline unsigned char *
buffer_of(uint32_t i)
{
    return buf_base + (size_t) i * buf_size;
}

}  // namespace

namespace clara_rt {

void
packet_pool_init(uint32_t count, uint32_t buffer_bytes)
{
    pool_init(count, buffer_bytes);
}

uint32_t
packets_in_use()
{
    return desc_base ? pool_count - free_top : 0;
}

}  // namespace clara_rt

CLICK_DECLS

Packet::Packet()
    : _head(0), _data(0), _tail(0), _end(0), _mac(0), _nh(0), _h(0), _next(0), _prev(0),
      _data_packet(0), _use_count(1), _packet_type(HOST), _timestamp()
{
    memset(_anno, 0, sizeof(_anno));
}

Packet::~Packet()
{
}

Packet::Packet(const Packet &x)
    : _head(x._head), _data(x._data), _tail(x._tail), _end(x._end), _mac(x._mac), _nh(x._nh),
      _h(x._h), _next(0), _prev(0), _data_packet(0), _use_count(1),
      _packet_type(x._packet_type), _timestamp(x._timestamp)
{
    memcpy(_anno, x._anno, sizeof(_anno));
}

Packet &
Packet::operator=(const Packet &x)
{
    if (this != &x) {
        _packet_type = x._packet_type;
        _timestamp = x._timestamp;
        memcpy(_anno, x._anno, sizeof(_anno));
    }
    return *this;
}

WritablePacket::WritablePacket()
{
}

WritablePacket::~WritablePacket()
{
}

WritablePacket *
Packet::make(uint32_t headroom, const void *data, uint32_t length, uint32_t tailroom)
{
    pool_ready();
    if ((uint64_t) headroom + length + tailroom > buf_size) {
        clara_rt_stats.packet_too_big++;
        return 0;
    }
    if (free_top == 0) {
        clara_rt_stats.packet_pool_empty++;
        return 0;
    }
    uint32_t i = free_list[--free_top];
    WritablePacket *p = new (desc_base + (size_t) i * desc_size) WritablePacket();
    p->_head = buffer_of(i);
    p->_end = p->_head + buf_size;
    p->_data = p->_head + headroom;
    p->_tail = p->_data + length;
    if (data)
        memcpy(p->_data, data, length);
    else
        memset(p->_data, 0, length);
    clara_rt_api_event(CLARA_API_PACKET_MAKE, 0, 0, length);
    return p;
}

WritablePacket *
Packet::make(const void *data, uint32_t length)
{
    return make(default_headroom, data, length, 0);
}

WritablePacket *
Packet::make(uint32_t length)
{
    return make(default_headroom, 0, length, 0);
}

/* Return descriptor p to the pool. */
static void
release_descriptor(Packet *p)
{
    uint32_t i = index_of(p);      // ~Packet is empty (and protected)
    free_list[free_top++] = i;
}

void
Packet::kill()
{
    clara_rt_api_event(CLARA_API_PACKET_KILL, 0, 0, length());
    if (Packet *dp = _data_packet) {
        _data_packet = 0;
        release_descriptor(this);
        if (--dp->_use_count <= 0)
            release_descriptor(dp);
    } else if (--_use_count <= 0)
        release_descriptor(this);
}

Packet *
Packet::clone(bool)
{
    pool_ready();
    if (free_top == 0) {
        clara_rt_stats.packet_pool_empty++;
        return 0;
    }
    Packet *owner = _data_packet ? _data_packet : this;
    uint32_t i = free_list[--free_top];
    WritablePacket *c = new (desc_base + (size_t) i * desc_size) WritablePacket();
    c->_head = _head;
    c->_data = _data;
    c->_tail = _tail;
    c->_end = _end;
    c->_mac = _mac;
    c->_nh = _nh;
    c->_h = _h;
    c->_packet_type = _packet_type;
    c->_timestamp = _timestamp;
    memcpy(c->_anno, _anno, sizeof(_anno));
    c->_data_packet = owner;
    owner->_use_count++;
    clara_rt_api_event(CLARA_API_PACKET_CLONE, 0, 0, length());
    return c;
}

/* Copy this packet's buffer into buffer 'to' (of descriptor q), with the data
   moved by extra_headroom, and carry the header pointers and annotations. */
static void
copy_into(const Packet *from, WritablePacket *q, unsigned char *to, int32_t extra_headroom)
{
    const unsigned char *head = from->buffer();
    uint32_t used_end = (uint32_t) (from->end_data() - head);
    memcpy(to + extra_headroom, head, used_end);
    (void) q;
}

WritablePacket *
Packet::expensive_uniqueify(int32_t extra_headroom, int32_t extra_tailroom,
                            bool free_on_failure)
{
    pool_ready();
    if (extra_headroom < 0)
        extra_headroom = 0;
    if (extra_tailroom < 0)
        extra_tailroom = 0;
    uint32_t need = (uint32_t) (_tail - _head) + (uint32_t) extra_headroom
        + (uint32_t) extra_tailroom;
    if (need > buf_size) {
        clara_rt_stats.packet_too_big++;
        if (free_on_failure)
            kill();
        return 0;
    }
    clara_rt_stats.packet_copies++;
    clara_rt_api_event(CLARA_API_PACKET_UNIQUEIFY, (uint32_t) (_tail - _head), 0, length());

    if (Packet *dp = _data_packet) {
        // a clone: copy the shared data into this descriptor's own buffer
        unsigned char *to = buffer_of(index_of(this));
        copy_into(this, static_cast<WritablePacket *>(this), to, extra_headroom);
        ptrdiff_t shift = to + extra_headroom - _head;
        _data += shift;
        _tail += shift;
        if (_mac)
            _mac += shift;
        if (_nh)
            _nh += shift;
        if (_h)
            _h += shift;
        _head = to;
        _end = to + buf_size;
        _data_packet = 0;
        _use_count = 1;
        if (--dp->_use_count <= 0)
            release_descriptor(dp);
        return static_cast<WritablePacket *>(this);
    }

    if (_use_count <= 1) {
        // not shared: move the data within the buffer to make the room
        if (extra_headroom) {
            memmove(_head + extra_headroom, _head, (size_t) (_tail - _head));
            _data += extra_headroom;
            _tail += extra_headroom;
            if (_mac)
                _mac += extra_headroom;
            if (_nh)
                _nh += extra_headroom;
            if (_h)
                _h += extra_headroom;
        }
        return static_cast<WritablePacket *>(this);
    }

    // the data owner with live clones: the copy is a new packet
    if (free_top == 0) {
        clara_rt_stats.packet_pool_empty++;
        if (free_on_failure)
            kill();
        return 0;
    }
    uint32_t i = free_list[--free_top];
    WritablePacket *q = new (desc_base + (size_t) i * desc_size) WritablePacket();
    unsigned char *to = buffer_of(i);
    copy_into(this, q, to, extra_headroom);
    ptrdiff_t shift = to + extra_headroom - _head;
    q->_head = to;
    q->_end = to + buf_size;
    q->_data = _data + shift;
    q->_tail = _tail + shift;
    q->_mac = _mac ? _mac + shift : 0;
    q->_nh = _nh ? _nh + shift : 0;
    q->_h = _h ? _h + shift : 0;
    q->_packet_type = _packet_type;
    q->_timestamp = _timestamp;
    memcpy(q->_anno, _anno, sizeof(_anno));
    if (--_use_count <= 0)
        release_descriptor(this);
    return q;
}

/* Move the data (and header pointers) of an unshared packet by delta bytes
   within its buffer; false if it does not fit. */
static bool
move_within(unsigned char *head, unsigned char *end, unsigned char *&data,
            unsigned char *&tail, unsigned char *&mac, unsigned char *&nh, unsigned char *&h,
            ptrdiff_t delta)
{
    if (data + delta < head || tail + delta > end)
        return false;
    memmove(data + delta, data, (size_t) (tail - data));
    data += delta;
    tail += delta;
    if (mac)
        mac += delta;
    if (nh)
        nh += delta;
    if (h)
        h += delta;
    return true;
}

WritablePacket *
Packet::expensive_push(uint32_t nbytes)
{
    WritablePacket *p;
    if (shared()) {
        int32_t extra = nbytes > headroom() ? (int32_t) (nbytes - headroom()) : 0;
        p = expensive_uniqueify(extra, 0, true);
        if (!p)
            return 0;
    } else
        p = static_cast<WritablePacket *>(this);
    if (p->headroom() < nbytes) {
        ptrdiff_t delta = (ptrdiff_t) (nbytes - p->headroom());
        if (!move_within(p->_head, p->_end, p->_data, p->_tail, p->_mac, p->_nh, p->_h,
                         delta)) {
            clara_rt_stats.packet_too_big++;
            p->kill();
            return 0;
        }
    }
    clara_rt_api_event(CLARA_API_PACKET_PUSH, p->length(), 0, nbytes);
    p->_data -= nbytes;
    return p;
}

WritablePacket *
Packet::expensive_put(uint32_t nbytes)
{
    WritablePacket *p;
    if (shared()) {
        p = expensive_uniqueify(0, (int32_t) nbytes, true);
        if (!p)
            return 0;
    } else
        p = static_cast<WritablePacket *>(this);
    if (p->tailroom() < nbytes) {
        ptrdiff_t delta = -(ptrdiff_t) (nbytes - p->tailroom());
        if (!move_within(p->_head, p->_end, p->_data, p->_tail, p->_mac, p->_nh, p->_h,
                         delta)) {
            clara_rt_stats.packet_too_big++;
            p->kill();
            return 0;
        }
    }
    clara_rt_api_event(CLARA_API_PACKET_PUT, p->length(), 0, nbytes);
    p->_tail += nbytes;
    return p;
}

Packet *
Packet::shift_data(int offset, bool free_on_failure)
{
    Packet *p = this;
    if (shared()) {
        p = expensive_uniqueify(0, 0, free_on_failure);
        if (!p)
            return 0;
    }
    if (!move_within(p->_head, p->_end, p->_data, p->_tail, p->_mac, p->_nh, p->_h, offset)) {
        clara_rt_stats.packet_too_big++;
        if (free_on_failure)
            p->kill();
        return 0;
    }
    clara_rt_api_event(CLARA_API_PACKET_SHIFT, p->length(), 0, (uint32_t) (offset < 0 ? -offset : offset));
    return p;
}

void
Packet::clear_annotations(bool all)
{
    memset(_anno, 0, sizeof(_anno));
    _packet_type = HOST;
    _next = _prev = 0;
    if (all) {
        _timestamp = Timestamp();
        _mac = _nh = _h = 0;
    }
}

void
Packet::copy_annotations(const Packet *p)
{
    memcpy(_anno, p->_anno, sizeof(_anno));
    _packet_type = p->_packet_type;
    _timestamp = p->_timestamp;
}

CLICK_ENDDECLS
