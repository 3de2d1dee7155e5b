// -*- c++ -*-
/*
 * clara_runtime.hh -- the host runtime's interface to a driver (the pcap
 * driver, a test harness, the profiler): wiring an element's ports, its name
 * and handlers, the packet pool, the trace clock, the error log.
 *
 * Not part of the Click API: elements never include it.
 */
#ifndef CLARA_RUNTIME_HH
#define CLARA_RUNTIME_HH
#include <click/element.hh>
#include <click/error.hh>
#include <string>
#include <vector>
#include "clara_rt.h"

namespace clara_rt {

/* Port counts of the next Element constructed (Element::Element reads them:
   the compatibility header has no setter, so a driver sets them first). */
void set_next_ports(int ninputs, int noutputs);

/* Where Port::push delivers (element, output port, packet) and where
   Port::pull gets packets from (element, input port).  Without a sink, a
   pushed packet is killed; without a source, pull returns null. */
typedef void (*Sink)(Click::Element *e, int port, Click::Packet *p);
typedef Click::Packet *(*Source)(Click::Element *e, int port);
void set_sink(Sink sink);
void set_source(Source source);

/* The name Element::name() returns. */
void set_element_name(const Click::Element *e, const char *name);

/* Handlers registered by add_handlers(). */
std::vector<std::string> handler_names(const Click::Element *e);
bool call_read_handler(Click::Element *e, const char *name, std::string &out);
int call_write_handler(Click::Element *e, const char *name, const std::string &value,
                       Click::ErrorHandler *errh);

/* Messages given to any ErrorHandler, and click_chatter lines, in order. */
const std::vector<std::string> &messages();
/* Whether messages are also printed to stderr (default true). */
void set_print_messages(bool on);

/* Allocate the packet pool now (else on the first Packet::make). */
void packet_pool_init(uint32_t count, uint32_t buffer_bytes);
uint32_t packets_in_use();

/* Freeze the containers' sizes: configuration is over. */
void start();

/* Split a configuration string into arguments (cp_argvec). */
Click::Vector<Click::String> split_config(const char *config);

}  // namespace clara_rt
#endif
