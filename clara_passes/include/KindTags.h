//==============================================================================
// FILE:
//    KindTags.h
//
// DESCRIPTION:
//    ClaraKindsAnalysis: classifies every instruction of a function into one
//    Clara kind: compute, mem.stack, mem.state, mem.packet, api.<name>,
//    api.extern or control, and collects warnings for what it cannot classify
//    (unknown memory roots, inline assembly, exceptions, indirect calls).
//    clara-prepare writes the result as !clara.kind metadata and clara-features
//    consumes it. MemRootResolver finds where the memory a pointer addresses
//    lives (stack, state, packet), following -O0 stack slots to the values
//    stored into them.
//    PrintClaraKindsPass is the printer: print<clara-kinds>.
//
// USAGE:
//    opt-19 -load-pass-plugin libClaraPasses.so -passes='print<clara-kinds>' -disable-output input.ll
//
// License: Apache-2.0
//==============================================================================
#ifndef CLARA_KIND_TAGS_H
#define CLARA_KIND_TAGS_H

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/PassManager.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace clara {

class ApiCatalog;
struct ApiEntry;

/// Where the memory addressed by a pointer lives: a set of roots (a pointer
/// merged by a phi/select may have several). None = no information (a null
/// pointer, or a cycle still being resolved); Unknown = could not tell.
enum class MemRoot : uint8_t { None = 0, Stack = 1, State = 2, Packet = 4, Unknown = 8 };
/// "stack", "state", "packet", "unknown", "none", or e.g. "stack|packet".
std::string memRootName(MemRoot R);
/// Union of two root sets.
MemRoot mergeRoots(MemRoot A, MemRoot B);
inline bool hasRoot(MemRoot Set, MemRoot R) {
  return (static_cast<uint8_t>(Set) & static_cast<uint8_t>(R)) != 0;
}
/// The single kind an access is counted as: packet > state > stack; an
/// unknown root counts as state.
MemRoot dominantRoot(MemRoot Set);

class MemRootResolver {
public:
  /// Resolves roots for pointers of one function (the memo is per function).
  MemRootResolver(const llvm::Function &, const ApiCatalog &Cat) : Cat(Cat) {}

  /// Where the memory that Ptr points into lives.
  MemRoot pointerRoot(const llvm::Value *Ptr);
  /// Origin of a value read from memory or computed from such reads: for a
  /// pointer, pointerRoot; for an integer, the root of the memory it came from.
  MemRoot valueRoot(const llvm::Value *V);
  /// Values stored into a stack slot (or into any address inside it).
  const llvm::SmallVector<const llvm::Value *, 2> &
  storedInto(const llvm::AllocaInst *A);
  /// Through GEPs, bitcasts and addrspacecasts.
  static const llvm::Value *stripAddr(const llvm::Value *V);
  /// True if A is the `this` parameter of a C++ method.
  static bool isThisArg(const llvm::Argument &A);
  /// True if the DI type is a pointer/reference to Element or a subclass.
  static bool pointsToElement(const llvm::DIType *T);
  /// The leaf value that made the last query Unknown (for messages).
  const llvm::Value *unknownLeaf() const { return UnknownLeaf; }

private:
  MemRoot compute(const llvm::Value *V);
  MemRoot argRoot(const llvm::Argument &A);
  MemRoot callRoot(const llvm::CallBase &C);
  MemRoot loadedValueRoot(const llvm::LoadInst &L);
  MemRoot unknown(const llvm::Value *Leaf) {
    UnknownLeaf = Leaf;
    return MemRoot::Unknown;
  }

  const ApiCatalog &Cat;
  llvm::DenseMap<const llvm::Value *, MemRoot> Ptr, Val;
  llvm::DenseMap<const llvm::AllocaInst *,
                 llvm::SmallVector<const llvm::Value *, 2>>
      Stores;
  const llvm::Value *UnknownLeaf = nullptr;
};

struct ClaraWarning {
  const llvm::Instruction *I;
  std::string Message;
};

/// Result of ClaraKindsAnalysis.
class ClaraKinds {
public:
  /// Kind of an instruction ("" for instructions the analysis never saw).
  llvm::StringRef kindOf(const llvm::Instruction &I) const;
  /// Catalog entry of an api.<name> call, else null.
  const ApiEntry *apiOf(const llvm::Instruction &I) const;
  const std::vector<ClaraWarning> &warnings() const { return Warnings; }

  llvm::DenseMap<const llvm::Instruction *, std::string> Kinds;
  llvm::DenseMap<const llvm::Instruction *, const ApiEntry *> Apis;
  std::vector<ClaraWarning> Warnings;
};

/// Computes the kinds of one function (used by the analysis and by
/// clara-prepare directly after it has inlined).
ClaraKinds computeClaraKinds(const llvm::Function &F, const ApiCatalog &Cat);

/// True for llvm.dbg.* calls (ignored in tokens and counts).
bool isDebugIntrinsic(const llvm::Instruction &I);

class ClaraKindsAnalysis : public llvm::AnalysisInfoMixin<ClaraKindsAnalysis> {
public:
  using Result = ClaraKinds;
  Result run(llvm::Function &F, llvm::FunctionAnalysisManager &FAM);

private:
  static llvm::AnalysisKey Key;
  friend struct llvm::AnalysisInfoMixin<ClaraKindsAnalysis>;
};

/// print<clara-kinds>: one line per instruction, "<kind> | <instruction>".
class PrintClaraKindsPass : public llvm::PassInfoMixin<PrintClaraKindsPass> {
public:
  explicit PrintClaraKindsPass(llvm::raw_ostream &OS) : OS(OS) {}
  llvm::PreservedAnalyses run(llvm::Function &F,
                              llvm::FunctionAnalysisManager &FAM);
  static bool isRequired() { return true; }

private:
  llvm::raw_ostream &OS;
};

} // namespace clara

#endif
