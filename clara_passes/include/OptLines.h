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
//    An inlined copy of a helper runs the -O2 code of its own call path: the
//    counts are kept per (line, call path) — the call sites, innermost first,
//    through which the line's frame was inlined — and each IR copy that
//    clara-prepare inlined gets the -O2 instance whose call path is the
//    longest prefix of its own that -O2 inlined too (an out-of-line helper:
//    the empty path, which every call of it runs in full). So a helper that
//    -O2 keeps out of line charges each inlined IR copy the whole helper, as
//    the dataset labels do, not 1/k of it; an out-of-line -O2 copy that no
//    IR copy maps to (every call inlined) is not charged.
//
// License: Apache-2.0
//==============================================================================
#ifndef CLARA_OPT_LINES_H
#define CLARA_OPT_LINES_H

#include "ApiCatalog.h"

#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Module.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>

namespace clara {

/// Counts of -O2 instructions (fractions once shared among blocks).
/// Api/ApiMemory: the part of Instructions/Memory that a real build, which
/// inlines the framework's API code where it can, folds into that code: the
/// calls to catalog APIs it inlines (header-defined ones and the runtime's
/// HashMap/HashTable/Vector) and what only computes their arguments.
struct OptCount {
  double Instructions = 0, Memory = 0, Calls = 0, Api = 0, ApiMemory = 0;
  void add(const OptCount &O, double Weight) {
    Instructions += Weight * O.Instructions;
    Memory += Weight * O.Memory;
    Calls += Weight * O.Calls;
    Api += Weight * O.Api;
    ApiMemory += Weight * O.ApiMemory;
  }
};

using SourceLine = std::pair<std::string, unsigned>; // (file path, line)

/// A line's code at one call path: (file path, line, call path). The call
/// path is callPath() of the line's frame.
using OptKey = std::tuple<std::string, unsigned, std::string>;

/// What -O2 keeps: counts per OptKey, and every -O2 instruction's full call
/// path (from its innermost frame), which says which call sites -O2 inlined.
struct OptLines {
  std::map<OptKey, OptCount> Counts;
  std::set<std::string> Paths;
};

/// Named metadata holding the counts: !{!"file", i64 line, !"call path",
/// i64 instructions, i64 memory, i64 calls, i64 api, i64 api memory} per key.
inline constexpr const char *OptLinesMD = "clara.opt.lines";
/// Named metadata holding OptLines::Paths: one !{!"call path"} each.
inline constexpr const char *OptPathsMD = "clara.opt.paths";

/// The call sites through which Frame's code was inlined, innermost first,
/// as "line:col:callee" (the call's location and the name of the function
/// inlined there) joined by ';' ("" for code in its own function).
std::string callPath(const llvm::DILocation *Frame);

/// The files (joinPath) of the module's own functions (isOwnFunction).
std::set<std::string> ownFiles(const llvm::Module &M, const ApiCatalog &Cat);

/// What LLVM -O2 keeps of each line of Files, on a clone of M.
OptLines optimizedLines(const llvm::Module &M, const ApiCatalog &Cat,
                        const std::set<std::string> &Files);

void writeOptLines(llvm::Module &M, const OptLines &Opt);

/// The counts clara-prepare stored, or nullopt if M was not prepared.
std::optional<OptLines> readOptLines(const llvm::Module &M);

/// The -O2 count each OptKey of the IR stands for (IRInstructions: the IR
/// instructions of each key; a block gets its instructions' share). Each IR
/// key maps to the -O2 key of its line whose call path is the longest prefix
/// of its own that -O2 inlined, and gets that key's full count. An -O2 key
/// that no IR key maps to is dropped when its path is a prefix of some IR
/// key's path on the line (an out-of-line copy no IR code runs), otherwise
/// shared over the line's IR keys by their instructions.
std::map<OptKey, OptCount>
optPerIRKey(const OptLines &Opt, const std::map<OptKey, int64_t> &IRInstructions);

} // namespace clara

#endif
