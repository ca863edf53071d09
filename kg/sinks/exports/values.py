"""How a typed value is written: as XML text, as a CSV cell, as a JSON value; and read back.

One encoder for every format, working on whole Arrow columns (no Python work per value). Every function takes an
Arrow array and gives a string array in which a null stays null, so a writer can leave a missing value out.

- Booleans are ``true``/``false``; integers their digits; floats the shortest text that reads back to the same
  float, with a ``.0`` when it would look like an integer, and ``NaN``, ``Infinity``, ``-Infinity`` for the special
  values (what Python, JavaScript and Java all parse; JSON has no literal for them, so there they are those strings,
  and the readers turn them back by the column's type).
- In JSON and in GraphML/GEXF a list is its JSON text (``["a","b"]``, ``[]``).
- XML text escapes ``& < > "`` and writes tab, newline and carriage return as character references, so attribute
  values keep them. XML 1.0 cannot hold the other C0 controls, U+FFFE or U+FFFF at all, not even as references:
  they become U+FFFD.
- A CSV cell of text that a spreadsheet would take for a formula (starting with ``= + - @``, tab or carriage
  return) or that starts with the guard ``'`` itself is written with a leading ``'`` (:data:`GUARD`), which
  spreadsheets show as text; every such cell of a column loses exactly one ``'`` on the way back (:func:`unguard`,
  and :func:`kg.sinks.exports.neo4j_import.restore_statements` after a neo4j-admin import). List elements are
  guarded one by one and joined by :data:`ARRAY_DELIMITER`.

Lone surrogates never get here: Arrow strings are UTF-8, which cannot hold them.
"""

from __future__ import annotations

import json
from functools import lru_cache

import pyarrow as pa
import pyarrow.compute as pc

#: the mark a spreadsheet reads as "this cell is text" (OWASP's advice for CSV injection)
GUARD = "'"
#: list elements in a CSV cell (unit separator: text never holds it; one inside an element becomes U+FFFD)
ARRAY_DELIMITER = "\x1f"
_GUARDED = "=+-@\t\r" + GUARD  # the first characters that get the guard
_ALL = bytes(range(256))
_CONTROLS = bytes(range(0x20))
_JSON_SPECIAL = b'\\"' + _CONTROLS
_JSON_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\x08": "\\b", "\x0c": "\\f"}
_XML_FORBIDDEN = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x{FFFE}\x{FFFF}]"
_XML_SPECIAL = b'&<>"' + _CONTROLS
_XML_NONCHARACTERS = ("\ufffe".encode(), "\uffff".encode())
_XML_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;"}
_DECODERS = {"int": int, "float": float, "bool": lambda text: text == "true"}  # lists: JSON


@lru_cache(maxsize=None)
def text(value: str) -> pa.Scalar:
    """A string as an Arrow scalar, made once (pyarrow probes for optional modules on each conversion)."""
    return pa.scalar(value, pa.string())


def fragment(prefix: str, values: pa.Array, suffix: str = "") -> pa.Array:
    """``prefix + value + suffix`` for each value; null where the value is null."""
    return pc.binary_replace_slice(pc.binary_replace_slice(values, 0, 0, prefix), 2**31, 2**31, suffix)


def _has(arr: pa.Array, special: bytes, sequences: tuple[bytes, ...] = ()) -> bool:
    """Whether the string data may hold a byte of ``special`` or one of ``sequences`` (a scan of the buffer)."""
    raw = bytes(arr.buffers()[2] or b"") if len(arr) else b""
    return bool(raw.translate(None, _ALL.translate(None, special))) or any(q in raw for q in sequences)


def relist(lists: pa.Array, values: pa.Array) -> pa.Array:
    """``lists`` with its elements replaced by ``values`` (one for one)."""
    offsets = pc.subtract(lists.offsets, lists.offsets[0])
    return pa.ListArray.from_arrays(offsets, values, mask=lists.is_null() if lists.null_count else None)


def float_text(arr: pa.Array) -> pa.Array:
    """Floats as text: shortest round trip, ``1.0`` not ``1``, ``NaN``/``Infinity``/``-Infinity``."""
    text = pc.replace_substring_regex(pc.cast(arr, pa.string()), r"^(-?\d+)$", r"\1.0")
    return pc.replace_substring(pc.replace_substring(text, "nan", "NaN"), "inf", "Infinity")  # Arrow: nan, inf, -inf


def scalar_text(arr: pa.Array) -> pa.Array:
    """A column as plain text: booleans, numbers and strings as above, lists as JSON text."""
    t = arr.type
    if pa.types.is_string(t):
        return arr
    if pa.types.is_boolean(t):
        return pc.if_else(arr, text("true"), text("false"))
    if pa.types.is_floating(t):
        return float_text(arr)
    if pa.types.is_list(t):
        items = pc.fill_null(json_value(arr.flatten()), "null")
        return fragment("[", pc.binary_join(relist(arr, items), text(",")), "]")
    return pc.cast(arr, pa.string())


def json_escape(arr: pa.Array) -> pa.Array:
    """Strings escaped for a JSON string literal as ``json.dumps(..., ensure_ascii=False)`` does (no quotes)."""
    if _has(arr, _JSON_SPECIAL):
        for char, escape in _JSON_ESCAPES.items():
            arr = pc.replace_substring(arr, char, escape)
        if _has(arr, _CONTROLS):
            for code in range(0x20):
                arr = pc.replace_substring(arr, chr(code), f"\\u{code:04x}")
    return arr


def json_value(arr: pa.Array) -> pa.Array:
    """A column as JSON values (non-finite floats as the strings ``"NaN"``, ``"Infinity"``, ``"-Infinity"``)."""
    t = arr.type
    if pa.types.is_string(t):
        return fragment('"', json_escape(arr), '"')
    if pa.types.is_floating(t):
        digits = float_text(arr)
        return pc.if_else(pc.is_finite(arr), digits, fragment('"', digits, '"'))
    return scalar_text(arr)


def xml_text(arr: pa.Array) -> pa.Array:
    """A column as XML character data, safe in element text and in double-quoted attributes."""
    plain = not (pa.types.is_string(arr.type) or pa.types.is_list(arr.type))  # numbers and booleans need no escape
    arr = scalar_text(arr)
    if not plain and _has(arr, _XML_SPECIAL, _XML_NONCHARACTERS):
        arr = pc.replace_substring_regex(arr, _XML_FORBIDDEN, "\ufffd")
        for char, escape in _XML_ESCAPES.items():
            arr = pc.replace_substring(arr, char, escape)
    return arr


def guard(arr: pa.Array) -> tuple[pa.Array, bool]:
    """Strings with :data:`GUARD` before those a spreadsheet would read as a formula; and whether any got it."""
    hit = pc.is_in(pc.utf8_slice_codeunits(arr, 0, 1), value_set=pa.array(list(_GUARDED)))  # 1/3 of a regex
    if not pc.any(hit).as_py():
        return arr, False
    return pc.if_else(hit, fragment(GUARD, arr), arr), True


def unguard(arr: pa.Array) -> pa.Array:
    """Strings with the :data:`GUARD` that :func:`guard` put before them taken off."""
    return pc.replace_substring_regex(arr, "^" + GUARD, "", max_replacements=1)


def csv_cell(arr: pa.Array) -> tuple[pa.Array, bool]:
    """A column as CSV cells for neo4j-admin (see the module docstring); and whether a guard was written.

    Integers and booleans stay typed (the CSV writer renders them); null stays null,
    which the writer leaves as an empty unquoted cell.
    """
    t = arr.type
    if pa.types.is_string(t):
        return guard(arr)
    if pa.types.is_list(t):
        items, guarded = scalar_text(arr.flatten()), False
        if pa.types.is_string(t.value_type):
            items, guarded = guard(pc.replace_substring(items, ARRAY_DELIMITER, "\ufffd"))
        return pc.binary_join(relist(arr, items), text(ARRAY_DELIMITER)), guarded
    if pa.types.is_floating(t):
        return float_text(arr), False
    return arr, False


def decode(text: str | None, ptype: str) -> object:
    """A value of schema type ``ptype`` (``str``, ``int``, ``float``, ``bool``, ``list[...]``) from its text."""
    if text is None or ptype == "str" or not isinstance(text, str):
        return text
    return _DECODERS.get(ptype, json.loads)(text)
