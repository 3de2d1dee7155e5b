; Kinds of every instruction of a Click-style element before clara-prepare:
; stack slots, state via `this` (-O0: this is stored into and reloaded from
; %this.addr) and via a global, packet via the Packet::ip_header result
; (reloaded from the %ip slot), catalog APIs, control.
; RUN: %opt -passes='print<clara-kinds>' -disable-output %inputs/counter.ll | FileCheck %s

; CHECK-LABEL: Clara kinds for function '_ZN7Counter13simple_actionEP6Packet':
; CHECK-LABEL: entry:
; CHECK:      mem.stack {{ *}}| store ptr %this, ptr %this.addr
; CHECK:      api.Packet::ip_header {{ *}}| %call = call noundef ptr @_ZNK6Packet9ip_headerEv(
; CHECK:      compute {{ *}}| %ip_src = getelementptr inbounds %struct.click_ip, ptr %1, i32 0, i32 8
; CHECK-NEXT: mem.packet {{ *}}| %2 = load i32, ptr %ip_src
; The own helper is not inlined yet: a plain call.
; CHECK-NEXT: api.extern {{ *}}| %call2 = call noundef i32 @_ZNK7Counter6bucketEj(
; Bit-field ip_hl at offset 0 of click_ip, no GEP: still packet.
; CHECK:      mem.packet {{ *}}| %bf.load = load i8, ptr %3
; CHECK:      control {{ *}}| br label %for.cond
; CHECK-LABEL: for.body:
; CHECK:      api.Packet::length {{ *}}| %call3 = call noundef i32 @_ZNK6Packet6lengthEv(
; CHECK:      mem.state {{ *}}| %8 = load i32, ptr %arrayidx
; CHECK:      mem.state {{ *}}| store i32 %add, ptr %arrayidx
; CHECK-LABEL: for.end:
; CHECK:      mem.state {{ *}}| %10 = load i32, ptr %_count
; CHECK:      mem.state {{ *}}| %11 = load i32, ptr @total_packets
; CHECK:      mem.state {{ *}}| store i32 %inc5, ptr @total_packets
; CHECK:      control {{ *}}| ret ptr %12
; No warnings: every memory root is known.
; CHECK-NOT: warning:
; CHECK-LABEL: Clara kinds for function '_ZNK7Counter6bucketEj':
