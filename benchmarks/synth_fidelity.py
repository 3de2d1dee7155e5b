"""Fidelity of ``clara synth`` (the paper's Table 1) and compile success per compiler.

Data: the corpus ``examples/nfs/*.cc`` is shuffled with ``random.Random(SPLIT_SEED)`` and cut
in half: the first half (guide) is measured with libclang and guides generation; the second
half (held-out) is the reference the distances are measured against; the guided programs
are also compared with the guide half itself (the in-sample figure). ``COUNT`` programs are
generated guided (seeds 0..COUNT-1) and ``COUNT`` unguided (uniform choices, same seeds), in
the same run. Every program and every corpus file is compiled with the analysis flags
(``clang++-19 -std=gnu++17 -O0 -g -Xclang -disable-O0-optnone -fno-discard-value-names``,
``-I clara/include``), ``clara-prepare,clara-features`` inline the NF's own helpers, and the
histogram is the LLVM opcodes of the packet-entry functions' instructions (from the plugin's
compacted tokens: ``icmp.eq i32 var const`` counts as ``icmp``), pooled over each set.
Distances and their smoothing are defined in ``clara.synth.fidelity``. A second table gives
the same distances over whole compacted tokens (the compute model's vocabulary), for which
the paper has no figure.

Compile success: each synthesized program with clang++-19 (the analysis compile) and with
the three target compilers (``-O2 -c``, flags below). A failure is logged with its seed.
Run: ``.venv/bin/python benchmarks/synth_fidelity.py [--count N] [--jobs J]``.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from _common import REPO, format_table, write_result

from clara.synth.ast_stats import measure_corpus
from clara.synth.fidelity import METRICS, compile_packet_path, distances, histogram
from clara.synth.generator import GENERATOR_VERSION, generate_program

SPLIT_SEED = 2021
INCLUDE = str(REPO / "clara" / "include")
PAPER = {  # Table 1 of the paper: Clara's synthesizer and the unguided baseline
    "clara": {"jensen_shannon": 0.0303, "renyi": 0.1202, "bhattacharyya": 0.0354,
              "cosine": 0.0267, "euclidean": 0.0611, "variational": 0.3070},
    "baseline": {"jensen_shannon": 0.1010, "renyi": 0.4061, "bhattacharyya": 0.1263,
                 "cosine": 0.1164, "euclidean": 0.1383, "variational": 0.6713},
}
TARGET_COMPILERS = {
    "aarch64-linux-gnu-g++-12": ["-O2", "-mcpu=cortex-a72"],
    "mips64-linux-gnuabi64-g++-12": ["-O2", "-march=octeon3", "-mno-abicalls", "-fno-pic"],
    "arm-linux-gnueabi-g++-12": ["-O2", "-marm", "-march=armv7-a", "-mfloat-abi=soft",
                                 "-mbig-endian", "-fno-pic"],
}


def split_corpus() -> tuple[list[Path], list[Path]]:
    files = sorted((REPO / "examples" / "nfs").glob("*.cc"))
    shuffled = files[:]
    random.Random(SPLIT_SEED).shuffle(shuffled)
    half = len(shuffled) // 2
    return sorted(shuffled[:half]), sorted(shuffled[half:])


def target_compiles(source: Path) -> dict[str, bool]:
    results = {}
    for compiler, flags in TARGET_COMPILERS.items():
        proc = subprocess.run([compiler, "-std=gnu++17", *flags, "-I", INCLUDE, "-c", "-o",
                               os.devnull, str(source)], capture_output=True, check=False)
        results[compiler] = proc.returncode == 0
    return results


def rounded(values: dict[str, float]) -> dict[str, float]:
    return {k: round(v, 4) for k, v in values.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()

    guide, held_out = split_corpus()
    stats = measure_corpus(guide)
    with tempfile.TemporaryDirectory(prefix="synth-fidelity-") as tmp, \
            ThreadPoolExecutor(args.jobs) as pool:
        sources: dict[str, list[tuple[int, Path]]] = {"guided": [], "unguided": []}
        for mode in sources:
            for seed in range(args.count):
                program = generate_program(seed, stats, guided=mode == "guided")
                path = Path(tmp) / f"{program.name}.cc"
                path.write_text(program.source)
                sources[mode].append((seed, path))
        reference = list(pool.map(compile_packet_path, held_out))
        in_sample = list(pool.map(compile_packet_path, guide))
        compiled = {m: list(pool.map(compile_packet_path, [p for _, p in s]))
                    for m, s in sources.items()}
        targets = {m: list(pool.map(target_compiles, [p for _, p in s]))
                   for m, s in sources.items()}

    for result in reference + in_sample:
        if not result.ok:
            sys.exit(f"corpus file failed to compile: {result.source}\n{result.stderr}")
    failures: list[dict[str, object]] = []
    rates: dict[str, dict[str, float]] = {}
    for mode, results in compiled.items():
        rates[mode] = {"clang++-19": sum(r.ok for r in results) / len(results)}
        for compiler in TARGET_COMPILERS:
            rates[mode][compiler] = sum(t[compiler] for t in targets[mode]) / len(results)
        for (seed, _), result, target in zip(sources[mode], results, targets[mode], strict=True):
            failed = [c for c, ok in target.items() if not ok] + ([] if result.ok
                                                                  else ["clang++-19"])
            if failed:
                failures.append({"mode": mode, "seed": seed, "compilers": failed})
                print(f"compile failure: {mode} seed {seed}: {', '.join(failed)}",
                      file=sys.stderr)

    ref_ops = histogram(r.tokens for r in reference)
    ref_tokens = histogram((r.tokens for r in reference), by_opcode=False)
    table: dict[str, dict[str, float]] = {}
    token_table: dict[str, dict[str, float]] = {}
    for mode, results in compiled.items():
        ok = [r.tokens for r in results if r.ok]
        table[mode] = rounded(distances(ref_ops, histogram(ok)))
        token_table[mode] = rounded(distances(ref_tokens, histogram(ok, by_opcode=False)))
    in_sample_ops = histogram(r.tokens for r in in_sample)
    table["guide half (real vs real)"] = rounded(distances(ref_ops, in_sample_ops))
    # the in-sample figure: guided programs against the half that guided them
    table["guided vs guide half"] = rounded(distances(
        in_sample_ops, histogram(r.tokens for r in compiled["guided"] if r.ok)))

    header = ["metric", "guided", "unguided", "paper Clara", "paper baseline",
              "guide half vs held-out", "guided vs guide half"]
    rows = [[m, f"{table['guided'][m]:.4f}", f"{table['unguided'][m]:.4f}",
             f"{PAPER['clara'][m]:.4f}", f"{PAPER['baseline'][m]:.4f}",
             f"{table['guide half (real vs real)'][m]:.4f}",
             f"{table['guided vs guide half'][m]:.4f}"] for m in METRICS]
    print("LLVM opcode distribution, packet path, held-out corpus vs synthesized:")
    print(format_table(header, rows))
    print("\nsame, over compacted tokens (no paper figure):")
    print(format_table(["metric", "guided", "unguided"],
                       [[m, f"{token_table['guided'][m]:.4f}",
                         f"{token_table['unguided'][m]:.4f}"] for m in METRICS]))
    print("\ncompile success rate:")
    compilers = ["clang++-19", *TARGET_COMPILERS]
    print(format_table(["compiler", "guided", "unguided"],
                       [[c, f"{rates['guided'][c]:.3f}", f"{rates['unguided'][c]:.3f}"]
                        for c in compilers]))
    met = all(table["guided"][m] <= PAPER["clara"][m] for m in METRICS)
    better = all(table["guided"][m] < table["unguided"][m] for m in METRICS)
    print(f"\nguided at or below the paper's figures on every metric: {met}; "
          f"guided better than unguided on every metric: {better}")
    path = write_result("synth_fidelity", {
        "data": {"corpus": "examples/nfs/*.cc", "split_seed": SPLIT_SEED,
                 "guide": [p.name for p in guide], "held_out": [p.name for p in held_out],
                 "programs_per_mode": args.count, "seeds": f"0..{args.count - 1}",
                 "generator_version": GENERATOR_VERSION},
        "histogram": "LLVM opcodes of packet-entry functions after clara-prepare inlining, "
                     "-O0 analysis IR, pooled per set",
        "distances": table, "token_distances": token_table, "paper": PAPER,
        "target_met": met, "guided_better_than_unguided": better,
        "compile_success": rates, "compile_failures": failures,
        "instructions": {"held_out": sum(ref_ops.values()),
                         **{m: sum(histogram(r.tokens for r in res if r.ok).values())
                            for m, res in compiled.items()}},
    })
    print(f"written: {path}")


if __name__ == "__main__":
    main()
