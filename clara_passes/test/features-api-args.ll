; clara-features: each API call's "args" says what its arguments are, so that
; the pricing can see two calls pass the same values (a checksum update that
; repeats an earlier one's old and new words: docs/per-packet.md). s<N> is a load
; of the function's N-th alloca when that slot is stored once and otherwise only
; loaded (here old_hi = s4, new_hi = s5; the pointer parameters' spill slots
; s0, s1); c<N> a constant; casts wrap what they convert; "" is unknown (twice
; is stored twice).
; RUN: %opt -passes=clara-prepare,clara-features -disable-output %inputs/cksum_args.ll | FileCheck %s

; CHECK: "record":"block",{{.*}}"function":"_Z7rewritePtS_jj",
; CHECK-SAME: "api_calls":[{"args":["s0","s4","s5"],{{[^}]*}}"line":16,
; CHECK-SAME: {"args":["s1","s4","s5"],{{[^}]*}}"line":17,
; CHECK-SAME: {"args":["s1","","c7"],{{[^}]*}}"line":19,
; CHECK-SAME: {"args":["s1","trunc(s2)","s5"],{{[^}]*}}"line":20,
