"""Cross-platform compute prediction at run time: NIC instructions per IR block.

This module owns the compute model's input encoding (token ids and the block's context, the
same for training and analysis) and :func:`predict_blocks`, which runs the shipped
``models_onnx/compute-<target>.onnx`` with onnxruntime over every block of a module at once.
Per block it returns the predicted NIC compute instructions and memory accesses: the IR's
state and packet accesses as counted, plus the model's learned correction (stack traffic the
compiler keeps or removes). Framework API calls are not in the prediction. A model whose
card does not match its vocabulary or this input schema is refused with a
:class:`ClaraError`; tokens missing from the vocabulary are counted per block.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from clara.errors import ClaraError
from clara.ir.features import Block, Function, ModuleFeatures
from clara.ir.vocabulary import (
    PAD_ID,
    Vocabulary,
    block_token,
    encode,
    load_vocabulary,
    token_id,
)
from clara.models.onnx_model import MODELS_DIR, check_card, read_card
from clara.toolchain.compile import CompileOptions

INPUT_SCHEMA = "clara.compute-input/6"
MAX_TOKENS = 128  # longer blocks keep their first tokens; their size is in the context
IR_KINDS = ("compute", "mem.stack", "mem.state", "mem.packet", "api", "control")
SYNTHESIZED = "synthesized"  # 1 for blocks of synthesized training programs, 0 for NF code
# What LLVM -O2 keeps of the block's lines (the plugin's ``opt`` object, clara.features/3)
OPT_CONTEXT = ("opt.instructions", "opt.memory", "opt.calls", "log_opt_instructions",
               "opt_per_instruction", "opt.api", "opt.api_memory", "log_opt_nf")
# What LLVM's own backend for the target's ISA makes of the block (the record's ``llvm``
# object: clang-19's code charged to IR blocks by the label rules, llvm_block_counts)
LLVM_CONTEXT = ("llvm.compute", "llvm.memory", "log_llvm_compute", "log_llvm_memory")
BASE_CONTEXT = (
    "is_entry", "is_exit", "loop_depth", "successors", "log_instructions", "instructions",
    "log_function_blocks", "log_function_instructions", "return_blocks", "is_packet_entry",
    "api_calls", "truncated_tokens", *(f"ir.{k}" for k in IR_KINDS), SYNTHESIZED,
    *OPT_CONTEXT, *LLVM_CONTEXT,
)
# What gcc makes of the block on x86-64 (the record's ``gcc_x86``: the reference compiler's
# code charged to IR blocks by the label rules, reference_block_counts), after BASE_CONTEXT
# for a model whose vocabulary reads it (a target file's ``compute_reference``)
REFERENCE_CONTEXT = ("gcc_x86.compute", "gcc_x86.memory", "log_gcc_x86_compute",
                     "log_gcc_x86_memory")
OUTPUTS = ("compute", "memory_correction")
OUTPUT_COUNTS = ("compute", "memory")  # what outputs_to_counts makes of them
BLOCK_INPUTS = ("token_ids", "lengths", "context")
FUNCTION_INPUTS = ("function_slots", "function_lengths", "block_slot")
RETRAIN = "clara train compute --target {target}"

Record = Mapping[str, Any]


@dataclass(frozen=True)
class BlockPrediction:
    """What one IR block is predicted to cost on the NIC (API calls not included)."""

    function: str
    block: str
    compute: float
    memory: float
    memory_state: float
    memory_packet: float
    memory_stack: float
    ir_instructions: int
    unknown_tokens: int
    tokens: int
    model: str


@dataclass(frozen=True)
class Batch:
    """Model inputs for a list of blocks, right-padded, plus the unknown-token counts.

    The function layout lets a model see a block's neighbours: ``function_slots[f]`` lists
    the rows of function f's blocks in layout order (by block index), right-padded with B
    (a zero row the model appends); ``block_slot[b]`` = f * L + position of block b."""

    token_ids: np.ndarray  # int64 [B, T]
    lengths: np.ndarray  # int64 [B]
    context: np.ndarray  # float32 [B, C]
    unknown: np.ndarray  # int64 [B]
    function_slots: np.ndarray  # int64 [F, L]
    function_lengths: np.ndarray  # int64 [F]
    block_slot: np.ndarray  # int64 [B]

    def feeds(self, names: Sequence[str]) -> dict[str, np.ndarray]:
        """The named model inputs."""
        return {name: getattr(self, name) for name in names}


@dataclass(frozen=True)
class ComputeModel:
    """A loaded compute model: name, card, vocabulary and onnxruntime session."""

    name: str
    path: Path
    card: Mapping[str, Any]
    vocabulary: Vocabulary
    session: Any

    @property
    def input_names(self) -> list[str]:
        return [i.name for i in self.session.get_inputs()]

    @property
    def scale(self) -> tuple[float, float]:
        return calibration(self.card)

    def predict(self, records: Sequence[Record]) -> tuple[np.ndarray, np.ndarray]:
        """(compute, memory) per record, non-negative, and the unknown-token counts."""
        raw = np.zeros((len(records), len(OUTPUTS)), dtype=np.float32)
        unknown = np.zeros(len(records), dtype=np.int64)
        names = self.input_names
        for rows in length_buckets(records, whole_functions=FUNCTION_INPUTS[0] in names):
            batch = encode_records([records[i] for i in rows], self.vocabulary)
            raw[rows] = self.session.run(["prediction"], batch.feeds(names))[0]
            unknown[rows] = batch.unknown
        return outputs_to_counts(raw, records, self.scale), unknown


# --------------------------------------------------------------------------- encoding


def context_names(vocabulary: Vocabulary) -> list[str]:
    return [*BASE_CONTEXT, *(REFERENCE_CONTEXT if vocabulary.reference else ()),
            *(f"callee:{k}" for k in vocabulary.callee_kinds)]


def model_inputs(vocabulary: Vocabulary) -> dict[str, list[str]]:
    """The card's ``inputs`` table for a model over this vocabulary: what this Clara feeds
    (a model's graph may read a subset, e.g. no function layout for a block-only LSTM)."""
    return {"token_ids": [f"vocabulary:{vocabulary.size}", "block-name token first"],
            "lengths": ["tokens"], "context": context_names(vocabulary),
            "function_slots": ["rows of a function's blocks in layout order, padded with B"],
            "function_lengths": ["blocks per function"],
            "block_slot": ["function x width + position of each block"]}


def context_vector(record: Record, kinds: Mapping[str, int], reference: bool) -> list[float]:
    """The block's context, in the order of :func:`context_names` (``reference``: with the
    reference compiler's columns)."""
    counts = record["ir_counts"]
    n = float(record["n_instructions"])
    base = [
        float(record["is_entry"]), float(record["is_exit"]), float(record["loop_depth"]),
        float(len(record["succs"])), math.log1p(n), n,
        math.log1p(record["function_blocks"]), math.log1p(record["function_instructions"]),
        float(record["return_blocks"]), float(record["is_packet_entry"]),
        float(len(record["api_calls"])), float(max(0, len(record["tokens"]) + 1 - MAX_TOKENS)),
        *(float(counts.get(k, 0)) for k in IR_KINDS), float(is_synthesized(record)),
        *opt_context(record["opt"], n),
        *counts_context(record["llvm"]),
        *(counts_context(record["gcc_x86"]) if reference else ()),
    ]
    callees = [0.0] * len(kinds)
    for kind in record["callee_kinds"]:
        if kind in kinds:
            callees[kinds[kind]] = 1.0
    return base + callees


def opt_context(opt: Mapping[str, float], n_instructions: float) -> list[float]:
    """The columns of OPT_CONTEXT: -O2 instructions, memory accesses and calls of the
    block's lines, log instructions, instructions kept per -O0 IR instruction, the part a
    real build folds into inlined API code (instructions, memory accesses) and log of the
    rest."""
    kept, api = float(opt["instructions"]), float(opt["api"])
    return [kept, float(opt["memory"]), float(opt["calls"]), math.log1p(kept),
            kept / max(1.0, n_instructions), api, float(opt["api_memory"]),
            math.log1p(max(0.0, kept - api))]


def counts_context(counts: Mapping[str, float]) -> list[float]:
    """The columns of LLVM_CONTEXT (the record's ``llvm``: LLVM's backend for the target's
    ISA) or REFERENCE_CONTEXT (``gcc_x86``: the reference compiler): that build's compute and
    memory instructions for the block, raw and log."""
    compute, memory = float(counts["compute"]), float(counts["memory"])
    return [compute, memory, math.log1p(compute), math.log1p(memory)]


def is_synthesized(record: Record) -> bool:
    """A block of a synthesized program (it has a seed); analysed NF code never is."""
    return record.get("seed") is not None


def model_tokens(record: Record) -> list[str]:
    """The token sequence the model reads: the block-name token, then the IR tokens."""
    return [block_token(record["block"]), *record["tokens"]]


def encode_block(record: Record, ids: dict[str, int]) -> tuple[list[int], int]:
    """The block's token ids and its number of IR tokens not in the vocabulary."""
    sequence, unknown = encode(record["tokens"], ids)
    return [token_id(block_token(record["block"]), ids), *sequence], unknown


def encode_records(records: Sequence[Record], vocabulary: Vocabulary) -> Batch:
    """Token ids (right-padded to the longest block, at most MAX_TOKENS), lengths, context."""
    ids = vocabulary.ids()
    kinds = {k: i for i, k in enumerate(vocabulary.callee_kinds)}
    encoded = [encode_block(r, ids) for r in records]
    width = max(1, min(MAX_TOKENS, max(len(e) for e, _ in encoded)))
    token_ids = np.full((len(records), width), PAD_ID, dtype=np.int64)
    lengths = np.ones(len(records), dtype=np.int64)
    for row, (sequence, _) in enumerate(encoded):
        kept = sequence[:width]
        token_ids[row, :len(kept)] = kept
        lengths[row] = max(1, len(kept))
    context = np.asarray([context_vector(r, kinds, vocabulary.reference) for r in records],
                         dtype=np.float32)
    unknown = np.asarray([u for _, u in encoded], dtype=np.int64)
    return Batch(token_ids, lengths, context.reshape(len(records), -1), unknown,
                 *function_layout(records))


def function_key(record: Record) -> tuple[Any, str]:
    """Which function a block belongs to (the program too, for dataset records)."""
    return record.get("program"), record["function"]


def functions_of(records: Sequence[Record]) -> list[list[int]]:
    """Record indices per function, functions in order of first appearance, blocks in
    layout order (block index)."""
    groups: dict[tuple[Any, str], list[int]] = {}
    for i, record in enumerate(records):
        groups.setdefault(function_key(record), []).append(i)
    return [sorted(rows, key=lambda i: records[i]["index"]) for rows in groups.values()]


def function_layout(records: Sequence[Record]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(function_slots, function_lengths, block_slot) of :class:`Batch`."""
    functions = functions_of(records)
    width = max((len(rows) for rows in functions), default=1)
    slots = np.full((max(1, len(functions)), width), len(records), dtype=np.int64)
    block_slot = np.zeros(len(records), dtype=np.int64)
    for f, rows in enumerate(functions):
        slots[f, :len(rows)] = rows
        block_slot[rows] = f * width + np.arange(len(rows))
    lengths = np.asarray([len(rows) for rows in functions] or [1], dtype=np.int64)
    return slots, lengths, block_slot


def length_buckets(records: Sequence[Record], whole_functions: bool = False
                   ) -> list[list[int]]:
    """Record indices grouped by token count (up to 8, 16, 32, ... MAX_TOKENS), so that a
    few long blocks do not make the LSTM run MAX_TOKENS steps over every block. With
    ``whole_functions``, a function's blocks stay together, in the bucket of its longest."""
    groups = functions_of(records) if whole_functions else [[i] for i in range(len(records))]
    buckets: dict[int, list[int]] = {}
    for rows in groups:
        width = 8
        while width < min(max(len(records[i]["tokens"]) + 1 for i in rows), MAX_TOKENS):
            width *= 2
        buckets.setdefault(width, []).extend(rows)
    return [buckets[w] for w in sorted(buckets)]


def ir_data_accesses(record: Record) -> tuple[float, float]:
    """The IR's (state, packet) memory accesses of the block: kept as they are on the NIC."""
    counts = record["ir_counts"]
    return float(counts.get("mem.state", 0)), float(counts.get("mem.packet", 0))


def corrected_counts(records: Sequence[Record]) -> np.ndarray:
    """What the model's outputs correct, [N, 2]: nothing for compute (predicted as it is);
    for memory, the memory instructions LLVM's own backend for the target's ISA makes of
    each block (the record's ``llvm`` object)."""
    return np.asarray([[0.0, r["llvm"]["memory"]] for r in records], dtype=np.float64)


def outputs_to_counts(raw: np.ndarray, records: Sequence[Record],
                      scale: tuple[float, float] = (1.0, 1.0)) -> np.ndarray:
    """Model outputs (corrections of :func:`corrected_counts`) to non-negative (compute,
    memory), times the model's calibration factors (:func:`calibration`)."""
    counts = np.maximum(corrected_counts(records) + raw.astype(np.float64), 0.0)
    return counts * np.asarray(scale, dtype=np.float64)


def calibration(card: Mapping[str, Any]) -> tuple[float, float]:
    """The card's factors on the (compute, memory) counts (``calibration``: fitted on the
    training run's validation programs); 1 and 1 for a model trained without."""
    section = card.get("calibration") or {}
    compute, memory = (float(section.get(k, 1.0)) for k in OUTPUT_COUNTS)
    return compute, memory


def callee_kinds(function: Function) -> list[str]:
    """The distinct ``!clara.kind`` of the function's callees (as the dataset records it)."""
    from clara.dataset.builder import callee_kinds as kinds_of

    return kinds_of(function)


def block_input(block: Block, function: Function, kinds: Sequence[str],
                llvm: Mapping[str, float], gcc_x86: Mapping[str, float] | None = None
                ) -> dict[str, Any]:
    """A run-time block in the shape of a dataset record (the model's input fields);
    ``llvm``, ``gcc_x86``: its ``llvm`` and (for a model that reads it) ``gcc_x86`` objects
    (:func:`clara.dataset.builder.counts_record`)."""
    record = {
        "function": block.function, "block": block.name, "index": block.index,
        "tokens": list(block.tokens), "n_instructions": block.n_instructions,
        "loop_depth": block.loop_depth, "is_entry": block.is_entry, "is_exit": block.is_exit,
        "succs": list(block.succs), "function_blocks": function.n_blocks,
        "function_instructions": function.n_instructions,
        "return_blocks": function.return_blocks, "is_packet_entry": function.is_packet_entry,
        "callee_kinds": list(kinds), "api_calls": [c.name for c in block.api_calls],
        "ir_counts": dict(block.counts), "opt": optimized(block), "llvm": dict(llvm),
    }
    if gcc_x86 is not None:
        record["gcc_x86"] = dict(gcc_x86)
    return record


def optimized(block: Block) -> dict[str, float]:
    """The block's ``opt`` object as a record field; features of an older plugin (schema 1)
    have none, and the model needs it."""
    if block.opt is None:
        raise ClaraError(
            f"{block.file or block.function}: the feature records have no optimized-IR "
            "context (`opt`, clara.features/3): they come from an older plugin; rebuild it "
            "(pip install -e .) and analyze again")
    return asdict(block.opt)


# --------------------------------------------------------------------------- loading


def check_compute_card(card: Mapping[str, Any], card_path: Path, vocabulary: Vocabulary,
                       retrain: str) -> None:
    """Refuse a card that does not match this vocabulary file or this Clara's input schema."""
    check_card(card, card_path, INPUT_SCHEMA, model_inputs(vocabulary), retrain)
    section = card.get("calibration") or {}
    factors = [section.get(k, 1.0) for k in OUTPUT_COUNTS]
    if not all(isinstance(f, int | float) and 0.5 <= f <= 2.0 for f in factors):
        raise ClaraError(f"{card_path}: calibration factors {factors} are not numbers in "
                         f"[0.5, 2]: the card is damaged; retrain with `{retrain}`")
    pinned = card.get("vocabulary", {}).get("sha256")
    if pinned != vocabulary.sha256():
        raise ClaraError(
            f"{card_path}: the card pins vocabulary sha256 {pinned}, but the vocabulary file "
            f"has {vocabulary.sha256()}: model and vocabulary do not belong together; "
            f"retrain with `{retrain}`")


@lru_cache(maxsize=8)
def _session(path: Path) -> Any:
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.log_severity_level = 3
    options.intra_op_num_threads = 1
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def load_compute_model(name: str, directory: Path | None = None,
                       target: str | None = None) -> ComputeModel:
    """``<directory>/<name>.onnx`` with its ``.vocab.json`` and ``.json`` card, checked."""
    directory = directory or MODELS_DIR
    retrain = RETRAIN.format(target=target or name.removeprefix("compute-"))
    onnx_path = directory / f"{name}.onnx"
    if not onnx_path.is_file():
        raise ClaraError(f"{onnx_path}: compute model missing; train it with `{retrain}`")
    card_path = directory / f"{name}.json"
    card = read_card(card_path)
    vocabulary = load_vocabulary(directory / f"{name}.vocab.json")
    check_compute_card(card, card_path, vocabulary, retrain)
    return ComputeModel(name, onnx_path, card, vocabulary, _session(onnx_path))


def model_for_target(target: Any, directory: Path | None = None) -> ComputeModel:
    """The compute model a target profile names, or a ClaraError saying none is shipped or
    that the model and the target file disagree on reading the reference compiler."""
    file_name = target.models.get("compute")
    directory = directory or MODELS_DIR
    if not file_name or not (directory / file_name).is_file():
        raise ClaraError(
            f"target '{target.name}' has no shipped compute model "
            f"({directory / (file_name or f'compute-{target.name}.onnx')} not found); build a "
            f"dataset and train one with `clara train compute --target {target.name}`")
    model = load_compute_model(file_name.removesuffix(".onnx"), directory, target.name)
    if model.vocabulary.reference != target.compute_reference:
        raise ClaraError(
            f"{model.path}: the model {'reads' if model.vocabulary.reference else 'does not read'}"
            f" the reference compiler's counts, but target '{target.name}' says it "
            f"{'does' if target.compute_reference else 'does not'} (compute_reference in "
            f"{target.path}); retrain with `clara train compute --target {target.name}`")
    return model


# --------------------------------------------------------------------------- prediction


def split_memory(memory: float, state: float, packet: float) -> tuple[float, float, float]:
    """(state, packet, stack) parts of a predicted memory count that sum to it."""
    data = state + packet
    if memory >= data:
        return state, packet, memory - data
    scale = memory / data if data else 0.0
    return state * scale, packet * scale, 0.0


@dataclass(frozen=True)
class BackendCounts:
    """Per (function, block): what LLVM's own backend for the target's ISA and, for a target
    whose compute model reads it, the reference compiler (gcc-12 for x86-64; else None)
    make of the block, charged by the label rules (:func:`module_backend_counts`)."""

    llvm: Mapping[tuple[str, str], Any]
    gcc_x86: Mapping[tuple[str, str], Any] | None


def module_backend_counts(source: Path, module: ModuleFeatures, target: Any,
                          options: CompileOptions, workdir: Path) -> BackendCounts:
    """Each block's LLVM backend counts for ``target`` and, if the target's compute model
    reads them (``compute_reference``), the reference compiler's counts (the inputs the
    model reads next to the IR: :func:`clara.dataset.builder.llvm_block_counts`,
    :func:`~clara.dataset.builder.reference_block_counts`), built in ``workdir``; a source
    either compiler cannot build is an error naming it."""
    from clara.dataset.builder import (
        BuildError,
        llvm_block_counts,
        plugin_line_counts,
        reference_block_counts,
    )

    counts = plugin_line_counts(module.blocks)
    try:
        llvm = llvm_block_counts(source, module, counts, target, options, workdir)
    except BuildError as err:
        raise ClaraError(f"{source}: LLVM's {target.name} backend, whose code the compute "
                         f"model reads, cannot build it: {err}") from err
    if not target.compute_reference:
        return BackendCounts(llvm, None)
    try:
        gcc_x86 = reference_block_counts(source, module, counts, target, options, workdir)
    except BuildError as err:
        raise ClaraError(f"{source}: the reference compiler (gcc-12 for x86-64), whose code "
                         f"the compute model reads, cannot build it: {err}") from err
    return BackendCounts(llvm, gcc_x86)


def predict_blocks(module: ModuleFeatures, target: Any, backends: BackendCounts,
                   directory: Path | None = None) -> dict[tuple[str, str], BlockPrediction]:
    """Predicted NIC cost of every IR block of ``module`` on ``target``, keyed by
    (function, block); all blocks go through the model in one batch. ``backends``: each
    block's LLVM backend and reference compiler counts (:func:`module_backend_counts`)."""
    from clara.dataset.builder import counts_record

    model = model_for_target(target, directory)
    functions = {f.name: f for f in module.functions}
    kinds = {name: callee_kinds(f) for name, f in functions.items()}
    blocks = [b for b in module.blocks if b.function in functions]
    reference = backends.gcc_x86  # built exactly for targets whose model reads it
    records = [block_input(b, functions[b.function], kinds[b.function],
                           counts_record(backends.llvm.get((b.function, b.name))),
                           None if reference is None
                           else counts_record(reference.get((b.function, b.name))))
               for b in blocks]
    counts, unknown = model.predict(records)
    predictions: dict[tuple[str, str], BlockPrediction] = {}
    for block, record, (compute, memory), n_unknown in zip(blocks, records, counts, unknown,
                                                           strict=True):
        state, packet, stack = split_memory(float(memory), *ir_data_accesses(record))
        predictions[(block.function, block.name)] = BlockPrediction(
            block.function, block.name, float(compute), float(memory), state, packet, stack,
            block.n_instructions, int(n_unknown), len(block.tokens), model.name)
    return predictions
