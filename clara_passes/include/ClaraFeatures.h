//==============================================================================
// FILE:
//    ClaraFeatures.h
//
// DESCRIPTION:
//    clara-features (module pass): writes the per-block feature records of the
//    NF's own functions as JSONL, schema "clara.features/3": one `module`
//    record, then per own function one `function` record and its `block`
//    records, then one `state` record per state variable touched, and
//    `warning` records for what could not be classified (docs/design.md,
//    "clara-features"). Kinds come from ClaraKindsAnalysis, loop depth from
//    LoopAnalysis, field names from debug info. Blocks carry line_counts
//    (instructions per source line of the block's file), path_counts (the
//    same per line and call path: where clara-prepare inlined the line) and
//    `opt`: what LLVM -O2, run on a clone of the module, keeps of its lines
//    (instructions, memory accesses, calls, and the part a real build folds
//    into inlined API code), each inlined copy getting the -O2 instance its
//    call path runs (OptLines.h), split over its blocks. Accesses of the
//    vtable pointer (field "<vptr>") and of a whole object ("<whole>") get
//    no state record. Run after clara-prepare.
//    print<clara-features> is the same pass writing to stdout.
//
// USAGE:
//    opt-19 -load-pass-plugin libClaraPasses.so -passes=clara-prepare,clara-features -clara-features-output=features.jsonl -disable-output input.ll
//
// License: Apache-2.0
//==============================================================================
#ifndef CLARA_FEATURES_H
#define CLARA_FEATURES_H

#include "llvm/IR/PassManager.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace clara {

class ClaraFeaturesPass : public llvm::PassInfoMixin<ClaraFeaturesPass> {
public:
  /// Writes to -clara-features-output (default "-", stdout).
  ClaraFeaturesPass() = default;
  /// Writes to OS (print<clara-features>).
  explicit ClaraFeaturesPass(llvm::raw_ostream &OS) : OS(&OS) {}
  /// Writes to Path unless -clara-features-output is given (-clara-auto).
  explicit ClaraFeaturesPass(std::string DefaultPath)
      : DefaultPath(std::move(DefaultPath)) {}

  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &MAM);
  static bool isRequired() { return true; }

private:
  llvm::raw_ostream *OS = nullptr;
  std::string DefaultPath;
};

} // namespace clara

#endif
