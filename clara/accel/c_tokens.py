"""A lossless C/C++ tokenizer for source-to-source transformations of corpus files.

``tokenize(text)`` splits text into comments, string and character literals, numbers,
identifiers, whitespace and single punctuation characters; joining the tokens' texts gives
the text back exactly, so a transformation can rewrite some tokens and keep every line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN_RE = re.compile(
    r"""
    (?P<comment>//[^\n]*|/\*.*?\*/)
  | (?P<string>"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*')
  | (?P<number>\.?\d(?:[\w.]|[eEpP][+-])*)
  | (?P<ident>[A-Za-z_]\w*)
  | (?P<space>\s+)
  | (?P<punct>.)
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True)
class Token:
    kind: str
    text: str


def tokenize(text: str) -> list[Token]:
    """Split C/C++ text into tokens; concatenating the texts gives back ``text`` exactly."""
    tokens: list[Token] = []
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup or "punct"
        tokens.append(Token(kind, m.group()))
    return tokens
