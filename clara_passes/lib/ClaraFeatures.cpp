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
#include "OptLines.h"
#include "Tokenizer.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Analysis/LoopInfo.h"
#include "llvm/Analysis/ScalarEvolution.h"
#include "llvm/BinaryFormat/Dwarf.h"
#include "llvm/IR/CFG.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Operator.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"

#include <map>
#include <optional>
#include <set>
#include <tuple>

using namespace llvm;

namespace clara {

static cl::opt<std::string> FeaturesOutput(
    "clara-features-output",
    cl::desc("Where clara-features writes its JSONL records ('-' = stdout)"),
    cl::value_desc("file"), cl::init(""));

static constexpr const char *Schema = "clara.features/3";

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

/// The frame of Loc in the file File: the innermost frame of its inlining
/// chain whose scope is in File (an inlined helper from the element's own
/// header counts on its call-site line); null if no frame is. Without File,
/// the location itself.
const DILocation *frameInFile(const DebugLoc &Loc, const DIFile *File,
                              const std::string &FilePath) {
  if (!File)
    return Loc.get();
  for (const DILocation *L = Loc.get(); L; L = L->getInlinedAt()) {
    const DIFile *LF = L->getScope() ? L->getScope()->getFile() : nullptr;
    if (L->getLine() && LF && (LF == File || filePath(LF) == FilePath))
      return L;
  }
  return nullptr;
}

/// A block's IR instructions per OptKey: per line of its function's file DIF
/// (the frame in DIF, frameInFile) and the call path of that frame (where
/// clara-prepare inlined it). Debug intrinsics and instructions with no line
/// in DIF are in no key. The block record's line_counts, path_counts and opt
/// all come from these counts.
std::map<OptKey, int64_t> blockKeyCounts(const BasicBlock &BB, const DIFile *DIF) {
  std::map<OptKey, int64_t> Counts;
  std::string FilePath = DIF ? filePath(DIF) : "", Joined = DIF ? joinPath(DIF) : "";
  for (const Instruction &I : BB) {
    if (isDebugIntrinsic(I) || !I.getDebugLoc())
      continue;
    const DILocation *L = frameInFile(I.getDebugLoc(), DIF, FilePath);
    if (L && L->getLine())
      ++Counts[OptKey{Joined, L->getLine(), callPath(L)}];
  }
  return Counts;
}

struct StateKey {
  std::string Object, Field;
  bool operator<(const StateKey &O) const {
    return std::tie(Object, Field) < std::tie(O.Object, O.Field);
  }
};

/// Demangled names of subprograms, each demangled once per module.
class SubprogramNames {
public:
  const std::string &of(const DISubprogram *SP) {
    auto [It, New] = Names.try_emplace(SP);
    if (New)
      It->second = demangled(SP->getLinkageName().empty() ? SP->getName()
                                                          : SP->getLinkageName());
    return It->second;
  }

private:
  DenseMap<const DISubprogram *, std::string> Names;
};

/// Runs of a block's consecutive tokens (one per non-debug instruction) by the
/// chain of helpers clara-prepare inlined their code from: the subprograms of
/// the instruction's location and of its inlinedAt call sites (demangled),
/// innermost first, without the function the block is in. Code of the function
/// itself (an empty chain) has no run; an instruction without a location
/// continues the run before it. Each run: [start token, count, first line,
/// chain].
class InlineRuns {
public:
  explicit InlineRuns(SubprogramNames &Names) : Names(Names) {}

  void add(const Instruction &I, unsigned TokenIndex) {
    const DebugLoc &Loc = I.getDebugLoc();
    if (Loc && Loc.getLine() != 0) {
      if (Loc.get() != Last) {
        Current = chain(Loc);
        Last = Loc.get();
      }
    } else if (Runs.empty() || Runs.back().End != TokenIndex) {
      Current.clear();
      Last = nullptr;
    }
    if (Current.empty())
      return;
    if (!Runs.empty() && Runs.back().End == TokenIndex && Runs.back().Chain == Current) {
      ++Runs.back().End;
      return;
    }
    Runs.push_back({TokenIndex, TokenIndex + 1,
                    Loc && Loc.getLine() ? Loc.getLine() : 0, Current});
  }

  json::Array json() const {
    json::Array Out;
    for (const Run &R : Runs) {
      json::Array Chain;
      for (const std::string &Name : R.Chain)
        Chain.push_back(Name);
      Out.push_back(json::Array{(int64_t)R.Start, (int64_t)(R.End - R.Start),
                                (int64_t)R.Line, std::move(Chain)});
    }
    return Out;
  }

private:
  struct Run {
    unsigned Start, End, Line;
    std::vector<std::string> Chain;
  };
  SubprogramNames &Names;
  std::vector<Run> Runs;
  std::vector<std::string> Current;
  const DILocation *Last = nullptr;

  std::vector<std::string> chain(const DebugLoc &Loc) {
    std::vector<std::string> Out;
    for (const DILocation *L = Loc.get(); L && L->getInlinedAt(); L = L->getInlinedAt()) {
      const DISubprogram *SP = L->getScope() ? L->getScope()->getSubprogram() : nullptr;
      if (!SP)
        break;
      Out.push_back(Names.of(SP));
    }
    return Out;
  }
};

//------------------------------------------------------------------------------
// Data-flow facts of a block (the block record's "dataflow" object), for the
// accelerator detector: what its compacted tokens cannot say because they
// carry no def-use edges, and the function its code comes from ("origin"). Values are traced back through SSA operands and,
// for -O0 code, through a local scalar's stack slot to the values stored
// into it (flow-insensitively: every store to the slot).
//------------------------------------------------------------------------------

/// The stack slot of a local scalar (an alloca of a non-aggregate type used
/// directly, not through a GEP), or null.
const AllocaInst *scalarSlot(const Value *Ptr) {
  auto *A = dyn_cast<AllocaInst>(Ptr->stripPointerCasts());
  if (!A || A->getAllocatedType()->isAggregateType())
    return nullptr;
  return A;
}

/// A load of data (not of a local scalar's slot).
bool isDataLoad(const Instruction &I) {
  auto *L = dyn_cast<LoadInst>(&I);
  return L && !scalarSlot(L->getPointerOperand());
}

/// A constant with at least 12 significant bits that is not one run of ones
/// (a CRC polynomial, a hash's magic number; not a mask like 0xffff).
bool isBigPatternConstant(const Value *V) {
  auto *C = dyn_cast<ConstantInt>(V);
  if (!C)
    return false;
  const APInt &A = C->getValue();
  return A.getActiveBits() >= 12 && !A.isShiftedMask() && !A.isAllOnes();
}

class DataFlow {
public:
  DataFlow(const Function &F, const LoopInfo &LI, const DominatorTree &DT,
           ScalarEvolution &SE)
      : LI(LI), DT(DT), SE(SE) {
    for (const BasicBlock &BB : F)
      for (const Instruction &I : BB)
        if (auto *S = dyn_cast<StoreInst>(&I))
          if (const AllocaInst *A = scalarSlot(S->getPointerOperand()))
            Stores[A].push_back(S);
  }

  /// The "dataflow" object of BB's block record.
  json::Object block(const BasicBlock &BB) {
    int64_t Indexed = 0, Chase = 0, Rotates = 0, BigConst = 0, MulOdd = 0;
    int64_t ConstMatch = 0;
    const Loop *L = LI.getLoopFor(&BB);
    for (const Instruction &I : BB) {
      if (auto *Ld = dyn_cast<LoadInst>(&I)) {
        if (!isDataLoad(I))
          continue;
        const Value *Ptr = Ld->getPointerOperand();
        if (readsConstantData(Ptr) && feedsCompare(Ld))
          ++ConstMatch;
        for (const Value *Idx : variableIndices(Ptr))
          if (trace(Idx, L).Any) {
            ++Indexed;
            break;
          }
        if (L && trace(Ptr, L).CarriedPure)
          ++Chase;
        continue;
      }
      if (isRotate(I))
        ++Rotates;
      unsigned Op = I.getOpcode();
      if (Op == Instruction::And || Op == Instruction::Or ||
          Op == Instruction::Xor || Op == Instruction::Select)
        if (any_of(I.operands(), [](const Use &U) { return isBigPatternConstant(U.get()); }))
          ++BigConst;
      if (Op == Instruction::Mul)
        for (const Use &U : I.operands())
          if (auto *C = dyn_cast<ConstantInt>(U.get()))
            if (C->getValue()[0] && C->getValue().getActiveBits() >= 8) {
              ++MulOdd;
              break;
            }
    }
    int64_t BestUpdates = 0;
    if (L) {
      for (const Instruction &I : BB)
        if (auto *St = dyn_cast<StoreInst>(&I))
          BestUpdates += isBestUpdate(*St, *L);
      if (L->getHeader() == &BB)
        for (const PHINode &P : BB.phis())
          BestUpdates += isBestMerge(P, *L);
    }
    int64_t Trip = 0;
    if (L && L->getHeader() == &BB)
      Trip = tripCount(*L);
    return json::Object{{"data_indexed_loads", Indexed},
                        {"chase_loads", Chase},
                        {"rotates", Rotates},
                        {"bitwise_big_const", BigConst},
                        {"mul_odd_const", MulOdd},
                        {"const_match_loads", ConstMatch},
                        {"best_updates", BestUpdates},
                        {"trip_count", Trip},
                        {"origin", origin(BB)}};
  }

  /// The function BB's code was written in: the subprogram (linkage name, else
  /// name) of its first located instruction's innermost scope, so a helper
  /// inlined by clara-prepare keeps its own name; "" without debug info. The
  /// scope over which a loop's def-use context is read.
  static std::string origin(const BasicBlock &BB) {
    for (const Instruction &I : BB) {
      const DebugLoc &Loc = I.getDebugLoc();
      if (!Loc || Loc.getLine() == 0)
        continue;
      auto *Scope = dyn_cast_or_null<DILocalScope>(Loc->getScope());
      const DISubprogram *SP = Scope ? Scope->getSubprogram() : nullptr;
      if (!SP)
        return "";
      return (SP->getLinkageName().empty() ? SP->getName() : SP->getLinkageName()).str();
    }
    return "";
  }

private:
  struct Reach {
    bool Any = false;         // a data load of the scope, on any path
    bool CarriedPure = false; // ... of the previous iteration, by address
                              // arithmetic only
  };

  /// A best-so-far update in -O0 code: St writes a local's slot, under a
  /// condition (its block does not dominate every latch of L), a value computed
  /// from a data load of L, the loop goes on after it (the block exits nowhere),
  /// and the local is read after L. A longest-prefix scan keeps its match this
  /// way; a first-match scan leaves the loop with it instead.
  bool isBestUpdate(const StoreInst &St, const Loop &L) const {
    const AllocaInst *A = scalarSlot(St.getPointerOperand());
    const BasicBlock *BB = St.getParent();
    if (!A || L.isLoopExiting(BB))
      return false;
    SmallVector<BasicBlock *, 4> Latches;
    L.getLoopLatches(Latches);
    if (all_of(Latches, [&](const BasicBlock *Latch) { return DT.dominates(BB, Latch); }))
      return false;
    return readAfter(A, L) && trace(St.getValueOperand(), &L).Any;
  }

  /// The SSA form of isBestUpdate: a phi P of L's header whose value from the
  /// latch is a merge (a phi inside L, or a select) of P itself and a value
  /// computed from a data load of L, where P or the merge is used after L.
  bool isBestMerge(const PHINode &P, const Loop &L) const {
    const BasicBlock *Latch = L.getLoopLatch();
    if (!Latch || P.getBasicBlockIndex(Latch) < 0)
      return false;
    const Value *In = P.getIncomingValueForBlock(Latch);
    SmallVector<const Value *, 4> Merged;
    if (auto *Q = dyn_cast<PHINode>(In); Q && Q != &P && L.contains(Q))
      Merged.append(Q->value_op_begin(), Q->value_op_end());
    else if (auto *Sel = dyn_cast<SelectInst>(In))
      Merged = {Sel->getTrueValue(), Sel->getFalseValue()};
    auto UsedAfter = [&](const Value *V) {
      return any_of(V->users(), [&](const User *U) {
        auto *I = dyn_cast<Instruction>(U);
        return I && !L.contains(I);
      });
    };
    if (!is_contained(Merged, &P) || !(UsedAfter(&P) || UsedAfter(In)))
      return false;
    return any_of(Merged, [&](const Value *V) { return V != &P && trace(V, &L).Any; });
  }

  /// Whether the local in slot A is loaded outside L.
  static bool readAfter(const AllocaInst *A, const Loop &L) {
    return any_of(A->users(), [&](const User *U) {
      auto *Ld = dyn_cast<LoadInst>(U);
      return Ld && !L.contains(Ld);
    });
  }

  /// Whether V is compared (an icmp), directly or through masks and casts: a
  /// loaded field matched against a key.
  static bool feedsCompare(const Value *V) {
    SmallVector<std::pair<const Value *, unsigned>, 8> Work{{V, 0}};
    while (!Work.empty()) {
      auto [X, Depth] = Work.pop_back_val();
      for (const User *U : X->users()) {
        if (isa<ICmpInst>(U))
          return true;
        auto *I = dyn_cast<Instruction>(U);
        if (!I || Depth >= 3)
          continue;
        unsigned Op = I->getOpcode();
        if (Op == Instruction::And || Op == Instruction::Or ||
            Op == Instruction::Xor || isa<CastInst>(I))
          Work.push_back({I, Depth + 1});
      }
    }
    return false;
  }

  /// Whether every object Ptr may point into is a constant global: data fixed
  /// at compile time (a filter's rule list, an S-box; a routing table is
  /// filled at run time). Looks through GEPs, casts, phis, selects and the
  /// values stored into a -O0 pointer slot.
  bool readsConstantData(const Value *Ptr) const {
    SmallVector<const Value *, 8> Work{Ptr};
    std::set<const Value *> Seen;
    bool Found = false;
    while (!Work.empty()) {
      const Value *V = Work.pop_back_val();
      if (!Seen.insert(V).second)
        continue;
      if (Seen.size() > 64)
        return false;
      if (auto *G = dyn_cast<GEPOperator>(V)) {
        Work.push_back(G->getPointerOperand());
        continue;
      }
      if (auto *O = dyn_cast<Operator>(V))
        if (O->getOpcode() == Instruction::BitCast ||
            O->getOpcode() == Instruction::AddrSpaceCast) {
          Work.push_back(O->getOperand(0));
          continue;
        }
      if (auto *P = dyn_cast<PHINode>(V)) {
        for (const Value *In : P->incoming_values())
          Work.push_back(In);
        continue;
      }
      if (auto *Sel = dyn_cast<SelectInst>(V)) {
        Work.push_back(Sel->getTrueValue());
        Work.push_back(Sel->getFalseValue());
        continue;
      }
      if (auto *Ld = dyn_cast<LoadInst>(V))
        if (const AllocaInst *A = scalarSlot(Ld->getPointerOperand())) {
          auto It = Stores.find(A);
          if (It == Stores.end())
            return false;
          for (const StoreInst *St : It->second)
            Work.push_back(St->getValueOperand());
          continue;
        }
      auto *GV = dyn_cast<GlobalVariable>(V);
      if (!GV || !GV->isConstant())
        return false;
      Found = true;
    }
    return Found;
  }

  /// Non-constant GEP indices along Ptr's chain of GEPs and casts.
  static SmallVector<const Value *, 4> variableIndices(const Value *Ptr) {
    SmallVector<const Value *, 4> Out;
    for (unsigned Steps = 0; Steps < 16; ++Steps) {
      if (auto *G = dyn_cast<GEPOperator>(Ptr)) {
        for (const Use &U : G->indices())
          if (!isa<Constant>(U.get()))
            Out.push_back(U.get());
        Ptr = G->getPointerOperand();
        continue;
      }
      if (auto *O = dyn_cast<Operator>(Ptr))
        if (O->getOpcode() == Instruction::BitCast ||
            O->getOpcode() == Instruction::AddrSpaceCast) {
          Ptr = O->getOperand(0);
          continue;
        }
      break;
    }
    return Out;
  }

  bool inScope(const Instruction *I, const Loop *L) const {
    return L ? L->contains(I) : true;
  }

  /// Which data loads of the scope (loop L, or the whole function without
  /// one) V is computed from.
  Reach trace(const Value *V, const Loop *L) const {
    struct State {
      const Value *V;
      bool Carried, Pure;
    };
    Reach R;
    SmallVector<State, 16> Work{{V, false, true}};
    std::set<std::tuple<const Value *, bool, bool>> Seen;
    while (!Work.empty() && Seen.size() < 256) {
      State S = Work.pop_back_val();
      if (!Seen.insert({S.V, S.Carried, S.Pure}).second)
        continue;
      auto *I = dyn_cast<Instruction>(S.V);
      if (!I)
        continue; // argument, global, constant
      if (auto *Ld = dyn_cast<LoadInst>(I)) {
        if (const AllocaInst *A = scalarSlot(Ld->getPointerOperand())) {
          auto It = Stores.find(A);
          if (It == Stores.end())
            continue;
          for (const StoreInst *St : It->second) {
            bool Back = L && L->contains(St) && L->contains(Ld) &&
                        !DT.dominates(St, Ld);
            Work.push_back({St->getValueOperand(), S.Carried || Back, S.Pure});
          }
          continue;
        }
        if (inScope(I, L)) {
          R.Any = true;
          R.CarriedPure |= S.Carried && S.Pure;
        }
        continue;
      }
      if (auto *P = dyn_cast<PHINode>(I)) {
        for (unsigned K = 0; K < P->getNumIncomingValues(); ++K) {
          bool Back = L && P->getParent() == L->getHeader() &&
                      L->contains(P->getIncomingBlock(K));
          Work.push_back({P->getIncomingValue(K), S.Carried || Back, S.Pure});
        }
        continue;
      }
      if (auto *Sel = dyn_cast<SelectInst>(I)) {
        Work.push_back({Sel->getTrueValue(), S.Carried, S.Pure});
        Work.push_back({Sel->getFalseValue(), S.Carried, S.Pure});
        continue;
      }
      if (isa<GetElementPtrInst>(I) || isa<CastInst>(I)) {
        for (const Use &U : I->operands())
          Work.push_back({U.get(), S.Carried, S.Pure});
        continue;
      }
      if (isa<BinaryOperator>(I) || isa<IntrinsicInst>(I) || isa<CmpInst>(I)) {
        for (const Use &U : I->operands())
          Work.push_back({U.get(), S.Carried, false});
        continue;
      }
      // calls, allocas, ...: not followed
    }
    return R;
  }

  /// The value X that V is, looking through zext, as a slot or an SSA value.
  static const Value *rotated(const Value *V) {
    if (auto *Z = dyn_cast<ZExtInst>(V))
      V = Z->getOperand(0);
    if (auto *Ld = dyn_cast<LoadInst>(V))
      if (const AllocaInst *A = scalarSlot(Ld->getPointerOperand()))
        return A;
    return V;
  }

  static unsigned rotatedWidth(const Value *V) {
    if (auto *Z = dyn_cast<ZExtInst>(V))
      V = Z->getOperand(0);
    return V->getType()->getScalarSizeInBits();
  }

  /// A rotate: a funnel shift of one value by itself, or (x << c) | (x >> w-c)
  /// (also with + or ^) where w is x's width before promotion.
  static bool isRotate(const Instruction &I) {
    if (auto *II = dyn_cast<IntrinsicInst>(&I)) {
      Intrinsic::ID ID = II->getIntrinsicID();
      return (ID == Intrinsic::fshl || ID == Intrinsic::fshr) &&
             rotated(II->getArgOperand(0)) == rotated(II->getArgOperand(1));
    }
    unsigned Op = I.getOpcode();
    if (Op != Instruction::Or && Op != Instruction::Add && Op != Instruction::Xor)
      return false;
    auto *A = dyn_cast<BinaryOperator>(I.getOperand(0));
    auto *B = dyn_cast<BinaryOperator>(I.getOperand(1));
    if (!A || !B)
      return false;
    if (A->getOpcode() != Instruction::Shl)
      std::swap(A, B);
    if (A->getOpcode() != Instruction::Shl || B->getOpcode() != Instruction::LShr)
      return false;
    auto *CA = dyn_cast<ConstantInt>(A->getOperand(1));
    auto *CB = dyn_cast<ConstantInt>(B->getOperand(1));
    if (!CA || !CB || rotated(A->getOperand(0)) != rotated(B->getOperand(0)))
      return false;
    return CA->getZExtValue() + CB->getZExtValue() == rotatedWidth(A->getOperand(0));
  }

  /// The loop's constant trip count (an upper bound when it has data-dependent
  /// exits too), 0 if unknown: ScalarEvolution for SSA code, else an -O0
  /// counted loop (a local compared with a constant in the header, set to a
  /// constant before the loop and stepped by a constant inside it).
  int64_t tripCount(const Loop &L) const {
    if (unsigned N = SE.getSmallConstantMaxTripCount(&L))
      return N;
    auto *Br = dyn_cast<BranchInst>(L.getHeader()->getTerminator());
    if (!Br || !Br->isConditional())
      return 0;
    auto *Cmp = dyn_cast<ICmpInst>(Br->getCondition());
    if (!Cmp)
      return 0;
    bool StayOnTrue = L.contains(Br->getSuccessor(0));
    if (StayOnTrue == L.contains(Br->getSuccessor(1)))
      return 0;
    ICmpInst::Predicate Pred = Cmp->getPredicate();
    const Value *Var = Cmp->getOperand(0)->stripPointerCasts();
    auto *Bound = dyn_cast<ConstantInt>(Cmp->getOperand(1));
    if (!Bound) {
      Bound = dyn_cast<ConstantInt>(Cmp->getOperand(0));
      Var = Cmp->getOperand(1);
      Pred = ICmpInst::getSwappedPredicate(Pred);
    }
    if (!Bound)
      return 0;
    if (auto *C = dyn_cast<CastInst>(Var))
      Var = C->getOperand(0);
    auto *Ld = dyn_cast<LoadInst>(Var);
    const AllocaInst *Slot = Ld ? scalarSlot(Ld->getPointerOperand()) : nullptr;
    auto It = Slot ? Stores.find(Slot) : Stores.end();
    if (It == Stores.end())
      return 0;
    std::optional<int64_t> Init, Step;
    for (const StoreInst *St : It->second) {
      const Value *Val = St->getValueOperand();
      if (!L.contains(St))
        continue;
      auto *Bin = dyn_cast<BinaryOperator>(Val);
      auto *C = Bin ? dyn_cast<ConstantInt>(Bin->getOperand(1)) : nullptr;
      auto *From = Bin ? dyn_cast<LoadInst>(Bin->getOperand(0)) : nullptr;
      if (!C || !From || scalarSlot(From->getPointerOperand()) != Slot ||
          (Bin->getOpcode() != Instruction::Add && Bin->getOpcode() != Instruction::Sub))
        return 0;
      int64_t S = Bin->getOpcode() == Instruction::Add ? C->getSExtValue()
                                                       : -C->getSExtValue();
      if (Step && *Step != S)
        return 0;
      Step = S;
    }
    // the last store before the loop, on the single-predecessor chain above
    // the preheader
    const BasicBlock *B = L.getLoopPreheader();
    for (unsigned Steps = 0; B && !Init && Steps < 8; ++Steps) {
      for (const Instruction &I : reverse(*B))
        if (auto *St = dyn_cast<StoreInst>(&I))
          if (scalarSlot(St->getPointerOperand()) == Slot) {
            auto *C = dyn_cast<ConstantInt>(St->getValueOperand());
            if (!C)
              return 0;
            Init = C->getSExtValue();
            break;
          }
      B = B->getSinglePredecessor();
    }
    if (!Init || !Step || *Step == 0)
      return 0;
    unsigned W = Bound->getType()->getIntegerBitWidth();
    int64_t N = 0;
    APInt X(W, (uint64_t)*Init, /*isSigned=*/true);
    APInt S(W, (uint64_t)*Step, /*isSigned=*/true);
    while (N <= 65536 &&
           ICmpInst::compare(X, Bound->getValue(), Pred) == StayOnTrue) {
      X += S;
      ++N;
    }
    return N > 65536 ? 0 : N;
  }

  const LoopInfo &LI;
  const DominatorTree &DT;
  ScalarEvolution &SE;
  DenseMap<const AllocaInst *, SmallVector<const StoreInst *, 4>> Stores;
};

/// The block's share of the -O2 counts: for each OptKey of its instructions
/// (KeyCounts, blockKeyCounts), what the key stands for (PerKey, optPerIRKey)
/// times the block's part of the key's IR instructions (Totals).
OptCount blockOptCount(const std::map<OptKey, int64_t> &KeyCounts,
                       const std::map<OptKey, int64_t> &Totals,
                       const std::map<OptKey, OptCount> &PerKey) {
  OptCount C;
  for (auto &KV : KeyCounts) {
    auto It = PerKey.find(KV.first);
    if (It != PerKey.end())
      C.add(It->second, (double)KV.second / (double)Totals.at(KV.first));
  }
  return C;
}

/// What an API call's argument is, as a string two call sites share exactly when
/// they pass the same value: "c<N>" a constant, "a<N>" the function's N-th argument,
/// "s<N>" a load of the function's N-th alloca when that slot is stored once and
/// only loaded otherwise (a local assigned once: every load reads the same value),
/// each wrapped in the casts applied to it ("zext(s3)"); "" for anything else
/// (never the same). The pricing uses it to see a checksum update repeat an
/// earlier one's values (docs/per-packet.md).
class ArgIdentity {
public:
  /// Numbers the function's allocas in order; only those stored once get a slot.
  explicit ArgIdentity(const Function &F) {
    unsigned N = 0;
    for (const Instruction &I : instructions(F))
      if (auto *A = dyn_cast<AllocaInst>(&I)) {
        if (storedOnce(*A))
          Slot[A] = N;
        ++N;
      }
  }

  std::string of(const Value *V) const {
    if (auto *C = dyn_cast<ConstantInt>(V))
      return "c" + std::to_string(C->getSExtValue());
    if (auto *A = dyn_cast<Argument>(V))
      return "a" + std::to_string(A->getArgNo());
    if (auto *Cast = dyn_cast<CastInst>(V)) {
      std::string Inner = of(Cast->getOperand(0));
      return Inner.empty() ? "" : std::string(Cast->getOpcodeName()) + "(" + Inner + ")";
    }
    if (auto *L = dyn_cast<LoadInst>(V)) {
      auto *A = dyn_cast<AllocaInst>(L->getPointerOperand());
      auto It = A ? Slot.find(A) : Slot.end();
      if (It != Slot.end())
        return "s" + std::to_string(It->second);
    }
    return "";
  }

private:
  static bool storedOnce(const AllocaInst &A) {
    unsigned Stores = 0;
    for (const User *U : A.users()) {
      if (isa<LoadInst>(U))
        continue;
      auto *S = dyn_cast<StoreInst>(U);
      if (!S || S->getPointerOperand() != &A) // the address escapes or is stored
        return false;
      ++Stores;
    }
    return Stores == 1;
  }

  DenseMap<const AllocaInst *, unsigned> Slot; // allocas stored once: their index
};

json::Value optJson(const OptCount &C) {
  return json::Object{{"instructions", C.Instructions},
                      {"memory", C.Memory},
                      {"calls", C.Calls},
                      {"api", C.Api},
                      {"api_memory", C.ApiMemory}};
}

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
  SubprogramNames Names;
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
  // -O0 IR instructions per (NF line, call path) over all recorded blocks,
  // and what -O2 keeps of each (the blocks' "opt" objects; measured by
  // clara-prepare before it inlined, here if it did not run).
  std::map<OptKey, int64_t> IRInstructions;
  for (Function &F : M) {
    if (F.isDeclaration() || !shouldRecord(F, Cat) || !F.getSubprogram())
      continue;
    for (const BasicBlock &BB : F)
      for (auto &KV : blockKeyCounts(BB, F.getSubprogram()->getFile()))
        IRInstructions[KV.first] += KV.second;
  }
  std::optional<OptLines> Stored = readOptLines(M);
  std::map<OptKey, OptCount> OptPerKey = optPerIRKey(
      Stored ? *Stored : optimizedLines(M, Cat, ownFiles(M, Cat)), IRInstructions);

  std::map<StateKey, StateLoc> State;
  for (Function &F : M) {
    if (F.isDeclaration() || !shouldRecord(F, Cat))
      continue;
    const ClaraKinds &K = FAM.getResult<ClaraKindsAnalysis>(F);
    LoopInfo &LI = FAM.getResult<LoopAnalysis>(F);
    DataFlow Flow(F, LI, FAM.getResult<DominatorTreeAnalysis>(F),
                  FAM.getResult<ScalarEvolutionAnalysis>(F));
    StateLocator Locator(F, Types, Cat);
    ArgIdentity Args(F);
    std::string FName = F.getName().str();
    std::string File = functionFile(F);
    const DIFile *DIF = F.getSubprogram() ? F.getSubprogram()->getFile() : nullptr;

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
      InlineRuns Inlined(Names);
      for (const BasicBlock *S : successors(&BB))
        Succs.push_back((int64_t)Index[S]);
      std::set<unsigned> Lines;
      std::map<OptKey, int64_t> KeyCounts = blockKeyCounts(BB, DIF);
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
        Inlined.add(I, N - 1);
        Tokens.push_back(Tok.token(I, Kind));
        unsigned L = 0, C = 0;
        if (const DebugLoc &Loc = I.getDebugLoc()) {
          L = Loc.getLine();
          C = Loc.getCol();
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
          json::Array ArgIds;
          for (const Value *Arg : CB->args())
            ArgIds.push_back(Args.of(Arg));
          ApiCalls.push_back(json::Object{{"name", Kind.drop_front(4)},
                                          {"demangled", D},
                                          {"line", (int64_t)L},
                                          {"column", (int64_t)C},
                                          {"args", std::move(ArgIds)}});
          // Container APIs called on a state member: a state access too.
          const ApiEntry *E = K.apiOf(I);
          if (E && CB->arg_size() > 0 &&
              CB->getArgOperand(0)->getType()->isPointerTy() && E->isContainer())
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
      // line_counts per line; path_counts per (line, call path), as
      // "<line>@<call path>" (callPath: where clara-prepare inlined the line's
      // code; "" in its own function), so that the dataset builder can tell
      // inlined copies apart.
      std::map<unsigned, int64_t> LineCounts;
      json::Object PathCountsObj;
      for (auto &KV : KeyCounts) {
        LineCounts[std::get<1>(KV.first)] += KV.second;
        PathCountsObj[std::to_string(std::get<1>(KV.first)) + "@" + std::get<2>(KV.first)] =
            KV.second;
      }
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
            {"inlined", Inlined.json()},
            {"counts", std::move(CountsObj)},
            {"line_counts", std::move(LineCountsObj)},
            {"path_counts", std::move(PathCountsObj)},
            {"opt", optJson(blockOptCount(KeyCounts, IRInstructions, OptPerKey))},
            {"dataflow", Flow.block(BB)},
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
