// -*- c++ -*-
/*
 * driver_io.hh -- what the host drivers share: reading a classic pcap file,
 * JSON strings, the runtime's failure counters as JSON, crash-handler set-up and
 * async-signal-safe writes for crash reports.  Header-only (everything inline), C++17.
 */
#ifndef CLARA_DRIVER_IO_HH
#define CLARA_DRIVER_IO_HH
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <string>
#include <unistd.h>
#include <vector>
#include "../host/clara_rt.h"

namespace clara_io {

inline std::string
json_string(const std::string &s)
{
    std::string o = "\"";
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') {
            o += '\\';
            o += (char) c;
        } else if (c == '\n')
            o += "\\n";
        else if (c == '\t')
            o += "\\t";
        else if (c < 0x20 || c >= 0x7F) {
            char buf[8];
            snprintf(buf, sizeof(buf), "\\u%04x", c);
            o += buf;
        } else
            o += (char) c;
    }
    return o + "\"";
}

/* The runtime's failure counters and geometry (docs/runtime.md) as a JSON object. */
inline std::string
runtime_stats_json()
{
    const struct clara_rt_stats &s = clara_rt_stats;
    std::string js = "{\"hash_insert_failed\": " + std::to_string(s.hash_insert_failed);
    js += ", \"hash_resize_ignored\": " + std::to_string(s.hash_resize_ignored);
    js += ", \"hash_rehash_lost\": " + std::to_string(s.hash_rehash_lost);
    js += ", \"vector_full\": " + std::to_string(s.vector_full);
    js += ", \"vector_grown\": " + std::to_string(s.vector_grown);
    js += ", \"vector_first_alloc_after_start\": "
        + std::to_string(s.vector_first_alloc_after_start);
    js += ", \"packet_pool_empty\": " + std::to_string(s.packet_pool_empty);
    js += ", \"packet_too_big\": " + std::to_string(s.packet_too_big);
    js += ", \"packet_copies\": " + std::to_string(s.packet_copies);
    js += ", \"chatter\": " + std::to_string(s.chatter);
    js += ", \"hash_buckets\": " + std::to_string(clara_rt_cfg.hash_buckets);
    js += ", \"hash_slots\": " + std::to_string(clara_rt_cfg.hash_slots);
    return js + "}";
}

/* Async-signal-safe: write() and integer formatting only. */
inline void
safe_write(const char *s)
{
    size_t n = strlen(s);
    while (n > 0) {
        ssize_t k = write(1, s, n);
        if (k <= 0)
            return;
        s += k;
        n -= (size_t) k;
    }
}

inline void
safe_write_int(long long v)
{
    char buf[32];
    int i = 31;
    buf[i] = 0;
    bool neg = v < 0;
    unsigned long long u = neg ? (unsigned long long) -v : (unsigned long long) v;
    do {
        buf[--i] = (char) ('0' + u % 10);
        u /= 10;
    } while (u);
    if (neg)
        buf[--i] = '-';
    safe_write(buf + i);
}

inline const char *
signal_name(int sig)
{
    switch (sig) {
    case SIGSEGV: return "SIGSEGV";
    case SIGBUS: return "SIGBUS";
    case SIGFPE: return "SIGFPE";
    case SIGILL: return "SIGILL";
    case SIGABRT: return "SIGABRT";
    default: return "signal";
    }
}

/* Run handler on SIGSEGV/SIGBUS/SIGFPE/SIGILL/SIGABRT, on its own stack (a stack
   overflow still reports), once (SA_RESETHAND). */
inline void
install_crash_handlers(void (*handler)(int))
{
    static char altstack[1 << 16];
    stack_t ss;
    ss.ss_sp = altstack;
    ss.ss_size = sizeof(altstack);
    ss.ss_flags = 0;
    sigaltstack(&ss, 0);
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = handler;
    sa.sa_flags = SA_ONSTACK | SA_RESETHAND;
    sigemptyset(&sa.sa_mask);
    int sigs[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
    for (int s : sigs)
        sigaction(s, &sa, 0);
}

/* Classic pcap (either byte order, micro- or nanosecond timestamps). */
struct PcapReader {
    FILE *f = 0;
    bool swap = false;
    bool nsec = false;
    uint32_t snaplen = 0;
    uint32_t linktype = 0;

    static uint32_t sw(uint32_t v) { return __builtin_bswap32(v); }

    bool open(const std::string &path, std::string &err)
    {
        f = fopen(path.c_str(), "rb");
        if (!f) {
            err = path + ": " + strerror(errno);
            return false;
        }
        unsigned char h[24];
        if (fread(h, 1, 24, f) != 24) {
            err = path + ": not a pcap file (short header)";
            return false;
        }
        uint32_t magic;
        memcpy(&magic, h, 4);
        if (magic == 0xa1b2c3d4u || magic == 0xa1b23c4du)
            swap = false;
        else if (sw(magic) == 0xa1b2c3d4u || sw(magic) == 0xa1b23c4du)
            swap = true;
        else {
            err = path + ": not a classic pcap file (pcapng is not supported)";
            return false;
        }
        nsec = (swap ? sw(magic) : magic) == 0xa1b23c4du;
        memcpy(&snaplen, h + 16, 4);
        memcpy(&linktype, h + 20, 4);
        if (swap) {
            snaplen = sw(snaplen);
            linktype = sw(linktype);
        }
        linktype &= 0x0FFFFFFF;
        return true;
    }

    /* 1: a record; 0: end; -1: truncated file. */
    int next(int64_t &ts_ns, std::vector<unsigned char> &data, uint32_t &orig_len)
    {
        unsigned char h[16];
        size_t k = fread(h, 1, 16, f);
        if (k == 0)
            return 0;
        if (k != 16)
            return -1;
        uint32_t sec, sub, caplen, len;
        memcpy(&sec, h, 4);
        memcpy(&sub, h + 4, 4);
        memcpy(&caplen, h + 8, 4);
        memcpy(&len, h + 12, 4);
        if (swap) {
            sec = sw(sec);
            sub = sw(sub);
            caplen = sw(caplen);
            len = sw(len);
        }
        if (caplen > (1u << 26))
            return -1;
        data.resize(caplen);
        if (caplen && fread(data.data(), 1, caplen, f) != caplen)
            return -1;
        ts_ns = (int64_t) sec * 1000000000 + (int64_t) sub * (nsec ? 1 : 1000);
        orig_len = len;
        return 1;
    }
};

}  // namespace clara_io
#endif
