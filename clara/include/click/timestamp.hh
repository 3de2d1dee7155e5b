// -*- c++ -*-
/*
 * click/timestamp.hh -- Timestamp, a point in time or an interval with
 * nanosecond resolution (seconds + subseconds; subsec_per_sec = 10^9).
 *
 * Inline: construction from values, field and unit accessors, arithmetic
 * and comparisons (all members).  Out of line (declared only): reading a
 * clock -- now, recent, now_steady, recent_steady, assign_now, set_now --
 * and unparse.
 */
#ifndef CLICK_TIMESTAMP_HH
#define CLICK_TIMESTAMP_HH
#include <click/string.hh>
#include <sys/time.h>
#include <time.h>
CLICK_DECLS

class Timestamp {
  public:
    typedef int64_t seconds_type;
    typedef uint32_t subsec_type;
    typedef int64_t value_type;   /* nanoseconds */

    enum {
        subsec_per_sec = 1000000000,
        subsec_per_msec = 1000000,
        subsec_per_usec = 1000,
        nsec_per_sec = 1000000000,
        usec_per_sec = 1000000,
        msec_per_sec = 1000
    };

    Timestamp() : _t(0) {}
    Timestamp(int sec, subsec_type subsec = 0) : _t(make_t(sec, subsec)) {}
    Timestamp(long sec, subsec_type subsec = 0) : _t(make_t(sec, subsec)) {}
    Timestamp(long long sec, subsec_type subsec = 0) : _t(make_t(sec, subsec)) {}
    Timestamp(unsigned sec, subsec_type subsec = 0) : _t(make_t(sec, subsec)) {}
    Timestamp(unsigned long sec, subsec_type subsec = 0) : _t(make_t((int64_t) sec, subsec)) {}
    Timestamp(unsigned long long sec, subsec_type subsec = 0) : _t(make_t((int64_t) sec, subsec)) {}
    explicit Timestamp(double sec) : _t((int64_t) (sec * nsec_per_sec)) {}
    Timestamp(const struct timeval &tv) : _t(make_t(tv.tv_sec, (subsec_type) tv.tv_usec * 1000)) {}
    Timestamp(const struct timespec &ts) : _t(make_t(ts.tv_sec, (subsec_type) ts.tv_nsec)) {}

    static Timestamp make_sec(seconds_type sec) { return make_nsec(sec * nsec_per_sec); }
    static Timestamp make_msec(seconds_type sec, uint32_t msec) {
        return make_nsec(sec * nsec_per_sec + (int64_t) msec * 1000000);
    }
    static Timestamp make_msec(int64_t msec) { return make_nsec(msec * 1000000); }
    static Timestamp make_usec(seconds_type sec, uint32_t usec) {
        return make_nsec(sec * nsec_per_sec + (int64_t) usec * 1000);
    }
    static Timestamp make_usec(int64_t usec) { return make_nsec(usec * 1000); }
    static Timestamp make_nsec(seconds_type sec, uint32_t nsec) {
        return make_nsec(sec * nsec_per_sec + nsec);
    }
    static Timestamp make_nsec(int64_t nsec) { Timestamp t; t._t = nsec; return t; }
    static Timestamp epsilon() { return make_nsec(1); }

    /* The current time (system clock). */
    static Timestamp now();
    /* A recent time, as cached by the driver (cheaper than now()). */
    static Timestamp recent();
    /* The current / recent time of a monotonic clock. */
    static Timestamp now_steady();
    static Timestamp recent_steady();
    void assign_now();
    void set_now();

    bool is_set() const { return _t != 0; }
    explicit operator bool() const { return _t != 0; }

    /* Whole seconds (floor) and the subsecond part, in several units. */
    seconds_type sec() const { return floor_div(_t, nsec_per_sec); }
    subsec_type subsec() const { return (subsec_type) (_t - sec() * nsec_per_sec); }
    uint32_t msec() const { return subsec() / 1000000; }
    uint32_t usec() const { return subsec() / 1000; }
    uint32_t nsec() const { return subsec(); }

    /* The whole value in one unit (truncated toward minus infinity). */
    value_type msec1() const { return floor_div(_t, 1000000); }
    value_type usec1() const { return floor_div(_t, 1000); }
    value_type nsec1() const { return _t; }
    value_type msecval() const { return msec1(); }
    value_type usecval() const { return usec1(); }
    value_type nsecval() const { return _t; }
    double doubleval() const { return (double) _t / nsec_per_sec; }
    struct timeval timeval() const {
        struct timeval tv;
        tv.tv_sec = (time_t) sec();
        tv.tv_usec = (suseconds_t) usec();
        return tv;
    }

    Timestamp operator+(const Timestamp &b) const { return make_nsec(_t + b._t); }
    Timestamp operator-(const Timestamp &b) const { return make_nsec(_t - b._t); }
    Timestamp operator-() const { return make_nsec(-_t); }
    Timestamp &operator+=(const Timestamp &b) { _t += b._t; return *this; }
    Timestamp &operator-=(const Timestamp &b) { _t -= b._t; return *this; }
    Timestamp operator*(int k) const { return make_nsec(_t * k); }
    Timestamp operator/(int k) const { return make_nsec(_t / k); }

    bool operator==(const Timestamp &b) const { return _t == b._t; }
    bool operator!=(const Timestamp &b) const { return _t != b._t; }
    bool operator<(const Timestamp &b) const { return _t < b._t; }
    bool operator<=(const Timestamp &b) const { return _t <= b._t; }
    bool operator>(const Timestamp &b) const { return _t > b._t; }
    bool operator>=(const Timestamp &b) const { return _t >= b._t; }

    String unparse() const;
    String unparse_interval() const;

  private:
    value_type _t;

    static value_type make_t(int64_t sec, subsec_type subsec) {
        return sec * nsec_per_sec + subsec;
    }
    static value_type floor_div(value_type a, value_type b) {
        value_type q = a / b;
        return (a % b < 0) ? q - 1 : q;
    }
};

CLICK_ENDDECLS
#endif
