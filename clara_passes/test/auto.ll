; -clara-auto adds Clara at the pipeline-start extension point of the default
; pipelines (what clang -fpass-plugin runs). It works on a copy of the module:
; features are written, remarks emitted, and the compiled IR is left as is
; (no inlining of bucket(), no !clara.kind metadata).
; RUN: %opt -clara-auto -clara-features-output=%t.jsonl -passes='default<O0>' -S %inputs/counter.ll -o %t.ll
; RUN: FileCheck %s --check-prefix=FEAT < %t.jsonl
; RUN: FileCheck %s --check-prefix=IR < %t.ll
; The records are exactly those of clara-prepare,clara-features:
; RUN: %opt -passes=clara-prepare,clara-features -clara-features-output=%t.ref.jsonl -disable-output %inputs/counter.ll
; RUN: diff %t.jsonl %t.ref.jsonl
; RUN: %opt -clara-auto -clara-features-output=%t2.jsonl -clara-insights=%inputs/insights.json -pass-remarks-analysis=clara -passes='default<O0>' -disable-output %inputs/counter.ll 2>&1 | FileCheck %s --check-prefix=REMARK
; -clara-features-output=FILE wins over the default <source file>.clara.jsonl
; (source_filename is "counter.cc": relative to the working directory):
; RUN: rm -rf %t.out && mkdir %t.out && cd %t.out
; RUN: %opt -clara-auto -clara-features-output=%t3.jsonl -passes='default<O0>' -disable-output %inputs/counter.ll
; RUN: FileCheck %s --check-prefix=FEAT < %t3.jsonl
; RUN: not ls %t.out/counter.cc.clara.jsonl
; Without it, the default:
; RUN: %opt -clara-auto -passes='default<O0>' -disable-output %inputs/counter.ll
; RUN: FileCheck %s --check-prefix=FEAT < %t.out/counter.cc.clara.jsonl
; Without -clara-auto nothing is added:
; RUN: rm -f %t4.jsonl
; RUN: %opt -clara-features-output=%t4.jsonl -passes='default<O0>' -disable-output %inputs/counter.ll
; RUN: not ls %t4.jsonl

; FEAT: "record":"module"
; FEAT: "record":"function","function":"_ZN7Counter13simple_actionEP6Packet"
; FEAT: "record":"state","object":"Counter","field":"_bytes"

; IR: call noundef i32 @_ZNK7Counter6bucketEj(
; IR-NOT: !clara.kind

; REMARK: remark: counter.cc:51:18: block runs 2 NIC instructions per iteration
