//==============================================================================
// FILE:
//    Tokenizer.h
//
// DESCRIPTION:
//    Vocabulary compaction: turns an instruction into a token string,
//    "<opcode>[.<predicate>] <type> <operand kinds...>", with names and
//    constants abstracted ("add i32 var const", "icmp.eq i16 var const",
//    "zext i8 var -> i32", "load i32 stack", "call api.Packet::ip_header").
//    Loads/stores name the memory kind instead of the pointer, except
//    header-field accesses (click_ip, click_tcp, click_udp, click_ether,
//    click_icmp), which keep struct and field: "load i32 click_ip.ip_src".
//    Also locates header fields and state fields through debug info.
//
// USAGE:
//    Library code used by clara-features; see docs/design.md "Vocabulary
//    compaction".
//
// License: Apache-2.0
//==============================================================================
#ifndef CLARA_TOKENIZER_H
#define CLARA_TOKENIZER_H

#include "DebugTypes.h"
#include "KindTags.h"

#include "llvm/IR/Instruction.h"

#include <optional>
#include <string>

namespace clara {

/// A field of a packet header struct reached by an access.
struct HeaderField {
  std::string Struct; // "click_ip"
  std::string Field;  // "ip_src"
};

class Tokenizer {
public:
  explicit Tokenizer(const DITypeIndex &Types) : Types(Types) {}

  /// Token of one instruction given its Clara kind; "" for debug intrinsics.
  std::string token(const llvm::Instruction &I, llvm::StringRef Kind) const;

  /// Header field addressed by a pointer: a struct GEP into a header struct
  /// (through array-element GEPs and casts), or offset 0 of a local pointer
  /// declared as pointing to a header struct.
  std::optional<HeaderField> headerField(const llvm::Value *Ptr) const;

  static bool isHeaderStruct(llvm::StringRef UnqualifiedName);
  static std::string typeName(const llvm::Type *T);
  static std::string operandKind(const llvm::Value *V);

private:
  const DITypeIndex &Types;
};

} // namespace clara

#endif
