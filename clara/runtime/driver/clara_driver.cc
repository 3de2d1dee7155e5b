/*
 * clara_driver.cc -- run one Click element over a pcap trace on the host
 * runtime and print a JSON summary.
 *
 *   clara_driver --element CLASS --config "ARGS" --trace FILE.pcap [--port N]
 *                [--inputs N] [--outputs N] [--require-ip] [--keep-l2]
 *                [--seed N] [--hash-buckets N] [--hash-slots N]
 *                [--vector-capacity N] [--pool N] [--buffer BYTES]
 *                [--read HANDLER]... [--output-pcap PREFIX] [--limit N] [--quiet]
 *                [--profile FILE]
 *
 * Built for one element class: compile with
 *   -DCLARA_ELEMENT_CLASS=FlowNAT -DCLARA_ELEMENT_HEADER='"flow_nat.hh"'
 * (the compatibility headers' EXPORT_ELEMENT is empty, so there is no
 * registry to look the class up in; clara/runtime/build.py does this).
 * --element must name that class.
 *
 * What the element receives, per pcap record (index i, from 0):
 *  - Ethernet (linktype 1): the MAC header is annotated; for IPv4 (also
 *    behind one 802.1Q tag) the Ethernet header is pulled off and the IP and
 *    transport headers are annotated, as Click's
 *    FromDump -> Strip(14) -> MarkIPHeader gives (--keep-l2 keeps the
 *    Ethernet header in the data).
 *  - Raw IP (linktype 101, 228): the IP header is annotated.
 *  - 802.11 (linktype 105) and others: the frame, no header annotations.
 *  - Non-IPv4 packets (or IPv4 shorter than its header) are counted as
 *    non_ip; they are given to the element unless --require-ip, in which case
 *    they bypass it (counted, killed, not in the output counts).
 *  - The timestamp annotation is the record's time, and Timestamp::now() /
 *    click_jiffies() return it (before the first packet: the first record's
 *    time).
 * The element gets push(port, p), or, if that input is a pull input, its
 * output 0 is pulled with p as the only packet available.  Packets emitted
 * on output k are counted and killed (and written to PREFIX-out<k>.pcap).
 *
 * --profile FILE: for an NF built with clara-instrument and linked with
 * host/profile_dump.cc (clara profile): the counters are snapshot after
 * initialize and written to FILE after the last packet (clara.profile-raw/1).
 *
 * Exit status: 0 ok; 1 usage or trace error; 2 configure/initialize failed;
 * 3 the element crashed (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT): the JSON
 * then carries "crash": {"signal", "packet_index"}, printed by the signal
 * handler.
 */
#include <click/config.h>
#include <click/element.hh>
#include <click/error.hh>
#include <click/packet.hh>
#include <click/timestamp.hh>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <string>
#include <unistd.h>
#include <vector>
#include "../host/clara_runtime.hh"

#ifndef CLARA_ELEMENT_CLASS
# error "compile with -DCLARA_ELEMENT_CLASS=ClassName -DCLARA_ELEMENT_HEADER='\"elt.hh\"'"
#endif
#ifdef CLARA_ELEMENT_HEADER
# include CLARA_ELEMENT_HEADER
#endif

/* Profiling hooks: defined by host/profile_dump.cc when it is linked. */
extern "C" void clara_profile_start(void) __attribute__((weak));
extern "C" int clara_profile_dump(FILE *f) __attribute__((weak));
extern "C" void clara_profile_pause(int delta) __attribute__((weak));

/* Per-packet markers for clara/runtime/qemu (docs/qemu-validation.md), only with
   -DCLARA_QEMU_MARKERS: a TCG plugin finds these functions in the symbol table and counts
   what runs between packet_begin and packet_end, except between pause and resume. */
#ifdef CLARA_QEMU_MARKERS
# if defined(__GNUC__) && !defined(__clang__)
#  define CLARA_QEMU_MARK __attribute__((noinline, noipa, used))
# else
#  define CLARA_QEMU_MARK __attribute__((noinline, used))
# endif
extern "C" {
CLARA_QEMU_MARK void clara_qemu_packet_begin(void) { __asm__ volatile("" ::: "memory"); }
CLARA_QEMU_MARK void clara_qemu_packet_end(void) { __asm__ volatile("" ::: "memory"); }
CLARA_QEMU_MARK void clara_qemu_pause(void) { __asm__ volatile("" ::: "memory"); }
CLARA_QEMU_MARK void clara_qemu_resume(void) { __asm__ volatile("" ::: "memory"); }
}
# define CLARA_QEMU(marker) clara_qemu_##marker()
#else
# define CLARA_QEMU(marker) ((void) 0)
#endif

#include "driver_io.hh"

#define CLARA_STR2(x) #x
#define CLARA_STR(x) CLARA_STR2(x)

using namespace Click;
using namespace clara_io;

namespace {

/* ----------------------------------------------------------------- state */

struct Options {
    std::string element;
    std::string config;
    std::string trace;
    int port = 0;
    int inputs = -1;
    int outputs = -1;
    bool require_ip = false;
    bool keep_l2 = false;
    bool quiet = false;
    uint32_t seed = 1;
    long long limit = -1;
    std::vector<std::string> reads;
    std::string output_pcap;
    std::string profile;
};

Options opt;
Element *element;
volatile long long current_index = -1;     // the record being processed
volatile const char *current_phase = "setup";
long long packets_in, given, non_ip, bypassed, not_made;
std::vector<long long> out_counts;
std::vector<FILE *> out_files;
uint32_t linktype = 1;
Packet *pull_pending;

/* ---------------------------------------------------------- crash report */

void
crash_handler(int sig)
{
    const char *name = signal_name(sig);
    safe_write("\n{\"schema\": \"clara.driver/1\", \"element\": \"" CLARA_STR(CLARA_ELEMENT_CLASS)
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

/* ------------------------------------------------------------------ pcap */

void
write_pcap_header(FILE *f, uint32_t lt)
{
    uint32_t h[6] = {0xa1b23c4du, 0x00040002u, 0, 0, 262144, lt};
    fwrite(h, 4, 6, f);
}

void
write_pcap_record(FILE *f, const Packet *p)
{
    const unsigned char *start = p->data();
    unsigned char fake_eth[14] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x08, 0x00};
    bool prepend = false;
    if (linktype == 1 && !opt.keep_l2) {
        if (p->has_mac_header() && p->mac_header() + 14 <= p->data()
            && p->mac_header() >= p->buffer())
            start = p->mac_header();
        else
            prepend = true;
    }
    uint32_t len = (uint32_t) (p->end_data() - start) + (prepend ? 14 : 0);
    int64_t t = p->timestamp_anno().nsecval();
    uint32_t rec[4] = {(uint32_t) (t / 1000000000), (uint32_t) (t % 1000000000), len, len};
    fwrite(rec, 4, 4, f);
    if (prepend)
        fwrite(fake_eth, 1, 14, f);
    fwrite(start, 1, (size_t) (p->end_data() - start), f);
}

/* API events count only inside the element (not the driver's make/kill). */
void
profile_pause(int delta)
{
    if (!opt.profile.empty() && clara_profile_pause)
        clara_profile_pause(delta);
}

/* ------------------------------------------------------------------ sink */

void
sink(Element *, int port, Packet *p)
{
    if (!p)
        return;
    CLARA_QEMU(pause);
    if (port >= 0 && port < (int) out_counts.size()) {
        out_counts[port]++;
        if (!out_files.empty() && out_files[port])
            write_pcap_record(out_files[port], p);
    }
    profile_pause(1);
    p->kill();
    profile_pause(-1);
    CLARA_QEMU(resume);
}

Packet *
source(Element *, int)
{
    Packet *p = pull_pending;
    pull_pending = 0;
    return p;
}

/* ------------------------------------------------------------ port counts */

/* "N", "N-M", "N-", "-": the count to use (upper bound; an unbounded range
   uses its lower bound, at least 1). */
int
port_spec_count(const std::string &s)
{
    if (s.empty())
        return 0;
    size_t dash = s.find('-');
    if (dash == std::string::npos)
        return atoi(s.c_str());
    int lo = dash == 0 ? 0 : atoi(s.substr(0, dash).c_str());
    std::string hi = s.substr(dash + 1);
    if (hi.empty())
        return lo > 1 ? lo : 1;
    return atoi(hi.c_str());
}

void
port_counts(const char *code, int &nin, int &nout)
{
    std::string s = code ? code : "1/1";
    size_t slash = s.find('/');
    if (slash == std::string::npos) {
        nin = nout = port_spec_count(s);
        return;
    }
    nin = port_spec_count(s.substr(0, slash));
    nout = port_spec_count(s.substr(slash + 1));
}

/* ---------------------------------------------------------------- packets */

/* Annotate headers as Click's Strip(14) -> MarkIPHeader would; false if the
   packet is not IPv4. */
bool
annotate(WritablePacket *p)
{
    const unsigned char *d = p->data();
    uint32_t len = p->length();
    uint32_t l3 = 0;
    bool ip = false;
    if (linktype == 1) {
        if (len < 14)
            return false;
        p->set_mac_header(d, 14);
        uint16_t type = (uint16_t) (d[12] << 8 | d[13]);
        l3 = 14;
        if (type == 0x8100 && len >= 18) {
            type = (uint16_t) (d[16] << 8 | d[17]);
            l3 = 18;
        }
        ip = type == 0x0800;
    } else if (linktype == 101 || linktype == 228) {
        ip = len >= 1 && (d[0] >> 4) == 4;
    } else
        return false;
    if (!ip || len < l3 + 20 || (d[l3] >> 4) != 4)
        return false;
    uint32_t hl = (uint32_t) (d[l3] & 0xF) << 2;
    if (hl < 20 || len < l3 + hl)
        return false;
    if (linktype == 1)
        p->set_mac_header(d, l3);
    p->set_network_header(d + l3, hl);
    if (linktype == 1 && !opt.keep_l2)
        p->pull(l3);
    return true;
}

void
deliver(Packet *p)
{
    given++;
    current_phase = "push";
    if (element->input_is_pull(opt.port)) {
        pull_pending = p;
        profile_pause(-1);
        CLARA_QEMU(packet_begin);
        Packet *q = element->pull(0);
        CLARA_QEMU(packet_end);
        profile_pause(1);
        if (q)
            sink(element, 0, q);
        if (pull_pending) {
            pull_pending->kill();
            pull_pending = 0;
        }
    } else {
        profile_pause(-1);
        CLARA_QEMU(packet_begin);
        element->push(opt.port, p);
        CLARA_QEMU(packet_end);
        profile_pause(1);
    }
    current_phase = "between packets";
}

/* ------------------------------------------------------------------- main */

void
usage()
{
    fprintf(stderr,
            "usage: clara_driver --element %s --config ARGS --trace FILE.pcap [--port N]\n"
            "       [--inputs N] [--outputs N] [--require-ip] [--keep-l2] [--seed N]\n"
            "       [--hash-buckets N] [--hash-slots N] [--vector-capacity N] [--pool N]\n"
            "       [--buffer BYTES] [--read HANDLER]... [--output-pcap PREFIX] [--limit N]\n"
            "       [--quiet] [--profile FILE]\n",
            CLARA_STR(CLARA_ELEMENT_CLASS));
    exit(1);
}

long long
number_arg(int &i, int argc, char **argv)
{
    if (i + 1 >= argc)
        usage();
    char *end;
    long long v = strtoll(argv[++i], &end, 0);
    if (*end || v < 0) {
        fprintf(stderr, "clara_driver: %s: expected a non-negative number\n", argv[i - 1]);
        exit(1);
    }
    return v;
}

void
fail(int status, const std::string &what)
{
    printf("{\"schema\": \"clara.driver/1\", \"element\": %s, \"error\": %s, \"messages\": [",
           json_string(CLARA_STR(CLARA_ELEMENT_CLASS)).c_str(), json_string(what).c_str());
    const auto &m = clara_rt::messages();
    for (size_t i = 0; i < m.size(); i++)
        printf("%s%s", i ? ", " : "", json_string(m[i]).c_str());
    printf("]}\n");
    exit(status);
}

}  // namespace

int
main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        std::string a = argv[i];
        auto str = [&]() -> std::string {
            if (i + 1 >= argc)
                usage();
            return argv[++i];
        };
        if (a == "--element")
            opt.element = str();
        else if (a == "--config")
            opt.config = str();
        else if (a == "--trace")
            opt.trace = str();
        else if (a == "--port")
            opt.port = (int) number_arg(i, argc, argv);
        else if (a == "--inputs")
            opt.inputs = (int) number_arg(i, argc, argv);
        else if (a == "--outputs")
            opt.outputs = (int) number_arg(i, argc, argv);
        else if (a == "--require-ip")
            opt.require_ip = true;
        else if (a == "--keep-l2")
            opt.keep_l2 = true;
        else if (a == "--quiet")
            opt.quiet = true;
        else if (a == "--seed")
            opt.seed = (uint32_t) number_arg(i, argc, argv);
        else if (a == "--hash-buckets")
            clara_rt_cfg.hash_buckets = (uint32_t) number_arg(i, argc, argv);
        else if (a == "--hash-slots")
            clara_rt_cfg.hash_slots = (uint32_t) number_arg(i, argc, argv);
        else if (a == "--vector-capacity")
            clara_rt_cfg.vector_capacity = (uint32_t) number_arg(i, argc, argv);
        else if (a == "--pool")
            clara_rt_cfg.packet_pool = (uint32_t) number_arg(i, argc, argv);
        else if (a == "--buffer")
            clara_rt_cfg.packet_buffer = (uint32_t) number_arg(i, argc, argv);
        else if (a == "--read")
            opt.reads.push_back(str());
        else if (a == "--output-pcap")
            opt.output_pcap = str();
        else if (a == "--profile")
            opt.profile = str();
        else if (a == "--limit")
            opt.limit = number_arg(i, argc, argv);
        else if (a == "-h" || a == "--help")
            usage();
        else {
            fprintf(stderr, "clara_driver: unknown option %s\n", a.c_str());
            usage();
        }
    }
    if (opt.element.empty() || opt.trace.empty())
        usage();
    if (opt.element != CLARA_STR(CLARA_ELEMENT_CLASS))
        fail(1, "this driver is built for " CLARA_STR(CLARA_ELEMENT_CLASS) ", not " + opt.element);
    clara_rt::set_print_messages(!opt.quiet);
    clara_rt_srandom(opt.seed);
    install_crash_handlers(crash_handler);

    PcapReader reader;
    std::string err;
    if (!reader.open(opt.trace, err))
        fail(1, err);
    linktype = reader.linktype;

    // Clock before the first packet: the first record's time.
    {
        long pos = ftell(reader.f);
        int64_t ts;
        std::vector<unsigned char> d;
        uint32_t ol;
        if (reader.next(ts, d, ol) == 1)
            clara_rt_set_time(ts);
        fseek(reader.f, pos, SEEK_SET);
    }

    // Port counts: construct once to read port_count(), then for real.
    current_phase = "construct";
    int nin, nout;
    {
        clara_rt::set_next_ports(0, 0);
        Element *probe = new CLARA_ELEMENT_CLASS();
        port_counts(probe->port_count(), nin, nout);
        delete probe;
    }
    if (opt.inputs >= 0)
        nin = opt.inputs;
    if (opt.outputs >= 0)
        nout = opt.outputs;
    if (opt.port >= nin)
        fail(1, "input port " + std::to_string(opt.port) + " out of range: the element has "
             + std::to_string(nin) + " input(s)");
    clara_rt::set_next_ports(nin, nout);
    clara_rt::set_sink(sink);
    clara_rt::set_source(source);
    clara_rt::packet_pool_init(clara_rt_cfg.packet_pool, clara_rt_cfg.packet_buffer);
    element = new CLARA_ELEMENT_CLASS();
    clara_rt::set_element_name(element, (std::string(CLARA_STR(CLARA_ELEMENT_CLASS)) + "@1").c_str());
    out_counts.assign((size_t) nout, 0);

    ErrorHandler *errh = ErrorHandler::default_handler();
    current_phase = "configure";
    Vector<String> conf = clara_rt::split_config(opt.config.c_str());
    if (element->configure(conf, errh) < 0)
        fail(2, "configure failed");
    current_phase = "initialize";
    element->add_handlers();
    if (element->initialize(errh) < 0)
        fail(2, "initialize failed");
    clara_rt::start();
    if (!opt.profile.empty()) {
        if (!clara_profile_start || !clara_profile_dump)
            fail(1, "--profile: this driver is not linked with profile_dump.cc");
        clara_profile_start();
        profile_pause(1);
    }

    if (!opt.output_pcap.empty()) {
        for (int k = 0; k < nout; k++) {
            std::string path = opt.output_pcap + "-out" + std::to_string(k) + ".pcap";
            FILE *f = fopen(path.c_str(), "wb");
            if (!f)
                fail(1, path + ": " + strerror(errno));
            write_pcap_header(f, linktype == 1 ? 1 : linktype);
            out_files.push_back(f);
        }
    }

    int64_t ts;
    std::vector<unsigned char> data;
    uint32_t orig_len;
    long long index = 0;
    int r;
    while ((opt.limit < 0 || index < opt.limit) && (r = reader.next(ts, data, orig_len)) == 1) {
        current_index = index;
        packets_in++;
        clara_rt_set_time(ts);
        WritablePacket *p = Packet::make(Packet::default_headroom, data.data(),
                                         (uint32_t) data.size(), 64);
        if (!p)
            p = Packet::make(Packet::default_headroom, data.data(), (uint32_t) data.size(), 0);
        if (!p) {
            not_made++;
            index++;
            continue;
        }
        p->set_timestamp_anno(Timestamp::make_nsec(ts));
        if (!annotate(p)) {
            non_ip++;
            if (opt.require_ip) {
                bypassed++;
                p->kill();
                index++;
                continue;
            }
        }
        deliver(p);
        index++;
    }
    if (r == -1 && (opt.limit < 0 || index < opt.limit))
        fail(1, opt.trace + ": truncated pcap record " + std::to_string(index));
    current_index = -1;
    if (!opt.profile.empty()) {
        FILE *pf = fopen(opt.profile.c_str(), "w");
        if (!pf)
            fail(1, opt.profile + ": " + strerror(errno));
        int pr = clara_profile_dump(pf);
        fclose(pf);
        if (pr < 0)
            fail(1, "--profile: the element was not built with clara-instrument");
    }
    current_phase = "handlers";

    std::vector<std::pair<std::string, std::string>> handler_values;
    for (const std::string &h : opt.reads) {
        std::string v;
        if (!clara_rt::call_read_handler(element, h.c_str(), v))
            fail(1, "no read handler " + h);
        handler_values.push_back({h, v});
    }
    for (FILE *f : out_files)
        fclose(f);

    long long emitted = 0;
    for (long long c : out_counts)
        emitted += c;
    std::string js = "{\"schema\": \"clara.driver/1\"";
    js += ", \"element\": " + json_string(CLARA_STR(CLARA_ELEMENT_CLASS));
    js += ", \"config\": " + json_string(opt.config);
    js += ", \"trace\": " + json_string(opt.trace);
    js += ", \"linktype\": " + std::to_string(linktype);
    js += ", \"port\": " + std::to_string(opt.port);
    js += ", \"ninputs\": " + std::to_string(nin) + ", \"noutputs\": " + std::to_string(nout);
    js += ", \"packets_in\": " + std::to_string(packets_in);
    js += ", \"given_to_element\": " + std::to_string(given);
    js += ", \"outputs\": [";
    for (size_t k = 0; k < out_counts.size(); k++)
        js += (k ? ", " : "") + std::to_string(out_counts[k]);
    js += "], \"dropped\": " + std::to_string(given - emitted);
    js += ", \"non_ip\": " + std::to_string(non_ip);
    js += ", \"non_ip_bypassed\": " + std::to_string(bypassed);
    js += ", \"not_made\": " + std::to_string(not_made);
    js += ", \"packets_held\": " + std::to_string(clara_rt::packets_in_use());
    js += ", \"handlers\": {";
    for (size_t k = 0; k < handler_values.size(); k++)
        js += (k ? ", " : "") + json_string(handler_values[k].first) + ": "
            + json_string(handler_values[k].second);
    js += "}, \"runtime\": " + runtime_stats_json();
    js += ", \"messages\": [";
    const auto &m = clara_rt::messages();
    for (size_t k = 0; k < m.size(); k++)
        js += (k ? ", " : "") + json_string(m[k]);
    js += "], \"crash\": null}\n";
    fputs(js.c_str(), stdout);
    fflush(stdout);
    current_phase = "cleanup";
    element->cleanup(Element::CLEANUP_ROUTER_INITIALIZED);
    return 0;
}
