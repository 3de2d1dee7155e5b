// -*- c++ -*-
/*
 * click/confparse.hh -- configuration-string helpers (thin), for elements
 * that split or parse arguments by hand (routing tables, rule lists).
 * All declared only; configuration runs off the packet path.
 */
#ifndef CLICK_CONFPARSE_HH
#define CLICK_CONFPARSE_HH
#include <click/string.hh>
#include <click/vector.hh>
#include <click/ipaddress.hh>
#include <click/etheraddress.hh>
#include <click/timestamp.hh>
CLICK_DECLS
class Element;
class ErrorHandler;

bool cp_is_space(const String &str);
bool cp_is_word(const String &str);
String cp_uncomment(const String &str);
String cp_unquote(const String &str);
String cp_quote(const String &str, bool allow_newlines = false);
/* Split at commas (a configuration string into arguments). */
void cp_argvec(const String &str, Vector<String> &conf);
String cp_unargvec(const Vector<String> &conf);
/* Split at white space (an argument into words). */
void cp_spacevec(const String &str, Vector<String> &words);
String cp_shift_spacevec(String &str);
String cp_pop_spacevec(String &str);

bool cp_bool(const String &str, bool *result);
bool cp_integer(const String &str, int *result);
bool cp_integer(const String &str, unsigned *result);
bool cp_integer(const String &str, long long *result);
bool cp_integer(const String &str, unsigned long long *result);
bool cp_integer(const String &str, int base, int *result);
bool cp_integer(const String &str, int base, unsigned *result);
bool cp_string(const String &str, String *result, String *rest = 0);
bool cp_word(const String &str, String *result, String *rest = 0);
bool cp_keyword(const String &str, String *result, String *rest = 0);
bool cp_seconds_as_milli(const String &str, uint32_t *result);
bool cp_time(const String &str, Timestamp *result, bool allow_negative = false);

bool cp_ip_address(const String &str, IPAddress *result, const Element *context = 0);
bool cp_ip_prefix(const String &str, IPAddress *address, IPAddress *mask,
                  bool allow_bare_address = false, const Element *context = 0);
bool cp_ethernet_address(const String &str, EtherAddress *result,
                         const Element *context = 0);
bool cp_tcpudp_port(const String &str, int proto, uint16_t *result,
                    const Element *context = 0);

/* Old-style keyword parsing: cp_va_kparse(conf, this, errh, "KEY", cpkM,
   cpUnsigned, &x, ..., cpEnd).  Prefer Args. */
int cp_va_kparse(Vector<String> &conf, const Element *context, ErrorHandler *errh, ...);
int cp_va_kparse(const String &str, const Element *context, ErrorHandler *errh, ...);
int cp_va_space_kparse(const String &str, const Element *context, ErrorHandler *errh, ...);

enum { cpkN = 0, cpkM = 1, cpkP = 2, cpkC = 4, cpkD = 8 };
extern const char cpEnd[];
extern const char cpIgnoreRest[];
extern const char cpIgnore[];
extern const char cpArgument[];
extern const char cpString[];
extern const char cpWord[];
extern const char cpKeyword[];
extern const char cpBool[];
extern const char cpByte[];
extern const char cpShort[];
extern const char cpUnsignedShort[];
extern const char cpInteger[];
extern const char cpUnsigned[];
extern const char cpSeconds[];
extern const char cpSecondsAsMilli[];
extern const char cpTimestamp[];
extern const char cpIPAddress[];
extern const char cpIPPrefix[];
extern const char cpEthernetAddress[];
extern const char cpTCPPort[];
extern const char cpUDPPort[];

CLICK_ENDDECLS
#endif
