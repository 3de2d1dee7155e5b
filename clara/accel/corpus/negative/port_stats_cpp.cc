/*
 * class:    none (negative example)
 * variant:  C++ (.cc): per-destination-port statistics with a small class holding a fixed
 *           array of (port, packets, bytes) records found by linear search, plus a
 *           top-talker query; C-linkage entry feeds a batch of packets through it.
 * computes: total bytes recorded for `query_port` after feeding the batch.
 */
// clara-corpus: class=none entry=port_stats_feed signature=custom lang=c++
#include <stdint.h>
#include <stddef.h>
#include <string.h>

namespace {

class PortStats {
public:
    struct Rec {
        uint16_t port;
        uint64_t packets;
        uint64_t bytes;
    };

    void add(uint16_t port, uint32_t bytes)
    {
        Rec *r = find(port);
        if (!r) {
            if (n_ == kMax)
                return;
            r = &recs_[n_++];
            r->port = port;
            r->packets = 0;
            r->bytes = 0;
        }
        r->packets++;
        r->bytes += bytes;
    }
    uint64_t bytes_for(uint16_t port) const
    {
        for (size_t i = 0; i < n_; i++)
            if (recs_[i].port == port)
                return recs_[i].bytes;
        return 0;
    }

private:
    static const size_t kMax = 128;
    Rec *find(uint16_t port)
    {
        for (size_t i = 0; i < n_; i++)
            if (recs_[i].port == port)
                return &recs_[i];
        return nullptr;
    }
    Rec recs_[kMax];
    size_t n_ = 0;
};

} // namespace

extern "C" uint64_t port_stats_feed(const uint16_t *ports, const uint32_t *lens, size_t n,
                                    uint16_t query_port)
{
    static PortStats stats;
    for (size_t i = 0; i < n; i++)
        stats.add(ports[i], lens[i]);
    return stats.bytes_for(query_port);
}
