; Hand-written IR without debug info (own functions = defined, not
; linkonce/weak, not catalog): recursive functions are never inlined; an
; indirect call, a pointer parameter of unknown origin (a C++ function's
; non-this parameter) each give a warning; invoke/landingpad give one warning
; per function.
; RUN: %opt -passes='clara-prepare,print<clara-kinds>' -disable-output %s | FileCheck %s
; RUN: %opt -passes=clara-prepare,clara-features -disable-output %s | FileCheck %s --check-prefix=FEAT

; CHECK-LABEL: Clara kinds for function '_Z4factj':
; CHECK: api.extern {{ *}}| %r = call i32 @_Z4factj(i32 %m)
; CHECK-LABEL: Clara kinds for function '_Z3runPjPFvvE':
; CHECK: api.extern {{ *}}| %f = call i32 @_Z4factj(i32 5)
; CHECK: mem.state {{ *}}| store i32 %f, ptr %q
; CHECK: api.extern {{ *}}| call void %cb()
; CHECK: warning: entry: unknown memory root (pointer parameter 'q'); counted as mem.state
; CHECK: warning: entry: indirect call
; CHECK-LABEL: Clara kinds for function '_Z3ehv':
; CHECK: api.extern {{ *}}| invoke void @_Z5throwv()
; CHECK: control {{ *}}| %lp = landingpad { ptr, i32 }
; CHECK: warning: entry: exception handling: 1 invoke, 1 landingpad (compile with -fno-exceptions as Click does)

; CHECK-LABEL: Clara kinds for function 'mixed':
; CHECK: mem.packet {{ *}}| store i8 1, ptr %p
; CHECK: warning: entry: pointer may address stack|packet memory; counted as mem.packet

; FEAT: "record":"function","function":"_Z4factj",{{.*}}"callees":[{"demangled":"fact(unsigned int)","kind":"api.extern","name":"_Z4factj"}]}
; FEAT: "record":"function","function":"_Z3runPjPFvvE",
; FEAT: "record":"block",{{.*}}"state_accesses":[{"field":"","is_store":true,"line":0,"object":"<unknown>","offset":0,"size":4}]
; FEAT: "record":"warning","function":"_Z3runPjPFvvE","block":"entry","line":0,"message":"unknown memory root (pointer parameter 'q'); counted as mem.state"}
; FEAT: "record":"warning","function":"_Z3runPjPFvvE","block":"entry","line":0,"message":"indirect call"}

define i32 @_Z4factj(i32 %n) {
entry:
  %z = icmp eq i32 %n, 0
  br i1 %z, label %done, label %rec
rec:
  %m = sub i32 %n, 1
  %r = call i32 @_Z4factj(i32 %m)
  %p = mul i32 %n, %r
  ret i32 %p
done:
  ret i32 1
}

define void @_Z3runPjPFvvE(ptr %q, ptr %cb) {
entry:
  %f = call i32 @_Z4factj(i32 5)
  store i32 %f, ptr %q
  call void %cb()
  ret void
}

declare void @_Z5throwv()
declare i32 @__gxx_personality_v0(...)

define void @_Z3ehv() personality ptr @__gxx_personality_v0 {
entry:
  invoke void @_Z5throwv() to label %ok unwind label %lpad
ok:
  ret void
lpad:
  %lp = landingpad { ptr, i32 } cleanup
  resume { ptr, i32 } %lp
}

; Plain C: %pkt (first pointer parameter) is the packet; %p may be either.
define void @mixed(ptr %pkt, i1 %c) {
entry:
  %buf = alloca [4 x i8]
  %p = select i1 %c, ptr %pkt, ptr %buf
  store i8 1, ptr %p
  ret void
}
