"""Run time of the accelerator-opportunity detector: regions -> features -> ONNX -> detections.

Needs only numpy and onnxruntime. ``load_detector`` reads ``models_onnx/accel.onnx``, its card
``accel.json`` and the pattern list ``accel-patterns.json``, and refuses (ClaraError naming the
file and the fix) a card of another schema, a pattern list whose SHA-256 differs from the
card's, or feature names that differ from this Clara's. ``detect_accelerators`` is a pure
function of the module's feature records and the model files.

A region's class is the arg-max of the model's probabilities when that probability reaches
the card's abstention threshold (``decision.threshold``, chosen by inner cross-validation at
training time), else ``none``: no engine suggestion is better than a wrong one. Of nested
detections of one class in one function the outermost loop is kept (a CRC's byte loop, not its
bit loop), and a function is reported only when none of its loops carries the same class (an
unrolled cipher without loops); copies of one loop inlined at several call sites are reported
once. So each algorithm gets one detection where a remark reads best.

Given the semantic check's proofs (``clara.accel.semantic``), a region a proof covers takes the
proof's class with probability 1, except that a hash proof of code the model calls crypto more
often than hash leaves it crypto (avalanche does not tell a cipher from a hash), and a proven
helper inlined into a searched function is a region of its own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from clara.accel.features import STRUCTURAL_FEATURES, feature_names, region_vectors
from clara.accel.patterns import PatternList, read_pattern_list
from clara.accel.regions import DEFAULT_KINDS, FUNCTION, INLINED, LOOP, Region, module_regions
from clara.accel.semantic import Proof
from clara.errors import ClaraError
from clara.files import file_sha256
from clara.insights.ir_summary import reported_functions
from clara.ir.features import ModuleFeatures
from clara.models.onnx_model import MODELS_DIR, read_card

CLASSES = ("none", "crc", "checksum", "lpm", "hash", "crypto")
INPUT_SCHEMA = "clara.accel-features/3"
CARD_SCHEMA = "clara.accel-card/2"
MODEL_NAME = "accel"
PATTERNS_FILE = "accel-patterns.json"
RETRAIN = "clara train accel -o models_onnx/"


@dataclass(frozen=True)
class Detection:
    """One region the model assigns to an accelerator class."""

    file: str
    function: str           # mangled name, as in the feature records
    demangled: str
    region: str             # "function" or "loop"
    header: int             # block index of the loop header (the entry block for a function)
    header_block: str       # that block's IR name
    first_line: int
    cls: str                # one of CLASSES[1:]
    probability: float      # 1.0 for a region proven by execution
    proof: str = ""         # what the semantic check showed (clara.accel.semantic), or ""
    helper: str = ""        # an inlined region's helper (demangled), or ""


@dataclass(frozen=True)
class Detector:
    """A loaded model: card, pattern list and onnxruntime session."""

    directory: Path
    card: dict[str, Any]
    patterns: PatternList
    session: Any

    @property
    def region_kinds(self) -> tuple[str, ...]:
        """The region kinds the model was trained on (a card without ``region_kinds``:
        ``DEFAULT_KINDS``); it is never asked about others."""
        return tuple(self.card.get("region_kinds", DEFAULT_KINDS))

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        """Class probabilities (columns in ``CLASSES`` order) for feature rows."""
        if len(rows) == 0:
            return np.zeros((0, len(CLASSES)))
        out = np.asarray(self.session.run(["probabilities"],
                                          {"features": rows.astype(np.float32)})[0])
        full = np.zeros((len(rows), len(CLASSES)))
        for j, cls in enumerate(self.card["classes"]):
            full[:, CLASSES.index(cls)] = out[:, j]
        return full


def _refuse(path: Path, what: str) -> ClaraError:
    return ClaraError(f"{path}: {what}; retrain with `{RETRAIN}` (or use the Clara version "
                      "that wrote the model)")


def check_detector_card(card: dict[str, Any], card_path: Path, patterns_path: Path) -> None:
    """Raise unless the card matches this Clara and the pattern list file beside it."""
    if card.get("schema") != CARD_SCHEMA or card.get("input_schema") != INPUT_SCHEMA:
        raise _refuse(card_path, f"card schema {card.get('schema')!r} / input schema "
                                 f"{card.get('input_schema')!r}, this Clara expects "
                                 f"{CARD_SCHEMA!r} / {INPUT_SCHEMA!r}")
    declared = card.get("patterns", {}).get("sha256")
    actual = file_sha256(patterns_path)
    if declared != actual:
        raise _refuse(card_path, f"pattern list {patterns_path.name} has SHA-256 "
                                 f"{actual[:12]}..., the card expects "
                                 f"{str(declared)[:12]}...: the two files are not from one "
                                 "training run")
    threshold = card.get("decision", {}).get("threshold")
    if not isinstance(threshold, (int, float)) or not 0.0 <= threshold < 1.0:
        raise _refuse(card_path, f"decision.threshold {threshold!r} is not a number in [0, 1)")
    classes = card.get("classes", [])
    if "none" not in classes or any(c not in CLASSES for c in classes):
        raise _refuse(card_path, f"classes {classes} are not 'none' plus some of "
                                 f"{list(CLASSES[1:])}")


@lru_cache(maxsize=4)
def load_detector(directory: Path = MODELS_DIR) -> Detector:
    """Load and check ``accel.onnx``, ``accel.json`` and ``accel-patterns.json``."""
    import onnxruntime as ort

    directory = Path(directory)
    onnx_path = directory / f"{MODEL_NAME}.onnx"
    card_path = directory / f"{MODEL_NAME}.json"
    patterns_path = directory / PATTERNS_FILE
    if not onnx_path.is_file():
        raise ClaraError(f"{onnx_path}: model file missing; train it with `{RETRAIN}`")
    card = read_card(card_path)
    if not patterns_path.is_file():
        raise _refuse(patterns_path, "pattern list missing")
    check_detector_card(card, card_path, patterns_path)
    patterns = read_pattern_list(patterns_path)
    names = feature_names(patterns.tokens)
    if list(card.get("inputs", {}).get("features", [])) != names or \
            list(card.get("structural_features", [])) != list(STRUCTURAL_FEATURES):
        raise _refuse(card_path, "feature names differ from this Clara's")
    options = ort.SessionOptions()
    options.log_severity_level = 3
    session = ort.InferenceSession(str(onnx_path), options, providers=["CPUExecutionProvider"])
    return Detector(directory, card, patterns, session)


def decide(proba: np.ndarray, threshold: float) -> list[str]:
    """Per row of probabilities (columns in ``CLASSES`` order): the arg-max class if its
    probability is at least ``threshold``, else ``none``."""
    best = np.argmax(proba, axis=1) if len(proba) else np.zeros(0, dtype=int)
    return [CLASSES[b] if row[b] >= threshold else "none" for b, row in zip(best, proba,
                                                                               strict=True)]


def classify_regions(detector: Detector, regions: Sequence[Region]) -> np.ndarray:
    """Probabilities (regions x CLASSES) of each region (whole functions' regions: a loop's
    features include its function's)."""
    return detector.probabilities(region_vectors(regions, detector.patterns))


def _keep(candidates: list[tuple[Region, str, float]]) -> list[tuple[Region, str, float]]:
    """Per class and function: the outermost loop; an inlined helper only without a
    same-class loop inside it or a same-class helper around it; the function only without
    either."""
    kept = []
    for region, cls, p in candidates:
        same = [r for r, c, _ in candidates
                if c == cls and r.function == region.function and r is not region]
        if region.kind == FUNCTION and any(r.kind in (LOOP, INLINED) for r in same):
            continue
        if region.kind == LOOP and any(r.kind == LOOP and set(region.blocks) < set(r.blocks)
                                       for r in same):
            continue
        if region.kind == INLINED and any(
                (r.kind == LOOP and set(r.blocks) <= set(region.blocks))
                or (r.kind == INLINED and r.helper in region.enclosing) for r in same):
            continue
        kept.append((region, cls, p))
    return kept


@dataclass(frozen=True)
class ProofIndex:
    """Proofs by what they cover: whole functions by IR and demangled name; loops
    (``Proof.line``) by the function they were written in and their header's source line;
    with the source lines of each block, ``(function, block index)``."""

    functions: Mapping[str, Proof]
    loops: Mapping[tuple[str, int], Proof]
    block_lines: Mapping[tuple[str, int], frozenset[int]]


def index_proofs(module: ModuleFeatures, proofs: Sequence[Proof]) -> ProofIndex:
    """``proofs`` indexed for ``proven_class`` (a function proof names its function as the
    IR does; an inlined region names its helper demangled: both are keys)."""
    whole = [p for p in proofs if not p.line]
    return ProofIndex(
        {**{p.demangled: p for p in whole if p.demangled}, **{p.function: p for p in whole}},
        {(p.function, p.line): p for p in proofs if p.line},
        {(b.function, b.index): frozenset({b.first_line, *(loc[0] for loc in b.line_locs)})
         for b in module.blocks})


def proven_class(region: Region, index: ProofIndex) -> Proof | None:
    """The proof that covers ``region``: one of its function's; for a loop or the scope of
    an inlined helper, one of that helper's (the header block's ``origin``; an inlined
    region's ``helper``); for a loop, a loop proof of the function its header was written in
    at one of the header block's lines."""
    if region.function in index.functions:
        return index.functions[region.function]
    if region.kind == INLINED:
        return index.functions.get(region.helper)
    if region.kind == FUNCTION:
        return None
    origin = region.dataflow[region.blocks.index(region.header)].origin
    if origin in index.functions:
        return index.functions[origin]
    written_in = origin or region.function
    lines = index.block_lines.get((region.function, region.header), frozenset())
    return next((index.loops[(written_in, line)] for line in sorted(lines)
                 if (written_in, line) in index.loops), None) if region.kind == LOOP else None


def class_with_proof(proof: Proof, predicted: Sequence[str]) -> str:
    """The class of the code a proof covers, given the model's arg-max class ``predicted``
    for each region of that code: the proof's, except that a hash proof (avalanche, which
    ciphers and cryptographic hashes have as well) of code whose regions the model calls
    crypto more often than hash leaves it crypto."""
    crypto = proof.cls == "hash" and predicted.count("crypto") > predicted.count("hash")
    return "crypto" if crypto else proof.cls


def detect_accelerators(module: ModuleFeatures, model_dir: Path = MODELS_DIR,
                        packet_path_only: bool = True,
                        proofs: Sequence[Proof] = ()) -> list[Detection]:
    """Accelerator-class regions of ``module``, in region order.

    ``packet_path_only`` restricts the search to the functions the analysis reports (packet
    entries, or every function of a module without one), as ``clara analyze`` does.
    ``proofs`` (``clara.accel.proofs.prove_module`` on the module's IR) override the model
    for the regions they cover (``proven_class``): class from the proof, probability 1; a
    proven helper inlined into a searched function is also a region of its own (an
    ``inlined`` one, whatever kinds the model was trained on).
    """
    detector = load_detector(Path(model_dir))
    functions = [f.name for f in (reported_functions(module) if packet_path_only
                                  else module.functions)]
    regions = module_regions(module, functions, detector.region_kinds)
    probs = classify_regions(detector, regions)
    decisions = decide(probs, float(detector.card["decision"]["threshold"]))
    covered, extra, proof_class = _apply_proofs(
        module, functions, detector.region_kinds, regions,
        [CLASSES[int(np.argmax(row))] for row in probs], proofs)
    candidates = []
    evidence: dict[tuple[str, str, int, str], str] = {}
    for region, row, cls, proof in zip(regions, probs, decisions, covered, strict=True):
        if proof is not None:
            candidates.append((region, proof_class[proof], 1.0))
            evidence[region.key] = proof.detail
        elif cls != "none":
            candidates.append((region, cls, float(row[CLASSES.index(cls)])))
    for region, proof in extra:
        candidates.append((region, proof_class[proof], 1.0))
        evidence[region.key] = proof.detail
    names = {(b.function, b.index): b.name for b in module.blocks}
    return [Detection(module.source_file, r.function, r.demangled, r.kind, r.header,
                      names.get((r.function, r.header), ""), r.first_line, cls, round(p, 4),
                      evidence.get(r.key, ""), r.helper)
            for r, cls, p in _one_per_location(module, _keep(candidates))]


def _apply_proofs(module: ModuleFeatures, functions: Sequence[str], kinds: Sequence[str],
                  regions: Sequence[Region], predicted: Sequence[str],
                  proofs: Sequence[Proof]
                  ) -> tuple[list[Proof | None], list[tuple[Region, Proof]], dict[Proof, str]]:
    """Which proof covers each of ``regions`` (``proven_class``; None), the proven helpers
    inlined into ``functions`` as regions of their own (when ``kinds``, the model's, leave
    inlined helpers out: a loop-free hash finalizer has no loop to carry its class), and per
    proof the class its code gets (``class_with_proof`` over the model's arg-max
    ``predicted`` for the regions the proof covers and the loops inside its inlined copies,
    each region once)."""
    index = index_proofs(module, proofs)
    covered = [proven_class(r, index) for r in regions]
    extra: list[tuple[Region, Proof]] = []
    if proofs and INLINED not in kinds:
        extra = [(r, proof) for r in module_regions(module, functions, (INLINED,))
                 if (proof := proven_class(r, index)) is not None]
    votes: dict[Proof, dict[tuple[str, str, int, str], str]] = {}
    for region, cls, proof in zip(regions, predicted, covered, strict=True):
        if proof is not None:
            votes.setdefault(proof, {})[region.key] = cls
    for helper, proof in extra:
        votes.setdefault(proof, {}).update(
            (r.key, cls) for r, cls in zip(regions, predicted, strict=True)
            if r.function == helper.function and r.kind == LOOP
            and set(r.blocks) <= set(helper.blocks))
    classes = {p: class_with_proof(p, list(votes.get(p, {}).values())) for p in proofs}
    return covered, extra, classes


def _one_per_location(module: ModuleFeatures, kept: list[tuple[Region, str, float]]
                      ) -> list[tuple[Region, str, float]]:
    """One detection per function, class, region kind and source location (the header's
    first line, in the file its code is in): a helper inlined at two call sites puts two
    copies of its loops in the function, which are one algorithm to report (the most
    probable copy is kept, in the place of the first)."""
    files = {(b.function, b.index): b.line_locs[0][2] if b.line_locs else ""
             for b in module.blocks}
    best: dict[tuple[str, str, str, int, str], int] = {}
    out: list[tuple[Region, str, float]] = []
    for region, cls, p in kept:
        where = (region.function, cls, region.kind, region.first_line,
                 files.get((region.function, region.header), ""))
        if where not in best:
            best[where] = len(out)
            out.append((region, cls, p))
        elif p > out[best[where]][2]:
            out[best[where]] = (region, cls, p)
    return out
