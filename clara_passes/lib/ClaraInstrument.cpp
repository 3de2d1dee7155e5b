//==============================================================================
// FILE:
//    ClaraInstrument.cpp
//
// DESCRIPTION:
//    clara-instrument: block and state-access counters for the workload
//    profile (see ClaraInstrument.h and docs/profiling.md). The slots come
//    from the feature records that ClaraFeaturesPass computes on this very
//    module, so they match `clara-features` output on the same IR by
//    construction; the pass checks the match (function, block count, block
//    name and index, one state-access record per located access) and stops
//    with a fatal error if anything disagrees, rather than count the wrong
//    thing.
//
//    Matching state-access records to instructions: a block's
//    `state_accesses` are in instruction order; every load/store tagged
//    mem.state has exactly one record (without `via`), and a container API
//    call on a state object has one (with `via` = the API name) only when
//    its object could be located. So the records are walked alongside the
//    instructions: a load/store takes the next record; a container call takes
//    it if it is a `via` record of the same API on the same line.
//
// USAGE:
//    opt-19 -load-pass-plugin libClaraPasses.so -passes=clara-prepare,clara-instrument nf.bc -o nf.instrumented.bc
//
// License: Apache-2.0
//==============================================================================
#include "ClaraInstrument.h"
#include "ApiCatalog.h"
#include "ClaraFeatures.h"
#include "DebugTypes.h"
#include "KindTags.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <string>
#include <tuple>
#include <vector>

using namespace llvm;

namespace clara {

static cl::opt<std::string> LayoutOutput(
    "clara-profile-layout-output",
    cl::desc("clara-instrument: also write the slot layout JSON to this file"),
    cl::value_desc("file"), cl::init(""));

static constexpr const char *LayoutSchema = "clara.profile-layout/1";
static constexpr uint64_t DescriptorVersion = 1;

namespace {

[[noreturn]] void fail(const Twine &Msg) {
  report_fatal_error("clara-instrument: " + Msg, /*gen_crash_diag=*/false);
}

struct FunctionRecord {
  std::string Name, Demangled;
  bool PacketEntry = false;
  std::vector<json::Object> Blocks;
};

struct BlockSlot {
  std::string Function, Block;
  int64_t Index = 0;
  bool Counted = true;
};

struct StateKey {
  std::string Object, Field;
  bool IsStore = false;
  bool operator<(const StateKey &O) const {
    return std::tie(Object, Field, IsStore) < std::tie(O.Object, O.Field, O.IsStore);
  }
};

struct AccessKey {
  unsigned Block = 0; // block slot
  StateKey State;
  bool operator<(const AccessKey &O) const {
    return std::tie(Block, State) < std::tie(O.Block, O.State);
  }
};

/// A counter increment to insert: before I (an access) or at the first
/// insertion point of I's block (a block counter).
struct Bump {
  Instruction *At;
  unsigned Slot;
};

std::string str(const json::Object &O, StringRef Key) {
  if (auto S = O.getString(Key))
    return S->str();
  return "";
}

/// The feature records of the module, as ClaraFeaturesPass writes them.
std::vector<FunctionRecord> featureRecords(Module &M, ModuleAnalysisManager &MAM) {
  std::string Text;
  raw_string_ostream SS(Text);
  ClaraFeaturesPass(SS).run(M, MAM);
  SS.flush();
  std::vector<FunctionRecord> Fns;
  std::map<std::string, size_t> ByName;
  StringRef Rest(Text);
  while (!Rest.empty()) {
    auto [Line, Tail] = Rest.split('\n');
    Rest = Tail;
    if (Line.trim().empty())
      continue;
    Expected<json::Value> V = json::parse(Line);
    if (!V)
      fail("cannot read a feature record: " + toString(V.takeError()));
    json::Object *O = V->getAsObject();
    if (!O)
      fail("a feature record is not a JSON object");
    std::string Kind = str(*O, "record");
    if (Kind == "function") {
      FunctionRecord R;
      R.Name = str(*O, "function");
      R.Demangled = str(*O, "demangled");
      R.PacketEntry = O->getBoolean("is_packet_entry").value_or(false);
      ByName[R.Name] = Fns.size();
      Fns.push_back(std::move(R));
    } else if (Kind == "block") {
      auto It = ByName.find(str(*O, "function"));
      if (It == ByName.end())
        fail("block record of an unknown function " + str(*O, "function"));
      Fns[It->second].Blocks.push_back(std::move(*O));
    }
  }
  return Fns;
}

bool isContainerCall(const Instruction &I, const ApiEntry *E) {
  auto *CB = dyn_cast<CallBase>(&I);
  return E && CB && CB->arg_size() > 0 &&
         CB->getArgOperand(0)->getType()->isPointerTy() && E->isContainer();
}

void tag(Instruction *I, MDNode *MD) { I->setMetadata(InstrumentMD, MD); }

/// counts[Slot] += 1 before the builder's insertion point.
void increment(IRBuilder<> &B, GlobalVariable *G, unsigned Slot, MDNode *MD) {
  Type *I64 = B.getInt64Ty();
  Value *P = B.CreateConstInBoundsGEP2_64(G->getValueType(), G, 0, Slot);
  LoadInst *L = B.CreateLoad(I64, P, "clara.count");
  Value *A = B.CreateAdd(L, ConstantInt::get(I64, 1), "clara.count.inc");
  StoreInst *S = B.CreateStore(A, P);
  tag(L, MD);
  if (auto *AI = dyn_cast<Instruction>(A))
    tag(AI, MD);
  tag(S, MD);
}

GlobalVariable *counterArray(Module &M, StringRef Name, size_t N) {
  if (M.getNamedValue(Name))
    fail("the module already has " + Name + " (instrumented twice?)");
  auto *AT = ArrayType::get(Type::getInt64Ty(M.getContext()), N);
  auto *G = new GlobalVariable(M, AT, /*isConstant=*/false, GlobalValue::InternalLinkage,
                               ConstantAggregateZero::get(AT), Name);
  G->setAlignment(Align(8));
  return G;
}

} // namespace

PreservedAnalyses ClaraInstrumentPass::run(Module &M, ModuleAnalysisManager &MAM) {
  std::vector<FunctionRecord> Fns = featureRecords(M, MAM);
  auto &FAM = MAM.getResult<FunctionAnalysisManagerModuleProxy>(M).getManager();

  std::vector<BlockSlot> Blocks;
  std::map<StateKey, unsigned> StateSlots;
  std::map<AccessKey, unsigned> AccessSlots;
  std::vector<unsigned> AccessSites; // static sites per access slot
  std::vector<Bump> BlockBumps, StateBumps, AccessBumps;
  std::vector<std::pair<size_t, size_t>> FunctionSlots; // first slot, blocks

  for (const FunctionRecord &R : Fns) {
    Function *F = M.getFunction(R.Name);
    if (!F || F->isDeclaration())
      fail("no definition of " + R.Name + ", which has feature records");
    if (F->size() != R.Blocks.size())
      fail(R.Name + ": " + Twine(F->size()) + " blocks but " +
           Twine(R.Blocks.size()) + " block records");
    const ClaraKinds &K = FAM.getResult<ClaraKindsAnalysis>(*F);
    FunctionSlots.push_back({Blocks.size(), F->size()});
    size_t Idx = 0;
    for (BasicBlock &BB : *F) {
      const json::Object &Rec = R.Blocks[Idx];
      std::string Name = blockName(BB);
      if (Rec.getInteger("index").value_or(-1) != (int64_t)Idx ||
          str(Rec, "block") != Name)
        fail(R.Name + ": block " + Twine(Idx) + " is '" + Name +
             "' but its record says '" + str(Rec, "block") + "'");
      unsigned Slot = Blocks.size();
      BlockSlot S{R.Name, Name, (int64_t)Idx, true};
      auto IP = BB.getFirstInsertionPt();
      if (IP == BB.end())
        S.Counted = false; // e.g. a catchswitch block: nowhere to count
      else
        BlockBumps.push_back({&*IP, Slot});
      Blocks.push_back(S);

      const json::Array *Accs = Rec.getArray("state_accesses");
      size_t NAcc = Accs ? Accs->size() : 0, J = 0;
      auto take = [&](Instruction &I) {
        const json::Object *A = (*Accs)[J].getAsObject();
        StateKey SK{str(*A, "object"), str(*A, "field"),
                    A->getBoolean("is_store").value_or(false)};
        auto SIt = StateSlots.try_emplace(SK, StateSlots.size()).first;
        auto AIt = AccessSlots.try_emplace(AccessKey{Slot, SK}, AccessSlots.size()).first;
        if (AIt->second == AccessSites.size())
          AccessSites.push_back(0);
        ++AccessSites[AIt->second];
        StateBumps.push_back({&I, SIt->second});
        AccessBumps.push_back({&I, AIt->second});
        ++J;
      };
      for (Instruction &I : BB) {
        if (isDebugIntrinsic(I))
          continue;
        StringRef Kind = K.kindOf(I);
        int64_t Line = I.getDebugLoc() ? (int64_t)I.getDebugLoc().getLine() : 0;
        if (Kind.starts_with("api.") && isContainerCall(I, K.apiOf(I))) {
          if (J < NAcc) {
            const json::Object *A = (*Accs)[J].getAsObject();
            if (A && str(*A, "via") == K.apiOf(I)->Name &&
                A->getInteger("line").value_or(-1) == Line)
              take(I);
          }
        }
        if (Kind == "mem.state" && (isa<LoadInst>(I) || isa<StoreInst>(I))) {
          const json::Object *A = J < NAcc ? (*Accs)[J].getAsObject() : nullptr;
          if (!A || A->get("via"))
            fail(R.Name + "/" + Name + ": a state access without its record");
          take(I);
        }
      }
      if (J != NAcc)
        fail(R.Name + "/" + Name + ": " + Twine(NAcc - J) +
             " state-access records matched no instruction");
      ++Idx;
    }
  }

  // Globals.
  LLVMContext &C = M.getContext();
  GlobalVariable *GBlocks = counterArray(M, "__clara_block_counts", Blocks.size());
  GlobalVariable *GState = counterArray(M, "__clara_state_counts", StateSlots.size());
  GlobalVariable *GAccess = counterArray(M, "__clara_access_counts", AccessSlots.size());

  // Layout JSON, slot order.
  std::vector<const StateKey *> StateBySlot(StateSlots.size());
  for (auto &KV : StateSlots)
    StateBySlot[KV.second] = &KV.first;
  std::vector<const AccessKey *> AccessBySlot(AccessSlots.size());
  for (auto &KV : AccessSlots)
    AccessBySlot[KV.second] = &KV.first;
  std::string Layout;
  {
    raw_string_ostream LS(Layout);
    json::OStream J(LS);
    J.object([&] {
      J.attribute("schema", LayoutSchema);
      J.attribute("module", M.getSourceFileName().empty() ? M.getModuleIdentifier()
                                                          : M.getSourceFileName());
      J.attributeArray("functions", [&] {
        for (size_t I = 0; I < Fns.size(); ++I)
          J.object([&] {
            J.attribute("function", Fns[I].Name);
            J.attribute("demangled", Fns[I].Demangled);
            J.attribute("is_packet_entry", Fns[I].PacketEntry);
            J.attribute("first_slot", (int64_t)FunctionSlots[I].first);
            J.attribute("blocks", (int64_t)FunctionSlots[I].second);
          });
      });
      J.attributeArray("blocks", [&] {
        for (const BlockSlot &B : Blocks)
          J.object([&] {
            J.attribute("function", B.Function);
            J.attribute("block", B.Block);
            J.attribute("index", B.Index);
            J.attribute("counted", B.Counted);
          });
      });
      J.attributeArray("state", [&] {
        for (const StateKey *S : StateBySlot)
          J.object([&] {
            J.attribute("object", S->Object);
            J.attribute("field", S->Field);
            J.attribute("is_store", S->IsStore);
          });
      });
      J.attributeArray("access", [&] {
        for (size_t I = 0; I < AccessBySlot.size(); ++I) {
          const AccessKey *A = AccessBySlot[I];
          J.object([&] {
            J.attribute("function", Blocks[A->Block].Function);
            J.attribute("index", Blocks[A->Block].Index);
            J.attribute("block_slot", (int64_t)A->Block);
            J.attribute("object", A->State.Object);
            J.attribute("field", A->State.Field);
            J.attribute("is_store", A->State.IsStore);
            J.attribute("sites", (int64_t)AccessSites[I]);
          });
        }
      });
    });
    LS.flush();
  }
  if (!LayoutOutput.empty()) {
    std::error_code EC;
    raw_fd_ostream Out(LayoutOutput, EC, sys::fs::OF_Text);
    if (EC)
      fail("cannot open '" + LayoutOutput + "': " + EC.message());
    Out << Layout << "\n";
  }
  // A declaration of the descriptor (code that reads its own profile, such as
  // a test harness) is replaced by the definition below.
  GlobalVariable *Declared = M.getGlobalVariable("__clara_profile");
  if (M.getNamedValue("__clara_profile_layout") ||
      (M.getNamedValue("__clara_profile") && !(Declared && Declared->isDeclaration())))
    fail("the module is already instrumented");
  Constant *LayoutInit = ConstantDataArray::getString(C, Layout, /*AddNull=*/true);
  auto *GLayout = new GlobalVariable(M, LayoutInit->getType(), /*isConstant=*/true,
                                     GlobalValue::InternalLinkage, LayoutInit,
                                     "__clara_profile_layout");
  Type *I64 = Type::getInt64Ty(C);
  PointerType *Ptr = PointerType::getUnqual(C);
  StructType *DescTy =
      StructType::get(C, {I64, I64, I64, I64, Ptr, Ptr, Ptr, Ptr});
  Constant *Desc = ConstantStruct::get(
      DescTy, {ConstantInt::get(I64, DescriptorVersion),
               ConstantInt::get(I64, Blocks.size()),
               ConstantInt::get(I64, StateSlots.size()),
               ConstantInt::get(I64, AccessSlots.size()), GBlocks, GState,
               GAccess, GLayout});
  auto *GDesc = new GlobalVariable(M, DescTy, /*isConstant=*/true,
                                   GlobalValue::ExternalLinkage, Desc, "__clara_profile");
  if (Declared) {
    GDesc->takeName(Declared);
    Declared->replaceAllUsesWith(GDesc);
    Declared->eraseFromParent();
  }

  // Counters: access counters before their instruction, block counters at
  // the first insertion point (inserted last, so they stay first).
  MDNode *MD = MDNode::get(C, {});
  IRBuilder<> B(C);
  for (size_t I = 0; I < StateBumps.size(); ++I) {
    B.SetInsertPoint(StateBumps[I].At);
    increment(B, GState, StateBumps[I].Slot, MD);
    increment(B, GAccess, AccessBumps[I].Slot, MD);
  }
  for (const Bump &Bb : BlockBumps) {
    BasicBlock *BB = Bb.At->getParent();
    auto IP = BB->getFirstInsertionPt();
    if (BB->isEntryBlock()) // keep the static allocas first
      while (IP != BB->end() && isa<AllocaInst>(*IP))
        ++IP;
    B.SetInsertPoint(BB, IP);
    increment(B, GBlocks, Bb.Slot, MD);
  }
  return PreservedAnalyses::none();
}

} // namespace clara
