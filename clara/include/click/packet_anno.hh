// -*- c++ -*-
/*
 * click/packet_anno.hh -- where the common annotations live in a packet's
 * 48-byte annotation area, and accessor macros for them.
 *
 * Each macro expands to a Packet::anno_u8/u16/u32 (or set_...) call, so the
 * analysis sees an api.Packet::anno call.
 *
 *   offset  size  annotation
 *   0       4     DST_IP (also Packet::dst_ip_anno)
 *   0       16    DST_IP6 (overlaps DST_IP)
 *   16      1     PAINT (also Packet::paint_anno)
 *   17      1     ICMP_PARAMPROB
 *   18      1     FIX_IP_SRC
 *   19      1     MISC_IP
 *   20      2     VLAN_TCI
 *   22      2     (free: user annotations)
 *   24      4     AGGREGATE
 *   28      4     EXTRA_PACKETS
 *   32      4     EXTRA_LENGTH
 *   36      4     SEQUENCE_NUMBER
 *   40      8     FIRST_TIMESTAMP (nanoseconds, see Timestamp)
 */
#ifndef CLICK_PACKET_ANNO_HH
#define CLICK_PACKET_ANNO_HH

#define DST_IP_ANNO_OFFSET              0
#define DST_IP_ANNO_SIZE                4
#define DST_IP6_ANNO_OFFSET             0
#define DST_IP6_ANNO_SIZE               16
#define PAINT_ANNO_OFFSET               16
#define PAINT_ANNO_SIZE                 1
#define ICMP_PARAMPROB_ANNO_OFFSET      17
#define ICMP_PARAMPROB_ANNO_SIZE        1
#define FIX_IP_SRC_ANNO_OFFSET          18
#define FIX_IP_SRC_ANNO_SIZE            1
#define MISC_IP_ANNO_OFFSET             19
#define MISC_IP_ANNO_SIZE               1
#define VLAN_TCI_ANNO_OFFSET            20
#define VLAN_TCI_ANNO_SIZE              2
#define AGGREGATE_ANNO_OFFSET           24
#define AGGREGATE_ANNO_SIZE             4
#define EXTRA_PACKETS_ANNO_OFFSET       28
#define EXTRA_PACKETS_ANNO_SIZE         4
#define EXTRA_LENGTH_ANNO_OFFSET        32
#define EXTRA_LENGTH_ANNO_SIZE          4
#define SEQUENCE_NUMBER_ANNO_OFFSET     36
#define SEQUENCE_NUMBER_ANNO_SIZE       4
#define FIRST_TIMESTAMP_ANNO_OFFSET     40
#define FIRST_TIMESTAMP_ANNO_SIZE       8

#define PAINT_ANNO(p)                   ((p)->anno_u8(PAINT_ANNO_OFFSET))
#define SET_PAINT_ANNO(p, v)            ((p)->set_anno_u8(PAINT_ANNO_OFFSET, (v)))
#define ICMP_PARAMPROB_ANNO(p)          ((p)->anno_u8(ICMP_PARAMPROB_ANNO_OFFSET))
#define SET_ICMP_PARAMPROB_ANNO(p, v)   ((p)->set_anno_u8(ICMP_PARAMPROB_ANNO_OFFSET, (v)))
#define FIX_IP_SRC_ANNO(p)              ((p)->anno_u8(FIX_IP_SRC_ANNO_OFFSET))
#define SET_FIX_IP_SRC_ANNO(p, v)       ((p)->set_anno_u8(FIX_IP_SRC_ANNO_OFFSET, (v)))
#define MISC_IP_ANNO(p)                 ((p)->anno_u8(MISC_IP_ANNO_OFFSET))
#define SET_MISC_IP_ANNO(p, v)          ((p)->set_anno_u8(MISC_IP_ANNO_OFFSET, (v)))
#define VLAN_TCI_ANNO(p)                ((p)->anno_u16(VLAN_TCI_ANNO_OFFSET))
#define SET_VLAN_TCI_ANNO(p, v)         ((p)->set_anno_u16(VLAN_TCI_ANNO_OFFSET, (v)))
#define AGGREGATE_ANNO(p)               ((p)->anno_u32(AGGREGATE_ANNO_OFFSET))
#define SET_AGGREGATE_ANNO(p, v)        ((p)->set_anno_u32(AGGREGATE_ANNO_OFFSET, (v)))
#define EXTRA_PACKETS_ANNO(p)           ((p)->anno_u32(EXTRA_PACKETS_ANNO_OFFSET))
#define SET_EXTRA_PACKETS_ANNO(p, v)    ((p)->set_anno_u32(EXTRA_PACKETS_ANNO_OFFSET, (v)))
#define EXTRA_LENGTH_ANNO(p)            ((p)->anno_u32(EXTRA_LENGTH_ANNO_OFFSET))
#define SET_EXTRA_LENGTH_ANNO(p, v)     ((p)->set_anno_u32(EXTRA_LENGTH_ANNO_OFFSET, (v)))
#define SEQUENCE_NUMBER_ANNO(p)         ((p)->anno_u32(SEQUENCE_NUMBER_ANNO_OFFSET))
#define SET_SEQUENCE_NUMBER_ANNO(p, v)  ((p)->set_anno_u32(SEQUENCE_NUMBER_ANNO_OFFSET, (v)))
#define FIRST_TIMESTAMP_ANNO(p)         (Timestamp::make_nsec((int64_t) (p)->anno_u64(FIRST_TIMESTAMP_ANNO_OFFSET)))
#define SET_FIRST_TIMESTAMP_ANNO(p, t)  ((p)->set_anno_u64(FIRST_TIMESTAMP_ANNO_OFFSET, (uint64_t) (t).nsecval()))

#endif
