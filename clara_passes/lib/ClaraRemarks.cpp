//==============================================================================
// FILE:
//    ClaraRemarks.cpp
//
// DESCRIPTION:
//    clara-remarks: insights.json records -> !clara.insight metadata and
//    OptimizationRemarkAnalysis remarks (see ClaraRemarks.h).
//
// USAGE:
//    opt-19 -load-pass-plugin libClaraPasses.so -passes=clara-prepare,clara-remarks -clara-insights=insights.json -pass-remarks-analysis=clara -disable-output input.ll
//
// License: Apache-2.0
//==============================================================================
#include "ClaraRemarks.h"
#include "ClaraPrepare.h"
#include "DebugTypes.h"

#include "llvm/Analysis/OptimizationRemarkEmitter.h"
#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/Metadata.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/WithColor.h"

using namespace llvm;

namespace clara {

static cl::opt<std::string>
    InsightsFile("clara-insights",
                 cl::desc("insights.json (clara.insights/1) for clara-remarks"),
                 cl::value_desc("file"), cl::init(""));

const std::string &claraInsightsFile() { return InsightsFile.getValue(); }

[[noreturn]] static void fail(const Twine &Msg) {
  report_fatal_error("clara-remarks: " + Msg, /*gen_crash_diag=*/false);
}

static const BasicBlock *findBlock(const Function &F, StringRef Name) {
  for (const BasicBlock &BB : F)
    if (BB.getName() == Name)
      return &BB;
  for (const BasicBlock &BB : F) // unnamed blocks are "bb.<index>"
    if (!BB.hasName() && blockName(BB) == Name)
      return &BB;
  return nullptr;
}

/// First instruction of BB on Line, else its first located instruction.
static DebugLoc remarkLocation(const BasicBlock &BB, int64_t Line) {
  DebugLoc First;
  for (const Instruction &I : BB) {
    const DebugLoc &DL = I.getDebugLoc();
    if (!DL || DL.getLine() == 0)
      continue;
    if (Line > 0 && DL.getLine() == (unsigned)Line)
      return DL;
    if (!First)
      First = DL;
  }
  return First;
}

PreservedAnalyses ClaraRemarksPass::run(Module &M, ModuleAnalysisManager &) {
  const std::string &Path = InsightsFile.getValue();
  if (Path.empty())
    fail("no insights file: give -clara-insights=FILE");
  auto Buf = MemoryBuffer::getFile(Path);
  if (!Buf)
    fail("cannot read insights file '" + Path + "': " + Buf.getError().message());
  Expected<json::Value> Root = json::parse((*Buf)->getBuffer());
  if (!Root)
    fail("malformed insights file '" + Path + "': " + toString(Root.takeError()));
  const json::Object *Obj = Root->getAsObject();
  if (!Obj)
    fail("malformed insights file '" + Path + "': top level is not an object");
  if (auto S = Obj->getString("schema"); S && *S != "clara.insights/1")
    fail("insights file '" + Path + "' has schema '" + *S +
         "', expected 'clara.insights/1'");
  const json::Value *RecV = Obj->get("records");
  if (!RecV)
    return PreservedAnalyses::all();
  const json::Array *Records = RecV->getAsArray();
  if (!Records)
    fail("malformed insights file '" + Path + "': 'records' is not an array");

  LLVMContext &Ctx = M.getContext();
  unsigned Missing = 0, Applied = 0;
  std::string FirstMissing;
  for (const json::Value &RV : *Records) {
    const json::Object *R = RV.getAsObject();
    if (!R)
      fail("malformed insights file '" + Path + "': a record is not an object");
    auto FnName = R->getString("function");
    auto BlockName = R->getString("block");
    if (!FnName || !BlockName)
      continue; // module-wide record: nothing to attach to
    std::string Kind = R->getString("kind").value_or("insight").str();
    std::string Message = R->getString("message").value_or("").str();
    int64_t Line = 0;
    if (const json::Object *Loc = R->getObject("location"))
      Line = Loc->getInteger("line").value_or(0);

    Function *F = M.getFunction(*FnName);
    const BasicBlock *BB =
        (F && !F->isDeclaration()) ? findBlock(*F, *BlockName) : nullptr;
    if (!BB) {
      if (!Missing++)
        FirstMissing = (*FnName + "/" + *BlockName).str();
      continue;
    }
    ++Applied;

    // !clara.insight on the terminator: one string per insight.
    Instruction *Term = const_cast<Instruction *>(BB->getTerminator());
    if (Term) {
      SmallVector<Metadata *, 4> Ops;
      if (MDNode *Old = Term->getMetadata(InsightMD))
        for (const MDOperand &Op : Old->operands())
          Ops.push_back(Op.get());
      Ops.push_back(MDString::get(Ctx, Kind + ": " + Message));
      Term->setMetadata(InsightMD, MDNode::get(Ctx, Ops));
    }

    OptimizationRemarkEmitter ORE(F);
    ORE.emit([&] {
      return OptimizationRemarkAnalysis("clara", Kind,
                                        remarkLocation(*BB, Line), BB)
             << Message;
    });
  }
  if (Missing)
    WithColor::warning(errs(), "clara-remarks")
        << Missing << " record(s) in '" << Path
        << "' name a function or block not in module '"
        << M.getModuleIdentifier() << "' (first: " << FirstMissing
        << "); skipped\n";
  (void)Applied;
  return PreservedAnalyses::all();
}

} // namespace clara
