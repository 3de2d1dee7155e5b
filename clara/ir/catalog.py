"""The framework API catalog (``api_catalog.json``), shared with the plugin.

The plugin embeds the same file at build time; this module reads it for Python-side uses
(reports that group API calls by category, the synthesizer's choice of API calls).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from clara.errors import ClaraError

CATALOG_PATH = Path(__file__).resolve().parent / "api_catalog.json"
CATALOG_SCHEMA = "clara.api-catalog/1"


@dataclass(frozen=True)
class ApiEntry:
    """One framework API: its name, category and the demangled-name pattern."""

    name: str
    category: str
    pattern: re.Pattern[str]


def load_catalog(path: Path = CATALOG_PATH) -> tuple[ApiEntry, ...]:
    """Read and validate a catalog file."""
    try:
        data = json.loads(path.read_text())
    except (OSError, json.JSONDecodeError) as err:
        raise ClaraError(f"{path}: cannot read the API catalog: {err}") from err
    if data.get("schema") != CATALOG_SCHEMA:
        raise ClaraError(f"{path}: schema is {data.get('schema')!r}, expected {CATALOG_SCHEMA!r}")
    entries = []
    for number, api in enumerate(data.get("apis", []), start=1):
        try:
            entries.append(ApiEntry(api["name"], api["category"], re.compile(api["pattern"])))
        except (KeyError, re.error) as err:
            raise ClaraError(f"{path}: API entry {number} is invalid: {err}") from err
    return tuple(entries)


@cache
def shipped_catalog() -> tuple[ApiEntry, ...]:
    """The catalog shipped with Clara."""
    return load_catalog()


def match_api(demangled: str, catalog: tuple[ApiEntry, ...]) -> ApiEntry | None:
    """The first catalog entry whose pattern matches ``demangled`` (``Click::`` stripped)."""
    name = demangled.removeprefix("Click::")
    for entry in catalog:
        if entry.pattern.match(name):
            return entry
    return None


def category_of(api_name: str, catalog: tuple[ApiEntry, ...]) -> str:
    """The category of an API name as used in ``api.<name>`` tags (``extern`` if unknown)."""
    for entry in catalog:
        if entry.name == api_name:
            return entry.category
    return "extern"
