/*
 * class:    none (negative example)
 * variant:  C++ (.cc): a small templated packet-batch class (fixed-capacity array of
 *           descriptors) with a filter that compacts the batch in place by a predicate
 *           functor (drop runts / over-MTU frames); the C-linkage entry wraps it.
 * computes: number of packets kept; lens[] compacted in place.
 */
// clara-corpus: class=none entry=batch_filter_lengths signature=custom lang=c++
#include <stdint.h>
#include <stddef.h>
#include <string.h>

namespace {

template <typename Desc, size_t Cap>
class Batch {
public:
    Batch() : n_(0) {}
    bool push(const Desc &d)
    {
        if (n_ == Cap)
            return false;
        items_[n_++] = d;
        return true;
    }
    template <typename Pred>
    size_t keep_if(Pred pred)
    {
        size_t w = 0;
        for (size_t r = 0; r < n_; r++)
            if (pred(items_[r]))
                items_[w++] = items_[r];
        n_ = w;
        return n_;
    }
    size_t size() const { return n_; }
    const Desc &operator[](size_t i) const { return items_[i]; }

private:
    Desc items_[Cap];
    size_t n_;
};

struct LengthWindow {
    uint16_t lo, hi;
    bool operator()(uint16_t len) const { return len >= lo && len <= hi; }
};

} // namespace

extern "C" size_t batch_filter_lengths(uint16_t *lens, size_t n, uint16_t min_len,
                                       uint16_t max_len)
{
    Batch<uint16_t, 64> b;
    size_t i;
    for (i = 0; i < n && i < 64; i++)
        b.push(lens[i]);
    b.keep_if(LengthWindow{min_len, max_len});
    for (i = 0; i < b.size(); i++)
        lens[i] = b[i];
    return b.size();
}
