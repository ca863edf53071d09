"""The core of an indicator phrase and the dimension of a unit (:class:`IndicatorNormaliser`).

A metric's indicator phrase as written (``全年共查处违法案件``, ``道路客运发送旅客同比增长``)
becomes a *core*, the counted object and the action (``查处违法案件``, ``发送旅客``), and
its unit a *dimension* (宗 -> cases, % -> ratio); the key ``core|dimension`` names the
indicator in every document (:class:`IndicatorKey`). The steps, with the word lists of
``data/lexicon/indicators.tsv`` (its header says what each role is):

1. quotes, blanks, a note in brackets (（PQI）) and a list marker go;
2. everything up to the last body of the metric's sentence that the phrase names goes
   (指导A公司和B公司新开通城乡公交线路: the bodies act, the lines are counted), and so
   does the body that reports it; so do a hotline (12328热线) and the ``drop`` words
   (各类, 依法);
3. from the start, again and again: time words (2023年, 1-6月, 春运期间, 今年以来; a
   travel ``season`` opening the phrase stays: 春运期间发送旅客 -> 春运发送旅客), places
   (the gazetteer's names and short names, with 市/县/区/港 …) and ``lead`` words (全市,
   累计, 共, 力争, 不少于, 对 …; not the start of a ``keep`` word: 约谈); from the end,
   comparisons and change words (同比增长, 由2022年的…) and ``trail`` words (达到, 的);
4. a short enumeration before 等 goes (拒载、议价等违规行为 -> 违规行为), and so do titles in 《》
   before 等 (发放《致驾驶员的一封信》等宣传资料 -> 发放宣传资料);
5. then, until nothing changes: one wording for words of the same meaning (``synonym``:
   客运量 = 发送旅客, 罚没款 = 罚款, 新建 = 建成); a ``scope`` word at the start (道路客运,
   农村公路: the field, not what is counted); an attributive clause (落实不力的…); unless
   the core names a rate or an index, the words before its first ``verb`` (a topic, a
   body, an object fronted with 对: 12328热线受理投诉 -> 受理投诉; a transport ``mode``
   among them stays: 水路客运量 -> 水路发送旅客); an ``activity`` verb (开展, 组织) or a
   ``light`` verb (完成) at the start; a verb at the end goes first (危桥改造 -> 改造危桥),
   unless an activity counted by its sessions is meant (开展执法案卷评查X次, 安全培训X期);
   a core without a verb that ends with an ``event`` noun keeps it and the word before it
   (防汛应急演练 -> 应急演练).

A user lexicon line ``INDICATOR<TAB>name<TAB>alias|alias`` gives the core ``name`` to every
phrase or core that is ``name`` or an alias. Nothing here imports spaCy.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kg.ids import stable_id
from kg.lexicon import Lexicon
from kg.resources import LEXICON_DIR
from kg.structure.headings import LIST_MARK

INDICATORS_PATH: Path = LEXICON_DIR / "indicators.tsv"
ROLES = ("dimension", "lead", "trail", "scope", "light", "activity", "verb", "synonym", "drop", "keep", "mode", "season",
         "generic", "relative", "bare_rate", "seasonal", "event", "vague", "field")
#: the dimension of a unit not in the table, and of a compound unit (元/人次)
OTHER = "other"
_QUOTES_AND_BLANKS = re.compile("[“”‘’\"'「」『』《》〈〉\\s]")
_NOTE = re.compile(r"[(（][^()（）]{0,20}[)）]")
#: time words at the start of a phrase
_TIME = re.compile(
    r"^(?:(?:到|至|截至)?(?:20\d\d|[〇○零一二三四五六七八九]{4})年(?:度|底|末|初)?(?:以来)?|"
    r"\d{1,2}(?:[-~至]\d{1,2})?月(?:份|底|末|初)?(?:以来)?|[一二三四五六七八九十]{1,2}(?:至[一二三四五六七八九十]{1,3})?月(?:份)?|"
    r"截至[^,，;；]{0,10}?(?:月底|月末|年底|目前|底)|[^,，;；]{1,6}?期间|[^,，;；]{1,4}?以来|汛期|节前|节后|第?[一二三四]季度|"
    r"(?:上|下)半年|年底前|年内)"
)
#: a place's suffix after a gazetteer name (常德市, 衡阳港, 郭家坝港区)
_PLACE_TAIL = re.compile(r"^(?:省|市|县|区|州|港区|港|镇|乡|段|境内|辖区)?")
#: the end of a phrase that compares it or states its change: 同比增长, 较上年提高, 年均增长, 由2022年的
_CHANGE_TAIL = re.compile(
    r"(?:(?:同比|环比|年均|(?:比|较|与)(?:去年|上年|上一年|20\d\d年)(?:同期)?(?:相比)?)?(?:分别)?"
    r"(?:增长|增加|下降|减少|提高|提升|降低|上升|回落|下滑|增幅|降幅|增速|减|增|降)(?:了|至|到)?"
    r"|(?:由|从)(?:20\d\d年|上年|去年|年初).*)$"
)
#: the last characters of what :data:`_CHANGE_TAIL` strips without 由/从
_CHANGE_LAST = frozenset("长加降少高升低落滑幅速减增了至到比")
#: a hotline or platform that only says how something was received: 12328热线, 12345政务服务便民热线
_CHANNEL = re.compile(r"\d{5}[^,，;；\d]{0,12}?(?:热线|电话|平台)(?:及网络平台|和网络平台)?")
#: a short enumeration before 等 (拒载、议价、绕道等): the head after it is what is counted
_ENUMERATION = re.compile(r"(?:[^、等]{2}、)+[^、等]{2}等")
#: titles in 《》 given as examples before 等 (发放《致驾驶员的一封信》等宣传资料): what follows is counted
_TITLED_EXAMPLES = re.compile(r"(?:《[^《》]{1,40}》[、和及]?)+等")
#: a core that names a rate or an index: the words before its verb say which one it is
_RATE = re.compile(r"(?:率|指数|比例|比重|占比|覆盖面)$")
#: an attributive clause before what is counted: 落实不力的, 签订安全生产责任书的
_ATTRIBUTIVE = re.compile(r"^.{2,}的(?=.{2,}$)")


@dataclass(frozen=True, slots=True)
class IndicatorKey:
    """What one metric measures."""

    core: str
    dimension: str

    @property
    def key(self) -> str:
        """``core|dimension``: the same in every document that measures the same thing."""
        return f"{self.core}|{self.dimension}"

    @property
    def id(self) -> str:
        """The node id of the indicator."""
        return indicator_id(self.key)


def indicator_id(key: str) -> str:
    """The node id of the indicator with ``key`` (``core|dimension``)."""
    return stable_id("Indicator", key, "national")


@dataclass
class IndicatorWords:
    """The word lists of ``data/lexicon/indicators.tsv`` by role (the longest first)."""

    dimensions: dict[str, str] = field(default_factory=dict)  # unit -> dimension
    synonyms: dict[str, str] = field(default_factory=dict)  # phrase -> canonical wording
    words: dict[str, tuple[str, ...]] = field(default_factory=dict)  # role -> words

    def __getitem__(self, role: str) -> tuple[str, ...]:
        return self.words.get(role, ())


@lru_cache(maxsize=4)
def load_indicator_words(path: Path = INDICATORS_PATH) -> IndicatorWords:
    """Read the word lists (``role, word[, value]``).

    Raises
    ------
    ValueError
        A line of an unknown role, or without its word or value: one line naming the file and the line.
    """
    words: dict[str, list[str]] = defaultdict(list)
    out = IndicatorWords()
    for no, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        role = cells[0]
        if role not in ROLES or len(cells) < 2 or not cells[1]:
            raise ValueError(f"{path}:{no}: expected 'role<TAB>word' with a role of {', '.join(ROLES)}: {line!r}")
        if role in ("dimension", "synonym"):
            if len(cells) < 3 or not cells[2]:
                raise ValueError(f"{path}:{no}: a {role} line needs a third column: {line!r}")
            (out.dimensions if role == "dimension" else out.synonyms)[cells[1]] = cells[2]
        else:
            words[role].append(cells[1])
    out.words = {role: tuple(sorted(ws, key=len, reverse=True)) for role, ws in words.items()}
    return out


def fold(text: str) -> str:
    """``text`` NFKC-folded, without quotation marks and blanks (how phrases and names are compared)."""
    return _QUOTES_AND_BLANKS.sub("", unicodedata.normalize("NFKC", text))


def _alternation(words: Iterable[str]) -> re.Pattern[str] | None:
    words = sorted(set(words), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words))) if words else None


class IndicatorNormaliser:
    """Phrase and unit -> :class:`IndicatorKey`.

    Parameters
    ----------
    lexicon : Lexicon, optional
        Its place names (the gazetteer) and ``INDICATOR`` lines.
    words : IndicatorWords, optional
        Defaults to ``data/lexicon/indicators.tsv``.
    """

    def __init__(self, lexicon: Lexicon | None = None, words: IndicatorWords | None = None) -> None:
        self.words = w = words if words is not None else load_indicator_words()
        self.places = frozenset(p for p in (lexicon.places if lexicon is not None else ()) if len(p) >= 2)
        self._place_len = max((len(p) for p in self.places), default=0)
        self._place_starts = frozenset(p[:2] for p in self.places)
        self.names = {fold(k): fold(v) for k, v in (lexicon.indicator_names() if lexicon is not None else {}).items()}
        # a canonical wording maps to itself, so that a shorter phrase inside it is not replaced
        self._synonym_of = {**{c: c for c in w.synonyms.values()}, **w.synonyms}
        self._synonyms = _alternation(self._synonym_of)
        self._verbs = _alternation(w["verb"])
        self._drop = _alternation(w["drop"])
        self.generic = frozenset(w["generic"]) | frozenset(w["relative"])
        self.relative = frozenset(w["relative"])
        self.vague = frozenset(w["vague"])
        self._bare_rates = frozenset(r + "率" for r in w["bare_rate"])
        self._lead, self._trail, self._keep, self._scope = w["lead"], w["trail"], w["keep"], w["scope"]
        self._light, self._activity, self._events, self._mode = w["light"], w["activity"], w["event"], w["mode"]
        self._season, self._seasonal = w["season"], frozenset(w["seasonal"])
        self._field = w["field"]
        self._lead_first = frozenset(x[0] for x in self._lead)
        self._trail_last = frozenset(x[-1] for x in self._trail)
        self._verb_set = frozenset(w["verb"])
        self._verb_lengths = sorted({len(v) for v in w["verb"]}, reverse=True)
        self._not_first = frozenset(w["light"] + w["activity"])
        self._memo: dict[tuple[str, str], str] = {}
        self._trimmed: dict[tuple[str, str, str], str] = {}

    def dimension(self, unit: str) -> str:
        """The dimension a unit measures (``辆次`` -> vehicles); a compound unit (元/人次) is ``other``."""
        return OTHER if "/" in unit else self.words.dimensions.get(unit, OTHER)

    def normalise(self, phrase: str, unit: str, bodies: Iterable[str] = ()) -> IndicatorKey:
        """The indicator of a metric: its phrase's core and its unit's dimension.

        Parameters
        ----------
        phrase : str
            The indicator phrase as written (``MetricMention.indicator``).
        unit : str
            The metric's unit (``MetricMention.unit``).
        bodies : iterable of str
            Names of the bodies of the metric's sentence, as written (the reporter among them).

        Returns
        -------
        IndicatorKey
        """
        dimension = self.dimension(unit)
        return IndicatorKey(self.core(phrase, bodies, dimension), dimension)

    def core(self, phrase: str, bodies: Iterable[str] = (), dimension: str = "") -> str:
        """The measured core of an indicator phrase (see the module docstring); the phrase itself when nothing is left.

        ``dimension`` tells a count of activities (开展执法案卷评查X次: the verb stays last) from a count of
        what they act on (组织执法人员培训X人次 -> 培训执法人员).
        """
        return self.folded_core(phrase, [b for b in map(fold, bodies) if b], dimension)

    def folded_core(self, phrase: str, bodies: list[str], dimension: str) -> str:
        """:meth:`core` with the bodies' names folded already."""
        memo = (phrase, dimension)
        got = self._memo.get(memo)  # a phrase without a body's name: the same core wherever it stands
        if got is not None and not any(b in phrase for b in bodies):
            return got
        text = fold(_TITLED_EXAMPLES.sub("", phrase))
        named = self.names.get(text)
        if named is not None:
            return named
        text = LIST_MARK.sub("", _NOTE.sub("", text))
        cut = max((text.rfind(b) + len(b) for b in bodies if b in text), default=0)
        if cut and len(text) - cut >= 2:
            text = text[cut:]
        got = self._core(text, dimension) or fold(phrase)
        got = self.names.get(got, got)
        if not cut and len(self._memo) < 100_000:
            self._memo[memo] = got
        return got

    def is_generic(self, core: str) -> bool:
        """A core that names no measure on its own (投资, 目标): the metric before it says whose it is."""
        return core in self.generic

    def is_vague(self, core: str) -> bool:
        """A core too vague to be one measure in two documents (企业, 问题)."""
        return core in self.vague

    def is_relative(self, core: str) -> bool:
        """A core that relates a number to another (目标, 增长): a change's is the level that changed."""
        return core in self.relative

    def is_bare_rate(self, core: str) -> bool:
        """A rate that names no object (整改率, 办结率)."""
        return core in self._bare_rates

    def is_bare_verb(self, core: str) -> bool:
        """A core that is a verb alone (整改): what the metric before it counts is its object."""
        return core in self._verb_set

    def season(self, sentence: str) -> str:
        """The travel season a sentence opens with (春运期间，…), or ''."""
        return next((s for s in self._season if sentence.startswith((s + "期间", s + ","))), "")

    def seasonal(self, core: str) -> bool:
        """Whether a season makes ``core`` another measure (春运发送旅客)."""
        return core in self._seasonal

    def object_of(self, core: str) -> str:
        """What a core counts without its verbs (排查整治隐患 -> 隐患), to name a bare rate after it."""
        while self._verbs is not None and (m := self._verbs.match(core)) and len(core) - m.end() >= 2:
            core = core[m.end():]
        return core

    def _core(self, text: str, dimension: str) -> str:
        """The core of a folded phrase without list marker and bodies ('' when nothing is left)."""
        text = _CHANNEL.sub("", text)
        if self._drop is not None:
            text = self._drop.sub("", text)
        season = next((s for s in self._season if text.startswith(s + "期间")), "")
        text = self._trim(text[len(season) + 2:] if season else text)
        # phrases that differ in their time, place and lead words meet here: worked out once
        trimmed = (season, text, dimension)
        got = self._trimmed.get(trimmed)
        if got is None:
            got = self._after_trim(text, dimension)
            if len(self._trimmed) < 100_000:
                self._trimmed[trimmed] = got
        return season + got if got else ""

    def _after_trim(self, text: str, dimension: str) -> str:
        text = self._enumeration(text)
        activity = False
        for _ in range(3):
            before = text
            text = self._strip(self._synonym(text), "scope")
            if not _RATE.search(text) and (m := _ATTRIBUTIVE.match(text)) and self._attributive(text, m.end()):
                text = text[m.end():]
            text = self._topic(text)
            held = self._strip(text, "activity")
            activity, text = activity or (held != text and dimension == "count"), held
            text = self._strip(text if activity else self._verb_first(text, dimension), "light")
            text = self._trim(self._event(self._field_after_verb(text)))
            if text == before:
                break
        return text

    def _synonym(self, text: str) -> str:
        return self._synonyms.sub(lambda m: self._synonym_of[m.group()], text) if self._synonyms else text

    def _trim(self, text: str) -> str:
        """Time words, places and lead words off the start, changes and trail words off the end, until none is left."""
        lead, trail, keep = self._lead, self._trail, self._keep
        while True:
            before = text = text.lstrip("、,和及与")
            m = _TIME.match(text)
            if m and m.end() < len(text):
                text = text[m.end():]
            text = self._strip_place(text)
            # the first (last) character is looked up before the words are
            if text[:1] in self._lead_first and text.startswith(lead) and not text.startswith(keep):
                w = next(w for w in lead if text.startswith(w))
                if len(text) > len(w):
                    text = text[len(w):]
            if text[-1:] in _CHANGE_LAST or "由" in text or "从" in text:
                m = _CHANGE_TAIL.search(text)
                if m and m.start() > 0:
                    text = text[:m.start()]
            if text[-1:] in self._trail_last and text.endswith(trail) and not text.endswith(keep):
                w = next(w for w in trail if text.endswith(w))
                if len(text) > len(w):
                    text = text[:-len(w)]
            if text == before:
                return text

    def _strip_place(self, text: str) -> str:
        if text[:2] not in self._place_starts:
            return text
        for n in range(min(self._place_len, len(text) - 1), 1, -1):
            if text[:n] in self.places:
                rest = text[n:]
                rest = rest[_PLACE_TAIL.match(rest).end():]
                return rest if len(rest) >= 2 else text
        return text

    def _strip(self, text: str, role: str) -> str:
        """``text`` without a word of ``role`` at its start, when two characters or more are left."""
        words = getattr(self, "_" + role)
        if not text.startswith(words):
            return text
        for w in words:
            if text.startswith(w) and len(text) - len(w) >= 2:
                return text[len(w):]
        return text

    def _enumeration(self, text: str) -> str:
        """拒载、议价等违规行为 -> 违规行为; 办理港口经营许可等行政许可 -> 办理行政许可."""
        text = _ENUMERATION.sub("", text)
        at = text.find("等")
        verb = self._verbs.match(text) if self._verbs is not None else None
        if at > 0 and verb is not None and at > verb.end() and len(text) - at > 2:
            text = text[:verb.end()] + text[at + 1:]
        return text

    def _attributive(self, text: str, end: int) -> bool:
        """Whether ``text[:end]`` (up to 的) only says which of what follows is meant (落实不力的约谈企业负责人), not
        the action counted (查处违法改装的货运车辆: the verb opens it and nothing after 的 acts)."""
        return not self._verbs.match(text) or self._verbs.search(text, end) is not None

    def _topic(self, text: str) -> str:
        """The words before the first verb are a topic, a body or a fronted object, not what is counted
        (12328热线受理投诉 -> 受理投诉); a rate or an index keeps them, and a mode of transport stays."""
        if self._verbs is None or _RATE.search(text) or self._verbs.match(text):
            return text
        for m in self._verbs.finditer(text, 1):
            if len(text) - m.end() < (3 if m.group() in self._not_first else 1):
                continue
            mode = next((w for w in self._mode if w in text[:m.start()]), "")
            light = m.group() in self._light and mode
            return mode + text[m.end() if light else m.start():]
        return text

    def _field_after_verb(self, text: str) -> str:
        """A sector word between the verb and what it counts goes (检查客运车辆 = 检查车辆, 受理港航服务投诉 =
        受理投诉): the sector narrows the population, not the measure; a category breakdown (出租汽车类投诉) stays."""
        verb = self._verbs.match(text) if self._verbs is not None and self._field else None
        if verb is None:
            return text
        rest = text[verb.end():]
        sector = next((w for w in self._field if rest.startswith(w)), "")
        if not sector:
            return text
        head = rest[len(sector):]
        head = head[2:] if head.startswith("服务") else head
        if len(head) < 2 or head.startswith("类"):
            return text
        return text[:verb.end()] + head

    def _event(self, text: str) -> str:
        """A core without a verb that ends with an activity noun: the activity and the word before it."""
        if self._verbs is not None and self._verbs.match(text):
            return text
        if not text.endswith(self._events):
            return text
        for noun in self._events:
            if text.endswith(noun) and len(text) > len(noun) + 2:
                return text[-(len(noun) + 2):]
        return text

    def _verb_first(self, text: str, dimension: str) -> str:
        """A verb that ends the core goes before its object (危桥改造 -> 改造危桥), as the other cores are written;
        not a light verb, nor an activity counted by its sessions (安全培训X期)."""
        verb = next((text[-n:] for n in self._verb_lengths if len(text) - n >= 2 and text[-n:] in self._verb_set), None)
        if verb is None or verb in self._not_first or self._verbs.match(text) or _RATE.search(text):
            return text
        if dimension == "count" and verb in self._events:
            return text
        return verb + text[:-len(verb)]


__all__ = ["IndicatorKey", "IndicatorNormaliser", "IndicatorWords", "fold", "indicator_id", "load_indicator_words"]
