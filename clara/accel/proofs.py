"""What running a module's code proves: its functions (``clara.accel.semantic``) and its
loops (``clara.accel.loop_proofs``), for the code the packet path reaches.

``prove_module`` is the one entry point ``clara analyze --prove-accelerators`` and the
benchmarks use; ``clara.accel.detect`` applies its proofs to the regions they cover.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from clara.accel.loop_proofs import prove_loops
from clara.accel.semantic import (
    Proof,
    call_graph,
    check_function,
    function_bodies,
    hash_role_assignments,
    ir_text,
    mixing_functions,
    reachable,
    role_assignments,
    signatures,
)
from clara.toolchain.llvm import demangle


def prove_module(ir_path: Path, work: Path, functions: Sequence[str] | None = None,
                 seed: int = 1, roots: Sequence[str] | None = None,
                 loops: bool = True) -> list[Proof]:
    """Proofs for the functions of an IR module (``.ll`` or bitcode; the module as compiled,
    before ``clara-prepare`` inlines helpers) that have a simple signature (CRC, checksum) or
    mix their inputs and have a hash signature (hash), or for ``functions`` only, or for
    the functions ``roots`` (the packet path) reach through calls; with ``loops``, also for
    the outermost loops of those functions (``Proof.line`` set) and, called blind, for
    those of them that no simple signature proved, other than the roots
    (``clara.accel.loop_proofs``). A module that defines ``main`` is skipped (the drivers
    have their own)."""
    text = ir_text(ir_path)
    sigs = signatures(text)
    if any(s.name == "main" for s in sigs):
        return []
    bodies = function_bodies(text)
    calls = call_graph(bodies)
    mixing = mixing_functions(bodies, calls)
    scope = reachable(calls, roots) if roots is not None else set(bodies)
    searched = [s for s in sigs if (functions is None or s.name in functions)
                and s.name in scope]
    wanted = [s for s in searched
              if role_assignments(s) or (s.name in mixing and hash_role_assignments(s))]
    proofs = [proof for sig in wanted
              if (proof := check_function(text, sig, work, seed, sig.name in mixing))]
    if loops:
        # a packet function's own result (an XDP action, a port) is no algorithm's
        skip = {p.function for p in proofs} | set(roots or ())
        proofs += prove_loops(text, [s.name for s in searched], work / "loops", seed,
                              [s.name for s in searched if s.name not in skip])
    return [replace(p, demangled=d) for p, d in zip(proofs, demangle([p.function for p in proofs]),
                                                    strict=True)]
