"""The ``clara workload generate`` and ``clara workload inspect`` commands.

This module owns how workloads and traces are presented to a person: the presets list in the
help, the generation summary and progress bar, and the inspection report (text or JSON). A trace
that breaks part-way is reported with the stats of the packets before the break, then the error
(exit status 1); nothing past the break is counted.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Iterable, Iterator

from clara.errors import ClaraError
from clara.workload.spec import PRESETS, WorkloadSpec, iter_packets, parse_spec
from clara.workload.trace import LINK_TYPES, Trace, TracePacket, read_trace, write_pcap

_PROGRESS_FROM = 100_000  # packets; smaller generations finish before a bar is worth drawing


def _with_progress(packets: Iterator[TracePacket], spec: WorkloadSpec) -> Iterable[TracePacket]:
    if spec.packets < _PROGRESS_FROM:
        return packets
    from tqdm import tqdm

    # disable=None: drawn only when stderr is a terminal
    return tqdm(packets, total=spec.packets, unit="pkt", unit_scale=True, disable=None)


def cmd_generate(args: argparse.Namespace) -> int:
    spec = parse_spec(args.spec)
    if args.output.endswith(".pcapng"):
        raise ClaraError(f"{args.output}: Clara writes pcap; name the output FILE.pcap")
    start = time.perf_counter()
    count = write_pcap(
        args.output, _with_progress(iter_packets(spec), spec), nanosecond=not args.usec
    )
    seconds = time.perf_counter() - start
    print(f"wrote {count} packets of {spec.flows} flows to {args.output} in {seconds:.2f} s "
          f"({count / seconds:,.0f} packets/s)")
    print(f"spec: {spec.text()}")
    return 0


def stats_lines(trace: Trace) -> list[str]:
    """The inspection report for a person."""
    s = trace.stats
    links = ", ".join(f"{LINK_TYPES.get(t, '?')} ({t})" for t in s.link_types) or "-"
    protocols = ", ".join(f"{name} {n}" for name, n in s.protocols.items()) or "-"
    rate = (s.packets - 1) / s.duration_s / 1e6 if s.duration_s > 0 else 0.0
    scope = " (before the break)" if trace.error else ""
    return [
        f"{trace.path}: {trace.format}, link type {links}",
        f"  packets    {s.packets}{scope}",
        f"  network    IPv4 {s.ipv4}, IPv6 {s.ipv6}, non-IP {s.non_ip}",
        f"  cut short  {s.cut_short} (captured fewer bytes than the packet had)",
        f"  protocols  {protocols}",
        f"  flows      {s.flows} (distinct 5-tuples)",
        f"  sizes      min {s.min_size}, mean {s.mean_size:.1f}, max {s.max_size} B on the wire",
        f"  time       {s.duration_s:.6f} s ({rate:.3f} Mpps)",
    ]


def stats_json(trace: Trace) -> dict[str, object]:
    """The inspection report for a program; ``error`` is null or where the file broke."""
    s = trace.stats
    error = trace.error
    return {
        "path": str(trace.path),
        "format": trace.format,
        "link_types": list(s.link_types),
        "packets": s.packets,
        "ipv4": s.ipv4,
        "ipv6": s.ipv6,
        "non_ip": s.non_ip,
        "cut_short": s.cut_short,
        "protocols": s.protocols,
        "flows": s.flows,
        "sizes": {"min": s.min_size, "mean": s.mean_size, "max": s.max_size},
        "duration_s": s.duration_s,
        "error": None if error is None else {
            "packet_index": error.packet_index,
            "byte_offset": error.byte_offset,
            "reason": error.reason,
        },
    }


def cmd_inspect(args: argparse.Namespace) -> int:
    trace = read_trace(args.trace)
    if args.format == "json":
        print(json.dumps(stats_json(trace), indent=2))
    else:
        print("\n".join(stats_lines(trace)))
    if trace.error:
        raise trace.error
    return 0


def _presets_help() -> str:
    lines = ["presets (a preset may be followed by overrides: small-flows,seed=7):"]
    lines += [f"  {name:14} {text}\n  {'':14} = {spec}" for name, (spec, text) in PRESETS.items()]
    return "\n".join(lines)


def register(
    sub: argparse._SubParsersAction, groups: dict[str, argparse._SubParsersAction]
) -> None:
    """Add the ``clara workload`` group (created here, not in ``groups``) and its commands."""
    workload = sub.add_parser(
        "workload", help="synthetic traces from workload specs; inspect pcap/pcapng traces",
        description="synthetic traces from workload specs; inspect pcap/pcapng traces",
    )
    what = workload.add_subparsers(dest="workload_command", metavar="WHAT", required=True)
    gen = what.add_parser(
        "generate", help="write the packets of a workload spec to a pcap file",
        description="Write the packets of a workload spec (see docs/workload.md) to a pcap "
        "file. Same spec, same bytes.",
        epilog=_presets_help(), formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    gen.add_argument(
        "spec", help="e.g. packets=100000,flows=1000,size=64..1500,proto=tcp:0.8/udp:0.2,"
        "dist=zipf:1.1,syn=0.05,seed=1 or a preset name",
    )
    gen.add_argument("-o", "--output", required=True, metavar="FILE.pcap")
    gen.add_argument(
        "--usec", action="store_true",
        help="microsecond timestamps, for old tools (default: nanosecond pcap)",
    )
    gen.set_defaults(func=cmd_generate)
    inspect = what.add_parser(
        "inspect", help="count a trace's packets, protocols, flows and sizes",
        description="Count a pcap/pcapng trace's packets (IPv4, IPv6, non-IP), protocols, "
        "flows and sizes. A truncated or corrupt file is reported with the packet index and "
        "byte offset where it broke; nothing past it is counted.",
    )
    inspect.add_argument("trace", metavar="FILE", help="a .pcap or .pcapng file")
    inspect.add_argument("--format", choices=("text", "json"), default="text")
    inspect.set_defaults(func=cmd_inspect)
