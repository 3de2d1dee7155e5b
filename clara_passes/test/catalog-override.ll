; The embedded catalog knows Click APIs only; -clara-api-catalog=FILE replaces
; it. Patterns match the demangled name with a leading "Click::" removed.
; RUN: %opt -passes='print<clara-kinds>' -disable-output %s | FileCheck %s --check-prefix=EMBEDDED
; RUN: %opt -clara-api-catalog=%inputs/table-catalog.json -passes='print<clara-kinds>' -disable-output %s | FileCheck %s --check-prefix=OVERRIDE
; RUN: not %opt -clara-api-catalog=%inputs/malformed.json -passes='print<clara-kinds>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=BAD

; EMBEDDED: api.extern {{ *}}| %v = call i32 @_ZN5Click5Table6lookupEj(
; EMBEDDED: api.Packet::ip_header {{ *}}| %h = call ptr @_ZNK5Click6Packet9ip_headerEv(
; OVERRIDE: api.Table::lookup {{ *}}| %v = call i32 @_ZN5Click5Table6lookupEj(
; OVERRIDE: api.extern {{ *}}| %h = call ptr @_ZNK5Click6Packet9ip_headerEv(
; BAD: clara: API catalog '{{.*}}malformed.json': invalid JSON

declare i32 @_ZN5Click5Table6lookupEj(ptr, i32)
declare ptr @_ZNK5Click6Packet9ip_headerEv(ptr)

define i32 @use(ptr %t, ptr %p) {
entry:
  %v = call i32 @_ZN5Click5Table6lookupEj(ptr %t, i32 1)
  %h = call ptr @_ZNK5Click6Packet9ip_headerEv(ptr %p)
  ret i32 %v
}
