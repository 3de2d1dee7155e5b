/*
 * ecmp_path_picker.cc -- EcmpPathPicker: Ethernet/VLAN/IPv4/IPv6 parsing
 * into an array of 32-bit words, a Jenkins-style mix over them, then one
 * of MODULO, THRESHOLD (RFC 2992 regions) or TABLE (256-entry
 * indirection) chosen in configure().
 *
 * Training code for Clara's compute model (nf_corpus/balancing): a
 * realistic multipath next-hop picker written for the corpus, not an
 * evaluation NF (no CRC hashing, nothing rewritten).  Per packet: a tag
 * loop, an ether-type switch, an IPv6 extension-header walk with a switch
 * per header, the 3-word-block hash loop with a fall-through tail, a mode
 * switch (a modulo, a linear region scan, or a byte fold into a table),
 * and per-path 64-bit counters.
 */
#include <click/config.h>
#include "ecmp_path_picker.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ether.h>
#include <clicknet/ip.h>
CLICK_DECLS

EcmpPathPicker::EcmpPathPicker()
    : _up(0), _npaths(0), _nlive(0), _mode(MODE_TABLE), _seed(0x1F2E3D4CU),
      _use_label(true), _v4(0), _v6(0), _labelled(0), _other(0), _malformed(0)
{
    memset(_indir, 0, sizeof(_indir));
    memset(_slot_hits, 0, sizeof(_slot_hits));
    memset(_bound, 0, sizeof(_bound));
    memset(_bound_path, 0, sizeof(_bound_path));
    memset(_live_list, 0, sizeof(_live_list));
    memset(_weight, 0, sizeof(_weight));
    memset(_path_packets, 0, sizeof(_path_packets));
    memset(_path_bytes, 0, sizeof(_path_bytes));
}

EcmpPathPicker::~EcmpPathPicker()
{
}

int
EcmpPathPicker::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<unsigned> weights;
    String mode = "TABLE";
    if (Args(conf, this, errh)
        .read_mp("PATHS", _npaths)
        .read("MODE", mode)
        .read_all("WEIGHT", weights)
        .read("SEED", _seed)
        .read("FLOW_LABEL", _use_label)
        .complete() < 0)
        return -1;
    if (_npaths < 1 || _npaths > MAX_PATHS)
        return errh->error("PATHS must be between 1 and %d", (int) MAX_PATHS);
    if (weights.size() > _npaths)
        return errh->error("more WEIGHTs than PATHS");
    if (mode == "MODULO")
        _mode = MODE_MODULO;
    else if (mode == "THRESHOLD")
        _mode = MODE_THRESHOLD;
    else if (mode == "TABLE")
        _mode = MODE_TABLE;
    else
        return errh->error("MODE must be MODULO, THRESHOLD or TABLE");
    for (int i = 0; i < _npaths; ++i) {
        unsigned w = (i < weights.size() ? weights[i] : 1);
        if (w == 0 || w > 255)
            return errh->error("WEIGHT %d must be between 1 and 255", i);
        if (_mode == MODE_MODULO && w != 1)
            return errh->error("MODE MODULO ignores weights; use THRESHOLD or TABLE");
        _weight[i] = (uint8_t) w;
    }
    _up = (_npaths == 64 ? ~(uint64_t) 0 : (((uint64_t) 1 << _npaths) - 1));
    rebuild(false);
    return 0;
}

/* Recompute the live list, the threshold regions and (unless keep_table)
   the whole indirection table; with keep_table only entries of dead paths
   move, round robin over the live ones. */
void
EcmpPathPicker::rebuild(bool keep_table)
{
    uint64_t total = 0;
    _nlive = 0;
    for (int i = 0; i < _npaths; ++i)
        if ((_up >> i) & 1) {
            _live_list[_nlive++] = (uint8_t) i;
            total += _weight[i];
        }
    if (_nlive == 0)
        return;

    uint64_t acc = 0;
    for (int k = 0; k < _nlive; ++k) {
        acc += _weight[_live_list[k]];
        _bound_path[k] = _live_list[k];
        _bound[k] = (k == _nlive - 1 ? 0xFFFFFFFFU : (uint32_t) (((acc << 32) / total) - 1));
    }

    if (keep_table) {
        int k = 0;
        for (int s = 0; s < TABLE_SLOTS; ++s)
            if (!((_up >> _indir[s]) & 1)) {
                _indir[s] = _live_list[k];
                k = (k + 1 == _nlive ? 0 : k + 1);
            }
    } else {
        int k = 0;
        for (int s = 0; s < TABLE_SLOTS; ++s) {
            uint32_t pt = (uint32_t) (((uint64_t) (2 * s + 1) << 32) / (2 * TABLE_SLOTS));
            while (k < _nlive - 1 && pt > _bound[k])
                k++;
            _indir[s] = _bound_path[k];
        }
    }
}

uint32_t
EcmpPathPicker::hash_words(const uint32_t *w, int n) const
{
    uint32_t a, b, c;
    a = b = c = 0xDEADBEEFU + ((uint32_t) n << 2) + _seed;
    while (n > 3) {
        a += w[0];
        b += w[1];
        c += w[2];
        mix(a, b, c);
        w += 3;
        n -= 3;
    }
    switch (n) {
    case 3:
        c += w[2];
        /* fall through */
    case 2:
        b += w[1];
        /* fall through */
    case 1:
        a += w[0];
        final_mix(a, b, c);
        break;
    case 0:
        break;
    }
    return c;
}

/* IPv4 at d: words for src, dst, protocol and ports; -1 if malformed. */
int
EcmpPathPicker::ipv4_words(const uint8_t *d, uint32_t len, uint32_t *w) const
{
    if (len < sizeof(click_ip) || (d[0] >> 4) != 4)
        return -1;
    uint32_t hl = (d[0] & 0x0F) << 2;
    if (hl < sizeof(click_ip) || hl > len)
        return -1;
    uint8_t proto = d[9];
    uint16_t frag = (uint16_t) (d[6] << 8 | d[7]);
    w[0] = load32(d + 12);
    w[1] = load32(d + 16);
    w[2] = proto;
    if ((frag & (IP_MF | IP_OFFMASK)) == 0 && hl + 4 <= len
        && (proto == IP_PROTO_TCP || proto == IP_PROTO_UDP || proto == IP_PROTO_SCTP)) {
        w[3] = load32(d + hl);
        return 4;
    }
    // fragments of one datagram must stay together: no ports for any of them
    return 3;
}

/* IPv6 at d: 8 address words, then the upper protocol with ports, or the
   flow label; -1 if malformed. */
int
EcmpPathPicker::ipv6_words(const uint8_t *d, uint32_t len, uint32_t *w)
{
    if (len < 40 || (d[0] >> 4) != 6)
        return -1;
    uint32_t label = ((uint32_t) (d[1] & 0x0F) << 16) | (d[2] << 8) | d[3];
    for (int i = 0; i < 8; ++i)
        w[i] = load32(d + 8 + 4 * i);
    uint8_t nh = d[6];

    if (_use_label && label != 0) {
        _labelled++;
        w[8] = label | ((uint32_t) nh << 24);
        return 9;
    }

    uint32_t off = 40;
    bool ports = true;
    for (int n = 0; n < MAX_EXT_HDRS; ++n) {
        switch (nh) {
        case IP_PROTO_HOPOPTS:
        case IP_PROTO_ROUTING:
        case IP_PROTO_DSTOPTS:
            if (off + 8 > len)
                return -1;
            nh = d[off];
            off += ((uint32_t) d[off + 1] + 1) << 3;
            continue;
        case IP_PROTO_FRAGMENT:
            if (off + 8 > len)
                return -1;
            if (((d[off + 2] << 8 | d[off + 3]) & 0xFFF9) != 0)
                ports = false;          // a fragment (offset or more-fragments set)
            nh = d[off];
            off += 8;
            continue;
        case IP_PROTO_AH:
            if (off + 8 > len)
                return -1;
            nh = d[off];
            off += ((uint32_t) d[off + 1] + 2) << 2;
            continue;
        default:
            break;
        }
        break;
    }
    w[8] = nh;
    if (ports && off + 4 <= len
        && (nh == IP_PROTO_TCP || nh == IP_PROTO_UDP || nh == IP_PROTO_SCTP)) {
        w[9] = load32(d + off);
        return 10;
    }
    return 9;
}

int
EcmpPathPicker::select(uint32_t h)
{
    switch (_mode) {
    case MODE_MODULO:
        return _live_list[h % (uint32_t) _nlive];
    case MODE_THRESHOLD: {
        int k = 0;
        while (k < _nlive - 1 && h > _bound[k])
            k++;
        return _bound_path[k];
    }
    case MODE_TABLE:
    default: {
        uint8_t s = (uint8_t) (h ^ (h >> 8) ^ (h >> 16) ^ (h >> 24));
        _slot_hits[s]++;
        return _indir[s];
    }
    }
}

void
EcmpPathPicker::push(int, Packet *p)
{
    const uint8_t *d = p->data();
    uint32_t len = p->length();
    if (len < sizeof(click_ether) || _nlive == 0) {
        _malformed++;
        p->kill();
        return;
    }

    uint32_t off = 12;
    uint16_t et = (uint16_t) (d[12] << 8 | d[13]);
    for (int tags = 0; tags < 2 && (et == ETHERTYPE_8021Q || et == ETHERTYPE_8021AD); ++tags) {
        if (off + 8 > len)
            break;
        off += 4;
        et = (uint16_t) (d[off] << 8 | d[off + 1]);
    }
    off += 2;

    uint32_t w[MAX_WORDS];
    int n = -1;
    switch (et) {
    case ETHERTYPE_IP:
        n = ipv4_words(d + off, len - off, w);
        if (n > 0)
            _v4++;
        break;
    case ETHERTYPE_IP6:
        n = ipv6_words(d + off, len - off, w);
        if (n > 0)
            _v6++;
        break;
    default:
        break;
    }
    if (n < 0) {
        // not IP, or a header we cannot trust: spread by MAC pair instead
        if (et == ETHERTYPE_IP || et == ETHERTYPE_IP6)
            _malformed++;
        else
            _other++;
        w[0] = load32(d);
        w[1] = (uint32_t) (d[4] << 24 | d[5] << 16 | d[6] << 8 | d[7]);
        w[2] = load32(d + 8);
        w[3] = et;
        n = 4;
    }

    uint32_t h = hash_words(w, n);
    int path = select(h);
    _path_packets[path]++;
    _path_bytes[path] += len;
    SET_AGGREGATE_ANNO(p, h);
    p->set_paint_anno((uint8_t) path);
    output(path % noutputs()).push(p);
}

enum { h_paths, h_table, h_down, h_up };

String
EcmpPathPicker::read_handler(Element *e, void *thunk)
{
    EcmpPathPicker *m = static_cast<EcmpPathPicker *>(e);
    StringAccum sa;
    if ((intptr_t) thunk == h_paths) {
        for (int i = 0; i < m->_npaths; ++i)
            sa << i << ((m->_up >> i) & 1 ? " up" : " down") << " weight "
               << (int) m->_weight[i] << " packets " << m->_path_packets[i]
               << " bytes " << m->_path_bytes[i] << '\n';
        sa << "ipv4 " << m->_v4 << " ipv6 " << m->_v6 << " labelled " << m->_labelled
           << " other " << m->_other << " malformed " << m->_malformed << '\n';
    } else
        for (int s = 0; s < TABLE_SLOTS; ++s)
            sa << s << ' ' << (int) m->_indir[s] << ' ' << m->_slot_hits[s] << '\n';
    return sa.take_string();
}

int
EcmpPathPicker::write_handler(const String &s, Element *e, void *thunk, ErrorHandler *errh)
{
    EcmpPathPicker *m = static_cast<EcmpPathPicker *>(e);
    int n;
    if (!cp_integer(s.trim_space(), &n) || n < 0 || n >= m->_npaths)
        return errh->error("expected a path index below %d", m->_npaths);
    uint64_t bit = (uint64_t) 1 << n;
    if ((intptr_t) thunk == h_down) {
        if ((m->_up & ~bit) == 0)
            return errh->error("cannot take the last path down");
        m->_up &= ~bit;
        m->rebuild(true);
    } else {
        m->_up |= bit;
        m->rebuild(false);
    }
    return 0;
}

void
EcmpPathPicker::add_handlers()
{
    add_read_handler("paths", read_handler, h_paths);
    add_read_handler("table", read_handler, h_table);
    add_write_handler("down", write_handler, h_down);
    add_write_handler("up", write_handler, h_up);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(EcmpPathPicker)
