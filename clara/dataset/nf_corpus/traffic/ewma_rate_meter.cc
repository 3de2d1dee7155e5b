// -*- c-basic-offset: 4 -*-
/*
 * ewma_rate_meter.{cc,hh} -- per-destination-subnet EWMA rate meter
 *
 * Training code for Clara's compute model (an NF-like Click element written
 * for the dataset); not one of the evaluation NFs.
 *
 * Per packet: mask the destination address, hash it, probe a fixed table
 * held as member arrays (bitmap test, bounded linear probe, min-rate
 * replacement), close the slot's sampling epoch with fixed-point EWMA
 * updates (a bounded decay loop for idle epochs), count the packet, and
 * choose the output by comparing the byte rate with a threshold.
 */

#include <click/config.h>
#include "ewma_rate_meter.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/glue.hh>
#include <click/packet_anno.hh>
#include <click/straccum.hh>
#include <click/timestamp.hh>
#include <clicknet/ip.h>
CLICK_DECLS

EwmaRateMeter::EwmaRateMeter()
    : _mask(0xFFFFFF00U), _interval_us(10000), _epochs_per_sec(100), _shift(3),
      _threshold_fx(0), _anno(false), _nkeys(0), _replacements(0), _over(0),
      _under(0), _non_ip(0)
{
    memset(_used, 0, sizeof(_used));
    memset(_key, 0, sizeof(_key));
    memset(_epoch, 0, sizeof(_epoch));
    memset(_epoch_pkts, 0, sizeof(_epoch_pkts));
    memset(_epoch_bytes, 0, sizeof(_epoch_bytes));
    memset(_pkt_rate, 0, sizeof(_pkt_rate));
    memset(_byte_rate, 0, sizeof(_byte_rate));
}

EwmaRateMeter::~EwmaRateMeter()
{
}

int
EwmaRateMeter::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned prefix = 24, interval = 10000, shift = 3, threshold = 0;
    bool anno = false;

    if (Args(conf, this, errh)
        .read_p("PREFIX", prefix)
        .read("INTERVAL", interval)
        .read("SHIFT", shift)
        .read("THRESHOLD", threshold)
        .read("ANNO", anno)
        .complete() < 0)
        return -1;

    if (prefix > 32)
        return errh->error("PREFIX must be 0..32");
    if (interval < 100 || interval > 1000000 || 1000000 % interval != 0)
        return errh->error("INTERVAL must divide one second, 100us..1s");
    if (shift < 1 || shift > 12)
        return errh->error("SHIFT must be 1..12");

    _mask = prefix == 0 ? 0 : 0xFFFFFFFFU << (32 - prefix);
    _interval_us = interval;
    _epochs_per_sec = 1000000 / interval;
    _shift = shift;
    _threshold_fx = threshold ? (uint64_t) threshold << FRAC_BITS : ~(uint64_t) 0;
    _anno = anno;
    return 0;
}

void
EwmaRateMeter::claim(int slot, uint32_t key, uint32_t epoch)
{
    _key[slot] = key;
    _epoch[slot] = epoch;
    _epoch_pkts[slot] = 0;
    _epoch_bytes[slot] = 0;
    _pkt_rate[slot] = 0;
    _byte_rate[slot] = 0;
}

// The slot holding key (returned as i >= 0), else a free slot or the
// slowest slot in the probe window, returned as -(i + 2): the caller
// (re)initializes it.  MAX_PROBE > 0, so the window always has a victim.
int
EwmaRateMeter::find_slot(uint32_t key)
{
    uint32_t start = hash(key);
    int victim = -1;
    uint64_t victim_rate = ~(uint64_t) 0;

    for (uint32_t probe = 0; probe < MAX_PROBE; probe++) {
        uint32_t i = (start + probe) & (TABLE_SIZE - 1);
        if (!slot_used(i)) {
            set_used(i);
            _nkeys++;
            _key[i] = key;
            return -(int) i - 2;        // new: caller initializes
        }
        if (_key[i] == key)
            return (int) i;
        if (_byte_rate[i] < victim_rate) {
            victim_rate = _byte_rate[i];
            victim = (int) i;
        }
    }
    _replacements++;
    return -victim - 2;
}

void
EwmaRateMeter::roll_epoch(int slot, uint32_t epoch)
{
    uint32_t gap = epoch - _epoch[slot];
    if (gap == 0)
        return;

    // The closed epoch is one sample, scaled to a per-second rate.
    int64_t pkt_sample = ((int64_t) _epoch_pkts[slot] * _epochs_per_sec) << FRAC_BITS;
    int64_t byte_sample = ((int64_t) _epoch_bytes[slot] * _epochs_per_sec) << FRAC_BITS;
    int64_t pr = _pkt_rate[slot];
    int64_t br = (int64_t) _byte_rate[slot];
    pr += (pkt_sample - pr) >> _shift;
    br += (byte_sample - br) >> _shift;

    // Each further epoch had no packets: a zero sample, i.e. a decay.
    uint32_t idle = gap - 1;
    if (idle > MAX_IDLE_DECAY) {
        pr = 0;
        br = 0;
    } else
        for (uint32_t k = 0; k < idle && (pr | br) != 0; k++) {
            pr -= pr >> _shift;
            br -= br >> _shift;
            if (pr < (1 << FRAC_BITS) && br < (1 << FRAC_BITS))
                pr = br = 0;
        }

    _pkt_rate[slot] = pr < 0 ? 0 : (uint32_t) pr;
    _byte_rate[slot] = br < 0 ? 0 : (uint64_t) br;
    _epoch[slot] = epoch;
    _epoch_pkts[slot] = 0;
    _epoch_bytes[slot] = 0;
}

void
EwmaRateMeter::push(int, Packet *p)
{
    if (!p->has_network_header()
        || p->network_header() + sizeof(click_ip) > p->end_data()) {
        _non_ip++;
        output(0).push(p);
        return;
    }
    const click_ip *iph = p->ip_header();
    uint32_t key = ntohl(iph->ip_dst.s_addr) & _mask;
    uint16_t len = ntohs(iph->ip_len);

    Timestamp now = Timestamp::recent();
    uint32_t epoch = (uint32_t) (now.usecval() / _interval_us);

    int slot = find_slot(key);
    if (slot < 0) {
        slot = -slot - 2;
        claim(slot, key, epoch);
    } else
        roll_epoch(slot, epoch);

    _epoch_pkts[slot]++;
    _epoch_bytes[slot] += len;

    uint64_t rate = _byte_rate[slot];
    if (_anno)
        SET_AGGREGATE_ANNO(p, (uint32_t) ((rate >> FRAC_BITS) / 1000));

    if (rate > _threshold_fx) {
        _over++;
        checked_output_push(1, p);
    } else {
        _under++;
        output(0).push(p);
    }
}

String
EwmaRateMeter::read_handler(Element *e, void *thunk)
{
    EwmaRateMeter *m = static_cast<EwmaRateMeter *>(e);
    switch (reinterpret_cast<uintptr_t>(thunk)) {
    case h_table: {
        StringAccum sa;
        for (uint32_t w = 0; w < NWORDS; w++) {
            uint64_t bits = m->_used[w];
            while (bits) {
                int b = __builtin_ctzll(bits);
                bits &= bits - 1;
                uint32_t i = w * 64 + b;
                sa << IPAddress(htonl(m->_key[i])) << ' '
                   << (m->_pkt_rate[i] >> FRAC_BITS) << ' '
                   << (unsigned long long) (m->_byte_rate[i] >> FRAC_BITS) << '\n';
            }
        }
        return sa.take_string();
    }
    case h_keys:
        return String(m->_nkeys);
    case h_replacements:
        return String((unsigned long long) m->_replacements);
    case h_over:
        return String((unsigned long long) m->_over);
    default:
        return String();
    }
}

void
EwmaRateMeter::add_handlers()
{
    add_read_handler("table", read_handler, h_table);
    add_read_handler("keys", read_handler, h_keys);
    add_read_handler("replacements", read_handler, h_replacements);
    add_read_handler("over", read_handler, h_over);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(EwmaRateMeter)
