"""What a format reader returns, and the error it raises for a file it cannot read."""

from __future__ import annotations

from dataclasses import dataclass, field


class FormatError(ValueError):
    """The file is not a readable instance of its format; the message says why (one line)."""


@dataclass(slots=True)
class Extracted:
    """The text of one file and what its format tells besides.

    ``pages`` are start offsets into ``text`` (formats with pages only); a
    reader that gives pages returns ``text`` with ``\\n`` line endings and no
    byte-order mark, so the offsets hold as they are.
    """

    text: str
    encoding: str  # the codec used, or how the text was read (``pdf-text``)
    pages: list[int] = field(default_factory=list)
    title: str | None = None
    date: str | None = None  # ISO yyyy-mm-dd
    warnings: list[str] = field(default_factory=list)
