"""The compute model's baselines (extra ``[train]``), trained and scored in the same run.

This module owns the four baselines of issue 4, each fitted on the training programs and
predicting (compute, memory) per block: (1) IR instruction count times a fitted ratio;
(2) non-negative least squares over opcode counts; (3) gradient-boosted trees on token
counts plus the block's callee and function context; (4) a DNN and a 1-D CNN on the same
token input and context as the LSTM (the paper's baselines). The LSTM itself is trained in
:mod:`clara.models.train_compute`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from clara.insights.compute import Record, encode_block, encode_records, outputs_to_counts
from clara.ir.vocabulary import Vocabulary
from clara.models.train_compute import (
    CnnModel,
    DnnModel,
    LstmModel,
    ModelFactory,
    Split,
    TrainConfig,
    deduplicate,
    fit_ensemble,
    fit_scales,
    labels,
    predict_torch,
    training_targets,
)

MEMORY_KINDS = ("mem.stack", "mem.state", "mem.packet")


class Predictor(Protocol):
    """A model fitted on training blocks (each with a loss weight) that predicts
    (compute, memory) per block."""

    name: str

    def fit(self, split: Split, vocabulary: Vocabulary) -> None: ...

    def predict(self, records: Sequence[Record]) -> np.ndarray: ...


def weighted_median_ratio(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> float:
    """The a minimizing sum w |a x - y| (x >= 0): the (w x)-weighted median of y / x."""
    keep = x > 0
    ratios, weights = y[keep] / x[keep], (w * x)[keep]
    order = np.argsort(ratios)
    cumulative = np.cumsum(weights[order])
    return float(ratios[order][np.searchsorted(cumulative, cumulative[-1] / 2)])


def ir_memory(records: Sequence[Record]) -> np.ndarray:
    return np.asarray([sum(r["ir_counts"].get(k, 0) for k in MEMORY_KINDS) for r in records],
                      dtype=np.float64)


def ir_instructions(records: Sequence[Record]) -> np.ndarray:
    return np.asarray([r["n_instructions"] for r in records], dtype=np.float64)


@dataclass
class RatioBaseline:
    """(1) compute = a x IR instructions; memory = b x IR memory instructions."""

    name: str = "ratio"
    ratios: tuple[float, float] = (0.0, 0.0)

    def fit(self, split: Split, vocabulary: Vocabulary) -> None:
        truth, w = labels(split.train), split.weights
        self.ratios = (weighted_median_ratio(ir_instructions(split.train), truth[:, 0], w),
                       weighted_median_ratio(ir_memory(split.train), truth[:, 1], w))

    def predict(self, records: Sequence[Record]) -> np.ndarray:
        return np.stack([self.ratios[0] * ir_instructions(records),
                         self.ratios[1] * ir_memory(records)], axis=1)


def opcode(token: str) -> str:
    """The opcode of a compacted token (``call`` keeps its callee class, e.g. ``call api``)."""
    words = token.split()
    if words[0] == "call" and len(words) > 1:
        return f"call {words[1].split('.')[0]}"
    return words[0]


@dataclass
class NnlsBaseline:
    """(2) non-negative least squares over the block's opcode counts, one fit per output."""

    name: str = "nnls-opcodes"
    opcodes: dict[str, int] = field(default_factory=dict)
    weights: np.ndarray = field(default_factory=lambda: np.zeros((0, 2)))

    def matrix(self, records: Sequence[Record]) -> np.ndarray:
        x = np.zeros((len(records), len(self.opcodes) + 1))
        x[:, -1] = 1.0
        for row, record in enumerate(records):
            for token in record["tokens"]:
                column = self.opcodes.get(opcode(token))
                if column is not None:
                    x[row, column] += 1.0
        return x

    def fit(self, split: Split, vocabulary: Vocabulary) -> None:
        from scipy.optimize import nnls

        names = sorted({opcode(t) for r in split.train for t in r["tokens"]})
        self.opcodes = {name: i for i, name in enumerate(names)}
        root = np.sqrt(split.weights)[:, None]  # weighted least squares
        x, truth = self.matrix(split.train) * root, labels(split.train) * root
        self.weights = np.stack([nnls(x, truth[:, k], maxiter=20 * x.shape[1])[0]
                                 for k in range(2)], axis=1)

    def predict(self, records: Sequence[Record]) -> np.ndarray:
        return np.asarray(self.matrix(records) @ self.weights)


def token_count_matrix(records: Sequence[Record], vocabulary: Vocabulary) -> Any:
    """Sparse [blocks, vocabulary + context] matrix: counts of the token ids the LSTM reads
    (block-name token, backoff), then the context vector."""
    from scipy import sparse

    ids = vocabulary.ids()
    rows, cols, vals = [], [], []
    for row, record in enumerate(records):
        for token in encode_block(record, ids)[0]:
            rows.append(row)
            cols.append(token)
            vals.append(1.0)
    counts = sparse.csr_matrix((vals, (rows, cols)), shape=(len(records), vocabulary.size))
    context = sparse.csr_matrix(encode_records(records, vocabulary).context)
    return sparse.hstack([counts, context], format="csr")


@dataclass
class GbtBaseline:
    """(3) XGBoost (L1 objective) on token counts + callee and function context."""

    name: str = "gbt-token-counts"
    trees: int = 400
    models: list[Any] = field(default_factory=list)
    vocabulary: Vocabulary | None = None

    def fit(self, split: Split, vocabulary: Vocabulary) -> None:
        import xgboost as xgb

        self.vocabulary = vocabulary
        train, counts = deduplicate(split.train, split.weights)
        valid = split.valid
        x, xv = token_count_matrix(train, vocabulary), token_count_matrix(valid, vocabulary)
        y, yv = training_targets(train), training_targets(valid)
        self.models = []
        for k in range(2):
            model = xgb.XGBRegressor(n_estimators=self.trees, max_depth=7, learning_rate=0.1,
                                     subsample=0.8, colsample_bytree=0.8, n_jobs=1,
                                     objective="reg:absoluteerror", early_stopping_rounds=30)
            model.fit(x, y[:, k], sample_weight=counts, eval_set=[(xv, yv[:, k])],
                      verbose=False)
            self.models.append(model)

    def predict(self, records: Sequence[Record]) -> np.ndarray:
        assert self.vocabulary is not None, "fit first"
        x = token_count_matrix(records, self.vocabulary)
        raw = np.stack([m.predict(x) for m in self.models], axis=1)
        return outputs_to_counts(raw, records)


@dataclass
class TorchBaseline:
    """(4) a torch network on the LSTM's input (tokens + context): the DNN or the 1-D CNN,
    trained as the shipped model is (the same seeds, averaged when it is an ensemble)."""

    name: str
    factory: ModelFactory
    config: TrainConfig
    log: Callable[[str], None] = print
    model: Any = None
    vocabulary: Vocabulary | None = None

    def fit(self, split: Split, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self.model, _ = fit_ensemble(self.factory, split.train, split.valid, vocabulary,
                                     self.config, self.log, split.weights)

    def predict(self, records: Sequence[Record]) -> np.ndarray:
        assert self.vocabulary is not None, "fit first"
        return outputs_to_counts(predict_torch(self.model, records, self.vocabulary), records)


@dataclass
class Calibrated:
    """A baseline whose counts are scaled as the shipped model's are (``TrainConfig.calibrate``:
    :func:`fit_scales` on the validation programs), so that both are compared alike."""

    inner: Predictor
    scale: tuple[float, float] = (1.0, 1.0)

    @property
    def name(self) -> str:
        return self.inner.name

    def fit(self, split: Split, vocabulary: Vocabulary) -> None:
        self.inner.fit(split, vocabulary)
        self.scale = fit_scales(split.valid, self.inner.predict(split.valid))

    def predict(self, records: Sequence[Record]) -> np.ndarray:
        return self.inner.predict(records) * np.asarray(self.scale)


def baselines(config: TrainConfig, log: Callable[[str], None] = print) -> list[Predictor]:
    """All baselines of the benchmark, unfitted. The torch ones get the same inputs and
    training as the shipped model; with a function-context model, ``lstm-block`` (the same
    LSTM without function context) is measured too, as an ablation. With
    ``config.calibrate`` each is calibrated as the shipped model is."""
    ablation: list[Predictor] = [TorchBaseline("lstm-block", LstmModel, config, log)] \
        if config.model != "lstm" else []
    plain: list[Predictor] = [RatioBaseline(), NnlsBaseline(), GbtBaseline(),
                              TorchBaseline("dnn-one-hot", DnnModel, config, log),
                              TorchBaseline("cnn-1d", CnnModel, config, log), *ablation]
    return [Calibrated(b) for b in plain] if config.calibrate else plain
