; A malformed, missing or foreign insights file is a fatal error naming the file.
; RUN: not %opt -passes=clara-remarks -clara-insights=%inputs/malformed.json -disable-output %inputs/counter.ll 2>&1 | FileCheck %s --check-prefix=MALFORMED
; RUN: not %opt -passes=clara-remarks -clara-insights=%inputs/does-not-exist.json -disable-output %inputs/counter.ll 2>&1 | FileCheck %s --check-prefix=MISSING
; RUN: not %opt -passes=clara-remarks -clara-insights=%inputs/wrong-schema.json -disable-output %inputs/counter.ll 2>&1 | FileCheck %s --check-prefix=SCHEMA
; RUN: not %opt -passes=clara-remarks -disable-output %inputs/counter.ll 2>&1 | FileCheck %s --check-prefix=NOFILE

; MALFORMED: clara-remarks: malformed insights file '{{.*}}malformed.json': [1:{{[0-9]+}}, byte={{[0-9]+}}]: Expected object key
; MISSING: clara-remarks: cannot read insights file '{{.*}}does-not-exist.json': No such file or directory
; SCHEMA: clara-remarks: insights file '{{.*}}wrong-schema.json' has schema 'clara.insights/2', expected 'clara.insights/1'
; NOFILE: clara-remarks: no insights file: give -clara-insights=FILE
