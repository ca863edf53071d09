"""Name keys: the normalised forms that decide whether two names are one thing."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from kg.lexicon import default_lexicon

QUOTES = "“”‘’\"'「」『』《》〈〉 \t\r\n\u3000"
_QUOTE_TABLE = {ord(c): None for c in QUOTES}
MASK_RE = re.compile(r"[XxＸｘ*＊]+")

# suffixes that vary without changing what a campaign is (行动/活动, a trailing 工作, 示范县 and its 创建)
_CAMPAIGN_TAIL = re.compile(r"(?:创建)?(?:工作)?(?:专项行动|行动|活动|工作)?$")
# generic campaign words that writers add or drop (安全生产三年专项行动 = 安全生产专项整治三年行动)
_CAMPAIGN_GENERIC = re.compile(r"专项|整治|集中")


def name_key(name: str) -> str:
    """Fold width (NFKC), drop quotation marks, 《》 and blanks."""
    return unicodedata.normalize("NFKC", name).translate(_QUOTE_TABLE)


def is_masked(name: str) -> bool:
    """True when the name holds a publisher's mask (X, XX, x, *)."""
    return bool(MASK_RE.search(name))


@lru_cache(maxsize=65536)
def campaign_core(key: str) -> str:
    """A campaign name without its variable suffix (行动/活动/工作)."""
    return _CAMPAIGN_TAIL.sub("", key) or key


# the short forms writers use for a field in programme names (交通执法 = 交通运输执法)
_FIELD_SHORT = (("交通运输", "交通"),)


@lru_cache(maxsize=65536)
def campaign_signature(key: str) -> str:
    """The part of a campaign name that survives suffix, generic-word and field short-form variants."""
    core = _CAMPAIGN_TAIL.sub("", key)
    sig = _CAMPAIGN_GENERIC.sub("", core) or key
    for full, short in _FIELD_SHORT:
        sig = sig.replace(full, short)
    return sig


# the transport field a programme of a wider one is named in, which writers of other documents add or drop
# (交通运输领域重大事故隐患专项排查整治 = 重大事故隐患专项排查整治)
_CAMPAIGN_FIELD = re.compile(r"^交通(运输)?(领域|行业|系统)?")
#: the fewest characters a campaign keeps once its field is cut
_MIN_AFTER_FIELD = 4
#: the longest modifier that leaves a distinctive head a generic title (职业技能竞赛, 安全宣传月)
_GENERIC_MODIFIER = 2


def _generic_title(sig: str) -> bool:
    """True when ``sig`` is a distinctive campaign head with at most one short word before it (职业技能竞赛)."""
    heads = [h for h, ch in default_lexicon().campaign_heads.items() if ch.strong and sig.endswith(h)]
    return any(len(sig) - len(h) <= _GENERIC_MODIFIER for h in heads)


@lru_cache(maxsize=65536)
def campaign_link_signature(key: str) -> str:
    """The signature a campaign links across documents under: :func:`campaign_signature` less the field it opens
    with, unless too little or only a generic title is left (交通运输行业职业技能竞赛 keeps its field).

    A bare 交通 is the field only as the short form of 交通运输 before a field word (交通执法); else it opens the
    name itself (交通强国, 交通文明).

    Parameters
    ----------
    key : str
        The campaign's name key.

    Returns
    -------
    str
        The link signature: the field-less signature when at least four characters and no generic title are
        left, else :func:`campaign_signature` of the whole key.
    """
    sig = campaign_signature(key)
    field = _CAMPAIGN_FIELD.match(key)
    if field is None or not (field.group(1) or field.group(2)) \
            and not any(key.startswith(w, field.end()) for w in default_lexicon().domain):
        return sig
    rest = campaign_signature(key[field.end():])
    return rest if len(rest) >= _MIN_AFTER_FIELD and not _generic_title(rest) else sig


def is_subsequence(short: str, long: str) -> bool:
    """True when the characters of ``short`` occur in ``long`` in order."""
    it = iter(long)
    return all(ch in it for ch in short)


def mask_pattern(key: str) -> re.Pattern[str]:
    """A regex that matches the unmasked names a masked name could stand for."""
    parts = MASK_RE.split(key)
    return re.compile(r"[^、，。；]{1,4}".join(re.escape(p) for p in parts) + r"\Z")


def unmasked_length(key: str) -> int:
    return len(MASK_RE.sub("", key))


#: legal forms a company's full name ends with and its short form drops (山东XX集团有限公司 -> 山东XX集团)
_LEGAL_FORMS = ("股份有限公司", "有限责任公司", "有限公司")
#: a bracketed part of a registered name that a short form writes plainly (XX港口(集团)有限责任公司)
_BRACKETED = re.compile(r"\(([^()]{1,4})\)")


def org_registered_stems(full: str) -> list[str]:
    """A registered company name without its legal form, with its bracketed part plain or dropped."""
    for form in _LEGAL_FORMS:
        if full.endswith(form) and len(full) - len(form) >= 2:
            stem = full[: -len(form)]
            return list(dict.fromkeys((stem, _BRACKETED.sub(r"\1", stem), _BRACKETED.sub("", stem))))
    return []


def org_short_stems(short: str) -> list[str]:
    """What a short company name (X集团, X公司) leaves for its registered name to add a legal form to."""
    if any(short.endswith(form) for form in _LEGAL_FORMS) or len(short) < 4:
        return []
    return [short] + ([short[:-2]] if short.endswith("公司") and len(short) >= 6 else [])
