"""``clara dataset api-costs``: the per-target cost table of the reverse-ported framework API.

Compiles ``clara/runtime/nic/clara_nic.c`` with the target's compiler and writes the
``clara.api-costs/2`` table (see :mod:`clara.runtime.api_costs` and docs/runtime.md).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from clara.targets.commands import add_target_arguments
from clara.targets.profile import resolve_target


def _api_costs(args: argparse.Namespace) -> int:
    from clara.runtime.api_costs import build_table, write_table

    profile = resolve_target(args.target, args.target_file, args.compiler)
    table = build_table(profile)
    if args.output:
        write_table(table, Path(args.output))
        print(f"wrote {args.output}: {len(table['apis'])} APIs for {profile.name}",
              file=sys.stderr)
    else:
        print(json.dumps(table, indent=1))
    return 0


def register(sub: argparse._SubParsersAction,
             groups: dict[str, argparse._SubParsersAction]) -> None:
    p = groups["dataset"].add_parser(
        "api-costs", help="cost table of the reverse-ported framework API for a target",
        description="Compile the SmartNIC-style C versions of the Click API "
                    "(clara/runtime/nic/clara_nic.c) with the target's compiler and derive, per "
                    "API, instructions and memory accesses per call as fixed + per-unit x "
                    "unit (probes, bytes, entries moved...), from the compiled object.")
    add_target_arguments(p)
    p.add_argument("-o", "--output", metavar="FILE",
                   help="write the JSON table here (default: standard output)")
    p.set_defaults(func=_api_costs)
