"""The ``clara profile`` command: profile an NF over a trace or a workload spec.

Writes ``profile.json`` (``clara.profile/1``, see docs/profiling.md and
:mod:`clara.workload.profile`) and prints a short summary: packets, the hottest blocks, state
accesses per packet. A trace that breaks part-way is profiled up to the break; the profile says
so (``complete: false``), the error names the packet index and byte offset, and the exit status
is 1. An NF that crashes is reported with the packet index it crashed on (exit 1, no profile).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from clara.workload.profile import profile_nf

HOTTEST = 5


def _short(demangled: str) -> str:
    return demangled.split("(")[0].removeprefix("Click::")


def summary_lines(doc: dict[str, Any], demangled: dict[str, str]) -> list[str]:
    """A few lines for a person: packets, hottest blocks, state per packet."""
    packets = doc["packets"]
    processed = packets["processed"]
    lines = [
        f"{doc['nf']['source']} ({doc['nf']['element']}): {processed} packets processed of "
        f"{packets['in']} ({packets['non_ip']} non-IP), {doc['flows']['seen']} flows",
        "  outputs    " + ", ".join(f"{k}: {v}" for k, v in doc["outputs"].items())
        + f"; dropped {doc['dropped']}",
        f"  per packet {doc['per_packet']['blocks']:.2f} blocks, "
        f"{doc['per_packet']['ir_instructions']:.1f} IR instructions, "
        f"{doc['per_packet']['state_loads']:.2f} state loads, "
        f"{doc['per_packet']['state_stores']:.2f} state stores, "
        f"{doc['per_packet']['api_calls']:.2f} API calls",
    ]
    hot = sorted(doc["blocks"], key=lambda b: (-b["count"], b["function"], b["index"]))
    hot = [b for b in hot if b["count"]][:HOTTEST]
    if hot:
        lines.append("  hottest blocks")
        for b in hot:
            name = _short(demangled.get(b["function"], b["function"]))
            per = b["count"] / processed if processed else 0.0
            lines.append(f"    {b['count']:>10}  {per:6.2f}/pkt  {name} {b['block']} "
                         f"(#{b['index']})")
    touched = [s for s in doc["state"] if s["loads"] or s["stores"]]
    if touched:
        lines.append("  state accesses per packet (loads / stores)")
        for s in sorted(touched, key=lambda s: -(s["loads"] + s["stores"])):
            lines.append(f"    {s['object']}::{s['field']:<24} {s['loads_per_packet']:6.2f} / "
                         f"{s['stores_per_packet']:.2f}")
    return lines


def cmd_profile(args: argparse.Namespace) -> int:
    result = profile_nf(
        args.source, trace=args.trace, workload=args.workload, config=args.config,
        port=args.port, element=args.element, require_ip=True if args.require_ip else None,
        include_dirs=args.include, work_dir=args.save_temps,
    )
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.part")
    tmp.write_text(json.dumps(result.document, indent=1, sort_keys=False) + "\n")
    tmp.replace(out)
    names = {f["function"]: f["demangled"] for f in result.document["functions"]}
    for line in summary_lines(result.document, names):
        print(line)
    print(f"wrote {out}" + ("" if result.complete else " (INCOMPLETE: the trace broke)"))
    if result.error is not None:
        print(f"clara: error: {result.error}", file=sys.stderr)
        print(f"clara: error: profiled the {result.document['packets']['in']} packets before "
              "the break; nothing past it was run", file=sys.stderr)
        return 1
    return 0


def register(
    sub: argparse._SubParsersAction, groups: dict[str, argparse._SubParsersAction]
) -> None:
    """Add ``clara profile``."""
    parser = sub.add_parser(
        "profile", help="count block executions and state accesses of an NF over a trace",
        description="Build the NF with clara-instrument counters, run it on the host runtime "
        "over a pcap/pcapng trace or a workload spec's packets, and write profile.json: block "
        "execution counts, state accesses per variable and per block, API event histograms, "
        "packets, flows. Defaults for --config/--port come from a configs.toml beside the "
        "source (the examples have one).",
    )
    parser.add_argument("source", metavar="NF", help="the NF source (Click element .cc or C)")
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--trace", metavar="PCAP", help="a .pcap or .pcapng trace")
    what.add_argument("--workload", metavar="SPEC",
                      help="a workload spec or preset (docs/workload.md), generated seeded")
    parser.add_argument("--config", metavar="ARGS",
                        help="the element's configuration string (default: configs.toml)")
    parser.add_argument("--port", type=int, metavar="N", help="input port to push into")
    parser.add_argument("--element", metavar="NAME",
                        help="element class (C++) or entry function (C), if not inferred")
    parser.add_argument("--require-ip", action="store_true",
                        help="non-IPv4 packets bypass the element (counted, not run)")
    parser.add_argument("-o", "--output", default="profile.json", metavar="FILE",
                        help="where to write the profile (default: profile.json)")
    parser.add_argument("-I", dest="include", action="append", default=[], metavar="DIR",
                        help="add DIR to the include search path (as for clang)")
    parser.add_argument("--save-temps", metavar="DIR",
                        help="keep the IR, layout, trace copy and binary in DIR")
    parser.set_defaults(func=cmd_profile)
