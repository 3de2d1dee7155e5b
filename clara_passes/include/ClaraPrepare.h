//==============================================================================
// FILE:
//    ClaraPrepare.h
//
// DESCRIPTION:
//    clara-prepare (module pass):
//    0. records what LLVM -O2, run on a clone of the module as it comes in,
//       keeps of each NF source line per call path (and which call paths it
//       inlined), as !clara.opt.lines / !clara.opt.paths (OptLines.h);
//    1. inlines the NF's own subroutines into their callers: functions defined
//       in the module whose DISubprogram file is the compile unit's main file
//       and that do not match the API catalog; recursive ones are never
//       inlined, and catalog APIs are never inlined even when a header defines
//       them inline. Inlined helpers are marked !clara.inlined; discardable
//       ones (internal/linkonce) left without uses are deleted.
//    2. names unnamed basic blocks "bb.<index>" so that features and remarks
//       can refer to every block by name;
//    3. tags every instruction of every defined function with
//       !clara.kind !{!"<kind>"} from ClaraKindsAnalysis.
//    Required pass: runs on -O0 / optnone IR.
//
// USAGE:
//    opt-19 -load-pass-plugin libClaraPasses.so -passes=clara-prepare -S input.ll -o prepared.ll
//
// License: Apache-2.0
//==============================================================================
#ifndef CLARA_PREPARE_H
#define CLARA_PREPARE_H

#include "llvm/IR/PassManager.h"

namespace clara {

struct ClaraPreparePass : public llvm::PassInfoMixin<ClaraPreparePass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &MAM);
  static bool isRequired() { return true; }
};

/// Metadata kind names written by the Clara passes.
inline constexpr const char *KindMD = "clara.kind";
inline constexpr const char *InlinedMD = "clara.inlined";
inline constexpr const char *InsightMD = "clara.insight";

} // namespace clara

#endif
