//==============================================================================
// FILE:
//    KindTags.cpp
//
// DESCRIPTION:
//    ClaraKindsAnalysis and MemRootResolver (see KindTags.h).
//
//    Memory roots, walking a pointer through GEP/bitcast/addrspacecast/phi/
//    select to its root:
//      alloca                                  -> stack
//      global variable                         -> state
//      `this` of a C++ method                  -> state
//      packet API result (catalog category "packet") -> packet
//      first pointer parameter of a plain-C function -> packet
//      parameter declared as Packet* / WritablePacket* -> packet
//      other catalog API results (containers, allocation) -> state
//      a pointer loaded from a stack slot      -> the root of the values stored
//                                                 into that slot (-O0 locals)
//      a pointer (or integer, via inttoptr) loaded from state/packet memory
//                                              -> state / packet
//      anything else                           -> unknown: tagged mem.state,
//                                                 with a warning
//
// USAGE:
//    opt-19 -load-pass-plugin libClaraPasses.so -passes='print<clara-kinds>' -disable-output input.ll
//
// License: Apache-2.0
//==============================================================================
#include "KindTags.h"
#include "ApiCatalog.h"
#include "DebugTypes.h"

#include "llvm/BinaryFormat/Dwarf.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/InlineAsm.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Operator.h"
#include "llvm/Support/Format.h"

using namespace llvm;

namespace clara {

AnalysisKey ClaraKindsAnalysis::Key;

std::string memRootName(MemRoot R) {
  if (R == MemRoot::None)
    return "none";
  std::string S;
  for (auto [Bit, Name] : {std::pair{MemRoot::Stack, "stack"},
                           {MemRoot::State, "state"},
                           {MemRoot::Packet, "packet"},
                           {MemRoot::Unknown, "unknown"}})
    if (hasRoot(R, Bit))
      S += (S.empty() ? "" : "|") + std::string(Name);
  return S;
}

MemRoot mergeRoots(MemRoot A, MemRoot B) {
  return static_cast<MemRoot>(static_cast<uint8_t>(A) | static_cast<uint8_t>(B));
}

MemRoot dominantRoot(MemRoot Set) {
  if (hasRoot(Set, MemRoot::Packet))
    return MemRoot::Packet;
  if (hasRoot(Set, MemRoot::State) || hasRoot(Set, MemRoot::Unknown) ||
      Set == MemRoot::None)
    return MemRoot::State;
  return MemRoot::Stack;
}

bool MemRootResolver::pointsToElement(const DIType *T) {
  const DICompositeType *CT = DITypeIndex::pointee(T);
  for (unsigned Depth = 0; CT && Depth < 8; ++Depth) {
    if (CT->getName() == "Element")
      return true;
    const DICompositeType *Base = nullptr;
    for (const DINode *N : CT->getElements())
      if (auto *M = dyn_cast_or_null<DIDerivedType>(N))
        if (M->getTag() == dwarf::DW_TAG_inheritance) {
          Base = dyn_cast_or_null<DICompositeType>(
              DITypeIndex::strip(M->getBaseType()));
          break;
        }
    CT = Base;
  }
  return false;
}

const Value *MemRootResolver::stripAddr(const Value *V) {
  while (true) {
    if (auto *G = dyn_cast<GEPOperator>(V)) {
      V = G->getPointerOperand();
      continue;
    }
    if (auto *O = dyn_cast<Operator>(V))
      if (O->getOpcode() == Instruction::BitCast ||
          O->getOpcode() == Instruction::AddrSpaceCast) {
        V = O->getOperand(0);
        continue;
      }
    return V;
  }
}

bool MemRootResolver::isThisArg(const Argument &A) {
  const Function *Fn = A.getParent();
  unsigned Shift = (Fn->arg_size() > 0 && Fn->hasParamAttribute(0, Attribute::StructRet)) ? 1 : 0;
  if (A.getArgNo() != Shift || !A.getType()->isPointerTy())
    return false;
  if (const DISubprogram *SP = Fn->getSubprogram())
    if (const DISubroutineType *T = SP->getType()) {
      auto Types = T->getTypeArray();
      if (Types.size() > 1)
        if (auto *PT = dyn_cast_or_null<DIType>(Types[1]))
          return PT->isObjectPointer() || (PT->isArtificial() && A.getName() == "this");
      return false;
    }
  return A.getName() == "this";
}

const SmallVector<const Value *, 2> &
MemRootResolver::storedInto(const AllocaInst *A) {
  auto It = Stores.find(A);
  if (It != Stores.end())
    return It->second;
  SmallVector<const Value *, 2> Vals;
  SmallVector<const Value *, 8> Work{A};
  SmallPtrSet<const Value *, 8> Seen;
  while (!Work.empty()) {
    const Value *P = Work.pop_back_val();
    if (!Seen.insert(P).second)
      continue;
    for (const User *U : P->users()) {
      if (auto *SI = dyn_cast<StoreInst>(U)) {
        if (SI->getPointerOperand() == P)
          Vals.push_back(SI->getValueOperand());
      } else if (isa<GEPOperator>(U) || isa<BitCastOperator>(U) ||
                 isa<AddrSpaceCastOperator>(U)) {
        Work.push_back(U);
      }
    }
  }
  return Stores[A] = std::move(Vals);
}

MemRoot MemRootResolver::pointerRoot(const Value *V) {
  V = stripAddr(V);
  auto It = Ptr.find(V);
  if (It != Ptr.end())
    return It->second;
  Ptr[V] = MemRoot::None; // in progress: cycles contribute nothing
  MemRoot R = compute(V);
  Ptr[V] = R;
  return R;
}

MemRoot MemRootResolver::compute(const Value *V) {
  if (isa<AllocaInst>(V))
    return MemRoot::Stack;
  if (isa<GlobalVariable>(V) || isa<GlobalAlias>(V))
    return MemRoot::State;
  if (isa<ConstantPointerNull>(V) || isa<UndefValue>(V))
    return MemRoot::None;
  if (auto *A = dyn_cast<Argument>(V))
    return argRoot(*A);
  if (auto *L = dyn_cast<LoadInst>(V))
    return loadedValueRoot(*L);
  if (auto *C = dyn_cast<CallBase>(V))
    return callRoot(*C);
  if (auto *PN = dyn_cast<PHINode>(V)) {
    MemRoot R = MemRoot::None;
    for (const Value *In : PN->incoming_values())
      R = mergeRoots(R, pointerRoot(In));
    return R;
  }
  if (auto *S = dyn_cast<SelectInst>(V))
    return mergeRoots(pointerRoot(S->getTrueValue()),
                      pointerRoot(S->getFalseValue()));
  if (auto *O = dyn_cast<Operator>(V))
    if (O->getOpcode() == Instruction::IntToPtr) {
      MemRoot R = valueRoot(O->getOperand(0));
      return R == MemRoot::None ? unknown(V) : R;
    }
  return unknown(V);
}

MemRoot MemRootResolver::valueRoot(const Value *V) {
  if (V->getType()->isPointerTy())
    return pointerRoot(V);
  if (!V->getType()->isIntegerTy())
    return MemRoot::None;
  auto It = Val.find(V);
  if (It != Val.end())
    return It->second;
  Val[V] = MemRoot::None;
  MemRoot R = MemRoot::None;
  if (auto *L = dyn_cast<LoadInst>(V))
    R = loadedValueRoot(*L);
  else if (auto *O = dyn_cast<Operator>(V)) {
    switch (O->getOpcode()) {
    case Instruction::ZExt:
    case Instruction::SExt:
    case Instruction::Trunc:
    case Instruction::PtrToInt:
    case Instruction::BitCast:
      R = valueRoot(O->getOperand(0));
      break;
    case Instruction::Add:
    case Instruction::Sub:
    case Instruction::And:
    case Instruction::Or:
    case Instruction::Xor:
    case Instruction::Shl:
    case Instruction::LShr:
    case Instruction::AShr:
    case Instruction::Mul:
      R = mergeRoots(valueRoot(O->getOperand(0)), valueRoot(O->getOperand(1)));
      break;
    case Instruction::PHI:
      for (const Value *In : cast<PHINode>(O)->incoming_values())
        R = mergeRoots(R, valueRoot(In));
      break;
    case Instruction::Select:
      R = mergeRoots(valueRoot(O->getOperand(1)), valueRoot(O->getOperand(2)));
      break;
    default:
      break;
    }
  }
  Val[V] = R;
  return R;
}

MemRoot MemRootResolver::loadedValueRoot(const LoadInst &L) {
  const Value *P = L.getPointerOperand();
  MemRoot Where = pointerRoot(P);
  if (!hasRoot(Where, MemRoot::Stack))
    return Where; // read from state/packet memory: same root; unknown stays
  // Read from a stack slot (-O0 locals): the roots of what was stored there.
  MemRoot Rest = static_cast<MemRoot>(static_cast<uint8_t>(Where) &
                                      ~static_cast<uint8_t>(MemRoot::Stack));
  auto *A = dyn_cast<AllocaInst>(stripAddr(P));
  if (!A)
    return mergeRoots(Rest, unknown(&L));
  MemRoot R = MemRoot::None;
  for (const Value *S : storedInto(A))
    R = mergeRoots(R, valueRoot(S));
  if (R == MemRoot::None && L.getType()->isPointerTy())
    R = unknown(&L); // a pointer slot never written with a known pointer
  return mergeRoots(Rest, R);
}

MemRoot MemRootResolver::argRoot(const Argument &A) {
  if (!A.getType()->isPointerTy())
    return MemRoot::None;
  if (A.hasStructRetAttr() || A.hasByValAttr())
    return MemRoot::Stack;
  if (isThisArg(A))
    return MemRoot::State;
  const Function *Fn = A.getParent();
  if (isPlainC(*Fn)) {
    for (const Argument &B : Fn->args())
      if (B.getType()->isPointerTy())
        return &B == &A ? MemRoot::Packet : unknown(&A);
  }
  // A parameter declared as Packet* / WritablePacket*.
  if (const DISubprogram *SP = Fn->getSubprogram())
    if (const DISubroutineType *T = SP->getType()) {
      unsigned Shift = Fn->hasParamAttribute(0, Attribute::StructRet) ? 1 : 0;
      auto Types = T->getTypeArray();
      unsigned Idx = 1 + A.getArgNo() - Shift;
      if (A.getArgNo() >= Shift && Idx < Types.size())
        if (const DICompositeType *CT =
                DITypeIndex::pointee(dyn_cast_or_null<DIType>(Types[Idx]))) {
          StringRef N = CT->getName();
          if (N == "Packet" || N == "WritablePacket")
            return MemRoot::Packet;
        }
      // An element passed by pointer/reference (static handlers' Element *e).
      if (A.getArgNo() >= Shift && Idx < Types.size() &&
          pointsToElement(dyn_cast_or_null<DIType>(Types[Idx])))
        return MemRoot::State;
    }
  return unknown(&A);
}

MemRoot MemRootResolver::callRoot(const CallBase &C) {
  if (auto *II = dyn_cast<IntrinsicInst>(&C)) {
    switch (II->getIntrinsicID()) {
    case Intrinsic::launder_invariant_group:
    case Intrinsic::strip_invariant_group:
    case Intrinsic::ptrmask:
    case Intrinsic::ptr_annotation:
    case Intrinsic::preserve_array_access_index:
    case Intrinsic::preserve_struct_access_index:
    case Intrinsic::preserve_union_access_index:
      return pointerRoot(II->getArgOperand(0));
    default:
      return unknown(&C);
    }
  }
  const Function *Callee =
      calledFunction(C);
  if (!Callee)
    return unknown(&C);
  const ApiEntry *E = Cat.matchFunction(*Callee);
  if (!E)
    return unknown(&C);
  if (E->Category == "packet")
    return MemRoot::Packet;
  if (E->Name == "memory.copy" && C.arg_size() > 0) // memcpy returns dest
    return pointerRoot(C.getArgOperand(0));
  return MemRoot::State; // container elements, heap, ...
}

//------------------------------------------------------------------------------
// Kinds
//------------------------------------------------------------------------------
bool isDebugIntrinsic(const Instruction &I) { return isa<DbgInfoIntrinsic>(I); }

StringRef ClaraKinds::kindOf(const Instruction &I) const {
  auto It = Kinds.find(&I);
  return It == Kinds.end() ? StringRef() : StringRef(It->second);
}

const ApiEntry *ClaraKinds::apiOf(const Instruction &I) const {
  auto It = Apis.find(&I);
  return It == Apis.end() ? nullptr : It->second;
}

static std::string describeLeaf(const Value *V) {
  if (!V)
    return "unknown origin";
  if (auto *A = dyn_cast<Argument>(V))
    return "pointer parameter '" +
           (A->hasName() ? A->getName().str() : std::to_string(A->getArgNo())) +
           "'";
  if (auto *C = dyn_cast<CallBase>(V)) {
    if (auto *Fn = calledFunction(*C))
      return "result of call to '" + demangled(Fn->getName()) + "'";
    return "result of an indirect call";
  }
  if (isa<LoadInst>(V))
    return "pointer loaded from a stack slot with no known pointer stored";
  if (isa<Constant>(V))
    return "constant address";
  return "value '" + (V->hasName() ? V->getName().str() : std::string("?")) + "'";
}

namespace {
class KindComputer {
public:
  KindComputer(const Function &F, const ApiCatalog &Cat)
      : Cat(Cat), Roots(F, Cat) {}

  ClaraKinds run(const Function &F) {
    for (const BasicBlock &BB : F)
      for (const Instruction &I : BB)
        Result.Kinds[&I] = kindOf(I);
    if (FirstEH) // one warning per function for C++ exception handling
      warn(*FirstEH, "exception handling: " + std::to_string(NInvoke) +
                         " invoke, " + std::to_string(NLandingPad) +
                         " landingpad (compile with -fno-exceptions as Click does)");
    return std::move(Result);
  }

private:
  void warn(const Instruction &I, std::string Msg) {
    Result.Warnings.push_back({&I, std::move(Msg)});
  }

  /// "mem.<kind>" of an access with root set R, warning when R is unknown
  /// or mixed.
  std::string classify(const Instruction &I, MemRoot R, StringRef What) {
    MemRoot D = dominantRoot(R);
    std::string Kind = "mem." + memRootName(D);
    if (hasRoot(R, MemRoot::Unknown) || R == MemRoot::None)
      warn(I, "unknown memory root" + What.str() + " (" +
                  describeLeaf(Roots.unknownLeaf()) + "); counted as " + Kind);
    else if (R != D)
      warn(I, "pointer" + What.str() + " may address " + memRootName(R) +
                  " memory; counted as " + Kind);
    return Kind;
  }

  std::string memKind(const Instruction &I, const Value *Ptr) {
    return classify(I, Roots.pointerRoot(Ptr), "");
  }

  std::string callKind(const CallBase &C) {
    if (isa<InvokeInst>(C)) {
      ++NInvoke;
      if (!FirstEH)
        FirstEH = &C;
    }
    if (C.isInlineAsm()) {
      warn(C, "inline assembly");
      return "api.extern";
    }
    if (auto *II = dyn_cast<IntrinsicInst>(&C)) {
      if (auto *MI = dyn_cast<MemIntrinsic>(II)) {
        // Each operand is classified (and warned about) on its own; the call
        // counts as the costlier of the two: packet > state > stack.
        std::string Name = II->getCalledFunction()->getName().str();
        MemRoot D = Roots.pointerRoot(MI->getRawDest());
        std::string Kind = classify(C, D, " (destination of " + Name + ")");
        if (auto *MT = dyn_cast<MemTransferInst>(MI)) {
          MemRoot S = Roots.pointerRoot(MT->getRawSource());
          classify(C, S, " (source of " + Name + ")");
          Kind = "mem." + memRootName(dominantRoot(
                              mergeRoots(dominantRoot(D), dominantRoot(S))));
        }
        return Kind;
      }
      if (II->isAssumeLikeIntrinsic() || II->isLifetimeStartOrEnd() ||
          isa<DbgInfoIntrinsic>(II) || II->getIntrinsicID() == Intrinsic::trap ||
          II->getIntrinsicID() == Intrinsic::debugtrap)
        return "control";
      return "compute";
    }
    const Function *Callee =
        calledFunction(C);
    if (!Callee) {
      warn(C, "indirect call");
      return "api.extern";
    }
    if (const ApiEntry *E = Cat.matchFunction(*Callee)) {
      Result.Apis[&C] = E;
      return "api." + E->Name;
    }
    return "api.extern";
  }

  std::string kindOf(const Instruction &I) {
    if (auto *L = dyn_cast<LoadInst>(&I))
      return memKind(I, L->getPointerOperand());
    if (auto *S = dyn_cast<StoreInst>(&I))
      return memKind(I, S->getPointerOperand());
    if (auto *A = dyn_cast<AtomicRMWInst>(&I))
      return memKind(I, A->getPointerOperand());
    if (auto *A = dyn_cast<AtomicCmpXchgInst>(&I))
      return memKind(I, A->getPointerOperand());
    if (auto *C = dyn_cast<CallBase>(&I))
      return callKind(*C);
    if (I.isEHPad() || isa<ResumeInst>(I)) {
      if (isa<LandingPadInst>(I)) {
        ++NLandingPad;
        if (!FirstEH)
          FirstEH = &I;
      }
      return "control";
    }
    if (I.isTerminator())
      return "control";
    return "compute";
  }

  const ApiCatalog &Cat;
  MemRootResolver Roots;
  ClaraKinds Result;
  const Instruction *FirstEH = nullptr;
  unsigned NInvoke = 0, NLandingPad = 0;
};
} // namespace

ClaraKinds computeClaraKinds(const Function &F, const ApiCatalog &Cat) {
  return KindComputer(F, Cat).run(F);
}

ClaraKinds ClaraKindsAnalysis::run(Function &F, FunctionAnalysisManager &) {
  return computeClaraKinds(F, ApiCatalog::get());
}

static std::string instText(const Instruction &I) {
  std::string S;
  raw_string_ostream OS(S);
  I.print(OS);
  OS.flush();
  size_t Md = S.find(", !");
  if (Md != std::string::npos)
    S.resize(Md);
  for (char &C : S) // invoke/landingpad print on several lines
    if (C == '\n')
      C = ' ';
  StringRef T = StringRef(S).trim();
  return T.str();
}

PreservedAnalyses PrintClaraKindsPass::run(Function &F,
                                           FunctionAnalysisManager &FAM) {
  if (F.isDeclaration())
    return PreservedAnalyses::all();
  const ClaraKinds &K = FAM.getResult<ClaraKindsAnalysis>(F);
  OS << "Clara kinds for function '" << F.getName() << "':\n";
  for (const BasicBlock &BB : F) {
    OS << blockName(BB) << ":\n";
    for (const Instruction &I : BB) {
      if (isDebugIntrinsic(I))
        continue;
      OS << "  ";
      OS << left_justify(K.kindOf(I), 24) << " | " << instText(I)
                   << "\n";
    }
  }
  for (const ClaraWarning &W : K.warnings()) {
    OS << "warning: " << blockName(*W.I->getParent());
    if (const DebugLoc &DL = W.I->getDebugLoc())
      OS << ":" << DL.getLine();
    OS << ": " << W.Message << "\n";
  }
  return PreservedAnalyses::all();
}

} // namespace clara
