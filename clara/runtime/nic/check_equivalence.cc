/*
 * check_equivalence.cc -- drive the host runtime's reverse-ported containers
 * (clara/runtime/host/click_templates.hh) and their C versions (clara_nic.c,
 * compiled for the host with -DCLARA_NIC_TRACE) with one random operation
 * sequence and compare, after every operation, the results and the probe
 * counts (host: clara_rt_api_event; C: clara_nic_last).  The key type hashes
 * as the C tables do (clara_nic_key_hash), so both put a key in the same
 * bucket; HashMap runs against the C table compiled for 3-word keys
 * (clara_nic_table_*_k3), HashTable against the run-time key size version.
 *
 *   check_equivalence [SEED [OPS]]   prints a JSON summary; exit 1 on a mismatch
 */
#include <click/config.h>
#include <click/hashmap.hh>
#include <click/hashtable.hh>
#include <click/vector.hh>
#include <click/glue.hh>
#include <stdio.h>
#include <stdlib.h>
#include <string>
#include <vector>
#include "../host/clara_runtime.hh"
#include "clara_nic.h"

using namespace Click;

static uint32_t ev_probe, ev_occupancy;

/* The profiler's hook: remember the last event. */
extern "C" void
clara_rt_api_event(int, uint32_t probe_len, uint32_t occupancy, uint32_t)
{
    ev_probe = probe_len;
    ev_occupancy = occupancy;
}

namespace {

struct Key {
    uint32_t w[3];
    bool operator==(const Key &o) const { return w[0] == o.w[0] && w[1] == o.w[1] && w[2] == o.w[2]; }
    hashcode_t hashcode() const { return clara_nic_key_hash(w, 3); }
};

struct Entry {
    uint32_t w[4];
};

uint64_t rng_state;
uint32_t
rnd(uint32_t n)
{
    rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (uint32_t) (rng_state >> 33) % n;
}

long ops, mismatches;
std::string first_mismatch;

void
check(bool ok, const std::string &what)
{
    if (!ok) {
        mismatches++;
        if (first_mismatch.empty())
            first_mismatch = "op " + std::to_string(ops) + ": " + what;
    }
}

Key
key_of(uint32_t i)
{
    Key k = {{i * 2654435761u, i ^ 0x5A5A5A5Au, i}};
    return k;
}

uint32_t
c_value(const clara_nic_table &t, int32_t slot)
{
    uint32_t stride = t.key_words + t.value_words;
    return t.entries[(uint32_t) slot * stride + t.key_words];
}

/* A C table of nbuckets x slots entries of a 3-word key and a 1-word value. */
struct CTable {
    std::vector<unsigned char> valid;
    std::vector<uint32_t> entries;
    clara_nic_table t;
    CTable(uint32_t nbuckets, uint32_t slots)
        : valid(nbuckets * slots, 0), entries(nbuckets * slots * 4, 0),
          t{nbuckets, slots, 3, 1, 0, valid.data(), entries.data()}
    {
    }
};

/* ------------------------------------------------------------ HashMap */

void
run_hashmap(long n)
{
    clara_rt_cfg.hash_buckets = 8;
    clara_rt_cfg.hash_slots = 4;
    HashMap<Key, uint32_t> m;
    CTable c(8, 4);
    clara_nic_table &t = c.t;
    for (long i = 0; i < n; i++, ops++) {
        Key k = key_of(rnd(80));
        uint32_t op = rnd(10);
        if (op < 4) {
            uint32_t v = rnd(1000000);
            uint64_t failed = clara_rt_stats.hash_insert_failed;
            bool fresh = m.insert(k, v);
            int hr = clara_rt_stats.hash_insert_failed != failed ? -1 : fresh ? 1 : 0;
            uint32_t hp = ev_probe, ho = ev_occupancy;
            // the key-sized and the key-and-value-sized versions, in turn
            int cr = i % 2 ? clara_nic_table_insert_k3(&t, k.w, &v)
                           : clara_nic_table_insert_k3v1(&t, k.w, &v);
            check(hr == cr, "HashMap::insert result " + std::to_string(hr) + " vs " + std::to_string(cr));
            check(hp == clara_nic_last.probes && ho == clara_nic_last.compares,
                  "HashMap::insert probes");
        } else if (op < 8) {
            uint32_t *hv = m.findp(k);
            uint32_t hp = ev_probe, ho = ev_occupancy;
            int32_t slot = clara_nic_table_find_k3(&t, k.w);
            check(slot == clara_nic_table_find_k3v1(&t, k.w), "HashMap::find k3 vs k3v1");
            check((hv != 0) == (slot >= 0), "HashMap::find presence");
            if (hv && slot >= 0)
                check(*hv == c_value(t, slot), "HashMap::find value");
            check(hp == clara_nic_last.probes && ho == clara_nic_last.compares,
                  "HashMap::find probes");
        } else if (op < 9) {
            bool he = m.erase(k);
            uint32_t hp = ev_probe, ho = ev_occupancy;
            int ce = i % 2 ? clara_nic_table_erase_k3(&t, k.w)
                           : clara_nic_table_erase_k3v1(&t, k.w);
            check((int) he == ce, "HashMap::erase result");
            check(hp == clara_nic_last.probes && ho == clara_nic_last.compares,
                  "HashMap::erase probes");
        } else {
            // iterate: same keys in the same slot order, same slots scanned per step
            HashMap<Key, uint32_t>::iterator it = m.begin();
            uint32_t from = 0;
            while (true) {
                uint32_t hp = ev_probe;
                uint32_t slot = clara_nic_table_next(&t, from);
                check(hp == clara_nic_last.probes, "HashMap::iterate scanned");
                bool c_live = slot < t.nbuckets * t.slots;
                check(it.live() == c_live, "HashMap::iterate end");
                if (!it.live() || !c_live)
                    break;
                const uint32_t *ck = &t.entries[slot * 4];
                check(it.key().w[0] == ck[0] && it.key().w[2] == ck[2], "HashMap::iterate key");
                check(it.value() == c_value(t, (int32_t) slot), "HashMap::iterate value");
                ++it;
                from = slot + 1;
            }
        }
        check(m.size() == t.n, "HashMap::size");
    }
    m.clear();
    clara_nic_table_clear(&t);
    check(m.size() == 0 && t.n == 0, "HashMap::clear");
}

/* ---------------------------------------------------------- HashTable */

void
run_hashtable(long n)
{
    clara_rt_cfg.hash_buckets = 4;
    clara_rt_cfg.hash_slots = 2;
    HashTable<Key, uint32_t> h;
    CTable c(4, 2);
    clara_nic_table &t = c.t;
    for (long i = 0; i < n; i++, ops++) {
        Key k = key_of(rnd(24));
        uint32_t op = rnd(3);
        if (op == 0) {
            uint32_t v = rnd(1000);
            uint64_t failed = clara_rt_stats.hash_insert_failed;
            bool fresh = h.replace(k, v);
            int hr = clara_rt_stats.hash_insert_failed != failed ? -1 : fresh ? 1 : 0;
            uint32_t hp = ev_probe, ho = ev_occupancy;
            int cr = clara_nic_table_insert(&t, k.w, &v);
            check(hr == cr, "HashTable::replace result");
            check(hp == clara_nic_last.probes && ho == clara_nic_last.compares,
                  "HashTable::replace probes");
        } else if (op == 1) {
            HashTable<Key, uint32_t>::iterator it = h.find(k);
            uint32_t hp = ev_probe, ho = ev_occupancy;
            int32_t slot = clara_nic_table_find(&t, k.w);
            check(it.live() == (slot >= 0), "HashTable::find presence");
            if (it.live() && slot >= 0)
                check(it.value() == c_value(t, slot), "HashTable::find value");
            check(hp == clara_nic_last.probes && ho == clara_nic_last.compares,
                  "HashTable::find probes");
        } else {
            size_t he = h.erase(k);
            uint32_t hp = ev_probe;
            int ce = clara_nic_table_erase(&t, k.w);
            check((int) he == ce, "HashTable::erase result");
            check(hp == clara_nic_last.probes, "HashTable::erase probes");
        }
        check(h.size() == t.n, "HashTable::size");
    }
}

/* ------------------------------------------------------------- Vector */

void
run_vector(long n)
{
    const uint32_t cap = 16;
    Vector<Entry> v;
    v.reserve(cap);                 // before start: the fixed capacity
    clara_rt::start();
    std::vector<uint32_t> words(cap * 4, 0);
    clara_nic_vec c = {words.data(), 0, cap, 4};
    for (long i = 0; i < n; i++, ops++) {
        uint32_t op = rnd(12);
        Entry e = {{rnd(1000), rnd(1000), rnd(1000), (uint32_t) i}};
        if (op < 5) {
            int before = v.size();
            v.push_back(e);
            int hr = v.size() == before ? -1 : 0;
            int cr = clara_nic_vec_push_back(&c, e.w);
            check(hr == cr, "Vector::push_back result");
        } else if (op < 7) {
            uint32_t at = rnd((uint32_t) v.size() + 1);
            int before = v.size();
            v.insert(v.begin() + at, e);
            uint32_t hm = ev_probe;
            int hr = v.size() == before ? -1 : 0;
            int cr = clara_nic_vec_insert(&c, at, e.w);
            check(hr == cr, "Vector::insert result");
            if (cr == 0)
                check(hm == clara_nic_last.moved, "Vector::insert moved");
        } else if (op < 10) {
            uint32_t a = rnd((uint32_t) v.size() + 1);
            uint32_t b = a + rnd(3);
            if (b > (uint32_t) v.size())
                b = v.size();
            v.erase(v.begin() + a, v.begin() + b);
            uint32_t hm = ev_probe;
            uint32_t cm = clara_nic_vec_erase(&c, a, b);
            check(hm == cm && cm == (a < b ? clara_nic_last.moved : 0), "Vector::erase moved");
        } else if (op < 11) {
            v.pop_back();
            clara_nic_vec_pop_back(&c);
        } else if (rnd(4) == 0) {
            v.clear();
            clara_nic_vec_clear(&c);
        }
        check((uint32_t) v.size() == c.n, "Vector::size");
        for (int j = 0; j < v.size() && (uint32_t) j < c.n; j++)
            for (int w = 0; w < 4; w++)
                check(v[j].w[w] == clara_nic_vec_at(&c, (uint32_t) j)[w], "Vector contents");
    }
}

/* ------------------------------------------------- checksums, random */

void
run_checksums(long n)
{
    unsigned char buf[128];
    for (long i = 0; i < n; i++, ops++) {
        int len = (int) rnd(101);
        uint32_t off = rnd(4);
        for (int j = 0; j < len; j++)
            buf[off + j] = (unsigned char) rnd(256);
        uint16_t hs = click_in_cksum(buf + off, len);
        uint32_t hw = ev_probe;
        uint16_t cs = clara_nic_in_cksum(buf + off, len);
        check(hs == cs, "click_in_cksum value");
        check(hw == clara_nic_last.words, "click_in_cksum words");
        uint32_t src = rnd(0xFFFFFFFFu), dst = rnd(0xFFFFFFFFu);
        int proto = rnd(2) ? 6 : 17;
        check(click_in_cksum_pseudohdr_raw(hs, src, dst, proto, len)
              == clara_nic_in_cksum_pseudohdr_raw(cs, src, dst, proto, len),
              "click_in_cksum_pseudohdr_raw");
    }
    clara_rt_srandom(12345);
    clara_nic_srandom(12345);
    for (int i = 0; i < 1000; i++, ops++)
        check(click_random() == clara_nic_random(), "click_random");
}

}  // namespace

int
main(int argc, char **argv)
{
    uint64_t seed = argc > 1 ? strtoull(argv[1], 0, 0) : 1;
    long n = argc > 2 ? strtol(argv[2], 0, 0) : 20000;
    rng_state = seed;
    run_hashmap(n);
    run_hashtable(n / 2);
    run_vector(n / 2);
    run_checksums(n / 10);
    printf("{\"seed\": %llu, \"ops\": %ld, \"mismatches\": %ld, \"hash_insert_failed\": %llu, "
           "\"vector_full\": %llu, \"first_mismatch\": \"%s\"}\n",
           (unsigned long long) seed, ops, mismatches,
           (unsigned long long) clara_rt_stats.hash_insert_failed,
           (unsigned long long) clara_rt_stats.vector_full, first_mismatch.c_str());
    return mismatches ? 1 : 0;
}
