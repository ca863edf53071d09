"""Quotation and title rules: “X”行动, “X”工作纪律, 《X办法》.

- A quoted name followed by a campaign head is a CAMPAIGN (“百日攻坚”行动,
  “双十星”创建工作, “双建”促基层党建引领基层治理效能提升行动), and so is a
  quoted name that itself ends with one (“路政宣传月”, “岗位大练兵”).
- A quoted name followed by, or ending with, a rule-set head is a REGULATION
  (“八六四”工作纪律, “五条军规”, “六项制度”).
- A bare quoted slogan or formula (“两个确立”, “四个意识”) is nothing.
- Field words right before the quote belong to the name
  (交通运输领域“证照分离”改革, 党建“六化”建设); when a head follows the
  quote, so do places and level words (常德市“四好农村路”提质增效三年行动,
  全国“四好农村路”示范县, 道路运输“打非治违”专项行动), never a verb
  (the words a verb governs may: :mod:`kg.extract.quote_prefix`).
- A programme the lexicon names keeps its name before a weak head
  (“四好农村路”建设 is 四好农村路).
- Coordinated quotes share the head of the last one: “清廉家访”和“廉政家书”
  活动 names 清廉家访活动 and 廉政家书活动.
- A 《》 title is a REGULATION when it ends with the word of a normative
  document (办法, 方案, 通知, 指南, 清单, 目录 ... before an optional （试行）)
  or counts its articles (《...十条》), or when a verb of issuing stands before
  it (印发了《...》) or a noun of rule sets closes its list (《A》《B》等6项制度),
  which holds for every title of one list; works, letters and certificates
  (《感谢信》, 《道路运输证》) are not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.named_heads import INSPECTION_HEADS, campaign_end
from kg.extract.phrases import Candidate, PhraseScanner
from kg.extract.quote_prefix import LINK_STOP_KINDS as _LINK_STOP_KINDS, MAX_PREFIX as _MAX_PREFIX, \
    RIGHT_STOPS as _RIGHT_STOPS, name_prefix as _name_prefix
from kg.lexicon import strip_quotes

_PAIRS = {"“": ("”", "quote"), "‘": ("’", "quote"), "「": ("」", "quote"), "『": ("』", "quote"),
          "《": ("》", "title"), "〈": ("〉", "title")}
_CLOSERS = {close: (open_, kind) for open_, (close, kind) in _PAIRS.items()}
#: the characters :func:`find_brackets` acts on
_MARKS = re.compile(f"[{re.escape(''.join(_PAIRS) + ''.join(_CLOSERS))}\n\"]")
_MAX_INNER = {"quote": 40, "title": 90}
#: a trailing parenthesis of a title: （试行）, (修订稿)
_TITLE_NOTE = re.compile(r"[（(][^（()）]{1,14}[)）]$")
_ISSUE_VERBS = ("印发", "制定", "出台", "修订", "修订完善", "发布", "下发", "颁布", "编制", "起草", "转发", "制发")
#: 把A作为“B”来抓: B is the rank given to A (a metaphor of priority), not a campaign
_ROLE_FRAME = re.compile(r"(?:作为|当作|当成|视为|列为)$")
_ROLE_VERBS = ("来抓", "来推进", "来落实", "来推动", "来办", "抓")
#: X是“一把手”工程。, 把X作为“一把手”工程，: a quote and head closing the clause of a copula call X a kind
#: of work (a metaphor) and name no campaign; 一是/二是 only count points, and after 作为 only 工程 is
#: a metaphor (作为“信用交通县”创建试点 is a real pilot)
_COPULA = re.compile(r"(?<![一二三四五六七八九十])是(?:一项|一个|一场)?$")
_CLAUSE_END = frozenset("，。；！,;!\n")
#: X是Y的“头号工程”。: a quoted name with its own head that closes a copula's clause after 的 says what X is
_COPULA_OF = re.compile(r"(?<![一二三四五六七八九十])是[^，。；“”]{1,12}的$")
#: stop words of these kinds end the search too (“四个支撑”就是制度支撑)
_RIGHT_STOP_KINDS = frozenset({"func", "prep", "det", "time"})
#: stop-word kinds that end the words after a quote once a head has closed its name
_VERB_KINDS = frozenset({"verb"})


# hashable, never changed once made, but not frozen: a frozen dataclass's __init__ costs about three times as
# much, and one of these is made hundreds of times a document
@dataclass(slots=True, unsafe_hash=True)
class Bracketed:
    """A pair of quotation marks or title brackets: ``text[open]`` .. ``text[close]``."""

    open: int
    close: int
    kind: str  # quote | title

    @property
    def inner(self) -> tuple[int, int]:
        return self.open + 1, self.close

    @property
    def end(self) -> int:
        return self.close + 1


def find_brackets(text: str) -> list[Bracketed]:
    """Pair quotation marks and title brackets.

    Each closing mark takes the nearest opening mark of its kind on the same
    line, so an unclosed “ is skipped rather than swallowing the next quote.
    ASCII double quotes pair in order within a line.
    """
    out: list[Bracketed] = []
    last_open: dict[str, int] = {}
    ascii_open: int | None = None
    for m in _MARKS.finditer(text):
        i, ch = m.start(), m.group()
        if ch == "\n":
            last_open.clear()
            ascii_open = None
        elif ch in _PAIRS:
            last_open[ch] = i
        elif ch in _CLOSERS:
            open_ch, kind = _CLOSERS[ch]
            j = last_open.pop(open_ch, None)
            if j is not None and 0 < i - j - 1 <= _MAX_INNER[kind]:
                out.append(Bracketed(j, i, kind))
        elif ch == '"':
            if ascii_open is None:
                ascii_open = i
            else:
                if 0 < i - ascii_open - 1 <= _MAX_INNER["quote"]:
                    out.append(Bracketed(ascii_open, i, "quote"))
                ascii_open = None
    out.sort(key=lambda b: b.open)
    return out


# ------------------------------------------------------------------- titles
def title_candidates(sc: PhraseScanner, brackets: list[Bracketed]) -> list[Candidate]:
    """《》 titles of normative documents; also records every title span on ``sc``.

    Titles listed one after another (《A》《B》和《C》) share what stands around
    the list: a verb of issuing before the first, or a closing noun of rule
    sets after the last (等6项制度), makes each of them a normative document.
    """
    text = sc.text
    out: list[Candidate] = []
    heads = sc.matches("regulation_heads")
    titles = [b for b in brackets if b.kind == "title"]
    issued_chain = False
    for k, b in enumerate(titles):
        s, e = b.inner
        sc.title_spans.append((s, e))
        chained = k > 0 and _TITLE_JOIN.fullmatch(text, titles[k - 1].end, b.open) is not None
        if not chained:
            issued_chain = _issued_before(text, b.open) or _closed_as_rules(text, titles, k)
        inner = text[s:e].strip()
        if not inner:
            continue
        core_end = e
        note = _TITLE_NOTE.search(text, s, e)
        if note is not None:
            core_end = note.start()
        tail = next((h for h in heads.ending_at(core_end, s) if "title" in h[2].where), None)
        normative = (tail is not None and tail[0] > s) or _NUMBERED_ARTICLES.search(text, s, core_end) is not None
        if normative or issued_chain:
            out.append(Candidate("REGULATION", s, e, text[s:e], "regulation.title", tier=3))
    return out


#: what may stand between two titles of one list: nothing, 、, 和, 及, 与, 以及
_TITLE_JOIN = re.compile(r"(?:[、，,]|和|及|与|以及)?")
#: a title that counts its articles or prohibitions is a code of conduct: 《执法人员行为规范十条》,
#: 《廉洁从业八条》, 《…执法人员“十不准”》, 《…“十条禁令”》
_NUMBERED_ARTICLES = re.compile(r"[一二三四五六七八九十百0-9]+(?:条|个?不准|个?严禁|条?禁令)[”’\"]?$")
#: the noun that closes a list of titles as rule sets: 等6项制度, 等三个文件, 等制度
_CLOSING_RULES = re.compile(r"等(?:[0-9一二三四五六七八九十百多]+(?:项|个|部|份|件|套))?"
                            r"(?:规章制度|制度|文件|规定|办法|规范性文件|标准)")


def _issued_before(text: str, open_: int) -> bool:
    """True when a verb of issuing stands right before the title opening at ``open_`` (印发了《...》)."""
    return any(text[max(0, open_ - len(v) - 1):open_].endswith((v, v + "了")) for v in _ISSUE_VERBS)


def _closed_as_rules(text: str, titles: list[Bracketed], k: int) -> bool:
    """True when the list of titles starting with ``titles[k]`` is closed by a noun of rule sets (等6项制度)."""
    j = k
    while j + 1 < len(titles) and _TITLE_JOIN.fullmatch(text, titles[j].end, titles[j + 1].open) is not None:
        j += 1
    return _CLOSING_RULES.match(text, titles[j].end) is not None


# ------------------------------------------------------------------- quotes
def _head_after(sc: PhraseScanner, pos: int, headless: bool = False) -> tuple[str, int, bool] | None:
    """The last campaign or rule-set head in the words right after a quote.

    Returns the label, the end of the head, and whether the head counts only
    after a quote (建设, 工作: a weak head that adds no name of its own).
    After a ``headless`` quote (one without a head of its own) a weak head
    may follow a few object or manner words when no other head stands
    between (“安全驾驶·文明出行”驾驶员培训, “清风交通”廉洁文化建设).
    """
    text = sc.text
    campaign_heads, regulation_heads = sc.matches("campaign_heads"), sc.matches("regulation_heads")
    best: tuple[str, int, bool] | None = None
    limit = min(len(text), pos + 20)
    if text.startswith("的", pos):  # “谁执法谁普法”的普法责任制
        pos += 1
    i = pos
    while i < limit:
        ch = text[i]
        if ch in _RIGHT_STOPS or not (sc.is_name_char(i) or ch.isdigit()):
            break
        if i > pos and sc.stopword_starting_at(i, _RIGHT_STOP_KINDS) is not None:
            break
        if best is not None and (verb := sc.stopword_starting_at(i, _VERB_KINDS)) is not None \
                and not any(w == verb for _, w, _ in campaign_heads.ending_at(i + len(verb), i)):
            break  # “百日清零”行动|作为…三年行动的抓手: a verb after the quote's head opens a new clause
        end = i + 1
        for _, word, head in campaign_heads.ending_at(end, pos):
            if word == "工作" or _blocked(text, head.not_before, end):
                continue
            if head.quoted_only and end - len(word) != pos and not _bridge(sc, pos, end - len(word)) \
                    and word not in _INSPECTION_HEADS \
                    and not (headless and best is None and end - len(word) - pos <= _MAX_OBJECT):
                continue  # 建设 counts only right after the quote: “交通强市”建设, “X”党建品牌建设
            best = ("CAMPAIGN", end, head.quoted_only)
            break
        for _, word, head in regulation_heads.ending_at(end, pos):
            if not head.where & {"any", "quoted"} or _blocked(text, head.not_before, end, _RULE_CONTINUES):
                continue
            best = ("REGULATION", end, False)
            break
        i += 1
    return best


#: how many object or manner words may stand between a quote without a head and a weak head
#: (驾驶员 in “安全驾驶·文明出行”驾驶员培训, 廉洁文化 in “清风交通”廉洁文化建设)
_MAX_OBJECT = 4
#: heads of an inspection drive: after a quote the field and manner words before them belong to the name
#: (“蒙A护路”交叉执法检查, “秋冬攻坚”安全大检查); a plain 检查 (“两客一危”企业安全检查, 督导检查) names
#: the checking of a class of things, no drive
_INSPECTION_HEADS = INSPECTION_HEADS
#: words that block a head in running text but not after a quote, where the quote
#: already makes the name: “安全生产月”活动的部署, “智慧高速”示范工程建设
_QUOTE_CONTINUES = ("的", "建设")
#: verbs of carrying a rule set out: after a quote the rule set is named (“三不进站”制度落实情况)
_RULE_CONTINUES = ("执行", "落实")


def _blocked(text: str, not_before: tuple[str, ...], end: int, allowed: tuple[str, ...] = _QUOTE_CONTINUES) -> bool:
    """True when a continuation at ``end`` shows the head after a quote is no head."""
    return any(text.startswith(w, end) and w not in allowed for w in not_before)


#: kind nouns that may stand between a quoted name and a quoted-only head: “港航先锋”党建品牌建设
_BRIDGE_WORDS = ("品牌",)


def _bridge(sc: PhraseScanner, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is field words ending in a kind noun (党建品牌, 廉洁文化品牌)."""
    text = sc.text
    if not text.endswith(_BRIDGE_WORDS, start, end):
        return False
    pos = end - next(len(w) for w in _BRIDGE_WORDS if text.endswith(w, start, end))
    trie = sc.lx.trie("domain")
    while pos > start:
        hit = trie.longest_ending_at(text, pos, start)
        if hit is None:
            return False
        pos = hit[0]
    return True


#: nouns of the work done on a programme: after a quote with a head of its own they are no part of its name
_WORK_NOUNS = ("建设", "工作", "宣传")
#: heads that make a name only after a quote, never inside one (“谁执法谁普法” is a slogan)
_AFTER_QUOTE_ONLY = ("工作", "建设", "普法", "共建", "主题宣传", "宣传", "党建品牌", "志愿服务", "培训")


#: a service bundle of the 一件事 reform: one listed, merged or launched item (推出“开办运输企业一件事”“X一件事”等)
_ITEM_BEFORE = ("整合为", "合并为", "推出")


def _service_item(text: str, b: Bracketed) -> bool:
    """True when the quote is one 一件事 bundle the reform offers, not the reform (高效办成一件事)."""
    s, e = b.inner
    return text.endswith("一件事", s, e) and (text.startswith(("“", "等", "、"), b.end)
                                              or text.endswith(_ITEM_BEFORE + ("”", "、"), 0, b.open))


#: a list of methods counted off by numerals (一查二备三整治, 三不两清一消号): a formula, never a name
_COUNTED_METHODS = re.compile(r"[一二两三四五六七八九十](?:[\u4e00-\u9fff]{1,2}?[一二两三四五六七八九十]){2,}[\u4e00-\u9fff]{1,2}")


def _inner_head(sc: PhraseScanner, b: Bracketed) -> str | None:
    """The label a quoted name has on its own when it ends with a head."""
    s, e = b.inner
    if _COUNTED_METHODS.fullmatch(sc.text, s, e):
        return None
    for hstart, word, head in sc.matches("campaign_heads").ending_at(e, s):
        if word in _AFTER_QUOTE_ONLY:
            continue
        if hstart > s:  # the quotes make the words before the head a name: “执法提升年”
            return "CAMPAIGN"
    for hstart, word, head in sc.matches("regulation_heads").ending_at(e, s):
        if not head.where & {"any", "quoted"}:
            continue
        if hstart > s:
            return "REGULATION"
    return None


def _themed(sc: PhraseScanner, b: Bracketed) -> bool:
    """True when the quoted name ends with a distinctive head of its own (“安全生产月”, “执法规范年”)."""
    s, e = b.inner
    return any(head.strong and hstart > s for hstart, _, head in sc.matches("campaign_heads").ending_at(e, s))


#: ends of a themed quote that words before it only place (交通运输“安全生产月”, “宪法宣传周”, “安全宣传咨询日”)
_WHEN_HELD = ("月", "周", "日")
#: a scope word before the field words of a themed period (全市交通运输行业“安全生产月”, 全省交通运输“安全生产月”)
_SCOPE_BEFORE = re.compile(r"全(?:国|省|市|区|县|州)$")
#: a year before a campaign's name marks its edition: the mention covers it, the name is the campaign's
_EDITION = re.compile(r"(?<![0-9])20[0-9]{2}年$")


#: the rest of a list that the text closes as rule sets: 、主题党日等制度
_LISTED_RULE = re.compile(r"(?:、[^，。；：、\n]{2,12}){0,3}等(?:制度|纪律|规定|规矩|准则|细则)")

#: nouns after a quoted name and a weak head that make the two a goal (“交通强县”建设目标)
_GOAL_NOUNS = ("目标",)
#: nouns after a quote that make it the title of a work (a column, a programme, a film)
_WORK_TITLES = ("专栏", "栏目", "专刊", "专版", "专题片", "节目", "微电影")

#: how many coordinated quotes may share one head
_MAX_SHARED = 8


def _shared_head(sc: PhraseScanner, b: Bracketed, later: list[Bracketed]) -> tuple[str, int, bool, int] | None:
    """The campaign head after the last quote of ``“A”和“B”活动`` (label, head end, weak, head start)."""
    text = sc.text
    cur = b
    for nxt in later[:_MAX_SHARED]:
        link = text[cur.end:nxt.open]
        if link not in ("和", "、", "及", "与", "以及"):
            return None
        after = _head_after(sc, nxt.end)
        if after is not None:
            if after[0] != "CAMPAIGN" or after[2]:
                return None
            return (*after, nxt.end)
        cur = nxt
    return None


def _joined(sc: PhraseScanner, quotes: list[Bracketed], k: int) -> bool:
    """True when quote ``k`` opens right where quote ``k-1`` closes and that one has no head of its own.

    “党员先锋车”“党员示范线”创建活动 is one name; “开办运输企业一件事”“货车司机从业一件事”
    are two, each ending with a head.
    """
    return 0 < k < len(quotes) and quotes[k - 1].end == quotes[k].open and _inner_head(sc, quotes[k - 1]) is None


#: after a list of quotes, the words that make the head after them the kind of each (等行动, 等3项活动, 系列活动)
_KIND_OF_LIST = re.compile(r"(?:等(?:[0-9一二三四五六七八九十]+(?:项|个|场))?|系列)")
#: how long the kind after the list may be (等行动, 等宣传活动, 等专项整治行动)
_MAX_KIND = 6


def _listed_kind(sc: PhraseScanner, quotes: list[Bracketed], k: int) -> bool:
    """True when quote ``k`` is an item of a list of quotes (back to back or with 、) that 等 and a campaign head close
    (a list of two or more also 系列): each quote is a campaign of that kind."""
    text, first, last = sc.text, k, k
    while first > 0 and text[quotes[first - 1].end:quotes[first].open] in ("", "、"):
        first -= 1
    while last + 1 < len(quotes) and text[quotes[last].end:quotes[last + 1].open] in ("", "、"):
        last += 1
    kind = _KIND_OF_LIST.match(text, quotes[last].end)
    if kind is None or (first == last and kind.group() == "系列"):
        return False
    after = _head_after(sc, kind.end())
    if after is None or after[0] != "CAMPAIGN" or after[1] - kind.end() > _MAX_KIND:
        return False
    if not after[2]:
        return True
    # a head that counts only after a quote names the kind when it is all of it (“A”“B”等志愿服务)
    hit = sc.matches("campaign_heads").longest_ending_at(after[1], kind.end())
    return hit is not None and hit[0] == kind.end()


#: how many object words may link a headless quote to the quoted name after it
_MAX_LINK = 6


def _object_before(sc: PhraseScanner, quotes: list[Bracketed], k: int) -> bool:
    """True when quote ``k-1`` has no head and only object words link it to quote ``k`` (“两客一危”重点车辆“清零”)."""
    if k == 0:
        return False
    text, prev, cur = sc.text, quotes[k - 1], quotes[k]
    if not 0 < cur.open - prev.end <= _MAX_LINK or _inner_head(sc, prev) is not None:
        return False
    return all(sc.is_name_char(i) and text[i] not in _RIGHT_STOPS
               and sc.stopword_starting_at(i, _LINK_STOP_KINDS) is None for i in range(prev.end, cur.open))


def _known_start(text: str, known: dict[str, tuple[str, str]], label: str, start: int, end: int) -> int:
    """Where a lexicon name of ``label`` starts that ends at ``end`` and covers the quote (行政执法“三项制度”)."""
    for k in range(_MAX_PREFIX, 0, -1):
        lo = start - k
        if lo >= 0 and known.get(strip_quotes(text[lo:end]), ("",))[0] == label:
            return lo
    return start


def quote_candidates(sc: PhraseScanner, brackets: list[Bracketed]) -> list[Candidate]:
    """Campaigns and rule sets written with quotation marks (see the module docstring)."""
    text, lx = sc.text, sc.lx
    out: list[Candidate] = []
    quotes = [b for b in brackets if b.kind == "quote" and not sc.in_title(b.open, b.end)]
    known = lx.known()
    for k, b in enumerate(quotes):
        s, e = b.inner
        inner = text[s:e].strip()
        if not inner:
            continue
        if inner in lx.slogans:
            # a formula is no campaign, a drive against it is: “四风”问题专项检查
            head = _head_after(sc, b.end)
            if head is None or head[0] != "CAMPAIGN" or (head[2] and not text.endswith(_INSPECTION_HEADS, b.end, head[1])):
                continue
        if _listed_kind(sc, quotes, k):
            # “治超百日攻坚”“打非治违”等行动, “平安春运”“平安假日”系列行动: the head names the kind of the listed quotes
            out.append(Candidate("CAMPAIGN", b.open, b.end, inner, "quote.listed", tier=2))
            continue
        if _joined(sc, quotes, k + 1):
            continue  # “党员先锋车”“党员示范线”创建活动: quotes written back to back are one name
        if text.startswith(_WORK_TITLES, b.end):
            continue  # “净网清源在行动”专栏: the title of a column or programme, no campaign
        if _ROLE_FRAME.search(text, max(0, b.open - 3), b.open) and text.startswith(_ROLE_VERBS, b.end):
            continue  # 把安全生产作为“一号工程”来抓: a role given to other work, no campaign
        after = _head_after(sc, b.end, headless=_inner_head(sc, b) is None)
        if after is not None and (after[1] >= len(text) or text[after[1]] in _CLAUSE_END) \
                and (_COPULA.search(text, max(0, b.open - 4), b.open)
                     or (_ROLE_FRAME.search(text, max(0, b.open - 2), b.open) and text.endswith("工程", b.end, after[1]))):
            continue  # 防汛工作是“一把手”工程。
        if after is None and (b.end >= len(text) or text[b.end] in _CLAUSE_END) \
                and _COPULA_OF.search(text, max(0, b.open - 14), b.open) and _inner_head(sc, b) == "CAMPAIGN":
            continue  # 征地拆迁是项目建设的“头号工程”。
        if after is not None and text.endswith(_INSPECTION_HEADS, b.end, after[1]) and _themed(sc, b):
            after = None  # “安全生产月”执法检查: checks held in a themed month are work of that month
        name_tail = ""
        if after is None and k + 1 < len(quotes) and _inner_head(sc, b) is None:
            # “清廉家访”和“廉政家书”活动: the quotes of a coordination share the head of the last one
            after = _shared_head(sc, b, quotes[k + 1:])
            if after is not None:
                name_tail = text[after[3]:after[1]]
                after = after[:3]
        if after is not None:
            label, end, weak = after
            if label == "CAMPAIGN" and weak and text.startswith(_GOAL_NOUNS, end):
                continue  # 围绕“交通强县”建设目标: the building is a goal set, no campaign
            if label == "CAMPAIGN" and weak and known.get(inner, ("",))[0] == "CAMPAIGN":
                continue  # “四好农村路”建设 is the programme the lexicon names
            if name_tail or (label == "CAMPAIGN" and weak and text.startswith(_WORK_NOUNS, b.end)
                             and _inner_head(sc, b) == "CAMPAIGN"):
                end = b.end  # “清廉交通·阳光工程”建设: a quote with its own head is the name, 建设 the work on it
            elif label == "CAMPAIGN":
                end = campaign_end(text, end)  # “四好农村路”示范县创建, “打非治违”专项行动“回头看”
        else:
            label = _inner_head(sc, b)
            end = b.end
            if label is None and _LISTED_RULE.match(text, b.end):
                label = "REGULATION"  # “三会一课”、主题党日等制度: a listed item the text calls a rule set
            if label is None or (label == "CAMPAIGN" and _service_item(text, b)):
                continue
            if label == "CAMPAIGN":
                end = campaign_end(text, end)  # “…专项整治”回头看: the phase written after the quote
        first = k
        while _joined(sc, quotes, first):
            first -= 1
        if label == "CAMPAIGN" and _object_before(sc, quotes, first):
            first -= 1  # “两客一危”重点车辆“清零”行动: a quoted class and its object open the name
        open_ = quotes[first].open
        when_held = label == "CAMPAIGN" and _themed(sc, b) and text.endswith(_WHEN_HELD, s, e)
        start = sc.domain_prefix(open_)
        if when_held and start < open_ and _SCOPE_BEFORE.search(text, max(0, start - 2), start):
            start = open_  # 全市交通运输行业“安全生产月”活动: the field with its scope says where the month is held
        if label == "CAMPAIGN" and not when_held:
            # a weak head after the quote (“镇村通”工程, “四基四化”建设) is work on the named thing; a themed
            # year or drive is named with the field or the objects before it (执法队伍“素质提升年”,
            # 交通建设工程质量监督“大练兵、大比武”), a year never with a place or level; what stands before
            # a themed month, week or day only says where it is held (英德市“安全生产月”, 交通运输“安全生产月”)
            year = _themed(sc, b) and text.endswith("年", s, e)
            start = min(start, _name_prefix(sc, open_, objects=not (after is not None and after[2]), scope=not year))
        known_at = _known_start(text, known, label, start, end)
        name = text[known_at:end] + name_tail
        if label != "REGULATION" or known_at == start:
            start = known_at  # 行政执法“三项制度”: the quoted rule set is the mention, the field words the name's only
        if label == "CAMPAIGN" and (year := _EDITION.search(text, max(0, start - 5), start)) is not None:
            start = year.start()  # 2025年“汛期保安”…专项行动: the 2025 edition of the campaign
        out.append(Candidate(label, start, end, name, "quote." + label.lower(), tier=2))
    return out
