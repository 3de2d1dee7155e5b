//==============================================================================
// FILE:
//    ClaraRemarks.h
//
// DESCRIPTION:
//    clara-remarks (module pass): reads -clara-insights=FILE (schema
//    clara.insights/1). For every element of its `records` array that names a
//    `function` (mangled) and a `block` (IR block name), it attaches
//    !clara.insight !{!"<kind>: <message>", ...} to the block's terminator and
//    emits OptimizationRemarkAnalysis(pass "clara", remark name = kind) with the
//    message, at the debug location of the block's first instruction on
//    `location.line` (else its first located instruction). Remarks show with
//    -pass-remarks-analysis=clara and go to -pass-remarks-output=FILE.yaml.
//    Records naming a function/block absent from the module: one warning on
//    stderr, the rest is still applied. A missing or malformed file is a fatal
//    error naming the file. Run after clara-prepare, which gives the blocks
//    the names that clara-features reported.
//
// USAGE:
//    opt-19 -load-pass-plugin libClaraPasses.so -passes=clara-prepare,clara-remarks -clara-insights=insights.json -pass-remarks-analysis=clara -pass-remarks-output=remarks.yaml -disable-output input.ll
//
// License: Apache-2.0
//==============================================================================
#ifndef CLARA_REMARKS_H
#define CLARA_REMARKS_H

#include "llvm/IR/PassManager.h"

namespace clara {

struct ClaraRemarksPass : public llvm::PassInfoMixin<ClaraRemarksPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &MAM);
  static bool isRequired() { return true; }
};

/// -clara-insights value ("" if not given).
const std::string &claraInsightsFile();

} // namespace clara

#endif
