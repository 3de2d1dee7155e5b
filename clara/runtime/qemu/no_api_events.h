/*
 * no_api_events.h - force-included (first) into every translation unit of a QEMU
 * ground-truth build (clara/runtime/qemu/run.py), the runtime's own included.
 *
 * The reverse-ported runtime reports every API call to the profiler through
 * clara_rt_api_event() (and the hash tables their path through clara_rt_api_path()); on the
 * host that is a weak empty function, but the call (argument set-up, bl, ret, and the
 * registers it clobbers, the frame a leaf function then needs) is still executed. A NIC port
 * has no such call, so the ground-truth build removes the calls: the hook is declared
 * 'const' (no side effects, so a call whose result is unused is dead code, and so is the
 * computation of its arguments, which have no side effects either), which also works in
 * host/glue.cc, the file that defines it; CLARA_RT_NO_API_EVENTS tells click_templates.hh
 * to leave out the path reports.
 */
#ifndef CLARA_QEMU_NO_API_EVENTS_H
#define CLARA_QEMU_NO_API_EVENTS_H
#define CLARA_RT_NO_API_EVENTS 1
#include "../host/clara_rt.h"
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wattributes"
#ifdef __cplusplus
extern "C"
#endif
void clara_rt_api_event(int api_id, uint32_t probe_len, uint32_t occupancy, uint32_t bytes)
    __attribute__((const));
#pragma GCC diagnostic pop
#endif
