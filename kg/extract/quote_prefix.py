"""What stands before a quoted campaign name and belongs to it.

Field words, places and level words (道路运输“雁城护航”联合执法行动, 常德市“四好农村路”提质增效
三年行动, 全国“四好农村路”示范县), and the object words a verb governs (实施公交车辆“以旧换新”行动,
结合公路保护“清障行动”); never the verb itself, nor a place or level that only says where work is
done after a verb (参与区级“助企纾困”行动). Used by :mod:`kg.extract.quotes`; a launch verb inside
the object of another (实施国有企业改革深化提升行动) opens a free-text name too (:func:`launch_object_start`).
"""

from __future__ import annotations

import re

from kg.extract.phrases import PhraseScanner

#: after a quote, these end the search for a head
RIGHT_STOPS = frozenset("的和及与、等")
#: stop words that cut a link of object words (a verb, a time, a preposition: “十四五”期间“X”行动)
LINK_STOP_KINDS = frozenset({"func", "prep", "det", "time", "verb"})

#: level words that open a campaign's name before its quote: 全国“四好农村路”示范县, 市级“…”示范乡镇创建,
#: a province's or region's own campaign (全区公路治超“百日会战”; 全市, 全县 only say where work is done);
#: and the seasons a campaign is held for: 春运“打非治违”专项行动
_SCOPE_WORDS = ("国家级", "全国", "省级", "市级", "县级", "全省", "全区",
                "春运", "暑运", "汛期", "汛前", "节前", "冬季", "夏季", "秋冬", "冬春")
#: the words a prefix is read from, and whether each names a field, place or level (generic words only count inside)
_KINDS = (("domain", True), ("places", True), ("generic", False))
_FIELD_KINDS = (("domain", True), ("generic", False))
#: how far before a quote its name may start
MAX_PREFIX = 12


def name_prefix(sc: PhraseScanner, open_: int, objects: bool = True, scope: bool = True) -> int:
    """Where a campaign name starts that has name words before its quote and a head after it.

    Field words, places and level words stand before the quote as part of
    the name (道路运输“雁城护航”联合执法行动, 常德市“四好农村路”提质增效三年
    行动, 全国“四好农村路”示范县); generic words count only inside such a
    prefix (安全宣传“五进”活动), never at its start (深化“放管服”改革).
    With ``objects`` the object words after a verb open it too (:func:`_object_run_start`);
    without ``scope`` places and level words do not (a themed year: 英德市“执法规范年”).
    """
    text, lx = sc.text, sc.lx
    lo = max(0, open_ - MAX_PREFIX)
    pos, start = open_, open_
    while pos > lo:
        best: tuple[int, bool] | None = None  # (word start, names a field, place or level)
        for kind, names in _KINDS if scope else _FIELD_KINDS:
            hit = lx.trie(kind).longest_ending_at(text, pos, lo)
            if hit is not None and (best is None or hit[0] < best[0]):
                best = (hit[0], names)
        for w in _SCOPE_WORDS if scope else ():
            if text.endswith(w, lo, pos) and (best is None or pos - len(w) < best[0]):
                best = (pos - len(w), True)
        if best is None:
            break
        pos = best[0]
        if best[1]:
            start = pos
    if scope and start < open_:
        start = _past_others_place(sc, start, open_)
    if not objects:
        return start
    run = _object_run_start(sc, start, lo)
    return start if not scope and _opens_with_scope(sc, run, start) else run


#: verbs that launch or hold a campaign: the words between one and the quote are what the campaign is about
_LAUNCH_VERB = re.compile(r"(?:开展|实施|推进|部署|启动|举行|举办)$")


def _object_run_start(sc: PhraseScanner, start: int, lo: int) -> int:
    """Extend ``start`` over the object words a verb governs (实施公交车辆“以旧换新”行动, 结合公路保护“清障行动”).

    After a launch verb (开展, 实施, 举行 ...) the run must reach back to it with name
    characters only and no stop word of a clause's parts inside; a verb inside the run
    is a noun of the name (超限超载联合治理, 交通保障), one that opens it governs the
    quote (推进深化“放管服”改革). After any other
    verb or a scope word (结合, 参与, 全省) the run must hold no stop word at all,
    cross no body's name and not open with a place or level (区级“助企纾困”行动:
    a place or level only says where the work is done); otherwise ``start`` stays.
    """
    text = sc.text
    pos = start
    while pos > lo and sc.is_name_char(pos - 1) and not _LAUNCH_VERB.search(text, lo, pos):
        pos -= 1
    if pos == start or not _LAUNCH_VERB.search(text, max(0, pos - 2), pos):
        return _after_other_verb(sc, start, lo)
    if sc.stopword_starting_at(pos, _VERB) is not None or any(
            sc.stopword_starting_at(i, _PART_STOP_KINDS) is not None or text[i] in RIGHT_STOPS
            for i in range(pos, start)):
        return _after_other_verb(sc, start, lo)
    return pos


#: inside the object words of a launch verb a verb is a noun (超限超载联合治理, 冬季冰雪旅游交通保障); one
#: that opens them governs the quote (推进深化“放管服”改革)
_VERB = frozenset({"verb"})
_PART_STOP_KINDS = LINK_STOP_KINDS - _VERB


#: kinds of stop word after which the object words of a quoted name may open it (结合, 参与; 全省)
_ANCHOR_KINDS = ("verb", "det")


def _after_other_verb(sc: PhraseScanner, start: int, lo: int) -> int:
    """Where the object words after a verb or scope word that is no launch verb open a name (see :func:`_object_run_start`)."""
    lx = sc.lx
    pos, stop = start, None
    while pos > lo and sc.is_name_char(pos - 1) and pos not in sc.blocked_ends:
        stop = sc.stopword_ending_at(pos)
        if stop is not None:
            break
        pos -= 1
    if stop is not None and stop[1] == "了":
        stop = sc.stopword_ending_at(stop[0])  # 组织实施了|国省干线公路“畅安舒美”提升行动
    if pos == start or stop is None or lx.stopwords.get(stop[1]) not in _ANCHOR_KINDS \
            or _opens_with_scope(sc, pos, start) or _word_across(sc, pos):
        return start
    return pos


#: verbs of joining or following before a place that make the campaign another body's (参与十堰市“…”创建);
#: prepositions (按照九江市“…”行动部署) do so too
_JOIN_VERBS = frozenset({"参与", "参加", "配合", "列为", "入选", "列入", "纳入", "落实", "贯彻落实"})


def _past_others_place(sc: PhraseScanner, start: int, end: int) -> int:
    """``start`` moved past a place that opens ``text[start:end]`` when a verb of following or joining stands before it.

    After a preposition (按照, 根据) or a verb of joining (参与, 列为) it only says whose
    campaign the document follows or joins (按照九江市“畅通九江”农村路网提升行动部署,
    积极参与十堰市“四好农村路”示范县创建); elsewhere it names the body's own campaign
    (启动湄潭县“四好农村路”提质扩面三年行动, 巩固贺兰县“…”三年行动成果).
    """
    text, lx = sc.text, sc.lx
    stop = sc.stopword_ending_at(start)
    if stop is None or not (lx.stopwords.get(stop[1]) == "prep" or stop[1] in _JOIN_VERBS):
        return start
    places = lx.trie("places")
    for e in range(min(end, start + 10), start + 1, -1):
        hit = places.longest_ending_at(text, e, start)
        if hit is not None and hit[0] == start:
            return e
    return start


def _word_across(sc: PhraseScanner, pos: int) -> bool:
    """True when a content word runs across ``pos`` (创建成为: the verb 建成 is no boundary there)."""
    words = sc.lx.trie("words")
    return any(hit is not None and hit[0] < pos
               for e in range(pos + 1, min(len(sc.text), pos + 4) + 1)
               if (hit := words.longest_ending_at(sc.text, e, max(0, pos - 4))) is not None)


def _opens_with_scope(sc: PhraseScanner, start: int, end: int) -> bool:
    """True when a level word or a place opens ``text[start:end]`` (区级, 自治区, 常德市)."""
    text, lx = sc.text, sc.lx
    return any(text[start:start + n] in lx.levels or text[start:start + n] in lx.trie("places")
               for n in range(1, min(6, end - start) + 1))


__all__ = ["LINK_STOP_KINDS", "MAX_PREFIX", "RIGHT_STOPS", "name_prefix"]


#: launch verbs that, inside the object words of another launch verb, are words of the name (改革深化提升行动)
_INNER_LAUNCH = re.compile(r"(?:开展|实施|推进|深化)")
#: stop words that end such a run of object words: a clause's own verb, adverb, preposition or time
_RUN_STOP_KINDS = frozenset({"verb", "adverb", "prep", "time"})


def launch_object_start(sc: PhraseScanner, start: int, hstart: int) -> int:
    """``start`` moved over a launch verb inside the object of another one (实施国有企业改革|深化提升行动).

    A launch verb after name words that reach back to a launch verb, with no verb, adverb,
    preposition or time word among them, is a word of the name that verb governs when those
    words end with a campaign's head (改革) and one two-character word that is no generic word
    stands between the verb and the head at ``hstart`` (提升行动: too short to be a name alone).
    Elsewhere it is the verb of a second clause (开展安全检查|推进治超专项行动,
    开展学习|深化作风建设年活动, 开展春运专项行动|推进平安交通创建活动) and ``start`` stays.
    """
    text, inner = sc.text, sc.stopword_ending_at(start)
    if inner is None or not _INNER_LAUNCH.fullmatch(inner[1]) \
            or hstart - start != 2 or sc.is_generic(text[start:hstart], numerals=False) \
            or all(head.quoted_only for _, _, head in sc.matches("campaign_heads").ending_at(inner[0])):
        return start
    pos = inner[0]
    while pos > max(0, inner[0] - MAX_PREFIX) and sc.is_name_char(pos - 1):
        if pos < inner[0] and _LAUNCH_VERB.search(text, max(0, pos - 2), pos):
            return pos
        stop = sc.stopword_ending_at(pos)
        if stop is not None and sc.lx.stopwords.get(stop[1]) in _RUN_STOP_KINDS:
            return start
        pos = stop[0] if stop is not None else pos - 1
    return start


#: a bare body or company head that names the document's own body before its campaign (成立局X工作专班,
#: 按照集团X安排); not 局长, 局部, 局属, 厅级, nor a word it opens (公司化, 公司制, 局域网, 局面, 厅际)
_OWNER_UNIT = re.compile(r"(?:局|厅|集团|公司)(?![长部属级化制域面际])")
#: a word after the head that makes it part of a body named in the campaign (局系统, 局机关, 公司内部)
_UNIT_PART = re.compile(r"系统|机关|内部|本部|直属|所属|下属")
#: the stop words after which such a head is the owner of the name, not its first word
_OWNER_AFTER = frozenset({"verb", "prep"})


def past_owner_unit(sc: PhraseScanner, start: int, hstart: int) -> int:
    """``start`` moved past a bare body head that owns a free-text campaign name (按照集团|安全生产三年行动安排).

    Right after a verb or preposition a bare 局, 厅, 集团 or 公司 is the body the document speaks
    for, whose campaign follows; elsewhere ``start`` stays.
    """
    unit = _OWNER_UNIT.match(sc.text, start, hstart)
    if unit is not None and (sc.lx.is_word(sc.text[start:unit.end() + 2])
                             or _UNIT_PART.match(sc.text, unit.end())):
        unit = None  # 公司治理, 局系统: the head opens a word of the name
    stop = sc.stopword_ending_at(start) if unit is not None and unit.end() < hstart else None
    return unit.end() if stop is not None and sc.lx.stopwords.get(stop[1]) in _OWNER_AFTER else start
