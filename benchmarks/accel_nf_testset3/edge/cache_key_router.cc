/*
 * cache_key_router.{cc,hh} -- cache key computation and rendezvous routing
 * of HTTP requests to CDN cache nodes
 */
#include <click/config.h>
#include "cache_key_router.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
CLICK_DECLS

CacheKeyRouter::CacheKeyRouter()
    : ignore_query_(true), seed_(0), requests_(0), bypassed_(0), not_http_(0)
{
}

CacheKeyRouter::~CacheKeyRouter()
{
}

int
CacheKeyRouter::configure(Vector<String> &conf, ErrorHandler *errh)
{
    if (Args(conf, this, errh)
        .read_all("NODE", nodes_)
        .read_all("BYPASS", bypass_)
        .read("IGNORE_QUERY", ignore_query_)
        .read("SEED", seed_)
        .complete() < 0)
        return -1;
    if (nodes_.empty())
        return errh->error("no cache NODE configured");

    salts_.clear();
    node_up_.clear();
    for (int i = 0; i < nodes_.size(); i++) {
        uint64_t salt = ((uint64_t) ntohl(nodes_[i].addr()) << 32) | (uint32_t) (seed_ + i);
        salts_.push_back(salt);
        node_up_.push_back(1);
    }
    for (int i = 0; i < bypass_.size(); i++)
        if (!bypass_[i].length() || bypass_[i][0] != '/')
            return errh->error("BYPASS prefix %d must start with '/'", i);
    return 0;
}

bool
CacheKeyRouter::is_bypass(const uint8_t *path, const uint8_t *path_end) const
{
    int len = (int) (path_end - path);
    for (int i = 0; i < bypass_.size(); i++) {
        const String &pre = bypass_[i];
        if (pre.length() <= len && memcmp(pre.data(), path, pre.length()) == 0)
            return true;
    }
    return false;
}

/* Finds the value of the Host header among the request headers. */
const uint8_t *
CacheKeyRouter::find_host(const uint8_t *hdrs, const uint8_t *end, const uint8_t **host_end)
{
    const uint8_t *line = hdrs;
    while (line + 5 < end && !(line[0] == '\r' && line[1] == '\n')) {
        const uint8_t *eol = line;
        while (eol + 1 < end && !(eol[0] == '\r' && eol[1] == '\n'))
            eol++;
        if (eol + 1 >= end)
            return 0;
        if ((line[0] | 0x20) == 'h' && (line[1] | 0x20) == 'o' && (line[2] | 0x20) == 's'
            && (line[3] | 0x20) == 't' && line[4] == ':') {
            const uint8_t *v = line + 5;
            while (v < eol && (*v == ' ' || *v == '\t'))
                v++;
            const uint8_t *ve = v;
            while (ve < eol && *ve != ':' && *ve != ' ')
                ve++;
            *host_end = ve;
            return v;
        }
        line = eol + 2;
    }
    return 0;
}

Packet *
CacheKeyRouter::simple_action(Packet *p)
{
    const click_ip *iph = p->ip_header();
    const uint8_t *end = p->end_data();
    if (!iph || iph->ip_p != IP_PROTO_TCP || !IP_FIRSTFRAG(iph)) {
        not_http_++;
        checked_output_push(1, p);
        return 0;
    }
    const click_tcp *th = reinterpret_cast<const click_tcp *>(
        reinterpret_cast<const uint8_t *>(iph) + (iph->ip_hl << 2));
    if (reinterpret_cast<const uint8_t *>(th) + sizeof(click_tcp) > end) {
        not_http_++;
        checked_output_push(1, p);
        return 0;
    }
    const uint8_t *req = reinterpret_cast<const uint8_t *>(th) + (th->th_off << 2);

    const uint8_t *target;
    if (req + 16 <= end && memcmp(req, "GET /", 5) == 0)
        target = req + 4;
    else if (req + 16 <= end && memcmp(req, "HEAD /", 6) == 0)
        target = req + 5;
    else {
        not_http_++;
        checked_output_push(1, p);
        return 0;
    }

    const uint8_t *target_end = target;
    while (target_end < end && *target_end != ' ')
        target_end++;
    const uint8_t *path_end = target;
    while (path_end < target_end && *path_end != '#'
           && !(ignore_query_ && *path_end == '?'))
        path_end++;
    const uint8_t *host_end = 0;
    const uint8_t *host = find_host(target_end, end, &host_end);
    if (target_end == end || !host || host == host_end) {
        not_http_++;
        checked_output_push(1, p);
        return 0;
    }
    requests_++;
    if (is_bypass(target, path_end)) {
        bypassed_++;
        checked_output_push(1, p);
        return 0;
    }

    /* cache key: FNV-1a/64 over lower-cased host, then the path */
    uint64_t key = 0xcbf29ce484222325ULL;
    for (const uint8_t *c = host; c < host_end; ++c) {
        uint8_t ch = *c;
        if (ch >= 'A' && ch <= 'Z')
            ch += 'a' - 'A';
        key ^= ch;
        key *= 0x00000100000001b3ULL;
    }
    const uint8_t *c = target;
    while (c < path_end) {
        key ^= *c++;
        key *= 0x00000100000001b3ULL;
    }

    /* rendezvous: the live node with the highest weight owns the key */
    int best = -1;
    uint64_t best_score = 0;
    for (int i = 0; i < nodes_.size(); i++) {
        if (!node_up_[i])
            continue;
        uint64_t score = (key ^ salts_[i]) * 0x9E3779B97F4A7C15ULL;
        if (best < 0 || score > best_score) {
            best = i;
            best_score = score;
        }
    }
    if (best < 0) {
        checked_output_push(1, p);
        return 0;
    }

    p->set_dst_ip_anno(nodes_[best]);
    SET_AGGREGATE_ANNO(p, (uint32_t) key);
    SET_PAINT_ANNO(p, (uint8_t) best);
    return p;
}

int
CacheKeyRouter::set_state_handler(const String &data, Element *e, void *user_data,
                                  ErrorHandler *errh)
{
    CacheKeyRouter *r = static_cast<CacheKeyRouter *>(e);
    int idx;
    if (!cp_integer(data, &idx) || idx < 0 || idx >= r->nodes_.size())
        return errh->error("bad node index");
    r->node_up_[idx] = (user_data != 0);
    return 0;
}

void
CacheKeyRouter::add_handlers()
{
    add_write_handler("down", set_state_handler, 0);
    add_write_handler("up", set_state_handler, 1);
    add_data_handlers("requests", Handler::f_read, &requests_);
    add_data_handlers("bypassed", Handler::f_read, &bypassed_);
    add_data_handlers("not_http", Handler::f_read, &not_http_);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(CacheKeyRouter)
