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

/// The key of the innermost frame of Loc's inline chain whose file is in Files.
std::optional<OptKey> nfKey(const DebugLoc &Loc, const std::set<std::string> &Files) {
  for (const DILocation *L = Loc.get(); L; L = L->getInlinedAt()) {
    const DIFile *F = L->getScope() ? L->getScope()->getFile() : nullptr;
    if (!L->getLine() || !F)
      continue;
    std::string Path = joinPath(F);
    if (Files.count(Path))
      return OptKey{Path, L->getLine(), callPath(L)};
  }
  return std::nullopt;
}

std::vector<std::string> splitPath(const std::string &Path) {
  std::vector<std::string> Sites;
  if (Path.empty())
    return Sites;
  size_t Start = 0;
  for (;;) {
    size_t End = Path.find(';', Start);
    Sites.push_back(Path.substr(Start, End - Start));
    if (End == std::string::npos)
      return Sites;
    Start = End + 1;
  }
}

std::string joinSites(const std::vector<std::string> &Sites, size_t Begin, size_t End) {
  std::string Out;
  for (size_t I = Begin; I < End; ++I)
    Out += (I > Begin ? ";" : "") + Sites[I];
  return Out;
}

/// Every run of consecutive call sites of the -O2 paths: the inlined call
/// paths (a path is inlined somewhere iff some -O2 chain holds it).
std::set<std::string> inlinedRuns(const std::set<std::string> &Paths) {
  std::set<std::string> Runs;
  for (const std::string &P : Paths) {
    std::vector<std::string> Sites = splitPath(P);
    for (size_t B = 0; B < Sites.size(); ++B)
      for (size_t E = B + 1; E <= Sites.size(); ++E)
        Runs.insert(joinSites(Sites, B, E));
  }
  return Runs;
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

/// A call to a catalog API whose code a real build inlines: one the headers
/// define (it has a body here), or a member of the reverse-ported runtime's
/// templates (clara/runtime/host/click_templates.hh defines HashMap, HashTable
/// and Vector, which the compatibility headers only declare). Calls to other
/// APIs (Packet::kill, String, Args, ...) stay calls in a real build.
bool isApiCall(const Value *V, const ApiCatalog &Cat) {
  auto *CB = dyn_cast<CallBase>(V);
  const Function *Callee = CB ? CB->getCalledFunction() : nullptr;
  const ApiEntry *E = Callee ? Cat.matchFunction(*Callee) : nullptr;
  return E && (!Callee->isDeclaration() || E->isContainer());
}

/// The stack slots of F (allocas, with the GEPs and casts into them) that only
/// catalog API calls read: NF code only stores into them (a key passed by
/// reference to HashMap::find).
std::set<const Value *> apiSlots(const Function &F, const ApiCatalog &Cat) {
  std::set<const Value *> Slots;
  for (const Instruction &I : instructions(F)) {
    if (!isa<AllocaInst>(I))
      continue;
    std::set<const Value *> Seen;
    SmallVector<const Value *, 8> Work{&I};
    bool OnlyApi = true, ByApi = false;
    while (!Work.empty() && OnlyApi) {
      const Value *V = Work.pop_back_val();
      if (!Seen.insert(V).second)
        continue;
      for (const User *U : V->users()) {
        if (isApiCall(U, Cat))
          ByApi = true;
        else if (auto *SI = dyn_cast<StoreInst>(U))
          OnlyApi = SI->getPointerOperand() == V;
        else if (isa<GetElementPtrInst>(U) || isa<BitCastInst>(U))
          Work.push_back(U);
        else if (auto *II = dyn_cast<IntrinsicInst>(U))
          OnlyApi = II->isLifetimeStartOrEnd();
        else
          OnlyApi = false;
        if (!OnlyApi)
          break;
      }
    }
    if (OnlyApi && ByApi)
      Slots.insert(Seen.begin(), Seen.end());
  }
  return Slots;
}

/// The instructions of F that only feed catalog API calls: their arguments,
/// stores into apiSlots, and what computes nothing else. A real build inlines
/// the API and the target compiler folds these into the API's code.
std::set<const Instruction *> apiFeeding(const Function &F, const ApiCatalog &Cat) {
  std::set<const Value *> Slots = apiSlots(F, Cat);
  std::set<const Instruction *> Feeding;
  for (const Value *V : Slots)
    if (auto *I = dyn_cast<Instruction>(V))
      Feeding.insert(I);
  for (const Instruction &I : instructions(F))
    if (auto *SI = dyn_cast<StoreInst>(&I))
      if (Slots.count(SI->getPointerOperand()))
        Feeding.insert(&I);
  // Values (stores have no users): feeding when every use is an API call's
  // argument, a store into an API slot, or another feeding value.
  auto feeds = [&](const Instruction &I, const User *U) {
    if (isApiCall(U, Cat))
      return cast<CallBase>(U)->getCalledOperand() != &I;
    if (auto *SI = dyn_cast<StoreInst>(U))
      return Slots.count(SI->getPointerOperand()) > 0;
    auto *UI = dyn_cast<Instruction>(U);
    return UI && Feeding.count(UI) > 0;
  };
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const Instruction &I : instructions(F)) {
      if (Feeding.count(&I) || I.isTerminator() || I.user_empty() ||
          I.mayHaveSideEffects() || isa<PHINode>(I))
        continue;
      if (llvm::all_of(I.users(), [&](const User *U) { return feeds(I, U); }))
        Changed |= Feeding.insert(&I).second;
    }
  }
  return Feeding;
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

std::string callPath(const DILocation *Frame) {
  std::string Out;
  for (const DILocation *Inner = Frame; Inner && Inner->getInlinedAt();
       Inner = Inner->getInlinedAt()) {
    const DILocation *Site = Inner->getInlinedAt();
    const DISubprogram *Callee = Inner->getScope() ? Inner->getScope()->getSubprogram()
                                                   : nullptr;
    Out += (Out.empty() ? "" : ";") + std::to_string(Site->getLine()) + ":" +
           std::to_string(Site->getColumn()) + ":" +
           (Callee ? Callee->getName().str() : std::string());
  }
  return Out;
}

std::set<std::string> ownFiles(const Module &M, const ApiCatalog &Cat) {
  std::set<std::string> Files;
  for (const Function &F : M)
    if (isOwnFunction(F, Cat))
      if (const DISubprogram *SP = F.getSubprogram())
        Files.insert(joinPath(SP->getFile()));
  return Files;
}

OptLines optimizedLines(const Module &M, const ApiCatalog &Cat,
                        const std::set<std::string> &Files) {
  OptLines Opt;
  if (Files.empty())
    return Opt;
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

  for (const Function &F : *Clone) {
    std::set<const Instruction *> Feeding = apiFeeding(F, Cat);
    for (const Instruction &I : instructions(F)) {
      if (isPseudoInstruction(I) || !I.getDebugLoc())
        continue;
      if (auto Key = nfKey(I.getDebugLoc(), Files)) {
        OptCount C = optCountOf(I);
        if (Feeding.count(&I) || isApiCall(&I, Cat)) {
          C.Api = C.Instructions;
          C.ApiMemory = C.Memory;
        }
        Opt.Counts[*Key].add(C, 1.0);
        Opt.Paths.insert(callPath(I.getDebugLoc().get()));
      }
    }
  }
  Opt.Paths.erase("");
  return Opt;
}

void writeOptLines(Module &M, const OptLines &Opt) {
  LLVMContext &Ctx = M.getContext();
  Type *I64 = Type::getInt64Ty(Ctx);
  auto Int = [&](double V) {
    return ConstantAsMetadata::get(ConstantInt::get(I64, (uint64_t)V));
  };
  for (const char *Name : {OptLinesMD, OptPathsMD})
    if (NamedMDNode *Old = M.getNamedMetadata(Name))
      M.eraseNamedMetadata(Old);
  NamedMDNode *N = M.getOrInsertNamedMetadata(OptLinesMD);
  for (auto &KV : Opt.Counts)
    N->addOperand(MDNode::get(
        Ctx, {MDString::get(Ctx, std::get<0>(KV.first)), Int(std::get<1>(KV.first)),
              MDString::get(Ctx, std::get<2>(KV.first)), Int(KV.second.Instructions),
              Int(KV.second.Memory), Int(KV.second.Calls), Int(KV.second.Api),
              Int(KV.second.ApiMemory)}));
  NamedMDNode *P = M.getOrInsertNamedMetadata(OptPathsMD);
  for (const std::string &Path : Opt.Paths)
    P->addOperand(MDNode::get(Ctx, {MDString::get(Ctx, Path)}));
}

std::optional<OptLines> readOptLines(const Module &M) {
  const NamedMDNode *N = M.getNamedMetadata(OptLinesMD);
  if (!N)
    return std::nullopt;
  OptLines Opt;
  for (const MDNode *Op : N->operands()) {
    if (Op->getNumOperands() != 8)
      report_fatal_error("clara-features: !clara.opt.lines is not of this plugin's "
                         "format (file, line, call path, instructions, memory, calls, "
                         "api, api memory): "
                         "run clara-prepare of this plugin again",
                         /*gen_crash_diag=*/false);
    auto *File = dyn_cast<MDString>(Op->getOperand(0));
    auto *Path = dyn_cast<MDString>(Op->getOperand(2));
    if (!File || !Path)
      continue;
    OptCount &C = Opt.Counts[{File->getString().str(), (unsigned)intOperand(Op, 1),
                              Path->getString().str()}];
    C.Instructions = (double)intOperand(Op, 3);
    C.Memory = (double)intOperand(Op, 4);
    C.Calls = (double)intOperand(Op, 5);
    C.Api = (double)intOperand(Op, 6);
    C.ApiMemory = (double)intOperand(Op, 7);
  }
  if (const NamedMDNode *P = M.getNamedMetadata(OptPathsMD))
    for (const MDNode *Op : P->operands())
      if (Op->getNumOperands() == 1)
        if (auto *S = dyn_cast<MDString>(Op->getOperand(0)))
          Opt.Paths.insert(S->getString().str());
  return Opt;
}

std::map<OptKey, OptCount>
optPerIRKey(const OptLines &Opt, const std::map<OptKey, int64_t> &IRInstructions) {
  std::set<std::string> Inlined = inlinedRuns(Opt.Paths);
  // Each IR key's -O2 instance, and the IR keys and instructions per line.
  std::map<OptKey, std::vector<const OptKey *>> Runs; // -O2 key -> IR keys it runs
  std::map<SourceLine, std::vector<const OptKey *>> OnLine;
  std::map<SourceLine, int64_t> LineInstructions;
  for (auto &KV : IRInstructions) {
    const auto &[File, Line, Path] = KV.first;
    std::vector<std::string> Sites = splitPath(Path);
    size_t Len = Sites.size();
    while (Len > 0 && !Inlined.count(joinSites(Sites, 0, Len)))
      --Len;
    Runs[{File, Line, joinSites(Sites, 0, Len)}].push_back(&KV.first);
    OnLine[{File, Line}].push_back(&KV.first);
    LineInstructions[{File, Line}] += KV.second;
  }
  std::map<OptKey, OptCount> PerKey;
  for (auto &KV : Opt.Counts) {
    const auto &[File, Line, Path] = KV.first;
    auto R = Runs.find(KV.first);
    if (R != Runs.end()) {
      for (const OptKey *IR : R->second)
        PerKey[*IR].add(KV.second, 1.0);
      continue;
    }
    auto L = OnLine.find({File, Line});
    if (L == OnLine.end())
      continue;
    std::string Prefix = Path.empty() ? "" : Path + ";";
    bool OutOfLineCopy = llvm::any_of(L->second, [&](const OptKey *IR) {
      return std::get<2>(*IR).compare(0, Prefix.size(), Prefix) == 0;
    });
    if (OutOfLineCopy)
      continue;
    double Total = (double)LineInstructions[{File, Line}];
    for (const OptKey *IR : L->second)
      PerKey[*IR].add(KV.second, (double)IRInstructions.at(*IR) / Total);
  }
  return PerKey;
}

} // namespace clara
