//==============================================================================
// FILE:
//    DebugTypes.cpp
//
// DESCRIPTION:
//    Debug-info helpers (see DebugTypes.h): LLVM struct type -> DI composite,
//    byte offset -> DI member, own-function test, C-like type names.
//
// USAGE:
//    Library code; no pass of its own.
//
// License: Apache-2.0
//==============================================================================
#include "DebugTypes.h"
#include "ApiCatalog.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/BinaryFormat/Dwarf.h"
#include "llvm/IR/DebugInfo.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace clara {

/// Drops template argument lists: "HashMap<int, long>" -> "HashMap".
static std::string stripTemplateArgs(StringRef S) {
  std::string Out;
  int Depth = 0;
  for (char C : S) {
    if (C == '<')
      ++Depth;
    else if (C == '>' && Depth > 0)
      --Depth;
    else if (Depth == 0)
      Out += C;
  }
  return Out;
}

static bool isRecordTag(unsigned Tag) {
  return Tag == dwarf::DW_TAG_structure_type || Tag == dwarf::DW_TAG_class_type ||
         Tag == dwarf::DW_TAG_union_type;
}

/// Qualified name of a DI scope chain ("Click::HashMap<int, long>").
static std::string qualifiedName(const DIScope *S) {
  std::string Name;
  for (; S; S = S->getScope()) {
    StringRef Part;
    if (auto *NS = dyn_cast<DINamespace>(S))
      Part = NS->getName().empty() ? "(anonymous namespace)" : NS->getName();
    else if (auto *CT = dyn_cast<DICompositeType>(S))
      Part = CT->getName();
    else
      break; // DIFile / DICompileUnit / DISubprogram: stop.
    if (Part.empty())
      break;
    Name = Name.empty() ? Part.str() : (Part + "::" + Name).str();
  }
  return Name;
}

DITypeIndex::DITypeIndex(const Module &M) : DL(M.getDataLayout()) {
  DebugInfoFinder Finder;
  Finder.processModule(M);
  // Typedef names of anonymous composites first (C: typedef struct {...} X;).
  for (DIType *T : Finder.types())
    if (auto *TD = dyn_cast<DIDerivedType>(T))
      if (TD->getTag() == dwarf::DW_TAG_typedef)
        if (auto *CT = dyn_cast_or_null<DICompositeType>(TD->getBaseType()))
          if (CT->getName().empty() && !TypedefName.count(CT))
            TypedefName[CT] = TD->getName().str();
  for (DIType *T : Finder.types()) {
    auto *CT = dyn_cast<DICompositeType>(T);
    if (!CT || !isRecordTag(CT->getTag()) || CT->isForwardDecl())
      continue;
    std::string Q = nameOf(CT);
    if (Q.empty())
      continue;
    std::string Key = stripTemplateArgs(Q);
    ByName[Key].push_back(CT);
    StringRef U = unqualified(Key);
    if (U != Key)
      ByName[U].push_back(CT);
  }
}

std::string DITypeIndex::nameOf(const DICompositeType *CT) const {
  if (!CT)
    return "";
  if (!CT->getName().empty())
    return qualifiedName(CT);
  auto It = TypedefName.find(CT);
  if (It != TypedefName.end())
    return It->second;
  // C++ anonymous struct with a typedef name: identifier "_ZTS11click_ether".
  StringRef Id = CT->getIdentifier();
  if (Id.starts_with("_ZTS")) {
    std::string D = demangled(Id);
    StringRef R(D);
    if (R.consume_front("typeinfo name for "))
      return R.str();
  }
  return "";
}

std::string DITypeIndex::llvmStructBaseName(StringRef Name) {
  for (StringRef P : {"struct.", "class.", "union."})
    if (Name.consume_front(P))
      break;
  Name.consume_back(".base");
  // Numeric suffixes added by LLVM/clang to keep type names unique.
  while (true) {
    size_t Dot = Name.rfind('.');
    if (Dot == StringRef::npos)
      break;
    StringRef Tail = Name.substr(Dot + 1);
    if (Tail.empty() || !all_of(Tail, isDigit))
      break;
    Name = Name.substr(0, Dot);
  }
  return stripTemplateArgs(Name);
}

StringRef DITypeIndex::unqualified(StringRef Name) {
  size_t Pos = Name.rfind("::");
  return Pos == StringRef::npos ? Name : Name.substr(Pos + 2);
}

const DICompositeType *DITypeIndex::forStruct(StructType *ST) const {
  if (!ST || !ST->hasName())
    return nullptr;
  auto C = Cache.find(ST);
  if (C != Cache.end())
    return C->second;
  std::string Base = llvmStructBaseName(ST->getName());
  auto It = ByName.find(Base);
  if (It == ByName.end())
    It = ByName.find(unqualified(Base));
  const DICompositeType *Best = nullptr;
  if (It != ByName.end()) {
    uint64_t Bits = ST->isSized() ? DL.getTypeAllocSizeInBits(ST) : 0;
    for (const DICompositeType *CT : It->second)
      if (CT->getSizeInBits() == Bits) {
        Best = CT;
        break;
      }
    if (!Best) // ".base" subobject types are shorter than the full class.
      for (const DICompositeType *CT : It->second)
        if (CT->getSizeInBits() >= Bits) {
          Best = CT;
          break;
        }
    if (!Best)
      Best = It->second.front();
  }
  Cache[ST] = Best;
  return Best;
}

const DIType *DITypeIndex::strip(const DIType *T) {
  while (auto *D = dyn_cast_or_null<DIDerivedType>(T)) {
    unsigned Tag = D->getTag();
    if (Tag == dwarf::DW_TAG_typedef || Tag == dwarf::DW_TAG_const_type ||
        Tag == dwarf::DW_TAG_volatile_type ||
        Tag == dwarf::DW_TAG_restrict_type || Tag == dwarf::DW_TAG_atomic_type)
      T = D->getBaseType();
    else
      break;
  }
  return T;
}

const DICompositeType *DITypeIndex::pointee(const DIType *T) {
  auto *P = dyn_cast_or_null<DIDerivedType>(strip(T));
  if (!P)
    return nullptr;
  unsigned Tag = P->getTag();
  if (Tag != dwarf::DW_TAG_pointer_type && Tag != dwarf::DW_TAG_reference_type &&
      Tag != dwarf::DW_TAG_rvalue_reference_type)
    return nullptr;
  return dyn_cast_or_null<DICompositeType>(strip(P->getBaseType()));
}

static uint64_t memberBits(const DIDerivedType *M) {
  if (M->getSizeInBits())
    return M->getSizeInBits();
  if (const DIType *B = DITypeIndex::strip(M->getBaseType()))
    return B->getSizeInBits();
  return 0;
}

std::optional<DIMemberHit>
DITypeIndex::memberAt(const DICompositeType *CT, uint64_t OffsetBytes) const {
  if (!CT)
    return std::nullopt;
  if (CT->isForwardDecl()) { // find the definition by name
    auto It = ByName.find(stripTemplateArgs(nameOf(CT)));
    if (It == ByName.end())
      return std::nullopt;
    CT = It->second.front();
  }
  uint64_t Bit = OffsetBytes * 8;
  // Data members first: an empty base class shares offset 0 with the first
  // member (empty-base optimization); then base-class subobjects.
  const DIDerivedType *Hit = nullptr, *Next = nullptr, *Base = nullptr;
  for (const DINode *N : CT->getElements()) {
    auto *M = dyn_cast_or_null<DIDerivedType>(N);
    if (!M || M->isStaticMember())
      continue;
    uint64_t Start = M->getOffsetInBits(), Size = memberBits(M);
    bool Covers = (Start <= Bit && Bit < Start + Size) || (Size == 0 && Start == Bit);
    if (M->getTag() == dwarf::DW_TAG_inheritance) {
      if (Covers && !Base)
        Base = M;
      continue;
    }
    if (M->getTag() != dwarf::DW_TAG_member)
      continue;
    if (Covers) {
      Hit = M;
      break;
    }
    // A bit-field storage unit may start before its first named bit-field.
    if (!Next && Start > Bit && Start < Bit + 8)
      Next = M;
  }
  if (!Hit)
    Hit = Base ? Base : Next;
  if (!Hit)
    return std::nullopt;
  DIMemberHit R;
  R.Member = Hit;
  if (Hit->getTag() == dwarf::DW_TAG_inheritance)
    R.Name = unqualified(
                 nameOf(dyn_cast_or_null<DICompositeType>(strip(Hit->getBaseType()))))
                 .str();
  else
    R.Name = Hit->getName().str();
  R.OffsetBytes = Hit->getOffsetInBits() / 8;
  R.SizeBytes = (memberBits(Hit) + 7) / 8;
  return R;
}

std::optional<DIMemberHit>
DITypeIndex::structField(StructType *ST, unsigned Idx,
                         const DICompositeType **CTOut) const {
  const DICompositeType *CT = forStruct(ST);
  if (CTOut)
    *CTOut = CT;
  if (!CT || !ST->isSized() || Idx >= ST->getNumElements())
    return std::nullopt;
  uint64_t Off = DL.getStructLayout(ST)->getElementOffset(Idx);
  return memberAt(CT, Off);
}

std::string diTypeName(const DIType *T) {
  if (!T)
    return "void";
  if (auto *B = dyn_cast<DIBasicType>(T))
    return B->getName().str();
  if (auto *C = dyn_cast<DICompositeType>(T)) {
    if (C->getTag() == dwarf::DW_TAG_array_type) {
      std::string S = diTypeName(C->getBaseType());
      for (const DINode *N : C->getElements())
        if (auto *SR = dyn_cast_or_null<DISubrange>(N)) {
          auto Count = SR->getCount();
          if (auto *CI = dyn_cast_if_present<ConstantInt *>(Count))
            S += "[" + std::to_string(CI->getSExtValue()) + "]";
          else
            S += "[]";
        }
      return S;
    }
    if (!C->getName().empty())
      return C->getName().str();
    StringRef Id = C->getIdentifier();
    if (Id.starts_with("_ZTS")) {
      std::string D = demangled(Id);
      StringRef R(D);
      if (R.consume_front("typeinfo name for "))
        return R.str();
    }
    return "<anonymous>";
  }
  if (auto *D = dyn_cast<DIDerivedType>(T)) {
    switch (D->getTag()) {
    case dwarf::DW_TAG_typedef:
      return D->getName().str();
    case dwarf::DW_TAG_pointer_type:
      return diTypeName(D->getBaseType()) + "*";
    case dwarf::DW_TAG_reference_type:
      return diTypeName(D->getBaseType()) + "&";
    case dwarf::DW_TAG_rvalue_reference_type:
      return diTypeName(D->getBaseType()) + "&&";
    case dwarf::DW_TAG_const_type:
      return "const " + diTypeName(D->getBaseType());
    case dwarf::DW_TAG_volatile_type:
      return "volatile " + diTypeName(D->getBaseType());
    default:
      return diTypeName(D->getBaseType());
    }
  }
  if (isa<DISubroutineType>(T))
    return "function";
  return T->getName().str();
}

std::string joinPath(const DIFile *F) {
  if (!F)
    return "";
  SmallString<256> P(F->getFilename());
  if (!sys::path::is_absolute(P) && !F->getDirectory().empty()) {
    P = F->getDirectory();
    sys::path::append(P, F->getFilename());
  }
  sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return std::string(P);
}

bool isInMainFile(const Function &F) {
  const DISubprogram *SP = F.getSubprogram();
  if (!SP || !SP->getUnit())
    return false;
  const DIFile *CF = SP->getUnit()->getFile(), *SF = SP->getFile();
  if (CF == SF)
    return true;
  return joinPath(CF) == joinPath(SF);
}

bool isInNFSource(const Function &F) {
  if (isInMainFile(F))
    return true;
  const DISubprogram *SP = F.getSubprogram();
  if (!SP || !SP->getUnit() || !SP->getFile())
    return false;
  // The element's own header next to its .cc (mini_nat.hh beside mini_nat.cc).
  std::string Main = joinPath(SP->getUnit()->getFile());
  std::string File = joinPath(SP->getFile());
  return sys::path::parent_path(Main) == sys::path::parent_path(File);
}

bool isOwnFunction(const Function &F, const ApiCatalog &Cat) {
  if (F.isDeclaration() || F.isIntrinsic())
    return false;
  if (Cat.matchFunction(F))
    return false;
  if (F.getSubprogram())
    return isInNFSource(F);
  return !F.hasLinkOnceLinkage() && !F.hasWeakLinkage() &&
         !F.hasAvailableExternallyLinkage();
}

bool isPlainC(const Function &F) { return !F.getName().starts_with("_Z"); }

std::string functionFile(const Function &F) {
  if (const DISubprogram *SP = F.getSubprogram())
    if (SP->getFile())
      return SP->getFile()->getFilename().str();
  return "";
}

const DIType *declaredType(const Value *V) {
  Value *NV = const_cast<Value *>(V);
  for (DbgVariableRecord *DVR : findDVRDeclares(NV))
    if (DVR->getVariable())
      return DVR->getVariable()->getType();
  for (DbgDeclareInst *DDI : findDbgDeclares(NV))
    if (DDI->getVariable())
      return DDI->getVariable()->getType();
  return nullptr;
}

std::string blockName(const BasicBlock &BB) {
  if (BB.hasName())
    return BB.getName().str();
  unsigned Idx = 0;
  for (const BasicBlock &B : *BB.getParent()) {
    if (&B == &BB)
      break;
    ++Idx;
  }
  return "bb." + std::to_string(Idx);
}

} // namespace clara
