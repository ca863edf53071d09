"""Stable identifiers: a hash of label + canonical name + scope."""

from __future__ import annotations

import hashlib
from functools import lru_cache


@lru_cache(maxsize=1 << 16)  # a document asks for the id of each metric and sentence several times
def stable_id(label: str, name: str, scope: str = "") -> str:
    """Return a stable id such as ``campaign_1f3a...``.

    Parameters
    ----------
    label : str
        Node label (``Agency``, ``Campaign``, ``Document`` ...).
    name : str
        Canonical name (or any key that identifies the thing within its scope).
    scope : str
        Where the name is valid: ``national``, a jurisdiction key, or ``doc:NAME``.

    Returns
    -------
    str
        ``<label lower>_<16 hex digits>``; the same inputs always give the same id.
    """
    digest = hashlib.sha1(f"{label}\x1f{name}\x1f{scope}".encode("utf-8")).hexdigest()[:16]
    return f"{label.lower()}_{digest}"
