/*
 * class:    none (negative example)
 * variant:  HTTP/1.x request-line tokenizer written as a switch on a state variable: method
 *           token, one space, request target, one space, "HTTP/" digit "." digit, CRLF, with
 *           character-class tests per byte; a malformed line drops into a skip state until its
 *           LF, empty lines between requests are ignored.  Resembles lpm (a loop whose next
 *           state is chosen from the current state and the input, with an early accept).
 * computes: http_reqline_count(buf, len, bad): the number of well-formed request lines
 *           ("[A-Z]{1,16} SP [!-~]+ SP HTTP/d.d CR LF") among the LF-terminated lines of
 *           buf[0..len); *bad gets the number of malformed non-empty lines.  A trailing line
 *           without LF is not counted either way.
 */
// clara-corpus: class=none entry=http_reqline_count signature=custom
#include <stdint.h>
#include <stddef.h>

enum {
    RL_START,   /* beginning of a line */
    RL_EMPTY,   /* CR at the beginning of a line */
    RL_METHOD,
    RL_TARGET0, /* after the first space: the target's first byte */
    RL_TARGET,
    RL_PROTO,   /* matching the literal "HTTP/" */
    RL_MAJOR,
    RL_DOT,
    RL_MINOR,
    RL_CR,
    RL_LF,
    RL_SKIP     /* malformed: discard to the end of the line */
};

#define RL_METHOD_MAX 16

static int rl_upper(uint8_t c) { return c >= 'A' && c <= 'Z'; }
static int rl_digit(uint8_t c) { return c >= '0' && c <= '9'; }
static int rl_visible(uint8_t c) { return c > 0x20 && c < 0x7f; }

size_t http_reqline_count(const uint8_t *buf, size_t len, size_t *bad)
{
    static const char proto[] = "HTTP/";
    unsigned state = RL_START;
    unsigned n = 0;
    size_t good = 0, errors = 0;

    for (size_t i = 0; i < len; i++) {
        uint8_t c = buf[i];
        switch (state) {
        case RL_START:
            if (c == '\n') {
                break;
            } else if (c == '\r') {
                state = RL_EMPTY;
            } else if (rl_upper(c)) {
                n = 1;
                state = RL_METHOD;
            } else {
                state = RL_SKIP;
            }
            break;
        case RL_EMPTY:
            if (c == '\n')
                state = RL_START;
            else
                state = RL_SKIP;
            break;
        case RL_METHOD:
            if (c == ' ')
                state = RL_TARGET0;
            else if (rl_upper(c) && n < RL_METHOD_MAX)
                n++;
            else
                state = RL_SKIP;
            break;
        case RL_TARGET0:
            state = rl_visible(c) ? RL_TARGET : RL_SKIP;
            break;
        case RL_TARGET:
            if (c == ' ') {
                n = 0;
                state = RL_PROTO;
            } else if (!rl_visible(c)) {
                state = RL_SKIP;
            }
            break;
        case RL_PROTO:
            if ((char)c != proto[n]) {
                state = RL_SKIP;
            } else if (++n == sizeof proto - 1) {
                state = RL_MAJOR;
            }
            break;
        case RL_MAJOR:
            state = rl_digit(c) ? RL_DOT : RL_SKIP;
            break;
        case RL_DOT:
            state = c == '.' ? RL_MINOR : RL_SKIP;
            break;
        case RL_MINOR:
            state = rl_digit(c) ? RL_CR : RL_SKIP;
            break;
        case RL_CR:
            state = c == '\r' ? RL_LF : RL_SKIP;
            break;
        case RL_LF:
            if (c == '\n') {
                good++;
                state = RL_START;
            } else {
                state = RL_SKIP;
            }
            break;
        default: /* RL_SKIP */
            break;
        }
        /* every malformed line ends at its LF, including the LF that made it malformed */
        if (state == RL_SKIP && c == '\n') {
            errors++;
            state = RL_START;
        }
    }
    if (bad)
        *bad = errors;
    return good;
}
