/*
 * http_host_steer.cc -- HttpHostSteer: Host-header based backend selection
 * for HTTP/1.x, with a per-connection table so that later segments follow
 * the first request.
 */
#include <click/config.h>
#include "http_host_steer.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <click/glue.hh>
CLICK_DECLS

HttpHostSteer::HttpHostSteer()
    : _seed(0x5eed1234U), _max_flows(65536), _steered(0), _sticky(0),
      _no_host(0), _bad_cksum(0), _bad_hdr(0)
{
    memset(_bucket, NO_BACKEND, sizeof(_bucket));
    memset(_per_backend, 0, sizeof(_per_backend));
}

HttpHostSteer::~HttpHostSteer()
{
}

int
HttpHostSteer::configure(Vector<String> &conf, ErrorHandler *errh)
{
    if (Args(conf, this, errh)
        .read_all("BACKEND", _backends)
        .read("SEED", _seed)
        .read("MAX_FLOWS", _max_flows)
        .complete() < 0)
        return -1;
    if (_backends.empty())
        return errh->error("at least one BACKEND required");
    if (_backends.size() >= NO_BACKEND)
        return errh->error("too many backends (max %d)", NO_BACKEND - 1);
    // spread the buckets evenly; an operator can move them later
    for (int i = 0; i < NBUCKETS; ++i)
        _bucket[i] = (uint8_t) (i % _backends.size());
    return 0;
}

/* Find the Host header of an HTTP/1.x request in s[0, n).  Writes the host,
 * lower-cased and without its port, to out; returns its length, 0 if the
 * headers end without one, -1 if this is not a (complete) request head. */
int
HttpHostSteer::find_host(const uint8_t *s, unsigned n, uint8_t *out) const
{
    unsigned i = 0;
    while (i < n && s[i] >= 'A' && s[i] <= 'Z')
        i++;
    if (i < 3 || i > 7 || i >= n || s[i] != ' ')
        return -1;
    while (i < n && s[i] != '\n')
        i++;
    i++;
    while (i < n) {
        unsigned line = i;
        while (i < n && s[i] != '\n')
            i++;
        if (i >= n)
            return -1;                  // head continues in a later segment
        unsigned end = i;
        if (end > line && s[end - 1] == '\r')
            end--;
        i++;
        if (end == line)
            return 0;
        unsigned colon = line;
        while (colon < end && s[colon] != ':')
            colon++;
        if (colon - line != 4 || colon == end)
            continue;
        if ((s[line] | 0x20) != 'h' || (s[line + 1] | 0x20) != 'o'
            || (s[line + 2] | 0x20) != 's' || (s[line + 3] | 0x20) != 't')
            continue;
        unsigned v = colon + 1;
        while (v < end && (s[v] == ' ' || s[v] == '\t'))
            v++;
        while (end > v && (s[end - 1] == ' ' || s[end - 1] == '\t'))
            end--;
        bool bracket = v < end && s[v] == '[';
        int o = 0;
        for (; v < end && o < MAX_HOST; ++v) {
            uint8_t c = s[v];
            if (c == ']')
                bracket = false;
            else if (c == ':' && !bracket)
                break;
            else if (c >= 'A' && c <= 'Z')
                c |= 0x20;
            out[o++] = c;
        }
        return o;
    }
    return -1;
}

void
HttpHostSteer::push(int, Packet *p)
{
    const uint8_t *d = p->data();
    unsigned len = p->length();
    const click_ip *iph = reinterpret_cast<const click_ip *>(d);
    unsigned hl = len >= sizeof(click_ip) ? (unsigned) iph->ip_hl << 2 : 0;
    if (hl < sizeof(click_ip) || len < hl || iph->ip_v != 4) {
        _bad_hdr++;
        checked_output_push(2, p);
        return;
    }

    uint32_t acc = 0;
    for (unsigned i = 0; i < hl; i += 2)
        acc += ((uint32_t) d[i] << 8) | d[i + 1];
    while (acc >> 16)
        acc = (acc & 0xFFFF) + (acc >> 16);
    if (acc != 0xFFFF) {
        _bad_cksum++;
        checked_output_push(2, p);
        return;
    }

    unsigned iplen = ntohs(iph->ip_len);
    if (iph->ip_p != IP_PROTO_TCP || IP_ISFRAG(iph) || iplen > len
        || iplen < hl + sizeof(click_tcp)) {
        _bad_hdr++;
        checked_output_push(2, p);
        return;
    }
    const click_tcp *th = reinterpret_cast<const click_tcp *>(d + hl);
    unsigned thl = th->th_off << 2;
    if (thl < sizeof(click_tcp) || hl + thl > iplen) {
        _bad_hdr++;
        checked_output_push(2, p);
        return;
    }

    IPFlowID flow(IPAddress(iph->ip_src), th->th_sport, IPAddress(iph->ip_dst), th->th_dport);
    if (uint8_t *known = _flows.findp(flow)) {
        uint8_t b = *known;
        if (th->th_flags & (TH_FIN | TH_RST))
            _flows.erase(flow);
        _sticky++;
        _per_backend[b]++;
        p->set_dst_ip_anno(_backends[b]);
        output(0).push(p);
        return;
    }

    uint8_t host[MAX_HOST + 1];
    int n = iplen > hl + thl ? find_host(d + hl + thl, iplen - hl - thl, host) : -1;
    if (n <= 0) {
        _no_host++;
        output(1).push(p);
        return;
    }
    uint8_t b = _bucket[host_mix32(host, (unsigned) n, _seed) & (NBUCKETS - 1)];
    if (_flows.size() < _max_flows && !(th->th_flags & (TH_FIN | TH_RST)))
        _flows.insert(flow, b);
    _steered++;
    _per_backend[b]++;
    p->set_dst_ip_anno(_backends[b]);
    output(0).push(p);
}

String
HttpHostSteer::read_stats(Element *e, void *)
{
    HttpHostSteer *s = static_cast<HttpHostSteer *>(e);
    StringAccum sa;
    sa << "steered " << s->_steered << "\nsticky " << s->_sticky
       << "\nno_host " << s->_no_host << "\nbad_cksum " << s->_bad_cksum
       << "\nbad_hdr " << s->_bad_hdr << "\nflows " << (unsigned long) s->_flows.size() << '\n';
    for (int i = 0; i < s->_backends.size(); ++i)
        sa << "backend " << s->_backends[i] << ' ' << s->_per_backend[i] << '\n';
    return sa.take_string();
}

void
HttpHostSteer::add_handlers()
{
    add_read_handler("stats", read_stats, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(HttpHostSteer)
