//==============================================================================
// FILE:
//    ClaraFeatures.cpp
//
// DESCRIPTION:
//    clara-features: per-block feature records as JSONL (see ClaraFeatures.h
//    and docs/design.md). Which functions get `function`/`block` records: the
//    NF's own (defined, DISubprogram in the main file, not a catalog API, not
//    compiler-generated), except helpers that clara-prepare inlined
//    (!clara.inlined) and that no call site calls any more.
//
// USAGE:
//    opt-19 -load-pass-plugin libClaraPasses.so -passes=clara-prepare,clara-features -clara-features-output=features.jsonl -disable-output input.ll
//
// License: Apache-2.0
//==============================================================================
#include "ClaraFeatures.h"
#include "ApiCatalog.h"
#include "ClaraPrepare.h"
#include "DebugTypes.h"
#include "KindTags.h"
#include "Tokenizer.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Analysis/LoopInfo.h"
#include "llvm/BinaryFormat/Dwarf.h"
#include "llvm/IR/CFG.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Operator.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"

#include <map>
#include <set>
#include <tuple>

using namespace llvm;

namespace clara {

static cl::opt<std::string> FeaturesOutput(
    "clara-features-output",
    cl::desc("Where clara-features writes its JSONL records ('-' = stdout)"),
    cl::value_desc("file"), cl::init(""));

static constexpr const char *Schema = "clara.features/1";

namespace {

using Fields = std::vector<std::pair<std::string, json::Value>>;

/// One JSONL line with "schema" and "record" first, then Fields in order.
void emit(raw_ostream &OS, StringRef Record, Fields F) {
  json::OStream J(OS);
  J.object([&] {
    J.attribute("schema", Schema);
    J.attribute("record", Record);
    for (auto &KV : F)
      J.attribute(KV.first, KV.second);
  });
  OS << "\n";
}

std::string stripClick(std::string S) {
  StringRef R(S);
  if (R.consume_front("Click::"))
    return R.str();
  return S;
}

//------------------------------------------------------------------------------
// State locations: which state variable (object, field) an access touches.
//------------------------------------------------------------------------------
struct StateLoc {
  std::string Object, Field, Type, Scope;
  uint64_t Offset = 0; // of the field inside the object
  uint64_t Size = 0;   // of the field (or of the whole object)
  bool Record = true;  // false: not NF state, no `state` record (<vptr>, <whole>)
};

/// The memory access being located: its type (a load/store; null for a
/// container API call) and, for a store, the stored value.
struct Access {
  Type *Ty = nullptr;
  const Value *Stored = nullptr;
};

/// True if V is a vtable address: a GEP/cast into a `_ZTV` (vtable), `_ZTT`
/// (VTT) or `_ZTC` (construction vtable) global, or a pointer loaded from one.
bool isVTableAddress(const Value *V) {
  for (unsigned Steps = 0; Steps < 8; ++Steps) {
    V = MemRootResolver::stripAddr(V);
    if (auto *GV = dyn_cast<GlobalVariable>(V)) {
      StringRef N = GV->getName();
      return N.starts_with("_ZTV") || N.starts_with("_ZTT") ||
             N.starts_with("_ZTC");
    }
    auto *L = dyn_cast<LoadInst>(V);
    if (!L)
      return false;
    V = L->getPointerOperand();
  }
  return false;
}

/// True if the class has a vtable pointer at offset 0: a vtable holder in
/// debug info, an artificial `_vptr$` member, or a `_ZTV` global for it,
/// here or in the base class at offset 0.
bool isDynamicClass(const DICompositeType *CT, const Module &M) {
  for (unsigned Depth = 0; CT && Depth < 8; ++Depth) {
    if (CT->getVTableHolder())
      return true;
    StringRef Id = CT->getIdentifier();
    if (Id.starts_with("_ZTS") &&
        M.getNamedGlobal(("_ZTV" + Id.drop_front(4)).str()))
      return true;
    const DICompositeType *Base = nullptr;
    for (const DINode *N : CT->getElements()) {
      auto *Mem = dyn_cast_or_null<DIDerivedType>(N);
      if (!Mem)
        continue;
      if (Mem->getTag() == dwarf::DW_TAG_member && Mem->isArtificial() &&
          Mem->getName().starts_with("_vptr"))
        return true;
      if (Mem->getTag() == dwarf::DW_TAG_inheritance && !Base &&
          Mem->getOffsetInBits() == 0)
        Base = dyn_cast_or_null<DICompositeType>(
            DITypeIndex::strip(Mem->getBaseType()));
    }
    CT = Base;
  }
  return false;
}

class StateLocator {
public:
  StateLocator(const Function &F, const DITypeIndex &Types,
               const ApiCatalog &Cat)
      : F(F), Types(Types), Roots(F, Cat), Cat(Cat) {}

  /// The state variable that an access (Acc) through Ptr touches.
  std::optional<StateLoc> locate(const Value *Ptr, Access Acc,
                                 unsigned Depth = 0) {
    if (Depth > 8)
      return std::nullopt;
    SmallVector<const GEPOperator *, 4> Path; // access -> root order
    const Value *Cur = Ptr;
    for (unsigned Steps = 0; Steps < 64; ++Steps) {
      if (auto *G = dyn_cast<GEPOperator>(Cur)) {
        Path.push_back(G);
        Cur = G->getPointerOperand();
        continue;
      }
      if (auto *O = dyn_cast<Operator>(Cur))
        if (O->getOpcode() == Instruction::BitCast ||
            O->getOpcode() == Instruction::AddrSpaceCast) {
          Cur = O->getOperand(0);
          continue;
        }
      if (auto *L = dyn_cast<LoadInst>(Cur)) {
        const Value *P = L->getPointerOperand();
        if (auto *A = dyn_cast<AllocaInst>(P->stripPointerCasts())) {
          // -O0 local pointer: follow what was stored into the slot.
          const Value *Next = nullptr;
          for (const Value *S : Roots.storedInto(A))
            if (hasRoot(Roots.valueRoot(S), MemRoot::State)) {
              Next = S;
              break;
            }
          if (!Next)
            return std::nullopt;
          Cur = Next;
          continue;
        }
        if (hasRoot(Roots.pointerRoot(P), MemRoot::State))
          // pointer held in a state field: that field, read as a pointer
          return locate(P, Access{L->getType(), nullptr}, Depth + 1);
        return std::nullopt;
      }
      if (auto *PN = dyn_cast<PHINode>(Cur)) {
        const Value *Next = nullptr;
        for (const Value *In : PN->incoming_values())
          if (hasRoot(Roots.pointerRoot(In), MemRoot::State)) {
            Next = In;
            break;
          }
        if (!Next)
          return std::nullopt;
        Cur = Next;
        continue;
      }
      if (auto *S = dyn_cast<SelectInst>(Cur)) {
        Cur = hasRoot(Roots.pointerRoot(S->getTrueValue()), MemRoot::State)
                  ? S->getTrueValue()
                  : S->getFalseValue();
        continue;
      }
      if (auto *C = dyn_cast<CallBase>(Cur)) {
        // Element pointer returned by a container API: the container.
        auto *Callee =
            calledFunction(*C);
        if (Callee && Cat.matchFunction(*Callee) && C->arg_size() > 0 &&
            C->getArgOperand(0)->getType()->isPointerTy() &&
            hasRoot(Roots.pointerRoot(C->getArgOperand(0)), MemRoot::State))
          return locate(C->getArgOperand(0), Access{}, Depth + 1);
        return std::nullopt;
      }
      break;
    }
    if (auto *A = dyn_cast<Argument>(Cur)) {
      // `this`, or an Element* parameter (static handlers).
      if (!hasRoot(Roots.pointerRoot(A), MemRoot::State))
        return std::nullopt;
      return fromObject(*A, Path, Acc);
    }
    if (auto *GV = dyn_cast<GlobalVariable>(Cur))
      return fromGlobal(*GV, Path);
    return std::nullopt;
  }

private:
  /// Refines Loc through the struct GEPs of Path, root first.
  void refine(StateLoc &Loc, ArrayRef<const GEPOperator *> Path) {
    const DataLayout &DL = Types.dataLayout();
    bool First = true;
    for (const GEPOperator *G : reverse(Path)) {
      auto *ST = dyn_cast<StructType>(G->getSourceElementType());
      if (!ST || G->getNumIndices() < 2)
        return;
      auto *I0 = dyn_cast<ConstantInt>(G->getOperand(1));
      auto *I1 = dyn_cast<ConstantInt>(G->getOperand(2));
      if (!I0 || !I0->isZero() || !I1 || !ST->isSized())
        return;
      const DICompositeType *CT = nullptr;
      auto Hit = Types.structField(const_cast<StructType *>(ST),
                                   I1->getZExtValue(), &CT);
      uint64_t Off = DL.getStructLayout(const_cast<StructType *>(ST))
                         ->getElementOffset(I1->getZExtValue());
      std::string Name = Hit ? Hit->Name : "field" + std::to_string(I1->getZExtValue());
      Loc.Field = Loc.Field.empty() || First ? Name : Loc.Field + "." + Name;
      Loc.Offset += Off;
      Loc.Size = Hit ? Hit->SizeBytes
                     : DL.getTypeAllocSize(ST->getElementType(I1->getZExtValue()));
      Loc.Type = (Hit && Hit->Member)
                     ? diTypeName(Hit->Member->getBaseType())
                     : Tokenizer::typeName(ST->getElementType(I1->getZExtValue()));
      First = false;
      if (G->getNumIndices() > 2)
        return; // deeper indices: keep the first member
    }
  }

  std::optional<StateLoc> fromObject(const Argument &Obj,
                                     ArrayRef<const GEPOperator *> Path,
                                     Access Acc) {
    StateLoc Loc;
    Loc.Scope = "member";
    const DICompositeType *CT = nullptr;
    if (!Path.empty())
      if (auto *ST = dyn_cast<StructType>(Path.back()->getSourceElementType()))
        CT = Types.forStruct(const_cast<StructType *>(ST));
    if (!CT)
      if (const DISubprogram *SP = F.getSubprogram())
        if (const DISubroutineType *T = SP->getType()) {
          unsigned Shift = F.hasParamAttribute(0, Attribute::StructRet) ? 1 : 0;
          unsigned Idx = 1 + Obj.getArgNo() - Shift;
          if (Obj.getArgNo() >= Shift && Idx < T->getTypeArray().size())
            CT = DITypeIndex::pointee(
                dyn_cast_or_null<DIType>(T->getTypeArray()[Idx]));
        }
    if (CT) {
      Loc.Object = stripClick(Types.nameOf(CT));
      Loc.Type = Loc.Object;
      Loc.Size = CT->getSizeInBits() / 8;
    } else {
      std::string D = demangled(F.getName());
      StringRef Q = StringRef(D).split('(').first;
      size_t Pos = Q.rfind("::");
      Loc.Object = stripClick(Pos == StringRef::npos ? "this" : Q.substr(0, Pos).str());
    }
    refine(Loc, Path);
    if (Loc.Field.empty())
      wholeObject(Loc, CT, Path, Acc);
    return Loc;
  }

  /// An access of the object itself rather than of a member (no struct GEP
  /// names a field): the vtable pointer (`<vptr>`), else the data member
  /// that covers the whole access (a cast pointer to the first member), else
  /// the whole object (`<whole>`). <vptr> and <whole> are not NF state and
  /// get no `state` record.
  void wholeObject(StateLoc &Loc, const DICompositeType *CT,
                   ArrayRef<const GEPOperator *> Path, Access Acc) {
    const DataLayout &DL = Types.dataLayout();
    std::optional<uint64_t> Off = 0; // byte offset of the access in the object
    for (const GEPOperator *G : Path) {
      APInt A(DL.getIndexTypeSizeInBits(G->getType()), 0);
      if (!G->accumulateConstantOffset(DL, A) || A.isNegative()) {
        Off.reset();
        break;
      }
      *Off += A.getZExtValue();
    }
    bool Vptr = (Acc.Stored && isVTableAddress(Acc.Stored)) ||
                (Acc.Ty && Acc.Ty->isPointerTy() && Off == 0u && CT &&
                 isDynamicClass(CT, *F.getParent()));
    Loc.Record = false;
    if (Vptr) {
      Loc.Field = "<vptr>";
      Loc.Type = "vptr";
      Loc.Offset = Off.value_or(0);
      Loc.Size = DL.getPointerSize();
      return;
    }
    if (CT && Off && Acc.Ty && Acc.Ty->isSized())
      if (auto Hit = Types.memberAt(CT, *Off))
        if (Hit->Member->getTag() == dwarf::DW_TAG_member &&
            *Off + DL.getTypeStoreSize(Acc.Ty) <=
                Hit->OffsetBytes + Hit->SizeBytes) {
          Loc.Field = Hit->Name;
          Loc.Offset = Hit->OffsetBytes;
          Loc.Size = Hit->SizeBytes;
          Loc.Type = diTypeName(Hit->Member->getBaseType());
          Loc.Record = true;
          return;
        }
    Loc.Field = "<whole>";
    Loc.Offset = Off.value_or(0);
  }

  std::optional<StateLoc> fromGlobal(const GlobalVariable &GV,
                                     ArrayRef<const GEPOperator *> Path) {
    StateLoc Loc;
    Loc.Scope = "global";
    Loc.Object = stripClick(demangled(GV.getName()));
    const DataLayout &DL = Types.dataLayout();
    Loc.Size = DL.getTypeAllocSize(GV.getValueType());
    SmallVector<DIGlobalVariableExpression *, 1> GVEs;
    GV.getDebugInfo(GVEs);
    Loc.Type = GVEs.empty() ? Tokenizer::typeName(GV.getValueType())
                            : diTypeName(GVEs[0]->getVariable()->getType());
    refine(Loc, Path);
    return Loc;
  }

  const Function &F;
  const DITypeIndex &Types;
  MemRootResolver Roots;
  const ApiCatalog &Cat;
};

//------------------------------------------------------------------------------
bool hasCallUsers(const Function &F) {
  for (const User *U : F.users())
    if (auto *CB = dyn_cast<CallBase>(U))
      if (CB->getCalledOperand() == &F)
        return true;
  return false;
}

bool shouldRecord(const Function &F, const ApiCatalog &Cat) {
  if (!isOwnFunction(F, Cat))
    return false;
  if (const DISubprogram *SP = F.getSubprogram())
    if (SP->isArtificial())
      return false;
  if (F.getMetadata(InlinedMD) && !hasCallUsers(F))
    return false;
  return true;
}

bool isPacketEntry(const Function &F) {
  std::string D = demangled(F.getName());
  StringRef Q = StringRef(D).split('(').first;
  size_t Pos = Q.rfind("::");
  if (Pos != StringRef::npos) {
    StringRef M = Q.substr(Pos + 2);
    return M == "simple_action" || M == "push" || M == "pull" ||
           M == "smaction";
  }
  if (!isPlainC(F) || F.arg_empty() ||
      !F.getArg(0)->getType()->isPointerTy())
    return false;
  return !hasCallUsers(F);
}

bool isApiKind(StringRef K) { return K.starts_with("api."); }

bool isContainerWrite(StringRef Demangled) {
  StringRef M = Demangled.split('(').first;
  size_t Pos = M.rfind("::");
  if (Pos != StringRef::npos)
    M = M.substr(Pos + 2);
  return M == "insert" || M == "set" || M == "find_insert" ||
         M == "replace" || M == "erase" || M == "remove" || M == "clear" ||
         M == "push_back" || M == "push_front" || M == "pop_back" ||
         M == "pop_front" || M == "resize" || M == "reserve" ||
         M == "operator[]";
}

/// Full path of a DIFile (directory joined unless the name is absolute).
std::string filePath(const DIFile *F) {
  StringRef Name = F->getFilename();
  if (Name.starts_with("/") || F->getDirectory().empty())
    return Name.str();
  return (F->getDirectory() + "/" + Name).str();
}

/// The line of Loc in the file File: the innermost frame of its inlining
/// chain whose scope is in File (an inlined helper from the element's own
/// header counts on its call-site line); 0 if no frame is. Without File, the
/// location's own line.
unsigned lineInFile(const DebugLoc &Loc, const DIFile *File,
                    const std::string &FilePath) {
  if (!File)
    return Loc.getLine();
  for (const DILocation *L = Loc.get(); L; L = L->getInlinedAt()) {
    const DIFile *LF = L->getScope() ? L->getScope()->getFile() : nullptr;
    if (L->getLine() && LF && (LF == File || filePath(LF) == FilePath))
      return L->getLine();
  }
  return 0;
}

struct StateKey {
  std::string Object, Field;
  bool operator<(const StateKey &O) const {
    return std::tie(Object, Field) < std::tie(O.Object, O.Field);
  }
};

} // namespace

PreservedAnalyses ClaraFeaturesPass::run(Module &M, ModuleAnalysisManager &MAM) {
  std::unique_ptr<raw_fd_ostream> File;
  raw_ostream *Out = OS;
  if (!Out) {
    std::string Path = !FeaturesOutput.empty() ? FeaturesOutput.getValue()
                       : !DefaultPath.empty()  ? DefaultPath
                                               : std::string("-");
    std::error_code EC;
    File = std::make_unique<raw_fd_ostream>(Path, EC, sys::fs::OF_Text);
    if (EC)
      report_fatal_error("clara-features: cannot open output '" + Twine(Path) +
                             "': " + EC.message(),
                         /*gen_crash_diag=*/false);
    Out = File.get();
  }
  raw_ostream &OS = *Out;

  const ApiCatalog &Cat = ApiCatalog::get();
  DITypeIndex Types(M);
  Tokenizer Tok(Types);
  auto &FAM = MAM.getResult<FunctionAnalysisManagerModuleProxy>(M).getManager();
  const DataLayout &DL = M.getDataLayout();

  emit(OS, "module", {{"module", M.getModuleIdentifier()},
                      {"source_file", M.getSourceFileName()},
                      {"target_triple", M.getTargetTriple()},
                      {"api_catalog", Cat.origin()}});

  // Blocks name their module by source file: the same whether the features
  // come from opt on a bitcode file or from clang -clara-auto (the module
  // identifier is the bitcode path in one, the source path in the other).
  std::string BlockModule = M.getSourceFileName().empty()
                                ? M.getModuleIdentifier()
                                : M.getSourceFileName();
  std::map<StateKey, StateLoc> State;
  for (Function &F : M) {
    if (F.isDeclaration() || !shouldRecord(F, Cat))
      continue;
    const ClaraKinds &K = FAM.getResult<ClaraKindsAnalysis>(F);
    LoopInfo &LI = FAM.getResult<LoopAnalysis>(F);
    StateLocator Locator(F, Types, Cat);
    std::string FName = F.getName().str();
    std::string File = functionFile(F);
    const DIFile *DIF = F.getSubprogram() ? F.getSubprogram()->getFile() : nullptr;
    std::string DIFPath = DIF ? filePath(DIF) : "";

    DenseMap<const BasicBlock *, unsigned> Index;
    for (const BasicBlock &BB : F)
      Index[&BB] = Index.size();

    // function record
    unsigned NInst = 0, NRet = 0;
    json::Array Callees;
    std::set<std::string> SeenCallees;
    for (const BasicBlock &BB : F) {
      if (isa<ReturnInst>(BB.getTerminator()))
        ++NRet;
      for (const Instruction &I : BB) {
        if (isDebugIntrinsic(I))
          continue;
        ++NInst;
        auto *CB = dyn_cast<CallBase>(&I);
        if (!CB || isa<IntrinsicInst>(CB))
          continue;
        auto *Callee =
            calledFunction(*CB);
        std::string Name = Callee ? Callee->getName().str()
                                  : (CB->isInlineAsm() ? "<asm>" : "<indirect>");
        if (!SeenCallees.insert(Name).second)
          continue;
        Callees.push_back(json::Object{{"name", Name},
                                       {"demangled", demangled(Name)},
                                       {"kind", K.kindOf(I)}});
      }
    }
    int64_t Line = 0;
    if (const DISubprogram *SP = F.getSubprogram())
      Line = SP->getLine();
    emit(OS, "function",
         {{"function", FName},
          {"demangled", demangled(FName)},
          {"file", File},
          {"line", Line},
          {"blocks", (int64_t)F.size()},
          {"instructions", (int64_t)NInst},
          {"return_blocks", (int64_t)NRet},
          {"is_packet_entry", isPacketEntry(F)},
          {"callees", std::move(Callees)}});

    // block records
    for (const BasicBlock &BB : F) {
      json::Array Succs, Tokens, ApiCalls, Accesses;
      for (const BasicBlock *S : successors(&BB))
        Succs.push_back((int64_t)Index[S]);
      std::set<unsigned> Lines;
      std::map<unsigned, int64_t> LineCounts; // counted instructions per line
      int64_t FirstLine = 0, FirstCol = 0;
      unsigned N = 0;
      std::map<std::string, int64_t> Counts{{"compute", 0},   {"mem.stack", 0},
                                            {"mem.state", 0}, {"mem.packet", 0},
                                            {"api", 0},       {"control", 0}};
      for (const Instruction &I : BB) {
        if (isDebugIntrinsic(I))
          continue;
        ++N;
        StringRef Kind = K.kindOf(I);
        ++Counts[isApiKind(Kind) ? "api" : Kind.str()];
        Tokens.push_back(Tok.token(I, Kind));
        unsigned L = 0, C = 0;
        if (const DebugLoc &Loc = I.getDebugLoc()) {
          L = Loc.getLine();
          C = Loc.getCol();
          if (unsigned FL = lineInFile(Loc, DIF, DIFPath))
            ++LineCounts[FL];
        }
        if (L) {
          Lines.insert(L);
          if (!FirstLine) {
            FirstLine = L;
            FirstCol = C;
          }
        }
        if (isApiKind(Kind)) {
          auto *CB = cast<CallBase>(&I);
          auto *Callee =
              calledFunction(*CB);
          std::string D = Callee ? demangled(Callee->getName())
                                 : (CB->isInlineAsm() ? "<asm>" : "<indirect>");
          ApiCalls.push_back(json::Object{{"name", Kind.drop_front(4)},
                                          {"demangled", D},
                                          {"line", (int64_t)L},
                                          {"column", (int64_t)C}});
          // Container APIs called on a state member: a state access too.
          const ApiEntry *E = K.apiOf(I);
          if (E && CB->arg_size() > 0 &&
              CB->getArgOperand(0)->getType()->isPointerTy() &&
              (E->Category == "hashmap" || E->Category == "hashtable" ||
               E->Category == "vector"))
            if (auto Loc = Locator.locate(CB->getArgOperand(0), Access{})) {
              if (Loc->Record)
                State.emplace(StateKey{Loc->Object, Loc->Field}, *Loc);
              Accesses.push_back(json::Object{{"object", Loc->Object},
                                              {"field", Loc->Field},
                                              {"offset", (int64_t)Loc->Offset},
                                              {"size", (int64_t)Loc->Size},
                                              {"is_store", isContainerWrite(D)},
                                              {"line", (int64_t)L},
                                              {"via", E->Name}});
            }
        }
        if (Kind == "mem.state" && (isa<LoadInst>(I) || isa<StoreInst>(I))) {
          const Value *Ptr = getLoadStorePointerOperand(&I);
          Type *AccTy = isa<LoadInst>(I)
                            ? I.getType()
                            : cast<StoreInst>(I).getValueOperand()->getType();
          json::Object A{{"size", (int64_t)DL.getTypeStoreSize(AccTy)},
                         {"is_store", isa<StoreInst>(I)},
                         {"line", (int64_t)L}};
          auto *SI = dyn_cast<StoreInst>(&I);
          if (auto Loc = Locator.locate(
                  Ptr, Access{AccTy, SI ? SI->getValueOperand() : nullptr})) {
            if (Loc->Record)
              State.emplace(StateKey{Loc->Object, Loc->Field}, *Loc);
            A["object"] = Loc->Object;
            A["field"] = Loc->Field;
            A["offset"] = (int64_t)Loc->Offset;
          } else {
            A["object"] = "<unknown>";
            A["field"] = "";
            A["offset"] = 0;
          }
          Accesses.push_back(std::move(A));
        }
      }
      json::Array LinesArr;
      for (unsigned L : Lines)
        LinesArr.push_back((int64_t)L);
      json::Object LineCountsObj;
      for (auto &KV : LineCounts)
        LineCountsObj[std::to_string(KV.first)] = KV.second;
      json::Object CountsObj;
      for (auto &KV : Counts)
        CountsObj[KV.first] = KV.second;
      // line_locs: per source line, [line, column, file] of the block's first
      // instruction on it, in instruction order; the first entry is the first
      // located instruction. clara-remarks picks a remark's DebugLoc the same
      // way, so a remarks file can be written from these records without opt.
      json::Array LineLocs;
      std::set<unsigned> LocLines;
      for (const Instruction &I : BB) {
        const DebugLoc &Loc = I.getDebugLoc();
        if (!Loc || Loc.getLine() == 0 || !LocLines.insert(Loc.getLine()).second)
          continue;
        LineLocs.push_back(json::Array{(int64_t)Loc.getLine(),
                                       (int64_t)Loc.getCol(),
                                       Loc->getFilename()});
      }
      const Instruction *T = BB.getTerminator();
      emit(OS, "block",
           {{"module", BlockModule},
            {"function", FName},
            {"block", blockName(BB)},
            {"index", (int64_t)Index[&BB]},
            {"succs", std::move(Succs)},
            {"loop_depth", (int64_t)LI.getLoopDepth(&BB)},
            {"lines", std::move(LinesArr)},
            {"file", File},
            {"first_line", FirstLine},
            {"first_column", FirstCol},
            {"line_locs", std::move(LineLocs)},
            {"n_instructions", (int64_t)N},
            {"tokens", std::move(Tokens)},
            {"counts", std::move(CountsObj)},
            {"line_counts", std::move(LineCountsObj)},
            {"api_calls", std::move(ApiCalls)},
            {"state_accesses", std::move(Accesses)},
            {"is_entry", &BB == &F.getEntryBlock()},
            {"is_exit", T && (isa<ReturnInst>(T) || isa<ResumeInst>(T))}});
    }

    // warnings
    std::set<std::tuple<const BasicBlock *, unsigned, std::string>> Seen;
    for (const ClaraWarning &W : K.warnings()) {
      unsigned L = W.I->getDebugLoc() ? W.I->getDebugLoc().getLine() : 0;
      if (!Seen.insert({W.I->getParent(), L, W.Message}).second)
        continue;
      emit(OS, "warning", {{"function", FName},
                           {"block", blockName(*W.I->getParent())},
                           {"line", (int64_t)L},
                           {"message", W.Message}});
    }
  }

  for (auto &KV : State) {
    const StateLoc &S = KV.second;
    emit(OS, "state", {{"object", S.Object},
                       {"field", S.Field},
                       {"type", S.Type},
                       {"offset", (int64_t)S.Offset},
                       {"size", (int64_t)S.Size},
                       {"scope", S.Scope}});
  }
  OS.flush();
  return PreservedAnalyses::all();
}

} // namespace clara
