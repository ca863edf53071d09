"""The data kg ships and reads at run time, found with :mod:`importlib.resources`.

The sources stay at the top of the checkout (``data/`` and ``cypher/``);
``pyproject.toml`` maps them to the packages ``kg.data`` and ``kg.cypher``, so a
wheel carries them and an editable install reads them from the checkout.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

#: dictionaries, gazetteer, scope lists and the sample corpus (the checkout's ``data/``)
DATA_DIR = Path(str(files("kg.data")))
LEXICON_DIR = DATA_DIR / "lexicon"
GAZETTEER_DIR = DATA_DIR / "gazetteer"
SCOPE_DIR = DATA_DIR / "scope"
SAMPLE_CORPUS = DATA_DIR / "corpus"
#: the schema and the query library (the checkout's ``cypher/``)
CYPHER_DIR = Path(str(files("kg.cypher")))
