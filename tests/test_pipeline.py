"""The whole build: outputs, summary, bad files, stable ids, the CLI."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.pipeline import build

CORPUS = Path("data/corpus")


@pytest.fixture(scope="module")
def built(sample_build):
    return sample_build


def test_build_writes_the_store_records_summary_and_views_and_no_export(built):
    out = built.out
    for name in ("extractions.jsonl", "summary.json", "store", "visualizations/index.html"):
        assert (out / name).stat().st_size > 0, name
    for name in ("graph.json", "graph.graphml", "graph.gexf", "neo4j-import"):
        assert not (out / name).exists(), name  # exports are written on request
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["documents"] == 5 and summary["documents_failed"] == 0
    assert summary["nodes"] == built.graph.number_of_nodes()
    assert summary["edges"] == built.graph.number_of_edges()


def test_extractions_records_follow_the_scorer_contract(built):
    text = {p.name: p.read_text(encoding="utf-8") for p in CORPUS.glob("*.txt")}
    node_ids = set(built.graph.nodes)
    for line in (built.out / "extractions.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        assert rec["doc"] in text
        if rec["type"] == "RELATION":
            assert rec["rel"] in {"CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"}
            assert rec["from_id"] in node_ids and rec["to_id"] in node_ids
        else:
            assert text[rec["doc"]][rec["start"]:rec["end"]] == rec["text"]
            assert rec["id"] in node_ids


def test_every_fact_keeps_its_evidence(built):
    """A mention points at its sentence, stored once with its offsets; a relation keeps its own."""
    g = built.graph
    text = {p.name: p.read_text(encoding="utf-8") for p in CORPUS.glob("*.txt")}
    for n, a in g.nodes(data=True):
        if a["label"] == "Sentence":
            assert text[a["doc"]][a["start"]:a["end"]] == a["text"] and a["text"]
    mentions = 0
    for u, v, a in g.edges(data=True):
        if a["type"] == "MENTIONED_IN":
            sentence = g.nodes[v]
            assert sentence["label"] == "Sentence"
            assert sentence["start"] <= a["start"] < a["end"] <= sentence["end"]
            assert text[sentence["doc"]][a["start"]:a["end"]] == a["text"]
            mentions += 1
        elif a["type"] in ("CONDUCTS", "ISSUES", "COOPERATES_WITH", "MEASURES"):
            assert a["doc"] in text and 0 <= a["start"] < a["end"] <= len(text[a["doc"]])
            assert a["sentence"] and a["sentence"] in text[a["doc"]]
    assert mentions > 500


def _edges(g):
    return sorted((u, v, a["type"], a.get("start") or 0) for u, v, a in g.edges(data=True))


def test_rebuild_gives_the_same_ids(built, tmp_path):
    again = build(CORPUS, tmp_path, views=False)
    assert set(again.graph.nodes) == set(built.graph.nodes)
    assert _edges(again.graph) == _edges(built.graph)


def test_bad_files_are_reported_and_the_rest_is_built(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS / "004_05378b4c232db4bf.txt", corpus)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (corpus / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    result = build(corpus, tmp_path / "out")
    assert result.summary["documents"] == 1 and result.summary["documents_failed"] == 3
    named = {w.split(":", 1)[0] for w in result.warnings}
    assert named == {"empty.txt", "binary.txt", "broken.docx"}
    assert all("\n" not in w for w in result.warnings)
    g = result.graph
    assert any(a["label"] == "Document" and a["name"] == "004_05378b4c232db4bf.txt" for _, a in g.nodes(data=True))


def test_cli_build_prints_a_summary_and_reports_a_missing_corpus(tmp_path):
    kg = [sys.executable, "-m", "kg.cli"]
    ok = subprocess.run(kg + ["build", str(CORPUS), "-o", str(tmp_path / "out")], capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    assert "documents" in ok.stdout and "5 built" in ok.stdout
    bad = subprocess.run(kg + ["build", str(tmp_path / "nope"), "-o", str(tmp_path / "o2")], capture_output=True, text=True)
    assert bad.returncode != 0
    assert "nope" in bad.stderr and len(bad.stderr.strip().splitlines()) == 1


def test_a_user_lexicon_changes_the_graph(built, tmp_path):
    def names(g, label):
        return {a["name"] for _, a in g.nodes(data=True) if a["label"] == label}

    before_campaigns = names(built.graph, "Campaign")
    assert "春运" not in before_campaigns
    dropped = "党史学习教育"
    assert dropped in before_campaigns
    lexicon = tmp_path / "mine.tsv"
    lexicon.write_text("# my additions\nCAMPAIGN\t春运\t春运工作\nSTOP\t党史学习教育\n", encoding="utf-8")
    after = build(CORPUS, tmp_path / "out", lexicons=[lexicon], store=False, views=False).graph
    campaigns = names(after, "Campaign")
    assert "春运" in campaigns and dropped not in campaigns
    spring = next(a for _, a in after.nodes(data=True) if a["name"] == "春运")
    # 000 writes 春运工作 (an alias), 004 writes 2023年春运: one node for both
    assert spring["docs"] == ["000_ed33fff3d4507b20.txt", "004_05378b4c232db4bf.txt"]
    # the CLI takes the same file
    run = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(CORPUS), "-o", str(tmp_path / "cli"),
                          "--no-views", "--lexicon", str(lexicon)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "春运" in (tmp_path / "cli" / "extractions.jsonl").read_text(encoding="utf-8")


def test_self_references_are_not_names_unless_the_author_uses_its_name(built):
    recs = [json.loads(l) for l in (built.out / "extractions.jsonl").read_text(encoding="utf-8").splitlines()]
    texts = {r["text"] for r in recs if r["type"] == "AGENCY"}
    assert not texts & {"我局", "本局", "我们"}
    # 000 is the 支队's own speech: it calls itself 支队, which is its name there
    zhidui = [r for r in recs if r["doc"].startswith("000") and r["type"] == "AGENCY" and r["text"] == "支队"]
    assert zhidui and {r["name"] for r in zhidui} == {"支队"}
    self_edges = [a for _, _, a in built.graph.edges(data=True) if a["type"] == "MENTIONED_IN" and a.get("self_ref")]
    assert {a["text"] for a in self_edges} >= {"我们"}


def test_a_malformed_user_lexicon_is_one_error_line(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("CAMPAIGN\t春运\nNOTATYPE\t什么\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(CORPUS), "-o", str(tmp_path / "out"),
                          "--no-views", "--lexicon", str(bad)], capture_output=True, text=True)
    assert run.returncode != 0
    assert "bad.tsv" in run.stderr and len(run.stderr.strip().splitlines()) == 1


def test_documents_are_processed_with_fewer_young_collections_and_the_thresholds_come_back():
    import gc

    from kg.pipeline.collection import YOUNG_COLLECTION_THRESHOLD, fewer_collections

    before = gc.get_threshold()
    with fewer_collections():
        inside = gc.get_threshold()
    assert inside[0] == max(before[0], YOUNG_COLLECTION_THRESHOLD) and inside[1:] == before[1:]
    assert gc.get_threshold() == before


def test_a_block_without_collection_freezes_what_it_made_when_asked_so_no_young_collection_walks_it():
    """Collection is back on after the block; with ``freeze`` the objects it made are in the permanent generation
    (the young generation holds none of them), without it none is frozen."""
    import gc

    from kg.pipeline.collection import no_collection

    assert gc.get_freeze_count() == 0
    try:
        with no_collection(freeze=True):
            assert not gc.isenabled()
            kept = [[i] for i in range(5000)]
        assert gc.isenabled() and gc.get_freeze_count() >= len(kept)
        assert not any(o is kept[-1] for o in gc.get_objects(0))
    finally:
        gc.unfreeze()
    with no_collection():
        young = [[i] for i in range(5000)]
    assert gc.isenabled() and gc.get_freeze_count() == 0 and young


def test_the_warm_up_imports_what_writing_the_outputs_needs_and_never_raises():
    """While a rebuild waits for its worker, a thread imports the store and, where pandas is installed, pandas (pyarrow's
    first array of Python values loads it), so the write and store stages do not; a module it cannot import is left to
    the stage that needs it."""

    script = ("import importlib.util, sys\nfrom kg.pipeline import _warm_up\nassert 'pandas' not in sys.modules\n_warm_up()\n"
              "assert 'kg.sinks.store' in sys.modules\n"
              "assert ('pandas' in sys.modules) == (importlib.util.find_spec('pandas') is not None)\n"
              "class No:\n    @staticmethod\n    def find_spec(name, path=None, target=None):\n"
              "        if name.startswith('kg.sinks.store'):\n            raise ImportError(name)\n"
              "del sys.modules['kg.sinks.store']\nsys.meta_path.insert(0, No)\n_warm_up()\nprint('ok')\n")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert run.returncode == 0 and run.stdout.strip() == "ok", run.stderr
