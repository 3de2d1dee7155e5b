/*
 * pipeline_driver.cc -- run a whole Click configuration (a graph of elements)
 * over a pcap trace on the host runtime, and report per element and per
 * edge what happened, with each instrumented element's counters.
 *
 *   pipeline_driver --spec FILE --trace FILE.pcap [--seed N] [--quiet]
 *
 * Built per configuration (clara/runtime/build.py, build_pipeline_driver):
 * -DCLARA_PIPELINE_REGISTRY='"registry.inc"' names a generated file that
 * includes every element class's header and defines
 *   static const PipelineClass pipeline_classes[] = {
 *       {"Click name", factory, &__clara_profile_<module>}, ...};
 * where __clara_profile_<module> is the clara-instrument descriptor of the
 * class's module, renamed per module so that several instrumented modules
 * link together (a weak reference: null if the module is not instrumented).
 *
 * The spec (written by clara/pipeline/host_run.py), one record per line,
 * strings hex-encoded ("-" for empty):
 *   clara-pipeline/1
 *   node INDEX KIND NAME CLASS NINPUTS NOUTPUTS CONFIG
 *                              KIND: element | source | sink | pass
 *   edge FROM FROM_PORT TO TO_PORT
 *   entry INDEX                the node the trace packets enter
 *
 * Packets: each pcap record becomes a packet as Click's FromDevice gives it:
 * the whole frame, Ethernet header annotated as the MAC header (raw-IP
 * traces: the IP header annotated), the record's time as timestamp and clock.
 * A source entry emits it on its output 0; an element entry gets it on
 * input 0.  Element outputs go to the element connected there (push; a pull
 * input is pulled once with the packet as the only one available); sinks
 * count and kill; pass nodes (queues, Print) forward on output 0; a packet on
 * an unconnected output is counted and killed.
 *
 * Counters: an instrumented module's counters are attributed to the element
 * instance whose code ran.  When a module has one instance, that instance
 * owns them; when it has several (two instances of one class), the driver
 * moves the counter deltas since the last transition to the innermost active
 * instance of that module every time control enters or leaves one of them
 * (construct, configure, initialize, push, pull), so each instance gets
 * exactly the blocks that ran on its behalf.  API events (clara_rt_api_event)
 * go to the innermost active element; the driver's own Packet::make and the
 * sinks' kill are not counted.
 *
 * Output: one JSON line, schema clara.pipeline-run/1.  Exit 0; 1 usage,
 * spec or trace error; 2 an element's configure/initialize failed (the JSON
 * names it and carries its messages); 3 an element crashed (signal, packet
 * index, element).
 */
#include <click/config.h>
#include <click/element.hh>
#include <click/error.hh>
#include <click/packet.hh>
#include <click/timestamp.hh>
#include <fstream>
#include <map>
#include <signal.h>
#include <sstream>
#include <stdlib.h>
#include <unordered_map>
#include "../host/clara_runtime.hh"
#include "driver_io.hh"

using namespace Click;

/* What clara-instrument emits (ClaraInstrument.h, host/profile_dump.cc). */
extern "C" struct clara_profile_desc {
    uint64_t version;
    uint64_t nblocks, nstate, naccess;
    uint64_t *blocks, *state, *access;
    const char *layout;
};

struct PipelineClass {
    const char *name;
    Element *(*make)();
    const clara_profile_desc *profile;
};

#ifndef CLARA_PIPELINE_REGISTRY
# error "compile with -DCLARA_PIPELINE_REGISTRY='\"registry.inc\"' (build_pipeline_driver)"
#endif
#include CLARA_PIPELINE_REGISTRY

namespace {

using clara_io::json_string;

enum Kind { ELEMENT, SOURCE, SINK, PASS };
enum Slot { BLOCKS, STATE, ACCESS, SLOTS };
const char *const slot_names[SLOTS] = {"blocks", "state", "access"};
const int MAX_DEPTH = 256;

typedef std::vector<uint64_t> Counts[SLOTS];

struct ApiStats {
    uint64_t calls = 0;
    std::map<uint32_t, uint64_t> hist[3];
};

struct Module {
    const clara_profile_desc *desc;
    int instances = 0;
    Counts seen;                  // counters at the last transition (shared modules)
    Counts setup;                 // counters when packets start
    std::vector<int> active;      // instances of this module inside a call, innermost last
    ApiStats events[CLARA_API_COUNT];
};

struct Node {
    Kind kind;
    std::string name, cls, config;
    int ninputs = 0, noutputs = 0;
    Element *element = 0;
    int module = -1;
    std::vector<std::vector<int>> out_edges;    // per output port: edge indices
    std::vector<long long> in_counts, out_counts, unconnected;
    Counts acc;                   // attributed counters (shared modules)
    Counts setup;
    ApiStats events[CLARA_API_COUNT];
    Packet *pending = 0;          // the packet a pull input may take
};

struct Edge {
    int from, from_port, to, to_port;
    long long packets = 0;
};

std::vector<Node> nodes;
std::vector<Edge> edges;
std::vector<Module> modules;
std::unordered_map<const Element *, int> node_of;
std::vector<int> current;         // elements inside a call, innermost last
int entry = -1;
bool recording = false;
int paused = 0;
int depth = 0;
long long packets_in = 0, not_made = 0, loop_dropped = 0;
volatile long long current_index = -1;
volatile const char *current_phase = "setup";
volatile const char *current_element = "";
bool quiet = false;

/* ------------------------------------------------------------ failures */

void
fail(int status, const std::string &what, const Node *node = 0, size_t first_message = 0)
{
    std::string js = "{\"schema\": \"clara.pipeline-run/1\", \"error\": " + json_string(what);
    if (node)
        js += ", \"element\": " + json_string(node->name) + ", \"class\": "
            + json_string(node->cls) + ", \"phase\": " + json_string((const char *) current_phase);
    js += ", \"messages\": [";
    const auto &m = clara_rt::messages();
    for (size_t i = first_message; i < m.size(); i++)
        js += (i > first_message ? ", " : "") + json_string(m[i]);
    js += "]}\n";
    fputs(js.c_str(), stdout);
    fflush(stdout);
    exit(status);
}

void
crash_handler(int sig)
{
    using clara_io::safe_write;
    safe_write("\n{\"schema\": \"clara.pipeline-run/1\", \"crash\": {\"signal\": \"");
    safe_write(clara_io::signal_name(sig));
    safe_write("\", \"packet_index\": ");
    clara_io::safe_write_int(current_index);
    safe_write(", \"phase\": \"");
    safe_write((const char *) current_phase);
    safe_write("\", \"element\": \"");
    safe_write((const char *) current_element);
    safe_write("\"}}\n");
    _exit(3);
}

/* ---------------------------------------------------------------- spec */

std::string
unhex(const std::string &s)
{
    if (s == "-")
        return "";
    std::string out;
    for (size_t i = 0; i + 1 < s.size(); i += 2)
        out += (char) strtol(s.substr(i, 2).c_str(), 0, 16);
    return out;
}

const PipelineClass *
find_class(const std::string &name)
{
    for (const PipelineClass &c : pipeline_classes)
        if (name == c.name)
            return &c;
    return 0;
}

int
module_of(const clara_profile_desc *desc)
{
    if (!desc || desc->version != 1)
        return -1;
    for (size_t m = 0; m < modules.size(); m++)
        if (modules[m].desc == desc)
            return (int) m;
    modules.push_back(Module());
    modules.back().desc = desc;
    return (int) modules.size() - 1;
}

void
read_spec(const std::string &path)
{
    std::ifstream in(path);
    std::string line;
    if (!in || !std::getline(in, line) || line != "clara-pipeline/1")
        fail(1, path + ": not a clara-pipeline/1 spec");
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string what;
        fields >> what;
        if (what == "node") {
            Node n;
            int index;
            std::string kind, name, cls, config;
            fields >> index >> kind >> name >> cls >> n.ninputs >> n.noutputs >> config;
            if (!fields || index != (int) nodes.size())
                fail(1, path + ": bad node record: " + line);
            n.kind = kind == "source" ? SOURCE : kind == "sink" ? SINK
                : kind == "pass" ? PASS : ELEMENT;
            n.name = unhex(name);
            n.cls = unhex(cls);
            n.config = unhex(config);
            n.out_edges.resize((size_t) n.noutputs);
            n.in_counts.assign((size_t) n.ninputs, 0);
            n.out_counts.assign((size_t) n.noutputs, 0);
            n.unconnected.assign((size_t) n.noutputs, 0);
            nodes.push_back(n);
        } else if (what == "edge") {
            Edge e;
            fields >> e.from >> e.from_port >> e.to >> e.to_port;
            if (!fields || e.from < 0 || e.from >= (int) nodes.size() || e.to < 0
                || e.to >= (int) nodes.size() || e.from_port < 0
                || e.from_port >= nodes[e.from].noutputs || e.to_port < 0
                || e.to_port >= nodes[e.to].ninputs)
                fail(1, path + ": bad edge record: " + line);
            nodes[e.from].out_edges[e.from_port].push_back((int) edges.size());
            edges.push_back(e);
        } else if (what == "entry") {
            fields >> entry;
            if (!fields || entry < 0 || entry >= (int) nodes.size())
                fail(1, path + ": bad entry record: " + line);
        } else if (!what.empty())
            fail(1, path + ": unknown record: " + line);
    }
    if (entry < 0)
        fail(1, path + ": no entry record");
}

/* ------------------------------------------------------- attribution */

void
snapshot(Counts &to, const clara_profile_desc *d)
{
    to[BLOCKS].assign(d->blocks, d->blocks + d->nblocks);
    to[STATE].assign(d->state, d->state + d->nstate);
    to[ACCESS].assign(d->access, d->access + d->naccess);
}

/* Move module m's counter deltas since the last transition to instance i
   (i < 0: to nobody; nothing of the module runs outside its instances). */
void
flush(int m, int i)
{
    Module &mod = modules[(size_t) m];
    const uint64_t *now[SLOTS] = {mod.desc->blocks, mod.desc->state, mod.desc->access};
    for (int s = 0; s < SLOTS; s++)
        for (size_t k = 0; k < mod.seen[s].size(); k++) {
            uint64_t delta = now[s][k] - mod.seen[s][k];
            if (delta && i >= 0)
                nodes[(size_t) i].acc[s][k] += delta;
            mod.seen[s][k] = now[s][k];
        }
}

bool
shared(const Node &n)
{
    return n.module >= 0 && modules[(size_t) n.module].instances > 1;
}

void
enter(int i)
{
    Node &n = nodes[(size_t) i];
    if (shared(n)) {
        Module &mod = modules[(size_t) n.module];
        flush(n.module, mod.active.empty() ? -1 : mod.active.back());
        mod.active.push_back(i);
    }
    current.push_back(i);
    current_element = n.name.c_str();
}

void
leave(int i)
{
    Node &n = nodes[(size_t) i];
    if (shared(n)) {
        flush(n.module, i);
        modules[(size_t) n.module].active.pop_back();
    }
    current.pop_back();
    current_element = current.empty() ? "" : nodes[(size_t) current.back()].name.c_str();
}

/* The counters owned by instance i now. */
void
counts_of(const Node &n, Counts &out)
{
    if (shared(n)) {
        for (int s = 0; s < SLOTS; s++)
            out[s] = n.acc[s];
    } else
        snapshot(out, modules[(size_t) n.module].desc);
}

void
kill_unrecorded(Packet *p)
{
    paused++;
    p->kill();
    paused--;
}

/* ------------------------------------------------------------- routing */

void deliver(int to, int port, Packet *p);

/* A packet leaves node `from` on output `port`. */
void
route(int from, int port, Packet *p)
{
    if (!p)
        return;
    Node &n = nodes[(size_t) from];
    if (port < 0 || port >= n.noutputs) {
        kill_unrecorded(p);
        return;
    }
    n.out_counts[(size_t) port]++;
    const std::vector<int> &out = n.out_edges[(size_t) port];
    if (out.empty()) {
        n.unconnected[(size_t) port]++;
        kill_unrecorded(p);
        return;
    }
    Edge &e = edges[(size_t) out[0]];
    e.packets++;
    deliver(e.to, e.to_port, p);
}

void
deliver(int to, int port, Packet *p)
{
    Node &n = nodes[(size_t) to];
    n.in_counts[(size_t) port]++;
    if (depth >= MAX_DEPTH) {
        loop_dropped++;
        kill_unrecorded(p);
        return;
    }
    depth++;
    if (n.kind == PASS && n.noutputs > 0)
        route(to, 0, p);
    else if (n.kind != ELEMENT)
        kill_unrecorded(p);
    else if (n.element->input_is_pull(port)) {
        n.pending = p;
        enter(to);
        Packet *q = n.element->pull(0);
        leave(to);
        if (n.pending) {
            kill_unrecorded(n.pending);
            n.pending = 0;
        }
        route(to, 0, q);
    } else {
        enter(to);
        n.element->push(port, p);
        leave(to);
    }
    depth--;
}

void
sink(Element *e, int port, Packet *p)
{
    auto it = node_of.find(e);
    if (it == node_of.end()) {
        if (p)
            kill_unrecorded(p);
        return;
    }
    route(it->second, port, p);
}

Packet *
source(Element *e, int)
{
    auto it = node_of.find(e);
    if (it == node_of.end())
        return 0;
    Packet *p = nodes[(size_t) it->second].pending;
    nodes[(size_t) it->second].pending = 0;
    return p;
}

}  // namespace

/* The runtime's weak hook: API events of the innermost active element. */
extern "C" void
clara_rt_api_event(int api_id, uint32_t probe_len, uint32_t occupancy, uint32_t bytes)
{
    if (!recording || paused > 0 || current.empty() || api_id <= CLARA_API_NONE
        || api_id >= CLARA_API_COUNT)
        return;
    Node &n = nodes[(size_t) current.back()];
    ApiStats *targets[2] = {&n.events[api_id],
                            n.module >= 0 ? &modules[(size_t) n.module].events[api_id] : 0};
    for (ApiStats *s : targets)
        if (s) {
            s->calls++;
            s->hist[0][probe_len]++;
            s->hist[1][occupancy]++;
            s->hist[2][bytes]++;
        }
}

namespace {

/* ------------------------------------------------------------- output */

std::string
array_json(const std::vector<uint64_t> &a)
{
    std::string s = "[";
    for (size_t i = 0; i < a.size(); i++)
        s += (i ? "," : "") + std::to_string(a[i]);
    return s + "]";
}

std::string
longs_json(const std::vector<long long> &a)
{
    std::string s = "[";
    for (size_t i = 0; i < a.size(); i++)
        s += (i ? ", " : "") + std::to_string(a[i]);
    return s + "]";
}

std::string
counts_json(const Counts &c)
{
    std::string s = "{";
    for (int k = 0; k < SLOTS; k++)
        s += std::string(k ? ", " : "") + "\"" + slot_names[k] + "\": " + array_json(c[k]);
    return s + "}";
}

/* The API events in clara.profile-raw/1's shape. */
std::string
events_json(const ApiStats *events)
{
    static const char *const metrics[3] = {"probe_len", "occupancy", "bytes"};
    std::string s = "{";
    bool first = true;
    for (int id = CLARA_API_NONE + 1; id < CLARA_API_COUNT; id++) {
        const ApiStats &e = events[id];
        if (!e.calls)
            continue;
        const char *name = clara_rt_api_name(id);
        s += std::string(first ? "" : ", ") + "\"" + std::to_string(id) + "\": {\"name\": "
            + json_string(name ? name : "") + ", \"calls\": " + std::to_string(e.calls);
        for (int m = 0; m < 3; m++) {
            s += std::string(", \"") + metrics[m] + "\": {";
            bool k = true;
            for (const auto &kv : e.hist[m]) {
                s += std::string(k ? "" : ", ") + "\"" + std::to_string(kv.first) + "\": "
                    + std::to_string(kv.second);
                k = false;
            }
            s += "}";
        }
        s += "}";
        first = false;
    }
    return s + "}";
}

std::string
raw_json(const Counts &setup, const Counts &total, const ApiStats *events)
{
    return "{\"schema\": \"clara.profile-raw/1\", \"instrumented\": true, \"setup\": "
        + counts_json(setup) + ", \"total\": " + counts_json(total) + ", \"api_events\": "
        + events_json(events) + "}";
}

std::string
node_json(const Node &n)
{
    static const char *const kinds[] = {"element", "source", "sink", "pass"};
    std::string js = "{\"name\": " + json_string(n.name) + ", \"class\": " + json_string(n.cls)
        + ", \"kind\": \"" + kinds[n.kind] + "\", \"inputs\": " + longs_json(n.in_counts)
        + ", \"outputs\": " + longs_json(n.out_counts) + ", \"unconnected\": "
        + longs_json(n.unconnected) + ", \"raw\": ";
    if (n.module >= 0) {
        Counts total;
        counts_of(n, total);
        js += raw_json(n.setup, total, n.events);
    } else
        js += "null";
    return js + "}";
}

void
construct_all()
{
    for (size_t i = 0; i < nodes.size(); i++) {
        Node &n = nodes[i];
        if (n.kind != ELEMENT)
            continue;
        const PipelineClass *c = find_class(n.cls);
        if (!c)
            fail(1, "class " + n.cls + " of element " + n.name + " is not in this driver");
        n.module = module_of(c->profile);
        if (n.module >= 0)
            modules[(size_t) n.module].instances++;
    }
    for (Module &m : modules)
        snapshot(m.seen, m.desc);
    current_phase = "construct";
    for (size_t i = 0; i < nodes.size(); i++) {
        Node &n = nodes[i];
        if (n.kind != ELEMENT)
            continue;
        if (n.module >= 0)
            for (int s = 0; s < SLOTS; s++)
                n.acc[s].assign(modules[(size_t) n.module].seen[s].size(), 0);
        clara_rt::set_next_ports(n.ninputs, n.noutputs);
        enter((int) i);
        n.element = find_class(n.cls)->make();
        leave((int) i);
        clara_rt::set_element_name(n.element, n.name.c_str());
        node_of[n.element] = (int) i;
    }
}

void
setup_all()
{
    ErrorHandler *errh = ErrorHandler::default_handler();
    for (const char *phase : {"configure", "initialize"}) {
        current_phase = phase;
        for (size_t i = 0; i < nodes.size(); i++) {
            Node &n = nodes[i];
            if (n.kind != ELEMENT)
                continue;
            size_t before = clara_rt::messages().size();
            enter((int) i);
            int r;
            if (phase[0] == 'c') {
                Vector<String> conf = clara_rt::split_config(n.config.c_str());
                r = n.element->configure(conf, errh);
            } else {
                n.element->add_handlers();
                r = n.element->initialize(errh);
            }
            leave((int) i);
            if (r < 0)
                fail(2, std::string(phase) + " failed", &n, before);
        }
    }
}

void
start_recording()
{
    for (Node &n : nodes)
        if (n.module >= 0)
            counts_of(n, n.setup);
    for (Module &m : modules)
        snapshot(m.setup, m.desc);
    recording = true;
}

/* The frame as Click's FromDevice hands it over: whole, MAC header marked. */
void
annotate(WritablePacket *p, uint32_t linktype)
{
    const unsigned char *d = p->data();
    if (linktype == 1 && p->length() >= 14)
        p->set_mac_header(d, 14);
    else if ((linktype == 101 || linktype == 228) && p->length() >= 20 && (d[0] >> 4) == 4)
        p->set_network_header(d, (uint32_t) (d[0] & 0xF) << 2);
}

void
run_trace(const std::string &trace)
{
    clara_io::PcapReader reader;
    std::string err;
    if (!reader.open(trace, err))
        fail(1, err);
    int64_t ts;
    std::vector<unsigned char> data;
    uint32_t orig_len;
    current_phase = "push";
    int r;
    while ((r = reader.next(ts, data, orig_len)) == 1) {
        current_index = packets_in++;
        clara_rt_set_time(ts);
        WritablePacket *p = Packet::make(Packet::default_headroom, data.data(),
                                         (uint32_t) data.size(), 64);
        if (!p) {
            not_made++;
            continue;
        }
        p->set_timestamp_anno(Timestamp::make_nsec(ts));
        annotate(p, reader.linktype);
        if (nodes[(size_t) entry].kind == SOURCE)
            route(entry, 0, p);
        else
            deliver(entry, 0, p);
    }
    if (r == -1)
        fail(1, trace + ": truncated pcap record " + std::to_string(packets_in));
    current_index = -1;
    current_phase = "done";
}

void
print_summary()
{
    recording = false;
    std::string js = "{\"schema\": \"clara.pipeline-run/1\", \"packets_in\": "
        + std::to_string(packets_in) + ", \"not_made\": " + std::to_string(not_made)
        + ", \"loop_dropped\": " + std::to_string(loop_dropped) + ", \"packets_held\": "
        + std::to_string(clara_rt::packets_in_use()) + ", \"nodes\": [";
    for (size_t i = 0; i < nodes.size(); i++)
        js += (i ? ", " : "") + node_json(nodes[i]);
    js += "], \"edges\": [";
    for (size_t i = 0; i < edges.size(); i++)
        js += (i ? ", " : "") + std::string("{\"from\": ") + json_string(nodes[edges[i].from].name)
            + ", \"from_port\": " + std::to_string(edges[i].from_port) + ", \"to\": "
            + json_string(nodes[edges[i].to].name) + ", \"to_port\": "
            + std::to_string(edges[i].to_port) + ", \"packets\": "
            + std::to_string(edges[i].packets) + "}";
    js += "], \"modules\": [";
    for (size_t m = 0; m < modules.size(); m++) {
        Counts total;
        snapshot(total, modules[m].desc);
        std::string classes;
        for (const Node &n : nodes)
            if (n.module == (int) m && classes.find(json_string(n.cls)) == std::string::npos)
                classes += (classes.empty() ? "" : ", ") + json_string(n.cls);
        js += (m ? ", " : "") + std::string("{\"classes\": [") + classes + "], \"raw\": "
            + raw_json(modules[m].setup, total, modules[m].events) + "}";
    }
    js += "], \"runtime\": " + clara_io::runtime_stats_json() + ", \"messages\": [";
    const auto &m = clara_rt::messages();
    for (size_t k = 0; k < m.size(); k++)
        js += (k ? ", " : "") + json_string(m[k]);
    js += "], \"crash\": null}\n";
    fputs(js.c_str(), stdout);
    fflush(stdout);
}

void
usage()
{
    fprintf(stderr, "usage: pipeline_driver --spec FILE --trace FILE.pcap [--seed N] [--quiet]\n");
    exit(1);
}

}  // namespace

int
main(int argc, char **argv)
{
    std::string spec, trace;
    uint32_t seed = 1;
    for (int i = 1; i < argc; i++) {
        std::string a = argv[i];
        if (i + 1 < argc && a == "--spec")
            spec = argv[++i];
        else if (i + 1 < argc && a == "--trace")
            trace = argv[++i];
        else if (i + 1 < argc && a == "--seed")
            seed = (uint32_t) strtoul(argv[++i], 0, 0);
        else if (a == "--quiet")
            quiet = true;
        else
            usage();
    }
    if (spec.empty() || trace.empty())
        usage();
    clara_rt::set_print_messages(!quiet);
    clara_rt_srandom(seed);
    clara_io::install_crash_handlers(crash_handler);
    read_spec(spec);
    {
        // The clock before the first packet: the first record's time.
        clara_io::PcapReader first;
        std::string err;
        int64_t ts;
        std::vector<unsigned char> d;
        uint32_t len;
        if (first.open(trace, err) && first.next(ts, d, len) == 1)
            clara_rt_set_time(ts);
        if (first.f)
            fclose(first.f);
    }
    clara_rt::set_sink(sink);
    clara_rt::set_source(source);
    clara_rt::packet_pool_init(clara_rt_cfg.packet_pool, clara_rt_cfg.packet_buffer);
    construct_all();
    setup_all();
    clara_rt::start();
    start_recording();
    run_trace(trace);
    print_summary();
    return 0;
}
