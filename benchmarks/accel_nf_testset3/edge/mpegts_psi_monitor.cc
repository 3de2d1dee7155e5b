/*
 * mpegts_psi_monitor.{cc,hh} -- continuity and PSI integrity monitor for
 * MPEG-TS over UDP
 */
#include <click/config.h>
#include "mpegts_psi_monitor.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <clicknet/ip.h>
#include <clicknet/udp.h>
CLICK_DECLS

namespace {

/* CRC_32 of ISO/IEC 13818-1 annex A: MSB first, no reflection, no final xor */
uint32_t
psi_crc32(const uint32_t *tab, const uint8_t *p, unsigned n)
{
    uint32_t crc = 0xFFFFFFFFU;
    while (n--)
        crc = (crc << 8) ^ tab[(crc >> 24) ^ *p++];
    return crc;
}

inline unsigned
ts_pid(const uint8_t *ts)
{
    return ((ts[1] & 0x1F) << 8) | ts[2];
}

}

MpegTsPsiMonitor::MpegTsPsiMonitor()
    : pmtPid_(0), pmtFixed_(false), dropBad_(false), datagrams_(0), tsPackets_(0),
      syncErrors_(0), ccErrors_(0), sections_(0), crcErrors_(0), pmtChanges_(0)
{
}

int
MpegTsPsiMonitor::configure(Vector<String> &conf, ErrorHandler *errh)
{
    int pmt = -1;
    if (Args(conf, this, errh)
        .read_p("PMT_PID", pmt)
        .read("DROP_BAD", dropBad_)
        .complete() < 0)
        return -1;
    if (pmt >= NPIDS)
        return errh->error("PMT_PID out of range");
    pmtFixed_ = pmt > 0;
    pmtPid_ = pmtFixed_ ? pmt : 0;

    for (uint32_t i = 0; i < 256; i++) {
        uint32_t r = i << 24;
        for (int b = 0; b < 8; b++)
            r = (r & 0x80000000U) ? (r << 1) ^ 0x04C11DB7U : r << 1;
        crcTab_[i] = r;
    }
    memset(lastCc_, 0xFF, sizeof(lastCc_));
    return 0;
}

/* Checks one PSI section that starts in this TS packet; false if corrupt. */
bool
MpegTsPsiMonitor::check_section(const uint8_t *ts, const uint8_t *payload, unsigned pid)
{
    const uint8_t *ts_end = ts + TS_SIZE;
    const uint8_t *sec = payload + 1 + payload[0];         /* pointer_field */
    if (sec + 3 > ts_end || sec[0] == 0xFF)                 /* stuffing only */
        return true;
    unsigned section_length = ((sec[1] & 0x0F) << 8) | sec[2];
    if (section_length < 9 || section_length > 1021)
        return false;
    if (sec + 3 + section_length > ts_end)                  /* spans packets */
        return true;

    sections_++;
    if (psi_crc32(crcTab_, sec, 3 + section_length) != 0) {
        crcErrors_++;
        return false;
    }

    /* PAT: learn the first program's PMT PID */
    if (pid == 0 && sec[0] == 0x00 && !pmtFixed_) {
        const uint8_t *prog = sec + 8, *prog_end = sec + 3 + section_length - 4;
        for (; prog + 4 <= prog_end; prog += 4) {
            unsigned program_number = (prog[0] << 8) | prog[1];
            if (program_number == 0)                        /* network PID */
                continue;
            unsigned pmt = ((prog[2] & 0x1F) << 8) | prog[3];
            if (pmt != pmtPid_) {
                pmtPid_ = pmt;
                pmtChanges_++;
            }
            break;
        }
    }
    return true;
}

void
MpegTsPsiMonitor::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!iph || iph->ip_p != IP_PROTO_UDP) {
        output(0).push(p);
        return;
    }
    const uint8_t *end = p->end_data();
    const uint8_t *ts = reinterpret_cast<const uint8_t *>(iph) + (iph->ip_hl << 2)
        + sizeof(click_udp);
    bool bad = false;

    datagrams_++;
    if (ts + 12 <= end && (ts[0] & 0xC0) == 0x80)           /* RTP encapsulation */
        ts += 12 + 4 * (ts[0] & 0x0F);

    for (; ts + TS_SIZE <= end; ts += TS_SIZE) {
        tsPackets_++;
        if (ts[0] != TS_SYNC) {
            syncErrors_++;
            bad = true;
            continue;
        }
        unsigned pid = ts_pid(ts);
        unsigned afc = (ts[3] >> 4) & 3, cc = ts[3] & 0x0F;
        if (pid == 0x1FFF)                                  /* null packets */
            continue;
        if (afc & 1) {                                      /* has payload */
            uint8_t expect = (uint8_t) ((lastCc_[pid] + 1) & 0x0F);
            if (lastCc_[pid] != 0xFF && cc != expect && cc != lastCc_[pid])
                ccErrors_++;
            lastCc_[pid] = (uint8_t) cc;
        }

        bool pusi = ts[1] & 0x40;
        if (!pusi || !(afc & 1) || (pid != 0 && pid != pmtPid_))
            continue;
        const uint8_t *payload = ts + 4;
        if (afc == 3)
            payload += 1 + ts[4];                           /* adaptation field */
        if (payload >= ts + TS_SIZE)
            continue;
        if (!check_section(ts, payload, pid))
            bad = true;
    }

    if (bad && dropBad_)
        checked_output_push(1, p);
    else
        output(0).push(p);
}

void
MpegTsPsiMonitor::add_handlers()
{
    add_data_handlers("datagrams", Handler::f_read, &datagrams_);
    add_data_handlers("ts_packets", Handler::f_read, &tsPackets_);
    add_data_handlers("sync_errors", Handler::f_read, &syncErrors_);
    add_data_handlers("cc_errors", Handler::f_read, &ccErrors_);
    add_data_handlers("sections", Handler::f_read, &sections_);
    add_data_handlers("crc_errors", Handler::f_read, &crcErrors_);
    add_data_handlers("pmt_pid", Handler::f_read, &pmtPid_);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(MpegTsPsiMonitor)
