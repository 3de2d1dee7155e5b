/*
 * xdp_driver.c -- run a plain-C, XDP-style NF over a pcap trace on the host
 * and print a JSON summary in the pcap driver's format (clara.driver/1).
 *
 *   xdp_driver --element ENTRY --trace FILE.pcap [--config ARGS] [--port N]
 *              [--ifindex N] [--limit N] [--quiet] [--profile FILE]
 *
 * Built for one entry function (-DCLARA_XDP_ENTRY=xdp_filter_prog; see
 * clara/runtime/build.py, build_xdp_driver): int ENTRY(struct ctx *), where
 * the context starts as the examples' struct xdp_ctx does:
 *     unsigned long data, data_end;  uint32_t ingress_ifindex, rx_queue_index;
 * (addresses, not the kernel's 32-bit xdp_md offsets, since the host is
 * 64-bit).  Per classic-pcap record (index i from 0) the frame is copied into
 * a buffer behind 256 bytes of headroom, as XDP gives it, the context is set
 * to [data, data + captured length), and the entry is called.  Every frame
 * reaches the NF (an XDP program sees all traffic); frames that are not
 * IPv4 (Ethernet type after at most one VLAN tag; raw IP by version) are
 * counted as non_ip.  The return value is counted per action: outputs[k] for
 * k = XDP_ABORTED 0, DROP 1, PASS 2, TX 3, REDIRECT 4; other values in
 * "other_actions".  --config and --port are accepted and ignored (an XDP
 * program has no configuration string or ports).
 *
 * Exit status as clara_driver: 0 ok; 1 usage or trace error; 3 the NF
 * crashed (the JSON then has "crash": {"signal", "packet_index", "phase"}).
 */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef CLARA_XDP_ENTRY
# error "compile with -DCLARA_XDP_ENTRY=entry_function"
#endif
#define CLARA_STR2(x) #x
#define CLARA_STR(x) CLARA_STR2(x)

struct clara_xdp_ctx {
    unsigned long data;
    unsigned long data_end;
    uint32_t ingress_ifindex;
    uint32_t rx_queue_index;
};

int CLARA_XDP_ENTRY(struct clara_xdp_ctx *ctx);

/* Profiling hooks (host/profile_dump.cc), when linked. */
void clara_profile_start(void) __attribute__((weak));
int clara_profile_dump(FILE *f) __attribute__((weak));

#define NACTIONS 5
#define HEADROOM 256
#define MAX_CAPLEN 262144u

static const char *const action_names[NACTIONS] = {
    "XDP_ABORTED", "XDP_DROP", "XDP_PASS", "XDP_TX", "XDP_REDIRECT"};

static volatile long long current_index = -1;
static volatile const char *current_phase = "setup";
static long long packets_in, non_ip, other_actions;
static long long actions[NACTIONS];
static unsigned char buffer[HEADROOM + MAX_CAPLEN];

/* ------------------------------------------------------------ crash report */

static void
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

static void
safe_write_int(long long v)
{
    char buf[32];
    int i = 31;
    unsigned long long u = v < 0 ? (unsigned long long) -v : (unsigned long long) v;
    buf[i] = 0;
    do {
        buf[--i] = (char) ('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        buf[--i] = '-';
    safe_write(buf + i);
}

static void
crash_handler(int sig)
{
    const char *name = sig == SIGSEGV ? "SIGSEGV" : sig == SIGBUS ? "SIGBUS"
        : sig == SIGFPE ? "SIGFPE" : sig == SIGILL ? "SIGILL" : sig == SIGABRT ? "SIGABRT"
        : "signal";
    safe_write("\n{\"schema\": \"clara.driver/1\", \"element\": \"" CLARA_STR(CLARA_XDP_ENTRY)
               "\", \"packets_in\": ");
    safe_write_int(packets_in);
    safe_write(", \"crash\": {\"signal\": \"");
    safe_write(name);
    safe_write("\", \"packet_index\": ");
    safe_write_int(current_index);
    safe_write(", \"phase\": \"");
    safe_write((const char *) current_phase);
    safe_write("\"}}\n");
    _exit(3);
}

static void
install_crash_handlers(void)
{
    static char altstack[1 << 16];
    stack_t ss;
    struct sigaction sa;
    int sigs[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
    ss.ss_sp = altstack;
    ss.ss_size = sizeof(altstack);
    ss.ss_flags = 0;
    sigaltstack(&ss, 0);
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = crash_handler;
    sa.sa_flags = SA_ONSTACK | SA_RESETHAND;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
        sigaction(sigs[i], &sa, 0);
}

/* ------------------------------------------------------------------ JSON */

static void
json_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        unsigned char c = (unsigned char) *s;
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c < 0x20 || c >= 0x7F)
            fprintf(f, "\\u%04x", c);
        else
            fputc(c, f);
    }
    fputc('"', f);
}

static void
fail(int status, const char *what, const char *detail)
{
    printf("{\"schema\": \"clara.driver/1\", \"element\": \"%s\", \"error\": ",
           CLARA_STR(CLARA_XDP_ENTRY));
    char msg[1024];
    snprintf(msg, sizeof(msg), "%s%s%s", what, detail ? ": " : "", detail ? detail : "");
    json_string(stdout, msg);
    printf(", \"messages\": []}\n");
    exit(status);
}

static void
usage(void)
{
    fprintf(stderr,
            "usage: xdp_driver --element %s --trace FILE.pcap [--config ARGS] [--port N]\n"
            "       [--ifindex N] [--limit N] [--quiet] [--profile FILE]\n",
            CLARA_STR(CLARA_XDP_ENTRY));
    exit(1);
}

/* ------------------------------------------------------------------ pcap */

static uint32_t
sw(uint32_t v)
{
    return __builtin_bswap32(v);
}

static int
is_ipv4(uint32_t linktype, const unsigned char *d, uint32_t len)
{
    if (linktype == 1) {
        uint32_t l3 = 14;
        uint16_t type;
        if (len < 14)
            return 0;
        type = (uint16_t) (d[12] << 8 | d[13]);
        if ((type == 0x8100 || type == 0x88A8) && len >= 18) {
            type = (uint16_t) (d[16] << 8 | d[17]);
            l3 = 18;
        }
        return type == 0x0800 && len >= l3 + 20 && (d[l3] >> 4) == 4;
    }
    if (linktype == 101 || linktype == 228)
        return len >= 20 && (d[0] >> 4) == 4;
    return 0;
}

int
main(int argc, char **argv)
{
    const char *element = 0, *trace = 0, *config = "", *profile = 0;
    long long limit = -1, port = 0;
    uint32_t ifindex = 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : 0;
        if (!strcmp(a, "--quiet") || !strcmp(a, "--require-ip"))
            continue;
        if (!strcmp(a, "-h") || !strcmp(a, "--help") || !v)
            usage();
        i++;
        if (!strcmp(a, "--element"))
            element = v;
        else if (!strcmp(a, "--trace"))
            trace = v;
        else if (!strcmp(a, "--config"))
            config = v;
        else if (!strcmp(a, "--profile"))
            profile = v;
        else if (!strcmp(a, "--port"))
            port = strtoll(v, 0, 0);
        else if (!strcmp(a, "--outputs") || !strcmp(a, "--inputs") || !strcmp(a, "--seed"))
            ;
        else if (!strcmp(a, "--ifindex"))
            ifindex = (uint32_t) strtoul(v, 0, 0);
        else if (!strcmp(a, "--limit"))
            limit = strtoll(v, 0, 0);
        else {
            fprintf(stderr, "xdp_driver: unknown option %s\n", a);
            usage();
        }
    }
    if (!element || !trace)
        usage();
    if (strcmp(element, CLARA_STR(CLARA_XDP_ENTRY)))
        fail(1, "this driver is built for " CLARA_STR(CLARA_XDP_ENTRY) ", not", element);
    install_crash_handlers();

    FILE *f = fopen(trace, "rb");
    if (!f)
        fail(1, trace, strerror(errno));
    unsigned char h[24];
    uint32_t magic, linktype;
    int swap, nsec;
    if (fread(h, 1, 24, f) != 24)
        fail(1, trace, "not a pcap file (short header)");
    memcpy(&magic, h, 4);
    swap = !(magic == 0xa1b2c3d4u || magic == 0xa1b23c4du);
    if (swap && !(sw(magic) == 0xa1b2c3d4u || sw(magic) == 0xa1b23c4du))
        fail(1, trace, "not a classic pcap file");
    nsec = (swap ? sw(magic) : magic) == 0xa1b23c4du;
    (void) nsec;
    memcpy(&linktype, h + 20, 4);
    linktype = (swap ? sw(linktype) : linktype) & 0x0FFFFFFF;

    if (profile) {
        if (!clara_profile_start || !clara_profile_dump)
            fail(1, "--profile", "this driver is not linked with profile_dump.cc");
        clara_profile_start();
    }
    current_phase = "push";
    long long index = 0;
    for (; limit < 0 || index < limit; index++) {
        unsigned char rec[16];
        size_t k = fread(rec, 1, 16, f);
        if (k == 0)
            break;
        uint32_t caplen;
        memcpy(&caplen, rec + 8, 4);
        if (swap)
            caplen = sw(caplen);
        if (k != 16 || caplen > MAX_CAPLEN
            || (caplen && fread(buffer + HEADROOM, 1, caplen, f) != caplen)) {
            char msg[64];
            snprintf(msg, sizeof(msg), "truncated pcap record %lld", index);
            fail(1, trace, msg);
        }
        current_index = index;
        packets_in++;
        if (!is_ipv4(linktype, buffer + HEADROOM, caplen))
            non_ip++;
        struct clara_xdp_ctx ctx;
        ctx.data = (unsigned long) (buffer + HEADROOM);
        ctx.data_end = ctx.data + caplen;
        ctx.ingress_ifindex = ifindex;
        ctx.rx_queue_index = 0;
        int action = CLARA_XDP_ENTRY(&ctx);
        if (action >= 0 && action < NACTIONS)
            actions[action]++;
        else
            other_actions++;
    }
    current_index = -1;
    current_phase = "between packets";
    fclose(f);
    if (profile) {
        FILE *pf = fopen(profile, "w");
        if (!pf)
            fail(1, profile, strerror(errno));
        int pr = clara_profile_dump(pf);
        fclose(pf);
        if (pr < 0)
            fail(1, "--profile", "the NF was not built with clara-instrument");
    }

    printf("{\"schema\": \"clara.driver/1\", \"element\": \"%s\", \"config\": ",
           CLARA_STR(CLARA_XDP_ENTRY));
    json_string(stdout, config);
    printf(", \"trace\": ");
    json_string(stdout, trace);
    printf(", \"linktype\": %u, \"port\": %lld, \"ninputs\": 1, \"noutputs\": %d",
           linktype, port, NACTIONS);
    printf(", \"packets_in\": %lld, \"given_to_element\": %lld, \"outputs\": [", packets_in,
           packets_in);
    for (int a = 0; a < NACTIONS; a++)
        printf("%s%lld", a ? ", " : "", actions[a]);
    printf("], \"output_names\": [");
    for (int a = 0; a < NACTIONS; a++)
        printf("%s\"%s\"", a ? ", " : "", action_names[a]);
    printf("], \"other_actions\": %lld", other_actions);
    printf(", \"dropped\": %lld", actions[0] + actions[1] + other_actions);
    printf(", \"non_ip\": %lld, \"non_ip_bypassed\": 0, \"not_made\": 0, \"packets_held\": 0",
           non_ip);
    printf(", \"handlers\": {}, \"runtime\": {}, \"messages\": [], \"crash\": null}\n");
    return 0;
}
