/*
 * no_api_events.h - force-included (first) into every translation unit of a QEMU
 * ground-truth build (clara/runtime/qemu/run.py) except host/glue.cc, which defines the hook.
 *
 * The reverse-ported runtime reports every API call to the profiler through
 * clara_rt_api_event(); on the host that is a weak empty function, but the call (argument set-up,
 * bl, ret, and the registers it clobbers) is still executed. A NIC port has no such call, so the
 * ground-truth build compiles the calls away. Their arguments have no side effects.
 */
#ifndef CLARA_QEMU_NO_API_EVENTS_H
#define CLARA_QEMU_NO_API_EVENTS_H
#include "../host/clara_rt.h"
#define clara_rt_api_event(api_id, probe_len, occupancy, bytes) ((void) 0)
#endif
