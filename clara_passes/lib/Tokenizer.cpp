//==============================================================================
// FILE:
//    Tokenizer.cpp
//
// DESCRIPTION:
//    Vocabulary compaction (see Tokenizer.h and docs/design.md).
//
// USAGE:
//    Library code used by clara-features.
//
// License: Apache-2.0
//==============================================================================
#include "Tokenizer.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Operator.h"

using namespace llvm;

namespace clara {

bool Tokenizer::isHeaderStruct(StringRef N) {
  return N == "click_ip" || N == "click_tcp" || N == "click_udp" ||
         N == "click_ether" || N == "click_icmp";
}

std::string Tokenizer::typeName(const Type *T) {
  if (!T)
    return "?";
  if (T->isIntegerTy())
    return "i" + std::to_string(T->getIntegerBitWidth());
  if (T->isPointerTy())
    return "ptr";
  if (T->isVoidTy())
    return "void";
  if (T->isHalfTy())
    return "half";
  if (T->isFloatTy())
    return "float";
  if (T->isDoubleTy())
    return "double";
  if (T->isFloatingPointTy())
    return "fp";
  if (auto *VT = dyn_cast<FixedVectorType>(T))
    return "v" + std::to_string(VT->getNumElements()) +
           typeName(VT->getElementType());
  if (T->isStructTy())
    return "struct";
  if (T->isArrayTy())
    return "array";
  return "other";
}

std::string Tokenizer::operandKind(const Value *V) {
  if (isa<Instruction>(V) || isa<Argument>(V))
    return "var";
  if (isa<ConstantPointerNull>(V))
    return "null";
  if (isa<UndefValue>(V))
    return "undef";
  if (isa<GlobalValue>(V->stripPointerCasts()))
    return "global";
  if (auto *GEP = dyn_cast<GEPOperator>(V))
    if (isa<GlobalValue>(GEP->getPointerOperand()->stripPointerCasts()))
      return "global";
  if (isa<InlineAsm>(V))
    return "asm";
  if (isa<Constant>(V))
    return "const";
  return "var";
}

static std::string operandKinds(const User &U, unsigned From = 0) {
  std::string S;
  for (unsigned I = From, E = U.getNumOperands(); I < E; ++I) {
    const Value *Op = U.getOperand(I);
    if (isa<BasicBlock>(Op) || isa<MetadataAsValue>(Op))
      continue;
    S += " " + Tokenizer::operandKind(Op);
  }
  return S;
}

std::optional<HeaderField> Tokenizer::headerField(const Value *Ptr) const {
  const Value *Cur = Ptr;
  for (unsigned Steps = 0; Steps < 16; ++Steps) {
    if (auto *G = dyn_cast<GEPOperator>(Cur)) {
      Type *Src = G->getSourceElementType();
      if (auto *ST = dyn_cast<StructType>(Src)) {
        if (G->getNumIndices() < 2)
          return std::nullopt; // pointer arithmetic over whole structs
        auto *Idx = dyn_cast<ConstantInt>(G->getOperand(2));
        if (!Idx)
          return std::nullopt;
        const DICompositeType *CT = nullptr;
        auto Hit = Types.structField(const_cast<StructType *>(ST),
                                     Idx->getZExtValue(), &CT);
        std::string Name = CT ? Types.nameOf(CT)
                              : DITypeIndex::llvmStructBaseName(ST->getName());
        StringRef U = DITypeIndex::unqualified(Name);
        if (!isHeaderStruct(U))
          return std::nullopt;
        return HeaderField{U.str(), Hit ? Hit->Name
                                        : "field" + std::to_string(
                                                        Idx->getZExtValue())};
      }
      if (Src->isArrayTy() && G->getNumIndices() >= 2) {
        Cur = G->getPointerOperand(); // element of an array field
        continue;
      }
      return std::nullopt;
    }
    if (auto *O = dyn_cast<Operator>(Cur))
      if (O->getOpcode() == Instruction::BitCast ||
          O->getOpcode() == Instruction::AddrSpaceCast) {
        Cur = O->getOperand(0);
        continue;
      }
    // Offset 0 of a local pointer declared as `click_ip *`.
    if (auto *L = dyn_cast<LoadInst>(Cur)) {
      const Value *Slot = L->getPointerOperand()->stripPointerCasts();
      if (!isa<AllocaInst>(Slot))
        return std::nullopt;
      const DICompositeType *CT = DITypeIndex::pointee(declaredType(Slot));
      if (!CT)
        return std::nullopt;
      StringRef U = DITypeIndex::unqualified(Types.nameOf(CT));
      if (!isHeaderStruct(U))
        return std::nullopt;
      auto Hit = Types.memberAt(CT, 0);
      return HeaderField{U.str(), Hit ? Hit->Name : "field0"};
    }
    return std::nullopt;
  }
  return std::nullopt;
}

std::string Tokenizer::token(const Instruction &I, StringRef Kind) const {
  if (isDebugIntrinsic(I))
    return "";
  StringRef Mem = Kind;
  Mem.consume_front("mem.");

  if (auto *L = dyn_cast<LoadInst>(&I)) {
    std::string Where = Mem.str();
    if (auto HF = headerField(L->getPointerOperand()))
      Where = HF->Struct + "." + HF->Field;
    return "load " + typeName(L->getType()) + " " + Where;
  }
  if (auto *S = dyn_cast<StoreInst>(&I)) {
    std::string Where = Mem.str();
    if (auto HF = headerField(S->getPointerOperand()))
      Where = HF->Struct + "." + HF->Field;
    return "store " + typeName(S->getValueOperand()->getType()) + " " + Where;
  }
  if (auto *G = dyn_cast<GetElementPtrInst>(&I)) {
    if (auto HF = headerField(G))
      return "getelementptr " + HF->Struct + "." + HF->Field;
    return "getelementptr " + typeName(G->getSourceElementType()) +
           operandKinds(*G);
  }
  if (auto *C = dyn_cast<CallBase>(&I)) {
    std::string Op = isa<InvokeInst>(C) ? "invoke" : "call";
    if (C->isInlineAsm())
      return Op + " asm";
    if (auto *II = dyn_cast<IntrinsicInst>(C)) {
      std::string Name = Intrinsic::getBaseName(II->getIntrinsicID()).str();
      if (isa<MemIntrinsic>(II))
        return Op + " " + Name + " " + Mem.str();
      return Op + " " + Name;
    }
    return Op + " " + Kind.str();
  }
  if (auto *Cmp = dyn_cast<CmpInst>(&I))
    return std::string(I.getOpcodeName()) + "." +
           CmpInst::getPredicateName(Cmp->getPredicate()).str() + " " +
           typeName(Cmp->getOperand(0)->getType()) + operandKinds(I);
  if (auto *Cast = dyn_cast<CastInst>(&I))
    return std::string(I.getOpcodeName()) + " " + typeName(Cast->getSrcTy()) +
           " " + operandKind(Cast->getOperand(0)) + " -> " +
           typeName(Cast->getDestTy());
  if (auto *Br = dyn_cast<BranchInst>(&I))
    return Br->isConditional() ? "br cond" : "br";
  if (auto *Sw = dyn_cast<SwitchInst>(&I))
    return "switch " + typeName(Sw->getCondition()->getType()) + " " +
           operandKind(Sw->getCondition());
  if (auto *R = dyn_cast<ReturnInst>(&I)) {
    if (!R->getReturnValue())
      return "ret void";
    return "ret " + typeName(R->getReturnValue()->getType()) + " " +
           operandKind(R->getReturnValue());
  }
  if (auto *A = dyn_cast<AllocaInst>(&I))
    return "alloca " + typeName(A->getAllocatedType());
  if (isa<PHINode>(I))
    return "phi " + typeName(I.getType());
  if (isa<UnreachableInst>(I))
    return "unreachable";
  if (I.isTerminator())
    return I.getOpcodeName();
  return std::string(I.getOpcodeName()) + " " + typeName(I.getType()) +
         operandKinds(I);
}

} // namespace clara
