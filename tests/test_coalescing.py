"""Access coalescing: numpy K-means, the cost model and the packed layout on hand-made inputs."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from clara.insights import coalescing as co
from clara.insights.state_inputs import BlockUse, Variable, declaration_lines
from clara.targets.profile import MemoryLevel

LEVEL = MemoryLevel("MEM", 1 << 20, 10, 20, None, None, "global", "software", {})
WIDTH = 8


def var(name: str, size: int, offset: int, ctype: str = "uint32_t") -> Variable:
    return Variable(name, ctype, size, offset, container=False)


# Declaration order puts a and b (read and written together by the hot block) 16 bytes
# apart, with c1 (the other block's) between them; c2 is never used per packet.
VARIABLES = [var("E::a", 4, 0), var("E::c1", 8, 8, "uint64_t"), var("E::b", 4, 16),
             var("E::c2", 8, 24, "uint64_t")]
USES = [BlockUse("push/1", 1.0, frozenset({"E::a", "E::b"}), frozenset({"E::a", "E::b"})),
        BlockUse("push/2", 0.5, frozenset({"E::c1"}), frozenset({"E::c1"}))]
VECTORS = {"E::a": {"push/1": 1.0}, "E::b": {"push/1": 1.0}, "E::c1": {"push/2": 1.0},
           "E::c2": {}}


def test_kmeans_groups_variables_with_similar_vectors() -> None:
    points = np.array([[1.0, 0, 0], [0.9, 0.1, 0], [0, 1.0, 0], [0.1, 0.9, 0], [0, 0, 1.0]])
    labels = co.kmeans(points, 3).tolist()
    assert labels[0] == labels[1] and labels[2] == labels[3]
    assert len({labels[0], labels[2], labels[4]}) == 3
    assert co.kmeans(points, 3).tolist() == labels  # seeded: deterministic


def test_cost_model_counts_distinct_windows_per_block() -> None:
    # naive: the hot block touches windows 0 (a) and 2 (b): 2 reads + 2 writes per packet;
    # push/2 runs every other packet: 0.5 read + 0.5 write. Latency 2.5 x 10 + 2.5 x 20.
    naive = co.naive_cost(VARIABLES, USES, WIDTH, LEVEL)
    assert (naive.reads, naive.writes) == (2.5, 2.5)
    assert naive.latency == pytest.approx(75.0)


def test_packed_layout_reduces_accesses_as_computed_by_hand() -> None:
    result = co.suggest_packing(VARIABLES, VECTORS, USES, LEVEL, WIDTH, "E")
    # a and b share one 8-byte window: 1 read + 1 write, plus push/2's 0.5 + 0.5
    assert (result.after.reads, result.after.writes) == (1.5, 1.5)
    assert result.after.latency == pytest.approx(45.0)
    first = result.packs[0]
    offsets = dict(zip([v.name for v in first.variables], first.offsets, strict=True))
    assert offsets["E::a"] // WIDTH == offsets["E::b"] // WIDTH
    assert first.variables[0].name in {"E::a", "E::b"}
    assert result.packs[-1].variables[-1].name == "E::c2"  # the cold variable last
    expert = co.expert_packing(VARIABLES, USES, LEVEL, WIDTH, "E")
    assert expert.after.accesses == pytest.approx(3.0)


def test_large_variables_are_not_packed_and_cost_one_access_each() -> None:
    table = Variable("E::table", "uint32_t[64]", 256, 32, container=False)
    uses = [BlockUse("push/1", 1.0, frozenset({"E::a", "E::table"}), frozenset())]
    result = co.suggest_packing([*VARIABLES, table], {**VECTORS, "E::table": {"push/1": 1.0}},
                                uses, LEVEL, WIDTH, "E")
    assert result.unpacked == (table,)
    assert result.after.reads == pytest.approx(2.0)


def test_packed_struct_is_c_code() -> None:
    text = co.render_packed_struct(co.suggest_packing(VARIABLES, VECTORS, USES, LEVEL, WIDTH,
                                                      "Click::E"))
    assert "struct click__e_pack1 {" in text or "struct click_e_pack1 {" in text
    assert "uint32_t a;" in text and "uint32_t b;" in text and "uint64_t c2;" in text
    assert "__attribute__((aligned(8)))" in text
    arrays = co.render_packed_struct(co.suggest_packing(
        [Variable("E::rotor", "uint32_t[2]", 8, 0, container=False)],
        {"E::rotor": {"push/1": 1.0}}, USES[:1], LEVEL, WIDTH, "E"))
    assert "uint32_t rotor[2];" in arrays


def test_records_are_well_formed() -> None:
    result = co.suggest_packing(VARIABLES, VECTORS, USES, LEVEL, WIDTH, "E")
    records = co.insight_records(result, {"E::a": ("e.hh", 7)})
    json.dumps(records)
    assert all(r["kind"] == "coalescing" for r in records)
    assert records[0]["location"] == {"file": "e.hh", "line": 7, "column": 0}
    assert records[0]["data"]["struct"].startswith("/* clara: packed")  # type: ignore[index]
    assert "3.00 per packet" in str(records[0]["message"])


def test_declaration_lines_found_in_the_header(tmp_path: Path) -> None:
    source = tmp_path / "e.cc"
    source.write_text('#include "e.hh"\n')
    (tmp_path / "e.hh").write_text("class E {\n  uint32_t _a;\n  Vector<int> _v[2];\n};\n")
    found = declaration_lines(source, ["E::_a", "E::_v", "E::_missing"])
    assert found == {"E::_a": (str(tmp_path / "e.hh"), 2), "E::_v": (str(tmp_path / "e.hh"), 3)}
