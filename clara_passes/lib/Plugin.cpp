//==============================================================================
// FILE:
//    Plugin.cpp
//
// DESCRIPTION:
//    Entry point of libClaraPasses.so (llvmGetPassPluginInfo). Registers:
//      module passes   clara-prepare, clara-features, print<clara-features>,
//                      clara-remarks, clara-instrument
//      function pass   print<clara-kinds> (also accepted as a module pass)
//      analysis        ClaraKindsAnalysis (function analysis)
//      extension point pipeline start -> clara-auto, only with -clara-auto
//    Options: -clara-api-catalog=FILE, -clara-features-output=FILE,
//             -clara-insights=FILE, -clara-auto,
//             -clara-profile-layout-output=FILE.
//
// USAGE:
//    opt-19 -load-pass-plugin libClaraPasses.so -passes=clara-prepare,clara-features -disable-output input.ll
//    opt-19 -load-pass-plugin libClaraPasses.so -passes='print<clara-kinds>' -disable-output input.ll
//    clang-19 -g -c nf.cc -fpass-plugin=libClaraPasses.so -Xclang -load -Xclang libClaraPasses.so -mllvm -clara-auto
//
// License: Apache-2.0
//==============================================================================
#include "ClaraAuto.h"
#include "ClaraFeatures.h"
#include "ClaraInstrument.h"
#include "ClaraPrepare.h"
#include "ClaraRemarks.h"
#include "KindTags.h"

#include "llvm/Passes/PassBuilder.h"
#include "llvm/Passes/PassPlugin.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace clara;

static PassPluginLibraryInfo getClaraPassesPluginInfo() {
  return {LLVM_PLUGIN_API_VERSION, "ClaraPasses", "0.1.0", [](PassBuilder &PB) {
            PB.registerAnalysisRegistrationCallback(
                [](FunctionAnalysisManager &FAM) {
                  FAM.registerPass([] { return ClaraKindsAnalysis(); });
                });
            PB.registerPipelineParsingCallback(
                [](StringRef Name, ModulePassManager &MPM,
                   ArrayRef<PassBuilder::PipelineElement>) {
                  if (Name == "clara-prepare") {
                    MPM.addPass(ClaraPreparePass());
                    return true;
                  }
                  if (Name == "clara-features") {
                    MPM.addPass(ClaraFeaturesPass());
                    return true;
                  }
                  if (Name == "print<clara-features>") {
                    MPM.addPass(ClaraFeaturesPass(outs()));
                    return true;
                  }
                  if (Name == "clara-instrument") {
                    MPM.addPass(ClaraInstrumentPass());
                    return true;
                  }
                  if (Name == "clara-remarks") {
                    MPM.addPass(ClaraRemarksPass());
                    return true;
                  }
                  // Also usable after module passes: clara-prepare,print<clara-kinds>
                  if (Name == "print<clara-kinds>") {
                    MPM.addPass(createModuleToFunctionPassAdaptor(
                        PrintClaraKindsPass(outs())));
                    return true;
                  }
                  return false;
                });
            PB.registerPipelineParsingCallback(
                [](StringRef Name, FunctionPassManager &FPM,
                   ArrayRef<PassBuilder::PipelineElement>) {
                  if (Name == "print<clara-kinds>") {
                    FPM.addPass(PrintClaraKindsPass(outs()));
                    return true;
                  }
                  return false;
                });
            PB.registerPipelineStartEPCallback(
                [](ModulePassManager &MPM, OptimizationLevel) {
                  if (claraAutoEnabled())
                    MPM.addPass(ClaraAutoPass());
                });
          }};
}

extern "C" LLVM_ATTRIBUTE_WEAK PassPluginLibraryInfo llvmGetPassPluginInfo() {
  return getClaraPassesPluginInfo();
}
