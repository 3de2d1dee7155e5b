; clara-prepare inlines the NF's own helper (Counter::bucket, defined in the
; main file) and deletes it once unused, but never inlines catalog APIs, not
; even Packet::length() which the file defines inline. Every instruction gets
; !clara.kind metadata.
; RUN: %opt -passes=clara-prepare -S %inputs/counter.ll | FileCheck %s

; CHECK-NOT: define {{.*}}@_ZNK7Counter6bucketEj
; CHECK-LABEL: define {{.*}} @_ZN7Counter13simple_actionEP6Packet(
; CHECK: %this.addr.i = alloca ptr, align 8, !clara.kind ![[COMPUTE:[0-9]+]]
; CHECK: store ptr %this, ptr %this.addr, align 8, !clara.kind ![[STACK:[0-9]+]]
; CHECK: call noundef ptr @_ZNK6Packet9ip_headerEv({{.*}}!clara.kind ![[IPH:[0-9]+]]
; CHECK: %2 = load i32, ptr %ip_src, align 4, !dbg !{{[0-9]+}}, !clara.kind ![[PACKET:[0-9]+]]
; The inlined body of bucket():
; CHECK-NOT: call {{.*}}@_ZNK7Counter6bucketEj
; CHECK: %xor.i = xor i32
; CHECK: call noundef i32 @_ZNK6Packet6lengthEv({{.*}}!clara.kind ![[LEN:[0-9]+]]
; CHECK: load i32, ptr %arrayidx, align 4, !dbg !{{[0-9]+}}, !clara.kind ![[STATE:[0-9]+]]
; CHECK: br label %for.inc, !dbg !{{[0-9]+}}, !clara.kind ![[CONTROL:[0-9]+]]
; CHECK-NOT: call {{.*}}@_ZNK7Counter6bucketEj
; CHECK: define linkonce_odr noundef i32 @_ZNK6Packet6lengthEv(
; CHECK-DAG: ![[COMPUTE]] = !{!"compute"}
; CHECK-DAG: ![[STACK]] = !{!"mem.stack"}
; CHECK-DAG: ![[IPH]] = !{!"api.Packet::ip_header"}
; CHECK-DAG: ![[PACKET]] = !{!"mem.packet"}
; CHECK-DAG: ![[LEN]] = !{!"api.Packet::length"}
; CHECK-DAG: ![[STATE]] = !{!"mem.state"}
; CHECK-DAG: ![[CONTROL]] = !{!"control"}
