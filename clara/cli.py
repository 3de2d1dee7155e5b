"""The ``clara`` command: argument parsing and dispatch to each stage's command functions.

Each stage module registers its sub-commands with a ``register(...)`` function, so this file
only wires groups together. Groups with sub-commands of their own (``train``, ``eval``,
``advise``, ``import``, ``targets``) are created here and handed to the registering modules.
"""

from __future__ import annotations

import argparse
import re
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

# Modules that expose ``register(sub, groups)``, and the top-level commands (or groups) each
# adds to. Only the modules of the command being run are imported: some pull in numpy or the
# dataset builder, which would slow every `clara analyze` down.
REGISTRARS: dict[str, tuple[str, ...]] = {
    "clara.analyze": ("analyze",),
    "clara.targets.commands": ("targets",),
    "clara.measured_cli": ("import", "train", "eval", "advise"),
    "clara.synth.commands": ("synth",),
    "clara.dataset.commands": ("dataset",),
    "clara.workload.commands": ("workload",),
    "clara.runtime.commands": ("dataset",),
    "clara.accel.commands": ("train", "eval"),
    "clara.workload.profile_cli": ("profile",),
    "clara.models.compute_cli": ("train", "eval"),
}

# The order `clara --help` lists the commands in: the main job first, then what it builds on,
# then the data and model commands.
HELP_ORDER = ("analyze", "profile", "workload", "targets", "advise", "synth", "dataset", "train",
              "eval", "import")

Registrar = Callable[[argparse._SubParsersAction, dict[str, argparse._SubParsersAction]], None]


def command_word(argv: Sequence[str]) -> str | None:
    """The top-level command of a command line (its first word that is not an option)."""
    return next((arg for arg in argv if not arg.startswith("-")), None)


def _registrars(command: str | None) -> list[Registrar]:
    """The ``register`` functions for ``command``; all of them for an unknown or no command."""
    import importlib

    known = {c for commands in REGISTRARS.values() for c in commands}
    names = [name for name, commands in REGISTRARS.items()
             if command not in known or command in commands]
    return [importlib.import_module(name).register for name in names]


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser; with ``command``, only that command's sub-commands are registered."""
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
    for register in _registrars(command):
        register(sub, groups)
    rank = {name: i for i, name in enumerate(HELP_ORDER)}
    # argparse lists sub-commands in the order they were added and has no public way to change
    # it; the groups must exist before the stages register into them.
    sub._choices_actions.sort(key=lambda action: rank.get(action.dest, len(rank)))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(command_word(argv))
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except ClaraError as err:
        message = str(err)
        # A diagnostic that already has its compiler-style "FILE:LINE:COL: error:" prefix
        # (a .click syntax error) is printed as it is.
        prefixed = re.match(r"[^\s:][^:\n]*:\d+:\d+: error: ", message)
        print(message if prefixed else f"clara: error: {message}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        print("clara: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
