//==============================================================================
// FILE:
//    ApiCatalog.h
//
// DESCRIPTION:
//    The framework API catalog (schema clara.api-catalog/1): which called
//    functions are Click framework APIs. Each entry has a name, a category and a
//    POSIX extended regular expression matched from the start of the callee's
//    demangled name with any leading "Click::" removed; the first match wins.
//    The catalog is embedded into libClaraPasses.so at build time
//    (clara/ir/api_catalog.json); -clara-api-catalog=FILE overrides it.
//    Also holds small naming helpers shared by all Clara passes.
//
// USAGE:
//    Used by every pass; e.g. to run with another catalog:
//      opt-19 -load-pass-plugin libClaraPasses.so -clara-api-catalog=my.json -passes=print<clara-kinds> -disable-output input.ll
//
// License: Apache-2.0
//==============================================================================
#ifndef CLARA_API_CATALOG_H
#define CLARA_API_CATALOG_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/Regex.h"

#include <memory>
#include <string>
#include <vector>

namespace clara {

struct ApiEntry {
  std::string Name;     // e.g. "Packet::ip_header" (kind api.<Name>)
  std::string Category; // e.g. "packet", "hashmap", "libc"
  std::string Pattern;  // POSIX ERE as written in the catalog
  std::unique_ptr<llvm::Regex> Re; // "^(" + Pattern + ")"

  /// A container of NF state: HashMap, HashTable or Vector.
  bool isContainer() const {
    return Category == "hashmap" || Category == "hashtable" || Category == "vector";
  }
};

class ApiCatalog {
public:
  /// Parses a catalog; Origin names the source in error messages.
  static llvm::Expected<std::unique_ptr<ApiCatalog>> parse(llvm::StringRef JSON,
                                                           llvm::StringRef Origin);
  /// The catalog in force: -clara-api-catalog=FILE if given, else the embedded
  /// one. Loaded once; a bad file is a fatal error naming the file.
  static const ApiCatalog &get();

  /// First entry matching a normalized (demangled, "Click::"-stripped) name.
  const ApiEntry *match(llvm::StringRef NormalizedName) const;
  /// Catalog entry for a function (by its symbol name), cached.
  const ApiEntry *matchFunction(const llvm::Function &F) const;
  const ApiEntry *matchSymbol(llvm::StringRef Symbol) const;

  llvm::StringRef origin() const { return Origin; }
  size_t size() const { return Entries.size(); }

private:
  std::string Origin;
  std::vector<ApiEntry> Entries;
  mutable llvm::StringMap<const ApiEntry *> Cache;
};

/// The function a call calls, through pointer casts and aliases (clang's
/// complete-object destructors are aliases); null for indirect calls/asm.
const llvm::Function *calledFunction(const llvm::CallBase &CB);

/// llvm::demangle of a symbol (the symbol itself if it is not mangled).
std::string demangled(llvm::StringRef Symbol);
/// demangled() with one leading "Click::" removed: what catalog patterns see.
std::string normalizedName(llvm::StringRef Symbol);

} // namespace clara

#endif
