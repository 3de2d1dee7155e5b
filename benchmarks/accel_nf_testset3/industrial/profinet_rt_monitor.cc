// profinet_rt_monitor.cc -- passive PROFINET RT cyclic-data health monitor

#include <click/config.h>
#include "profinet_rt_monitor.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/timestamp.hh>
#include <clicknet/ether.h>
CLICK_DECLS

#define ETHERTYPE_PROFINET      0x8892

#define DS_PRIMARY              0x01
#define DS_DATA_VALID           0x04
#define DS_PROVIDER_RUN         0x10
#define DS_STATION_OK           0x20

enum FrameClass { FC_RT3, FC_RT1, FC_RT_UDP, FC_ALARM, FC_DCP, FC_OTHER };

static inline FrameClass
classify_frame_id(uint16_t fid)
{
    if (fid >= 0x0100 && fid <= 0x0FFF)
        return FC_RT3;
    if (fid >= 0x8000 && fid <= 0xBFFF)
        return FC_RT1;
    if (fid >= 0xC000 && fid <= 0xFBFF)
        return FC_RT_UDP;
    if (fid == 0xFC01 || fid == 0xFE01)
        return FC_ALARM;
    if (fid >= 0xFEFC)
        return FC_DCP;
    return FC_OTHER;
}

ProfinetRtMonitor::ProfinetRtMonitor()
    : _niocr(0), _send_clock_us(1000), _watchdog(3), _sample(0), _rng(0x2545F491),
      _cyclic(0), _alarms(0), _dcp(0), _problems(0), _malformed(0), _table_full(0)
{
}

ProfinetRtMonitor::~ProfinetRtMonitor()
{
}

int
ProfinetRtMonitor::configure(Vector<String> &conf, ErrorHandler *errh)
{
    if (Args(conf, this, errh)
        .read_p("SEND_CLOCK_US", _send_clock_us)
        .read_p("WATCHDOG", _watchdog)
        .read_p("SAMPLE", _sample)
        .complete() < 0)
        return -1;
    if (_send_clock_us < 31 || _watchdog == 0)
        return errh->error("SEND_CLOCK_US must be >= 31.25 us, WATCHDOG >= 1");
    if (_sample && noutputs() < 4)
        return errh->error("SAMPLE needs output 3");
    return 0;
}

void
ProfinetRtMonitor::push(int, Packet *p)
{
    const uint8_t *d = p->data();
    const uint8_t *end = p->end_data();
    if (d + sizeof(click_ether) + 2 > end) {
        _malformed++;
        output(2).push(p);
        return;
    }
    const click_ether *eh = reinterpret_cast<const click_ether *>(d);
    uint16_t etype = ntohs(eh->ether_type);
    const uint8_t *pn = d + sizeof(click_ether);
    if (etype == ETHERTYPE_8021Q) {
        if (pn + 4 + 2 > end) {
            _malformed++;
            output(2).push(p);
            return;
        }
        etype = (pn[2] << 8) | pn[3];
        pn += 4;
    }
    if (etype != ETHERTYPE_PROFINET) {
        output(1).push(p);
        return;
    }

    uint16_t fid = (pn[0] << 8) | pn[1];
    FrameClass fc = classify_frame_id(fid);
    if (fc == FC_ALARM || fc == FC_DCP || fc == FC_OTHER) {
        if (fc == FC_ALARM)
            _alarms++;
        else if (fc == FC_DCP)
            _dcp++;
        output(1).push(p);
        return;
    }

    // cyclic: C_SDU ... then APDU status (CycleCounter, DataStatus, TransferStatus) at the end
    if (end - pn < 2 + 40 + 4) {                // minimum C_SDU is 40 bytes
        _malformed++;
        output(2).push(p);
        return;
    }
    const uint8_t *apdu = end - 4;
    uint16_t cycle = (apdu[0] << 8) | apdu[1];
    uint8_t status = apdu[2];
    _cyclic++;

    uint64_t key = ((uint64_t) fid << 48);
    for (int i = 0; i < 6; i++)
        key |= (uint64_t) eh->ether_shost[i] << (40 - 8 * i);

    int64_t now = Timestamp::now_steady().nsecval();
    int *ip = _iocr_index.findp(key);
    bool problem = false;
    if (!ip) {
        if (_niocr >= MAX_IOCR) {
            _table_full++;
        } else {
            IoCr &n = _iocr[_niocr];
            memset(&n, 0, sizeof(n));
            n.frame_id = fid;
            n.last_cycle = cycle;
            n.last_status = status;
            n.last_ns = now;
            n.frames = 1;
            _iocr_index.insert(key, _niocr++);
        }
    } else {
        IoCr &c = _iocr[*ip];
        c.frames++;
        // cycle counter ticks in 31.25 us units and wraps at 2^16
        uint16_t dcycle = cycle - c.last_cycle;
        int64_t gap_us = (now - c.last_ns) / 1000;
        if (dcycle == 0) {
            c.stuck++;
            problem = true;
        }
        if (gap_us > (int64_t) _watchdog * _send_clock_us) {
            c.late++;
            problem = true;
        }
        if ((status & (DS_DATA_VALID | DS_PROVIDER_RUN | DS_STATION_OK))
            != (DS_DATA_VALID | DS_PROVIDER_RUN | DS_STATION_OK)) {
            c.invalid++;
            problem = true;
        }
        c.last_cycle = cycle;
        c.last_status = status;
        c.last_ns = now;
    }

    if (_sample) {
        // xorshift32: cheap sampling without a division per frame
        _rng ^= _rng << 13;
        _rng ^= _rng >> 17;
        _rng ^= _rng << 5;
        if (_rng % _sample == 0)
            if (Packet *copy = p->clone())
                output(3).push(copy);
    }

    if (problem) {
        _problems++;
        output(2).push(p);
    } else
        output(0).push(p);
}

void
ProfinetRtMonitor::add_handlers()
{
    add_data_handlers("cyclic", Handler::f_read, &_cyclic);
    add_data_handlers("alarms", Handler::f_read, &_alarms);
    add_data_handlers("dcp", Handler::f_read, &_dcp);
    add_data_handlers("problems", Handler::f_read, &_problems);
    add_data_handlers("malformed", Handler::f_read, &_malformed);
    add_data_handlers("table_full", Handler::f_read, &_table_full);
    add_data_handlers("sample", Handler::f_read | Handler::f_write, &_sample);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(ProfinetRtMonitor)
