"""Terminal text: a readable per-function table of blocks, then state and warnings."""

from __future__ import annotations

from typing import Any

from clara.ir.features import KINDS

SHORT = {"compute": "comp", "mem.stack": "stack", "mem.state": "state",
         "mem.packet": "pkt", "api": "api", "control": "ctrl"}


def _lines_span(lines: list[int]) -> str:
    if not lines:
        return "-"
    return str(lines[0]) if lines[0] == lines[-1] else f"{lines[0]}-{lines[-1]}"


def _table(rows: list[list[str]], right: set[int]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    out = []
    for row in rows:
        cells = [c.rjust(w) if i in right else c.ljust(w)
                 for i, (c, w) in enumerate(zip(row, widths, strict=True))]
        out.append("  " + "  ".join(cells).rstrip())
    return out


def _block_row(block: dict[str, Any], profiled: bool) -> list[str]:
    counts = block["counts"]
    calls = ", ".join(dict.fromkeys(c["name"] for c in block["api_calls"]))
    frequency = [f"{block.get('per_packet', 0.0):.2f}"] if profiled else []
    return [block["block"][:28], _lines_span(block["lines"]), str(block["loop_depth"]),
            *frequency, *[str(counts[k]) for k in KINDS], calls]


def _function_section(function: dict[str, Any]) -> list[str]:
    loc = function["location"]
    entry = "  [packet entry]" if function["is_packet_entry"] else ""
    header = f"{loc['file']}:{loc['line']}: {function['demangled']}{entry}"
    profiled = "per_packet" in function
    frequency = ["x/pkt"] if profiled else []
    rows = [["block", "lines", "loop", *frequency, *[SHORT[k] for k in KINDS], "framework API"]]
    rows += [_block_row(b, profiled) for b in function["blocks"]]
    totals = function["counts"]
    rows.append(["total", "", "", *[""] * len(frequency), *[str(totals[k]) for k in KINDS], ""])
    if profiled:
        per_packet = function["per_packet"]
        rows.append(["per packet", "", "", "",
                     *[f"{per_packet[k]:.1f}" for k in KINDS], ""])
    numeric = set(range(2, 3 + len(frequency) + len(KINDS)))
    return [header, *_table(rows, numeric), ""]


def _scaleout_section(advice: list[dict[str, Any]], pairs: list[dict[str, Any]]) -> list[str]:
    lines = []
    for a in advice:
        lines.append(f"Scale-out of {a['program']} on {a['target']} [{a['model']}]:")
        rows = [["cores", "Mpps", "latency (cycles)"]]
        rows += [[str(c), f"{t / 1e6:.2f}", f"{lat:.0f}"] for c, t, lat in
                 zip(a["cores"], a["throughput_pps"], a["latency_cycles"], strict=True)]
        lines += _table(rows, {0, 1, 2})
        lines.append(f"  knee rule: {a['knee_cores']} cores; half-latency rule: "
                     f"{a['half_latency_cores']} cores")
        lines += [f"  note: {note}" for note in a["caveats"]]
        lines.append("")
    if pairs:
        lines.append(f"Colocation, friendliest pair first [{pairs[0]['model']}]:")
        lines += [f"  {p['rank']}. {p['first']} + {p['second']}: expect "
                  f"{p['expected_change_pct']:+.0f}% throughput" for p in pairs]
        lines += [f"  note: {pairs[0]['caveat']}"] if pairs[0]["caveat"] else []
        lines.append("")
    return lines


def _memory_section(memory: dict[str, Any]) -> list[str]:
    if not memory:
        return []
    lines = ["State placement (ILP over the target's memory levels):"]
    lines += [f"  {line}" for line in memory["placement_table"].splitlines()]
    for struct in memory["packed_structs"]:
        lines += ["", "Suggested packing (coalesced accesses):", *struct.splitlines()]
    return [*lines, ""]


def _per_packet_section(records: list[dict[str, Any]]) -> list[str]:
    lines = [r["message"] for r in records if r["kind"] in ("per-packet", "hot-block")]
    return ["Workload profile:", *(f"  {line}" for line in lines), ""] if lines else []


def _state_section(state: list[dict[str, Any]]) -> list[str]:
    if not state:
        return []
    rows = [["state variable", "scope", "type", "bytes", "loads", "stores"]]
    for s in state:
        name = f"{s['object']}::{s['field']}" if s["field"] else s["object"]
        rows.append([name, s["scope"], s["type"][:32], str(s["size"]),
                     str(s["accesses"]["loads"]), str(s["accesses"]["stores"])])
    return ["State that persists across packets (static access sites):",
            *_table(rows, {3, 4, 5}), ""]


def _warnings_section(records: list[dict[str, Any]]) -> list[str]:
    warnings = [r for r in records if r.get("severity") == "warning"]
    return [
        f"{r['location']['file']}:{r['location']['line']}: warning: {r['message']}"
        for r in warnings
    ]


def _other_functions(functions: list[dict[str, Any]]) -> list[str]:
    if not functions:
        return []
    lines = ["Not on the packet path (run at configuration or handler time):"]
    for function in functions:
        total = sum(function["counts"].values())
        lines.append(f"  {function['demangled']}: {function['n_blocks']} blocks, "
                     f"{total} IR instructions")
    return [*lines, ""]


def render_text(document: dict[str, Any]) -> str:
    """The report a developer reads in a terminal: the packet path in full, the rest listed."""
    target = document.get("target") or "none (IR-level counts only)"
    lines = [f"Clara {document['tool']['version']} analysis; target: {target}", ""]
    reported = {r["function"] for r in document["records"] if r["kind"] == "function-summary"}
    for function in document["functions"]:
        if function["function"] in reported:
            lines += _function_section(function)
    lines += _other_functions(
        [f for f in document["functions"] if f["function"] not in reported])
    lines += _per_packet_section(document["records"])
    lines += _memory_section(document.get("memory", {}))
    lines += _scaleout_section(document.get("scaleout", []), document.get("colocation", []))
    lines += _state_section(document["state"])
    lines += _warnings_section(document["records"])
    return "\n".join(lines).rstrip() + "\n"
