// A Click-style per-flow packet/byte counter over an inline open-addressing table.
#include "nfpkt.hh"

struct FlowStats {
    uint64_t packets;
    uint64_t bytes;
};

class FlowCounter : public nf::Element {
  public:
    const char *class_name() const override { return "FlowCounter"; }
    nf::Packet *simple_action(nf::Packet *p);
    uint64_t total() const { return _total; }

  private:
    nf::FlowTable<FlowStats, 1024> _flows;
    uint64_t _total = 0;
    uint64_t _dropped = 0;
};

nf::Packet *FlowCounter::simple_action(nf::Packet *p)
{
    if (!p->has_network_header()) {
        _dropped++;
        p->kill();
        return nullptr;
    }
    const nf::IPHeader *ip = p->ip_header();
    uint32_t key = nf::mix32(ip->src, ip->dst) ^ ip->proto;
    if (key == 0)
        key = 1;
    FlowStats *st = _flows.find_insert(key);
    if (!st) {
        _dropped++;
        return p;
    }
    st->packets++;
    st->bytes += nf::load_be16(reinterpret_cast<const uint8_t *>(&ip->len));
    _total++;
    return p;
}

nf::Element *make_flow_counter() { return new FlowCounter; }
