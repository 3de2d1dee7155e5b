; A static handler reaches the element through an `Element *` parameter: a
; parameter declared as a pointer to Element or a subclass is state (no
; unknown-root warning). A helper defined in the element's own header (beside
; its .cc) is NF code: inlined and then dropped from the records.
; RUN: %opt -passes='clara-prepare,print<clara-kinds>' -disable-output %inputs/handlers.ll | FileCheck %s
; RUN: %opt -passes=clara-prepare,clara-features -disable-output %inputs/handlers.ll | FileCheck %s --check-prefix=FEAT

; CHECK-LABEL: Clara kinds for function '_ZN5Meter12read_handlerEP7ElementPv':
; CHECK: mem.state {{ *}}| %3 = load i32, ptr %_n
; CHECK-LABEL: Clara kinds for function '_ZN5Meter4bumpEi':
; CHECK-NOT: call {{.*}}@_ZNK5Meter6scaledEi
; CHECK: mem.state {{ *}}| %2 = load i32, ptr %_scale.i
; CHECK-NOT: warning:
; CHECK-NOT: Clara kinds for function '_ZNK5Meter6scaledEi'

; FEAT-NOT: "record":"warning"
; FEAT-NOT: scaled
; FEAT: "record":"block",{{.*}}"function":"_ZN5Meter12read_handlerEP7ElementPv",{{.*}}"state_accesses":[{"field":"_n","is_store":false,"line":10,"object":"Meter","offset":12,"size":4}]
; bump(): the inlined scaled() is on line 17 of handlers.hh (in `lines`); in
; line_counts its 4 instructions count on the call's line 14 of handlers.cc
; (the block's file), with the 5 of `_n += ...`; the 10 without a line are in
; no line (sum 12 of n_instructions 22).
; FEAT: "record":"block",{{.*}}"function":"_ZN5Meter4bumpEi",{{.*}}"lines":[14,15,17],"file":"handlers.cc",{{.*}}"n_instructions":22,
; FEAT-SAME: "line_counts":{"14":9,"15":3},
; FEAT: {"schema":"clara.features/3","record":"state","object":"Meter","field":"_n","type":"int","offset":12,"size":4,"scope":"member"}
; FEAT: {"schema":"clara.features/3","record":"state","object":"Meter","field":"_scale","type":"int","offset":8,"size":4,"scope":"member"}
