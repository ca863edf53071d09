"""Structure, extraction and grouping cost grows linearly with a document and with a line.

Work is counted, not timed: :func:`work` counts the lines of kg's own code that run
(``sys.settrace``) while a text is read, structured, extracted and grouped. For an input
repeated ``n`` and ``4 n`` times the count grows 4 times when the cost is linear and up
to 16 times when some step compares everything with everything (the code before issue 15
gave 9-14 here for lines and repeated patterns, 5.7 for the sample text; see
``tests/benchmarks/linear_cost.py`` for seconds and memory). The inputs are made from the
sample corpus. The other tests check the pieces a long sentence is cut into, the warning
that reports it, and that the indexes answer as the checks they replace.
"""

from __future__ import annotations

import random
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

import kg
from kg.extract import build_nlp, extract_document, load_lexicon
from kg.extract.entities import _Disjoint, _select
from kg.extract.metrics import PERIOD_RE, NumberGrammar
from kg.extract.phrases import Candidate
from kg.extract.subjects import MAX_SUBJECT_PREFIX
from kg.extract.spans import PatternIndex, SectionIndex, SpanSet
from kg.ingest import document_from_bytes
from kg.model import DocExtraction, DocumentMeta, Evidence, Mention, Section, SourceDocument, StructuredDocument
from kg.pipeline import build
from kg.resolve import _group_document, campaign_signature, group_document
from kg.resolve.names import is_subsequence
from kg.resolve.short_forms import _is_variant, _may_shorten
from kg.structure import structure_document
from kg.structure.author import _LEADS, _leads
from kg.structure.gazetteer import gazetteer
from kg.structure.segment import MAX_RUN, MAX_SENTENCE

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "corpus"
TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SAMPLE.glob("*.txt"))]
ALL = "\n".join(TEXTS)
KG_DIR = str(Path(kg.__file__).parent)


@pytest.fixture(scope="module")
def pipeline():
    lexicon = load_lexicon([])
    nlp = build_nlp(lexicon)
    run_text("市交通运输局开展专项整治行动。", (lexicon, nlp))  # load what is loaded once
    return lexicon, nlp


def run_text(text: str, pipeline) -> tuple[StructuredDocument, DocExtraction]:
    lexicon, nlp = pipeline
    sdoc = structure_document(document_from_bytes(text.encode("utf-8"), "long.txt", Path("long.txt")))
    ext = extract_document(sdoc, nlp)
    group_document(ext, lexicon)
    return sdoc, ext


def work(text: str, pipeline) -> tuple[int, DocExtraction]:
    """The lines of kg's code that run while ``text`` is read, structured, extracted and grouped."""
    count = 0

    def in_kg(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return in_kg

    def calls(frame, event, arg):
        return in_kg if frame.f_code.co_filename.startswith(KG_DIR) else None

    sys.settrace(calls)
    try:
        _, ext = run_text(text, pipeline)
    finally:
        sys.settrace(None)
    return count, ext


def _headings_and_lists() -> str:
    """The heading lines and the 一是/二是 paragraphs of a sample report."""
    text = TEXTS[0]
    keep = [line for line in text.splitlines()
            if re.match(r"\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．、])", line) or "一是" in line]
    return "\n".join(keep) + "\n"


def _counties(reps: int) -> str:
    places = sorted({d.name for d in gazetteer().by_code.values() if d.level == "county"})
    return "".join(f"{p}交通运输局开展{p}治超专项整治行动。\n" for p in places[:reps])


#: input -> (one unit of it, how often it is repeated for the smaller input)
UNITS = {
    # one line: a report without its punctuation and line breaks
    "line_without_punctuation": (re.sub(r"[^\w]|_", "", TEXTS[2]), 2),
    # one line: a report with every sentence end and line break turned into a comma
    "line_of_commas": (re.sub(r"[。！？；\n]", "，", TEXTS[2]), 2),
    "document": (TEXTS[2] + "\n", 5),
    "headings_and_lists": (_headings_and_lists(), 10),
    "line_of_quotes_and_titles": ("".join(re.findall(r"“[^”\n]{1,30}”|《[^》\n]{1,60}》", ALL)), 4),
    "line_of_numbers": ("".join(c + "，" for c in re.split(r"[，。；\n]", ALL)
                                if re.search(r"\d", c) and PERIOD_RE.search(c)), 44),
}


@pytest.mark.parametrize("name", [*UNITS, "campaigns_of_many_places"])
def test_work_grows_linearly(pipeline, name):
    if name == "campaigns_of_many_places":  # one distinct campaign and agency a line: the grouping
        small, large = _counties(250), _counties(1000)
    else:
        unit, reps = UNITS[name]
        small, large = unit * reps, unit * 4 * reps
    w_small, ext_small = work(small, pipeline)
    w_large, ext_large = work(large, pipeline)
    found = len(ext_small.mentions) + len(ext_small.metrics)
    assert found > 20 and len(ext_large.mentions) + len(ext_large.metrics) > 3 * found  # real work was done
    assert w_large / w_small < 4.5, f"{name}: {w_small} lines of code for {len(small)} characters, {w_large} for 4 times more"


def test_a_line_without_punctuation_is_cut_into_pieces_with_one_warning(pipeline):
    line = UNITS["line_without_punctuation"][0] * 2
    sdoc, ext = run_text(line, pipeline)
    pieces = sdoc.sentences
    assert len(pieces) >= len(line) // MAX_RUN
    assert all(s.end - s.start <= MAX_RUN for s in pieces)
    assert "".join(s.text for s in pieces) == line  # in order, nothing lost
    assert sdoc.warnings == ext.warnings
    assert len(ext.warnings) == 1 and ext.warnings[0].startswith("1 sentence cut into pieces for extraction")
    assert str(len(line)) in ext.warnings[0]


def test_a_long_sentence_is_cut_after_punctuation(pipeline):
    line = UNITS["line_of_commas"][0] * 2
    sdoc, ext = run_text(line, pipeline)
    assert len(sdoc.sentences) > len(line) // MAX_SENTENCE
    for s, nxt in zip(sdoc.sentences, sdoc.sentences[1:]):
        assert s.end - s.start <= MAX_SENTENCE
        assert sdoc.source.norm[s.end - 1] in ",;:、。!?"  # cut after a mark
        assert not sdoc.source.text[s.end:nxt.start].strip()
    assert len(ext.warnings) == 1


def test_the_sample_reports_are_not_cut(pipeline):
    for text in TEXTS:
        sdoc, ext = run_text(text, pipeline)
        assert sdoc.warnings == [] and ext.warnings == []


def test_a_build_names_the_cut_document_and_its_records_grow_linearly(tmp_path):
    line = UNITS["line_without_punctuation"][0]
    sizes = []
    for reps in (1, 4):
        corpus = tmp_path / f"c{reps}"
        corpus.mkdir()
        (corpus / "long.txt").write_text(line * reps, encoding="utf-8")
        result = build(corpus, tmp_path / f"out{reps}", workers=1, store=False, views=False, cache=False)
        assert [w for w in result.warnings if "cut into pieces" in w] == [
            f"long.txt: 1 sentence cut into pieces for extraction (longer than {MAX_SENTENCE} characters or with "
            f"{MAX_RUN} characters without punctuation; the longest has {len(line) * reps})"]
        sizes.append((tmp_path / f"out{reps}" / "extractions.jsonl").stat().st_size)
    # each record quotes its sentence: a whole line would make the records grow with its square
    assert sizes[1] / sizes[0] < 4.5


def test_a_long_stretch_before_a_subject_is_not_read_as_adverbials(pipeline):
    def subjects(prefix: str) -> set[str]:
        text = "英德市交通运输局2023年工作总结\n" + prefix + "市公安局开展“百日攻坚”行动。\n"
        _, ext = run_text(text, pipeline)
        return {r.head.name for r in ext.relations if r.rel == "CONDUCTS"}

    fits = "2023年以来" * (MAX_SUBJECT_PREFIX // len("2023年以来"))
    assert subjects(fits) == {"市公安局"}
    # the words of the pattern overlap (2023年以来, 以来): a long stretch that fails to match
    # would take time exponential in its length; a long one is not read, and the author acts
    assert subjects("2023年以来" * 20) == {"英德市交通运输局"}


# --------------------------------------------------- indexes against the checks they replace
def test_pattern_index_answers_as_a_scan_of_the_span():
    rng = random.Random(15)
    trigger = re.compile("开展|展开|开|联合开展|合作")
    for pattern, alphabet in ((PERIOD_RE, list("上下半年全1-6月份截至底今以来季度一二，")), (trigger, list("开展联合作。"))):
        for _ in range(300):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40)))
            index = PatternIndex(pattern, text)
            for _ in range(20):
                start = rng.randrange(0, len(text) + 1)
                end = rng.randrange(start, len(text) + 1)
                assert [m.span() for m in index.within(start, end)] == \
                    [m.span() for m in pattern.finditer(text, start, end)], (text, start, end)


def test_span_set_answers_as_a_check_of_every_span():
    rng = random.Random(15)
    for _ in range(500):
        spans = [(s, s + rng.randrange(0, 8)) for s in (rng.randrange(0, 40) for _ in range(rng.randrange(0, 12)))]
        index = SpanSet(spans)
        for _ in range(20):
            a = rng.randrange(0, 45)
            b = a + rng.randrange(0, 6)
            assert index.covers(a, b) == any(s <= a and b <= e for s, e in spans)
            assert index.overlaps(a, b) == any(s < b and a < e for s, e in spans)


def test_section_index_answers_as_section_at():
    rng = random.Random(15)
    src = SourceDocument("d.txt", Path("d.txt"), "", "", "utf-8", "txt", "")
    for _ in range(300):
        sections = []
        for k in range(rng.randrange(0, 12)):
            start = rng.randrange(0, 60)
            sections.append(Section(f"s{k}", "d.txt", rng.randrange(1, 6), "", "", start, start + rng.randrange(1, 30),
                                    start, start, None, k))
        sdoc = StructuredDocument(src, DocumentMeta("t"), sections, [], [])
        index = SectionIndex(sdoc)
        offsets = sorted(rng.randrange(0, 90) for _ in range(15)) + [rng.randrange(0, 90)]  # the last one goes back
        assert [index.at(pos) for pos in offsets] == [sdoc.section_at(pos) for pos in offsets]


def test_choosing_candidates_answers_as_pairwise_checks():
    def overlaps(a, b):
        return a.start < b.end and b.start < a.end

    def pairwise(cands):
        chosen = []
        for c in sorted(cands, key=lambda c: (c.tier >= 9, c.length, c.tier, -c.start), reverse=True):
            if not any(overlaps(c, t) for t in chosen):
                chosen.append(c)
        return chosen

    rng = random.Random(15)
    for _ in range(500):
        cands = []
        for _ in range(rng.randrange(0, 25)):
            s = rng.randrange(0, 60)
            cands.append(Candidate("AGENCY", s, s + rng.randrange(1, 9), "", "", tier=rng.choice([0, 1, 2, 9])))
        chosen = _select(cands)
        assert chosen == pairwise(cands)
        index = _Disjoint(chosen)
        for c in cands:
            assert index.contains(c) == any(s.start <= c.start and c.end <= s.end for s in chosen)
            assert index.crosses(c) == any(overlaps(c, s) and not (c.start <= s.start and s.end <= c.end)
                                           and not (s.start <= c.start and c.end <= s.end) for s in chosen)


def test_grouping_finds_the_variants_pairwise_checks_find():
    def key(names: Counter) -> str:
        return max(names, key=lambda k: (len(k), names[k], [-ord(c) for c in k]))

    def pairwise(label: str, groups: list[dict]) -> list[dict]:
        kept: list[dict] = []
        for g in groups:
            short = key(g["names"])
            cands = [big for big in kept if _is_variant(label, short, key(big["names"]))]
            if not cands and label == "AGENCY" and _may_shorten(short):  # a body's short form (no author here)
                cands = [big for big in kept if key(big["names"])[-1:] == short[-1:]
                         and len(key(big["names"])) > len(short) and is_subsequence(short, key(big["names"]))]
                cands = cands if len(cands) == 1 else []
            if not cands:
                kept.append(g)
                continue
            sig = campaign_signature(key(g["names"]))
            target = max(cands, key=lambda b: (campaign_signature(key(b["names"])) == sig, b["n"], -b["first"]))
            target["names"].update(g["names"])
            target["n"] += g["n"]
            target["first"] = min(target["first"], g["first"])
        return kept

    rng = random.Random(15)
    words = ["安全", "生产", "专项", "整治", "行动", "活动", "工作", "三年", "交通", "交通运输", "治超", "百日",
             "攻坚", "X", "制度", "办法", "清单", "市", "局", "部门", "海事", "处", "公安", "站"]
    src = SourceDocument("d.txt", Path("d.txt"), "", "", "utf-8", "txt", "")
    for _ in range(300):
        mentions = []
        for _ in range(rng.randrange(1, 80)):
            name = "".join(rng.choice(words) for _ in range(rng.randrange(1, 5)))
            at = rng.randrange(0, 500)
            label = rng.choice(["CAMPAIGN", "REGULATION", "AGENCY"])
            mentions.append(Mention("d.txt", label, name, at, at + len(name), name, Evidence("d.txt", at, at, "", 0, None)))
        ext = DocExtraction(StructuredDocument(src, DocumentMeta("t"), [], [], []), mentions)
        expected = set()
        for label in ("AGENCY", "CAMPAIGN", "REGULATION"):
            by_name: dict[str, dict] = {}
            for m in sorted(ext.mentions, key=lambda m: (m.start, m.end, m.label)):
                if m.label == label:
                    g = by_name.setdefault(m.name, {"names": Counter(), "n": 0, "first": m.start})
                    g["names"][m.name] += 1
                    g["n"] += 1
            ordered = sorted(by_name.values(), key=lambda g: (-len(key(g["names"])), g["first"]))
            expected |= {(label, key(g["names"]), g["n"]) for g in pairwise(label, ordered)}
        assert {(g.label, g.key, len(g.mentions)) for g in _group_document(ext, None)} == expected


def test_number_tokens_are_read_as_the_run_of_digits_and_separators_reads():
    def by_run(norm, text, s):  # the reading from the whole run that a regular expression matches
        m = re.compile(r"[0-9Xx*]+(?:[.,][0-9Xx*]+)*").match(norm, s)
        parts = re.split(r"([.,])", m.group())
        pos, seen_dot = s + len(parts[0]), False
        for k in range(1, len(parts), 2):
            sep, grp = parts[k], parts[k + 1]
            if sep == ".":
                if seen_dot:
                    break
                seen_dot = True
            elif text[pos] != "," or seen_dot or not (len(grp) == 3 and grp.isdigit()):
                break
            pos += 1 + len(grp)
        return s, pos

    rng = random.Random(15)
    for _ in range(3000):
        text = "".join(rng.choice("0123456789X*.,，万元") for _ in range(rng.randrange(1, 30)))
        norm = text.replace("，", ",")
        for s in range(len(norm)):
            if norm[s] in "0123456789Xx*":
                assert NumberGrammar._token_at(norm, text, s) == by_run(norm, text, s), (text, s)


def test_author_search_answers_as_a_search_of_the_whole_text():
    rng = random.Random(15)
    parts = ["带领", "领导班子", "党委", "团结", "省交通运输厅", "市", "局", "X局", "、", "，", "我", "长", "市局"]
    for _ in range(2000):
        norm = "".join(rng.choice(parts) for _ in range(rng.randrange(0, 30)))
        got, expected = _leads(norm), _LEADS.search(norm)
        assert (got and got.span()) == (expected and expected.span()), norm
