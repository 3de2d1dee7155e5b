//==============================================================================
// FILE:
//    OptLines.cpp
//
// DESCRIPTION:
//    What LLVM -O2 keeps of each NF source line (see OptLines.h).
//
// License: Apache-2.0
//==============================================================================
#include "OptLines.h"
#include "DebugTypes.h"

#include "llvm/Analysis/CGSCCPassManager.h"
#include "llvm/Analysis/LoopAnalysisManager.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Metadata.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Bitcode/BitcodeReader.h"
#include "llvm/Bitcode/BitcodeWriter.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace clara {

namespace {

/// The innermost frame of Loc's inline chain whose file is in Files.
std::optional<SourceLine> nfLine(const DebugLoc &Loc,
                                 const std::set<std::string> &Files) {
  for (const DILocation *L = Loc.get(); L; L = L->getInlinedAt()) {
    const DIFile *F = L->getScope() ? L->getScope()->getFile() : nullptr;
    if (!L->getLine() || !F)
      continue;
    std::string Path = joinPath(F);
    if (Files.count(Path))
      return SourceLine{Path, L->getLine()};
  }
  return std::nullopt;
}

/// True for what becomes no machine instruction: debug and assume-like
/// intrinsics (lifetime markers, llvm.assume, ...) and phis.
bool isPseudoInstruction(const Instruction &I) {
  if (isa<PHINode>(I))
    return true;
  auto *II = dyn_cast<IntrinsicInst>(&I);
  return II && II->isAssumeLikeIntrinsic();
}

OptCount optCountOf(const Instruction &I) {
  OptCount C;
  C.Instructions = 1;
  if (isa<LoadInst>(I) || isa<StoreInst>(I) || isa<AtomicRMWInst>(I) ||
      isa<AtomicCmpXchgInst>(I))
    C.Memory = 1;
  if (isa<CallBase>(I) && !isa<IntrinsicInst>(I))
    C.Calls = 1;
  return C;
}

/// The -O0 function attributes that would stop -O2: optnone everywhere, and
/// noinline (clang -O0 puts it on every function) except on catalog APIs,
/// which stay out of line.
void allowOptimization(Module &M, const ApiCatalog &Cat) {
  for (Function &F : M) {
    if (F.isDeclaration())
      continue;
    F.removeFnAttr(Attribute::OptimizeNone);
    if (Cat.matchFunction(F)) {
      F.removeFnAttr(Attribute::AlwaysInline);
      F.addFnAttr(Attribute::NoInline);
    } else {
      F.removeFnAttr(Attribute::NoInline);
    }
  }
}

uint64_t intOperand(const MDNode *N, unsigned I) {
  auto *C = mdconst::dyn_extract_or_null<ConstantInt>(N->getOperand(I));
  return C ? C->getZExtValue() : 0;
}

} // namespace

std::set<std::string> ownFiles(const Module &M, const ApiCatalog &Cat) {
  std::set<std::string> Files;
  for (const Function &F : M)
    if (isOwnFunction(F, Cat))
      if (const DISubprogram *SP = F.getSubprogram())
        Files.insert(joinPath(SP->getFile()));
  return Files;
}

OptLineCounts optimizedLineCounts(const Module &M, const ApiCatalog &Cat,
                                  const std::set<std::string> &Files) {
  OptLineCounts Counts;
  if (Files.empty())
    return Counts;
  // The clone lives in its own context, so that -O2's optimization remarks do
  // not reach the user's remarks file or stderr (-pass-remarks-*).
  SmallVector<char, 0> Bitcode;
  raw_svector_ostream BitcodeOS(Bitcode);
  WriteBitcodeToFile(M, BitcodeOS);
  LLVMContext Ctx;
  Expected<std::unique_ptr<Module>> Read = parseBitcodeFile(
      MemoryBufferRef(StringRef(Bitcode.data(), Bitcode.size()), "clara-opt-clone"), Ctx);
  if (!Read)
    report_fatal_error(Twine("clara-prepare: cannot re-read the module for -O2: ") +
                           toString(Read.takeError()),
                       /*gen_crash_diag=*/false);
  std::unique_ptr<Module> Clone = std::move(*Read);
  allowOptimization(*Clone, Cat);
  LoopAnalysisManager LAM;
  FunctionAnalysisManager FAM;
  CGSCCAnalysisManager CGAM;
  ModuleAnalysisManager MAM;
  PipelineTuningOptions Tuning;
  Tuning.LoopUnrolling = false;
  Tuning.LoopInterleaving = false;
  Tuning.LoopVectorization = false;
  Tuning.SLPVectorization = false;
  PassBuilder PB(nullptr, Tuning);
  PB.registerModuleAnalyses(MAM);
  PB.registerCGSCCAnalyses(CGAM);
  PB.registerFunctionAnalyses(FAM);
  PB.registerLoopAnalyses(LAM);
  PB.crossRegisterProxies(LAM, FAM, CGAM, MAM);
  PB.buildPerModuleDefaultPipeline(OptimizationLevel::O2).run(*Clone, MAM);

  for (const Function &F : *Clone)
    for (const Instruction &I : instructions(F)) {
      if (isPseudoInstruction(I) || !I.getDebugLoc())
        continue;
      if (auto Line = nfLine(I.getDebugLoc(), Files))
        Counts[*Line].add(optCountOf(I), 1.0);
    }
  return Counts;
}

void writeOptLines(Module &M, const OptLineCounts &Counts) {
  LLVMContext &Ctx = M.getContext();
  Type *I64 = Type::getInt64Ty(Ctx);
  auto Int = [&](double V) {
    return ConstantAsMetadata::get(ConstantInt::get(I64, (uint64_t)V));
  };
  if (NamedMDNode *Old = M.getNamedMetadata(OptLinesMD))
    M.eraseNamedMetadata(Old);
  NamedMDNode *N = M.getOrInsertNamedMetadata(OptLinesMD);
  for (auto &KV : Counts)
    N->addOperand(MDNode::get(
        Ctx, {MDString::get(Ctx, KV.first.first), Int(KV.first.second),
              Int(KV.second.Instructions), Int(KV.second.Memory), Int(KV.second.Calls)}));
}

std::optional<OptLineCounts> readOptLines(const Module &M) {
  const NamedMDNode *N = M.getNamedMetadata(OptLinesMD);
  if (!N)
    return std::nullopt;
  OptLineCounts Counts;
  for (const MDNode *Op : N->operands()) {
    if (Op->getNumOperands() != 5)
      continue;
    auto *Path = dyn_cast<MDString>(Op->getOperand(0));
    if (!Path)
      continue;
    OptCount &C = Counts[{Path->getString().str(), (unsigned)intOperand(Op, 1)}];
    C.Instructions = (double)intOperand(Op, 2);
    C.Memory = (double)intOperand(Op, 3);
    C.Calls = (double)intOperand(Op, 4);
  }
  return Counts;
}

} // namespace clara
