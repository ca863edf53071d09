"""BOOTSTRAP placeholder: dictionaries and user lexicons are being written."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Lexicon:
    entries: dict = field(default_factory=dict)


def load_lexicon(paths: list[Path]) -> Lexicon:
    return Lexicon()
