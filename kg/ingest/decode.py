"""Decode the bytes of a text file: UTF-8, UTF-16/32 with BOM, GB18030, Big5 and what charset-normalizer finds."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

#: Encodings charset-normalizer may report for simplified-Chinese text; all are decoded as GB18030,
#: their superset.
GB_FAMILY = {"gb2312", "gbk", "gb18030", "cp936", "hz", "euc_cn", "hz_gb_2312"}
#: Encodings charset-normalizer may report for traditional-Chinese text. They share Big5's core and
#: differ in their extensions, so each of :data:`BIG5_CODECS` is tried (see :func:`_big5`).
BIG5_FAMILY = {"big5", "cp950", "big5hkscs", "big5_hkscs"}
BIG5_CODECS = ("cp950", "big5hkscs")
# Japanese kana and private-use characters: what a Big5 extension decoded with the wrong variant gives
# (Big5-HKSCS 〇 read as CP950 is a kana); Chinese reports hold none
_UNLIKELY = re.compile("[\u3040-\u30ff\ue000-\uf8ff]")

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class DecodeError(ValueError):
    """The bytes are not text kg can read; the message says why."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # the codec name used, e.g. utf-8, utf-8-sig, gb18030, utf-16-le


# Unicode category Cc (C0, DEL, C1) without the whitespace controls \t \n \v \f \r
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    return len(_CONTROL.findall(text)) / len(text)


def _checked(text: str, encoding: str) -> Decoded:
    if _control_ratio(text) > 0.01:
        raise DecodeError(f"binary file (control characters after decoding as {encoding})")
    return Decoded(text, encoding)


def _big5(data: bytes) -> Decoded:
    """Big5 text decoded with the variant that explains every byte and gives the fewest unlikely characters."""
    best: tuple[int, str, str] | None = None
    for codec in BIG5_CODECS:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        score = len(_UNLIKELY.findall(text))
        if best is None or score < best[0]:
            best = (score, codec, text)
    if best is None:
        raise DecodeError("undecodable: Big5 text with bytes no Big5 variant (CP950, Big5-HKSCS) explains")
    return _checked(best[2], best[1])


def decode_bytes(data: bytes) -> Decoded:
    """Decode ``data`` to text, recording the encoding used.

    Order: strict UTF-8 (a leading BOM is stripped and reported as
    ``utf-8-sig``), then UTF-32/UTF-16 byte-order marks, then detection with
    charset-normalizer; the GBK family is decoded as GB18030, the Big5 family
    strictly as CP950 or Big5-HKSCS.

    Raises
    ------
    DecodeError
        For binary data (NUL or control bytes) or bytes no encoding explains.
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if text.startswith("\ufeff"):
            return _checked(text[1:], "utf-8-sig")
        if "\x00" in text:
            raise DecodeError("binary file (NUL bytes)")
        return _checked(text, "utf-8")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data[len(bom):].decode(encoding), encoding)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"undecodable {encoding} text after its byte-order mark: {exc.reason}") from None
    from charset_normalizer import from_bytes  # ~10 ms to import; only text that is not UTF-8 needs it

    best = from_bytes(data).best()
    detected = best.encoding.lower() if best is not None else None
    has_nul = b"\x00" in data
    if has_nul:
        # only UTF-16/32 text without a BOM legitimately holds NUL bytes
        if detected and detected.startswith(("utf_16", "utf_32")):
            return _checked(str(best), detected.replace("_", "-"))
        raise DecodeError("binary file (NUL bytes)")
    if detected in GB_FAMILY or detected is None or detected.startswith(("utf_16", "utf_32")):
        # short GBK texts are sometimes taken for BOM-less UTF-16; without NUL bytes prefer GB18030
        try:
            return _checked(data.decode("gb18030"), "gb18030")
        except UnicodeDecodeError:
            raise DecodeError("undecodable: not UTF-8, UTF-16 or GB18030 text") from None
    if detected in BIG5_FAMILY:
        return _big5(data)
    assert best is not None and detected is not None
    return _checked(str(best), detected)
