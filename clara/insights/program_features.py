"""A program described in physical units, and its derivation from the Clara artifact's template.

This module owns :class:`ProgramFeatures`, the one description of an NF that the scale-out and
colocation insights read: per-packet compute instructions, memory accesses per memory level of
the target, shared-state updates, accelerator calls, hash-table probes, pipeline stages, and
the workload's table hit fraction. It also owns the JSON form of a features file
(``clara.program-features/1``) and :func:`from_template`, which derives the features of the
artifact's synthetic programs from their template choices and configs with the per-block cost
table of ``shared/data/clara-agilio/README.md``.

Which field an analyzed NF fills from where (the wiring into ``clara analyze`` is separate):

======================  =====================================================================
field                   source for an analyzed NF
======================  =====================================================================
compute_instructions    compute model predictions summed over blocks, weighted by the
                        profile's per-packet block counts
mem_accesses            ``mem.state`` accesses per packet (profile), by the level the state
                        placement insight assigns to each object
atomic_updates          profiled stores to shared state that are pure increments (counters)
locked_updates          profiled read-modify-write stores to shared state that are not
                        increments (need mutual exclusion)
accelerator_calls       accelerator insight: calls per packet of code replaced by an engine
table_probes            API costs: bucket probes per packet of ``HashMap::find`` and friends
tables                  number of distinct hash tables the packet path probes
stages                  number of elements (Click) or top-level functions on the packet path
hit_fraction            profile: fraction of table lookups that find their key
======================  =====================================================================
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clara.errors import ClaraError

FEATURES_SCHEMA = "clara.program-features/1"

# Template layout of the artifact's synthetic programs (clara-agilio README, "scale_out
# feature file"). Choices: which blocks are present; configs: their sizes.
N_CHOICES_SCALEOUT, N_CONFIGS_SCALEOUT = 35, 32
N_CHOICES_COLOCATION, N_CONFIGS_COLOCATION = 30, 27
IPFILTER1, IPFILTER2, IPREWRITER, AVERAGECOUNTER, COUNTER = 0, 1, 2, 3, 4
FTPPORTMAPPER, WEBGEN, UDPIPENCAP, TCPDEMUX, TCPCONN = 5, 6, 7, 8, 9
COMPUTE_LOOPS, CRC_LOOPS, IMEM_LOOPS = range(10, 20), range(20, 30), range(30, 35)
RULES1, RULES2, FTP_DEPTH1, FTP_DEPTH2, REWRITER_DEPTH, WEBGEN_DEPTH, TCP_DEPTH = range(7)
COMPUTE_TRIPS, CRC_TRIPS, IMEM_TRIPS = range(7, 17), range(17, 27), range(27, 32)

# Memory levels of the agilio-cx target profile where the template keeps its state: small
# tables and counters in IMEM, flow state in EMEM (paper 5.4).
NEAR_STATE_LEVEL, FLOW_STATE_LEVEL = "IMEM", "EMEM"


@dataclass(frozen=True)
class ProgramFeatures:
    """One NF's per-packet costs in physical units, as Clara can compute them for any NF.

    All counts are per packet. ``mem_accesses`` is keyed by the target's memory level names
    (``IMEM``, ``EMEM`` on agilio-cx); ``atomic_updates`` and ``locked_updates`` are a subset of
    those accesses, counted separately because they serialize on shared state.
    """

    name: str
    compute_instructions: float
    mem_accesses: Mapping[str, float] = field(default_factory=dict)
    atomic_updates: float = 0.0
    locked_updates: float = 0.0
    accelerator_calls: Mapping[str, float] = field(default_factory=dict)
    table_probes: float = 0.0
    tables: int = 0
    stages: int = 1
    hit_fraction: float = 1.0

    def accesses(self, level: str) -> float:
        """Accesses per packet to memory level ``level`` (0 when the NF never touches it)."""
        return float(self.mem_accesses.get(level, 0.0))

    def total_accesses(self) -> float:
        return float(sum(self.mem_accesses.values()))

    def total_accelerator_calls(self) -> float:
        return float(sum(self.accelerator_calls.values()))

    def arithmetic_intensity(self) -> float:
        """Compute instructions per memory access (accesses + 1, so memory-free NFs are finite)."""
        return self.compute_instructions / (self.total_accesses() + 1.0)


# --------------------------------------------------------------------------- JSON form


def to_dict(features: ProgramFeatures) -> dict[str, Any]:
    return {
        "name": features.name,
        "compute_instructions": features.compute_instructions,
        "mem_accesses": dict(features.mem_accesses),
        "atomic_updates": features.atomic_updates,
        "locked_updates": features.locked_updates,
        "accelerator_calls": dict(features.accelerator_calls),
        "table_probes": features.table_probes,
        "tables": features.tables,
        "stages": features.stages,
        "hit_fraction": features.hit_fraction,
    }


def _number(obj: Mapping[str, Any], key: str, where: str, default: float | None) -> float:
    if key not in obj:
        if default is None:
            raise ClaraError(f"{where}: missing key '{key}' (a number per packet)")
        return default
    value = obj[key]
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ClaraError(f"{where}: key '{key}' must be a finite number, got {value!r}")
    if value < 0:
        raise ClaraError(f"{where}: key '{key}' must be non-negative, got {value!r}")
    return float(value)


def _counts(obj: Mapping[str, Any], key: str, where: str) -> dict[str, float]:
    value = obj.get(key, {})
    if not isinstance(value, dict):
        raise ClaraError(f"{where}: key '{key}' must be an object of name -> count per packet")
    return {str(k): _number(value, k, f"{where}: {key}", None) for k in value}


_KEYS = (
    "name", "compute_instructions", "mem_accesses", "atomic_updates", "locked_updates",
    "accelerator_calls", "table_probes", "tables", "stages", "hit_fraction",
)


def from_dict(obj: Any, where: str) -> ProgramFeatures:
    """Validate one features object; ``where`` names it in errors (file and entry)."""
    if not isinstance(obj, dict):
        raise ClaraError(f"{where}: each program must be a JSON object")
    unknown = sorted(set(obj) - set(_KEYS))
    if unknown:
        raise ClaraError(f"{where}: unknown keys {unknown} (allowed: {', '.join(_KEYS)})")
    name = obj.get("name")
    if not isinstance(name, str) or not name:
        raise ClaraError(f"{where}: key 'name' must be a non-empty string")
    hit = _number(obj, "hit_fraction", where, 1.0)
    if hit > 1.0:
        raise ClaraError(f"{where}: key 'hit_fraction' must be in [0, 1], got {hit}")
    return ProgramFeatures(
        name=name,
        compute_instructions=_number(obj, "compute_instructions", where, None),
        mem_accesses=_counts(obj, "mem_accesses", where),
        atomic_updates=_number(obj, "atomic_updates", where, 0.0),
        locked_updates=_number(obj, "locked_updates", where, 0.0),
        accelerator_calls=_counts(obj, "accelerator_calls", where),
        table_probes=_number(obj, "table_probes", where, 0.0),
        tables=int(_number(obj, "tables", where, 0.0)),
        stages=int(_number(obj, "stages", where, 1.0)),
        hit_fraction=hit,
    )


def read_features_file(path: str | Path) -> list[ProgramFeatures]:
    """Read a features file: ``{"schema": "clara.program-features/1", "programs": [...]}``."""
    path = Path(path)
    try:
        doc = json.loads(path.read_text())
    except FileNotFoundError:
        raise ClaraError(f"{path}: no such features file") from None
    except json.JSONDecodeError as err:
        raise ClaraError(f"{path}:{err.lineno}: not valid JSON ({err.msg})") from None
    if not isinstance(doc, dict) or doc.get("schema") != FEATURES_SCHEMA:
        raise ClaraError(
            f"{path}: expected a JSON object with \"schema\": \"{FEATURES_SCHEMA}\" and a "
            "\"programs\" list (see docs/scaleout-colocation.md)"
        )
    programs = doc.get("programs")
    if not isinstance(programs, list) or not programs:
        raise ClaraError(f"{path}: key 'programs' must be a non-empty list")
    return [from_dict(p, f"{path}: programs[{i}]") for i, p in enumerate(programs)]


def write_features_file(path: str | Path, programs: Sequence[ProgramFeatures]) -> None:
    doc = {"schema": FEATURES_SCHEMA, "programs": [to_dict(p) for p in programs]}
    Path(path).write_text(json.dumps(doc, indent=2) + "\n")


# --------------------------------------------------------------------------- artifact template


@dataclass(frozen=True)
class BlockCost:
    """One template block's per-packet cost (clara-agilio README, per-block cost table)."""

    compute: float
    near_accesses: float = 0.0
    flow_accesses: float = 0.0
    atomic_updates: float = 0.0
    locked_updates: float = 0.0
    crc_calls: float = 0.0
    probes: float = 0.0
    tables: int = 0


def block_costs(choices: Sequence[int], configs: Sequence[int]) -> list[BlockCost]:
    """The cost of every block present in one template program.

    README cost table; interpretations made here: FTPPortMapper's two depths (configs 2, 3)
    both count in ``35 x depth`` and ``2 x depth``; TCPDemux and TCPConn share the depth of
    config 6; Counter's 2 accesses are atomic adds (packet and byte counts); AverageCounter's
    rate estimate is one locked read-modify-write (assumed: no source says how the artifact's
    Micro-C implements it); an IMEM loop trip is one IMEM access (assumed; all trip counts
    are 0 in the published data).
    """
    c, k = choices, configs
    blocks: list[BlockCost] = []
    for flag, rules in ((IPFILTER1, k[RULES1]), (IPFILTER2, k[RULES2])):
        if c[flag]:
            blocks.append(BlockCost(60.0 * rules, near_accesses=2.0 * rules))
    if c[IPREWRITER]:
        d = k[REWRITER_DEPTH]
        blocks.append(BlockCost(35.0 * d + 30, flow_accesses=2.0 * d, probes=d, tables=1))
    if c[AVERAGECOUNTER]:
        blocks.append(BlockCost(40.0, near_accesses=2.0, locked_updates=1.0))
    if c[COUNTER]:
        blocks.append(BlockCost(20.0, near_accesses=2.0, atomic_updates=2.0))
    if c[FTPPORTMAPPER]:
        d = k[FTP_DEPTH1] + k[FTP_DEPTH2]
        blocks.append(BlockCost(35.0 * d + 60, flow_accesses=2.0 * d, probes=d, tables=2))
    if c[WEBGEN]:
        d = k[WEBGEN_DEPTH]
        blocks.append(BlockCost(15.0 * d + 105, flow_accesses=float(d), probes=d, tables=1))
    if c[UDPIPENCAP]:
        blocks.append(BlockCost(56.0))
    if c[TCPDEMUX]:
        d = k[TCP_DEPTH]
        blocks.append(BlockCost(40.0 * d, flow_accesses=4.0 * d, probes=d, tables=1))
    if c[TCPCONN]:
        d = k[TCP_DEPTH]
        blocks.append(BlockCost(12.0 * d, flow_accesses=float(d), probes=d, tables=1))
    for flag, trips in zip(COMPUTE_LOOPS, COMPUTE_TRIPS, strict=True):
        if c[flag]:
            blocks.append(BlockCost(10.0 * k[trips]))
    for flag, trips in zip(CRC_LOOPS, CRC_TRIPS, strict=True):
        if c[flag]:
            blocks.append(BlockCost(25.0 * k[trips], crc_calls=float(k[trips])))
    for flag, trips in zip(IMEM_LOOPS, IMEM_TRIPS, strict=True):
        if flag < len(c) and c[flag]:
            blocks.append(BlockCost(0.0, near_accesses=float(k[trips])))
    return blocks


def check_template(choices: Sequence[int], configs: Sequence[int], where: str) -> None:
    """Raise unless (choices, configs) has one of the artifact's two template layouts."""
    shape = (len(choices), len(configs))
    if shape not in ((N_CHOICES_SCALEOUT, N_CONFIGS_SCALEOUT),
                     (N_CHOICES_COLOCATION, N_CONFIGS_COLOCATION)):
        raise ClaraError(
            f"{where}: a template program has 35 choices and 32 configs (scale-out) or 30 and "
            f"27 (colocation); got {shape[0]} and {shape[1]}"
        )
    if any(v not in (0, 1) for v in choices):
        raise ClaraError(f"{where}: choices must be 0 or 1, got {list(choices)}")
    if any(v < 0 for v in configs):
        raise ClaraError(f"{where}: configs must be non-negative, got {list(configs)}")


def from_template(
    name: str, choices: Sequence[int], configs: Sequence[int], hit_fraction: float
) -> ProgramFeatures:
    """Physical features of one artifact program (template choices and configs)."""
    check_template(choices, configs, name)
    blocks = block_costs(choices, configs)
    crc = sum(b.crc_calls for b in blocks)
    return ProgramFeatures(
        name=name,
        compute_instructions=sum(b.compute for b in blocks),
        mem_accesses={
            NEAR_STATE_LEVEL: sum(b.near_accesses for b in blocks),
            FLOW_STATE_LEVEL: sum(b.flow_accesses for b in blocks),
        },
        atomic_updates=sum(b.atomic_updates for b in blocks),
        locked_updates=sum(b.locked_updates for b in blocks),
        accelerator_calls={"crc": crc} if crc else {},
        table_probes=sum(b.probes for b in blocks),
        tables=sum(b.tables for b in blocks),
        stages=len(blocks),
        hit_fraction=hit_fraction,
    )
