"""The on-disk dataset: a versioned directory that a build appends to and can resume.

Layout (schema ``clara.dataset/1``, docs/dataset.md)::

    OUT/manifest.json        what was built, with which tools, and the counts
    OUT/programs.jsonl       the index: one line per finished program (id, seed, shard, stats)
    OUT/failures.jsonl       one line per failed program (id, seed, stage, error, stderr)
    OUT/data/blocks-NNNNN.jsonl   block records, one JSON object per line

The index is the truth: a program is done when it has an index line whose shard exists, and
its records are the lines of THAT shard that carry its id. A program's records are written
(and flushed) before its index line, so an interrupted run leaves at most unindexed record
lines, which readers skip and a resumed run rebuilds. Each run appends to new shards, so
no shard is ever rewritten.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterator, Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any

from clara.errors import ClaraError

SCHEMA = "clara.dataset/1"
MANIFEST = "manifest.json"
INDEX = "programs.jsonl"
FAILURES = "failures.jsonl"
DATA_DIR = "data"
STAT_TOTALS = ("ir_blocks", "ir_instructions", "target_instructions", "foreign", "not_analyzed",
               "unattributed_asm", "unattributed_no_block", "unattributed", "attributed",
               "charged")


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The complete JSON lines of ``path`` (a torn last line, left by a crash, is skipped)."""
    if not path.is_file():
        return []
    rows = []
    with path.open() as handle:
        for line in handle:
            if line.endswith("\n") and line.strip():
                rows.append(json.loads(line))
    return rows


def trim_torn_line(path: Path) -> None:
    """Cut ``path`` back to its last complete line, so appended lines start clean."""
    if not path.is_file():
        return
    data = path.read_bytes()
    if data and not data.endswith(b"\n"):
        with path.open("r+b") as handle:
            handle.truncate(data.rfind(b"\n") + 1)


def write_json_atomically(path: Path, payload: Mapping[str, Any]) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(json.dumps(payload, indent=2) + "\n")
    os.replace(temporary, path)


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def done_programs(root: Path) -> dict[str, dict[str, Any]]:
    """Index entries of finished programs whose shard still exists (the last entry wins)."""
    entries = {e["program"]: e for e in read_jsonl(root / INDEX)}
    return {p: e for p, e in entries.items() if (root / DATA_DIR / e["shard"]).is_file()}


def failed_programs(root: Path) -> dict[str, dict[str, Any]]:
    return {e["program"]: e for e in read_jsonl(root / FAILURES)}


def summarize(done: Mapping[str, Mapping[str, Any]],
              failed: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """The manifest's counts, from the index and the failure log."""
    totals: Counter[str] = Counter()
    rules: Counter[str] = Counter()
    block_rules: Counter[str] = Counter()
    for entry in done.values():
        stats = entry["stats"]
        totals.update({k: stats[k] for k in STAT_TOTALS})
        rules.update(stats["by_rule"])
        block_rules.update(stats["by_block_rule"])
    instructions = totals["target_instructions"]
    return {
        "programs_ok": len(done),
        "programs_failed": len(failed),
        "failed_by_stage": dict(Counter(e["stage"] for e in failed.values())),
        "blocks": totals["ir_blocks"],
        **{k: totals[k] for k in STAT_TOTALS if k != "ir_blocks"},
        "unattributed_rate": totals["unattributed"] / instructions if instructions else 0.0,
        "by_rule": dict(rules),
        "by_block_rule": dict(block_rules),
    }


def iter_records(root: Path) -> Iterator[dict[str, Any]]:
    """Every block record of the finished programs, shard by shard."""
    done = done_programs(root)
    for shard in sorted({e["shard"] for e in done.values()}):
        with (root / DATA_DIR / shard).open() as handle:
            for line in handle:
                if not line.endswith("\n"):
                    continue
                record = json.loads(line)
                entry = done.get(record["program"])
                if entry is not None and entry["shard"] == shard:
                    yield record


def read_manifest(root: Path) -> dict[str, Any]:
    path = root / MANIFEST
    if not path.is_file():
        raise ClaraError(f"{root}: not a Clara dataset (no {MANIFEST})")
    manifest: dict[str, Any] = json.loads(path.read_text())
    if manifest.get("schema") != SCHEMA:
        raise ClaraError(f"{path}: schema {manifest.get('schema')!r}, expected {SCHEMA!r}")
    return manifest


class DatasetWriter:
    """Appends finished and failed programs to a dataset directory; resumable.

    ``identity`` (target, compilers and their versions, plugin and catalog hashes, program
    source) must equal the one already in the directory: a dataset never mixes tools.
    """

    def __init__(self, root: Path, identity: Mapping[str, Any], shard_size: int = 500) -> None:
        self.root, self.identity, self.shard_size = root, dict(identity), shard_size
        (root / DATA_DIR).mkdir(parents=True, exist_ok=True)
        created = now()
        if (root / MANIFEST).is_file():
            manifest = read_manifest(root)
            if manifest["identity"] != self.identity:
                raise ClaraError(f"{root}: {self._difference(manifest['identity'])}; build into "
                                 "a new directory (a dataset never mixes tools or sources)")
            created = manifest["created"]
        self.manifest: dict[str, Any] = {"schema": SCHEMA, "created": created,
                                         "identity": self.identity}
        for name in (INDEX, FAILURES):
            trim_torn_line(root / name)
            (root / name).touch()
        self.done = set(done_programs(root))
        self.failed = set(failed_programs(root))
        self._shard: IO[str] | None = None
        self._shard_name = ""
        self._in_shard = 0

    def _difference(self, old: Mapping[str, Any]) -> str:
        keys = sorted(k for k in {*old, *self.identity} if old.get(k) != self.identity.get(k))
        return "already built with a different " + ", ".join(
            f"{k} ({old.get(k)!r}, now {self.identity.get(k)!r})" for k in keys)

    def is_finished(self, program: str) -> bool:
        """Done or failed before: a resumed build skips it."""
        return program in self.done or program in self.failed

    def _next_shard(self) -> None:
        if self._shard is not None:
            self._shard.close()
        existing = {p.name for p in (self.root / DATA_DIR).glob("blocks-*.jsonl")}
        number = len(existing)
        while f"blocks-{number:05d}.jsonl" in existing:
            number += 1
        self._shard_name = f"blocks-{number:05d}.jsonl"
        self._shard = (self.root / DATA_DIR / self._shard_name).open("a")
        self._in_shard = 0

    def add(self, program: str, seed: int | None, records: list[dict[str, Any]],
            stats: Mapping[str, Any]) -> None:
        """Append one finished program: its records, then its index line."""
        if self._shard is None or self._in_shard >= self.shard_size:
            self._next_shard()
        assert self._shard is not None
        self._shard.write("".join(json.dumps(r) + "\n" for r in records))
        self._shard.flush()
        entry = {"program": program, "seed": seed, "shard": self._shard_name,
                 "blocks": len(records), "stats": dict(stats)}
        self._append(INDEX, entry)
        self._in_shard += 1
        self.done.add(program)

    def fail(self, entry: Mapping[str, Any]) -> None:
        """Append one failed program (``program``, ``seed``, ``stage``, ``error``, ...)."""
        self._append(FAILURES, entry)
        self.failed.add(str(entry["program"]))

    def _append(self, name: str, entry: Mapping[str, Any]) -> None:
        with (self.root / name).open("a") as handle:
            handle.write(json.dumps(entry) + "\n")

    def write_manifest(self, state: str, run: Mapping[str, Any]) -> dict[str, Any]:
        """Write ``manifest.json`` with the counts as they are now; returns it."""
        done, failed = done_programs(self.root), failed_programs(self.root)
        seeds = [e["seed"] for e in (*done.values(), *failed.values()) if e["seed"] is not None]
        self.manifest.update({
            "updated": now(),
            "state": state,
            "seeds": [min(seeds), max(seeds)] if seeds else None,
            "last_run": dict(run),
            "counts": summarize(done, failed),
            "files": {"index": INDEX, "failures": FAILURES,
                      "shards": sorted({f"{DATA_DIR}/{e['shard']}" for e in done.values()})},
        })
        write_json_atomically(self.root / MANIFEST, self.manifest)
        return self.manifest

    def close(self) -> None:
        if self._shard is not None:
            self._shard.close()
            self._shard = None
