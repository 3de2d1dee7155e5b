"""Terminal text: a readable per-function table of blocks, then state and warnings; for Click
configurations, first the pipeline (element graph, costs, paths, hottest element and block)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from clara.ir.features import KINDS

SHORT = {"compute": "comp", "mem.stack": "stack", "mem.state": "state",
         "mem.packet": "pkt", "api": "api", "control": "ctrl"}

# Records shown as lines of the profile section, and as notes after the tables.
PROFILE_KINDS = ("per-packet", "per-packet-nic", "hot-block", "hot-block-nic")
NOTE_KINDS = ("accelerator", "model-missing")


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


def _nic_cells(predicted: dict[str, Any] | None) -> list[str]:
    """Predicted NIC compute instructions and memory accesses (state + stack + packet)."""
    if predicted is None:
        return ["-", "-"]
    return [f"{predicted['compute']:.1f}", f"{predicted['memory']:.1f}"]


def _block_row(block: dict[str, Any], profiled: bool, nic: bool) -> list[str]:
    counts = block["counts"]
    calls = ", ".join(dict.fromkeys(c["name"] for c in block["api_calls"]))
    frequency = [f"{block.get('per_packet', 0.0):.2f}"] if profiled else []
    predicted = _nic_cells(block.get("predictions")) if nic else []
    return [block["block"][:28], _lines_span(block["lines"]), str(block["loop_depth"]),
            *frequency, *[str(counts[k]) for k in KINDS], *predicted, calls]


def _function_section(function: dict[str, Any]) -> list[str]:
    loc = function["location"]
    entry = "  [packet entry]" if function["is_packet_entry"] else ""
    header = f"{loc['file']}:{loc['line']}: {function['demangled']}{entry}"
    profiled = "per_packet" in function
    nic = "predicted" in function
    frequency = ["x/pkt"] if profiled else []
    nic_head = ["NIC", "mem"] if nic else []
    rows = [["block", "lines", "loop", *frequency, *[SHORT[k] for k in KINDS], *nic_head,
             "framework API"]]
    rows += [_block_row(b, profiled, nic) for b in function["blocks"]]
    totals = function["counts"]
    rows.append(["total", "", "", *[""] * len(frequency), *[str(totals[k]) for k in KINDS],
                 *(_nic_cells(function["predicted"]) if nic else []), ""])
    if profiled:
        per_packet = function["per_packet"]
        rows.append(["per packet", "", "", "",
                     *[f"{per_packet[k]:.1f}" for k in KINDS], *[""] * len(nic_head), ""])
    numeric = set(range(2, 3 + len(frequency) + len(KINDS) + len(nic_head)))
    lines = [header, *_table(rows, numeric)]
    if nic:
        models = sorted({b["predictions"]["model"] for b in function["blocks"]
                         if b.get("predictions")})
        lines += [f"  NIC, mem: predicted target compute instructions and memory accesses "
                  f"({', '.join(models)});",
                  "  the other columns count LLVM IR instructions; framework API calls are "
                  "costed separately"]
    return [*lines, ""]


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


def _per_packet_section(records: list[dict[str, Any]], by_file: bool = False) -> list[str]:
    """The profile's records; ``by_file`` prefixes each with its file's name (pipelines)."""
    lines = [f"{Path(r['location']['file']).name}: {r['message']}" if by_file else r["message"]
             for r in records if r["kind"] in PROFILE_KINDS]
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


def _diagnostics(records: list[dict[str, Any]], label: str,
                 keep: Callable[[dict[str, Any]], bool]) -> list[str]:
    """Compiler-style ``file:line: label: message`` lines for the records ``keep`` selects:
    model findings without a table of their own (notes) and warnings."""
    return [f"{r['location']['file']}:{r['location']['line']}: {label}: {r['message']}"
            for r in records if keep(r)]


def _other_functions(functions: list[dict[str, Any]]) -> list[str]:
    if not functions:
        return []
    lines = ["Not on the packet path (run at configuration or handler time):"]
    for function in functions:
        total = sum(function["counts"].values())
        lines.append(f"  {function['demangled']}: {function['n_blocks']} blocks, "
                     f"{total} IR instructions")
    return [*lines, ""]


def _fmt(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:,.{digits}f}"


def _element_rows(section: dict[str, Any]) -> list[str]:
    measured = section["measured"]
    nic = section["unit"] == "nic_instructions"
    head = ["element", "class", "config", "line", "static IR", *(["static NIC"] if nic else [])]
    if measured:
        unit = "NIC" if nic else "IR"
        head += ["received", "share", f"{unit}/recv", f"{unit}/pkt"]
    rows = [head]
    for e in section["elements"]:
        config = " ".join(e["config"].split())
        row = [e["name"], e["class"], config if len(config) <= 24 else config[:21] + "...",
               str(e["location"]["line"])]
        if not e["source"]:
            row += [e["role"], *([""] if nic else [])]
        else:
            row += [_fmt(e["static"]["ir_instructions"], 0),
                    *([_fmt(e["static"].get("nic_instructions"), 0)] if nic else [])]
        if measured:
            m = e["measured"]
            key = section["unit"]
            reached = e["source"] and m["received"] > 0  # no cost per packet when none came
            row += [str(m["received"]), f"{m['share']:.0%}",
                    _fmt(m["per_received"].get(key)) if reached else ("-" if e["source"] else ""),
                    _fmt(m["weighted"].get(key)) if e["source"] else ""]
        rows.append(row)
    return _table(rows, set(range(3, len(head))))


UNITS = {"ir_instructions": "IR", "nic_instructions": "NIC"}


def _path_line(number: int, path: dict[str, Any], measured: bool) -> str:
    static = ", ".join(f"{v:,.0f} {UNITS[u]}" for u, v in path["static"].items())
    line = f"  {number}. {path['label']}: static {static}"
    if measured and path["packets_along"] == 0:
        line += "; no packet of the workload took all of it"
    elif measured:
        along = ", ".join(f"{v:,.1f} {UNITS[u]}" for u, v in path["along"].items())
        weighted = ", ".join(f"{v:,.1f} {UNITS[u]}" for u, v in path["weighted"].items())
        line += (f"; {along} per packet along it; {weighted} per pipeline packet (weighted); "
                 f"at most {path['packets_along']} packets took all of it")
    return line


def _hottest_lines(section: dict[str, Any]) -> list[str]:
    lines = []
    hot = section["hottest_element"]
    if hot:
        what = "per pipeline packet" if hot["measured"] else "static"
        lines.append(f"Hottest element: {hot['name']} ({hot['class']}), {hot['cost']:,.1f} "
                     f"{UNITS[hot['unit']]} instructions {what} ({hot['share']:.0%} of the "
                     "pipeline's)")
    block = section["hottest_block"]
    if block:
        loc = block["location"]
        what = (f"runs {block['per_packet']:.2f}x per pipeline packet, {block['work']:,.1f} "
                f"{UNITS[block['unit']]} instructions per pipeline packet" if block["measured"]
                else f"{block['work']:,.0f} {UNITS[block['unit']]} instructions (largest block, "
                     "static)")
        lines.append(f"Hottest block: {block['block']} in {block['demangled']} "
                     f"({loc['file']}:{loc['line']}): {what} ({block['share']:.0%} of the "
                     "pipeline's)")
    return lines


def _pipeline_section(section: dict[str, Any]) -> list[str]:
    """The element graph, element costs, connections, paths and the hottest element/block."""
    measured = section["measured"]
    header = (f"Pipeline {section['config']}: {len(section['elements'])} elements, "
              f"{len(section['connections'])} connections")
    if measured:
        run = section["run"]
        header += (f"; {run['packets']} packets of {run['workload'] or run['trace']['path']} "
                   f"enter at {run['entry']}")
    lines = [header, "Elements (static: each packet-path block once; /recv: per packet the "
             "element received; /pkt: per pipeline packet):" if measured else
             "Elements (static: each packet-path block once):", *_element_rows(section),
             "Connections:"]
    for c in section["connections"]:
        count = f"  {c['packets']} packets" if "packets" in c else ""
        lines.append(f"  {c['from']}[{c['from_port']}] -> [{c['to_port']}]{c['to']}{count}")
    lines.append(f"Paths ({len(section['paths'])}"
                 f"{', truncated' if section['paths_truncated'] else ''}):")
    lines += [_path_line(n, p, measured) for n, p in enumerate(section["paths"], start=1)]
    if measured:
        totals = ", ".join(f"{v:,.1f} {UNITS[u]}" for u, v in section["run"]["total"].items())
        lines.append(f"Pipeline per packet (every element once, weighted): {totals} "
                     "instructions")
    return [*lines, *_hottest_lines(section), ""]


def _functions_and_profile(functions: list[dict[str, Any]], records: list[dict[str, Any]],
                           by_file: bool = False) -> list[str]:
    reported = {r["function"] for r in records if r["kind"] == "function-summary"}
    lines: list[str] = []
    for function in functions:
        if function["function"] in reported:
            lines += _function_section(function)
    lines += _other_functions([f for f in functions if f["function"] not in reported])
    return lines + _per_packet_section(records, by_file=by_file)


def render_text(document: dict[str, Any]) -> str:
    """The report a developer reads in a terminal: the packet path in full, the rest listed;
    for Click configurations, each pipeline first, then its element classes."""
    target = document.get("target") or "none (IR-level counts only)"
    lines = [f"Clara {document['tool']['version']} analysis; target: {target}", ""]
    pipelines = document.get("pipelines", [])
    for section in pipelines:
        name = section["config"]
        lines += _pipeline_section(section)
        lines += _functions_and_profile(
            [f for f in document["functions"] if f.get("pipeline") == name],
            [r for r in document["records"] if r.get("pipeline") == name], by_file=True)
        lines += _memory_section(section.get("memory", {}))
    if not pipelines:
        lines += _functions_and_profile(document["functions"], document["records"])
        lines += _memory_section(document.get("memory", {}))
    lines += _scaleout_section(document.get("scaleout", []), document.get("colocation", []))
    lines += _state_section(document["state"])
    lines += _diagnostics(document["records"], "note", lambda r: r["kind"] in NOTE_KINDS)
    lines += _diagnostics(document["records"], "warning",
                          lambda r: r.get("severity") == "warning")
    return "\n".join(lines).rstrip() + "\n"
