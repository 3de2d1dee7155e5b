/*
 * counter_plugin.c - a QEMU TCG plugin (user mode, QEMU 7.2 plugin API v1) that counts, per
 * packet, the guest instructions executed and the memory instructions / accesses made, split
 * by the address range ("category") the instruction's PC lies in.
 *
 * Part of Clara (clara/runtime/qemu, docs/qemu-validation.md). Build with the host compiler:
 *
 *     gcc -O2 -Wall -shared -fPIC -o counter_plugin.so counter_plugin.c
 *
 * and run:
 *
 *     qemu-aarch64 -plugin ./counter_plugin.so,ranges=R.txt,out=OUT.json,begin=0x..,end=0x..,
 *                  pause=0x..,resume=0x.. ./binary args...
 *
 * Arguments (all "key=value"):
 *   ranges=FILE  first line: category names separated by blanks (at most 7); then one line per
 *                range "START END CATEGORY_INDEX" (hex addresses, END exclusive, no overlaps).
 *                Instructions outside every range fall in an implicit last category "other".
 *   out=FILE     where the JSON result goes at exit.
 *   begin, end   entry addresses of the driver's clara_qemu_packet_begin / _end: counting is
 *                on between them, and each begin..end window is one packet record.
 *   pause,resume entry addresses of clara_qemu_pause / _resume: counting is off between them
 *                (nested pauses are counted).
 *                Without begin/end the whole run is one record.
 *   mnemonics=aarch64  also count static_mem_insns: executed instructions whose mnemonic is
 *                a memory one (ld*, st* but not prfm, cas*, swp*), a cross-check of mem_insns.
 *   pcs=FILE     also write, per instruction address, how often it ran inside packets and how
 *                often it accessed memory there: lines "ADDRESS EXECUTIONS MEMORY" (hex address,
 *                decimal counts; an address translated in several blocks has several lines,
 *                to be summed). For attributing counts to source lines.
 *
 * What is counted, per category and per packet:
 *   insns       instructions executed (a translation block's instructions are added when the
 *               block starts: a block ends at every branch, so all of them run unless the
 *               guest faults in the middle),
 *   mem_insns   executed instructions that made at least one memory access,
 *   load_insns  ... that read memory, store_insns ... that wrote it (an atomic read-modify-write
 *               is one memory instruction, counted in both),
 *   load_accesses / store_accesses  the accesses themselves as QEMU performs them (an LDP makes
 *               two, a 128-bit access may make two),
 *   static_mem_insns  with mnemonics=aarch64: executed instructions that are memory
 *               instructions by their mnemonic (0 otherwise).
 * Memory is counted with per-access callbacks (QEMU 7.2's inline memory counters are not
 * reliable); an instruction's accesses are told apart from its next execution by a per-block
 * execution serial number. The marker functions' own instructions are never counted.
 *
 * qemu-plugin.h is not shipped by Debian; the few declarations used are written out below
 * from the v1 API (QEMU 7.2: QEMU_PLUGIN_VERSION 1).
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ----------------------------------------------------- QEMU plugin API v1 */

#define QEMU_PLUGIN_EXPORT __attribute__((visibility("default")))

typedef uint64_t qemu_plugin_id_t;
typedef uint32_t qemu_plugin_meminfo_t;

typedef struct qemu_info_t {
    const char *target_name;
    struct {
        int min;
        int cur;
    } version;
    bool system_emulation;
    union {
        struct {
            int smp_vcpus;
            int max_vcpus;
        } system;
    };
} qemu_info_t;

struct qemu_plugin_tb;
struct qemu_plugin_insn;

enum qemu_plugin_cb_flags {
    QEMU_PLUGIN_CB_NO_REGS,
    QEMU_PLUGIN_CB_R_REGS,
    QEMU_PLUGIN_CB_RW_REGS,
};

enum qemu_plugin_mem_rw {
    QEMU_PLUGIN_MEM_R = 1,
    QEMU_PLUGIN_MEM_W,
    QEMU_PLUGIN_MEM_RW,
};

typedef void (*qemu_plugin_udata_cb_t)(qemu_plugin_id_t id, void *userdata);
typedef void (*qemu_plugin_vcpu_udata_cb_t)(unsigned int vcpu_index, void *userdata);
typedef void (*qemu_plugin_vcpu_tb_trans_cb_t)(qemu_plugin_id_t id, struct qemu_plugin_tb *tb);
typedef void (*qemu_plugin_vcpu_mem_cb_t)(unsigned int vcpu_index, qemu_plugin_meminfo_t info,
                                          uint64_t vaddr, void *userdata);

void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t id,
                                           qemu_plugin_vcpu_tb_trans_cb_t cb);
void qemu_plugin_register_vcpu_tb_exec_cb(struct qemu_plugin_tb *tb,
                                          qemu_plugin_vcpu_udata_cb_t cb,
                                          enum qemu_plugin_cb_flags flags, void *userdata);
void qemu_plugin_register_vcpu_mem_cb(struct qemu_plugin_insn *insn,
                                      qemu_plugin_vcpu_mem_cb_t cb,
                                      enum qemu_plugin_cb_flags flags,
                                      enum qemu_plugin_mem_rw rw, void *userdata);
void qemu_plugin_register_atexit_cb(qemu_plugin_id_t id, qemu_plugin_udata_cb_t cb,
                                    void *userdata);
size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *tb);
uint64_t qemu_plugin_tb_vaddr(const struct qemu_plugin_tb *tb);
struct qemu_plugin_insn *qemu_plugin_tb_get_insn(const struct qemu_plugin_tb *tb, size_t idx);
uint64_t qemu_plugin_insn_vaddr(const struct qemu_plugin_insn *insn);
bool qemu_plugin_mem_is_store(qemu_plugin_meminfo_t info);
char *qemu_plugin_insn_disas(const struct qemu_plugin_insn *insn); /* g_malloc'd */
void qemu_plugin_outs(const char *string);

QEMU_PLUGIN_EXPORT int qemu_plugin_version = 1;

/* ------------------------------------------------------------------ state */

#define MAX_CATS 8 /* named categories + "other" */
#define NFIELDS 7
enum { F_INSNS, F_MEM, F_LOADS, F_STORES, F_LOAD_ACC, F_STORE_ACC, F_STATIC_MEM };
static const char *const field_names[NFIELDS] = {
    "insns", "mem_insns", "load_insns", "store_insns", "load_accesses", "store_accesses",
    "static_mem_insns",
};

typedef uint64_t record_t[MAX_CATS][NFIELDS];

struct range {
    uint64_t start, end;
    int cat;
};

struct insn_info {
    uint64_t serial; /* block execution serial of the last access seen */
    uint64_t pc;
    uint64_t mem_active; /* executions inside packets that accessed memory (pcs=) */
    uint8_t cat;
    uint8_t seen; /* 1: read, 2: written in that execution */
};

struct tb_info {
    uint64_t n[MAX_CATS];   /* instructions of the block per category */
    uint64_t mem[MAX_CATS]; /* ... of them memory instructions by their mnemonic */
    uint64_t active;        /* executions inside packets (pcs=) */
    size_t ninsns;
    struct insn_info *insns;
    struct tb_info *next;   /* every translated block, for pcs= */
};

static struct range *ranges;
static size_t nranges;
static char *cat_names[MAX_CATS];
static int ncats; /* including "other" */
static int other_cat;

static uint64_t mark_begin, mark_end, mark_pause, mark_resume;
static bool have_markers;
static bool aarch64_mnemonics; /* mnemonics=aarch64: fill static_mem_insns */
static char *out_path;
static char *pcs_path;        /* pcs=FILE: per-address counts */
static struct tb_info *blocks; /* every translated block (pcs=) */

static bool in_packet;
static int pause_depth;
static bool active; /* in_packet && pause_depth == 0 */
static uint64_t serial;

static record_t cur;      /* the packet being counted */
static record_t outside;  /* everything counted outside packets */
static record_t *records; /* finished packets */
static size_t nrecords, caprecords;
static uint64_t unbalanced; /* begin without end, end without begin, resume without pause */
static uint64_t translations;

/* ---------------------------------------------------------------- helpers */

static int
category_of(uint64_t pc)
{
    size_t lo = 0, hi = nranges;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (pc < ranges[mid].start)
            hi = mid;
        else if (pc >= ranges[mid].end)
            lo = mid + 1;
        else
            return ranges[mid].cat;
    }
    return other_cat;
}

static void
update_active(void)
{
    active = in_packet && pause_depth == 0;
}

static void
push_record(void)
{
    if (nrecords == caprecords) {
        caprecords = caprecords ? 2 * caprecords : 4096;
        records = realloc(records, caprecords * sizeof(record_t));
        if (!records) {
            fprintf(stderr, "counter_plugin: out of memory\n");
            exit(1);
        }
    }
    memcpy(records[nrecords++], cur, sizeof(record_t));
    memset(cur, 0, sizeof(record_t));
}

/* An AArch64 instruction that moves data to or from memory, by its mnemonic: ld*, st*
   (not prfm), cas*, swp* (the target file's opcode table, bluefield2.toml). */
static bool
aarch64_is_memory(const char *disas)
{
    while (*disas == ' ' || *disas == '\t')
        disas++;
    return !strncmp(disas, "ld", 2) || !strncmp(disas, "st", 2) || !strncmp(disas, "cas", 3)
           || !strncmp(disas, "swp", 3);
}

static int
range_cmp(const void *a, const void *b)
{
    const struct range *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

static bool
load_ranges(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "counter_plugin: cannot open ranges file %s\n", path);
        return false;
    }
    char line[4096];
    if (!fgets(line, sizeof line, f)) {
        fclose(f);
        fprintf(stderr, "counter_plugin: %s: empty ranges file\n", path);
        return false;
    }
    for (char *tok = strtok(line, " \t\r\n"); tok; tok = strtok(NULL, " \t\r\n")) {
        if (ncats >= MAX_CATS - 1) {
            fclose(f);
            fprintf(stderr, "counter_plugin: at most %d categories\n", MAX_CATS - 1);
            return false;
        }
        cat_names[ncats++] = strdup(tok);
    }
    other_cat = ncats;
    cat_names[ncats++] = strdup("other");
    size_t cap = 0;
    uint64_t s, e;
    int c;
    while (fscanf(f, "%" SCNx64 " %" SCNx64 " %d", &s, &e, &c) == 3) {
        if (c < 0 || c >= other_cat || e <= s) {
            fclose(f);
            fprintf(stderr, "counter_plugin: %s: bad range %" PRIx64 " %" PRIx64 " %d\n",
                    path, s, e, c);
            return false;
        }
        if (nranges == cap) {
            cap = cap ? 2 * cap : 256;
            ranges = realloc(ranges, cap * sizeof *ranges);
        }
        ranges[nranges++] = (struct range){s, e, c};
    }
    fclose(f);
    qsort(ranges, nranges, sizeof *ranges, range_cmp);
    for (size_t i = 1; i < nranges; i++)
        if (ranges[i].start < ranges[i - 1].end) {
            fprintf(stderr, "counter_plugin: %s: overlapping ranges at %" PRIx64 "\n", path,
                    ranges[i].start);
            return false;
        }
    return true;
}

/* ------------------------------------------------------------- callbacks */

static void
on_begin(unsigned int vcpu, void *udata)
{
    (void) vcpu;
    (void) udata;
    if (in_packet) { /* no end for the previous packet: close it anyway */
        unbalanced++;
        push_record();
    }
    memset(cur, 0, sizeof(record_t));
    in_packet = true;
    pause_depth = 0;
    update_active();
}

static void
on_end(unsigned int vcpu, void *udata)
{
    (void) vcpu;
    (void) udata;
    if (!in_packet) {
        unbalanced++;
        return;
    }
    push_record();
    in_packet = false;
    if (pause_depth != 0)
        unbalanced++;
    pause_depth = 0;
    update_active();
}

static void
on_pause(unsigned int vcpu, void *udata)
{
    (void) vcpu;
    (void) udata;
    pause_depth++;
    update_active();
}

static void
on_resume(unsigned int vcpu, void *udata)
{
    (void) vcpu;
    (void) udata;
    if (pause_depth > 0)
        pause_depth--;
    else
        unbalanced++;
    update_active();
}

static void
on_tb_exec(unsigned int vcpu, void *udata)
{
    (void) vcpu;
    struct tb_info *t = udata;
    serial++;
    uint64_t(*r)[NFIELDS] = active ? cur : outside;
    t->active += active;
    for (int c = 0; c < ncats; c++) {
        r[c][F_INSNS] += t->n[c];
        r[c][F_STATIC_MEM] += t->mem[c];
    }
}

static void
on_mem(unsigned int vcpu, qemu_plugin_meminfo_t info, uint64_t vaddr, void *udata)
{
    (void) vcpu;
    (void) vaddr;
    struct insn_info *ii = udata;
    uint64_t *r = active ? cur[ii->cat] : outside[ii->cat];
    if (ii->serial != serial) {
        ii->serial = serial;
        ii->seen = 0;
        r[F_MEM]++;
        ii->mem_active += active;
    }
    if (qemu_plugin_mem_is_store(info)) {
        r[F_STORE_ACC]++;
        if (!(ii->seen & 2)) {
            ii->seen |= 2;
            r[F_STORES]++;
        }
    } else {
        r[F_LOAD_ACC]++;
        if (!(ii->seen & 1)) {
            ii->seen |= 1;
            r[F_LOADS]++;
        }
    }
}

static void
on_tb_trans(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
    (void) id;
    translations++;
    uint64_t pc = qemu_plugin_tb_vaddr(tb);
    if (have_markers) {
        qemu_plugin_vcpu_udata_cb_t marker = NULL;
        if (pc == mark_begin)
            marker = on_begin;
        else if (pc == mark_end)
            marker = on_end;
        else if (pc == mark_pause)
            marker = on_pause;
        else if (pc == mark_resume)
            marker = on_resume;
        if (marker) { /* the marker's own instructions are not counted */
            qemu_plugin_register_vcpu_tb_exec_cb(tb, marker, QEMU_PLUGIN_CB_NO_REGS, NULL);
            return;
        }
    }
    size_t n = qemu_plugin_tb_n_insns(tb);
    struct tb_info *t = calloc(1, sizeof *t);
    struct insn_info *ii = calloc(n ? n : 1, sizeof *ii);
    if (!t || !ii) {
        fprintf(stderr, "counter_plugin: out of memory\n");
        exit(1);
    }
    /* the block's exec callback is registered first, so it runs before the instructions'
       memory callbacks and bumps the serial they compare against */
    qemu_plugin_register_vcpu_tb_exec_cb(tb, on_tb_exec, QEMU_PLUGIN_CB_NO_REGS, t);
    t->ninsns = n;
    t->insns = ii;
    t->next = blocks;
    blocks = t;
    for (size_t i = 0; i < n; i++) {
        struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
        ii[i].pc = qemu_plugin_insn_vaddr(insn);
        int c = category_of(ii[i].pc);
        t->n[c]++;
        if (aarch64_mnemonics) {
            char *d = qemu_plugin_insn_disas(insn);
            if (d && aarch64_is_memory(d))
                t->mem[c]++;
            free(d); /* glib >= 2.46 allocates with the system malloc */
        }
        ii[i].cat = (uint8_t) c;
        ii[i].serial = UINT64_MAX;
        qemu_plugin_register_vcpu_mem_cb(insn, on_mem, QEMU_PLUGIN_CB_NO_REGS,
                                         QEMU_PLUGIN_MEM_RW, &ii[i]);
    }
}

static void
write_record(FILE *f, const uint64_t (*r)[NFIELDS])
{
    fputc('[', f);
    for (int c = 0; c < ncats; c++)
        for (int k = 0; k < NFIELDS; k++)
            fprintf(f, "%s%" PRIu64, c == 0 && k == 0 ? "" : ",", r[c][k]);
    fputc(']', f);
}

static void
write_pcs(const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "counter_plugin: cannot write %s\n", path);
        return;
    }
    for (const struct tb_info *t = blocks; t; t = t->next) {
        if (!t->active)
            continue;
        for (size_t i = 0; i < t->ninsns; i++)
            fprintf(f, "%" PRIx64 " %" PRIu64 " %" PRIu64 "\n", t->insns[i].pc, t->active,
                    t->insns[i].mem_active);
    }
    fclose(f);
}

static void
on_exit_cb(qemu_plugin_id_t id, void *udata)
{
    (void) id;
    (void) udata;
    if (!have_markers || in_packet)
        push_record(); /* the whole run, or a packet cut short by exit */
    if (pcs_path)
        write_pcs(pcs_path);
    FILE *f = fopen(out_path, "w");
    if (!f) {
        fprintf(stderr, "counter_plugin: cannot write %s\n", out_path);
        return;
    }
    fprintf(f, "{\"schema\": \"clara.qemu-counts/1\", \"markers\": %s, \"categories\": [",
            have_markers ? "true" : "false");
    for (int c = 0; c < ncats; c++)
        fprintf(f, "%s\"%s\"", c ? ", " : "", cat_names[c]);
    fprintf(f, "], \"fields\": [");
    for (int k = 0; k < NFIELDS; k++)
        fprintf(f, "%s\"%s\"", k ? ", " : "", field_names[k]);
    fprintf(f, "], \"unbalanced_markers\": %" PRIu64 ", \"translations\": %" PRIu64
               ", \"outside\": ", unbalanced, translations);
    write_record(f, (const uint64_t(*)[NFIELDS]) outside);
    fprintf(f, ",\n\"packets\": [\n");
    for (size_t i = 0; i < nrecords; i++) {
        if (i)
            fputs(",\n", f);
        write_record(f, (const uint64_t(*)[NFIELDS]) records[i]);
    }
    fprintf(f, "]}\n");
    fclose(f);
}

/* ------------------------------------------------------------ installing */

static bool
parse_addr(const char *value, uint64_t *out)
{
    char *end;
    *out = strtoull(value, &end, 0);
    return *value && !*end;
}

QEMU_PLUGIN_EXPORT int
qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc, char **argv)
{
    const char *ranges_path = NULL;
    int nmarks = 0;
    if (info->system_emulation) {
        fprintf(stderr, "counter_plugin: user-mode emulation only (qemu-<arch>)\n");
        return -1;
    }
    for (int i = 0; i < argc; i++) {
        char *eq = strchr(argv[i], '=');
        if (!eq) {
            fprintf(stderr, "counter_plugin: argument '%s' is not key=value\n", argv[i]);
            return -1;
        }
        size_t klen = (size_t) (eq - argv[i]);
        const char *v = eq + 1;
        uint64_t *addr = NULL;
        if (klen == 6 && !strncmp(argv[i], "ranges", klen))
            ranges_path = v;
        else if (klen == 3 && !strncmp(argv[i], "out", klen))
            out_path = strdup(v);
        else if (klen == 3 && !strncmp(argv[i], "pcs", klen))
            pcs_path = strdup(v);
        else if (klen == 9 && !strncmp(argv[i], "mnemonics", klen)) {
            if (strcmp(v, "aarch64")) {
                fprintf(stderr, "counter_plugin: mnemonics=aarch64 is the only table\n");
                return -1;
            }
            aarch64_mnemonics = true;
        } else if (klen == 5 && !strncmp(argv[i], "begin", klen))
            addr = &mark_begin;
        else if (klen == 3 && !strncmp(argv[i], "end", klen))
            addr = &mark_end;
        else if (klen == 5 && !strncmp(argv[i], "pause", klen))
            addr = &mark_pause;
        else if (klen == 6 && !strncmp(argv[i], "resume", klen))
            addr = &mark_resume;
        else {
            fprintf(stderr, "counter_plugin: unknown argument '%s'\n", argv[i]);
            return -1;
        }
        if (addr) {
            if (!parse_addr(v, addr)) {
                fprintf(stderr, "counter_plugin: bad address '%s'\n", argv[i]);
                return -1;
            }
            nmarks++;
        }
    }
    if (!out_path) {
        fprintf(stderr, "counter_plugin: out=FILE is required\n");
        return -1;
    }
    if (ranges_path) {
        if (!load_ranges(ranges_path))
            return -1;
    } else {
        other_cat = 0;
        cat_names[0] = strdup("other");
        ncats = 1;
    }
    if (nmarks != 0 && (mark_begin == 0 || mark_end == 0)) {
        fprintf(stderr, "counter_plugin: begin= and end= go together\n");
        return -1;
    }
    have_markers = mark_begin != 0;
    in_packet = !have_markers;
    update_active();
    qemu_plugin_register_vcpu_tb_trans_cb(id, on_tb_trans);
    qemu_plugin_register_atexit_cb(id, on_exit_cb, NULL);
    return 0;
}
