"""Training the compute model (extra ``[train]``): LSTM over block tokens + context, ONNX, card.

This module owns how ``models_onnx/compute-<target>.{onnx,vocab.json,json}`` is made from
``clara dataset`` directories (synthesized programs, and real code labelled with ``--from``):
reading the labelled blocks, the split by program (held-out test programs by a hash of the
program id; a validation split inside the training programs for early stopping), the loss
weights (real code weighs more), the torch models that share one input batch (the LSTM, the
LSTM with function context, and the DNN and 1-D CNN baselines; all with a compute head that
reads the ``synthesized`` flag), the training loop (L1 loss on raw counts, i.e. the WMAPE
numerator; tokens randomly replaced by their backoff token), seed ensembles (the mean of
several seeds' models in one graph), the metrics (WMAPE per block
and per function, pooled and per program), the export to ONNX (right-padded tokens, LSTM
output gathered at ``lengths - 1``; no packed sequences) and the model card.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import subprocess
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import nn

from clara.dataset.builder import LABEL_RULES
from clara.dataset.store import iter_records, read_manifest
from clara.errors import ClaraError
from clara.insights.compute import (
    BASE_CONTEXT,
    BLOCK_INPUTS,
    FUNCTION_INPUTS,
    INPUT_SCHEMA,
    OUTPUTS,
    SYNTHESIZED,
    Batch,
    Record,
    corrected_counts,
    encode_records,
    functions_of,
    is_synthesized,
    load_compute_model,
    model_inputs,
    model_tokens,
    outputs_to_counts,
)
from clara.ir.vocabulary import (
    PAD_ID,
    Vocabulary,
    build_vocabulary,
    coarse_ids,
    save_vocabulary,
    unknown_rate,
)
from clara.targets.profile import load_target

TEST_FRACTION = 0.2  # held-out programs (by hash of the program id)
VALIDATION_FRACTION = 0.1  # of the training programs, for early stopping
MIN_COUNT = 3  # a token seen fewer times in the training blocks is unknown
OPSET = 17
REPO = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class TrainConfig:
    """Hyper-parameters of one torch model's training (fixed; epochs by validation)."""

    epochs: int = 30
    batch_size: int = 256
    learning_rate: float = 2e-3
    patience: int = 4
    max_seconds: float = 1800.0
    seed: int = 0
    function_weight: float = 0.0  # weight of the L1 loss on function sums
    token_dropout: float = 0.1  # probability of training on a token's coarse (backoff) form
    # loss weight of blocks of real (not synthesized) code: 40 with the 9,600 synthesized
    # programs of the shipped bluefield2 model keeps real code's share of the loss what 5
    # gave with 1,200 (docs/compute-model.md, "Training data size")
    real_code_weight: float = 40.0
    model: str = "lstm"  # a key of MODELS
    # models trained with seeds seed .. seed + ensemble - 1, their raw outputs averaged
    # (docs/compute-model.md, "Seed ensemble")
    ensemble: int = 3
    calibrate: bool = True  # factors on the counts for the best function sums (validation)

    def architecture(self) -> type[nn.Module]:
        """The model class (raises on an unknown ``model`` or an ensemble of none)."""
        if self.model not in MODELS:
            raise ClaraError(f"unknown compute model '{self.model}' (one of {sorted(MODELS)})")
        if self.ensemble < 1:
            raise ClaraError(f"--ensemble {self.ensemble}: need at least one model")
        return MODELS[self.model]

    @property
    def seeds(self) -> list[int]:
        return list(range(self.seed, self.seed + self.ensemble))


# --------------------------------------------------------------------------- data


def load_records(root: Path) -> list[dict[str, Any]]:
    """The measured blocks of a dataset (blocks of functions the compiler emitted), each
    with the plugin's ``opt`` object. A dataset labelled under other rules
    (:data:`clara.dataset.builder.LABEL_RULES`: labels and ``opt`` per inlined copy) is
    refused: its labels and ``opt`` would disagree with what ``clara analyze`` feeds the
    model."""
    manifest = read_manifest(root)
    rules = manifest["identity"].get("label_rules")
    if rules != LABEL_RULES:
        raise ClaraError(
            f"{root}: labelled under {rules or 'rules older than clara.label-rules/3'}, "
            f"this Clara labels under {LABEL_RULES} (labels and the optimized-IR context per "
            "inlined copy): rebuild it with `clara dataset build` into a new directory")
    records = [r for r in iter_records(root) if r["function_in_target"]]
    if not records:
        raise ClaraError(f"{root}: no labelled blocks (is the dataset empty?)")
    return records


def require_reference_counts(root: Path, records: Sequence[Record]) -> None:
    """Refuse a dataset without the reference compiler's counts split by memory operand
    (``gcc_x86.compute`` and ``.memory``), for a target whose model reads them."""
    if "memory" not in records[0].get("gcc_x86", {}):
        raise ClaraError(
            f"{root}: built without the reference compiler's counts split by memory operand "
            "(gcc_x86.compute and .memory, inputs of this target's compute model): rebuild "
            "it with `clara dataset build` into a new directory")


def program_hash(program: str, salt: str) -> float:
    """A program's position in [0, 1): stable whatever else is in the dataset."""
    digest = hashlib.sha256(f"{salt}:{program}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def split_by_program(records: Sequence[Record], fraction: float, salt: str,
                     at_least_one: bool = False) -> tuple[list[Record], list[Record]]:
    """(kept, held out): a program's blocks all go to one side. With ``at_least_one``, a
    tiny dataset whose hash split holds nothing out holds out its lowest-hash program."""
    position = {p: program_hash(p, salt) for p in {r["program"] for r in records}}
    if at_least_one and position and min(position.values()) >= fraction:
        fraction = min(position.values()) + 1e-12
    kept = [r for r in records if position[r["program"]] >= fraction]
    held = [r for r in records if position[r["program"]] < fraction]
    return kept, held


def input_key(record: Record) -> tuple[Any, ...]:
    """Everything the models see of a block, plus its labels: equal keys are one example."""
    return (tuple(model_tokens(record)), is_synthesized(record), record["is_entry"],
            record["is_exit"], record["loop_depth"], len(record["succs"]), record["n_instructions"],
            record["function_blocks"], record["function_instructions"], record["return_blocks"],
            record["is_packet_entry"], tuple(record["callee_kinds"]),
            len(record["api_calls"]), tuple(sorted(record["ir_counts"].items())),
            tuple(sorted(record["opt"].items())), record["target_compute"],
            record["target_memory"])


def deduplicate(records: Sequence[Record], weights: np.ndarray | None = None
                ) -> tuple[list[Record], np.ndarray]:
    """Distinct examples and their summed weights (default 1 each: how often each occurs)."""
    summed: dict[tuple[Any, ...], float] = {}
    first: dict[tuple[Any, ...], Record] = {}
    for n, record in enumerate(records):
        key = input_key(record)
        summed[key] = summed.get(key, 0.0) + (1.0 if weights is None else float(weights[n]))
        first.setdefault(key, record)
    return list(first.values()), np.asarray(list(summed.values()), dtype=np.float64)


def labels(records: Sequence[Record]) -> np.ndarray:
    """(compute, memory) ground truth per block."""
    return np.asarray([[r["target_compute"], r["target_memory"]] for r in records],
                      dtype=np.float64)


def training_targets(records: Sequence[Record]) -> np.ndarray:
    """What the network regresses: compute as it is, and the correction of LLVM's backend's
    memory count that gives the memory label (:func:`clara.insights.compute.corrected_counts`)."""
    return labels(records) - corrected_counts(records)


# --------------------------------------------------------------------------- metrics


def wmape(pred: np.ndarray, true: np.ndarray) -> float:
    """sum |pred - true| / sum true (divided by the truth, not the prediction)."""
    total = float(np.sum(true))
    return float(np.sum(np.abs(pred - true)) / total) if total > 0 else float("nan")


def function_sums(records: Sequence[Record], values: np.ndarray) -> tuple[list[str], np.ndarray]:
    """Per (program, function): the sum of its blocks' values; and each one's program."""
    sums: dict[tuple[str, str], float] = defaultdict(float)
    for record, value in zip(records, values, strict=True):
        sums[(record["program"], record["function"])] += float(value)
    return [k[0] for k in sums], np.asarray(list(sums.values()))


def per_program(programs: Sequence[str], pred: np.ndarray, true: np.ndarray) -> dict[str, float]:
    """Mean and median over programs of each program's WMAPE (programs with a truth > 0)."""
    rows: dict[str, list[int]] = defaultdict(list)
    for i, program in enumerate(programs):
        rows[program].append(i)
    scores = [wmape(pred[idx], true[idx]) for idx in rows.values() if np.sum(true[idx]) > 0]
    if not scores:
        return {"mean": float("nan"), "median": float("nan")}
    return {"mean": float(np.mean(scores)), "median": float(np.median(scores))}


def level_metrics(records: Sequence[Record], pred: np.ndarray, true: np.ndarray
                  ) -> dict[str, Any]:
    """WMAPE per block and per function, pooled and per program, for one quantity."""
    programs = [r["program"] for r in records]
    f_programs, f_pred = function_sums(records, pred)
    _, f_true = function_sums(records, true)
    return {
        "block": wmape(pred, true), "function": wmape(f_pred, f_true),
        "block_per_program": per_program(programs, pred, true),
        "function_per_program": per_program(f_programs, f_pred, f_true),
    }


SCALE_GRID = np.round(np.arange(0.85, 1.2501, 0.005), 3)


def fit_function_scale(records: Sequence[Record], predicted: np.ndarray, true: np.ndarray
                       ) -> float:
    """The factor on ``predicted`` (per block) that minimizes the per-function WMAPE against
    ``true`` on ``records`` (validation programs): an L1-trained model predicts each block's
    median, and a sum of medians of right-skewed counts falls short of the sum of the counts
    (the function's and the packet's cost are sums). The grid's best; 1 on ties."""
    _, truth = function_sums(records, true)
    _, pred = function_sums(records, predicted)
    errors = np.abs(SCALE_GRID[:, None] * pred[None, :] - truth[None, :]).sum(axis=1)
    best = SCALE_GRID[errors <= errors.min() + 1e-9]
    return 1.0 if 1.0 in best else float(best[0])


def fit_scales(records: Sequence[Record], counts: np.ndarray) -> tuple[float, float]:
    """(compute, memory) calibration factors of predicted ``counts`` on ``records``."""
    truth = labels(records)
    compute, memory = (fit_function_scale(records, counts[:, k], truth[:, k]) for k in (0, 1))
    return compute, memory


def evaluate(records: Sequence[Record], pred: np.ndarray) -> dict[str, Any]:
    """Compute and memory metrics of (compute, memory) predictions on labelled blocks."""
    truth = labels(records)
    return {
        "programs": len({r["program"] for r in records}), "blocks": len(records),
        "compute": level_metrics(records, pred[:, 0], truth[:, 0]),
        "memory": level_metrics(records, pred[:, 1], truth[:, 1]),
    }


# --------------------------------------------------------------------------- torch models


SYNTHESIZED_COLUMN = BASE_CONTEXT.index(SYNTHESIZED)


class Normalizer(nn.Module):
    """Standardizes the context with the training set's mean and std (part of the graph).
    The ``synthesized`` flag is zeroed in the context and given apart (:meth:`flag`): only
    :class:`Output`'s compute head reads it."""

    def __init__(self, context: np.ndarray) -> None:
        super().__init__()
        mean = context.mean(axis=0)
        std = np.where(context.std(axis=0) > 1e-6, context.std(axis=0), 1.0)
        keep = np.ones(context.shape[1])
        keep[SYNTHESIZED_COLUMN] = 0.0
        # training data of one kind only (all synthesized): the flag says nothing, reads 0
        both_kinds = float(context[:, SYNTHESIZED_COLUMN].std() > 1e-6)
        self.register_buffer("mean", torch.tensor(mean, dtype=torch.float32))
        self.register_buffer("std", torch.tensor(std, dtype=torch.float32))
        self.register_buffer("keep", torch.tensor(keep, dtype=torch.float32))
        self.register_buffer("both_kinds", torch.tensor(both_kinds, dtype=torch.float32))

    def forward(self, context: torch.Tensor) -> torch.Tensor:
        return (context - self.mean) / self.std * self.keep

    def flag(self, context: torch.Tensor) -> torch.Tensor:
        """The standardized synthesized flag, [B, 1] (0 when training saw one kind only)."""
        column = slice(SYNTHESIZED_COLUMN, SYNTHESIZED_COLUMN + 1)
        return (context[:, column] - self.mean[column]) / self.std[column] * self.both_kinds


def head(n_in: int, hidden: int = 128, outputs: int = len(OUTPUTS)) -> nn.Sequential:
    return nn.Sequential(nn.Linear(n_in, hidden), nn.ReLU(), nn.Linear(hidden, hidden // 2),
                         nn.ReLU(), nn.Linear(hidden // 2, outputs))


class Output(nn.Module):
    """Two FC heads over the block's features: compute instructions, and the memory
    correction. The compute head also reads the ``synthesized`` flag (1 for blocks of
    synthesized training programs, 0 for real code and for anything analysed at run time):
    the compiler deletes much more of the synthesized programs' code than of real code
    (docs/compute-model.md, "Domain"), and the flag lets one network learn both. The memory
    head does not read it (measured: NF memory error grew when it did)."""

    def __init__(self, n_in: int, hidden: int = 128) -> None:
        super().__init__()
        self.compute = head(n_in + 1, hidden, 1)
        self.memory = head(n_in, hidden, 1)

    def forward(self, features: torch.Tensor, flag: torch.Tensor) -> torch.Tensor:
        return torch.cat([self.compute(torch.cat([features, flag], dim=1)),
                          self.memory(features)], dim=1)


class TokenLstm(nn.Module):
    """Embedding → LSTM over a block's right-padded tokens; the output at ``lengths - 1``."""

    def __init__(self, vocab_size: int, embed: int = 32, hidden: int = 64) -> None:
        super().__init__()
        self.embed = nn.Embedding(vocab_size, embed, padding_idx=PAD_ID)
        self.lstm = nn.LSTM(embed, hidden, batch_first=True)

    def forward(self, token_ids: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        out, _ = self.lstm(self.embed(token_ids))
        index = (lengths - 1).clamp(min=0).view(-1, 1, 1).expand(-1, 1, out.shape[2])
        return out.gather(1, index).squeeze(1)


class LstmModel(nn.Module):
    """Embedding → LSTM (output at the last real token) ⊕ normalized context → FC layers."""

    inputs = BLOCK_INPUTS

    def __init__(self, vocab_size: int, context: np.ndarray, embed: int = 32,
                 hidden: int = 64) -> None:
        super().__init__()
        self.norm = Normalizer(context)
        self.tokens = TokenLstm(vocab_size, embed, hidden)
        self.head = Output(hidden + context.shape[1])

    def forward(self, token_ids: torch.Tensor, lengths: torch.Tensor,
                context: torch.Tensor) -> torch.Tensor:
        last = self.tokens(token_ids, lengths)
        return self.head(torch.cat([last, self.norm(context)], dim=1),
                         self.norm.flag(context))


def reverse_within(x: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
    """x [F, L, H] with the first ``lengths[f]`` steps of each row reversed, padding kept in
    place: a backward LSTM over right-padded rows without packed sequences."""
    steps = torch.arange(x.shape[1], dtype=lengths.dtype).unsqueeze(0)
    last = (lengths - 1).unsqueeze(1)
    index = torch.where(steps <= last, last - steps, steps)
    return x.gather(1, index.unsqueeze(2).expand(-1, -1, x.shape[2]))


class FunctionLstmModel(nn.Module):
    """The LSTM with function context: each block's vector (token LSTM ⊕ context → FC) is
    read by a bidirectional LSTM over the blocks of its function in layout order, so a
    block's prediction sees its neighbours (gcc -O2 moves code between them)."""

    inputs = BLOCK_INPUTS + FUNCTION_INPUTS

    def __init__(self, vocab_size: int, context: np.ndarray, embed: int = 32,
                 hidden: int = 64, function_hidden: int = 32) -> None:
        super().__init__()
        self.norm = Normalizer(context)
        self.tokens = TokenLstm(vocab_size, embed, hidden)
        self.block = nn.Sequential(nn.Linear(hidden + context.shape[1], hidden), nn.ReLU())
        self.forward_lstm = nn.LSTM(hidden, function_hidden, batch_first=True)
        self.backward_lstm = nn.LSTM(hidden, function_hidden, batch_first=True)
        self.head = Output(hidden + 2 * function_hidden)

    def forward(self, token_ids: torch.Tensor, lengths: torch.Tensor, context: torch.Tensor,
                function_slots: torch.Tensor, function_lengths: torch.Tensor,
                block_slot: torch.Tensor) -> torch.Tensor:
        blocks = self.block(torch.cat([self.tokens(token_ids, lengths), self.norm(context)],
                                      dim=1))
        padded = torch.cat([blocks, torch.zeros_like(blocks[:1])], dim=0)
        rows = padded.index_select(0, function_slots.reshape(-1)).reshape(
            function_slots.shape[0], function_slots.shape[1], blocks.shape[1])
        ahead, _ = self.forward_lstm(rows)
        behind, _ = self.backward_lstm(reverse_within(rows, function_lengths))
        both = torch.cat([ahead, reverse_within(behind, function_lengths)], dim=2)
        neighbours = both.reshape(-1, both.shape[2]).index_select(0, block_slot)
        return self.head(torch.cat([blocks, neighbours], dim=1), self.norm.flag(context))


class DnnModel(nn.Module):
    """Baseline: bag of one-hot tokens (counts) ⊕ normalized context → FC layers."""

    inputs = BLOCK_INPUTS

    def __init__(self, vocab_size: int, context: np.ndarray) -> None:
        super().__init__()
        self.norm = Normalizer(context)
        self.vocab_size = vocab_size
        self.head = Output(vocab_size + context.shape[1], hidden=256)

    def forward(self, token_ids: torch.Tensor, lengths: torch.Tensor,
                context: torch.Tensor) -> torch.Tensor:
        counts = nn.functional.one_hot(token_ids, self.vocab_size).float().sum(dim=1)
        counts[:, PAD_ID] = 0.0
        return self.head(torch.cat([torch.log1p(counts), self.norm(context)], dim=1),
                         self.norm.flag(context))


class CnnModel(nn.Module):
    """Baseline: one-hot tokens → 1-D convolutions → max and mean pooling ⊕ context → FC."""

    inputs = BLOCK_INPUTS

    def __init__(self, vocab_size: int, context: np.ndarray, channels: int = 64) -> None:
        super().__init__()
        self.norm = Normalizer(context)
        self.embed = nn.Embedding(vocab_size, 32, padding_idx=PAD_ID)
        self.conv = nn.Sequential(nn.Conv1d(32, channels, 3, padding=1), nn.ReLU(),
                                  nn.Conv1d(channels, channels, 3, padding=1), nn.ReLU())
        self.head = Output(2 * channels + context.shape[1])

    def forward(self, token_ids: torch.Tensor, lengths: torch.Tensor,
                context: torch.Tensor) -> torch.Tensor:
        mask = (token_ids != PAD_ID).float().unsqueeze(1)
        feats = self.conv(self.embed(token_ids).transpose(1, 2)) * mask
        mean = feats.sum(dim=2) / lengths.clamp(min=1).float().unsqueeze(1)
        return self.head(torch.cat([feats.max(dim=2).values, mean, self.norm(context)], dim=1),
                         self.norm.flag(context))


class SeedEnsemble(nn.Module):
    """Models of one architecture trained with different seeds; the output is the mean of
    their raw outputs (before :func:`outputs_to_counts` and the calibration). One ONNX graph,
    the members' inputs."""

    def __init__(self, members: Sequence[nn.Module]) -> None:
        super().__init__()
        self.members = nn.ModuleList(members)
        self.inputs = members[0].inputs

    def forward(self, *feeds: torch.Tensor) -> torch.Tensor:
        return torch.stack([member(*feeds) for member in self.members]).mean(dim=0)


ModelFactory = Callable[[int, np.ndarray], nn.Module]
MODELS: dict[str, type[nn.Module]] = {"lstm": LstmModel, "function-lstm": FunctionLstmModel}
HEADS = ("heads: compute FC 128-64-1 (features + synthesized flag), memory correction "
         "FC 128-64-1 (features)")
ARCHITECTURES = {
    "lstm": f"embedding 32 -> LSTM 64 (output at lengths-1) + context; {HEADS}",
    "function-lstm": "per block: embedding 32 -> LSTM 64 (output at lengths-1) + context -> "
                     "FC 64; per function: forward and backward LSTM 32 over its blocks in "
                     f"layout order; block + both directions; {HEADS}",
}


# --------------------------------------------------------------------------- training


@dataclass(frozen=True)
class TrainBatch:
    """Record indices, their encoded inputs, and each block's function within the batch."""

    rows: list[int]
    batch: Batch
    segments: np.ndarray  # int64 [B]: function index inside the batch (function-sum loss)


def uses_functions(model: nn.Module) -> bool:
    """Whether the model reads the function layout (its batches must hold whole functions)."""
    return FUNCTION_INPUTS[0] in model.inputs


def make_batches(records: Sequence[Record], vocabulary: Vocabulary, batch_size: int,
                 whole_functions: bool, rng: np.random.Generator | None = None
                 ) -> list[TrainBatch]:
    """Batches of similar-length blocks (little padding), or of whole functions of similar
    block lengths when ``whole_functions``; ties in random order with ``rng``."""
    groups = functions_of(records) if whole_functions else [[i] for i in range(len(records))]
    jitter = rng.random(len(groups)) if rng is not None else np.zeros(len(groups))
    order = sorted(range(len(groups)), key=lambda g: (
        max(len(records[i]["tokens"]) for i in groups[g]), jitter[g]))
    out: list[TrainBatch] = []
    rows: list[int] = []
    segments: list[int] = []
    for n, g in enumerate(order):
        segments += [segments[-1] + 1 if segments else 0] * len(groups[g])
        rows += groups[g]
        if len(rows) >= batch_size or n == len(order) - 1:
            out.append(TrainBatch(rows, encode_records([records[i] for i in rows], vocabulary),
                                  np.asarray(segments, dtype=np.int64)))
            rows, segments = [], []
    return out


def run_model(model: nn.Module, batch: Batch, token_ids: torch.Tensor | None = None
              ) -> torch.Tensor:
    """The model's raw outputs on a batch (``token_ids`` replaces the batch's tokens)."""
    feeds = {k: torch.from_numpy(v) for k, v in batch.feeds(model.inputs).items()}
    if token_ids is not None:
        feeds["token_ids"] = token_ids
    return model(*feeds.values())


def predict_torch(model: nn.Module, records: Sequence[Record], vocabulary: Vocabulary
                  ) -> np.ndarray:
    """Raw model outputs for every record, in the records' order."""
    out = np.zeros((len(records), len(OUTPUTS)))
    model.eval()
    with torch.no_grad():
        for item in make_batches(records, vocabulary, 1024, uses_functions(model)):
            out[item.rows] = run_model(model, item.batch).numpy()
    return out


def validation_score(model: nn.Module, valid: Sequence[Record], vocabulary: Vocabulary
                     ) -> float:
    """Mean WMAPE of compute and memory, per block and per function, on validation programs."""
    metrics = evaluate(valid, outputs_to_counts(predict_torch(model, valid, vocabulary), valid))
    return float(np.mean([metrics[q][level] for q in ("compute", "memory")
                          for level in ("block", "function")]))


def with_coarse_tokens(token_ids: torch.Tensor, coarse: torch.Tensor, rate: float
                       ) -> torch.Tensor:
    """Each token replaced by its coarse (backoff) token with probability ``rate``."""
    if rate <= 0:
        return token_ids
    return torch.where(torch.rand(token_ids.shape) < rate, coarse[token_ids], token_ids)


def fit_torch(factory: ModelFactory, train: Sequence[Record], valid: Sequence[Record],
              vocabulary: Vocabulary, config: TrainConfig,
              log: Callable[[str], None] = print,
              weights: np.ndarray | None = None) -> tuple[nn.Module, dict[str, Any]]:
    """Train with L1 loss on blocks (each weighted by ``weights``, default 1), plus
    ``config.function_weight`` times the L1 loss on function sums; keep the epoch with the
    best validation score (early stopping). A model that reads the function layout, or a
    function-sum loss, trains on batches of whole functions; otherwise identical examples
    are merged (their weights summed).

    One thread: on a shared 2-core machine, torch's thread pool is many times slower.
    """
    torch.set_num_threads(1)
    torch.manual_seed(config.seed)
    rng = np.random.default_rng(config.seed)
    counts = np.ones(len(train)) if weights is None else weights
    model = factory(vocabulary.size, encode_records(train, vocabulary).context)
    whole_functions = uses_functions(model) or config.function_weight > 0
    if not whole_functions:
        train, counts = deduplicate(train, counts)
    train_batches = make_batches(train, vocabulary, config.batch_size, whole_functions, rng)
    scale = torch.tensor(counts / counts.mean(), dtype=torch.float32).unsqueeze(1)
    coarse = torch.tensor(coarse_ids(vocabulary), dtype=torch.int64)
    optimizer = torch.optim.Adam(model.parameters(), lr=config.learning_rate)
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, factor=0.5, patience=1)
    targets = torch.tensor(training_targets(train), dtype=torch.float32)
    best: tuple[float, dict[str, Any], int] = (math.inf, {}, 0)
    start = time.perf_counter()
    history = []
    for epoch in range(config.epochs):
        model.train()
        for step in rng.permutation(len(train_batches)):
            item = train_batches[step]
            optimizer.zero_grad()
            tokens = with_coarse_tokens(torch.from_numpy(item.batch.token_ids), coarse,
                                        config.token_dropout)
            out = run_model(model, item.batch, tokens)
            loss = ((out - targets[item.rows]).abs() * scale[item.rows]).mean()
            if config.function_weight > 0:
                seg = torch.from_numpy(item.segments)
                sums = torch.zeros((int(item.segments[-1]) + 1, out.shape[1])).index_add(
                    0, seg, out * scale[item.rows])
                truth = torch.zeros_like(sums).index_add(0, seg,
                                                         targets[item.rows] * scale[item.rows])
                loss = loss + config.function_weight * (sums - truth).abs().sum() / len(item.rows)
            loss.backward()
            optimizer.step()
        score = validation_score(model, valid, vocabulary)
        scheduler.step(score)
        history.append(round(score, 4))
        log(f"  epoch {epoch + 1}: validation mean WMAPE {score:.4f} "
            f"({time.perf_counter() - start:.0f} s)")
        if score < best[0]:
            best = (score, {k: v.clone() for k, v in model.state_dict().items()}, epoch + 1)
        if epoch + 1 - best[2] >= config.patience or time.perf_counter() - start > \
                config.max_seconds:
            break
    model.load_state_dict(best[1])
    model.eval()
    return model, {"epochs_run": len(history), "best_epoch": best[2],
                   "validation_score": history, "seconds": round(time.perf_counter() - start, 1)}


def fit_ensemble(factory: ModelFactory, train: Sequence[Record], valid: Sequence[Record],
                 vocabulary: Vocabulary, config: TrainConfig,
                 log: Callable[[str], None] = print,
                 weights: np.ndarray | None = None) -> tuple[nn.Module, dict[str, Any]]:
    """:func:`fit_torch` once per seed of ``config.seeds`` (each exactly as a run with that
    ``--seed`` alone); more than one seed gives their :class:`SeedEnsemble`. The history
    lists each member's and the ensemble's validation score."""
    members: list[nn.Module] = []
    histories: list[dict[str, Any]] = []
    for seed in config.seeds:
        if config.ensemble > 1:
            log(f" seed {seed} ({len(members) + 1} of {config.ensemble})")
        model, history = fit_torch(factory, train, valid, vocabulary,
                                   replace(config, seed=seed), log, weights)
        members.append(model)
        histories.append({"seed": seed, **history})
    model = members[0] if len(members) == 1 else SeedEnsemble(members)
    model.eval()
    score = validation_score(model, valid, vocabulary)
    if config.ensemble > 1:
        log(f" ensemble of {config.ensemble}: validation mean WMAPE {score:.4f}")
    return model, {"seconds": round(sum(h["seconds"] for h in histories), 1),
                   "validation": round(score, 4), "members": histories}


# --------------------------------------------------------------------------- export and card


def export_onnx(model: nn.Module, path: Path, records: Sequence[Record],
                vocabulary: Vocabulary) -> None:
    """Export with dynamic sizes (blocks, tokens, functions, blocks per function); the
    example input is a few real blocks of two functions."""
    batch = encode_records(records, vocabulary)
    names = list(model.inputs)
    axes = {"token_ids": {0: "blocks", 1: "tokens"}, "lengths": {0: "blocks"},
            "context": {0: "blocks"}, "function_slots": {0: "functions", 1: "width"},
            "function_lengths": {0: "functions"}, "block_slot": {0: "blocks"},
            "prediction": {0: "blocks"}}
    example = tuple(torch.from_numpy(v) for v in batch.feeds(names).values())
    torch.onnx.export(
        model, example, str(path), input_names=names, output_names=["prediction"],
        opset_version=OPSET, dynamo=False,
        dynamic_axes={k: v for k, v in axes.items() if k in (*names, "prediction")},
    )


def git_commit() -> str:
    proc = subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO,
                          capture_output=True, text=True, check=False)
    return proc.stdout.strip() or "unknown"


def repo_relative(path: Path) -> str:
    """``path`` relative to the repository when it lies inside it (cards hold no home dirs)."""
    resolved = path.resolve()
    return str(resolved.relative_to(REPO)) if resolved.is_relative_to(REPO) else str(path)


def dataset_provenance(root: Path, records: Sequence[Record]) -> dict[str, Any]:
    """What the card says about one training dataset: command, identity, size."""
    identity = read_manifest(root).get("identity", {})
    source = identity.get("source", {})
    seeds = sorted({r["seed"] for r in records if r["seed"] is not None})
    seed_range = [seeds[0], seeds[-1]] if seeds else None
    return {
        "path": repo_relative(root), "kind": source.get("kind"), "seeds": seed_range,
        "command": build_command(identity.get("target", "?"), seed_range, source,
                                 identity["api_calls"]),
        "api_calls": identity["api_calls"],
        "programs": len({r["program"] for r in records}), "blocks": len(records),
        "generator_sha256": source.get("generator_sha256"),
        "corpus_stats_sha256": source.get("corpus_stats_sha256"),
        "compiler": identity.get("compiler_version_cxx"),
        "clang": identity.get("clang_version"),
    }


def build_command(target: str, seeds: Any, source: Any, api_calls: str) -> str:
    mode = f" --api-calls {api_calls}"
    if isinstance(seeds, list) and len(seeds) == 2:
        unguided = " --unguided" if isinstance(source, dict) and source.get("guided") is False \
            else ""
        return (f"clara dataset build --target {target} --programs {seeds[1] - seeds[0] + 1} "
                f"--seed {seeds[0]}{unguided}{mode} -o DIR -j 2")
    root = source.get("root") if isinstance(source, dict) else None
    where = repo_relative(Path(root)) if root else "..."
    return f"clara dataset build --target {target} --from {where}{mode} -o DIR -j 2"


@dataclass(frozen=True)
class Split:
    """The records of one or more datasets split by program, with the training weights."""

    train: list[Record]
    valid: list[Record]
    test: list[Record]
    weights: np.ndarray  # per training record: 1, or the real-code weight


def split_datasets(datasets: Sequence[tuple[Path, list[Record]]], real_code_weight: float
                   ) -> Split:
    """Each dataset split by program hash (held out for test, then validation), joined;
    blocks of real code weigh ``real_code_weight`` in the loss, synthesized ones 1."""
    train: list[Record] = []
    valid: list[Record] = []
    test: list[Record] = []
    for root, records in datasets:
        train_all, held = split_by_program(records, TEST_FRACTION, "test")
        fit, check = split_by_program(train_all, VALIDATION_FRACTION, "valid",
                                      at_least_one=True)
        if not fit or not check:
            raise ClaraError(f"{root}: too few programs to split into training and "
                             "validation (need a few programs)")
        train += fit
        valid += check
        test += held
    weights = np.asarray([1.0 if is_synthesized(r) else real_code_weight for r in train])
    return Split(train, valid, test, weights)


def train_compute(datasets: Sequence[Path], target: str, out_dir: Path, config: TrainConfig,
                  log: Callable[[str], None] = print) -> tuple[Path, dict[str, Any]]:
    """Train on the training programs of ``datasets`` (synthesized programs, and real code
    labelled with ``--from``), export ONNX + vocabulary + card; returns (path, card).

    The held-out programs (``TEST_FRACTION`` of each dataset, by program hash) are only used
    for the card's metrics, after training; epochs are chosen on a validation split of the
    training programs. The ``synthesized`` flag is read only when the training data holds
    both kinds of program (otherwise it says nothing).
    """
    reference = load_target(target).compute_reference
    loaded_data = [(root, load_records(root)) for root in datasets]
    if reference:
        for root, records in loaded_data:
            require_reference_counts(root, records)
    split = split_datasets(loaded_data, config.real_code_weight)
    vocabulary = build_vocabulary((model_tokens(r) for r in split.train + split.valid),
                                  (r["callee_kinds"] for r in split.train + split.valid),
                                  MIN_COUNT, backoff=True, reference=reference)
    log(f"compute model for {target}: {len(split.train)} training, {len(split.valid)} "
        f"validation, {len(split.test)} held-out blocks; vocabulary {vocabulary.size} tokens")
    model, history = fit_ensemble(config.architecture(), split.train, split.valid,
                                  vocabulary, config, log, split.weights)
    scale = fit_scales(split.valid, outputs_to_counts(
        predict_torch(model, split.valid, vocabulary), split.valid)) \
        if config.calibrate else (1.0, 1.0)
    log(f"  calibration: compute x{scale[0]:.3f}, memory x{scale[1]:.3f}")
    name = f"compute-{target}"
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{name}.onnx"
    export_onnx(model, path, split.valid[:64], vocabulary)
    save_vocabulary(vocabulary, out_dir / f"{name}.vocab.json")
    card = model_card(name, target, vocabulary, history, config)
    card["calibration"] = {
        "compute": scale[0], "memory": scale[1],
        "rule": "factors on the predicted counts that minimize per-function WMAPE on the "
                "validation programs (grid 0.85-1.25; 1 on ties)" if config.calibrate
                else "none (--no-calibration)"}
    card["training_data"] = training_provenance(target, loaded_data, split, config)
    write_card(card, out_dir / f"{name}.json")
    loaded = load_compute_model(name, out_dir, target)
    check_export(model, loaded, split.valid[:2000], vocabulary)
    if split.test:
        card["heldout"] = heldout_section(split.test, loaded)
        write_card(card, out_dir / f"{name}.json")
    return path, card


def training_provenance(target: str, datasets: Sequence[tuple[Path, list[Record]]],
                        split: Split, config: TrainConfig) -> dict[str, Any]:
    """The card's ``training_data``: each dataset, and what the training programs were."""
    paths = " ".join(f"--dataset {repo_relative(root)}" for root, _ in datasets)
    return {
        "command": f"clara train compute --target {target} {paths} --model {config.model}"
                   + (f" --seed {config.seed}" if config.seed else "")
                   + f" --ensemble {config.ensemble}"
                   + f" --real-code-weight {config.real_code_weight:g}"
                   + ("" if config.calibrate else " --no-calibration"),
        "datasets": [dataset_provenance(root, records) for root, records in datasets],
        "programs": sum(len({r["program"] for r in records}) for _, records in datasets),
        "blocks": sum(len(records) for _, records in datasets),
        "training_programs": len({(r["seed"], r["program"])
                                  for r in split.train + split.valid}),
        "real_code_weight": config.real_code_weight,
        "synthesized_flag_used": len({is_synthesized(r) for r in split.train}) == 2,
    }


def model_card(name: str, target: str, vocabulary: Vocabulary, history: dict[str, Any],
               config: TrainConfig) -> dict[str, Any]:
    return {
        "model": name, "target": target, "insight": "compute",
        "created": dt.date.today().isoformat(), "git_commit": git_commit(),
        "architecture": ARCHITECTURES[config.model] + (
            f"; the mean of the raw outputs of {config.ensemble} such models (seeds "
            f"{config.seeds[0]}-{config.seeds[-1]})" if config.ensemble > 1 else ""),
        "split": {"test_fraction": TEST_FRACTION, "validation_fraction": VALIDATION_FRACTION,
                  "by": "sha256 of the program id ('test:'/'valid:' salt), per dataset"},
        "input_schema": INPUT_SCHEMA, "inputs": model_inputs(vocabulary),
        "outputs": {"prediction": list(OUTPUTS)},
        "vocabulary": {"file": f"{name}.vocab.json", "sha256": vocabulary.sha256(),
                       "size": vocabulary.size, "min_count": vocabulary.min_count,
                       "backoff": "unknown tokens read as their coarse token (~opcode class)"},
        "training": {**history, "config": config.__dict__,
                     "loss": "L1 on block counts (real code x real_code_weight) + "
                             "function_weight x L1 on function sums",
                     "validation_metric": "mean WMAPE (compute, memory; block, function)"},
    }


def heldout_section(test: Sequence[Record], loaded: Any) -> dict[str, Any]:
    """Metrics on the held-out programs, synthesized and real code apart."""
    section: dict[str, Any] = {}
    for kind, records in (("synthesized", [r for r in test if is_synthesized(r)]),
                          ("real_code", [r for r in test if not is_synthesized(r)])):
        if records:
            pred, _ = loaded.predict(records)
            section[kind] = {"metrics": evaluate(records, pred),
                             "unknown_token_rate": unknown_rate((r["tokens"] for r in records),
                                                                loaded.vocabulary)}
    return section


def write_card(card: dict[str, Any], path: Path) -> None:
    path.write_text(json.dumps(card, indent=2) + "\n")


def check_export(model: nn.Module, loaded: Any, records: Sequence[Record],
                 vocabulary: Vocabulary) -> None:
    """The ONNX model, run as at analysis time (length buckets, whole functions), must give
    the torch model's predictions."""
    if not records:
        return
    expected = outputs_to_counts(predict_torch(model, records, vocabulary), records,
                                 loaded.scale)
    got, _ = loaded.predict(records)
    if not np.allclose(expected, got, atol=1e-3, rtol=1e-3):
        raise ClaraError(f"{loaded.path}: ONNX export differs from the torch model "
                         f"(max {np.max(np.abs(expected - got)):.4g})")
