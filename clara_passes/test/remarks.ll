; clara-remarks turns insights.json records into OptimizationRemarkAnalysis
; remarks of pass "clara" (shown with -pass-remarks-analysis=clara, written by
; -pass-remarks-output) and !clara.insight metadata on the block terminator.
; The remark sits on the first instruction of the block on the record's line
; (line 51 in for.body), else on the block's first located instruction (line
; 0 in for.end -> 52:3). Records naming an absent function or block give one
; warning; a record without function/block is skipped silently.
; RUN: %opt -passes=clara-prepare,clara-remarks -clara-insights=%inputs/insights.json -pass-remarks-analysis=clara -pass-remarks-output=%t.yaml -S %inputs/counter.ll -o %t.ll 2>%t.err
; RUN: FileCheck %s --check-prefix=REMARK < %t.err
; RUN: FileCheck %s --check-prefix=YAML < %t.yaml
; RUN: FileCheck %s --check-prefix=IR < %t.ll

; REMARK: remark: counter.cc:51:18: block runs 2 NIC instructions per iteration
; REMARK-NEXT: remark: counter.cc:53:16: total_packets: place in CLS
; REMARK-NEXT: remark: counter.cc:52:3: second insight on the same block
; REMARK-NEXT: warning: 2 record(s) in '{{.*}}insights.json' name a function or block not in module '{{.*}}counter.ll' (first: _ZN7Gone13simple_actionEP6Packet/entry); skipped
; REMARK-NOT: remark:

; YAML:      --- !Analysis
; YAML-NEXT: Pass:            clara
; YAML-NEXT: Name:            compute
; YAML-NEXT: DebugLoc:        { File: counter.cc, Line: 51, Column: 18 }
; YAML-NEXT: Function:        _ZN7Counter13simple_actionEP6Packet
; YAML-NEXT: Args:
; YAML-NEXT:   - String:          block runs 2 NIC instructions per iteration
; YAML:      Name:            state_placement
; YAML-NEXT: DebugLoc:        { File: counter.cc, Line: 53, Column: 16 }
; YAML:      Name:            api_cost
; YAML-NEXT: DebugLoc:        { File: counter.cc, Line: 52, Column: 3 }

; IR-LABEL: for.body:
; IR: br label %for.inc, {{.*}}!clara.insight ![[BODY:[0-9]+]]
; IR-LABEL: for.end:
; IR: ret ptr %{{[0-9]+}}, {{.*}}!clara.insight ![[END:[0-9]+]]
; IR-DAG: ![[BODY]] = !{!"compute: block runs 2 NIC instructions per iteration"}
; IR-DAG: ![[END]] = !{!"state_placement: total_packets: place in CLS", !"api_cost: second insight on the same block"}
