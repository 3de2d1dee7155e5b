/*
 * ptptimestamper.{cc,hh} -- transparent-clock correctionField update
 */

#include <click/config.h>
#include "ptptimestamper.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

#define ETHERTYPE_PTP       0x88F7
#define PTP_EVENT_PORT      319
#define PTP_GENERAL_PORT    320
#define PTP_SYNC            0x0
#define PTP_FOLLOW_UP       0x8
#define PTP_TWO_STEP        0x02    // flagField, first octet

static inline int64_t
get_be64(const unsigned char *p)
{
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v = (v << 8) | p[i];
    return (int64_t) v;
}

static inline void
put_be64(unsigned char *p, int64_t x)
{
    uint64_t v = (uint64_t) x;
    for (int i = 7; i >= 0; i--) {
        p[i] = (unsigned char) v;
        v >>= 8;
    }
}

PTPTimestamper::PTPTimestamper()
    : _asymmetry(0), _udp(true), _pending_next(0), _corrected(0), _followups(0),
      _orphan_followups(0), _no_timestamp(0), _non_ptp(0)
{
    memset(_pending, 0, sizeof(_pending));
    memset(_hist, 0, sizeof(_hist));
}

int
PTPTimestamper::configure(Vector<String> &conf, ErrorHandler *errh)
{
    long long asym = 0;
    if (Args(conf, this, errh)
        .read("ASYMMETRY", asym)
        .read("UDP", _udp)
        .complete() < 0)
        return -1;
    if (asym > 1000000000LL || asym < -1000000000LL)
        return errh->error("ASYMMETRY beyond one second");
    _asymmetry = asym;
    return 0;
}

// Locate the PTP header; null if the frame is not PTP.
unsigned char *
PTPTimestamper::find_ptp(WritablePacket *q, click_udp **udp)
{
    unsigned char *d = q->data();
    uint32_t len = q->length();
    *udp = 0;
    if (len < sizeof(click_ether))
        return 0;
    uint32_t off = 12;
    uint16_t type = (d[off] << 8) | d[off + 1];
    if (type == ETHERTYPE_8021Q && len >= 18) {
        off += 4;
        type = (d[off] << 8) | d[off + 1];
    }
    off += 2;
    if (type == ETHERTYPE_PTP)
        return len >= off + PTP_HDR_LEN ? d + off : 0;
    if (type != ETHERTYPE_IP || !_udp || len < off + sizeof(click_ip))
        return 0;

    click_ip *ip = reinterpret_cast<click_ip *>(d + off);
    uint32_t hl = ip->ip_hl << 2;
    if (ip->ip_v != 4 || ip->ip_p != IP_PROTO_UDP || IP_ISFRAG(ip)
        || len < off + hl + sizeof(click_udp) + PTP_HDR_LEN)
        return 0;
    click_udp *uh = reinterpret_cast<click_udp *>(d + off + hl);
    uint16_t dport = ntohs(uh->uh_dport);
    if (dport != PTP_EVENT_PORT && dport != PTP_GENERAL_PORT)
        return 0;
    *udp = uh;
    return reinterpret_cast<unsigned char *>(uh + 1);
}

void
PTPTimestamper::add_correction(unsigned char *ptp, int64_t ns)
{
    // correctionField is nanoseconds scaled by 2^16
    int64_t corr = get_be64(ptp + 8);
    corr += ns * 65536;
    put_be64(ptp + 8, corr);
}

void
PTPTimestamper::push(int, Packet *p)
{
    WritablePacket *q = p->uniqueify();
    if (!q)
        return;
    click_udp *udp;
    unsigned char *ptp = find_ptp(q, &udp);
    if (!ptp || (ptp[1] & 0x0F) != 2) {
        _non_ptp++;
        output(noutputs() > 1 ? 1 : 0).push(q);
        return;
    }

    unsigned msgtype = ptp[0] & 0x0F;
    uint16_t seq = (ptp[30] << 8) | ptp[31];
    bool modified = false;

    if (msgtype <= 3) {                         // event message
        if (!q->timestamp_anno()) {
            _no_timestamp++;
        } else {
            int64_t res = (Timestamp::now() - q->timestamp_anno()).nsecval() + _asymmetry;
            uint64_t r = res > 0 ? (uint64_t) res : 1;
            int b = 63 - __builtin_clzll(r);
            _hist[b < HIST_BUCKETS ? b : HIST_BUCKETS - 1]++;
            if (msgtype == PTP_SYNC && (ptp[6] & PTP_TWO_STEP)) {
                Pending &pe = _pending[_pending_next];
                _pending_next = (_pending_next + 1) % PENDING;
                memcpy(pe.port_identity, ptp + 20, 10);
                pe.seq = seq;
                pe.residence_ns = res;
                pe.used = true;
            } else {
                add_correction(ptp, res);
                modified = true;
                _corrected++;
            }
        }
    } else if (msgtype == PTP_FOLLOW_UP) {
        int i;
        for (i = 0; i < PENDING; i++)
            if (_pending[i].used && _pending[i].seq == seq
                && memcmp(_pending[i].port_identity, ptp + 20, 10) == 0)
                break;
        if (i < PENDING) {
            add_correction(ptp, _pending[i].residence_ns);
            _pending[i].used = false;
            modified = true;
            _followups++;
        } else
            _orphan_followups++;
    }

    if (modified && udp)
        udp->uh_sum = 0;                        // IPv4 allows "no checksum"
    output(0).push(q);
}

String
PTPTimestamper::read_histogram(Element *e, void *)
{
    PTPTimestamper *t = static_cast<PTPTimestamper *>(e);
    StringAccum sa;
    for (int b = 0; b < HIST_BUCKETS; b++)
        if (t->_hist[b])
            sa << "<" << (1ULL << (b + 1)) << "ns\t" << t->_hist[b] << '\n';
    return sa.take_string();
}

void
PTPTimestamper::add_handlers()
{
    add_read_handler("histogram", read_histogram, 0);
    add_data_handlers("corrected", Handler::f_read, &_corrected);
    add_data_handlers("followups", Handler::f_read, &_followups);
    add_data_handlers("orphan_followups", Handler::f_read, &_orphan_followups);
    add_data_handlers("no_timestamp", Handler::f_read, &_no_timestamp);
    add_data_handlers("non_ptp", Handler::f_read, &_non_ptp);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(PTPTimestamper)
