"""Text normalisation that keeps offsets: line endings and character width."""

from __future__ import annotations

# U+FF01..U+FF5E are the full-width forms of ASCII 0x21..0x7E; U+3000 is the ideographic space.
_WIDTH_TABLE: dict[int, str] = {cp: chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)}
_WIDTH_TABLE[0x3000] = " "


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
    return text.translate(_WIDTH_TABLE)
