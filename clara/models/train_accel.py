"""Training the accelerator-opportunity detector (extra ``[train]``): dataset, CV, export.

Pipeline: corpus files -> variants (``clara.accel.variants.compile_variants``) -> plugin
records (``clara-prepare,clara-features``) -> regions (``clara.accel.regions``) -> labels ->
pattern mining and features -> classifiers -> ONNX + card + pattern list.

* **Cache.** Each source file's records are cached in ``build/accel-cache/<key>.json.gz``, the
  key hashing the file's bytes, the variant generator, the plugin and the variant options, so
  re-running after the corpus grows only compiles the new files.
* **Labels.** The entry function, the ``helpers=`` functions and every loop inside them carry
  the file's class; every other region is ``none``, except a region of an unlabelled function
  into which the labelled code was inlined (its blocks carry lines of a labelled function's
  definition): such a region is both and is left out of training. So is a crypto file's
  loop that only moves data (``moves_data_only``: block copies, pads, big-endian word loads
  and stores, a driver loop calling the compression function): the labelling rule would call
  it crypto, but it computes nothing of the cipher, and NF code is full of such loops.
  In a ``handler`` variant (``clara.accel.packet_handler``: the entry's body pasted into a
  synthetic packet handler, as code written in ``push``) only the handler's regions count:
  a loop made only of the corpus file's lines is the file's class, one made only of handler
  lines is ``none``.
* **Selection.** The pattern thresholds (support, confidence) and the SVM's C are chosen by
  grouped cross-validation over the *training* implementations only (``select_settings``);
  the shipped model family (SVM or an alternative) is the one with the best cross-validated
  macro F1 inside the training data.
* **Export.** skl2onnx (``zipmap=False``): inputs ``features`` (float32, n x d), outputs
  ``label`` and ``probabilities`` (columns in ``CLASSES`` order).
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import threading
import warnings
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from clara.accel.detect import (
    CARD_SCHEMA,
    CLASSES,
    INPUT_SCHEMA,
    MODEL_NAME,
    PATTERNS_FILE,
    decide,
)
from clara.accel.features import (
    STRUCTURAL_FEATURES,
    feature_names,
    structural_features,
)
from clara.accel.patterns import (
    MinedPattern,
    Pattern,
    PatternList,
    mining_view,
    pattern_statistics,
    region_patterns,
    select_patterns,
    view_op,
    weights_by_group,
)
from clara.accel.regions import (
    CANDIDATE_KINDS,
    DEFAULT_KINDS,
    FUNCTION,
    INLINED,
    LOOP,
    Region,
    module_regions,
)
from clara.accel.variants import (
    CONFIGS,
    CORPUS_DIR,
    Config,
    compile_variants,
    implementation_id,
    read_tag,
    tokenize,
)
from clara.errors import ClaraError
from clara.files import file_sha256
from clara.ir.features import ModuleFeatures, parse_features
from clara.toolchain.compile import run_passes
from clara.toolchain.llvm import find_plugin

REPO = Path(__file__).resolve().parents[2]
CACHE_DIR = REPO / "build" / "accel-cache"
POSITIVE = CLASSES[1:]
CACHE_VERSION = 2
TRANSFORMS = ("orig", "rename+reorder", "rename+handler")
K, MAX_GAP = 3, 2
PER_CLASS = 150
SUPPORT_GRID = (0.05, 0.2)
CONFIDENCE_GRID = (0.8, 0.95)
C_GRID = (3.0, 30.0)
MIN_IMPLS = 2  # a pattern must occur in this many implementations to be considered
THRESHOLD_GRID = (0.0, 0.4, 0.5, 0.6)  # abstention: none unless the top class reaches it
BETA = 0.5  # threshold choice: a wrong engine suggestion costs more than a miss
CV_FOLDS = 5
INNER_FOLDS = 3
OPSET = 15


# --------------------------------------------------------------------------- dataset


@dataclass(frozen=True)
class Sample:
    """One labelled region of one compiled variant."""

    impl: str
    label: str
    transform: str
    region: Region
    function_region: Region  # the enclosing function's region (itself for a function)

    @property
    def context(self) -> Region:
        """The region whose features accompany this one's: an inlined helper's own, an
        inlined helper loop's scope, else the enclosing function."""
        if self.region.kind == INLINED:
            return self.region
        return self.region.scope or self.function_region


def _cache_key(source: Path, seed: int, transforms: Sequence[str],
               configs: Sequence[Config]) -> str:
    h = hashlib.sha256()
    h.update(source.read_bytes())
    for module in ("variants.py", "packet_handler.py", "c_tokens.py"):
        h.update((REPO / "clara" / "accel" / module).read_bytes())
    h.update(file_sha256(find_plugin()).encode())
    h.update(json.dumps([CACHE_VERSION, seed, list(transforms),
                         [c.name for c in configs]]).encode())
    return h.hexdigest()[:24]


def function_extent(text: str, line: int) -> tuple[int, int]:
    """(first, last) source line of the definition starting on ``line``: up to the ``}``
    matching the first ``{`` at or after that line."""
    current, depth, opened = 1, 0, False
    for tok in tokenize(text):
        if current >= line and tok.kind == "punct":
            if tok.text == "{":
                depth += 1
                opened = True
            elif tok.text == "}" and opened:
                depth -= 1
                if depth == 0:
                    return line, current
        current += tok.text.count("\n")
    return line, current


def _name_matches(name: str, demangled: str, wanted: str) -> bool:
    base = demangled.split("(", 1)[0].split("::")[-1]
    return wanted in (name, demangled, base)


def _compile_source(source: Path, seed: int, transforms: Sequence[str],
                    configs: Sequence[Config]) -> dict[str, Any]:
    """Compile every variant of one source and run the plugin: the cacheable document."""
    tag = read_tag(source)
    variants_out = []
    with tempfile.TemporaryDirectory(prefix="clara-accel-") as tmp:
        for v in compile_variants(source, Path(tmp), seed, transforms=transforms,
                                  configs=configs):
            out = Path(tmp) / (v.ll_path.stem + ".jsonl")
            run_passes(v.ll_path, ["clara-prepare", "clara-features"],
                       [f"-clara-features-output={out}"])
            records = out.read_text()
            module = parse_features(records.splitlines(), str(out))
            text = v.variant_source.read_text(encoding="utf-8")
            extents = [function_extent(text, f.line) for f in module.functions
                       if f.line and any(_name_matches(f.name, f.demangled, n)
                                         for n in v.labelled)]
            variants_out.append({"transform": v.transform, "labelled": list(v.labelled),
                                 "extents": extents, "handler": v.handler,
                                 "handler_line": v.handler_line, "records": records})
    return {"impl": implementation_id(source), "label": tag.cls, "variants": variants_out}


def source_document(source: Path, seed: int = 1, transforms: Sequence[str] = TRANSFORMS,
                    configs: Sequence[Config] = CONFIGS,
                    cache_dir: Path = CACHE_DIR) -> dict[str, Any]:
    """One source's variants and records, from the cache or compiled (then cached)."""
    path = cache_dir / f"{_cache_key(source, seed, transforms, configs)}.json.gz"
    if path.is_file():
        with gzip.open(path, "rt") as handle:
            doc: dict[str, Any] = json.load(handle)
        return doc
    doc = _compile_source(source, seed, transforms, configs)
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
    with gzip.open(tmp, "wt") as handle:
        json.dump(doc, handle)
    tmp.replace(path)
    return doc


# Operations of a loop that moves data: addressing, counting, compares, widening and byte
# packing (``view_op`` names).
DATA_MOVEMENT_OPS = frozenset({
    "load", "store", "getelementptr", "br", "icmp", "add", "sub", "zext", "sext", "trunc",
    "shl", "lshr", "or", "select", "call"})


def moves_data_only(region: Region) -> bool:
    """Whether a loop region's mining view holds only ``DATA_MOVEMENT_OPS`` (no xor, and,
    multiply, division, remainder, arithmetic shift or rotate: nothing that mixes bits)."""
    return region.kind == LOOP and all(
        view_op(t) in DATA_MOVEMENT_OPS and not t.startswith("call llvm.fsh")
        for t in mining_view(region.tokens))


def region_label(module: ModuleFeatures, region: Region, cls: str,
                 labelled: Sequence[str], extents: Sequence[Sequence[int]],
                 handler: str | None = None, handler_line: int = 0) -> str | None:
    """The region's class, ``none``, or None when it mixes labelled and other code
    (``_file_label``; in a ``handler`` variant only the handler's regions count, by
    ``_handler_label``), except that a loop the rule would call crypto but that only moves
    data (``moves_data_only``) is None too."""
    if handler:
        info = next(f for f in module.functions if f.name == region.function)
        if not _name_matches(info.name, info.demangled, handler):
            return None  # the corpus file's own functions: the plain variants have them
        label = _handler_label(module, region, cls, labelled, handler_line)
    else:
        label = _file_label(module, region, cls, labelled, extents)
    return None if label == "crypto" and moves_data_only(region) else label


def _handler_label(module: ModuleFeatures, region: Region, cls: str,
                   labelled: Sequence[str], handler_line: int) -> str | None:
    """A region of the synthetic packet handler (``clara.accel.packet_handler``): the entry's
    body is pasted into it under its own line numbers and is the only way into the corpus
    file's code, so a loop made only of the file's lines (before ``handler_line``) is the
    file's class, as it is in the entry itself, and so is an inlined labelled helper; code
    made only of handler lines is ``none``; the rest (the handler function, an unlabelled
    helper of the file) is left out, as it is in the plain variants."""
    lines = _region_lines(module, region)
    if cls == "none" or (lines and min(lines) >= handler_line):
        return "none"
    if region.kind == INLINED:
        labelled_helper = any(_name_matches(region.helper, region.helper, n) for n in labelled)
        return cls if labelled_helper else None
    if region.kind == LOOP and lines and max(lines) < handler_line:
        return cls
    return None


def _file_label(module: ModuleFeatures, region: Region, cls: str,
               labelled: Sequence[str], extents: Sequence[Sequence[int]]) -> str | None:
    """The region's label by the file's class: ``cls`` for the labelled functions and their
    loops, ``none`` for other code, None for code that mixes both.

    An inlined helper's region: the class when the helper is labelled; None when it is not
    but the function it was inlined into is, or labelled code was inlined into it (an
    unlisted utility of the algorithm, or a wrapper around it); else ``none``."""
    if cls == "none":
        return "none"
    info = next(f for f in module.functions if f.name == region.function)
    function_labelled = any(_name_matches(info.name, info.demangled, n) for n in labelled)
    if region.kind == INLINED:
        if any(_name_matches(region.helper, region.helper, n) for n in labelled):
            return cls
        if function_labelled:
            return None
    elif function_labelled:
        return cls
    return None if _holds_labelled(module, region, extents) else "none"


def _region_lines(module: ModuleFeatures, region: Region) -> set[int]:
    """The source lines the region's blocks carry."""
    blocks = {b.index: b for b in module.blocks_of(region.function)}
    return {ln for i in region.blocks for ln in blocks[i].lines}


def _holds_labelled(module: ModuleFeatures, region: Region,
                    extents: Sequence[Sequence[int]]) -> bool:
    """Whether the region's blocks carry lines of a labelled function's definition."""
    return any(lo <= ln <= hi for ln in _region_lines(module, region) for lo, hi in extents)


def document_samples(doc: dict[str, Any],
                     kinds: Sequence[str] = DEFAULT_KINDS) -> list[Sample]:
    """Labelled regions (of the given kinds) of every variant in a cached source document."""
    out: list[Sample] = []
    for v in doc["variants"]:
        module = parse_features(v["records"].splitlines(), f"{doc['impl']} {v['transform']}")
        regions = module_regions(module, kinds=kinds)
        functions = {r.function: r for r in regions if r.kind == FUNCTION}
        for region in regions:
            label = region_label(module, region, doc["label"], v["labelled"], v["extents"],
                                 v["handler"], v["handler_line"])
            if label is not None:
                out.append(Sample(doc["impl"], label, v["transform"], region,
                                  functions[region.function]))
    return out


def build_dataset(files: Sequence[Path], jobs: int = 2, seed: int = 1,
                  transforms: Sequence[str] = TRANSFORMS, configs: Sequence[Config] = CONFIGS,
                  cache_dir: Path = CACHE_DIR, progress: bool = True,
                  kinds: Sequence[str] = DEFAULT_KINDS) -> list[Sample]:
    """Every labelled region (of ``kinds``) of every variant of ``files`` (compiled in
    ``jobs`` threads)."""
    from tqdm import tqdm

    bar = tqdm(total=len(files), desc="accel corpus", unit="file", file=sys.stderr,
               disable=not progress)

    def one(source: Path) -> list[Sample]:
        samples = document_samples(source_document(source, seed, transforms, configs,
                                                   cache_dir), kinds)
        bar.update(1)
        return samples

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        results = list(pool.map(one, files))
    bar.close()
    return [s for chunk in results for s in chunk]


def tagged_files(root: Path) -> list[Path]:
    """Every ``.c``/``.cc`` file under ``root`` that carries a ``clara-corpus:`` tag."""
    files = sorted(p for p in root.rglob("*") if p.suffix in (".c", ".cc") and p.is_file()
                   and "clara-corpus:" in p.read_text(encoding="utf-8", errors="replace"))
    if not files:
        raise ClaraError(f"{root}: no .c/.cc files with a `// clara-corpus:` tag; see "
                         "clara/accel/corpus/README.md for the format")
    return files


# --------------------------------------------------------------------------- features


@dataclass
class Design:
    """The mined pattern space of a dataset: views, candidate patterns, presence matrix."""

    samples: list[Sample]
    labels: np.ndarray
    groups: np.ndarray
    vocab: list[Pattern]
    presence: Any            # scipy CSR, samples x vocab (0/1)
    structural: np.ndarray   # samples x (STRUCTURAL_FEATURES, the function's ones)


def make_design(samples: Sequence[Sample], progress: bool = True) -> Design:
    """Views, all candidate patterns (in >= MIN_IMPLS implementations) and their presence."""
    from scipy.sparse import csr_matrix
    from tqdm import tqdm

    views = [mining_view(s.region.tokens) for s in samples]
    by_view: dict[tuple[str, ...], int] = {}
    unique_sets: list[set[Pattern]] = []
    view_id = []
    for view in views:
        if view not in by_view:
            by_view[view] = len(unique_sets)
            unique_sets.append(set())
        view_id.append(by_view[view])
    for view, i in tqdm(by_view.items(), desc="patterns", unit="view", file=sys.stderr,
                        disable=not progress):
        unique_sets[i] = region_patterns(view, K, MAX_GAP)
    impls_of: dict[Pattern, set[str]] = {}
    for s, vid in zip(samples, view_id, strict=True):
        for p in unique_sets[vid]:
            impls_of.setdefault(p, set()).add(s.impl)
    vocab = sorted(p for p, impls in impls_of.items() if len(impls) >= MIN_IMPLS)
    col = {p: j for j, p in enumerate(vocab)}
    unique_cols = [sorted(col[p] for p in pats if p in col) for pats in unique_sets]
    rows, cols = [], []
    for r, vid in enumerate(view_id):
        cols.extend(unique_cols[vid])
        rows.extend([r] * len(unique_cols[vid]))
    presence = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(samples), len(vocab)))
    structural = np.array([structural_features(s.region, v) for s, v in
                           zip(samples, views, strict=True)]).reshape(len(samples), -1)
    context = np.array([row if s.context is s.region else
                        structural_features(s.context, mining_view(s.context.tokens))
                        for s, row in zip(samples, structural, strict=True)])
    return Design(list(samples), np.array([s.label for s in samples]),
                  np.array([s.impl for s in samples]), vocab, presence,
                  np.hstack([structural, context]))


def choose_patterns(design: Design, rows: np.ndarray, min_support: float,
                    min_confidence: float) -> list[int]:
    """Vocabulary columns kept when mining on ``rows`` with these thresholds."""
    w = weights_by_group(design.groups[rows].tolist(), design.labels[rows].tolist())
    support, confidence = pattern_statistics(design.presence[rows], design.labels[rows], w,
                                             CLASSES)
    return select_patterns(support, confidence, CLASSES, POSITIVE, min_support,
                           min_confidence, PER_CLASS)


def matrix(design: Design, rows: np.ndarray, columns: Sequence[int]) -> np.ndarray:
    """Feature matrix (pattern presence, structural) of ``rows`` for kept ``columns``."""
    pats = design.presence[rows][:, list(columns)].toarray() if columns else \
        np.zeros((len(rows), 0))
    return np.hstack([pats, design.structural[rows]])


# --------------------------------------------------------------------------- models


MODEL_FAMILIES = ("svm", "forest", "logreg")


def make_model(family: str, c: float, seed: int = 0, probability: bool = True) -> Any:
    """An unfitted classifier of ``family`` (a pipeline with scaling where it matters).

    ``probability=False`` skips the SVM's Platt calibration (inner CV only predicts labels).
    """
    from sklearn.ensemble import RandomForestClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler
    from sklearn.svm import SVC

    if family == "svm":
        return make_pipeline(StandardScaler(), SVC(C=c, kernel="rbf", gamma="scale",
                                                   probability=probability, class_weight="balanced",
                                                   random_state=seed))
    if family == "logreg":
        return make_pipeline(StandardScaler(), LogisticRegression(
            C=c / 10, max_iter=3000, class_weight="balanced"))
    if family == "forest":
        return RandomForestClassifier(n_estimators=100, min_samples_leaf=3,
                                      class_weight="balanced", n_jobs=1, random_state=seed)
    raise ValueError(f"unknown model family {family!r}")


def dedupe(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Unique (row, label) pairs with their counts as sample weights."""
    keyed = np.hstack([x, np.array([CLASSES.index(v) for v in y])[:, None]])
    uniq, counts = np.unique(keyed, axis=0, return_counts=True)
    return uniq[:, :-1], np.array([CLASSES[int(i)] for i in uniq[:, -1]]), counts.astype(float)


def fit(family: str, c: float, x: np.ndarray, y: np.ndarray, seed: int = 0,
        probability: bool = True) -> Any:
    """Fit on de-duplicated rows weighted by multiplicity."""
    ux, uy, w = dedupe(x, y)
    model = make_model(family, c, seed, probability)
    step = model.steps[-1][0] + "__sample_weight" if hasattr(model, "steps") else \
        "sample_weight"
    with warnings.catch_warnings():
        # SVC(probability=True) is deprecated from scikit-learn 1.9 (still supported, and
        # skl2onnx converts it to one SVMClassifier node)
        warnings.filterwarnings("ignore", message=".*probability.*", category=FutureWarning)
        model.fit(ux, uy, **{step: w})
    return model


def grouped_folds(groups: np.ndarray, labels: np.ndarray, n_folds: int,
                  seed: int) -> np.ndarray:
    """Fold per row: implementations shuffled within each file class, dealt round-robin."""
    impl_class: dict[str, str] = {}
    for g, lab in zip(groups, labels, strict=True):
        if lab != "none" or g not in impl_class:
            impl_class[g] = lab if lab != "none" else impl_class.get(g, "none")
    rng = np.random.RandomState(seed)
    fold_of: dict[str, int] = {}
    offset = 0
    for cls in CLASSES:
        impls = sorted(g for g, c in impl_class.items() if c == cls)
        for i, j in enumerate(rng.permutation(len(impls))):
            fold_of[impls[j]] = (i + offset) % n_folds
        offset += len(impls)
    return np.array([fold_of[g] for g in groups])


def macro_f1(y_true: Sequence[str], y_pred: Sequence[str]) -> float:
    from sklearn.metrics import f1_score

    return float(f1_score(y_true, y_pred, labels=list(CLASSES), average="macro",
                          zero_division=0))


def macro_fbeta(y_true: Sequence[str], y_pred: Sequence[str], beta: float = BETA) -> float:
    """Macro F-beta over the accelerator classes (``none`` is the abstention, not a class
    whose suggestion can be wrong)."""
    from sklearn.metrics import fbeta_score

    return float(fbeta_score(y_true, y_pred, labels=list(POSITIVE), average="macro",
                             beta=beta, zero_division=0))


@dataclass(frozen=True)
class Settings:
    """Hyperparameters chosen by inner cross-validation."""

    min_support: float
    min_confidence: float
    c: float
    family: str
    inner_f1: dict[str, float]
    threshold: float
    inner_fbeta: dict[float, float]


def select_settings(design: Design, rows: np.ndarray, families: Sequence[str],
                    seed: int = 0, progress: bool = False) -> Settings:
    """Thresholds and C by inner grouped CV of the SVM on ``rows``; then the family with the
    best inner macro F1 at those settings; then the abstention threshold that maximises the
    chosen family's inner macro F-beta (``BETA``) over the accelerator classes."""
    folds = grouped_folds(design.groups[rows], design.labels[rows], INNER_FOLDS, seed + 7)

    def inner_proba(family: str, sup: float, conf: float, c: float,
                    probability: bool) -> np.ndarray:
        """Held-out class probabilities (CLASSES order; one-hot without ``probability``)."""
        out = np.zeros((len(rows), len(CLASSES)))
        for f in range(INNER_FOLDS):
            tr, te = rows[folds != f], rows[folds == f]
            cols = choose_patterns(design, tr, sup, conf)
            model = fit(family, c, matrix(design, tr, cols), design.labels[tr], seed,
                        probability=probability)
            out[folds == f] = class_probabilities(model, matrix(design, te, cols),
                                                  probability)
        return out

    def f1_of(proba: np.ndarray) -> float:
        return macro_f1(design.labels[rows], decide(proba, 0.0))

    grid = [(s, cf, c) for s in SUPPORT_GRID for cf in CONFIDENCE_GRID for c in C_GRID]
    scores = {}
    for combo in grid:
        scores[combo] = f1_of(inner_proba("svm", *combo, probability=False))
        if progress:
            print(f"  inner CV svm support={combo[0]} confidence={combo[1]} C={combo[2]}: "
                  f"macro F1 {scores[combo]:.4f}", file=sys.stderr)
    best = max(grid, key=lambda g: (scores[g], -g[2]))
    family_f1 = {"svm": scores[best]}
    proba = {}
    for family in families:
        if family != "svm":
            proba[family] = inner_proba(family, *best, probability=True)
            family_f1[family] = f1_of(proba[family])
    chosen = max(families, key=lambda f: (family_f1[f], f == "svm"))
    if chosen not in proba:
        proba[chosen] = inner_proba(chosen, *best, probability=True)
    fbeta = {t: macro_fbeta(design.labels[rows], decide(proba[chosen], t))
             for t in THRESHOLD_GRID}
    threshold = max(THRESHOLD_GRID, key=lambda t: (fbeta[t], -t))
    return Settings(best[0], best[1], best[2], chosen, family_f1, threshold, fbeta)


def class_probabilities(model: Any, x: np.ndarray, probability: bool = True) -> np.ndarray:
    """The model's probabilities with columns in ``CLASSES`` order (one-hot predictions
    when ``probability`` is False: an SVM fitted without Platt scaling)."""
    classes = [str(c) for c in model.classes_]
    out = np.zeros((len(x), len(CLASSES)))
    if probability:
        p = model.predict_proba(x)
        for j, cls in enumerate(classes):
            out[:, CLASSES.index(cls)] = p[:, j]
    else:
        out[np.arange(len(x)), [CLASSES.index(str(v)) for v in model.predict(x)]] = 1.0
    return out


# --------------------------------------------------------------------------- export


def to_onnx(model: Any, n_features: int) -> bytes:
    from skl2onnx import to_onnx as convert
    from skl2onnx.common.data_types import FloatTensorType

    options = {id(model): {"zipmap": False}}
    onx = convert(model, initial_types=[("features", FloatTensorType([None, n_features]))],
                  target_opset={"": OPSET, "ai.onnx.ml": 3}, options=options)
    return bytes(onx.SerializeToString())


def git_commit() -> str:
    proc = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO,
                          capture_output=True, text=True, check=False)
    return proc.stdout.strip() or "unknown"


def class_counts(samples: Sequence[Sample]) -> dict[str, dict[str, int]]:
    impls: dict[str, set[str]] = {c: set() for c in CLASSES}
    regions = dict.fromkeys(CLASSES, 0)
    for s in samples:
        impls[s.label].add(s.impl)
        regions[s.label] += 1
    return {c: {"implementations": len(impls[c]), "regions": regions[c]} for c in CLASSES}


def per_class_metrics(y_true: Sequence[str], y_pred: Sequence[str]) -> dict[str, Any]:
    """Per-class precision/recall/support and the confusion matrix (rows true, cols pred)."""
    from sklearn.metrics import confusion_matrix, precision_recall_fscore_support

    p, r, _, n = precision_recall_fscore_support(y_true, y_pred, labels=list(CLASSES),
                                                 zero_division=0)
    return {
        "per_class": {c: {"precision": round(float(p[i]), 4), "recall": round(float(r[i]), 4),
                          "support": int(n[i])} for i, c in enumerate(CLASSES)},
        "confusion": {"labels": list(CLASSES),
                      "matrix": confusion_matrix(y_true, y_pred,
                                                 labels=list(CLASSES)).tolist()},
        "macro_f1": round(macro_f1(y_true, y_pred), 4),
    }


def train(files: Sequence[Path], out_dir: Path, *, jobs: int = 2, seed: int = 1,
          transforms: Sequence[str] = TRANSFORMS, configs: Sequence[Config] = CONFIGS,
          families: Sequence[str] = MODEL_FAMILIES, cache_dir: Path = CACHE_DIR,
          heldout: dict[str, Any] | None = None, threshold: float | None = None,
          kinds: Sequence[str] = DEFAULT_KINDS, progress: bool = True) -> dict[str, Any]:
    """Build the dataset (regions of ``kinds``), choose settings by inner CV, fit on
    everything, write the files.

    ``heldout`` (metrics from ``benchmarks/accel_accuracy.py``) goes into the card as is.
    ``threshold`` fixes the abstention threshold instead of the inner CV's choice (which the
    card records either way). Returns the card.
    """
    if threshold is not None and not 0.0 <= threshold < 1.0:
        raise ClaraError(f"--threshold {threshold}: the abstention threshold is a probability "
                         "in [0, 1) (0: always the arg-max class)")
    samples = build_dataset(files, jobs, seed, transforms, configs, cache_dir, progress,
                            kinds)
    if "none" not in {s.label for s in samples} or len({s.label for s in samples}) < 2:
        raise ClaraError("the corpus needs regions of class none and of at least one "
                         "accelerator class (see clara/accel/corpus/README.md)")
    design = make_design(samples, progress)
    rows = np.arange(len(samples))
    settings = select_settings(design, rows, families, seed, progress)
    cols = choose_patterns(design, rows, settings.min_support, settings.min_confidence)
    model = fit(settings.family, settings.c, matrix(design, rows, cols), design.labels, seed)
    classes = [str(c) for c in model.classes_]
    w = weights_by_group(design.groups.tolist(), design.labels.tolist())
    support, confidence = pattern_statistics(design.presence, design.labels, w, CLASSES)
    mined = []
    for j in cols:
        ci = int(np.argmax(confidence[1:, j])) + 1
        mined.append(MinedPattern(design.vocab[j], CLASSES[ci], float(support[ci, j]),
                                  float(confidence[ci, j])))
    patterns = PatternList(tuple(mined), K, MAX_GAP, settings.min_support,
                           settings.min_confidence)
    out_dir.mkdir(parents=True, exist_ok=True)
    patterns_path = out_dir / PATTERNS_FILE
    patterns_path.write_text(patterns.to_json())
    names = feature_names(patterns.tokens)
    (out_dir / f"{MODEL_NAME}.onnx").write_bytes(to_onnx(model, len(names)))
    card = {
        "name": MODEL_NAME,
        "schema": CARD_SCHEMA,
        "input_schema": INPUT_SCHEMA,
        "inputs": {"features": names},
        "outputs": {"label": "class name", "probabilities": list(classes)},
        "classes": list(classes),
        "region_kinds": [k for k in CANDIDATE_KINDS if k in kinds],
        "model": {"family": settings.family, "svm_C": settings.c,
                  "inner_cv_macro_f1": {k: round(v, 4) for k, v in settings.inner_f1.items()}},
        "decision": {"threshold": settings.threshold if threshold is None else threshold,
                     "chosen_by": "inner CV" if threshold is None else "fixed by the trainer",
                     "inner_cv_choice": settings.threshold,
                     "rule": "arg-max class if its probability >= threshold, else none",
                     "inner_cv_macro_fbeta": {str(t): round(v, 4)
                                              for t, v in settings.inner_fbeta.items()},
                     "beta": BETA},
        "patterns": {"file": PATTERNS_FILE, "sha256": file_sha256(patterns_path),
                     "count": len(mined), "k": K, "max_gap": MAX_GAP,
                     "min_support": settings.min_support,
                     "min_confidence": settings.min_confidence},
        "structural_features": list(STRUCTURAL_FEATURES),
        "training_data": {
            "corpus": sorted({s.impl.split("/")[0] for s in samples}),
            "files": len(files), "variants": len({(s.impl, s.transform) for s in samples}),
            "regions": len(samples), "by_class": class_counts(samples),
            "transforms": list(transforms), "configs": [c.name for c in configs],
            "seed": seed, "loop_regions": sum(1 for s in samples if s.region.kind == LOOP),
        },
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "git_commit": git_commit(),
        "heldout": heldout or {},
    }
    (out_dir / f"{MODEL_NAME}.json").write_text(json.dumps(card, indent=1) + "\n")
    return card


def default_files() -> list[Path]:
    return tagged_files(CORPUS_DIR)
