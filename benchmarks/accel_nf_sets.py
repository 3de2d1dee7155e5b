"""The accelerator detector on NF code only: the example NFs and the NF-like sets.

Step 3 of ``accel_accuracy.py`` without the corpus cross-validation (minutes instead of half
an hour): ``detect_accelerators`` with one model (``--model-dir``, default the shipped
``models_onnx/``) on every example NF (``examples/nfs``, judged against
``accel_accuracy.GROUND_TRUTH``) and on each NF-like set of ``accel_accuracy.NF_SETS``
(judged against its truth file), at the model's threshold and per threshold of the sweep,
and with the semantic check's proofs (``clara analyze --prove-accelerators``).
Use it to compare a candidate model with the shipped one on the same code.

Writes ``benchmarks/results/accel_nf_sets.json`` and prints the tables.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from _common import REPO, write_result
from accel_accuracy import NF_SETS, example_nfs, nf_set_detection, print_nf_set, print_nfs


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model-dir", type=Path, default=REPO / "models_onnx",
                        help="directory with accel.onnx, its card and pattern list "
                             "(default: the shipped models_onnx/)")
    parser.add_argument("--sets", nargs="+", choices=[s.name for s in NF_SETS],
                        default=[s.name for s in NF_SETS], metavar="SET",
                        help="the NF-like sets to run (default: all)")
    args = parser.parse_args(argv)
    if not (args.model_dir / "accel.onnx").is_file():
        parser.error(f"--model-dir {args.model_dir}: no accel.onnx there; train one with "
                     "`clara train accel -o DIR` or point at models_onnx/")
    examples = example_nfs(args.model_dir)
    nfs, nfs_proofs = examples["example_nfs"], examples["example_nfs_with_proofs"]
    sets = {s.name: nf_set_detection(s, args.model_dir) for s in NF_SETS
            if s.name in args.sets}
    write_result("accel_nf_sets", {"model_dir": str(args.model_dir), "example_nfs": nfs,
                                   "example_nfs_with_proofs": nfs_proofs, **sets})
    print("example NFs (packet path)")
    print_nfs(nfs)
    print("\nexample NFs with the semantic check's proofs")
    print_nfs(nfs_proofs)
    for name, result in sets.items():
        print_nf_set(name, result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
