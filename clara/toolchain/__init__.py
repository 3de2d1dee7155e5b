"""Toolchain stage: find LLVM 19 and the Clara plugin, compile sources to IR, run plugin passes."""
