; clara-instrument on the prepared element (Inputs/counter.ll): one block
; counter per block of the NF's own functions, slot = position of the block's
; `block` record (function order, then block index); one state counter per
; (object, field, load/store) and one access counter per (block, object,
; field, load/store), incremented right before each state access; the layout
; JSON and the descriptor __clara_profile that the host runtime reads.
; RUN: %opt -passes=clara-prepare,clara-features,clara-instrument -clara-features-output=%t.jsonl -clara-profile-layout-output=%t.layout.json %inputs/counter.ll -S -o %t.ll
; RUN: FileCheck %s --check-prefix=IR < %t.ll
; RUN: FileCheck %s --check-prefix=LAYOUT < %t.layout.json
; The feature records written before instrumenting name the same blocks, in
; the same order, as the layout's slots (the invariant):
; RUN: FileCheck %s --check-prefix=FEAT < %t.jsonl
; Instrumenting does not change the blocks: the instrumented module still has
; the records' blocks, same names and indices (its other features differ: the
; counters show as state accesses, so run clara-features before, not after).
; RUN: %opt -passes=clara-features %t.ll -disable-output | FileCheck %s --check-prefix=POST
; A module cannot be instrumented twice:
; RUN: not %opt -passes=clara-instrument %t.ll -disable-output 2>&1 | FileCheck %s --check-prefix=TWICE

; IR: @__clara_block_counts = internal global [5 x i64] zeroinitializer, align 8
; IR: @__clara_state_counts = internal global [6 x i64] zeroinitializer, align 8
; IR: @__clara_access_counts = internal global [6 x i64] zeroinitializer, align 8
; IR: @__clara_profile_layout = internal constant {{.*}}clara.profile-layout/1
; IR: @__clara_profile = constant { i64, i64, i64, i64, ptr, ptr, ptr, ptr } { i64 1, i64 5, i64 6, i64 6, ptr @__clara_block_counts, ptr @__clara_state_counts, ptr @__clara_access_counts, ptr @__clara_profile_layout }

; Block counters: slot = record index; in the entry block after the allocas.
; IR-LABEL: define {{.*}}@_ZN7Counter13simple_actionEP6Packet(
; IR: entry:
; IR: %i = alloca i32
; IR-NEXT: %[[C0:.*]] = load i64, ptr @__clara_block_counts, align 8{{.*}}!clara.instrument
; IR-NEXT: %[[I0:.*]] = add i64 %[[C0]], 1
; IR-NEXT: store i64 %[[I0]], ptr @__clara_block_counts
; IR: for.cond:
; IR-NEXT: load i64, ptr getelementptr inbounds ([5 x i64], ptr @__clara_block_counts, i64 0, i64 1)
; IR: for.body:
; IR-NEXT: load i64, ptr getelementptr inbounds ([5 x i64], ptr @__clara_block_counts, i64 0, i64 2)
; State accesses in for.body: _bytes load (state slot 0, access slot 0) right
; before the load, _bytes store (slot 1) right before the store.
; IR: load i64, ptr @__clara_state_counts
; IR: load i64, ptr @__clara_access_counts
; IR: store i64 {{.*}}, ptr @__clara_access_counts
; IR-NEXT: load i32, ptr %arrayidx{{.*}}!clara.kind
; IR: load i64, ptr getelementptr inbounds ([6 x i64], ptr @__clara_state_counts, i64 0, i64 1)
; IR: store i64 {{.*}}, ptr getelementptr inbounds ([6 x i64], ptr @__clara_access_counts, i64 0, i64 1)
; IR-NEXT: store i32 %add, ptr %arrayidx
; IR: for.inc:
; IR-NEXT: load i64, ptr getelementptr inbounds ([5 x i64], ptr @__clara_block_counts, i64 0, i64 3)
; IR: for.end:
; IR-NEXT: load i64, ptr getelementptr inbounds ([5 x i64], ptr @__clara_block_counts, i64 0, i64 4)
; _count and total_packets: state slots 2..5, access slots 2..5, block 4.
; IR: getelementptr inbounds ([6 x i64], ptr @__clara_state_counts, i64 0, i64 2)
; IR: getelementptr inbounds ([6 x i64], ptr @__clara_state_counts, i64 0, i64 3)
; IR: getelementptr inbounds ([6 x i64], ptr @__clara_state_counts, i64 0, i64 4)
; IR: store i64 {{.*}}, ptr getelementptr inbounds ([6 x i64], ptr @__clara_access_counts, i64 0, i64 5)
; IR-NEXT: store i32 {{.*}}, ptr @total_packets

; LAYOUT: {"schema":"clara.profile-layout/1","module":"counter.cc",
; LAYOUT-SAME: "functions":[{"function":"_ZN7Counter13simple_actionEP6Packet","demangled":"Counter::simple_action(Packet*)","is_packet_entry":true,"first_slot":0,"blocks":5}],
; LAYOUT-SAME: "blocks":[{"function":"_ZN7Counter13simple_actionEP6Packet","block":"entry","index":0,"counted":true},
; LAYOUT-SAME: {"function":"_ZN7Counter13simple_actionEP6Packet","block":"for.cond","index":1,"counted":true},
; LAYOUT-SAME: {"function":"_ZN7Counter13simple_actionEP6Packet","block":"for.body","index":2,"counted":true},
; LAYOUT-SAME: {"function":"_ZN7Counter13simple_actionEP6Packet","block":"for.inc","index":3,"counted":true},
; LAYOUT-SAME: {"function":"_ZN7Counter13simple_actionEP6Packet","block":"for.end","index":4,"counted":true}],
; LAYOUT-SAME: "state":[{"object":"Counter","field":"_bytes","is_store":false},{"object":"Counter","field":"_bytes","is_store":true},
; LAYOUT-SAME: {"object":"Counter","field":"_count","is_store":false},{"object":"Counter","field":"_count","is_store":true},
; LAYOUT-SAME: {"object":"total_packets","field":"","is_store":false},{"object":"total_packets","field":"","is_store":true}],
; LAYOUT-SAME: "access":[{"function":"_ZN7Counter13simple_actionEP6Packet","index":2,"block_slot":2,"object":"Counter","field":"_bytes","is_store":false,"sites":1},
; LAYOUT-SAME: {"function":"_ZN7Counter13simple_actionEP6Packet","index":2,"block_slot":2,"object":"Counter","field":"_bytes","is_store":true,"sites":1},
; LAYOUT-SAME: {"function":"_ZN7Counter13simple_actionEP6Packet","index":4,"block_slot":4,"object":"Counter","field":"_count","is_store":false,"sites":1},

; FEAT: "record":"block",{{.*}}"function":"_ZN7Counter13simple_actionEP6Packet","block":"entry","index":0,
; FEAT-NEXT: "record":"block",{{.*}}"function":"_ZN7Counter13simple_actionEP6Packet","block":"for.cond","index":1,
; FEAT-NEXT: "record":"block",{{.*}}"function":"_ZN7Counter13simple_actionEP6Packet","block":"for.body","index":2,
; FEAT-SAME: "state_accesses":[{"field":"_bytes","is_store":false,{{.*}}"object":"Counter",{{.*}}},{"field":"_bytes","is_store":true,
; FEAT-NEXT: "record":"block",{{.*}}"function":"_ZN7Counter13simple_actionEP6Packet","block":"for.inc","index":3,
; FEAT-NEXT: "record":"block",{{.*}}"function":"_ZN7Counter13simple_actionEP6Packet","block":"for.end","index":4,

; POST: "record":"block",{{.*}}"block":"entry","index":0,
; POST-NEXT: "record":"block",{{.*}}"block":"for.cond","index":1,
; POST-NEXT: "record":"block",{{.*}}"block":"for.body","index":2,
; POST-SAME: "object":"__clara_block_counts"
; POST-NEXT: "record":"block",{{.*}}"block":"for.inc","index":3,
; POST-NEXT: "record":"block",{{.*}}"block":"for.end","index":4,

; TWICE: clara-instrument: the module already has __clara_block_counts (instrumented twice?)
