/*
 * video_qos_marker.{cc,hh} -- RTP media classification, policing and DSCP
 * marking at a video edge
 */
#include <click/config.h>
#include "video_qos_marker.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <clicknet/ip.h>
#include <clicknet/udp.h>
CLICK_DECLS

/* DSCP per class when conforming; CS1 (scavenger) when exceeding */
static const uint8_t class_dscp[4] = { 46 /* EF */, 34 /* AF41 */, 36 /* AF42 */, 26 /* AF31 */ };
#define DSCP_SCAVENGER 8

/* operator DSCP normalisation: which incoming code points we trust */
static const uint8_t dscp_trust[64] = {
    0, 0, 0, 0, 0, 0, 0, 0,   8, 0, 10, 0, 12, 0, 14, 0,
    16, 0, 18, 0, 20, 0, 22, 0,   24, 0, 26, 0, 28, 0, 30, 0,
    32, 0, 34, 0, 36, 0, 38, 0,   40, 0, 0, 0, 44, 0, 46, 0,
    48, 0, 0, 0, 0, 0, 0, 0,   0, 0, 0, 0, 0, 0, 0, 0
};

static inline uint32_t
sat_add32(uint32_t a, uint32_t b)
{
    uint32_t s = a + b;
    return s < a ? 0xFFFFFFFFU : s;
}

VideoQosMarker::VideoQosMarker()
    : _audio_pt(111), _video_pt(96), _remark_only(true)
{
    memset(_bucket, 0, sizeof(_bucket));
    memset(_conform, 0, sizeof(_conform));
    memset(_exceed, 0, sizeof(_exceed));
}

int
VideoQosMarker::configure(Vector<String> &conf, ErrorHandler *errh)
{
    uint32_t audio_rate = 64000, video_rate = 1250000, burst = 64000;
    if (Args(conf, this, errh)
        .read("AUDIO_PT", _audio_pt)
        .read("VIDEO_PT", _video_pt)
        .read("AUDIO_RATE", audio_rate)
        .read("VIDEO_RATE", video_rate)
        .read("BURST", burst)
        .read("REMARK_ONLY", _remark_only)
        .complete() < 0)
        return -1;
    if (_audio_pt > 127 || _video_pt > 127)
        return errh->error("payload types are 7-bit");

    uint32_t rates[NCLASS] = { audio_rate, video_rate, video_rate, video_rate / 4 };
    for (int c = 0; c < NCLASS; c++) {
        _bucket[c].rate = rates[c];
        _bucket[c].burst = (c == C_VIDEO_KEY) ? burst * 4 : burst;
        _bucket[c].tokens = _bucket[c].burst;
        _bucket[c].last_ns = 0;
    }
    return 0;
}

int
VideoQosMarker::classify(const uint8_t *rtp, unsigned len) const
{
    unsigned pt = rtp[1] & 0x7F;
    if (pt == _audio_pt)
        return C_AUDIO;
    if (pt != _video_pt)
        return C_OTHER;

    unsigned off = 12 + 4 * (rtp[0] & 0x0F);            /* CSRCs */
    if ((rtp[0] & 0x10) && off + 4 <= len)              /* header extension */
        off += 4 + 4 * ((rtp[off + 2] << 8) | rtp[off + 3]);
    if (off >= len)
        return C_VIDEO_DELTA;

    unsigned nal = rtp[off] & 0x1F;
    if (nal == 28 && off + 1 < len)                     /* FU-A: inner type */
        nal = rtp[off + 1] & 0x1F;
    else if (nal == 24 && off + 3 < len)                /* STAP-A: first NALU */
        nal = rtp[off + 3] & 0x1F;
    return (nal == 5 || nal == 7 || nal == 8) ? C_VIDEO_KEY : C_VIDEO_DELTA;
}

bool
VideoQosMarker::take_tokens(Bucket &b, uint32_t bytes, int64_t now_ns)
{
    if (b.last_ns && now_ns > b.last_ns) {
        uint64_t refill = (uint64_t) (now_ns - b.last_ns) * b.rate / 1000000000ULL;
        uint32_t add = refill > 0xFFFFFFFFULL ? 0xFFFFFFFFU : (uint32_t) refill;
        b.tokens = sat_add32(b.tokens, add);
        if (b.tokens > b.burst)
            b.tokens = b.burst;
    }
    b.last_ns = now_ns;
    if (b.tokens < bytes)
        return false;
    b.tokens -= bytes;
    return true;
}

void
VideoQosMarker::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    const uint8_t *end = p->end_data();
    if (!iph || iph->ip_p != IP_PROTO_UDP || !IP_FIRSTFRAG(iph)) {
        output(0).push(p);
        return;
    }
    const uint8_t *rtp = reinterpret_cast<const uint8_t *>(iph) + (iph->ip_hl << 2)
        + sizeof(click_udp);
    if (rtp + 12 > end || (rtp[0] & 0xC0) != 0x80
        || ((rtp[1] & 0x7F) >= 72 && (rtp[1] & 0x7F) <= 76)) {      /* RTCP */
        output(0).push(p);
        return;
    }

    int c = classify(rtp, (unsigned) (end - rtp));
    int64_t now = Timestamp::recent_steady().nsecval();
    bool ok = take_tokens(_bucket[c], p->length(), now);
    uint8_t dscp;
    if (ok) {
        _conform[c]++;
        uint8_t trusted = dscp_trust[iph->ip_tos >> 2];
        dscp = trusted > class_dscp[c] ? trusted : class_dscp[c];
    } else {
        _exceed[c]++;
        if (!_remark_only && c != C_AUDIO) {
            checked_output_push(1, p);
            return;
        }
        dscp = DSCP_SCAVENGER;
    }

    uint8_t new_tos = (uint8_t) ((dscp << 2) | (iph->ip_tos & IP_ECNMASK));
    if (new_tos != iph->ip_tos) {
        WritablePacket *q = p->uniqueify();
        if (!q)
            return;
        click_ip *wip = q->ip_header();
        uint16_t old_hw = *reinterpret_cast<uint16_t *>(wip);
        wip->ip_tos = new_tos;
        click_update_in_cksum(&wip->ip_sum, old_hw, *reinterpret_cast<uint16_t *>(wip));
        p = q;
    }
    output(0).push(p);
}

void
VideoQosMarker::add_handlers()
{
    static const char *const names[NCLASS] = { "audio", "video_key", "video_delta", "other" };
    for (int c = 0; c < NCLASS; c++) {
        add_data_handlers((String(names[c]) + "_conform").c_str(), Handler::f_read, &_conform[c]);
        add_data_handlers((String(names[c]) + "_exceed").c_str(), Handler::f_read, &_exceed[c]);
    }
}

CLICK_ENDDECLS
EXPORT_ELEMENT(VideoQosMarker)
