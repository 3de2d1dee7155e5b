//==============================================================================
// FILE:
//    ClaraPrepare.cpp
//
// DESCRIPTION:
//    clara-prepare: inline the NF's own subroutines, name unnamed blocks, tag
//    every instruction with !clara.kind (see ClaraPrepare.h).
//
// USAGE:
//    opt-19 -load-pass-plugin libClaraPasses.so -passes=clara-prepare -S input.ll -o prepared.ll
//
// License: Apache-2.0
//==============================================================================
#include "ClaraPrepare.h"
#include "OptLines.h"
#include "ApiCatalog.h"
#include "DebugTypes.h"
#include "KindTags.h"

#include "llvm/ADT/SCCIterator.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Analysis/CallGraph.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Metadata.h"
#include "llvm/IR/Module.h"
#include "llvm/Transforms/Utils/Cloning.h"

using namespace llvm;

namespace clara {

/// Functions that can reach themselves through direct calls.
static SmallPtrSet<const Function *, 8> recursiveFunctions(Module &M) {
  SmallPtrSet<const Function *, 8> Rec;
  CallGraph CG(M);
  for (auto I = scc_begin(&CG); !I.isAtEnd(); ++I) {
    if (!I.hasCycle())
      continue;
    for (CallGraphNode *N : *I)
      if (N->getFunction())
        Rec.insert(N->getFunction());
  }
  return Rec;
}

/// Inlines calls to own functions until none is left (bounded rounds).
static bool inlineOwnFunctions(Module &M, const ApiCatalog &Cat) {
  SmallPtrSet<const Function *, 16> Own;
  for (Function &F : M)
    if (isOwnFunction(F, Cat))
      Own.insert(&F);
  if (Own.empty())
    return false;
  SmallPtrSet<const Function *, 8> Rec = recursiveFunctions(M);
  SmallPtrSet<Function *, 16> Inlined;
  bool Changed = false;
  for (unsigned Round = 0; Round < 16; ++Round) {
    SmallVector<CallBase *, 16> Calls;
    for (Function &F : M) {
      if (F.isDeclaration())
        continue;
      for (BasicBlock &BB : F)
        for (Instruction &I : BB)
          if (auto *CB = dyn_cast<CallBase>(&I)) {
            Function *Callee = CB->getCalledFunction();
            if (Callee && Callee != &F && Own.count(Callee) &&
                !Rec.count(Callee) && !Callee->isVarArg())
              Calls.push_back(CB);
          }
    }
    if (Calls.empty())
      break;
    bool RoundChanged = false;
    for (CallBase *CB : Calls) {
      Function *Callee = CB->getCalledFunction();
      InlineFunctionInfo IFI;
      if (InlineFunction(*CB, IFI, /*MergeAttributes=*/false, /*CalleeAAR=*/nullptr,
                         /*InsertLifetime=*/false)
              .isSuccess()) {
        Inlined.insert(Callee);
        RoundChanged = true;
      }
    }
    Changed |= RoundChanged;
    if (!RoundChanged)
      break;
  }
  LLVMContext &Ctx = M.getContext();
  for (Function *F : Inlined) {
    F->setMetadata(InlinedMD, MDNode::get(Ctx, {}));
    if (F->use_empty() && F->isDiscardableIfUnused())
      F->eraseFromParent();
  }
  return Changed;
}

PreservedAnalyses ClaraPreparePass::run(Module &M, ModuleAnalysisManager &) {
  const ApiCatalog &Cat = ApiCatalog::get();
  // What -O2 keeps of each line, measured before the own helpers are inlined
  // (so that -O2 makes its own inlining decisions, as the target compiler does).
  writeOptLines(M, optimizedLines(M, Cat, ownFiles(M, Cat)));
  bool Changed = inlineOwnFunctions(M, Cat);

  LLVMContext &Ctx = M.getContext();
  StringMap<MDNode *> KindNodes;
  for (Function &F : M) {
    if (F.isDeclaration())
      continue;
    unsigned Idx = 0;
    for (BasicBlock &BB : F) {
      if (!BB.hasName()) {
        BB.setName("bb." + Twine(Idx));
        Changed = true;
      }
      ++Idx;
    }
    ClaraKinds K = computeClaraKinds(F, Cat);
    for (BasicBlock &BB : F)
      for (Instruction &I : BB) {
        StringRef Kind = K.kindOf(I);
        MDNode *&N = KindNodes[Kind];
        if (!N)
          N = MDNode::get(Ctx, {MDString::get(Ctx, Kind)});
        I.setMetadata(KindMD, N);
      }
  }
  // Metadata and block names do not change any analysis result; inlining does.
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace clara
