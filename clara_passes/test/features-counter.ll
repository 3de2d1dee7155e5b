; clara-features on the prepared element: JSONL records (clara.features/3):
; module, function, one block record per basic block (succs by index, loop
; depth, source lines, compacted tokens incl. header-field tokens, counts by
; kind, API calls, state accesses named from debug info), state records.
; RUN: %opt -passes=clara-prepare,clara-features -disable-output %inputs/counter.ll | FileCheck %s
; The same through a file:
; RUN: %opt -passes=clara-prepare,clara-features -clara-features-output=%t.jsonl -disable-output %inputs/counter.ll
; RUN: FileCheck %s < %t.jsonl

; CHECK: {"schema":"clara.features/3","record":"module","module":"{{.*}}counter.ll","source_file":"counter.cc","target_triple":"x86_64-pc-linux-gnu","api_catalog":"<embedded>"}
; The inlined helper gets no records of its own.
; CHECK-NOT: bucket
; CHECK: {"schema":"clara.features/3","record":"function","function":"_ZN7Counter13simple_actionEP6Packet","demangled":"Counter::simple_action(Packet*)","file":"counter.cc","line":46,"blocks":5,{{.*}}"return_blocks":1,"is_packet_entry":true,"callees":[{"demangled":"Packet::ip_header() const","kind":"api.Packet::ip_header","name":"_ZNK6Packet9ip_headerEv"},{"demangled":"Packet::length() const","kind":"api.Packet::length","name":"_ZNK6Packet6lengthEv"}]}

; entry: header-field tokens, including the ip_hl bit-field read without a GEP.
; CHECK: "record":"block",{{.*}}"block":"entry","index":0,"succs":[1],"loop_depth":0,"lines":[41,47,48,49,50],"file":"counter.cc","first_line":47,"first_column":24,
; line_locs: per line, the first instruction on it (p in p->ip_header() at 47:24,
; ip in bucket(ip->ip_src) at 48:23, the inlined bucket() body at 41:47, ip at
; 49:12, i in `int i = 0` at 50:12), in instruction order, as clara-remarks picks.
; CHECK-SAME: "line_locs":{{\[}}[47,24,"counter.cc"],[48,23,"counter.cc"],[41,47,"counter.cc"],[49,12,"counter.cc"],[50,12,"counter.cc"]],
; CHECK-SAME: "call api.Packet::ip_header","store ptr stack","load ptr stack","getelementptr click_ip.ip_src","load i32 click_ip.ip_src",
; CHECK-SAME: "lshr i32 var const","xor i32 var var","and i32 var const",
; CHECK-SAME: "load i8 click_ip.ip_hl","and i8 var const","zext i8 var -> i32",
; CHECK-SAME: "counts":{"api":1,"compute":14,"control":1,"mem.packet":2,"mem.stack":15,"mem.state":0}
; line_counts: the counted instructions per source line (the inlined bucket()
; on line 41); the 14 without a line (allocas, parameter spills) are in no line.
; CHECK-SAME: "line_counts":{"41":5,"47":3,"48":4,"49":5,"50":2}
; path_counts: the same per (line, call path): bucket()'s line 41 was inlined
; at the call on line 48, column 16.
; CHECK-SAME: "path_counts":{"41@48:16:bucket":5,"47@":3,"48@":4,"49@":5,"50@":2}
; opt: what -O2 keeps; "api", the part a real build folds into inlined API
; code, is 0 here: Packet::ip_header is only declared in counter.cc, so its
; call stays a call (Packet::length, below, is defined inline: its call is).
; CHECK-SAME: "opt":{"api":0,"api_memory":0,"calls":1,
; api_calls' args: what each argument is; p is a load of its parameter's stack
; slot, stored once (s<N>: the function's N-th alloca).
; CHECK-SAME: "api_calls":[{"args":["s{{[0-9]+}}"],"column":27,"demangled":"Packet::ip_header() const","line":47,"name":"Packet::ip_header"}],"state_accesses":[],"is_entry":true,"is_exit":false}

; CHECK: "block":"for.cond","index":1,"succs":[2,4],"loop_depth":1,"lines":[50],{{.*}}"tokens":["load i32 stack","load i32 stack","icmp.slt i32 var var","br cond"]
; CHECK: "block":"for.body","index":2,"succs":[3],"loop_depth":1,
; CHECK-SAME: "tokens":["load ptr stack","call api.Packet::length","getelementptr struct var const const","load i32 stack","zext i32 var -> i64","getelementptr array var const var","load i32 state","add i32 var var","store i32 state","br"]
; CHECK-SAME: "line_counts":{"51":10}
; CHECK-SAME: "opt":{"api":1,"api_memory":0,"calls":1,
; CHECK-SAME: "state_accesses":[{"field":"_bytes","is_store":false,"line":51,"object":"Counter","offset":4,"size":4},{"field":"_bytes","is_store":true,"line":51,"object":"Counter","offset":4,"size":4}]
; CHECK: "block":"for.inc","index":3,"succs":[1],"loop_depth":1,
; CHECK: "block":"for.end","index":4,"succs":[],"loop_depth":0,"lines":[52,53,54],
; CHECK-SAME: {"field":"_count","is_store":true,"line":52,"object":"Counter","offset":0,"size":4},{"field":"","is_store":false,"line":53,"object":"total_packets","offset":0,"size":4}
; CHECK-SAME: "is_entry":false,"is_exit":true}

; State records: members named from debug info, sizes of the whole member.
; CHECK-NOT: "record":"warning"
; CHECK: {"schema":"clara.features/3","record":"state","object":"Counter","field":"_bytes","type":"uint32_t[16]","offset":4,"size":64,"scope":"member"}
; CHECK: {"schema":"clara.features/3","record":"state","object":"Counter","field":"_count","type":"uint32_t","offset":0,"size":4,"scope":"member"}
; CHECK: {"schema":"clara.features/3","record":"state","object":"total_packets","field":"","type":"uint32_t","offset":0,"size":4,"scope":"global"}
