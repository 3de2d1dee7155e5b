"""Reader for the Clara artifact's Agilio CX measurement files (``scale_out/``, ``nf_colocation/``).

This module owns the artifact's text format (documented in
``shared/data/clara-agilio/README.md``): per sample ``N`` a ``trainingset_feature_N`` file with
the template program(s) as Python-printed lists and a ``trainingset_tag_N`` file with the
measured counters. It parses them strictly (every malformed line is an error naming
``file:line``; a feature file without its tag file is an error) into typed records, and turns
those records into the tidy measurement rows of :mod:`clara.dataset.measurements`.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TypeVar

from clara.dataset.measurements import MeasurementRow
from clara.errors import ClaraError
from clara.insights.program_features import check_template, from_template

FEATURE_PREFIX, TAG_PREFIX = "trainingset_feature_", "trainingset_tag_"
MES_PER_SETTING = 6  # README: setting j runs on 6*j micro-engines
SOLO_RECORDS = (1, 2, 3, 4)
PAIR_RECORDS = {5: (0, 1), 6: (0, 2), 7: (0, 3), 8: (1, 2), 9: (1, 3), 10: (2, 3)}
T = TypeVar("T")
REQUIRED_FIELDS = ("latency_fake", "time", "throughput", "latency")
COLOCATION_WORKLOAD = "colocation"
# The workload of the colocation runs is not documented; its NFs are taken as all-hit.
COLOCATION_HIT_FRACTION = 1.0


@dataclass(frozen=True)
class TemplateProgram:
    """One synthetic program: which template blocks are present and their sizes."""

    choices: tuple[int, ...]
    configs: tuple[int, ...]


@dataclass(frozen=True)
class Measurement:
    """Counters of one NF in one run (README, tag file fields)."""

    throughput_pps: float
    latency_cycles: float
    cycles_per_packet: float
    run_seconds: float
    source: str


@dataclass(frozen=True)
class ScaleoutProgram:
    """One program of ``scale_out/dataset_*``: its runs on increasing micro-engine counts."""

    dataset: str
    sample: int
    program: TemplateProgram
    cores: tuple[int, ...]
    runs: tuple[Measurement, ...]

    @property
    def name(self) -> str:
        return f"{self.dataset}/{self.sample}"

    @property
    def hit_fraction(self) -> float:
        return workload_hit_fraction(self.dataset)


@dataclass(frozen=True)
class PairRun:
    """Two NFs of a group run at once, each on its own half of the micro-engines."""

    first: int
    second: int
    first_run: Measurement
    second_run: Measurement


@dataclass(frozen=True)
class ColocationGroup:
    """One sample of ``nf_colocation/dataset``: 4 NFs, each alone and all 6 pairs."""

    sample: int
    programs: tuple[TemplateProgram, ...]
    solo: tuple[Measurement, ...]
    pairs: tuple[PairRun, ...]

    def nf_name(self, index: int) -> str:
        return f"colocation/{self.sample}/nf{index + 1}"


# --------------------------------------------------------------------------- line parsing


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """Non-blank lines of ``path`` with their 1-based numbers, stripped."""
    try:
        text = path.read_text()
    except OSError as err:
        raise ClaraError(f"{path}: cannot read ({err.strerror})") from None
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            yield number, line.strip()


def _int_line(line: str, where: str, what: str) -> int:
    if not re.fullmatch(r"\d+", line):
        raise ClaraError(f"{where}: expected {what} (an integer), got {line!r}")
    return int(line)


def _list_line(line: str, key: str, where: str) -> tuple[int, ...]:
    """Parse ``('choices: ', ['0', '1', ... '1\\n'])`` into integers."""
    try:
        value = ast.literal_eval(line)
    except (ValueError, SyntaxError):
        raise ClaraError(f"{where}: expected ('{key}: ', [...]), got {line[:60]!r}") from None
    if (not isinstance(value, tuple) or len(value) != 2 or value[0] != f"{key}: "
            or not isinstance(value[1], list)):
        raise ClaraError(f"{where}: expected ('{key}: ', [...]), got {line[:60]!r}")
    out = []
    for item in value[1]:
        text = str(item).strip()
        if not re.fullmatch(r"\d+", text):
            raise ClaraError(f"{where}: {key} entry {item!r} is not a non-negative integer")
        out.append(int(text))
    return tuple(out)


def _fields_line(line: str, suffix: str, where: str) -> dict[str, float]:
    """Parse ``latency_fake: 1.0; time: 2.0; throughput: 3.0; latency: 4.0; test: 1.0.``."""
    fields: dict[str, float] = {}
    for part in line.rstrip(".").split(";"):
        if not part.strip():
            continue
        key, sep, value = part.partition(":")
        key = key.strip()
        if not sep or not key.endswith(suffix):
            raise ClaraError(f"{where}: expected 'name{suffix}: number' fields, got {part!r}")
        try:
            fields[key[: len(key) - len(suffix)] if suffix else key] = float(value)
        except ValueError:
            raise ClaraError(f"{where}: field {key!r} has no number: {value.strip()!r}") from None
    missing = [f + suffix for f in REQUIRED_FIELDS if f not in fields]
    if missing:
        raise ClaraError(f"{where}: missing fields {missing}")
    return fields


def _measurement(fields: dict[str, float], where: str) -> Measurement:
    if fields["throughput"] <= 0 or fields["latency"] <= 0:
        raise ClaraError(f"{where}: throughput and latency must be positive")
    return Measurement(
        throughput_pps=fields["throughput"],
        latency_cycles=fields["latency"],
        cycles_per_packet=fields["latency_fake"],
        run_seconds=fields["time"],
        source=where,
    )


# --------------------------------------------------------------------------- scale-out files


def _scaleout_features(path: Path) -> list[tuple[int, TemplateProgram, str]]:
    """(setting, program, where) per stanza of a scale-out feature file."""
    stanzas: list[tuple[int, TemplateProgram, str]] = []
    state, setting, choices, start = "setting", 0, (), ""
    for number, line in _lines(path):
        where = f"{path}:{number}"
        if state == "setting":
            setting, start, state = _int_line(line, where, "a core setting"), where, "choices"
        elif state == "choices":
            choices, state = _list_line(line, "choices", where), "configs"
        elif state == "configs":
            configs = _list_line(line, "configs", where)
            check_template(choices, configs, where)
            stanzas.append((setting, TemplateProgram(choices, configs), start))
            state = "end"
        elif line != "end of last":
            raise ClaraError(f"{where}: expected 'end of last', got {line[:60]!r}")
        else:
            state = "setting"
    if state != "setting":
        raise ClaraError(f"{path}: ends inside a stanza (expected {state!r} next)")
    if not stanzas:
        raise ClaraError(f"{path}: no stanzas")
    return stanzas


def _tag_records(path: Path, suffixes: dict[int, tuple[str, ...]] | None) -> dict[int, list]:
    """Record number -> list of field dicts (one per suffix) of a tag file.

    ``suffixes`` maps record numbers to the suffixes its field lines carry (colocation);
    ``None`` means one unsuffixed field line per record (scale-out).
    """
    records: dict[int, list] = {}
    current: int | None = None
    expected: tuple[str, ...] = ()
    for number, line in _lines(path):
        where = f"{path}:{number}"
        if re.fullmatch(r"\d+", line):
            if current is not None and len(records[current]) != len(expected):
                raise ClaraError(f"{where}: record {current} has too few field lines")
            current = int(line)
            if current in records:
                raise ClaraError(f"{where}: record {current} appears twice")
            if suffixes is not None and current not in suffixes:
                raise ClaraError(f"{where}: unexpected record number {current} (1-10)")
            expected = ("",) if suffixes is None else suffixes[current]
            records[current] = []
            continue
        if current is None or len(records[current]) == len(expected):
            raise ClaraError(f"{where}: field line without a record number before it")
        suffix = expected[len(records[current])]
        records[current].append(_measurement(_fields_line(line, suffix, where), where))
    if current is not None and len(records[current]) != len(expected):
        raise ClaraError(f"{path}: record {current} has too few field lines at the end")
    return records


def _sample_files(directory: Path) -> list[tuple[int, Path, Path]]:
    """(sample id, feature file, tag file) for every feature file of ``directory``."""
    if not directory.is_dir():
        raise ClaraError(f"{directory}: not a directory of trainingset_feature_N files")
    out = []
    for feature in sorted(directory.glob(FEATURE_PREFIX + "*")):
        suffix = feature.name[len(FEATURE_PREFIX):]
        if not suffix.isdigit():
            raise ClaraError(f"{feature}: file name must end in the sample number")
        tag = directory / f"{TAG_PREFIX}{suffix}"
        if not tag.is_file():
            raise ClaraError(f"{feature}: its tag file {tag.name} is missing")
        out.append((int(suffix), feature, tag))
    for tag in directory.glob(TAG_PREFIX + "*"):
        if not (directory / (FEATURE_PREFIX + tag.name[len(TAG_PREFIX):])).is_file():
            raise ClaraError(f"{tag}: its feature file is missing")
    if not out:
        raise ClaraError(f"{directory}: no {FEATURE_PREFIX}N files")
    return sorted(out)


def workload_hit_fraction(dataset: str) -> float:
    """Hit fraction of a scale-out folder's traffic from its name (``dataset_hit``/``_miss``)."""
    name = dataset.lower()
    if "hit" in name and "miss" not in name:
        return 1.0
    if "miss" in name and "hit" not in name:
        return 0.0
    raise ClaraError(
        f"{dataset}: cannot tell the workload; name the scale-out folder *hit* (flows hit the "
        "NF's tables) or *miss* (they miss), as the artifact's dataset_hit / dataset_miss"
    )


def _collect(items: Iterable[tuple[int, Path, Path]], read: Callable[[int, Path, Path], T],
             problems: list[str] | None) -> list[T]:
    """``read`` every sample; a malformed one raises, or with ``problems`` is reported there
    (its error names file:line) and left out."""
    out = []
    for sample, feature, tag in items:
        try:
            out.append(read(sample, feature, tag))
        except ClaraError as err:
            if problems is None:
                raise
            problems.append(str(err))
    return out


def read_scaleout_dir(
    directory: str | Path, problems: list[str] | None = None
) -> list[ScaleoutProgram]:
    """All programs of one scale-out folder (``scale_out/dataset_hit`` or similar).

    A malformed sample raises :class:`ClaraError`, unless ``problems`` is given: then its
    error is appended there and the sample is left out.
    """
    directory = Path(directory)
    workload_hit_fraction(directory.name)
    return _collect(_sample_files(directory), partial(_scaleout_program, directory), problems)


def _scaleout_program(directory: Path, sample: int, feature: Path, tag: Path) -> ScaleoutProgram:
    stanzas = _scaleout_features(feature)
    first = stanzas[0][1]
    for setting, program, where in stanzas:
        if program != first:
            raise ClaraError(f"{where}: setting {setting} describes a different program")
    settings = [s for s, _, _ in stanzas]
    if settings != sorted(set(settings)):
        raise ClaraError(f"{feature}: settings must increase, got {settings}")
    records = _tag_records(tag, None)
    if sorted(records) != settings:
        raise ClaraError(
            f"{tag}: records {sorted(records)} do not match the feature file's settings "
            f"{settings}"
        )
    return ScaleoutProgram(
        dataset=directory.name,
        sample=sample,
        program=first,
        cores=tuple(MES_PER_SETTING * s for s in settings),
        runs=tuple(records[s][0] for s in settings),
    )


# --------------------------------------------------------------------------- colocation files


def _colocation_features(path: Path) -> dict[int, list[tuple[TemplateProgram, str]]]:
    """Record number -> [(program, where)] for nf1 (and nf2) of a colocation feature file."""
    records: dict[int, list[tuple[TemplateProgram, str]]] = {}
    current: int | None = None
    state, choices, start = "record", (), ""
    for number, line in _lines(path):
        where = f"{path}:{number}"
        if state == "record":
            current = _int_line(line, where, "a record number")
            if current in records or not 1 <= current <= 10:
                raise ClaraError(f"{where}: record number {current} repeated or not in 1-10")
            records[current], state = [], "nf"
        elif state == "nf" and line == f"nf{len(records[current]) + 1}":  # type: ignore[index]
            state, start = "choices", where
        elif state == "nf" and line == "end of last" and records[current]:  # type: ignore[index]
            state = "record"
        elif state == "choices":
            choices, state = _list_line(line, "choices", where), "configs"
        elif state == "configs":
            configs = _list_line(line, "configs", where)
            check_template(choices, configs, where)
            records[current].append((TemplateProgram(choices, configs), start))  # type: ignore[index]
            state = "nf"
        else:
            raise ClaraError(f"{where}: unexpected line {line[:60]!r} (state: {state})")
    if state != "record":
        raise ClaraError(f"{path}: ends inside record {current}")
    return records


def _group(sample: int, feature: Path, tag: Path) -> ColocationGroup:
    records = _colocation_features(feature)
    if sorted(records) != list(range(1, 11)):
        raise ClaraError(f"{feature}: needs records 1-10, has {sorted(records)}")
    for r in range(1, 11):
        want = 1 if r in SOLO_RECORDS else 2
        if len(records[r]) != want:
            raise ClaraError(f"{feature}: record {r} must list {want} NF(s)")
    programs = tuple(records[r][0][0] for r in SOLO_RECORDS)
    for r, (a, b) in PAIR_RECORDS.items():
        for slot, index in ((0, a), (1, b)):
            program, where = records[r][slot]
            if program != programs[index]:
                raise ClaraError(
                    f"{where}: record {r} nf{slot + 1} should be the NF of record {index + 1}"
                )
    suffixes = {r: ("1",) for r in SOLO_RECORDS} | {r: ("1", "2") for r in PAIR_RECORDS}
    tags = _tag_records(tag, suffixes)
    if sorted(tags) != list(range(1, 11)):
        raise ClaraError(f"{tag}: needs records 1-10, has {sorted(tags)}")
    return ColocationGroup(
        sample=sample,
        programs=programs,
        solo=tuple(tags[r][0] for r in SOLO_RECORDS),
        pairs=tuple(PairRun(a, b, tags[r][0], tags[r][1]) for r, (a, b) in PAIR_RECORDS.items()),
    )


def read_colocation_dir(
    directory: str | Path, problems: list[str] | None = None
) -> list[ColocationGroup]:
    """All groups of one colocation folder (``nf_colocation/dataset`` or similar); malformed
    samples as in :func:`read_scaleout_dir`."""
    return _collect(_sample_files(Path(directory)), _group, problems)


# --------------------------------------------------------------------------- whole artifact


@dataclass(frozen=True)
class ArtifactData:
    scaleout: tuple[ScaleoutProgram, ...]
    colocation: tuple[ColocationGroup, ...]


def _is_colocation_dir(directory: Path) -> bool:
    first = next(iter(sorted(directory.glob(FEATURE_PREFIX + "*"))), None)
    return first is not None and any(line == "nf1" for _, line in _lines(first))


def artifact_dirs(root: str | Path) -> tuple[list[Path], list[Path]]:
    """(scale-out folders, colocation folders) under ``root``.

    ``root`` may be the artifact's top folder (``scale_out/dataset_*``, ``nf_colocation/*``)
    or one data folder itself.
    """
    root = Path(root)
    if not root.is_dir():
        raise ClaraError(f"{root}: no such directory (give the artifact folder or a data folder)")
    folders = [root] if any(root.glob(FEATURE_PREFIX + "*")) else sorted(
        p.parent for p in root.glob(f"**/{FEATURE_PREFIX}*")
    )
    folders = sorted(set(folders))
    if not folders:
        raise ClaraError(f"{root}: no {FEATURE_PREFIX}N files in it or below it")
    colocation = [f for f in folders if _is_colocation_dir(f)]
    return [f for f in folders if f not in colocation], colocation


def read_artifact(root: str | Path, problems: list[str] | None = None) -> ArtifactData:
    """Every scale-out program and colocation group under ``root`` (see :func:`artifact_dirs`);
    malformed samples as in :func:`read_scaleout_dir`."""
    scaleout_dirs, colocation_dirs = artifact_dirs(root)
    return ArtifactData(
        scaleout=tuple(p for d in scaleout_dirs for p in read_scaleout_dir(d, problems)),
        colocation=tuple(g for d in colocation_dirs for g in read_colocation_dir(d, problems)),
    )


# --------------------------------------------------------------------------- tidy rows


def _template_text(program: TemplateProgram) -> str:
    return " ".join(map(str, program.choices)) + " | " + " ".join(map(str, program.configs))


def _row(
    program: TemplateProgram, name: str, workload: str, hit_fraction: float, kind: str,
    cores: int, run: Measurement, group: str = "", partner: str = "",
) -> MeasurementRow:
    features = from_template(name, program.choices, program.configs, hit_fraction)
    return MeasurementRow(
        program=name, workload=workload, kind=kind, group=group, partner=partner, cores=cores,
        throughput_pps=run.throughput_pps, latency_cycles=run.latency_cycles,
        cycles_per_packet=run.cycles_per_packet, features=features,
        source=run.source, template=_template_text(program),
    )


def scaleout_rows(programs: Sequence[ScaleoutProgram]) -> list[MeasurementRow]:
    """One row per (program, core count)."""
    return [
        _row(p.program, p.name, p.dataset, p.hit_fraction, "scaleout", cores, run)
        for p in programs for cores, run in zip(p.cores, p.runs, strict=True)
    ]


def colocation_rows(groups: Sequence[ColocationGroup]) -> list[MeasurementRow]:
    """Solo rows (each NF alone) and pair rows (each NF of a pair, naming its partner)."""
    rows = []
    half = 30  # README: each NF of a colocation run gets 30 micro-engines
    for g in groups:
        gname = f"colocation/{g.sample}"
        for i, (program, run) in enumerate(zip(g.programs, g.solo, strict=True)):
            rows.append(_row(program, g.nf_name(i), COLOCATION_WORKLOAD, COLOCATION_HIT_FRACTION,
                             "solo", half, run, group=gname))
        for pair in g.pairs:
            for me, other, run in ((pair.first, pair.second, pair.first_run),
                                   (pair.second, pair.first, pair.second_run)):
                rows.append(_row(g.programs[me], g.nf_name(me), COLOCATION_WORKLOAD,
                                 COLOCATION_HIT_FRACTION, "pair", half, run, group=gname,
                                 partner=g.nf_name(other)))
    return rows


def tidy_rows(data: ArtifactData) -> list[MeasurementRow]:
    return scaleout_rows(data.scaleout) + colocation_rows(data.colocation)

