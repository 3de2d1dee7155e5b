"""Loading a shipped ONNX model and its card, and checking both against what the code expects.

This module owns the run-time side of ``models_onnx/<name>.onnx`` + ``<name>.json``: it finds
the files, checks the card's input schema version and feature names against the caller's,
and runs the model with onnxruntime. Any mismatch is a :class:`ClaraError` naming the file and
the fix (retrain with ``clara train ...`` or update Clara), never a silent wrong answer.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from clara.errors import ClaraError

# A wheel carries the shipped models inside the package (CMakeLists.txt installs them into
# clara/models_onnx); a source checkout or an editable install has them at the repository root.
_PACKAGED_MODELS = Path(__file__).resolve().parents[1] / "models_onnx"
MODELS_DIR = (_PACKAGED_MODELS if _PACKAGED_MODELS.is_dir()
              else Path(__file__).resolve().parents[2] / "models_onnx")


@dataclass(frozen=True)
class OnnxModel:
    """A loaded model: its files, its card, and an onnxruntime session."""

    name: str
    path: Path
    card: Mapping[str, Any]
    session: Any

    def run(self, feeds: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
        """All outputs by name; feeds are cast to float32 2-D arrays."""
        arrays = {k: np.asarray(v, dtype=np.float32).reshape(len(v), -1) for k, v in feeds.items()}
        names = [o.name for o in self.session.get_outputs()]
        return dict(zip(names, self.session.run(names, arrays), strict=True))


def read_card(path: Path) -> dict[str, Any]:
    try:
        card = json.loads(path.read_text())
    except FileNotFoundError:
        raise ClaraError(f"{path}: model card missing; retrain with `clara train`") from None
    except json.JSONDecodeError as err:
        raise ClaraError(f"{path}:{err.lineno}: model card is not valid JSON ({err.msg})") from None
    if not isinstance(card, dict):
        raise ClaraError(f"{path}: model card must be a JSON object")
    return card


def check_card(card: Mapping[str, Any], path: Path, schema: str,
               inputs: Mapping[str, Sequence[str]], retrain: str) -> None:
    """Raise unless the card declares ``schema`` and exactly these input feature names."""
    if card.get("input_schema") != schema:
        raise ClaraError(
            f"{path}: input schema {card.get('input_schema')!r}, this Clara expects {schema!r}; "
            f"retrain with `{retrain}` or use the Clara version that wrote the model"
        )
    declared = card.get("inputs")
    if not isinstance(declared, dict):
        raise ClaraError(f"{path}: card has no 'inputs' table; retrain with `{retrain}`")
    for name, features in inputs.items():
        if list(declared.get(name, [])) != list(features):
            raise ClaraError(
                f"{path}: input '{name}' features {declared.get(name)} differ from this Clara's "
                f"{list(features)}; retrain with `{retrain}`"
            )


@lru_cache(maxsize=16)
def _session(path: Path) -> Any:
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.log_severity_level = 3
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def load_model(name: str, schema: str, inputs: Mapping[str, Sequence[str]], retrain: str,
               directory: Path | None = None) -> OnnxModel:
    """Load ``<directory>/<name>.onnx`` and its card, checked against ``schema``/``inputs``."""
    directory = directory or MODELS_DIR
    onnx_path, card_path = directory / f"{name}.onnx", directory / f"{name}.json"
    if not onnx_path.is_file():
        raise ClaraError(f"{onnx_path}: model file missing; train it with `{retrain}`")
    card = read_card(card_path)
    check_card(card, card_path, schema, inputs, retrain)
    return OnnxModel(name, onnx_path, card, _session(onnx_path))
