; Plain-C, XDP-style code: the first pointer parameter of a C function is the
; packet; addresses read from it as integers and turned into pointers
; (inttoptr), kept in -O0 stack slots, stay packet pointers; the static helper
; is_ipv4 is inlined and deleted; inline assembly gets a warning record.
; RUN: %opt -passes=clara-prepare,'print<clara-kinds>' -disable-output %inputs/filter.ll | FileCheck %s --check-prefix=KINDS
; RUN: %opt -passes=clara-prepare,clara-features -disable-output %inputs/filter.ll | FileCheck %s --check-prefix=FEAT

; KINDS-LABEL: Clara kinds for function 'filter':
; KINDS:      mem.packet {{ *}}| %1 = load i32, ptr %data1
; KINDS:      compute {{ *}}| %2 = inttoptr i64 %conv to ptr
; KINDS-LABEL: if.end:
; KINDS-NOT:  call i32 @is_ipv4
; KINDS:      compute {{ *}}| %h_proto.i = getelementptr inbounds %struct.ethhdr, ptr %{{[0-9]+}}, i32 0, i32 2
; KINDS-NEXT: mem.packet {{ *}}| %{{[0-9]+}} = load i16, ptr %h_proto.i
; KINDS-LABEL: if.then4:
; KINDS:      mem.state {{ *}}| %{{[0-9]+}} = load i64, ptr @drops
; KINDS-LABEL: Clara kinds for function 'read_tsc':
; KINDS:      api.extern {{ *}}| %0 = call { i32, i32 } asm sideeffect "rdtsc"
; KINDS:      warning: entry:36: inline assembly

; FEAT: "record":"module"
; FEAT-NOT: is_ipv4
; FEAT: "record":"function","function":"filter","demangled":"filter","file":"filter.c","line":21,"blocks":6,{{.*}}"is_packet_entry":true,"callees":[]}
; FEAT: "block":"if.end","index":2,"succs":[4,3],{{.*}}"lines":[19,27],{{.*}}"load i16 packet"
; FEAT: "block":"if.then4",{{.*}}"state_accesses":[{"field":"","is_store":false,"line":28,"object":"drops","offset":0,"size":8},{"field":"","is_store":true,"line":28,"object":"drops","offset":0,"size":8}]
; FEAT: "record":"function","function":"read_tsc",{{.*}}"is_packet_entry":false,"callees":[{"demangled":"<asm>","kind":"api.extern","name":"<asm>"}]}
; FEAT: "record":"block",{{.*}}"tokens":["alloca i32","alloca i32","call asm",
; FEAT: {"schema":"clara.features/3","record":"warning","function":"read_tsc","block":"entry","line":36,"message":"inline assembly"}
; FEAT: {"schema":"clara.features/3","record":"state","object":"drops","field":"","type":"unsigned long","offset":0,"size":8,"scope":"global"}
