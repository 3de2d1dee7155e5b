"""The measurements CSV schema: users' own NIC measurements, and the artifact import's output.

This module owns the tidy table that scale-out and colocation training read (documented in
``docs/measurements.md``): one row per (program, workload, run kind, core count), with the
program's physical features (:class:`~clara.insights.program_features.ProgramFeatures`) and
what was measured. It reads and validates such files (errors name ``file:line`` and the
column), writes them, and groups rows into scale-out curves and colocation groups.
"""

from __future__ import annotations

import csv
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from clara.errors import ClaraError
from clara.insights.program_features import ProgramFeatures

KINDS = ("scaleout", "solo", "pair")
MEM_PREFIX, ACCEL_PREFIX = "mem.", "accel."
REQUIRED = ("program", "workload", "cores", "throughput_pps", "latency_cycles",
            "compute_instructions")
OPTIONAL_NUMBERS = {
    "cycles_per_packet": math.nan, "atomic_updates": 0.0, "locked_updates": 0.0,
    "table_probes": 0.0, "tables": 0.0, "stages": 1.0, "hit_fraction": 1.0,
}
OPTIONAL_TEXT = ("kind", "group", "partner", "source", "template")
HEAD = ("program", "workload", "kind", "group", "partner", "cores", "throughput_pps",
        "latency_cycles", "cycles_per_packet", "compute_instructions", "atomic_updates",
        "locked_updates", "table_probes", "tables", "stages", "hit_fraction")


@dataclass(frozen=True)
class MeasurementRow:
    """One NF measured in one run: alone on ``cores`` cores (scaleout, solo) or beside
    ``partner`` (pair), under ``workload``."""

    program: str
    workload: str
    kind: str
    group: str
    partner: str
    cores: int
    throughput_pps: float
    latency_cycles: float
    cycles_per_packet: float
    features: ProgramFeatures
    source: str = ""
    template: str = ""


def features_columns(rows: Sequence[MeasurementRow]) -> tuple[list[str], list[str]]:
    """The memory levels and accelerator kinds that appear in ``rows``, sorted."""
    levels = sorted({lv for r in rows for lv in r.features.mem_accesses})
    accels = sorted({a for r in rows for a in r.features.accelerator_calls})
    return levels, accels


def header(rows: Sequence[MeasurementRow]) -> list[str]:
    levels, accels = features_columns(rows)
    return [*HEAD, *(MEM_PREFIX + lv for lv in levels), *(ACCEL_PREFIX + a for a in accels),
            "source", "template"]


def _cells(row: MeasurementRow, levels: Sequence[str], accels: Sequence[str]) -> list[str]:
    f = row.features
    values: list[object] = [
        row.program, row.workload, row.kind, row.group, row.partner, row.cores,
        repr(row.throughput_pps), repr(row.latency_cycles),
        "" if math.isnan(row.cycles_per_packet) else repr(row.cycles_per_packet),
        f.compute_instructions, f.atomic_updates, f.locked_updates, f.table_probes, f.tables,
        f.stages, f.hit_fraction,
        *(f.accesses(lv) for lv in levels),
        *(f.accelerator_calls.get(a, 0.0) for a in accels),
        row.source, row.template,
    ]
    return [str(v) for v in values]


def write_measurements(path: str | Path, rows: Sequence[MeasurementRow]) -> None:
    levels, accels = features_columns(rows)
    with open(path, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header(rows))
        for row in rows:
            writer.writerow(_cells(row, levels, accels))


# --------------------------------------------------------------------------- reading


def _float(cell: str, column: str, where: str, default: float | None = None) -> float:
    if cell.strip() == "":
        if default is None:
            raise ClaraError(f"{where}: column '{column}' is empty (a number is required)")
        return default
    try:
        value = float(cell)
    except ValueError:
        raise ClaraError(f"{where}: column '{column}' is not a number: {cell!r}") from None
    if not math.isfinite(value) or value < 0:
        raise ClaraError(f"{where}: column '{column}' must be finite and >= 0, got {cell!r}")
    return value


def _parse_row(cells: dict[str, str], where: str) -> MeasurementRow:
    for column in ("program", "workload"):
        if not cells.get(column, "").strip():
            raise ClaraError(f"{where}: column '{column}' is empty")
    kind = cells.get("kind", "").strip() or "scaleout"
    if kind not in KINDS:
        raise ClaraError(f"{where}: column 'kind' must be one of {', '.join(KINDS)}, got {kind!r}")
    cores = _float(cells["cores"], "cores", where)
    if cores < 1 or cores != int(cores):
        raise ClaraError(f"{where}: column 'cores' must be a positive integer: {cells['cores']!r}")
    throughput = _float(cells["throughput_pps"], "throughput_pps", where)
    latency = _float(cells["latency_cycles"], "latency_cycles", where)
    if throughput <= 0 or latency <= 0:
        raise ClaraError(f"{where}: throughput_pps and latency_cycles must be positive")
    opt = {k: _float(cells.get(k, ""), k, where, d) for k, d in OPTIONAL_NUMBERS.items()}
    if opt["hit_fraction"] > 1:
        raise ClaraError(f"{where}: column 'hit_fraction' must be in [0, 1]")
    group, partner = cells.get("group", "").strip(), cells.get("partner", "").strip()
    if kind in ("solo", "pair") and not group:
        raise ClaraError(f"{where}: a {kind} row needs a 'group' (the NFs considered together)")
    if (kind == "pair") != bool(partner):
        raise ClaraError(f"{where}: column 'partner' is required for pair rows and only for them")
    features = ProgramFeatures(
        name=cells["program"].strip(),
        compute_instructions=_float(cells["compute_instructions"], "compute_instructions", where),
        mem_accesses={c[len(MEM_PREFIX):]: _float(v, c, where, 0.0)
                      for c, v in cells.items() if c.startswith(MEM_PREFIX)},
        atomic_updates=opt["atomic_updates"],
        locked_updates=opt["locked_updates"],
        accelerator_calls={c[len(ACCEL_PREFIX):]: _float(v, c, where, 0.0)
                           for c, v in cells.items() if c.startswith(ACCEL_PREFIX)},
        table_probes=opt["table_probes"],
        tables=int(opt["tables"]),
        stages=int(opt["stages"]),
        hit_fraction=opt["hit_fraction"],
    )
    return MeasurementRow(
        program=features.name, workload=cells["workload"].strip(), kind=kind, group=group,
        partner=partner, cores=int(cores), throughput_pps=throughput, latency_cycles=latency,
        cycles_per_packet=opt["cycles_per_packet"], features=features,
        source=cells.get("source", "") or where, template=cells.get("template", ""),
    )


def read_measurements(path: str | Path) -> list[MeasurementRow]:
    """Read and validate a measurements CSV (``docs/measurements.md``)."""
    path = Path(path)
    if not path.is_file():
        raise ClaraError(f"{path}: no such measurements file")
    with open(path, newline="") as fh:
        reader = csv.reader(fh)
        head = next(reader, None)
        if head is None:
            raise ClaraError(f"{path}: empty file (expected a header row, docs/measurements.md)")
        head = [h.strip() for h in head]
        known = set(REQUIRED) | set(OPTIONAL_NUMBERS) | set(OPTIONAL_TEXT)
        for column in head:
            if column not in known and not column.startswith((MEM_PREFIX, ACCEL_PREFIX)):
                raise ClaraError(f"{path}:1: unknown column {column!r} (see docs/measurements.md)")
        missing = [c for c in REQUIRED if c not in head]
        if missing:
            raise ClaraError(f"{path}:1: missing required columns {missing}")
        if len(set(head)) != len(head):
            raise ClaraError(f"{path}:1: a column name appears twice")
        rows = []
        for cells in reader:
            where = f"{path}:{reader.line_num}"
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(head):
                raise ClaraError(f"{where}: {len(cells)} cells, the header has {len(head)}")
            rows.append(_parse_row(dict(zip(head, cells, strict=True)), where))
    if not rows:
        raise ClaraError(f"{path}: no data rows")
    return rows


# --------------------------------------------------------------------------- grouping


@dataclass(frozen=True)
class Curve:
    """One program under one workload, measured alone on several core counts."""

    features: ProgramFeatures
    workload: str
    cores: tuple[int, ...]
    throughput_pps: tuple[float, ...]
    latency_cycles: tuple[float, ...]


@dataclass(frozen=True)
class PairOutcome:
    first: int
    second: int
    first_pps: float
    second_pps: float


@dataclass(frozen=True)
class Group:
    """NFs considered for colocation together: each alone, and every pair of them."""

    name: str
    members: tuple[ProgramFeatures, ...]
    solo_pps: tuple[float, ...]
    pairs: tuple[PairOutcome, ...]

    def retention(self) -> list[float]:
        """Pair throughput over the pair's solo throughputs, per pair (the ranking label)."""
        return [(p.first_pps + p.second_pps) / (self.solo_pps[p.first] + self.solo_pps[p.second])
                for p in self.pairs]


def scaleout_curves(rows: Iterable[MeasurementRow]) -> list[Curve]:
    """Scale-out rows grouped by (program, workload), sorted by core count."""
    by_key: dict[tuple[str, str], list[MeasurementRow]] = defaultdict(list)
    for row in rows:
        if row.kind == "scaleout":
            by_key[(row.program, row.workload)].append(row)
    curves = []
    for (program, workload), runs in sorted(by_key.items()):
        runs.sort(key=lambda r: r.cores)
        cores = [r.cores for r in runs]
        if len(set(cores)) != len(cores):
            raise ClaraError(f"{runs[0].source}: {program} ({workload}) has a core count twice")
        if any(r.features != runs[0].features for r in runs):
            raise ClaraError(f"{runs[-1].source}: {program} ({workload}) changes its features")
        curves.append(Curve(runs[0].features, workload, tuple(cores),
                            tuple(r.throughput_pps for r in runs),
                            tuple(r.latency_cycles for r in runs)))
    return curves


def colocation_groups(rows: Iterable[MeasurementRow]) -> list[Group]:
    """Solo and pair rows grouped by ``group``; every member needs a solo row and every pair
    of members both pair rows."""
    solos: dict[str, dict[str, MeasurementRow]] = defaultdict(dict)
    pairs: dict[str, dict[tuple[str, str], MeasurementRow]] = defaultdict(dict)
    for row in rows:
        if row.kind == "solo":
            solos[row.group][row.program] = row
        elif row.kind == "pair":
            pairs[row.group][(row.program, row.partner)] = row
    groups = []
    for name in sorted(set(solos) | set(pairs)):
        members = sorted(solos[name])
        if len(members) < 3:
            raise ClaraError(f"group {name}: needs solo rows for at least 3 NFs to rank pairs")
        outcomes = []
        for i, j in combinations(range(len(members)), 2):
            a, b = members[i], members[j]
            if (a, b) not in pairs[name] or (b, a) not in pairs[name]:
                raise ClaraError(f"group {name}: missing the pair rows of {a} with {b}")
            outcomes.append(PairOutcome(i, j, pairs[name][(a, b)].throughput_pps,
                                        pairs[name][(b, a)].throughput_pps))
        groups.append(Group(name, tuple(solos[name][m].features for m in members),
                            tuple(solos[name][m].throughput_pps for m in members),
                            tuple(outcomes)))
    return groups
