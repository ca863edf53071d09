"""Colours, shapes and sizes of the node types, shared by every page."""

from __future__ import annotations

import math
from typing import Final

#: node label -> (colour, vis-network shape)
NODE_STYLE: Final[dict[str, tuple[str, str]]] = {
    "Document": ("#5b6770", "box"),
    "Section": ("#9aa5ad", "box"),
    "Agency": ("#2f6fba", "dot"),
    "Organization": ("#7b5ea7", "dot"),
    "Campaign": ("#d9730d", "diamond"),
    "Regulation": ("#2e8b57", "square"),
    "Metric": ("#c0392b", "triangle"),
}
#: link kind -> colour
EDGE_COLOUR: Final[dict[str, str]] = {
    "CONDUCTS": "#d9730d",
    "ISSUES": "#2e8b57",
    "COOPERATES_WITH": "#2f6fba",
    "MEASURES": "#c0392b",
    "CO_MENTION": "#b8c0c6",
    "MENTIONED_IN": "#c9d1d6",
    "HAS_SECTION": "#8d99a1",
    "SHARES": "#e3a869",
    "WEAK": "#f1d9bf",  # campaigns sharing only a document
}
#: font stack with CJK fallbacks (Noto CJK on Debian, PingFang/YaHei elsewhere)
FONT_FACE: Final[str] = ("'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', "
                         "'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif")
LABEL_CHARS: Final[int] = 14
#: characters per line of a two-line node label
LABEL_LINE: Final[int] = 8


def node_size(degree: int) -> float:
    """Node size (pixels) growing with the square root of its degree."""
    return round(10 + 5 * math.sqrt(max(degree, 0)), 1)


def short_label(name: str, limit: int = LABEL_CHARS) -> str:
    """A node label: the name, cut to ``limit`` characters with ``…``."""
    return name if len(name) <= limit else name[: limit - 1] + "…"


def wrapped_label(name: str, per_line: int, lines: int = 2) -> str:
    """A compact label: ``name`` in balanced lines of at most ``per_line`` characters, at most ``lines``
    of them, ``…`` if cut (a name that fits one line stays one line)."""
    if per_line < 1 or lines < 1:
        raise ValueError("per_line and lines must be positive")
    if len(name) <= per_line:
        return name
    cut = short_label(name, per_line * lines)
    step = min(per_line, -(-len(cut) // lines)) or 1  # balanced lines: 7 characters in two lines are 4 + 3
    return "\n".join(cut[i:i + step] for i in range(0, len(cut), step))
