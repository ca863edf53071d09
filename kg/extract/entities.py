"""The ``kg_entities`` component: AGENCY, ORGANIZATION, CAMPAIGN, REGULATION mentions.

Rules (each mention's ``rule`` names the one that found it):

``lexicon``            a phrase of the shipped or a user lexicon (``entries.tsv``, ``--lexicon``)
``regulation.title``   a 《》 title of a normative document (:mod:`kg.extract.quotes`)
``quote.campaign``     “X”行动, “X”创建工作, “路政宣传月” ...
``quote.regulation``   “X”工作纪律, “五条军规”, “六项制度”
``agency.head``        place/level/stems + head noun: 英德市交通运输局, 支队党委 (:mod:`kg.extract.heads`)
``agency.short``       省厅 -> 省交通运输厅 (a level and a head with the stem left out)
``agency.list``        bodies listed before 等部门 or before a named body: 公安、市场监管部门
``agency.sent`` ...    bodies inside bodies and bare short names (:mod:`kg.extract.bodies`)
``organization.head``  brand + 集团/公司/协会/出行 ...
``campaign.head``      modifiers + 专项行动/实践活动/转型年/示范县 ...
``campaign.anaphor``   a bare 专项整治 standing for the document's one full campaign with that head
``regulation.head``    modifiers + 制度/准则/清单 ...

Choosing among candidates: bodies and organisations first (longest span wins),
then campaigns and regulations, which stop at the bodies' ends and may not
lie inside them; bodies may lie inside a regulation title. Self-references
(我局, 本局, 支队 alone) are left to the relations component.
"""

from __future__ import annotations

import bisect
import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.agency_phrases import agency_candidates
from kg.extract.bodies import nested_candidates
from kg.extract.campaign_phases import phase_candidates
from kg.extract.enumerations import coordinated_scope_candidates, enumeration_candidates, listed_squads
from kg.extract.heads import LEVEL, PLACE, STEM
from kg.extract.named_heads import campaign_candidates, regulation_candidates
from kg.extract.organizations import listed_brands, organization_candidates
from kg.extract.phrases import Candidate, PhraseScanner, is_masked
from kg.extract.quotes import find_brackets, quote_candidates, title_candidates
from kg.extract.spans import SpanSet
from kg.extract.topic_headings import is_topic_heading
from kg.lexicon import Lexicon, default_lexicon, strip_quotes
from kg.model import Evidence, Mention, StructuredDocument

#: the field a bare 省厅 / 市局 belongs to when the document names no other
DEFAULT_STEM = "交通运输"
#: heads whose bare short form (省厅, 市局) is expanded with a stem
_SHORT_HEADS = ("厅", "局")
#: stem kinds of the documents' own field: the stems a bare 省厅 / 市局 may stand for
_FIELD_STEMS = ("domain", "short", "inner")
#: the level a place's name ends with (吉林省, 海口市): its bodies count for a bare 省局 / 市局
_PLACE_LEVELS = ("省", "市", "县", "区", "州")
_BODY_LABELS = ("AGENCY", "ORGANIZATION")
_TRAILING = ("工作",)
#: tails that add nothing to a campaign name that already ends with a head
_GENERIC_TAILS = ("行动", "活动")


# --------------------------------------------------------------- candidates
def lexicon_candidates(sc: PhraseScanner) -> list[Candidate]:
    """Every occurrence of a lexicon phrase; user phrases outrank every rule."""
    text, lx = sc.text, sc.lx
    heads = sc.matches("agency_heads")
    out: list[Candidate] = []
    for start, end, word, (label, canon) in sc.matches("known"):
        if label == "AGENCY":  # 交通运输部 is not a body inside 交通运输部门
            hit = heads.longest_ending_at(end, start)
            if hit and text.startswith(hit[2].not_before, end):
                continue
        tier = 9 if word in lx.user_phrases else 2
        cand = Candidate(label, start, end, canon, "lexicon", tier=tier)
        out.append(cand)
    return out


def _select(cands: list[Candidate]) -> list[Candidate]:
    """Greedy choice of non-overlapping candidates: user lexicon first, then longest, then tier.

    The characters of the chosen spans are marked, so a candidate is checked
    against its own span only.
    """
    order = sorted(cands, key=lambda c: (c.tier >= 9, c.length, c.tier, -c.start), reverse=True)
    taken = bytearray(max((c.end for c in cands), default=0))
    out: list[Candidate] = []
    for c in order:
        if taken.find(1, c.start, c.end) >= 0:
            continue
        taken[c.start:c.end] = b"\x01" * c.length
        out.append(c)
    return out


class _Disjoint:
    """Non-overlapping spans (a choice of :func:`_select`) in text order, for containment questions."""

    def __init__(self, spans: list[Candidate]) -> None:
        self.spans = sorted(spans, key=lambda c: c.start)
        self.starts = [c.start for c in self.spans]
        self.ends = [c.end for c in self.spans]  # ascending too: the spans do not overlap

    def contains(self, c: Candidate) -> bool:
        """True when one of the spans contains ``c``."""
        i = bisect.bisect_right(self.starts, c.start) - 1
        return i >= 0 and c.end <= self.ends[i]

    def crosses(self, c: Candidate) -> bool:
        """True when ``c`` overlaps a span without containing it or lying inside it."""
        i = bisect.bisect_right(self.ends, c.start)
        while i < len(self.spans) and self.starts[i] < c.end:
            s = self.spans[i]
            if not (c.start <= s.start and s.end <= c.end) and not (s.start <= c.start and c.end <= s.end):
                return True
            i += 1
        return False


# -------------------------------------------------------------------- names
def _level_stems(agencies: list[Candidate], stem_kinds: dict[str, str]) -> dict[tuple[str, str], dict[str, int]]:
    """How often each field stem follows a level before a head: ``(head, level) -> {stem: count}``.

    Only stems of a field (:data:`_FIELD_STEMS`) count: 省财政厅 does not make 省厅 the 省财政厅. A place
    of the level counts as the level (吉林省港航管理局: 省 + 港航管理 + 局) when it is the document's own, the
    place of the body that opens the document (its title's author), and a head ending with a short head adds
    its other characters to the stem.
    """
    # the document's own places: 学习借鉴浙江省港航管理局经验 says nothing of 省局
    own = {a.info["words"][0] for a in agencies if a.start == 0 and a.info.get("kinds", ())[:1] == (PLACE,)}
    out: dict[tuple[str, str], dict[str, int]] = {}
    for a in agencies:
        k, w, head = a.info.get("kinds", ()), a.info.get("words", ()), a.info.get("head") or ""
        if not k or STEM not in k or not head or head[-1] not in _SHORT_HEADS:
            continue
        if k[0] == LEVEL:
            level = w[0]
        elif k[0] == PLACE and set(k[1:]) == {STEM} and w[0][-1:] in _PLACE_LEVELS and w[0] in own:
            level = w[0][-1]
        else:
            continue
        words = [word for kind, word in zip(k, w) if kind == STEM]
        if all(stem_kinds.get(word) in _FIELD_STEMS for word in words):
            stems = out.setdefault((head[-1], level), {})
            stem = "".join(words) + head[:-1]
            stems[stem] = stems.get(stem, 0) + 1
    return out


def _short_form_name(c: Candidate, level_stems: dict[tuple[str, str], dict[str, int]]) -> str | None:
    """省厅 -> 省交通运输厅: a level and a 厅/局 head with the stem left out.

    The stem is the field's that the document's bodies of that level and
    head use most (省公路局 makes 市局 -> ...; ``level_stems`` is
    :func:`_level_stems` of the document's agencies); 交通运输 by default.
    """
    info = c.info
    if info.get("head") not in _SHORT_HEADS or info.get("kinds") != (LEVEL,):
        return None
    level, head = info["words"][0], info["head"]
    stems = level_stems.get((head, level), {})
    if DEFAULT_STEM in stems or not stems:
        stem = DEFAULT_STEM
    else:
        stem = max(stems, key=lambda s: (stems[s], s))
    return f"{level}{stem}{head}"


def _clean_name(label: str, name: str) -> str:
    """Quotes removed; a campaign's trailing 工作 dropped (专项整治工作 -> 专项整治)."""
    name = strip_quotes(name).strip()
    if label == "CAMPAIGN":
        for suffix in _TRAILING:
            if name.endswith(suffix) and len(name) - len(suffix) >= 2:
                name = name[: -len(suffix)]
    return name


class _Anaphors:
    """The full campaigns a bare head may stand for, by head, in text order."""

    def __init__(self, campaigns: list[Candidate]) -> None:
        self.campaigns = campaigns
        self._full: dict[tuple[str, int], tuple[list[Candidate], list[int]]] = {}

    def name(self, c: Candidate) -> str | None:
        """The full campaign ``c`` stands for: the nearest one before it, else the first after it."""
        key = (c.bare_head, c.length)
        got = self._full.get(key)
        if got is None:
            full = sorted((f for f in self.campaigns if not f.bare_head and c.bare_head in f.name
                           and f.length > c.length), key=lambda f: f.start)
            got = self._full[key] = (full, [f.end for f in full])  # ends ascend: campaigns do not overlap
        full, ends = got
        if not full:
            return None
        before = bisect.bisect_right(ends, c.start)
        return full[before - 1].name if before else full[0].name


#: the period and generic head of an N-year action, after its theme (安全生产治本攻坚|三年行动)
_PERIOD_ACTION = re.compile(r"(?:[一二三四五两]年)(?:专项)?行动$")
#: the shortest theme that stands for its action
_MIN_THEME = 4


def _themes(campaigns) -> dict[str, str]:
    """The themes of a document's N-year actions, each with the action's name (治本攻坚 -> 安全生产治本攻坚三年行动).

    A theme is any ending of the words before the period (治本攻坚, 生产治本攻坚 ...); a
    theme two actions share stands for neither.
    """
    out: dict[str, str] = {}
    for c in campaigns:
        m = _PERIOD_ACTION.search(c.name)
        if m is None:
            continue
        stem = c.name[:m.start()]
        for i in range(0, len(stem) - _MIN_THEME + 1):
            theme = stem[i:]
            out[theme] = c.name if out.get(theme, c.name) == c.name else ""
    return {k: v for k, v in out.items() if v}


# ----------------------------------------------------------------- mentions
def find_candidates(text: str, lexicon: Lexicon, surface: str | None = None) -> list[Candidate]:
    """Run every rule over ``text`` and choose the mentions (names not yet final).

    Parameters
    ----------
    text : str
        The width-folded text the rules read (``SourceDocument.norm``).
    lexicon : Lexicon
    surface : str, optional
        The text as read (same length); names are copied from it, so they
        keep full-width forms such as ``（试行）``.

    Returns
    -------
    list of Candidate
        Chosen candidates, sorted by offset; bare anaphoric heads already
        carry the full campaign's name or are left out.
    """
    sc = PhraseScanner(text, lexicon)
    brackets = find_brackets(text)
    sc.quote_spans = SpanSet(b.inner for b in brackets if b.kind == "quote")
    titles = title_candidates(sc, brackets)  # records title spans first
    known = lexicon_candidates(sc)

    agencies = agency_candidates(sc)
    agencies += coordinated_scope_candidates(sc, agencies)
    agencies += nested_candidates(sc, agencies)
    agencies += enumeration_candidates(sc, agencies)
    agencies += listed_squads(sc, agencies)
    body_known = [k for k in known if k.label in _BODY_LABELS]
    sc.blocked_ends = {c.end for c in agencies + body_known}
    orgs = organization_candidates(sc)
    orgs += listed_brands(sc, orgs)
    bodies = _select(agencies + orgs + body_known)
    sc.blocked_ends = {c.end for c in bodies}

    free = (titles + quote_candidates(sc, brackets) + campaign_candidates(sc) + phase_candidates(sc)
            + regulation_candidates(sc)
            + [k for k in known if k.label not in _BODY_LABELS])
    chosen_bodies = _Disjoint(bodies)
    free = [c for c in free if c.tier >= 9 or not chosen_bodies.contains(c)]
    named = _select(free)
    chosen_named = _Disjoint(named)
    bodies = [b for b in bodies if not chosen_named.crosses(b)]
    if surface is not None:
        for c in named + bodies:
            if c.name == text[c.start:c.end]:
                c.name = surface[c.start:c.end]

    named = _without_topic_headings(text, named)
    named = [c for c in named if not (c.label == "CAMPAIGN" and _COUNTED_TITLE.match(text, c.end)
                                      and c.name.endswith(_TITLE_HEADS))]
    named = [c for c in named if not (c.label == "CAMPAIGN" and c.name.endswith(_TITLE_HEADS)
                                      and _RANKED_TITLE.match(text, c.start)
                                      and not text.endswith(_STRIVE, 0, c.start))]
    anaphors = _Anaphors([c for c in named if c.label == "CAMPAIGN"])
    themes = _themes(c for c in named if c.label == "CAMPAIGN" and not c.bare_head)
    out: list[Candidate] = []
    for c in named:
        if c.bare_head:
            full = anaphors.name(c)
            if full is None:
                continue
            c.name, c.rule = full, "campaign.anaphor"
        elif c.label == "CAMPAIGN" and c.rule == "campaign.head" and c.name in themes:
            c.name, c.rule = themes[c.name], "campaign.theme"  # 深化治本攻坚: the theme of 安全生产治本攻坚三年行动
        out.append(c)
    level_stems = _level_stems(agencies, lexicon.stems)
    for b in bodies:
        if b.label == "AGENCY" and b.rule == "agency.head":
            short = _short_form_name(b, level_stems)
            if short is not None:
                b.name, b.rule = short, "agency.short"
        out.append(b)
    out.sort(key=lambda c: (c.start, c.end))
    return out


#: a model title counted like a prize (新增全国“四好农村路”示范县4个): places that won it, no programme
_TITLE_HEADS = ("示范县", "示范市", "示范区", "示范城市")
_COUNTED_TITLE = re.compile(r"[0-9Xx一二三四五六七八九十两]+个")
#: a rank before a quoted model title (成功创建省级“四好农村路”示范县): the honour a place won or wins, no
#: programme; one a body strives for (争创全省“…”示范县) is its own creation programme
_STRIVE = "争创"
_RANKED_TITLE = re.compile(r"(?:国家级|全国|省级|全省|市级|全市|县级|自治区级|州级)[“\"]")
#: heads of a drive: a heading naming one names the drive itself (一、道路运输安全专项整治行动扎实推进)
_DRIVE_HEADS = ("行动", "活动")


def _without_topic_headings(text: str, named: list[Candidate]) -> list[Candidate]:
    """Drop an unquoted campaign that only a progress heading names (（七）行业文明创建成效显著。).

    A heading that no other campaign of the document repeats or contains (路况提升攻坚 of 路况提升攻坚年) names
    only the section's topic; a drive (…专项整治行动扎实推进) is named as such.
    """
    names = "\x00".join(c.name for c in named if c.label == "CAMPAIGN")  # (searched only for the rare topics)
    return [c for c in named if not (c.label == "CAMPAIGN" and c.rule == "campaign.head" and not c.bare_head
                                     and not c.name.endswith(_DRIVE_HEADS)
                                     and is_topic_heading(text, c.start, c.end)
                                     and names.count(c.name) == 1)]


def find_mentions(sdoc: StructuredDocument, lexicon: Lexicon | None = None) -> list[Mention]:
    """Entity mentions of one structured document.

    Parameters
    ----------
    sdoc : StructuredDocument
        The document; rules read ``source.norm``, mentions quote ``source.text``.
    lexicon : Lexicon, optional
        Dictionaries (default: the shipped ones).

    Returns
    -------
    list of Mention
        Sorted by offset; ``name`` is the canonical proposal (quotes and 《》
        removed, masks kept, short forms expanded, lexicon aliases applied).
    """
    lx = lexicon or default_lexicon()
    text = sdoc.source.text
    chosen: list[tuple[Candidate, str]] = []
    for c in find_candidates(sdoc.source.norm, lx, text):
        name = lx.canonical(c.label, _clean_name(c.label, c.name))
        if c.label == "CAMPAIGN":
            name = _known_in_field(name, lx)
        if name and not lx.is_stopped(text[c.start:c.end], name):
            chosen.append((c, name))
    names = _unify_campaign_names({name for c, name in chosen if c.label == "CAMPAIGN"}, lx)
    out: list[Mention] = []
    for c, name in chosen:
        if c.label == "CAMPAIGN":
            name = names.get(name, name)
        ev: Evidence = sdoc.evidence(c.start, c.end)
        out.append(Mention(doc=sdoc.name, label=c.label, text=text[c.start:c.end], start=c.start, end=c.end,
                           name=name, evidence=ev, masked=is_masked(name), rule=c.rule))
    return out


def _known_in_field(name: str, lx: Lexicon) -> str:
    """A programme the lexicon knows, named after the field it is carried out in, is that programme.

    交通运输领域“放管服”改革 is 放管服改革: the field words (ending in an anchor
    such as 领域) say where the national reform is applied.
    """
    known, domain = lx.known(), lx.trie("domain")
    for i in range(len(name) - 1, 1, -1):
        rest = known.get(name[i:])
        if rest is None or rest[0] != "CAMPAIGN":
            continue
        hit = domain.longest_ending_at(name, i)
        if hit is None or lx.domain.get(hit[1]) != "anchor":
            continue
        pos = hit[0]
        while pos > 0 and (hit := domain.longest_ending_at(name, pos)) is not None:
            pos = hit[0]
        if pos == 0:
            return rest[1]
    return name


def _unify_campaign_names(names: set[str], lx: Lexicon) -> dict[str, str]:
    """One name for a campaign written with and without a trailing 行动/活动.

    When the document names both ``X专项整治行动`` and ``X专项整治`` (the
    remainder must itself end with a campaign head), the shorter is the
    fuller name cut short: both take the full name. A themed period
    (安全生产月 / 安全生产月活动) takes the period's name, as before.
    """
    heads = lx.trie("campaign_heads")
    out: dict[str, str] = {}
    for name in names:
        for suffix in _GENERIC_TAILS:
            base = name[: -len(suffix)]
            if name.endswith(suffix) and base in names and heads.longest_ending_at(base, len(base)) is not None:
                if base.endswith(_PERIODS):
                    out[name] = base
                else:
                    out[base] = name
                break
    return out


#: a themed period's quoted name, then the activity held in it: “安全生产月”活动 (“安全生产月”主题普法活动 is an activity of its own)
_THEMED_ACTIVITY = re.compile(r"“([^“”]{2,20})”(活动)$")
#: a year that opens a mention only says which edition it is (2024年“安全生产月”活动)
_EDITION_YEAR = re.compile(r"20[0-9]{2}年")
#: the last characters of heads that name a period of time (安全生产月, 质量提升年, 宣传周, 咨询日)
_PERIODS = ("月", "年", "周", "日")


def theme_aliases(mentions: list[Mention], lexicon: Lexicon | None = None) -> list[Mention]:
    """The quoted name of a themed period inside a mention of the activity held in it, as a mention of the same campaign.

    “安全生产月”活动 names the campaign both as the activity and, inside its
    quotes, as the themed month itself (安全生产月): the quoted part ending with
    a period head (生产月, 提升年, 宣传周, 咨询日 ...) is a second surface of
    the campaign, with the field or object words before it (出租汽车行业“文明
    服务月”) and without an edition year. An activity with its own kind
    (“安全生产月”主题普法活动) is not the month. These mentions add surfaces
    only: they come after the relations are read.

    Parameters
    ----------
    mentions : list of Mention
        The document's mentions (:func:`find_mentions`).
    lexicon : Lexicon, optional

    Returns
    -------
    list of Mention
        One mention per such activity mention, named as it is.
    """
    lx = lexicon or default_lexicon()
    heads = lx.trie("campaign_heads")
    out: list[Mention] = []
    for m in mentions:
        if m.label != "CAMPAIGN" or not m.rule.startswith("quote."):
            continue
        hit = _THEMED_ACTIVITY.search(m.text)
        if hit is None:
            continue
        inner = hit.group(1)
        head = heads.longest_ending_at(inner, len(inner))
        if head is None or not head[2].strong or head[0] == 0 or not head[1].endswith(_PERIODS):
            continue
        lead = _EDITION_YEAR.match(m.text)
        start = m.start + (lead.end() if lead and lead.end() <= hit.start() else 0)
        end = m.start + hit.end(1) + 1
        out.append(Mention(doc=m.doc, label=m.label, text=m.text[start - m.start:end - m.start], start=start, end=end,
                           name=m.name, evidence=m.evidence, masked=m.masked, rule="quote.campaign.theme"))
    return out


class EntityRecognizer:
    """spaCy component: fills ``doc._.kg_mentions`` from ``doc._.kg_document``.

    The surfaces of :func:`theme_aliases` go to ``doc._.kg_aliases``, joined to the
    mentions when the pipeline is done.
    """

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        sdoc = doc._.kg_document
        if sdoc is None:
            return doc
        lexicon = doc._.kg_lexicon or getattr(self.nlp, "user_data", {}).get("kg_lexicon")
        mentions = find_mentions(sdoc, lexicon)
        doc._.kg_mentions = list(doc._.kg_mentions or []) + mentions
        doc._.kg_aliases = theme_aliases(mentions, lexicon)
        return doc


@Language.factory("kg_entities")
def make_kg_entities(nlp: Language, name: str) -> EntityRecognizer:
    """Factory for the ``kg_entities`` pipe."""
    return EntityRecognizer(nlp)


__all__ = ["EntityRecognizer", "find_candidates", "find_mentions", "theme_aliases"]
