"""Data flows one way: resolve, the sinks, the query side and the views never load extraction or spaCy."""

from __future__ import annotations

import subprocess
import sys

import pytest

LATER_STAGES = [
    "kg.resolve", "kg.graph", "kg.rows", "kg.sinks.store", "kg.sinks.neo4j", "kg.sinks.extractions",
    "kg.query", "kg.views", "kg.pipeline", "kg.pipeline.cache", "kg.pipeline.outputs", "kg.lexicon",
]


@pytest.mark.parametrize("module", LATER_STAGES)
def test_a_later_stage_imports_no_extraction(module):
    code = (f"import sys, {module}\n"
            "bad = sorted(m for m in sys.modules if m == 'spacy' or m.startswith(('spacy.', 'kg.extract')))\n"
            "print(','.join(bad))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "", f"{module} loads {done.stdout.strip()}"
