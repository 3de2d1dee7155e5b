//==============================================================================
// FILE:
//    OptLines.h
//
// DESCRIPTION:
//    What LLVM's own -O2 keeps of each NF source line: whether a block's values
//    are used later or are constants decides whether an optimizing compiler
//    keeps its code, and the -O0 block does not show it. clara-prepare copies
//    the module (into a context of its own, so that -O2's remarks stay out of
//    the user's) before it inlines anything, keeps catalog API functions out
//    of line (their code is not the NF's, as in the dataset labels), lets -O2
//    inline everything else by its own heuristics, runs the standard -O2
//    pipeline on the clone (without loop unrolling and vectorization, which
//    multiply static counts: with them the accelerator corpus kept 1.46x the
//    gcc -O2 aarch64 instructions, without 1.13x) and counts the surviving instructions per line of an
//    NF file (the innermost frame of an instruction's inline chain whose file
//    is one of the NF's own functions' files: framework-header frames are
//    walked out to the NF call site). The counts travel with the prepared
//    module as !clara.opt.lines; clara-features gives each block its share
//    (ClaraFeatures.cpp, the block record's "opt" object).
//
// License: Apache-2.0
//==============================================================================
#ifndef CLARA_OPT_LINES_H
#define CLARA_OPT_LINES_H

#include "ApiCatalog.h"

#include "llvm/IR/Module.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>

namespace clara {

/// Counts of -O2 instructions (fractions once shared among blocks).
struct OptCount {
  double Instructions = 0, Memory = 0, Calls = 0;
  void add(const OptCount &O, double Weight) {
    Instructions += Weight * O.Instructions;
    Memory += Weight * O.Memory;
    Calls += Weight * O.Calls;
  }
};

using SourceLine = std::pair<std::string, unsigned>; // (file path, line)
using OptLineCounts = std::map<SourceLine, OptCount>;

/// Named metadata holding the counts: !{!"path", i64 line, i64 instructions,
/// i64 memory, i64 calls} per line.
inline constexpr const char *OptLinesMD = "clara.opt.lines";

/// The files (joinPath) of the module's own functions (isOwnFunction).
std::set<std::string> ownFiles(const llvm::Module &M, const ApiCatalog &Cat);

/// Instructions per line of Files after LLVM -O2 on a clone of M.
OptLineCounts optimizedLineCounts(const llvm::Module &M, const ApiCatalog &Cat,
                                  const std::set<std::string> &Files);

void writeOptLines(llvm::Module &M, const OptLineCounts &Counts);

/// The counts clara-prepare stored, or nullopt if M was not prepared.
std::optional<OptLineCounts> readOptLines(const llvm::Module &M);

} // namespace clara

#endif
