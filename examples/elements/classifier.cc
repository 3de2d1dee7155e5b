// -*- c-basic-offset: 4 -*-
/*
 * classifier.{cc,hh} -- classify packets by byte patterns
 *
 * The standard Click Classifier element, written from its documented
 * pattern language (OFFSET/VALUE[%MASK], "!", "-").  Click compiles the
 * patterns into a decision tree; this version compiles them into flat
 * arrays of aligned 32-bit (offset, value, mask) words and tests them in
 * order, the layout a NIC port would use.  See classifier.hh for the
 * interface.
 */

#include <click/config.h>
#include "classifier.hh"
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

namespace {

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

enum { MAX_CLAUSE_BYTES = 64 };

}

Classifier::Classifier()
    : _nwords(0), _nclauses(0), _npatterns(0), _no_match(0)
{
    for (int i = 0; i < MAX_PATTERNS; i++)
        _matches[i] = 0;
}

Classifier::~Classifier()
{
}

/* OFFSET/VALUE[%MASK], optionally preceded by "!", into words. */
int
Classifier::compile_clause(const String &text, ErrorHandler *errh)
{
    String body = text;
    bool negated = false;
    if (body.length() && body[0] == '!') {
        negated = true;
        body = body.substring(1);
    }
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

    if (_nclauses == MAX_CLAUSES)
        return errh->error("too many clauses (at most %d)", (int) MAX_CLAUSES);
    Clause &c = _clauses[_nclauses];
    c.first_word = _nwords;
    c.nwords = 0;
    c.negated = negated;

    // Bytes to aligned words; a word whose mask is all zero is left out.
    uint32_t first_aligned = offset & ~3U, end = offset + n;
    for (uint32_t w = first_aligned; w < end; w += 4) {
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
        if (_nwords == MAX_WORDS)
            return errh->error("patterns too long (at most %d words)", (int) MAX_WORDS);
        Word &word = _words[_nwords++];
        word.offset = w;
        word.min_length = min_length;
        memcpy(&word.value, wv, 4);
        memcpy(&word.mask, wm, 4);
        c.nwords++;
    }
    _nclauses++;
    return 0;
}

int
Classifier::compile_pattern(const String &text, ErrorHandler *errh)
{
    Vector<String> clauses;
    cp_spacevec(text, clauses);
    if (clauses.size() == 0)
        return errh->error("pattern %d is empty (write '-' to match everything)",
                           _npatterns + 1);
    Pattern &pat = _patterns[_npatterns];
    pat.first_clause = _nclauses;
    for (int i = 0; i < clauses.size(); i++) {
        if (clauses[i] == "-")
            continue;           // matches everything: adds no test
        if (compile_clause(clauses[i], errh) < 0)
            return -1;
    }
    pat.nclauses = _nclauses - pat.first_clause;
    _npatterns++;
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
    _nwords = _nclauses = _npatterns = 0;
    for (int i = 0; i < conf.size(); i++)
        if (compile_pattern(conf[i], errh) < 0)
            return -1;
    return 0;
}

bool
Classifier::word_matches(const Word &w, const unsigned char *data, uint32_t length) const
{
    if (length < w.min_length)
        return false;
    uint32_t x = 0;
    if (w.offset + 4 <= length)
        memcpy(&x, data + w.offset, 4);
    else
        memcpy(&x, data + w.offset, length - w.offset);     // the rest is masked out
    return (x & w.mask) == w.value;
}

bool
Classifier::clause_matches(const Clause &c, const unsigned char *data, uint32_t length) const
{
    bool all = true;
    for (int i = c.first_word; i < c.first_word + c.nwords && all; i++)
        all = word_matches(_words[i], data, length);
    return all != c.negated;
}

/* The first pattern p matches, or -1. */
int
Classifier::classify(const Packet *p) const
{
    const unsigned char *data = p->data();
    uint32_t length = p->length();
    for (int i = 0; i < _npatterns; i++) {
        const Pattern &pat = _patterns[i];
        bool match = true;
        for (int k = pat.first_clause; k < pat.first_clause + pat.nclauses && match; k++)
            match = clause_matches(_clauses[k], data, length);
        if (match)
            return i;
    }
    return -1;
}

void
Classifier::push(int, Packet *p)
{
    int out = classify(p);
    if (out < 0) {
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
        for (int i = 0; i < c->_nwords; i++) {
            const Word &w = c->_words[i];
            sa << w.offset << '/';
            append_hex(sa, ntohl(w.value), 8);
            sa << '%';
            append_hex(sa, ntohl(w.mask), 8);
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
