; Whole-object accesses of `this` get no `state` record. Constructors and
; destructors store the vtable address at offset 0 of `this`: still mem.state,
; but the state access is the vtable pointer (field "<vptr>", pointer size),
; and so are the loads of a virtual call on `this` (the vtable pointer, then
; the slot read through it). An access through a cast pointer is named by the
; data member that covers it (first()); one spanning several members is
; "<whole>" (both()). Element's own structors are catalog APIs.
; RUN: %opt -passes='clara-prepare,print<clara-kinds>' -disable-output %inputs/vptr.ll | FileCheck %s --check-prefix=KINDS
; RUN: %opt -passes=clara-prepare,clara-features -disable-output %inputs/vptr.ll | FileCheck %s

; KINDS-LABEL: Clara kinds for function '_ZN6TaggerC2Ev':
; KINDS: api.Element::lifetime {{ *}}| call void @_ZN7ElementC2Ev(
; KINDS: mem.state {{ *}}| store ptr getelementptr inbounds inrange(-16, 24) ({ [5 x ptr] }, ptr @_ZTV6Tagger, i32 0, i32 0, i32 2), ptr %this1
; KINDS-LABEL: Clara kinds for function '_ZN6TaggerD2Ev':
; KINDS: api.Element::lifetime {{ *}}| call void @_ZN7ElementD2Ev(

; CHECK: "record":"block",{{.*}}"function":"_ZN6TaggerC2Ev",{{.*}}"api_calls":[{"args":["s0"],"column":9,"demangled":"Element::Element()","line":33,"name":"Element::lifetime"}]
; CHECK-SAME: "state_accesses":[{"field":"<vptr>","is_store":true,"line":33,"object":"Tagger","offset":0,"size":8},{"field":"_hits","is_store":true,"line":33,"object":"Tagger","offset":8,"size":4}]
; CHECK: "record":"block",{{.*}}"function":"_ZN6TaggerD2Ev",{{.*}}"name":"Element::lifetime"
; CHECK-SAME: "state_accesses":[{"field":"<vptr>","is_store":true,"line":35,"object":"Tagger","offset":0,"size":8},{"field":"_misses","is_store":true,"line":35,"object":"Tagger","offset":12,"size":4}]
; CHECK: "record":"block",{{.*}}"function":"_ZN6Tagger13simple_actionEP6Packet",
; CHECK-SAME: "state_accesses":[{"field":"<vptr>","is_store":false,"line":40,"object":"Tagger","offset":0,"size":8},{"field":"<vptr>","is_store":false,"line":40,"object":"Tagger","offset":0,"size":8},{"field":"_hits","is_store":false,
; CHECK: "record":"block",{{.*}}"function":"_ZNK6Tagger5firstEv",{{.*}}"state_accesses":[{"field":"_hits","is_store":false,"line":45,"object":"Tagger","offset":8,"size":4}]
; CHECK: "record":"block",{{.*}}"function":"_ZNK6Tagger4bothEv",{{.*}}"state_accesses":[{"field":"<whole>","is_store":false,"line":49,"object":"Tagger","offset":8,"size":8}]

; State records: the members only; no "<vptr>", "<whole>" or empty field.
; CHECK-NOT: "record":"state","object":"Tagger","field":"<
; CHECK-NOT: "record":"state","object":"Tagger","field":"",
; CHECK: {"schema":"clara.features/3","record":"state","object":"Tagger","field":"_hits","type":"uint32_t","offset":8,"size":4,"scope":"member"}
; CHECK-NEXT: {"schema":"clara.features/3","record":"state","object":"Tagger","field":"_misses","type":"uint32_t","offset":12,"size":4,"scope":"member"}
; CHECK-NOT: "record":"state"
