/*
 * ring_steer.cc -- RingSteer: stateless connection-ID steering over a
 * ring of server-owned positions.
 */
#include <click/config.h>
#include "ring_steer.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <clicknet/udp.h>
CLICK_DECLS

RingSteer::RingSteer()
    : _npoints(0), _nservers(0), _port(htons(443)), _cidlen(8),
      _by_cid(0), _by_anno(0), _skipped(0), _nowhere(0)
{
    memset(_down, 0, sizeof(_down));
    memset(_hits, 0, sizeof(_hits));
}

RingSteer::~RingSteer()
{
}

int
RingSteer::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> points;
    unsigned port = 443;
    if (Args(conf, this, errh)
        .read_all("POINT", points)
        .read("PORT", port)
        .read("CIDLEN", _cidlen)
        .complete() < 0)
        return -1;
    if (points.size() == 0 || points.size() > MAX_POINTS)
        return errh->error("need 1 to %d POINTs", (int) MAX_POINTS);
    if (_cidlen < 4 || _cidlen > 20)
        return errh->error("CIDLEN must be 4..20");
    _port = htons((uint16_t) port);
    _nservers = 0;
    for (int i = 0; i < points.size(); ++i) {
        Vector<String> w;
        cp_spacevec(points[i], w);
        unsigned pos, server;
        if (w.size() != 2 || !cp_integer(w[0], &pos) || !cp_integer(w[1], &server)
            || server >= MAX_SERVERS)
            return errh->error("POINT %d: expected \"POSITION SERVER\"", i + 1);
        // insertion keeps the ring sorted
        int j = i;
        while (j > 0 && _pos[j - 1] > pos) {
            _pos[j] = _pos[j - 1];
            _owner[j] = _owner[j - 1];
            --j;
        }
        if (j > 0 && _pos[j - 1] == pos)
            return errh->error("POINT %d: position %u used twice", i + 1, pos);
        _pos[j] = pos;
        _owner[j] = (uint8_t) server;
        if ((int) server >= _nservers)
            _nservers = server + 1;
    }
    _npoints = points.size();
    return 0;
}

/* Index of the first point at or after pos, wrapping to 0. */
int
RingSteer::successor(uint32_t pos) const
{
    int lo = 0, hi = _npoints;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (_pos[mid] < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo == _npoints ? 0 : lo;
}

bool
RingSteer::position_from_cid(const Packet *p, uint32_t &pos) const
{
    const click_ip *iph = p->ip_header();
    if (iph->ip_p != IP_PROTO_UDP || !IP_FIRSTFRAG(iph)
        || p->transport_length() < (int) sizeof(click_udp) + 1)
        return false;
    const click_udp *uh = p->udp_header();
    if (uh->uh_dport != _port)
        return false;
    const uint8_t *q = p->transport_header() + sizeof(click_udp);
    int avail = p->transport_length() - (int) sizeof(click_udp);
    int off;
    if (q[0] & 0x80) {              // long header: flags, version, len, cid
        if (avail < 6 || q[5] < 4)
            return false;
        off = 6;
    } else
        off = 1;
    if (avail < off + (int) _cidlen)
        return false;
    pos = ((uint32_t) q[off] << 24) | ((uint32_t) q[off + 1] << 16)
        | ((uint32_t) q[off + 2] << 8) | q[off + 3];
    return true;
}

void
RingSteer::push(int, Packet *p)
{
    uint32_t pos;
    if (p->has_network_header() && position_from_cid(p, pos))
        _by_cid++;
    else {
        pos = p->anno_u32(AGGREGATE_ANNO_OFFSET);
        _by_anno++;
    }

    int i = successor(pos);
    int walked = 0;
    while (_down[_owner[i]] && walked < _npoints) {
        i = (i + 1 == _npoints) ? 0 : i + 1;
        ++walked;
        _skipped++;
    }
    if (walked == _npoints) {
        _nowhere++;
        checked_output_push(_nservers, p);
        return;
    }
    int s = _owner[i];
    _hits[s]++;
    checked_output_push(s, p);
}

String
RingSteer::read_ring(Element *e, void *)
{
    RingSteer *r = static_cast<RingSteer *>(e);
    StringAccum sa;
    for (int i = 0; i < r->_npoints; ++i)
        sa << r->_pos[i] << ' ' << (int) r->_owner[i]
           << (r->_down[r->_owner[i]] ? " down\n" : "\n");
    for (int s = 0; s < r->_nservers; ++s)
        sa << "server " << s << " hits " << r->_hits[s] << '\n';
    sa << "by_cid " << r->_by_cid << "\nby_anno " << r->_by_anno << "\nskipped "
       << r->_skipped << "\nnowhere " << r->_nowhere << '\n';
    return sa.take_string();
}

int
RingSteer::write_state(const String &s, Element *e, void *thunk, ErrorHandler *errh)
{
    RingSteer *r = static_cast<RingSteer *>(e);
    int server;
    if (!cp_integer(s, &server) || server < 0 || server >= r->_nservers)
        return errh->error("expected a server number");
    r->_down[server] = thunk != 0;
    return 0;
}

void
RingSteer::add_handlers()
{
    add_read_handler("ring", read_ring, 0);
    add_write_handler("down", write_state, 1);
    add_write_handler("up", write_state, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(RingSteer)
