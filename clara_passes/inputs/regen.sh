#!/bin/sh
# FILE: clara_passes/inputs/regen.sh
# DESCRIPTION: regenerates test/Inputs/*.ll from the sources in this folder
#   (clang-19 -O0 -g, no optnone, value names kept), then trims noise that the
#   tests do not need: attribute groups, "Function Attrs" comments, llvm.ident,
#   file checksums. The results are small enough to read; edit by hand after.
# USAGE: sh clara_passes/inputs/regen.sh [SOURCE...]   (default: all of them)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../test/Inputs"
mkdir -p "$out"
cd "$here"
[ $# -gt 0 ] || set -- counter.cc filter.c handlers.cc vptr.cc accel_dataflow.c cksum_args.cc
for src in "$@"; do
  base=${src%.*}
  clang-19 -O0 -g -Xclang -disable-O0-optnone -fno-discard-value-names \
    -S -emit-llvm "$src" -o "$out/$base.ll.tmp"
  sed -e '/^; Function Attrs:/d' \
      -e 's/^attributes \(#[0-9]*\) = .*/attributes \1 = { noinline nounwind }/' \
      -e '/^!llvm.ident/d' -e '/^![0-9]* = !{!"Debian clang/d' \
      -e 's/, checksumkind: CSK_MD5, checksum: "[0-9a-f]*"//' \
      -e 's/producer: "[^"]*"/producer: "clang-19"/' \
      -e 's/ dso_local//' \
      -e "s|directory: \"$here\"|directory: \"clara_passes/inputs\"|" \
      "$out/$base.ll.tmp" > "$out/$base.ll"
  rm -f "$out/$base.ll.tmp"
  {
    echo "; FILE: clara_passes/test/Inputs/$base.ll (generated from clara_passes/inputs/$src by regen.sh)"
    echo "; Shared input of the clara_passes lit tests; not a test itself."
    cat "$out/$base.ll"
  } > "$out/$base.ll.tmp" && mv "$out/$base.ll.tmp" "$out/$base.ll"
done
