"""Access coalescing: numpy K-means, the cost model, the packed layout and the combined memory
model (packing and placement pricing the same state alike), on hand-made and real inputs."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from clara.analyze import analyze_module
from clara.insights import coalescing as co
from clara.insights import memory
from clara.insights import placement as pl
from clara.insights.state_inputs import BlockUse, Variable, declaration_lines
from clara.targets.profile import MemoryLevel, load_target
from clara.toolchain.compile import CompileOptions
from clara.workload.profile import profile_nf

WEIGHTS = co.Weights(10, 20)
WIDTH = 8


def var(name: str, size: int, offset: int, ctype: str = "uint32_t",
        obj: str = "E") -> Variable:
    return Variable(name, ctype, size, offset, container=False, object=obj)


def use(block: str, rate: float, reads: set[str], writes: set[str]) -> BlockUse:
    return BlockUse(block, rate, frozenset(reads), frozenset(writes))


# Declaration order puts a and b (read and written together by the hot block) 16 bytes
# apart, with c1 (the other block's) between them; c2 is never used per packet.
VARIABLES = [var("E::a", 4, 0), var("E::c1", 8, 8, "uint64_t"), var("E::b", 4, 16),
             var("E::c2", 8, 24, "uint64_t")]
USES = [use("push/1", 1.0, {"E::a", "E::b"}, {"E::a", "E::b"}),
        use("push/2", 0.5, {"E::c1"}, {"E::c1"})]
VECTORS = {"E::a": {"push/1": 1.0}, "E::b": {"push/1": 1.0}, "E::c1": {"push/2": 1.0},
           "E::c2": {}}


def test_kmeans_groups_variables_with_similar_vectors() -> None:
    points = np.array([[1.0, 0, 0], [0.9, 0.1, 0], [0, 1.0, 0], [0.1, 0.9, 0], [0, 0, 1.0]])
    labels = co.kmeans(points, 3).tolist()
    assert labels[0] == labels[1] and labels[2] == labels[3]
    assert len({labels[0], labels[2], labels[4]}) == 3
    assert co.kmeans(points, 3).tolist() == labels  # seeded: deterministic


def test_cost_model_counts_distinct_windows_per_block() -> None:
    # declared: the hot block touches windows 0 (a) and 2 (b): 2 reads + 2 writes per
    # packet; push/2 runs every other packet: 0.5 read + 0.5 write. Latency 2.5 x 10 + 2.5 x 20.
    used = co.usages(USES)
    declared = co.declared_cost(VARIABLES, used, WIDTH, WEIGHTS)
    assert (declared.reads, declared.writes) == (2.5, 2.5)
    assert declared.latency == pytest.approx(75.0)
    # one access per variable per block: a, b, c1 read and written
    separate = co.separate_cost(VARIABLES, used, WEIGHTS)
    assert (separate.reads, separate.writes) == (2.5, 2.5)


def test_packed_layout_reduces_accesses_as_computed_by_hand() -> None:
    result = co.suggest_packing(VARIABLES, VECTORS, USES, WIDTH, WEIGHTS, "E")
    # a and b share one 8-byte window: 1 read + 1 write, plus push/2's 0.5 + 0.5
    assert (result.after.reads, result.after.writes) == (1.5, 1.5)
    assert result.after.latency == pytest.approx(45.0)
    first = result.packs[0]
    assert set(first.names) == {"E::a", "E::b"} and first.windows == 1
    assert result.packs[-1].names == ("E::c2",)  # the cold variable last
    assert result.packs[-1].cost.accesses == 0
    assert co.expert_packing(VARIABLES, USES, WIDTH, WEIGHTS, "E").after.accesses == 3.0
    optimum = co.optimal_packing(VARIABLES, USES, WIDTH, WEIGHTS, "E")
    assert optimum is not None and optimum.after.accesses == pytest.approx(3.0)


# Configuration read by three blocks (n in a loop, 4 runs per packet), two counters updated
# in two blocks, and an allocator head read in one block and written in another.
PER_PACKET_VARS = [var("F::x", 1, 0, "uint8_t", "F"), var("F::y", 2, 2, "uint16_t", "F"),
                   var("F::n", 4, 4, obj="F"), var("F::p", 8, 8, "uint64_t", "F"),
                   var("F::q", 8, 16, "uint64_t", "F"), var("F::head", 4, 24, "int", "F")]
PER_PACKET_USES = [use("b1", 1.0, {"F::x"}, set()), use("b2", 1.0, {"F::y"}, set()),
                   use("b3", 4.0, {"F::n"}, set()), use("b4", 0.7, {"F::p"}, {"F::p"}),
                   use("b5", 0.6, {"F::q"}, {"F::q"}), use("b6", 1.0, {"F::head"}, set()),
                   use("b7", 0.5, set(), {"F::head"})]
PER_PACKET_VECTORS = {"F::x": {"b1": 1.0}, "F::y": {"b2": 1.0}, "F::n": {"b3": 1.0},
                      "F::p": {"b4": 1.0}, "F::q": {"b5": 1.0},
                      "F::head": {"b6": 2 / 3, "b7": 1 / 3}}


def test_read_only_and_counters_are_read_once_per_packet() -> None:
    args = (PER_PACKET_VARS, PER_PACKET_VECTORS, PER_PACKET_USES, 64, WEIGHTS, "F")
    # as written: x 1 + y 1 + n 4 + p 0.7 + q 0.6 + head 1 = 8.3 reads; p, q, head: 1.8 writes
    clara = co.suggest_packing(*args)
    assert (clara.separate.reads, clara.separate.writes) == pytest.approx((8.3, 1.8))
    # every block touches one variable: K-means alone (per-block accesses) gains nothing
    assert co.suggest_packing(*args, search=False, per_packet=False).after.accesses == (
        pytest.approx(10.1))
    # x, y, n, p, q in one window read once per packet (min(1, 7.3)) and written once
    # (min(1, 1.3)); head, read by b6 but written by b7, is never deferred: its own pack
    # with 1 read + 0.5 write. 2 + 1.5 = 3.5 accesses, 2 x 10 + 1.5 x 20 = 50 cycles.
    assert (clara.after.reads, clara.after.writes) == pytest.approx((2.0, 1.5))
    assert clara.after.latency == pytest.approx(50.0)
    packs = {frozenset(p.names): p for p in clara.packs}
    together = packs[frozenset({"F::x", "F::y", "F::n", "F::p", "F::q"})]
    assert together.per_packet and together.variables[0].name in {"F::p", "F::q"}
    assert not packs[frozenset({"F::head"})].per_packet
    optimum = co.optimal_packing(PER_PACKET_VARS, PER_PACKET_USES, 64, WEIGHTS, "F")
    assert optimum is not None and optimum.after.accesses == pytest.approx(3.5)


def test_large_variables_and_containers_are_not_packed() -> None:
    table = Variable("E::table", "uint32_t[64]", 256, 32, container=False, object="E")
    flows = Variable("E::flows", "HashMap<int, int>", 48, 288, container=True, object="E")
    uses = [use("push/1", 1.0, {"E::a", "E::table", "E::flows"}, set())]
    result = co.suggest_packing([*VARIABLES, table, flows],
                                {**VECTORS, "E::table": {"push/1": 1.0}}, uses, WIDTH, WEIGHTS,
                                "E")
    assert result.unpacked == (table, flows)
    assert (result.after.reads, result.after.writes) == (1.0, 0.0)  # a alone


def test_declared_layout_lays_objects_one_after_another() -> None:
    static = var("E::f()::k", 4, 0, obj="E::f()")
    placed = dict((v.name, o) for v, o in co.declared_offsets([*VARIABLES, static], WIDTH))
    assert placed["E::a"] == 0 and placed["E::c2"] == 24
    assert placed["E::f()::k"] == 32  # after E's 32 bytes, not over E::a at offset 0


def test_packed_struct_is_c_code() -> None:
    text = co.render_packed_struct(co.suggest_packing(VARIABLES, VECTORS, USES, WIDTH, WEIGHTS,
                                                      "Click::E"))
    assert "struct click__e_pack1 {" in text or "struct click_e_pack1 {" in text
    assert "uint32_t a;" in text and "uint32_t b;" in text and "uint64_t c2;" in text
    assert "__attribute__((aligned(8)))" in text
    arrays = co.render_packed_struct(co.suggest_packing(
        [Variable("E::rotor", "uint32_t[2]", 8, 0, container=False, object="E")],
        {"E::rotor": {"push/1": 1.0}}, USES[:1], WIDTH, WEIGHTS, "E"))
    assert "uint32_t rotor[2];" in arrays


def test_records_are_well_formed() -> None:
    result = co.suggest_packing(VARIABLES, VECTORS, USES, WIDTH, WEIGHTS, "E")
    records = co.insight_records(result, {"E::a": ("e.hh", 7), "E::b": ("e.hh", 9)})
    json.dumps(records)
    assert all(r["kind"] == "coalescing" for r in records)
    assert records[0]["location"]["line"] in (7, 9)  # at the pack's first variable
    assert records[0]["data"]["struct"].startswith("/* clara: packed")  # type: ignore[index]
    assert "from 5.00 (one per variable) to 3.00 per packet" in str(records[0]["message"])


def test_declaration_lines_found_in_the_header(tmp_path: Path) -> None:
    source = tmp_path / "e.cc"
    source.write_text('#include "e.hh"\n')
    (tmp_path / "e.hh").write_text("class E {\n  uint32_t _a;\n  Vector<int> _v[2];\n};\n")
    found = declaration_lines(source, ["E::_a", "E::_v", "E::_missing"])
    assert found == {"E::_a": (str(tmp_path / "e.hh"), 2), "E::_v": (str(tmp_path / "e.hh"), 3)}


FAST = MemoryLevel("FAST", 100, 1, 2, None, None, "core", "software", {})
SLOW = MemoryLevel("SLOW", 10_000, 10, 20, None, None, "global", "software", {})


def test_combined_model_places_packs_and_prices_them_alike() -> None:
    # a and b (read and written by one block per packet) form one 8-byte pack: 1 read and
    # 1 write. The 200-byte table (10 reads per packet, accesses uniform) can spread. In FAST
    # the pack costs 1 + 2 = 3 (SLOW: 30), so it goes there and the table gets the 92 bytes
    # left: 10 x (0.46 x 1 + 0.54 x 10) = 58.6. The pack in SLOW and half the table in FAST
    # would cost 30 + 55 = 85.
    variables = (var("E::a", 4, 0), var("E::b", 4, 4),
                 Variable("E::table", "Vector<int>", 16, 8, container=True, object="E"))
    state = memory.NFState("e.cc", "e", variables, {"E::a": {"p/1": 1.0}, "E::b": {"p/1": 1.0}},
                           (use("p/1", 1.0, {"E::a", "E::b"}, {"E::a", "E::b"}),),
                           (pl.StateObject("E::table", 200, 10.0, 0.0, nf="e.cc",
                                           splittable=True),))
    plan = memory.plan_memory([state], (FAST, SLOW), WIDTH)
    assert plan.placement.objective == pytest.approx(3 + 58.6)
    pack = next(a for a in plan.placement.assignments if a.obj.members)
    assert set(pack.obj.members) == {"E::a", "E::b"} and pack.label == "FAST"
    (packing,) = plan.packings
    assert [p.level for p in packing.packs] == ["FAST"]
    assert packing.after.latency == pytest.approx(pack.cycles) == pytest.approx(3.0)
    assert packing.separate.latency == pytest.approx(6.0)  # a and b each 1 + 2 in FAST
    assert packing.unpacked == (variables[2],)


def test_mini_nat_on_bluefield2_one_price_for_the_packed_state(tmp_path: Path) -> None:
    source = Path(__file__).resolve().parent.parent / "examples" / "nfs" / "mini_nat.cc"
    features = analyze_module(source, CompileOptions(), tmp_path, "mini_nat").features
    profile = profile_nf(source, workload="small-flows,packets=2000,flows=500,proto=tcp:1",
                         work_dir=tmp_path / "profile").document
    module = memory.ProfiledModule(source, features, profile)
    records, rendered, result = memory.memory_insights([module], load_target("bluefield2"))
    assert result is not None
    placed = {m for a in result.assignments for m in a.obj.members or (a.obj.name,)}
    assert {"MiniNAT::_translated", "MiniNAT::ext_map"} <= placed
    coalescing = [r for r in records if r["kind"] == "coalescing"]
    after = coalescing[0]["data"]["after"]["latency"]
    packed = {v for r in coalescing for v in r["data"]["variables"]}
    pack_cycles = sum(a.cycles for a in result.assignments
                      if set(a.obj.members or (a.obj.name,)) <= packed)
    # the packing's latency is the placement's cycles of the same packs (one cost model)
    assert after == pytest.approx(pack_cycles)
    for record in coalescing:  # each pack lives in one level, named in its record
        assert record["data"]["level"] in {a.label for a in result.assignments}
    placements = [r for r in records if r["kind"] == "placement"]
    assert {r["data"]["object"] for r in placements} == {v.name for v in memory.nf_state(
        profile, features, str(source), "mini_nat").variables}
    assert "predicted memory latency" in rendered["placement_table"]
    assert rendered["packed_structs"] and "struct mini_nat_pack1 {" in rendered["packed_structs"][0]
