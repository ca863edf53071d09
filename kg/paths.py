"""Where kg finds the data files it ships (dictionaries, gazetteer)."""

from __future__ import annotations

import os
from pathlib import Path

#: The repository's ``data/`` folder (kg is installed editable from the checkout).
DATA_DIR = Path(os.environ.get("KG_DATA_DIR") or Path(__file__).resolve().parent.parent / "data")
LEXICON_DIR = DATA_DIR / "lexicon"
GAZETTEER_DIR = DATA_DIR / "gazetteer"
REPO_DIR = Path(__file__).resolve().parent.parent
CYPHER_DIR = REPO_DIR / "cypher"
