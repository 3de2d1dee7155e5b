"""The ``clara`` command: argument parsing and dispatch to each stage's command functions.

Each stage module registers its sub-commands with a ``register(...)`` function, so this file
only wires groups together. Groups with sub-commands of their own (``train``, ``eval``,
``advise``, ``import``, ``targets``) are created here and handed to the registering modules.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from clara import __version__
from clara.errors import ClaraError

GROUPS = {
    "train": "retrain a shipped model from data (needs the [train] extra)",
    "eval": "evaluate a shipped model on data it never saw",
    "advise": "porting advice from a features file, without compiling anything",
    "import": "import measurements from other tools' formats",
    "targets": "list and show SmartNIC target profiles",
    "dataset": "build ground-truth datasets (IR block -> NIC instructions) with target compilers",
}

# Modules that expose ``register(sub, groups)``; each adds its own sub-commands.
REGISTRARS: tuple[str, ...] = ("clara.analyze", "clara.targets.commands", "clara.measured_cli",
                               "clara.synth.commands", "clara.dataset.commands",
                               "clara.workload.commands", "clara.runtime.commands",
                               "clara.accel.commands", "clara.workload.profile_cli",
                               "clara.models.compute_cli")

Registrar = Callable[[argparse._SubParsersAction, dict[str, argparse._SubParsersAction]], None]


def _registrars() -> list[Registrar]:
    """Every stage's ``register`` function, imported lazily so start-up stays fast."""
    import importlib

    return [importlib.import_module(name).register for name in REGISTRARS]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="clara",
        description="SmartNIC offloading insights for network functions (Click elements, C).",
    )
    parser.add_argument("--version", action="version", version=f"clara {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    groups: dict[str, argparse._SubParsersAction] = {}
    for name, help_text in GROUPS.items():
        group_parser = sub.add_parser(name, help=help_text, description=help_text)
        groups[name] = group_parser.add_subparsers(
            dest=f"{name}_command", metavar="WHAT", required=True
        )
    for register in _registrars():
        register(sub, groups)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except ClaraError as err:
        print(f"clara: error: {err}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        print("clara: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
