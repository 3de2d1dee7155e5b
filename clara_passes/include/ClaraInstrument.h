//==============================================================================
// FILE:
//    ClaraInstrument.h
//
// DESCRIPTION:
//    clara-instrument (module pass): adds execution counters to the NF's own
//    functions, for the workload profile (clara profile, docs/profiling.md).
//    Run it right after clara-prepare, on the IR the feature records describe:
//    the pass computes those records itself (ClaraFeaturesPass into a buffer)
//    and takes every slot from them, so a block's slot names exactly the
//    (function, block, index) of its `block` record, and a state-access slot
//    the (object, field, is_store) of the record's `state_accesses` entry.
//    Block structure is not changed (counters are plain instructions added
//    inside blocks), so block names and indices stay those of the records.
//
//    Counters (internal i64 arrays, zero-initialised, non-atomic):
//      __clara_block_counts   one slot per (function, block index), the
//                             function order and block order of the records;
//                             incremented at the block's first insertion point
//      __clara_state_counts   one slot per (object, field, is_store), + 1 at
//                             each state access (load/store tagged mem.state,
//                             or a container API call on a state member)
//      __clara_access_counts  one slot per (function, block, object, field,
//                             is_store): the per-block access vectors
//    Tables:
//      __clara_profile_layout JSON string (clara.profile-layout/1) naming
//                             every slot of the three arrays, in slot order
//      __clara_profile        the external descriptor the host runtime reads
//                             (clara/runtime/host/profile_dump.cc):
//                             { i64 version = 1, i64 nblocks, i64 nstate,
//                               i64 naccess, ptr blocks, ptr state,
//                               ptr access, ptr layout }
//    Inserted instructions carry !clara.instrument. Run clara-features before
//    this pass, never after it (the counters would show in the records).
//    -clara-profile-layout-output=FILE also writes the layout JSON there.
//
// USAGE:
//    opt-19 -load-pass-plugin libClaraPasses.so -passes=clara-prepare,clara-features,clara-instrument -clara-features-output=features.jsonl -clara-profile-layout-output=layout.json nf.bc -o nf.instrumented.bc
//
// License: Apache-2.0
//==============================================================================
#ifndef CLARA_INSTRUMENT_H
#define CLARA_INSTRUMENT_H

#include "llvm/IR/PassManager.h"

namespace clara {

inline constexpr const char *InstrumentMD = "clara.instrument";

struct ClaraInstrumentPass : public llvm::PassInfoMixin<ClaraInstrumentPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &MAM);
  static bool isRequired() { return true; }
};

} // namespace clara

#endif
