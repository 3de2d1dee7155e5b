#ifndef CLICK_VIDEOQOSMARKER_HH
#define CLICK_VIDEOQOSMARKER_HH
#include <click/element.hh>
#include <click/timestamp.hh>
CLICK_DECLS

/*
 * VideoQosMarker([AUDIO_PT, VIDEO_PT, AUDIO_RATE, VIDEO_RATE, BURST, REMARK_ONLY])
 *
 * Classifies RTP over UDP into audio, video key frame, video delta frame and
 * other media by payload type (AUDIO_PT, VIDEO_PT dynamic types) and, for
 * H.264 video (RFC 6184), by NAL unit type.  Each class is policed by a token
 * bucket (rates in bytes/s, BURST in bytes); conforming packets get the
 * class DSCP (EF, AF41, AF42, AF31), excess packets are demoted to CS1, or
 * dropped on output 1 unless REMARK_ONLY.  Non-RTP traffic passes unchanged.
 */

class VideoQosMarker : public Element {
  public:
    VideoQosMarker();

    const char *class_name() const { return "VideoQosMarker"; }
    const char *port_count() const { return "1/1-2"; }
    const char *processing() const { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh);
    void add_handlers();
    void push(int port, Packet *p);

  private:
    enum Class { C_AUDIO = 0, C_VIDEO_KEY, C_VIDEO_DELTA, C_OTHER, NCLASS };

    struct Bucket {
        uint32_t rate;          /* bytes per second */
        uint32_t burst;         /* bytes */
        uint32_t tokens;        /* bytes */
        int64_t last_ns;
    };

    Bucket _bucket[NCLASS];
    unsigned _audio_pt, _video_pt;
    bool _remark_only;
    uint32_t _conform[NCLASS], _exceed[NCLASS];

    int classify(const uint8_t *rtp, unsigned len) const;
    bool take_tokens(Bucket &b, uint32_t bytes, int64_t now_ns);
};

CLICK_ENDDECLS
#endif
