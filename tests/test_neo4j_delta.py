"""A rebuilt corpus reloaded into Neo4j ends as a clean load of it: after a document changes, after one is
removed, and after a load killed half way is run again; every library query answers as the embedded store."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from kg.pipeline import build
from kg.pipeline.outputs import CacheRows
from kg.query import EmbeddedEngine, Neo4jEngine, load_library
from kg.rows import Delta, to_networkx
from kg.sinks.neo4j import Neo4jSink, load_rows
from neo4j_dump import assert_same_rows, db_dump, rows_dump

pytestmark = pytest.mark.neo4j

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"
LIBRARY = load_library()
#: appended to a document: mentions of entities other documents name too, and a relation between them
EDIT = "\n\n三、其他\n省交通运输厅印发《道路运输条例》实施细则，英德市交通运输局开展治超专项行动。\n"


def _wipe(driver) -> None:
    with driver.session() as session:
        while session.run("MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS c").single()["c"]:
            pass


def _clean_dump(driver, config, out: Path):
    """What a clean load of the build in ``out`` gives (the database is emptied first)."""
    _wipe(driver)
    report = load_rows(CacheRows.of_build(out), config)
    assert report.fresh
    return db_dump(driver)


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    return folder


def _edit(corpus: Path, name: str) -> None:
    path = corpus / name
    path.write_text(path.read_text(encoding="utf-8") + EDIT, encoding="utf-8")


def _check_against_clean_load(driver, config, out: Path) -> None:
    """The database equals the rows of the build, a clean load of it, and answers as its embedded store."""
    got = db_dump(driver)
    assert got == rows_dump(to_networkx(CacheRows.of_build(out)))
    embedded, neo = EmbeddedEngine(out / "store"), Neo4jEngine(config)
    try:
        for name in sorted(LIBRARY):
            assert_same_rows(name, embedded, neo, LIBRARY)
    finally:
        embedded.close()
        neo.close()
    assert _clean_dump(driver, config, out) == got


def test_a_changed_document_is_replaced(neo4j_clean, neo4j_driver, corpus, tmp_path):
    out = tmp_path / "out"
    build(corpus, out, views=False)
    load_rows(CacheRows.of_build(out), neo4j_clean)
    untouched = {r["id"]: r["e"] for r in neo4j_driver.execute_query(
        "MATCH (n:Sentence) WHERE n.doc <> $doc RETURN n.id AS id, elementId(n) AS e", doc="002_94776bb515e1c2d5.txt").records}
    _edit(corpus, "002_94776bb515e1c2d5.txt")
    build(corpus, out, views=False)
    report = load_rows(CacheRows.of_build(out), neo4j_clean)
    assert report.documents["changed"] >= 1 and report.documents["unchanged"] >= 1, report.line()
    assert report.deleted["Document"] == report.created["Document"] == report.documents["changed"]
    assert report.created["Sentence"] > report.deleted["Sentence"] > 0  # the edit added sentences
    kept = {r["id"]: r["e"] for r in neo4j_driver.execute_query(
        "MATCH (n:Sentence) WHERE n.id IN $ids RETURN n.id AS id, elementId(n) AS e", ids=list(untouched)).records}
    assert sum(kept.get(i) == e for i, e in untouched.items()) > len(untouched) // 2, "unchanged documents rewritten"
    _check_against_clean_load(neo4j_driver, neo4j_clean, out)


def test_a_removed_document_leaves_nothing_behind(neo4j_clean, neo4j_driver, corpus, tmp_path):
    out = tmp_path / "out"
    build(corpus, out, views=False)
    load_rows(CacheRows.of_build(out), neo4j_clean)
    gone = "001_bcc5b07abc7036dd.txt"
    (corpus / gone).unlink()
    build(corpus, out, views=False)
    report = Neo4jSink(neo4j_clean).apply(Delta(remove_docs={gone}), CacheRows.of_build(out))  # as kg.rows.Sink
    assert report.documents["removed"] == 1 and report.deleted["Document"] == 1
    assert report.deleted["Sentence"] > 0 and report.deleted["MENTIONED_IN"] > 0
    assert report.updated or any(report.deleted[lb] for lb in ("Agency", "Organization", "Campaign", "Regulation"))
    left = neo4j_driver.execute_query(
        "MATCH (n) WHERE n.doc = $d OR n.name = $d OR $d IN coalesce(n.docs, []) RETURN count(n) AS c "
        "UNION ALL MATCH ()-[r]->() WHERE r.doc = $d RETURN count(r) AS c", d=gone).records
    assert [r["c"] for r in left] == [0, 0]
    _check_against_clean_load(neo4j_driver, neo4j_clean, out)


_KILLED_LOAD = """
import os, signal, sys
from kg.pipeline.outputs import CacheRows
from kg.sinks.neo4j import config_from_env, load_rows
after = sys.argv[2]  # transactions, or a share of the rows ("50%")
def progress(done, total, n=[0]):
    n[0] += 1
    if (done >= total * int(after[:-1]) / 100) if after.endswith("%") else n[0] == int(after):
        os.kill(os.getpid(), signal.SIGKILL)
load_rows(CacheRows.of_build(sys.argv[1]), config_from_env(), batch_rows=60, workers=1, progress=progress)
"""


@pytest.mark.parametrize("after", [1, 4, 9])
def test_a_load_killed_half_way_is_finished_by_the_next(neo4j_clean, neo4j_driver, corpus, tmp_path, after):
    """From a database holding three documents to the corpus with one of them changed, killed after ``after``
    transactions (the delete, entity and document transactions), then loaded again."""
    out = tmp_path / "out"
    hidden = tmp_path / "hidden"
    hidden.mkdir()
    for name in ("003_1886d682955e9e02.txt", "004_05378b4c232db4bf.txt"):
        shutil.move(corpus / name, hidden / name)
    build(corpus, out, views=False)
    load_rows(CacheRows.of_build(out), neo4j_clean)
    for p in hidden.iterdir():
        shutil.move(p, corpus / p.name)
    _edit(corpus, "000_ed33fff3d4507b20.txt")
    build(corpus, out, views=False)
    env = {**os.environ, "NEO4J_URI": neo4j_clean.uri, "NEO4J_USER": neo4j_clean.user,
           "NEO4J_PASSWORD": neo4j_clean.password}
    proc = subprocess.run([sys.executable, "-c", _KILLED_LOAD, str(out), str(after)], env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == -9, proc.stderr[-2000:]
    report = load_rows(CacheRows.of_build(out), neo4j_clean)
    assert sum(report.documents.values()) == 5 and report.documents["unchanged"] >= 1, report.line()
    assert db_dump(neo4j_driver) == rows_dump(to_networkx(CacheRows.of_build(out)))
    again = load_rows(CacheRows.of_build(out), neo4j_clean)
    assert again.documents == Counter(added=0, changed=0, removed=0, unchanged=5)


def test_a_fresh_load_killed_half_way_is_finished_by_the_next(neo4j_clean, neo4j_driver, sample_build):
    env = {**os.environ, "NEO4J_URI": neo4j_clean.uri, "NEO4J_USER": neo4j_clean.user,
           "NEO4J_PASSWORD": neo4j_clean.password}
    proc = subprocess.run([sys.executable, "-c", _KILLED_LOAD, str(sample_build.out), "60%"], env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == -9, proc.stderr[-2000:]
    held = neo4j_driver.execute_query("MATCH (d:Document) RETURN count(d) AS c").records[0]["c"]
    assert 0 < held < 5, "the kill came too early or too late to test anything"
    report = load_rows(CacheRows.of_build(sample_build.out), neo4j_clean)
    assert not report.fresh and report.documents["unchanged"] == held and not report.deleted
    assert db_dump(neo4j_driver) == rows_dump(to_networkx(CacheRows.of_build(sample_build.out)))
