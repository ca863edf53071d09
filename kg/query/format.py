"""Result formatting: an aligned text table (CJK-aware), CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
import unicodedata

from kg.query.result import QueryError, QueryResult

FORMATS = ("table", "csv", "json")


def char_width(ch: str) -> int:
    """Terminal columns of one character: 2 for wide/full-width (CJK), 0 for combining marks."""
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes."""
    return sum(char_width(c) for c in text)


def _truncate(text: str, width: int) -> str:
    if display_width(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = char_width(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def cell_text(value: object) -> str:
    """One value as text: None empty, booleans lower case, lists and maps as JSON."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _table(result: QueryResult, max_width: int | None) -> str:
    def clean(v: object) -> str:
        text = " ".join(cell_text(v).split()) if isinstance(v, str) else cell_text(v).replace("\n", " ")
        return _truncate(text, max_width) if max_width else text

    header = [clean(c) for c in result.columns]
    body = [[clean(v) for v in row] for row in result.rows]
    widths = [max([display_width(h)] + [display_width(r[i]) for r in body]) for i, h in enumerate(header)]

    def line(cells: list[str]) -> str:
        return "  ".join(c + " " * (w - display_width(c)) for c, w in zip(cells, widths)).rstrip()

    out = [line(header), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in body]
    return "\n".join(out)


def _csv(result: QueryResult) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(result.columns)
    for row in result.rows:
        w.writerow([cell_text(v) for v in row])
    return buf.getvalue().rstrip("\n")


def format_result(result: QueryResult, fmt: str = "table", max_width: int | None = 60) -> str:
    """Format a result for the terminal or a file.

    Parameters
    ----------
    result : QueryResult
    fmt : {"table", "csv", "json"}
        ``table``: columns aligned by display width (a CJK character takes two
        columns), cells longer than ``max_width`` columns cut with ``…``;
        ``csv``: a header row then one row per record, lists as JSON text;
        ``json``: an array of objects keyed by column.
    max_width : int or None
        Widest table cell (``None``: no limit). Not used by csv and json.

    Returns
    -------
    str
        The text, without a trailing newline.
    """
    if fmt == "table":
        return _table(result, max_width)
    if fmt == "csv":
        return _csv(result)
    if fmt == "json":
        return json.dumps(result.records(), ensure_ascii=False, indent=1)
    raise QueryError(f"unknown format {fmt!r} (choose {', '.join(FORMATS)})")
