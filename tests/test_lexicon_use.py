"""The relation and MEASURES rules read the pipeline's lexicon (shipped plus the user's), not the shipped one alone."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.extract import build_nlp, extract_document
from kg.extract.measure_titles import plan_name_opens
from kg.extract.partners import partners_at
from kg.extract.relations import extract_relations
from kg.lexicon import Lexicon, default_lexicon, load_lexicon
from kg.resources import LEXICON_DIR
from test_relations import make_doc, mentions_of


@pytest.fixture(scope="module")
def with_head(tmp_path_factory) -> Lexicon:
    """The shipped dictionaries with one more body head noun, 专班 (a task force named by its field: 防汛专班)."""
    d = tmp_path_factory.mktemp("lexicon") / "lexicon"
    shutil.copytree(LEXICON_DIR, d)
    with (d / "agency_heads.tsv").open("a", encoding="utf-8") as fh:
        fh.write("专班\tunit\tstem\t\n")
    return load_lexicon([], lexicon_dir=d)


def test_a_plan_name_opens_after_a_head_of_the_given_lexicon(with_head):
    title = "《防汛专班汛期保障行动方案》"
    k = title.index("汛期")
    assert not plan_name_opens(title, k, default_lexicon())
    assert plan_name_opens(title, k, with_head)


def test_a_partner_list_passes_an_untagged_body_closed_by_a_head_of_the_given_lexicon(tmp_path, with_head):
    sdoc = make_doc(tmp_path, "会同防汛专班、市水利局开展巡查。\n", None)
    scope = mentions_of(sdoc, {"市水利局": "AGENCY"})
    assert partners_at(sdoc.source.norm, 2, scope, default_lexicon()) == []
    assert [m.name for m in partners_at(sdoc.source.norm, 2, scope, with_head)] == ["市水利局"]


def test_the_relation_extractor_uses_the_lexicon_it_is_given(tmp_path, with_head):
    sdoc = make_doc(tmp_path, "某市交通运输局工作总结\n市交通运输局会同防汛专班、市水利局开展“安澜”专项行动。\n", "某市交通运输局")
    spec = {"市交通运输局": "AGENCY", "市水利局": "AGENCY", "“安澜”专项行动": "CAMPAIGN"}

    def cooperates(lexicon: Lexicon | None) -> set[tuple[str, str]]:
        res = extract_relations(sdoc, mentions_of(sdoc, spec), lexicon=lexicon)
        return {(r.head.name, r.tail.name) for r in res.relations if r.rel == "COOPERATES_WITH"}

    assert ("市交通运输局", "市水利局") not in cooperates(None)
    assert ("市交通运输局", "市水利局") in cooperates(with_head)


def test_the_pipeline_components_share_the_pipeline_lexicon(with_head):
    nlp = build_nlp(with_head)
    assert nlp.get_pipe("kg_relations").extractor.lexicon is with_head
    assert nlp.get_pipe("kg_measures").finder.lexicon is with_head
    # a fresh pipeline's components share that pipeline's own lexicon
    nlp2 = build_nlp()
    assert nlp2.get_pipe("kg_relations").extractor.lexicon is nlp2.user_data["kg_lexicon"]
    assert nlp2.get_pipe("kg_measures").finder.lexicon is nlp2.user_data["kg_lexicon"]
    assert nlp2.user_data["kg_lexicon"] is not with_head
