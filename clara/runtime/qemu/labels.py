"""Per-block labels of an element's real build: the dataset builder's attribution applied to
the element's code in a QEMU ground-truth binary (``cross_build``).

The dataset builder (``clara.dataset.builder``) labels IR blocks with the target instructions
of a compile in which the framework API stays out of line (the compute model's training
labels). Here the same attribution (``clara.targets.asm_reader.attribute_function`` to source
lines, ``clara.dataset.builder.charge`` from lines to IR blocks) is applied to the build that
QEMU runs, where the compiler inlined the framework's headers as it chose; the instructions that
run for a framework API call (those whose inline chain has a catalog API frame,
``clara.targets.asm_reader.called_api``) are left out, since Clara prices them with the API
cost table. Frequency x these labels is the element's own code per packet as the real build
has it: with the API costs, a prediction that depends on neither the compute model nor the
out-of-line convention of its labels (``benchmarks/per_packet_accuracy.py``).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from clara.dataset.builder import BlockKey, LineCounts, TargetCounts, charge
from clara.ir.features import ModuleFeatures
from clara.runtime.build import HOST_DIR, INCLUDE_DIR
from clara.runtime.qemu.run import _locations, _run, _symbols, inline_chains
from clara.targets.asm_reader import (
    AsmInstruction,
    ObjectReading,
    RawInstruction,
    asm_instructions,
    attribute_function,
    parse_disassembly,
)
from clara.targets.profile import load_target


def element_functions(binary: Path, source: Path) -> dict[str, tuple[int, int]]:
    """The binary's functions whose own (outermost) location is in ``source``'s directory:
    mangled name -> (address, size)."""
    profile = load_target(json.loads(binary.with_suffix(".json").read_text())["target"])
    symbols = _symbols(binary, profile)
    homes = _locations(binary, profile, [a for a, _, _ in symbols], inlines=True)
    here = source.resolve().parent
    return {name: (address, size)
            for (address, size, name), chain in zip(symbols, homes, strict=True)
            if chain and chain[-1] and Path(chain[-1]).resolve().parent == here}


def read_element(binary: str | Path, source: str | Path) -> ObjectReading:
    """The element's instructions in ``binary``, attributed to lines of ``source`` (the asm
    reader's rules), without those that run for a framework API call."""
    exe, src = Path(binary).resolve(), Path(source).resolve()
    profile = load_target(json.loads(exe.with_suffix(".json").read_text())["target"])
    functions = element_functions(exe, src)
    lo = min(a for a, _ in functions.values())
    hi = max(a + n for a, n in functions.values())
    raw = parse_disassembly(_run([profile.compiler.tool("objdump"), "-d", "-w",
                                  "--no-show-raw-insn", f"--start-address={lo:#x}",
                                  f"--stop-address={hi:#x}", str(exe)]))
    grouped: dict[str, list[RawInstruction]] = {
        name: [i for i in raw if a <= i.address < a + n] for name, (a, n) in functions.items()}
    chains = inline_chains(exe, [i.address for group in grouped.values() for i in group])
    main = os.path.realpath(src)

    def is_main(path: str) -> bool:
        return os.path.realpath(path) == main

    records: list[AsmInstruction] = []
    for name, group in grouped.items():
        attributed = attribute_function(group, chains, is_main, profile.compiler.opcodes)
        records += [i for i in asm_instructions(name, group, attributed, profile.compiler,
                                                src, chains, (INCLUDE_DIR, HOST_DIR))
                    if i.api is None]
    return ObjectReading(exe, src, tuple(records), frozenset(functions))


def real_build_labels(binary: str | Path, source: str | Path, features: ModuleFeatures,
                      line_counts: LineCounts) -> dict[BlockKey, TargetCounts]:
    """Target instructions per IR block of the element's real build (module docstring);
    ``line_counts``: ``clara.dataset.builder.plugin_line_counts`` of the same analysis."""
    return charge(read_element(binary, source), features, line_counts).blocks
