//==============================================================================
// FILE:
//    ClaraAuto.h
//
// DESCRIPTION:
//    clara-auto: runs Clara inside an ordinary compile without changing what is
//    compiled. Only when -clara-auto is given, the plugin adds this pass at the
//    pipeline-start extension point (registerPipelineStartEPCallback; it runs
//    at -O0 too, before any optimization, so Clara sees unoptimized IR). The
//    pass clones the module and runs clara-prepare, clara-features (and
//    clara-remarks if -clara-insights=FILE is given) on the clone, so the
//    object code is exactly what the compiler would produce without Clara.
//    Features go to -clara-features-output=FILE, default
//    "<source file>.clara.jsonl". At -O0 the pipeline start sees the IR that
//    clang -emit-llvm writes, so the records are those of clang -emit-llvm +
//    opt -passes=clara-prepare,clara-features, but for the module record's
//    module identifier (test/auto-clang.test). Remarks reach clang's diagnostics
//    (-Rpass-analysis=clara) and -fsave-optimization-record. clang discards
//    value names by default: add -fno-discard-value-names so block names
//    match those in insights.json (else blocks are named "bb.<index>").
//
// USAGE:
//    clang-19 does parse -mllvm options before it loads -fpass-plugin plugins,
//    so also load the plugin with -Xclang -load:
//      clang-19 -g -fno-discard-value-names -c nf.cc -fpass-plugin=libClaraPasses.so -Xclang -load -Xclang libClaraPasses.so -mllvm -clara-auto -mllvm -clara-features-output=nf.jsonl
//    With opt-19 (default pipelines only, e.g. -passes='default<O0>'):
//      opt-19 -load-pass-plugin libClaraPasses.so -clara-auto -passes='default<O0>' -disable-output input.ll
//
// License: Apache-2.0
//==============================================================================
#ifndef CLARA_AUTO_H
#define CLARA_AUTO_H

#include "llvm/IR/PassManager.h"

namespace clara {

struct ClaraAutoPass : public llvm::PassInfoMixin<ClaraAutoPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &MAM);
  static bool isRequired() { return true; }
};

/// True if -clara-auto was given.
bool claraAutoEnabled();

} // namespace clara

#endif
