/*
 * profile_dump.cc -- the profiler's side of the host runtime: reads the
 * counters that the clara-instrument pass added to an NF and records the
 * reverse-ported API's events, then writes them as one JSON object
 * (schema "clara.profile-raw/1") that clara/workload/profile.py turns into
 * profile.json.  See docs/profiling.md.
 *
 *   clara_profile_start()    once, before the first packet: snapshots the
 *                            counters (what construction/configure ran) and
 *                            starts recording API events
 *   clara_profile_dump(f)    after the last packet: writes the layout, the
 *                            snapshot ("setup") and the counters now
 *                            ("total"), and the API-event histograms;
 *                            returns 0, or -1 if the NF is not instrumented
 *   clara_profile_pause(d)   d = +1 / -1: nested pause of the API-event
 *                            recording (the pcap driver pauses outside the
 *                            element's push/pull, so its own Packet::make
 *                            and kill are not counted)
 *   clara_rt_api_event()     the strong definition of the runtime's weak
 *                            hook: per API, histograms of probe_len,
 *                            occupancy and bytes (packet phase only)
 *   clara_rt_api_path()      the hash tables' path hook (click_templates.hh):
 *                            per API, a joint histogram of (path, probe_len,
 *                            occupancy, key bytes, value bytes)
 *
 * Not part of the runtime objects every driver links (build.py leaves it
 * out): only profiling builds link it, since it overrides the weak hook.
 * The instrumented module's descriptor __clara_profile is a weak reference,
 * so the file also links with an NF that was not instrumented.
 * Single-threaded, like the drivers; C++17, no exceptions.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <map>
#include <tuple>
#include <vector>
#include "clara_rt.h"

extern "C" {

/* What clara-instrument emits (ClaraInstrument.h). */
struct clara_profile_desc {
    uint64_t version;
    uint64_t nblocks, nstate, naccess;
    uint64_t *blocks, *state, *access;
    const char *layout;
};

extern const struct clara_profile_desc __clara_profile __attribute__((weak));

void clara_profile_start(void);
int clara_profile_dump(FILE *f);
void clara_profile_pause(int delta);
void clara_rt_api_path(int api_id, uint32_t path, uint32_t probe_len, uint32_t occupancy,
                       uint32_t key_bytes, uint32_t value_bytes);

}  // extern "C"

/* Not every program that links this has the C++ runtime (the XDP driver). */
#pragma weak clara_rt_api_name

namespace {

enum { METRIC_PROBE, METRIC_OCCUPANCY, METRIC_BYTES, METRICS };
const char *const metric_names[METRICS] = {"probe_len", "occupancy", "bytes"};

/* The operation of each API id (clara_rt.h), within its catalog name. */
const char *const op_names[] = {
    "none",
    "find", "insert", "erase", "clear", "iterate",
    "find", "insert", "erase", "clear", "iterate",
    "push_back", "insert", "erase", "pop_back", "resize", "clear",
    "cksum", "pseudohdr", "now", "random", "jiffies",
    "make", "kill", "clone", "uniqueify", "push", "put", "shift",
    "push", "pull", "flowid",
};
static_assert(sizeof(op_names) / sizeof(op_names[0]) == CLARA_API_COUNT,
              "one operation name per API id of clara_rt.h");
/* The path codes of click_templates.hh (clara_rt::TablePath). */
const char *const path_names[] = {"", "hit", "miss", "new", "update", "full"};
const uint32_t npaths = sizeof(path_names) / sizeof(path_names[0]);

using Detail = std::tuple<uint32_t, uint32_t, uint32_t, uint32_t, uint32_t>;

struct ApiStats {
    uint64_t calls = 0;
    std::map<uint32_t, uint64_t> hist[METRICS];
    std::map<Detail, uint64_t> detail;  // (path, probe_len, occupancy, key, value bytes)
};

bool recording;
int paused;
std::vector<uint64_t> setup_blocks, setup_state, setup_access;
ApiStats api_stats[CLARA_API_COUNT];

const clara_profile_desc *
desc()
{
    const clara_profile_desc *d = &__clara_profile;
    return d && d->version == 1 ? d : nullptr;
}

void
copy(std::vector<uint64_t> &to, const uint64_t *from, uint64_t n)
{
    to.assign(from, from + n);
}

void
write_array(FILE *f, const uint64_t *a, uint64_t n)
{
    fputc('[', f);
    for (uint64_t i = 0; i < n; i++)
        fprintf(f, "%s%llu", i ? "," : "", (unsigned long long) a[i]);
    fputc(']', f);
}

void
write_counts(FILE *f, const char *name, const uint64_t *blocks, const uint64_t *state,
             const uint64_t *access, const clara_profile_desc *d)
{
    fprintf(f, "\"%s\": {\"blocks\": ", name);
    write_array(f, blocks, d->nblocks);
    fputs(", \"state\": ", f);
    write_array(f, state, d->nstate);
    fputs(", \"access\": ", f);
    write_array(f, access, d->naccess);
    fputc('}', f);
}

const char *
api_name(int id)
{
    return &clara_rt_api_name ? clara_rt_api_name(id) : nullptr;
}

}  // namespace

extern "C" void
clara_rt_api_event(int api_id, uint32_t probe_len, uint32_t occupancy, uint32_t bytes)
{
    if (!recording || paused > 0 || api_id <= CLARA_API_NONE || api_id >= CLARA_API_COUNT)
        return;
    ApiStats &s = api_stats[api_id];
    s.calls++;
    s.hist[METRIC_PROBE][probe_len]++;
    s.hist[METRIC_OCCUPANCY][occupancy]++;
    s.hist[METRIC_BYTES][bytes]++;
}

extern "C" void
clara_rt_api_path(int api_id, uint32_t path, uint32_t probe_len, uint32_t occupancy,
                  uint32_t key_bytes, uint32_t value_bytes)
{
    if (!recording || paused > 0 || api_id <= CLARA_API_NONE || api_id >= CLARA_API_COUNT
        || path == 0 || path >= npaths)
        return;
    api_stats[api_id].detail[Detail(path, probe_len, occupancy, key_bytes, value_bytes)]++;
}

extern "C" void
clara_profile_start(void)
{
    if (const clara_profile_desc *d = desc()) {
        copy(setup_blocks, d->blocks, d->nblocks);
        copy(setup_state, d->state, d->nstate);
        copy(setup_access, d->access, d->naccess);
    }
    for (ApiStats &s : api_stats)
        s = ApiStats();
    recording = true;
    paused = 0;
}

extern "C" void
clara_profile_pause(int delta)
{
    paused += delta;
}

extern "C" int
clara_profile_dump(FILE *f)
{
    recording = false;
    const clara_profile_desc *d = desc();
    if (!d) {
        fputs("{\"schema\": \"clara.profile-raw/1\", \"instrumented\": false}\n", f);
        return -1;
    }
    if (setup_blocks.size() != d->nblocks) {  // never started: nothing ran before
        setup_blocks.assign(d->nblocks, 0);
        setup_state.assign(d->nstate, 0);
        setup_access.assign(d->naccess, 0);
    }
    fputs("{\"schema\": \"clara.profile-raw/1\", \"instrumented\": true, \"layout\": ", f);
    fputs(d->layout, f);
    fputs(", ", f);
    write_counts(f, "setup", setup_blocks.data(), setup_state.data(), setup_access.data(), d);
    fputs(", ", f);
    write_counts(f, "total", d->blocks, d->state, d->access, d);
    fputs(", \"api_events\": {", f);
    bool first = true;
    for (int id = CLARA_API_NONE + 1; id < CLARA_API_COUNT; id++) {
        const ApiStats &s = api_stats[id];
        if (!s.calls)
            continue;
        const char *name = api_name(id);
        fprintf(f, "%s\"%d\": {\"name\": \"%s\", \"op\": \"%s\", \"calls\": %llu",
                first ? "" : ", ", id, name ? name : "", op_names[id],
                (unsigned long long) s.calls);
        for (int m = 0; m < METRICS; m++) {
            fprintf(f, ", \"%s\": {", metric_names[m]);
            bool k = true;
            for (const auto &kv : s.hist[m]) {
                fprintf(f, "%s\"%u\": %llu", k ? "" : ", ", kv.first,
                        (unsigned long long) kv.second);
                k = false;
            }
            fputc('}', f);
        }
        fputs(", \"detail\": [", f);
        bool d = true;
        for (const auto &kv : s.detail) {
            fprintf(f, "%s[\"%s\", %u, %u, %u, %u, %llu]", d ? "" : ", ",
                    path_names[std::get<0>(kv.first)], std::get<1>(kv.first),
                    std::get<2>(kv.first), std::get<3>(kv.first), std::get<4>(kv.first),
                    (unsigned long long) kv.second);
            d = false;
        }
        fputs("]}", f);
        first = false;
    }
    fputs("}}\n", f);
    fflush(f);
    return 0;
}
