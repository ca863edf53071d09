"""A regular install works like the editable one: build a wheel, install it into a fresh
venv outside the checkout, and run kg there on a corpus outside the checkout.

The venv sees this interpreter's site-packages for kg's dependencies (so the test needs no
network), but kg itself must come from the wheel: the test checks where it is imported from.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "data" / "corpus"


@pytest.fixture(scope="module")
def venv(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("wheel")
    dist = tmp / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(dist), str(REPO)], check=True, cwd=tmp)
    wheels = list(dist.glob("kg-*.whl"))
    assert len(wheels) == 1, wheels
    env = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(env)], check=True)
    subprocess.run([str(env / "bin" / "python"), "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall",
                    str(wheels[0])], check=True, cwd=tmp)
    return env


def _run(env: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "NEO4J_URI")}
    return subprocess.run([str(env / "bin" / "kg"), *args], cwd=cwd, env=clean, capture_output=True,
                          text=True, timeout=600)


def test_kg_comes_from_the_wheel(venv, tmp_path):
    out = subprocess.run([str(venv / "bin" / "python"), "-c", "import kg, kg.resources as r; "
                          "print(kg.__file__); print(r.LEXICON_DIR); print(r.CYPHER_DIR)"],
                         cwd=tmp_path, capture_output=True, text=True, check=True).stdout.split()
    assert all(str(venv) in line for line in out), out


def test_build_and_query_from_the_wheel(venv, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SAMPLE, corpus)
    done = _run(venv, "build", str(corpus), "-o", str(tmp_path / "out"), "--no-views", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "extractions.jsonl").stat().st_size > 0
    q = _run(venv, "query", "agencies_by_campaigns", "--out", str(tmp_path / "out"), "--format", "json",
             cwd=tmp_path)
    assert q.returncode == 0, q.stderr
    assert "交通运输局" in q.stdout
    listed = _run(venv, "query", "--list", cwd=tmp_path)
    assert listed.returncode == 0 and "campaigns_by_agency" in listed.stdout, listed.stderr
