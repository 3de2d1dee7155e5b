"""State placement: the ILP (real HiGHS) against hand-derived optima and the baselines."""

from __future__ import annotations

import json

import pytest

from clara.errors import ClaraError
from clara.insights import placement as pl
from clara.targets.profile import MemoryLevel


def level(name: str, capacity: int, read: float, write: float, *, scope: str = "global",
          managed_by: str = "software") -> MemoryLevel:
    return MemoryLevel(name, capacity, read, write, None, None, scope, managed_by, {})


FAST = level("FAST", 100, 1, 2, scope="core")
SLOW = level("SLOW", 10_000, 10, 20)
LEVELS = (FAST, SLOW)


def obj(name: str, size: int, reads: float, writes: float = 0.0, **kw: object) -> pl.StateObject:
    return pl.StateObject(name, size, reads, writes, **kw)  # type: ignore[arg-type]


# A: 60 B saves 45 cycles in FAST, B: 50 B saves 27, C: 40 B saves 18. FAST holds 100 B, so
# {A, C} (100 B, saves 63) beats {B, C} (90 B, 45) and {A} (45); {A, B} is 110 B. Optimum:
# A and C in FAST, B in SLOW: 5 + 2 + (10 + 20) = 37 cycles per packet.
HAND = [obj("A", 60, 5.0), obj("B", 50, 1.0, 1.0), obj("C", 40, 2.0)]


def test_hand_instance_optimum_matches_reasoning_and_exhaustive() -> None:
    ilp = pl.solve_placement(HAND, LEVELS)
    assert ilp.objective == pytest.approx(37.0)
    assert [ilp.level_of(n) for n in "ABC"] == ["FAST", "SLOW", "FAST"]
    assert pl.exhaustive_placement(HAND, LEVELS).objective == pytest.approx(37.0)
    assert pl.naive_placement(HAND, LEVELS).objective == pytest.approx(50 + 30 + 20)
    assert pl.greedy_placement(HAND, LEVELS).objective >= 37.0 - 1e-9


def test_reads_writes_atomics_costed_separately() -> None:
    atomic = MemoryLevel("ATOM", 1000, 10, 20, 30, 40, "global", "software", {})
    o = obj("x", 4, 1.0, 2.0, atomics_per_packet=3.0)
    assert pl.Option(atomic).cycles(o) == pytest.approx(1 * 10 + 2 * 20 + 3 * (30 + 40))


def test_splittable_object_spreads_over_two_levels() -> None:
    # 200 B table, 10 reads/packet, accesses uniform over its bytes: half of it fits in FAST.
    table = obj("table", 200, 10.0, splittable=True)
    ilp = pl.solve_placement([table], LEVELS)
    assert ilp.objective == pytest.approx(0.5 * 10 * 1 + 0.5 * 10 * 10)
    assert {s.option.level.name for s in ilp.assignments[0].shares} == {"FAST", "SLOW"}
    assert pl.exhaustive_placement([table], LEVELS).objective == pytest.approx(100.0)
    assert pl.solve_placement([table], LEVELS, allow_split=False).objective == pytest.approx(100)


def test_small_objects_served_by_a_hardware_cache() -> None:
    cache = level("L1", 64, 2, 2, scope="core", managed_by="hardware")
    dram = level("DRAM", 1 << 30, 100, 100)
    hot, warm = obj("hot", 40, 3.0), obj("warm", 40, 1.0)
    ilp = pl.solve_placement([hot, warm], (cache, dram))
    # only one 40-byte object fits the 64-byte cache: the hotter one
    assert ilp.level_of("hot") == "DRAM (in L1)"
    assert ilp.level_of("warm") == "DRAM"
    assert ilp.objective == pytest.approx(3 * 2 + 1 * 100)


def test_scope_rule_keeps_written_state_out_of_core_memory() -> None:
    counter = obj("counter", 8, 1.0, 1.0)
    assert pl.solve_placement([counter], LEVELS).level_of("counter") == "FAST"
    shared = pl.solve_placement([counter], LEVELS, writable_scope="global")
    assert shared.level_of("counter") == "SLOW"


def test_state_that_does_not_fit_gives_a_clear_message() -> None:
    with pytest.raises(ClaraError, match=r"huge \(20,000 B\) fits in no memory level"):
        pl.solve_placement([obj("huge", 20_000, 1.0)], LEVELS)
    with pytest.raises(ClaraError, match=r"2 objects need 12,000 B.*10,100 B"):
        pl.solve_placement([obj("a", 6000, 1.0), obj("b", 6000, 1.0)], LEVELS)
    with pytest.raises(ClaraError, match="does not fit"):
        pl.naive_placement([obj("a", 6000, 1.0), obj("b", 6000, 1.0)], LEVELS)


def test_several_nfs_share_capacity() -> None:
    nat = obj("nat::table", 60, 4.0, nf="nat")
    fw = obj("fw::rules", 60, 1.0, nf="fw")
    ilp = pl.solve_placement([nat, fw], LEVELS)
    # FAST holds one of the two: the NAT's, which saves more
    assert ilp.level_of("nat::table") == "FAST"
    assert ilp.level_of("fw::rules") == "SLOW"
    assert ilp.per_nf == pytest.approx({"nat": 4.0, "fw": 10.0})
    alone = pl.solve_placement([fw], LEVELS)
    assert alone.level_of("fw::rules") == "FAST"


def test_table_and_records_are_well_formed() -> None:
    result = pl.solve_placement(HAND, LEVELS)
    table = pl.render_placement_table(result)
    assert "object" in table.splitlines()[0] and "37.0 cycles per packet" in table
    records = pl.insight_records(result, {"A": ("nf.hh", 12)})
    assert len(records) == 3
    json.dumps(records)
    for r in records:
        assert r["kind"] == "placement" and r["severity"] == "note"
        assert set(r) == {"kind", "severity", "function", "block", "location", "message", "data"}
    first = next(r for r in records if r["data"]["object"] == "A")  # type: ignore[index]
    assert first["location"] == {"file": "nf.hh", "line": 12, "column": 0}
    assert first["data"]["placement"] == [{"level": "FAST", "cache": None, "fraction": 1.0}]


def test_a_pack_gets_one_record_per_variable_at_its_declaration() -> None:
    pack = obj("E::pack1", 8, 1.0, 1.0, members=("E::a", "E::b"))
    result = pl.solve_placement([pack], LEVELS)
    records = pl.insight_records(result, {"E::a": ("e.hh", 3), "E::b": ("e.hh", 4)})
    assert [r["data"]["object"] for r in records] == ["E::a", "E::b"]  # type: ignore[index]
    assert [r["location"]["line"] for r in records] == [3, 4]  # type: ignore[index]
    assert all(r["data"]["pack"] == "E::pack1" for r in records)  # type: ignore[index]
    # one read (1 cycle) and one write (2 cycles) in FAST
    assert records[0]["message"] == ("place E::a with b in E::pack1 (8 B, 2.00 accesses/packet) "
                                     "in FAST: 3.0 memory cycles per packet for the pack")
    assert "E::pack1 = a, b" in pl.render_placement_table(result)
