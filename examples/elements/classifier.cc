// -*- c-basic-offset: 4 -*-
/*
 * classifier.{cc,hh} -- classify packets by byte patterns
 *
 * The standard Click Classifier element, written from its documented
 * pattern language (OFFSET/VALUE[%MASK], "!", "-") and the shape of its
 * compiled program: the patterns become an array of masked 32-bit word
 * tests with yes/no jumps, and a packet walks one path through it.  Click
 * also optimizes that program (shared tests, shortcuts); this version
 * compiles each pattern as written.  See classifier.hh for the interface.
 */

#include <click/config.h>
#include "classifier.hh"
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

namespace {

enum {
    MAX_CLAUSE_BYTES = 64,
    MAX_CLAUSE_WORDS = MAX_CLAUSE_BYTES / 4 + 1,
    MAX_PATTERN_CLAUSES = 16
};
const int32_t FAIL = INT32_MIN;         // placeholder: the next pattern's entry

/* The value of a hex digit, or -1. */
int
hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Parse hex digits into bytes (and, when wild_mask is given, '?' nibbles
   into zero mask bits); the number of bytes, or -1. */
int
parse_hex(const String &text, uint8_t *bytes, uint8_t *wild_mask, int max_bytes)
{
    if (text.length() == 0 || text.length() % 2 != 0 || text.length() / 2 > max_bytes)
        return -1;
    for (int i = 0; i < text.length(); i += 2) {
        uint8_t value = 0, mask = 0;
        for (int k = 0; k < 2; k++) {
            char c = text[i + k];
            int shift = k == 0 ? 4 : 0;
            if (c == '?' && wild_mask)
                continue;
            int d = hex_value(c);
            if (d < 0)
                return -1;
            value |= d << shift;
            mask |= 0xF << shift;
        }
        bytes[i / 2] = value;
        if (wild_mask)
            wild_mask[i / 2] = mask;
    }
    return text.length() / 2;
}

/* Append x as 'digits' lower-case hex digits. */
void
append_hex(StringAccum &sa, uint32_t x, int digits)
{
    static const char hex[] = "0123456789abcdef";
    for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4)
        sa << hex[(x >> shift) & 0xF];
}

void
append_target(StringAccum &sa, int32_t target, int npatterns)
{
    if (target >= 0)
        sa << target;
    else if (-target - 1 < npatterns)
        sa << "out " << (-target - 1);
    else
        sa << "drop";
}

}

/* One parsed clause: its word tests (targets not yet set). */
struct Classifier::Clause {
    Expr words[MAX_CLAUSE_WORDS];
    int nwords;
    bool negated;

    int parse(const String &text, ErrorHandler *errh);
};

/* OFFSET/VALUE[%MASK], optionally preceded by "!", into aligned word tests;
   a word the mask leaves entirely open is not tested. */
int
Classifier::Clause::parse(const String &text, ErrorHandler *errh)
{
    String body = text;
    negated = body.length() && body[0] == '!';
    if (negated)
        body = body.substring(1);
    int slash = body.find_left('/');
    if (slash <= 0)
        return errh->error("clause '%s': expected OFFSET/VALUE[%%MASK]", text.c_str());
    int offset;
    if (!cp_integer(body.substring(0, slash), 10, &offset) || offset < 0 || offset > MAX_OFFSET)
        return errh->error("clause '%s': bad offset (0..%d)", text.c_str(), (int) MAX_OFFSET);

    String value_text = body.substring(slash + 1), mask_text;
    int percent = value_text.find_left('%');
    if (percent >= 0) {
        mask_text = value_text.substring(percent + 1);
        value_text = value_text.substring(0, percent);
    }
    uint8_t value[MAX_CLAUSE_BYTES], mask[MAX_CLAUSE_BYTES], given_mask[MAX_CLAUSE_BYTES];
    int n = parse_hex(value_text, value, mask, MAX_CLAUSE_BYTES);
    if (n < 0)
        return errh->error("clause '%s': VALUE must be pairs of hex digits or '?', "
                           "at most %d bytes", text.c_str(), (int) MAX_CLAUSE_BYTES);
    if (percent >= 0) {
        if (parse_hex(mask_text, given_mask, 0, MAX_CLAUSE_BYTES) != n)
            return errh->error("clause '%s': MASK must be hex digits as long as VALUE",
                               text.c_str());
        for (int i = 0; i < n; i++)
            mask[i] &= given_mask[i];
    }

    nwords = 0;
    uint32_t end = offset + n;
    for (uint32_t w = offset & ~3U; w < end; w += 4) {
        uint8_t wv[4] = {0, 0, 0, 0}, wm[4] = {0, 0, 0, 0};
        uint32_t min_length = 0;
        for (uint32_t b = 0; b < 4; b++) {
            uint32_t pos = w + b;
            if (pos < (uint32_t) offset || pos >= end || mask[pos - offset] == 0)
                continue;
            wm[b] = mask[pos - offset];
            wv[b] = value[pos - offset] & wm[b];
            min_length = pos + 1;
        }
        if (min_length == 0)
            continue;
        Expr &e = words[nwords++];
        e.offset = w;
        e.min_length = min_length;
        memcpy(&e.value, wv, 4);
        memcpy(&e.mask, wm, 4);
        e.yes = e.no = FAIL;
    }
    if (nwords == 0 && negated)
        return errh->error("clause '%s' matches every packet, so negated it matches none",
                           text.c_str());
    return 0;
}

Classifier::Classifier()
    : _nexprs(0), _start(-1), _npatterns(0), _no_match(0)
{
    for (int i = 0; i < MAX_PATTERNS; i++)
        _matches[i] = 0;
}

Classifier::~Classifier()
{
}

/* Point every test still waiting for "the next pattern" at target. */
void
Classifier::patch_fail(int32_t target)
{
    for (int i = 0; i < _nexprs; i++) {
        if (_exprs[i].yes == FAIL)
            _exprs[i].yes = target;
        if (_exprs[i].no == FAIL)
            _exprs[i].no = target;
    }
}

/* Pattern 'index': its tests in clause order.  A clause's tests chain on
   "yes" (negated: the last one's "yes" fails the pattern and every "no"
   moves on); the last clause moves on to output 'index'; failing moves to
   the next pattern's entry, patched in when that is known. */
int
Classifier::compile_pattern(const String &text, int index, ErrorHandler *errh)
{
    Vector<String> words;
    cp_spacevec(text, words);
    if (words.size() == 0)
        return errh->error("pattern %d is empty (write '-' to match everything)", index + 1);
    Clause clauses[MAX_PATTERN_CLAUSES];
    int nclauses = 0;
    for (int i = 0; i < words.size(); i++) {
        if (words[i] == "-")
            continue;           // matches everything: adds no test
        if (nclauses == MAX_PATTERN_CLAUSES)
            return errh->error("pattern %d: at most %d clauses", index + 1,
                               (int) MAX_PATTERN_CLAUSES);
        if (clauses[nclauses].parse(words[i], errh) < 0)
            return -1;
        if (clauses[nclauses].nwords)
            nclauses++;
    }

    int32_t output = -1 - index;
    patch_fail(nclauses ? _nexprs : output);
    if (index == 0)
        _start = nclauses ? _nexprs : output;
    for (int c = 0; c < nclauses; c++) {
        const Clause &clause = clauses[c];
        if (_nexprs + clause.nwords > MAX_EXPRS)
            return errh->error("patterns too long (at most %d word tests)", (int) MAX_EXPRS);
        int32_t first = _nexprs;
        int32_t next = c == nclauses - 1 ? output : first + clause.nwords;
        for (int j = 0; j < clause.nwords; j++) {
            Expr &e = _exprs[_nexprs++];
            e = clause.words[j];
            int32_t done = j < clause.nwords - 1 ? first + j + 1 : next;
            if (clause.negated && j == clause.nwords - 1) {
                e.yes = FAIL;
                e.no = next;
            } else if (clause.negated) {
                e.yes = done;
                e.no = next;
            } else {
                e.yes = done;
                e.no = FAIL;
            }
        }
    }
    return 0;
}

int
Classifier::configure(Vector<String> &conf, ErrorHandler *errh)
{
    if (conf.size() == 0)
        return errh->error("give at least one pattern");
    if (conf.size() > MAX_PATTERNS)
        return errh->error("%d patterns: at most %d", conf.size(), (int) MAX_PATTERNS);
    if (conf.size() != noutputs())
        return errh->error("%d patterns but %d outputs: one output per pattern",
                           conf.size(), noutputs());
    _nexprs = 0;
    for (int i = 0; i < conf.size(); i++)
        if (compile_pattern(conf[i], i, errh) < 0)
            return -1;
    _npatterns = conf.size();
    patch_fail(-1 - _npatterns);        // past the last pattern: drop
    return 0;
}

/* The output of the first pattern p matches, or _npatterns. */
int
Classifier::classify(const Packet *p) const
{
    const unsigned char *data = p->data();
    uint32_t length = p->length();
    int32_t t = _start;
    while (t >= 0) {
        const Expr &e = _exprs[t];
        if (length < e.min_length) {
            t = e.no;
            continue;
        }
        uint32_t x = 0;
        if (e.offset + 4 <= length)
            memcpy(&x, data + e.offset, 4);
        else
            memcpy(&x, data + e.offset, length - e.offset);    // the rest is masked out
        t = (x & e.mask) == e.value ? e.yes : e.no;
    }
    return -t - 1;
}

void
Classifier::push(int, Packet *p)
{
    int out = classify(p);
    if (out >= _npatterns) {
        _no_match++;
        p->kill();
        return;
    }
    _matches[out]++;
    output(out).push(p);
}

String
Classifier::read_handler(Element *e, void *thunk)
{
    Classifier *c = static_cast<Classifier *>(e);
    StringAccum sa;
    switch (reinterpret_cast<uintptr_t>(thunk)) {
    case h_matches:
        for (int i = 0; i < c->_npatterns; i++)
            sa << (i ? " " : "") << c->_matches[i];
        break;
    case h_no_match:
        sa << c->_no_match;
        break;
    default:
        for (int i = 0; i < c->_nexprs; i++) {
            const Expr &x = c->_exprs[i];
            sa << i << ": " << x.offset << '/';
            append_hex(sa, ntohl(x.value), 8);
            sa << '%';
            append_hex(sa, ntohl(x.mask), 8);
            sa << ' ';
            append_target(sa, x.yes, c->_npatterns);
            sa << ' ';
            append_target(sa, x.no, c->_npatterns);
            sa << '\n';
        }
        break;
    }
    return sa.take_string();
}

void
Classifier::add_handlers()
{
    add_read_handler("matches", read_handler, h_matches);
    add_read_handler("no_match", read_handler, h_no_match);
    add_read_handler("program", read_handler, h_program);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(Classifier)
