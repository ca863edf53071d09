"""Text normalisation that keeps offsets: line endings and character width."""

from __future__ import annotations

import re

# U+FF01..U+FF5E are the full-width forms of ASCII 0x21..0x7E; U+3000 is the ideographic space.
_WIDTH_TABLE: dict[int, str] = {cp: chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)}
_WIDTH_TABLE[0x3000] = " "
_WIDE = re.compile("[\uff01-\uff5e\u3000]+")
_NOT_HAN = re.compile("[^\u4e00-\u9fff]+")


def normalize_newlines(text: str) -> str:
    """Turn CRLF and lone CR into LF.

    This runs on the decoded text before anything else, so every offset in kg
    refers to the text with ``\\n`` line endings.
    """
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def fold_width(text: str) -> str:
    """Fold full-width ASCII forms to half-width and U+3000 to a space.

    The result has the same length as ``text`` (one character for one), so
    offsets are shared. Chinese punctuation outside the U+FF01–FF5E block
    (、。“”《》) is left as it is.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    str
        The folded text, ``len(result) == len(text)``.
    """
    # translating only the runs of wide forms: str.translate looks up every character
    return _WIDE.sub(lambda m: m.group().translate(_WIDTH_TABLE), text)


#: the share of Chinese characters outside GB2312 above which a text is written in Traditional characters
TRADITIONAL_SHARE = 0.08


def traditional_share(text: str, sample: int = 20_000) -> float:
    """The share of Chinese characters (of the first ``sample``) that GB2312, the Simplified set, lacks.

    Simplified reports stay almost entirely inside GB2312 (below 1 % outside);
    a text in Traditional characters (運輸, 與, 執法) has about a third outside.
    """
    han = _NOT_HAN.sub("", text[:sample])
    if not han:
        return 0.0
    # a character GB2312 lacks becomes one "?"; the others become two bytes
    return han.encode("gb2312", errors="replace").count(b"?") / len(han)
