"""`kg lexicon suggest`: untyped name-like phrases, ranked, never what was typed."""

import json
import subprocess
import sys

from kg.pipeline import build
from kg.suggest import as_lexicon_lines, suggest


def test_suggests_untyped_names_and_never_typed_ones(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    # an invented programme the shipped dictionaries cannot know, quoted and repeated
    text = ("某市交通运输局2024年工作总结\n"
            "一、主要工作\n"
            "我局深入开展“清风护航”专项督查，督查企业12家。\n"
            "持续推进“清风护航”专项督查，整改问题8个。\n"
            "印发《某市网约车合规化工作方案》，落实安全生产责任制。\n")
    (corpus / "a.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    build(corpus, out, store=False, views=False)
    typed = {json.loads(l)["name"] for l in (out / "extractions.jsonl").read_text(encoding="utf-8").splitlines()
             if json.loads(l)["type"] not in ("METRIC", "RELATION")}
    cands = suggest(out)
    phrases = [c.phrase for c in cands]
    assert not set(phrases) & typed
    for c in cands:
        assert c.example and c.count >= 1 and c.docs == {"a.txt"}
    # the invented programme is either typed by the extractor or suggested for review
    assert any("清风护航" in name for name in typed) or any("清风护航" in p for p in phrases)
    lines = as_lexicon_lines(cands)
    assert all(line.startswith("#") for line in lines.splitlines())


def test_cli_suggest_on_the_sample_build(tmp_path):
    out = tmp_path / "out"
    build("data/corpus", out, store=False, views=False)
    run = subprocess.run([sys.executable, "-m", "kg.cli", "lexicon", "suggest", str(out), "-n", "15",
                          "--format", "lexicon"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    rows = [l for l in run.stdout.splitlines()[1:] if l.strip()]
    assert 1 <= len(rows) <= 15
    assert all(l.split("\t")[0].lstrip("# ") in {"AGENCY", "ORGANIZATION", "CAMPAIGN", "REGULATION"} for l in rows)
    missing = subprocess.run([sys.executable, "-m", "kg.cli", "lexicon", "suggest", str(tmp_path / "none")],
                             capture_output=True, text=True)
    assert missing.returncode != 0 and "run kg build first" in missing.stderr
