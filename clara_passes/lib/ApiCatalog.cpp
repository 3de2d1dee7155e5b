//==============================================================================
// FILE:
//    ApiCatalog.cpp
//
// DESCRIPTION:
//    Loads and matches the framework API catalog (see ApiCatalog.h). The
//    embedded copy comes from the generated ApiCatalogData.inc.
//
// USAGE:
//    opt-19 -load-pass-plugin libClaraPasses.so [-clara-api-catalog=FILE] -passes=clara-prepare ...
//
// License: Apache-2.0
//==============================================================================
#include "ApiCatalog.h"

#include "llvm/Demangle/Demangle.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"

#include "ApiCatalogData.inc"

using namespace llvm;

namespace clara {

static cl::opt<std::string> ApiCatalogFile(
    "clara-api-catalog",
    cl::desc("Framework API catalog (clara.api-catalog/1 JSON) to use instead "
             "of the one embedded in libClaraPasses.so"),
    cl::value_desc("file"), cl::init(""));

const Function *calledFunction(const CallBase &CB) {
  return dyn_cast<Function>(
      CB.getCalledOperand()->stripPointerCastsAndAliases());
}

std::string demangled(StringRef Symbol) { return llvm::demangle(Symbol); }

std::string normalizedName(StringRef Symbol) {
  std::string D = demangled(Symbol);
  StringRef R(D);
  if (R.consume_front("Click::"))
    return R.str();
  return D;
}

Expected<std::unique_ptr<ApiCatalog>> ApiCatalog::parse(StringRef JSON,
                                                       StringRef Origin) {
  auto Fail = [&](const Twine &Msg) {
    return createStringError(inconvertibleErrorCode(),
                             "API catalog '" + Origin + "': " + Msg);
  };
  Expected<json::Value> V = json::parse(JSON);
  if (!V)
    return Fail("invalid JSON: " + toString(V.takeError()));
  const json::Object *Root = V->getAsObject();
  if (!Root)
    return Fail("top level is not a JSON object");
  if (auto Schema = Root->getString("schema"))
    if (*Schema != "clara.api-catalog/1")
      return Fail("unsupported schema '" + *Schema + "'");
  const json::Array *Apis = Root->getArray("apis");
  if (!Apis)
    return Fail("missing 'apis' array");

  auto Cat = std::make_unique<ApiCatalog>();
  Cat->Origin = Origin.str();
  for (const json::Value &E : *Apis) {
    const json::Object *O = E.getAsObject();
    if (!O)
      return Fail("an 'apis' element is not an object");
    auto Name = O->getString("name");
    auto Pattern = O->getString("pattern");
    if (!Name || !Pattern)
      return Fail("an entry lacks 'name' or 'pattern'");
    ApiEntry Entry;
    Entry.Name = Name->str();
    Entry.Category = O->getString("category").value_or("").str();
    Entry.Pattern = Pattern->str();
    Entry.Re = std::make_unique<Regex>("^(" + Entry.Pattern + ")",
                                       Regex::NoFlags);
    std::string Err;
    if (!Entry.Re->isValid(Err))
      return Fail("bad pattern for '" + Entry.Name + "': " + Err);
    Cat->Entries.push_back(std::move(Entry));
  }
  return std::move(Cat);
}

const ApiCatalog &ApiCatalog::get() {
  static std::unique_ptr<ApiCatalog> Instance = [] {
    Expected<std::unique_ptr<ApiCatalog>> C =
        parse(CLARA_EMBEDDED_API_CATALOG, "<embedded>");
    if (!ApiCatalogFile.empty()) {
      auto Buf = MemoryBuffer::getFile(ApiCatalogFile);
      if (!Buf)
        report_fatal_error(Twine("clara: cannot read API catalog '") +
                               ApiCatalogFile + "': " +
                               Buf.getError().message(),
                           /*gen_crash_diag=*/false);
      consumeError(C.takeError());
      C = parse((*Buf)->getBuffer(), ApiCatalogFile);
    }
    if (!C)
      report_fatal_error(Twine("clara: ") + toString(C.takeError()),
                         /*gen_crash_diag=*/false);
    return std::move(*C);
  }();
  return *Instance;
}

const ApiEntry *ApiCatalog::match(StringRef NormalizedName) const {
  for (const ApiEntry &E : Entries)
    if (E.Re->match(NormalizedName))
      return &E;
  return nullptr;
}

const ApiEntry *ApiCatalog::matchSymbol(StringRef Symbol) const {
  auto It = Cache.find(Symbol);
  if (It != Cache.end())
    return It->second;
  const ApiEntry *E = match(normalizedName(Symbol));
  Cache[Symbol] = E;
  return E;
}

const ApiEntry *ApiCatalog::matchFunction(const Function &F) const {
  if (F.isIntrinsic())
    return nullptr;
  return matchSymbol(F.getName());
}

} // namespace clara
