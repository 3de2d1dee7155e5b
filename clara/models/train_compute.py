"""Training the compute model (extra ``[train]``): LSTM over block tokens + context, ONNX, card.

This module owns how ``models_onnx/compute-<target>.{onnx,vocab.json,json}`` is made from a
``clara dataset`` directory: reading the labelled blocks, the split by program (held-out test
programs by a hash of the program id; a validation split inside the training programs for
early stopping), the torch models that share one input batch (the LSTM, and the DNN and 1-D
CNN baselines), the training loop (L1 loss on raw counts, i.e. the WMAPE numerator), the
metrics (WMAPE per block and per function, pooled and per program), the export to ONNX
(right-padded tokens, LSTM output gathered at ``lengths - 1``) and the model card.
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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import nn

from clara.dataset.store import iter_records, read_manifest
from clara.errors import ClaraError
from clara.insights.compute import (
    INPUT_SCHEMA,
    OUTPUTS,
    Record,
    encode_records,
    ir_data_accesses,
    load_compute_model,
    model_inputs,
    outputs_to_counts,
)
from clara.ir.vocabulary import (
    PAD_ID,
    Vocabulary,
    build_vocabulary,
    save_vocabulary,
    unknown_rate,
)

TEST_FRACTION = 0.2  # held-out programs (by hash of the program id)
VALIDATION_FRACTION = 0.1  # of the training programs, for early stopping
MIN_COUNT = 3  # a token seen fewer times in the training blocks is unknown
OPSET = 17


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


# --------------------------------------------------------------------------- data


def load_records(root: Path) -> list[dict[str, Any]]:
    """The measured blocks of a dataset (blocks of functions the compiler emitted)."""
    read_manifest(root)
    records = [r for r in iter_records(root) if r["function_in_target"]]
    if not records:
        raise ClaraError(f"{root}: no labelled blocks (is the dataset empty?)")
    return records


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
    return (tuple(record["tokens"]), record["is_entry"], record["is_exit"],
            record["loop_depth"], len(record["succs"]), record["n_instructions"],
            record["function_blocks"], record["function_instructions"], record["return_blocks"],
            record["is_packet_entry"], tuple(record["callee_kinds"]),
            len(record["api_calls"]), tuple(sorted(record["ir_counts"].items())),
            record["target_compute"], record["target_memory"])


def deduplicate(records: Sequence[Record]) -> tuple[list[Record], np.ndarray]:
    """Distinct examples and how often each occurs (its weight in the loss)."""
    weights: dict[tuple[Any, ...], int] = {}
    first: dict[tuple[Any, ...], Record] = {}
    for record in records:
        key = input_key(record)
        weights[key] = weights.get(key, 0) + 1
        first.setdefault(key, record)
    return list(first.values()), np.asarray(list(weights.values()), dtype=np.float64)


def labels(records: Sequence[Record]) -> np.ndarray:
    """(compute, memory) ground truth per block."""
    return np.asarray([[r["target_compute"], r["target_memory"]] for r in records],
                      dtype=np.float64)


def training_targets(records: Sequence[Record]) -> np.ndarray:
    """What the network regresses: compute, and memory minus the IR's state/packet accesses."""
    truth = labels(records)
    data = np.asarray([sum(ir_data_accesses(r)) for r in records], dtype=np.float64)
    return np.stack([truth[:, 0], truth[:, 1] - data], axis=1)


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


def evaluate(records: Sequence[Record], pred: np.ndarray) -> dict[str, Any]:
    """Compute and memory metrics of (compute, memory) predictions on labelled blocks."""
    truth = labels(records)
    return {
        "programs": len({r["program"] for r in records}), "blocks": len(records),
        "compute": level_metrics(records, pred[:, 0], truth[:, 0]),
        "memory": level_metrics(records, pred[:, 1], truth[:, 1]),
    }


# --------------------------------------------------------------------------- torch models


class Normalizer(nn.Module):
    """Standardizes the context with the training set's mean and std (part of the graph)."""

    def __init__(self, context: np.ndarray) -> None:
        super().__init__()
        mean = context.mean(axis=0)
        std = np.where(context.std(axis=0) > 1e-6, context.std(axis=0), 1.0)
        self.register_buffer("mean", torch.tensor(mean, dtype=torch.float32))
        self.register_buffer("std", torch.tensor(std, dtype=torch.float32))

    def forward(self, context: torch.Tensor) -> torch.Tensor:
        return (context - self.mean) / self.std


def head(n_in: int, hidden: int = 128) -> nn.Sequential:
    return nn.Sequential(nn.Linear(n_in, hidden), nn.ReLU(), nn.Linear(hidden, hidden // 2),
                         nn.ReLU(), nn.Linear(hidden // 2, len(OUTPUTS)))


class LstmModel(nn.Module):
    """Embedding → LSTM (output at the last real token) ⊕ normalized context → FC layers."""

    def __init__(self, vocab_size: int, context: np.ndarray, embed: int = 32,
                 hidden: int = 64) -> None:
        super().__init__()
        self.norm = Normalizer(context)
        self.embed = nn.Embedding(vocab_size, embed, padding_idx=PAD_ID)
        self.lstm = nn.LSTM(embed, hidden, batch_first=True)
        self.head = head(hidden + context.shape[1])

    def forward(self, token_ids: torch.Tensor, lengths: torch.Tensor,
                context: torch.Tensor) -> torch.Tensor:
        out, _ = self.lstm(self.embed(token_ids))
        index = (lengths - 1).clamp(min=0).view(-1, 1, 1).expand(-1, 1, out.shape[2])
        last = out.gather(1, index).squeeze(1)
        return self.head(torch.cat([last, self.norm(context)], dim=1))


class DnnModel(nn.Module):
    """Baseline: bag of one-hot tokens (counts) ⊕ normalized context → FC layers."""

    def __init__(self, vocab_size: int, context: np.ndarray) -> None:
        super().__init__()
        self.norm = Normalizer(context)
        self.vocab_size = vocab_size
        self.head = head(vocab_size + context.shape[1], hidden=256)

    def forward(self, token_ids: torch.Tensor, lengths: torch.Tensor,
                context: torch.Tensor) -> torch.Tensor:
        counts = nn.functional.one_hot(token_ids, self.vocab_size).float().sum(dim=1)
        counts[:, PAD_ID] = 0.0
        return self.head(torch.cat([torch.log1p(counts), self.norm(context)], dim=1))


class CnnModel(nn.Module):
    """Baseline: one-hot tokens → 1-D convolutions → max and mean pooling ⊕ context → FC."""

    def __init__(self, vocab_size: int, context: np.ndarray, channels: int = 64) -> None:
        super().__init__()
        self.norm = Normalizer(context)
        self.embed = nn.Embedding(vocab_size, 32, padding_idx=PAD_ID)
        self.conv = nn.Sequential(nn.Conv1d(32, channels, 3, padding=1), nn.ReLU(),
                                  nn.Conv1d(channels, channels, 3, padding=1), nn.ReLU())
        self.head = head(2 * channels + context.shape[1])

    def forward(self, token_ids: torch.Tensor, lengths: torch.Tensor,
                context: torch.Tensor) -> torch.Tensor:
        mask = (token_ids != PAD_ID).float().unsqueeze(1)
        feats = self.conv(self.embed(token_ids).transpose(1, 2)) * mask
        mean = feats.sum(dim=2) / lengths.clamp(min=1).float().unsqueeze(1)
        return self.head(torch.cat([feats.max(dim=2).values, mean, self.norm(context)], dim=1))


ModelFactory = Callable[[int, np.ndarray], nn.Module]


# --------------------------------------------------------------------------- training


def batches(records: Sequence[Record], vocabulary: Vocabulary, batch_size: int,
            rng: np.random.Generator | None = None) -> list[tuple[list[int], Any]]:
    """Batches of similar-length blocks (little padding); ties in random order with ``rng``."""
    jitter = rng.random(len(records)) if rng is not None else np.zeros(len(records))
    order = sorted(range(len(records)), key=lambda i: (len(records[i]["tokens"]), jitter[i]))
    groups = [order[i:i + batch_size] for i in range(0, len(order), batch_size)]
    return [(g, encode_records([records[i] for i in g], vocabulary)) for g in groups]


def run_model(model: nn.Module, batch: Any) -> torch.Tensor:
    return model(torch.from_numpy(batch.token_ids), torch.from_numpy(batch.lengths),
                 torch.from_numpy(batch.context))


def predict_torch(model: nn.Module, records: Sequence[Record], vocabulary: Vocabulary
                  ) -> np.ndarray:
    """Raw model outputs for every record, in the records' order."""
    out = np.zeros((len(records), len(OUTPUTS)))
    model.eval()
    with torch.no_grad():
        for idx, batch in batches(records, vocabulary, 1024):
            out[idx] = run_model(model, batch).numpy()
    return out


def function_batches(records: Sequence[Record], vocabulary: Vocabulary, batch_size: int,
                     rng: np.random.Generator) -> list[tuple[list[int], Any, np.ndarray]]:
    """Batches of whole functions (for the function-sum loss), functions of similar block
    lengths together; with each block's function index inside its batch."""
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, record in enumerate(records):
        groups[(record["program"], record["function"])].append(i)
    jitter = rng.random(len(groups))
    functions = [g for _, g in sorted(
        zip(jitter, groups.values(), strict=True),
        key=lambda jg: (max(len(records[i]["tokens"]) for i in jg[1]), jg[0]))]
    out: list[tuple[list[int], Any, np.ndarray]] = []
    idx: list[int] = []
    segments: list[int] = []
    for function in functions:
        segments += [segments[-1] + 1 if segments else 0] * len(function)
        idx += function
        if len(idx) >= batch_size or function is functions[-1]:
            out.append((idx, encode_records([records[i] for i in idx], vocabulary),
                        np.asarray(segments, dtype=np.int64)))
            idx, segments = [], []
    return out


def validation_score(model: nn.Module, valid: Sequence[Record], vocabulary: Vocabulary
                     ) -> float:
    """Mean WMAPE of compute and memory, per block and per function, on validation programs."""
    metrics = evaluate(valid, outputs_to_counts(predict_torch(model, valid, vocabulary), valid))
    return float(np.mean([metrics[q][level] for q in ("compute", "memory")
                          for level in ("block", "function")]))


def fit_torch(factory: ModelFactory, train: Sequence[Record], valid: Sequence[Record],
              vocabulary: Vocabulary, config: TrainConfig,
              log: Callable[[str], None] = print) -> tuple[nn.Module, dict[str, Any]]:
    """Train with L1 loss on blocks, plus ``config.function_weight`` times the L1 loss on
    function sums; keep the epoch with the best validation score (early stopping).

    One thread: on a shared 2-core machine, torch's thread pool is many times slower.
    """
    torch.set_num_threads(1)
    torch.manual_seed(config.seed)
    rng = np.random.default_rng(config.seed)
    by_function = config.function_weight > 0
    if by_function:
        counts = np.ones(len(train))
        train_batches = function_batches(train, vocabulary, config.batch_size, rng)
    else:
        train, counts = deduplicate(train)
        train_batches = [(i, b, np.arange(len(i))) for i, b in
                         batches(train, vocabulary, config.batch_size, rng)]
    weights = torch.tensor(counts / counts.mean(), dtype=torch.float32).unsqueeze(1)
    model = factory(vocabulary.size, encode_records(train, vocabulary).context)
    optimizer = torch.optim.Adam(model.parameters(), lr=config.learning_rate)
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, factor=0.5, patience=1)
    targets = torch.tensor(training_targets(train), dtype=torch.float32)
    best: tuple[float, dict[str, Any], int] = (math.inf, {}, 0)
    start = time.perf_counter()
    history = []
    for epoch in range(config.epochs):
        model.train()
        for step in rng.permutation(len(train_batches)):
            idx, batch, segments = train_batches[step]
            optimizer.zero_grad()
            out = run_model(model, batch)
            loss = ((out - targets[idx]).abs() * weights[idx]).mean()
            if by_function:
                seg = torch.from_numpy(segments)
                sums = torch.zeros((int(segments[-1]) + 1, out.shape[1])).index_add(0, seg, out)
                truth = torch.zeros_like(sums).index_add(0, seg, targets[idx])
                loss = loss + config.function_weight * (sums - truth).abs().sum() / len(idx)
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


# --------------------------------------------------------------------------- export and card


def export_onnx(model: nn.Module, path: Path, n_context: int) -> None:
    """Export with dynamic batch and sequence length (right-padded input)."""
    example = (torch.ones((2, 5), dtype=torch.int64), torch.tensor([5, 3], dtype=torch.int64),
               torch.zeros((2, n_context), dtype=torch.float32))
    torch.onnx.export(
        model, example, str(path), input_names=["token_ids", "lengths", "context"],
        output_names=["prediction"], opset_version=OPSET, dynamo=False,
        dynamic_axes={"token_ids": {0: "blocks", 1: "tokens"}, "lengths": {0: "blocks"},
                      "context": {0: "blocks"}, "prediction": {0: "blocks"}},
    )


def git_commit() -> str:
    proc = subprocess.run(["git", "rev-parse", "HEAD"], cwd=Path(__file__).resolve().parents[2],
                          capture_output=True, text=True, check=False)
    return proc.stdout.strip() or "unknown"


def dataset_provenance(root: Path, records: Sequence[Record]) -> dict[str, Any]:
    """What the card says about the training data: command, identity, size."""
    identity = read_manifest(root).get("identity", {})
    source = identity.get("source", {})
    seeds = sorted({r["seed"] for r in records if r["seed"] is not None})
    seed_range = [seeds[0], seeds[-1]] if seeds else None
    return {
        "path": str(root), "seeds": seed_range,
        "command": build_command(identity.get("target", "?"), seed_range, source),
        "programs": len({r["program"] for r in records}), "blocks": len(records),
        "generator_sha256": source.get("generator_sha256"),
        "corpus_stats_sha256": source.get("corpus_stats_sha256"),
        "compiler": identity.get("compiler_version_cxx"),
        "clang": identity.get("clang_version"),
    }


def build_command(target: str, seeds: Any, source: Any) -> str:
    if isinstance(seeds, list) and len(seeds) == 2:
        unguided = " --unguided" if isinstance(source, dict) and source.get("guided") is False \
            else ""
        return (f"clara dataset build --target {target} --programs {seeds[1] - seeds[0] + 1} "
                f"--seed {seeds[0]}{unguided} -o DIR -j 2")
    return f"clara dataset build --target {target} --from ... -o DIR"


def train_compute(dataset: Path, target: str, out_dir: Path, config: TrainConfig,
                  log: Callable[[str], None] = print) -> tuple[Path, dict[str, Any]]:
    """Train on the training programs, export ONNX + vocabulary + card; returns (path, card).

    The held-out programs (``TEST_FRACTION``, by program hash) are only used for the card's
    metrics, after training; epochs are chosen on a validation split of the training programs.
    """
    records = load_records(dataset)
    train_all, test = split_by_program(records, TEST_FRACTION, "test")
    train, valid = split_by_program(train_all, VALIDATION_FRACTION, "valid", at_least_one=True)
    if not train or not valid:
        raise ClaraError(f"{dataset}: too few programs to split into training and validation "
                         "(need a few programs)")
    vocabulary = build_vocabulary((r["tokens"] for r in train_all),
                                  (r["callee_kinds"] for r in train_all), MIN_COUNT)
    log(f"compute model for {target}: {len(train)} training, {len(valid)} validation, "
        f"{len(test)} held-out blocks; vocabulary {vocabulary.size} tokens")
    model, history = fit_torch(LstmModel, train, valid, vocabulary, config, log)
    name = f"compute-{target}"
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{name}.onnx"
    export_onnx(model, path, len(model_inputs(vocabulary)["context"]))
    save_vocabulary(vocabulary, out_dir / f"{name}.vocab.json")
    card = model_card(name, target, dataset, records, vocabulary, history, config)
    card["training_data"]["training_programs"] = len({r["program"] for r in train_all})
    write_card(card, out_dir / f"{name}.json")
    loaded = load_compute_model(name, out_dir, target)
    check_export(model, loaded, valid[:512], vocabulary)
    if test:
        card["heldout"] = heldout_section(test, loaded)
        write_card(card, out_dir / f"{name}.json")
    return path, card


def model_card(name: str, target: str, dataset: Path, records: Sequence[Record],
               vocabulary: Vocabulary, history: dict[str, Any], config: TrainConfig
               ) -> dict[str, Any]:
    return {
        "model": name, "target": target, "insight": "compute",
        "created": dt.date.today().isoformat(), "git_commit": git_commit(),
        "architecture": "embedding 32 -> LSTM 64 (output at lengths-1) + context -> FC 128-64-2",
        "training_data": dataset_provenance(dataset, records),
        "split": {"test_fraction": TEST_FRACTION, "validation_fraction": VALIDATION_FRACTION,
                  "by": "sha256 of the program id ('test:'/'valid:' salt)"},
        "input_schema": INPUT_SCHEMA, "inputs": model_inputs(vocabulary),
        "outputs": {"prediction": list(OUTPUTS)},
        "vocabulary": {"file": f"{name}.vocab.json", "sha256": vocabulary.sha256(),
                       "size": vocabulary.size, "min_count": vocabulary.min_count},
        "training": {**history, "config": config.__dict__,
                     "loss": "L1 on block counts + function_weight x L1 on function sums",
                     "validation_metric": "mean WMAPE (compute, memory; block, function)"},
    }


def heldout_section(test: Sequence[Record], loaded: Any) -> dict[str, Any]:
    pred, _ = loaded.predict(test)
    return {"metrics": evaluate(test, pred),
            "unknown_token_rate": unknown_rate((r["tokens"] for r in test), loaded.vocabulary)}


def write_card(card: dict[str, Any], path: Path) -> None:
    path.write_text(json.dumps(card, indent=2) + "\n")


def check_export(model: nn.Module, loaded: Any, records: Sequence[Record],
                 vocabulary: Vocabulary) -> None:
    """The ONNX graph must give the torch model's outputs (padding and batching included)."""
    if not records:
        return
    batch = encode_records(records, vocabulary)
    with torch.no_grad():
        expected = run_model(model, batch).numpy()
    got = loaded.session.run(["prediction"], {"token_ids": batch.token_ids,
                                              "lengths": batch.lengths,
                                              "context": batch.context})[0]
    if not np.allclose(expected, got, atol=1e-3, rtol=1e-3):
        raise ClaraError(f"{loaded.path}: ONNX export differs from the torch model "
                         f"(max {np.max(np.abs(expected - got)):.4g})")

