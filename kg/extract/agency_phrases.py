"""Body names read as phrases around the head-noun parse of :mod:`kg.extract.heads`.

A level opening a field's body over words the dictionary lacks (县|文体广电|旅游局,
市|国有资产|监督管理委员会: :func:`_bridged`), and an office named by a level, the
word of its task and 办 (市创建办, 县政务公开办: :func:`_task_office`). heads never
imports this module.
"""

from __future__ import annotations

import re

from kg.extract.heads import COUNTED, ENUM_MARK, collective, drop_determined_level, head_candidate, parse_agency_parts
from kg.extract.localities import LEVEL, PLACE, STEM, UNIT, scoped
from kg.extract.phrases import Candidate, PhraseScanner
from kg.structure.headings import cn_number


def agency_candidates(sc: PhraseScanner) -> list[Candidate]:
    """Public bodies found from their head nouns (see :mod:`kg.extract.heads`).

    Each head's parse (:func:`~kg.extract.heads.head_candidate`) is extended
    over words the dictionary lacks to the level that opens it (:func:`_bridged`);
    where no parse closes 办, an office named by its task (:func:`_task_office`).

    Parameters
    ----------
    sc : PhraseScanner
        The scanner of the text.

    Returns
    -------
    list of Candidate
        One candidate at most per head end.
    """
    text = sc.text
    out: list[Candidate] = []
    for end, hits in sc.matches("agency_heads").by_end.items():
        counted = COUNTED.match(text, end)
        best = head_candidate(sc, end, hits)
        if counted and not (best is not None and _counts_list(text, best.start, counted.group())):
            continue  # 建成综合服务中心XX个: a kind of facility counted, not one body
        if best is None and any(word == _OFFICE for _, word, _ in hits):
            best = _task_office(sc, end - len(_OFFICE), end)
        elif best is not None and not set(best.info["kinds"]) & {LEVEL, PLACE, UNIT}:
            best = _bridged(sc, best)
        if best is not None:
            out.append(best)
    return out


#: what closes the clause a list of names stands in
_CLAUSE_MARKS = re.compile(r"[，。；：,;:\n]")
#: a count in digits or one Chinese digit and its counter
_COUNT = re.compile(r"([0-9]+|[一二两三四五六七八九])\D$")
#: how far left of a listed name the clause holding the list is looked for
_LIST_REACH = 200


def _counts_list(text: str, start: int, count: str) -> bool:
    """Whether ``count`` after the name starting at ``start`` counts the 、-list the name closes
    (评出A科党支部、B科党支部2个: two bodies named, not a kind): the name follows a 、 and the
    count is the number of items since the clause opened."""
    if start == 0 or text[start - 1] != ENUM_MARK or (m := _COUNT.match(count)) is None:
        return False
    n = m.group(1)
    number = int(n) if n.isdigit() else cn_number(n.replace("两", "二"))
    opened = max((c.end() for c in _CLAUSE_MARKS.finditer(text, max(0, start - _LIST_REACH), start)), default=0)
    return text.count(ENUM_MARK, opened, start) + 1 == number


#: the head of an office set up for one task (市创建办, 县政务公开办)
_OFFICE = "办"
#: characters that make 办 the second half of a verb (督办, 承办, 举办, 交办, 通办, 新办, 自办), no office
_OFFICE_VERBS = frozenset("督转承举主协交代领包查申创帮重催兴合操试筹经首快速联通上近新自")
#: modals: a task word holding one outside a known word (应急) is the predicate of a subject before it (县交通运输局要认真办)
_MODALS = frozenset("要应须将")
#: stop-word classes that never stand inside a task word (认真, 统一: how the work is done, not its name)
_NOT_TASK = frozenset({"adverb", "det", "time", "measure"})
#: characters that join a level into a word of place or rank (县里, 省内, 市级, 区直, 县域), no task word
_LEVEL_AFFIXES = frozenset("里上内外级直属辖域")
#: what may follow an office that is the subject or the owner in its clause
_OFFICE_AFTER = re.compile(r"[，。、；：,;:）)\s的要对和与及负牵组会联统]")


def _task_word(sc: PhraseScanner, word: str) -> bool:
    """Whether ``word`` can name the task of an office (创建, 政务公开), not say how work is done.

    A modal standing as its own word (要认真办, not the 应 of 应急), an adverb or
    determiner (统一办), or a rank (两级同步办) makes the words before 办 a
    predicate, not a name.
    """
    if "级" in word or any(ch in _MODALS and not sc.lx.in_word(word, i) for i, ch in enumerate(word)):
        return False
    stop = sc.lx.stopwords
    return not any(stop.get(word[i:j]) in _NOT_TASK
                   for i in range(len(word)) for j in range(i + 1, len(word) + 1))


def _opens_phrase(sc: PhraseScanner, start: int, end: int) -> bool:
    """Whether the level or place at ``[start, end)`` opens a phrase, not ends a word (城市, 都市, 超市).

    It opens one at the start of the text, after a character no name holds, or
    after a stop word (由县…, 推进市…) that makes no known word with it.
    """
    text = sc.text
    if start == 0 or not sc.is_name_char(start - 1):
        return True
    if sc.lx.trie("stopwords").longest_ending_at(text, start) is None:
        return False
    return not any(sc.lx.is_word(text[a:end]) for a in range(max(0, start - 2), start))


#: the longest run of words the dictionary lacks between a level and a field's body (市|国有资产|监督管理委员会)
_BRIDGE = 4


def _bridged(sc: PhraseScanner, cand: Candidate) -> Candidate | None:
    """A body named by field words alone, extended over unknown words to the level that opens its name.

    县文体广电旅游局, 市海上搜救中心, 市国有资产监督管理委员会: the parse of
    dictionary words stops at 文体, 海上, 国有资产; when a level (or place) ends
    at most four name characters before, with no stop word between, the level
    opens the name; a stop word counts only outside a known word (国有). The
    level must open a phrase (加快城市海上搜救中心建设: 市 ends 城市); a
    collective level (各县文体广电旅游局) names no one body, so None.
    """
    text, stop = sc.text, sc.lx.stopwords
    for at in range(cand.start - 1, max(0, cand.start - _BRIDGE) - 1, -1):
        gap = text[at:cand.start]
        # a stop word inside a longer known word is no stop (国有资产: 有 inside 国有)
        if not sc.is_name_char(at) or any(gap[i:j] in stop
                                          and not sc.lx.in_word(text, at + i, j - i + 6, end=at + j,
                                                                within=(at + i - 3, min(cand.start, at + j + 3)))
                                          for i in range(len(gap)) for j in range(i + 1, len(gap) + 1)):
            return cand
        if text[at] in _LEVEL_AFFIXES:
            continue
        parts = drop_determined_level(sc, parse_agency_parts(sc, at, state=STEM))
        if parts and parts[0].kind in (LEVEL, PLACE) and parts[0].start + len(parts[0].word) == at:
            start = parts[-1].start
            if not _opens_phrase(sc, start, parts[-1].start + len(parts[-1].word)):
                return cand
            if collective(sc, start, parts):
                return None  # 各县文体广电旅游局: every county's body, and no fragment of one
            out = Candidate("AGENCY", start, cand.end, text[start:cand.end], "agency.head", tier=1)
            out.info = {**cand.info, "kinds": tuple(p.kind for p in reversed(parts)) + (STEM,) + cand.info["kinds"],
                        "words": tuple(p.word for p in reversed(parts)) + (gap,) + cand.info["words"]}
            return out
    return cand


def _task_office(sc: PhraseScanner, hstart: int, end: int) -> Candidate | None:
    """An office named by a level or a scoped body, the word of its task, and 办.

    市创建办要…, 县政务公开办的…, 在市委依法治市办、市司法局的指导下: the task word
    is no body stem, so the parse of dictionary words does not
    reach the level; the office is named when the level opens the phrase and
    办 closes the subject or the owner of the clause (not 督办, 举办的). The task
    word is 2-4 characters and holds no modal or adverb (县交通运输局要认真办);
    a collective level (各县创建办) names no one office.

    Parameters
    ----------
    sc : PhraseScanner
        The scanner of the text.
    hstart, end : int
        Where 办 starts and ends.

    Returns
    -------
    Candidate or None
        The office, or None when no level or scoped body opens the phrase.
    """
    text = sc.text
    if text[hstart - 1:hstart] in _OFFICE_VERBS or not _OFFICE_AFTER.match(text, end):
        return None
    for at in range(hstart - 2, max(0, hstart - 4) - 1, -1):
        if not sc.is_name_char(at) or text[at] in "的和与及" or not _task_word(sc, text[at:hstart]):
            return None
        parts = drop_determined_level(sc, parse_agency_parts(sc, at, state=STEM))
        if text[at] in _LEVEL_AFFIXES:
            continue  # 县里开办, 市级督办: the level's own affix, no task word
        if parts and (parts[0].kind in (LEVEL, PLACE) or parts[0].kind == UNIT and scoped(parts)):
            start = parts[-1].start
            if collective(sc, start, parts):
                return None  # 各县创建办: the offices of every county, no one body
            cand = Candidate("AGENCY", start, end, text[start:end], "agency.head", tier=1)
            cand.info = {"kinds": tuple(p.kind for p in reversed(parts)) + (STEM,), "head": _OFFICE,
                         "words": tuple(p.word for p in reversed(parts)) + (text[at:hstart],), "cls": "unit"}
            return cand
    return None


__all__ = ["agency_candidates"]
