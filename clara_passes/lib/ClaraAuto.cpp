//==============================================================================
// FILE:
//    ClaraAuto.cpp
//
// DESCRIPTION:
//    clara-auto: Clara on a clone of the module during a normal compile (see
//    ClaraAuto.h).
//
// USAGE:
//    clang-19 -g -c nf.cc -fpass-plugin=libClaraPasses.so -Xclang -load -Xclang libClaraPasses.so -mllvm -clara-auto
//
// License: Apache-2.0
//==============================================================================
#include "ClaraAuto.h"
#include "ClaraFeatures.h"
#include "ClaraPrepare.h"
#include "ClaraRemarks.h"
#include "KindTags.h"

#include "llvm/Analysis/CGSCCPassManager.h"
#include "llvm/Analysis/LoopAnalysisManager.h"
#include "llvm/IR/Module.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Transforms/Utils/Cloning.h"

using namespace llvm;

namespace clara {

static cl::opt<bool> ClaraAuto(
    "clara-auto",
    cl::desc("Run clara-prepare and clara-features (and clara-remarks with "
             "-clara-insights) on a copy of every module compiled with the "
             "default pipelines (clang -fpass-plugin)"),
    cl::init(false));

bool claraAutoEnabled() { return ClaraAuto; }

PreservedAnalyses ClaraAutoPass::run(Module &M, ModuleAnalysisManager &) {
  std::unique_ptr<Module> Copy = CloneModule(M);

  LoopAnalysisManager LAM;
  FunctionAnalysisManager FAM;
  CGSCCAnalysisManager CGAM;
  ModuleAnalysisManager MAM;
  PassBuilder PB;
  FAM.registerPass([] { return ClaraKindsAnalysis(); });
  PB.registerModuleAnalyses(MAM);
  PB.registerCGSCCAnalyses(CGAM);
  PB.registerFunctionAnalyses(FAM);
  PB.registerLoopAnalyses(LAM);
  PB.crossRegisterProxies(LAM, FAM, CGAM, MAM);

  std::string Source = M.getSourceFileName();
  if (Source.empty())
    Source = M.getModuleIdentifier();
  ModulePassManager MPM;
  MPM.addPass(ClaraPreparePass());
  MPM.addPass(ClaraFeaturesPass(Source + ".clara.jsonl"));
  if (!claraInsightsFile().empty())
    MPM.addPass(ClaraRemarksPass());
  MPM.run(*Copy, MAM);
  return PreservedAnalyses::all();
}

} // namespace clara
