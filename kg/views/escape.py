"""Escaping of untrusted document text for HTML pages and embedded JSON.

Every string that comes from a document (names, aliases, sentences, titles)
goes through :func:`text` before it reaches HTML, and page data goes through
:func:`script_json` before it reaches a ``<script>`` element.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable

# "<" before "/", "!" or "?" could end the element ("</script>") or enter the
# script-escaped states ("<!--"); escaped, nothing in the data can close the element.
_UNSAFE_LT = re.compile(r"<(?=[/!?])")
_LINE_SEPARATORS = {"\u2028": "\\u2028", "\u2029": "\\u2029"}


def text(value: object) -> str:
    """Escape ``value`` (converted with ``str``) for HTML text and attribute values."""
    return html.escape("" if value is None else str(value), quote=True)


def chart_text(value: object) -> str:
    """Escape ``value`` for plotly.js's text dialect (names, ticks, hover): ``&``, ``<`` and ``>``.

    plotly.js turns a few tags (``<b>``, ``<br>``, ``<a>`` …) into SVG text and
    decodes ``&amp;``, ``&lt;``, ``&gt;`` but not ``&quot;``: with ``<`` escaped
    no tag can form, and quotes stay as written.
    """
    return html.escape("" if value is None else str(value), quote=False)


def script_json(data: object) -> str:
    """JSON for a ``<script>`` element: ``</``, ``<!`` and ``<?`` escaped as ``\\u003c``.

    ``JSON.parse`` reads the result back to the same value.
    """
    out = _UNSAFE_LT.sub(r"\\u003c", json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    for ch, rep in _LINE_SEPARATORS.items():
        out = out.replace(ch, rep)
    return out


def spans_of(sentence: str, needles: Iterable[str]) -> list[tuple[int, int]]:
    """Merged ``[start, end)`` spans of every occurrence of every needle in ``sentence``."""
    spans: list[tuple[int, int]] = []
    for needle in {n for n in needles if n}:
        i = sentence.find(needle)
        while i >= 0:
            spans.append((i, i + len(needle)))
            i = sentence.find(needle, i + len(needle))
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def mark(sentence: str, needles: Iterable[str], limit: int = 400) -> str:
    """Escaped HTML of ``sentence`` with the needles wrapped in ``<mark>``.

    Parameters
    ----------
    sentence : str
        Evidence sentence (untrusted).
    needles : iterable of str
        Matched words to mark (untrusted); every occurrence is marked.
    limit : int
        Longer sentences are cut around the first mark and the cut shown as ``…``.

    Returns
    -------
    str
        Safe HTML: only ``<mark>`` elements, all text escaped.
    """
    spans = spans_of(sentence, needles)
    lo, hi = 0, len(sentence)
    if hi > limit:
        first = spans[0][0] if spans else 0
        lo = max(0, min(first - limit // 3, hi - limit))
        hi = lo + limit
    out = ["…" if lo > 0 else ""]
    pos = lo
    for s, e in spans:
        s, e = max(s, lo), min(e, hi)
        if s >= e or s < pos:
            continue
        out.append(text(sentence[pos:s]))
        out.append(f"<mark>{text(sentence[s:e])}</mark>")
        pos = e
    out.append(text(sentence[pos:hi]))
    out.append("…" if hi < len(sentence) else "")
    return "".join(out)
