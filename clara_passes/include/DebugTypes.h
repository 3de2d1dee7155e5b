//==============================================================================
// FILE:
//    DebugTypes.h
//
// DESCRIPTION:
//    Debug-info helpers shared by the Clara passes:
//    - DITypeIndex maps an LLVM struct type (e.g. %class.MiniNAT,
//      %struct.click_ip) to its DICompositeType, and a byte offset inside it to
//      the DI member covering it (bit-fields: the member covering the bit);
//    - which functions are "the NF's own" (DISubprogram file == CU main file);
//    - printable type names and declared pointee types of local pointers.
//
// USAGE:
//    Library code; no pass of its own. See ClaraFeatures.h and Tokenizer.h.
//
// License: Apache-2.0
//==============================================================================
#ifndef CLARA_DEBUG_TYPES_H
#define CLARA_DEBUG_TYPES_H

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/DerivedTypes.h"
#include "llvm/IR/Module.h"

#include <optional>
#include <string>

namespace clara {

class ApiCatalog;

/// A member of a composite found at some offset.
struct DIMemberHit {
  const llvm::DIDerivedType *Member = nullptr; // DW_TAG_member / inheritance
  std::string Name;        // member name; base-class name for inheritance
  uint64_t OffsetBytes = 0; // offset of the member inside the composite
  uint64_t SizeBytes = 0;   // size of the member (rounded up for bit-fields)
};

class DITypeIndex {
public:
  explicit DITypeIndex(const llvm::Module &M);

  /// The DICompositeType describing an LLVM struct type, by name (namespaces
  /// kept, template arguments and numeric suffixes dropped) and size.
  const llvm::DICompositeType *forStruct(llvm::StructType *ST) const;

  /// Member of CT covering byte Offset (first covering member for bit-fields).
  std::optional<DIMemberHit> memberAt(const llvm::DICompositeType *CT,
                                      uint64_t OffsetBytes) const;

  /// Struct GEP field: CT and member for `gep %ST, p, 0, Idx`.
  std::optional<DIMemberHit> structField(llvm::StructType *ST, unsigned Idx,
                                         const llvm::DICompositeType **CT) const;

  /// Composite pointed to by a pointer DI type (typedefs/cv stripped).
  static const llvm::DICompositeType *pointee(const llvm::DIType *T);
  /// Strip typedefs and cv-qualifiers.
  static const llvm::DIType *strip(const llvm::DIType *T);
  /// Composite name; typedef name for anonymous structs.
  std::string nameOf(const llvm::DICompositeType *CT) const;

  /// "struct.ns::click_ip.12" -> "ns::click_ip"; ".base" suffix dropped.
  static std::string llvmStructBaseName(llvm::StringRef Name);
  /// "ns::click_ip" -> "click_ip".
  static llvm::StringRef unqualified(llvm::StringRef Name);

  const llvm::DataLayout &dataLayout() const { return DL; }

private:
  const llvm::DataLayout &DL;
  llvm::StringMap<llvm::SmallVector<const llvm::DICompositeType *, 2>> ByName;
  llvm::DenseMap<const llvm::DICompositeType *, std::string> TypedefName;
  mutable llvm::DenseMap<llvm::StructType *, const llvm::DICompositeType *>
      Cache;
};

/// Printable C-like type name: "uint32_t", "uint32_t[256]", "click_ip*".
std::string diTypeName(const llvm::DIType *T);

/// True if the function is the NF's own code: defined here, its
/// DISubprogram's file is the compile unit's main file or a file in the same
/// directory (the element's own header), and it is not a catalog API.
/// Without debug info: defined, not linkonce/weak, not catalog.
bool isOwnFunction(const llvm::Function &F, const ApiCatalog &Cat);
/// DISubprogram file == CU main file (false without debug info).
bool isInMainFile(const llvm::Function &F);
/// isInMainFile, or the DISubprogram file is in the main file's directory.
bool isInNFSource(const llvm::Function &F);

/// Full path of a DIFile: directory joined unless the name is absolute, dots removed.
std::string joinPath(const llvm::DIFile *F);
/// Plain C or extern "C": the symbol is not C++-mangled.
bool isPlainC(const llvm::Function &F);
/// Source file of a function: DISubprogram file ("" without debug info).
std::string functionFile(const llvm::Function &F);

/// Declared DI type of a local variable whose address is the alloca
/// (from #dbg_declare / llvm.dbg.declare), or null.
const llvm::DIType *declaredType(const llvm::Value *Alloca);

/// The block's name; unnamed blocks are "bb.<index>".
std::string blockName(const llvm::BasicBlock &BB);

} // namespace clara

#endif
