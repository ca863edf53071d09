"""Dictionaries: shipped files, the user lexicon format, aliases, STOP, the character trie."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.lexicon.charmatch import SuffixTrie
from kg.lexicon import LexiconError, load_lexicon, read_entries, strip_quotes


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_shipped_dictionaries_load_general_vocabulary():
    lx = load_lexicon([])
    assert {"局", "厅", "党委", "支队", "指挥部", "纪检监察组", "部门"} <= set(lx.agency_heads)
    assert lx.agency_heads["委"].needs == frozenset({"level", "stem"})  # 市委, 发改委
    assert lx.stems["市场监管"] == "body" and lx.stems["主管"] == "generic"
    assert {"集团", "公司", "协会", "交职院"} <= set(lx.org_heads) and lx.org_heads["出行"].weak
    assert lx.campaign_heads["专项整治"].anaphor and lx.campaign_heads["建设"].quoted_only
    assert "title" in lx.regulation_heads["办法"].where and "any" in lx.regulation_heads["制度"].where
    assert lx.stopwords["开展"] == "verb" and "两个确立" in lx.slogans
    assert "英德市" in lx.places and "清远" in lx.places  # gazetteer names and short names


def test_canonical_and_aliases_for_resolve():
    lx = load_lexicon([])
    assert lx.canonical("CAMPAIGN", "创文") == "全国文明城市创建"
    assert lx.canonical("CAMPAIGN", "“放管服”改革") == "放管服改革"
    assert lx.canonical("AGENCY", "创文") == "创文"  # the type must agree
    assert lx.canonical("AGENCY", "市交通运输局") == "市交通运输局"
    assert {"中共中央", "党中央"} <= lx.aliases("AGENCY", "党中央")
    assert lx.is_stopped("各级交通运输部门") and lx.is_stopped("“相关部门”")
    assert not lx.is_stopped("市场监管部门")


def test_user_file_format_comments_aliases_stop(tmp_path):
    p = write(tmp_path, "user.tsv", "# my lexicon\n\nAGENCY\t省交通运输厅\t省厅|交通运输厅\n"
                                    "campaign\t春运\t春运工作\nSTOP\t市交通运输局\n")
    entries = read_entries(p)
    assert [(e.label, e.name, e.aliases) for e in entries] == [
        ("AGENCY", "省交通运输厅", ("省厅", "交通运输厅")), ("CAMPAIGN", "春运", ("春运工作",)), ("STOP", "市交通运输局", ())]
    assert entries[0].source == "user.tsv:3"
    lx = load_lexicon([p])
    assert lx.canonical("AGENCY", "省厅") == "省交通运输厅"
    assert lx.canonical("CAMPAIGN", "春运工作") == "春运"
    assert lx.is_stopped("市交通运输局")
    assert {"省厅", "交通运输厅", "省交通运输厅", "春运", "春运工作"} <= lx.user_phrases


def test_later_user_line_overrides_shipped_alias(tmp_path):
    p = write(tmp_path, "u.tsv", "CAMPAIGN\t创建文明城市\t创文\n")
    assert load_lexicon([]).canonical("CAMPAIGN", "创文") == "全国文明城市创建"
    assert load_lexicon([p]).canonical("CAMPAIGN", "创文") == "创建文明城市"


def test_bad_user_files_are_reported_with_file_and_line(tmp_path):
    bad = write(tmp_path, "bad.tsv", "AGENCY\t交通运输部\nPERSON\t张三\n")
    with pytest.raises(LexiconError, match=r"bad.tsv:2: unknown type 'PERSON'"):
        load_lexicon([bad])
    empty = write(tmp_path, "empty.tsv", "CAMPAIGN\n")
    with pytest.raises(LexiconError, match="without a name"):
        load_lexicon([empty])
    with pytest.raises(FileNotFoundError):
        load_lexicon([tmp_path / "missing.tsv"])


def test_strip_quotes_keeps_masks():
    assert strip_quotes("“百日攻坚”行动") == "百日攻坚行动"
    assert strip_quotes("《X省交通运输条例》") == "X省交通运输条例"


def test_suffix_trie_matches_words_ending_at_an_offset():
    trie = SuffixTrie({"交通运输": "stem", "运输": "stem", "局": "head"})
    text = "市交通运输局"
    assert [(s, w) for s, w, _ in trie.ending_at(text, 5)] == [(1, "交通运输"), (3, "运输")]
    assert trie.longest_ending_at(text, 5, lo=2) == (3, "运输", "stem")
    assert trie.ending_at(text, 1) == []
    assert [(s, e, w) for s, e, w, _ in trie.finditer(text)] == [(1, 5, "交通运输"), (3, 5, "运输"), (5, 6, "局")]
    assert "局" in trie and "交通" not in trie and trie.max_len == 4
