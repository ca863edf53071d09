"""CAMPAIGN mentions of a given list of names (the gold annotations, or a user's list), found in the text.

They let MEASURES be measured against known campaigns independently of the entity extractor
(``tests/scripts/eval_metrics_dev.py``).
"""

from __future__ import annotations

import re

from kg.model import Mention, StructuredDocument


def campaign_mentions_for(sdoc: StructuredDocument, forms: dict[str, str]) -> list[Mention]:
    """CAMPAIGN mentions for known campaign names, found in the text.

    Used to measure MEASURES against a given list of campaigns (the gold
    annotations, or a user's list) independently of the entity extractor.

    Parameters
    ----------
    sdoc : StructuredDocument
    forms : dict of str to str
        Written form -> canonical name. Quotation marks in a form are optional
        in the text (“百日攻坚”行动 also matches 百日攻坚行动).

    Returns
    -------
    list of Mention
        Longest forms first, no two overlapping, in text order.
    """
    norm = sdoc.source.norm
    taken = [False] * len(norm)
    out = []
    for form in sorted(forms, key=len, reverse=True):
        bare = form.replace("“", "").replace("”", "")
        rx = re.compile("[“”\"]?".join(re.escape(ch) for ch in bare))  # quotes optional anywhere
        for m in rx.finditer(norm):
            s, e = m.start(), m.end()
            if s > 0 and norm[s - 1] == "“":
                s -= 1
            if e < len(norm) and norm[e] == "”" and norm[s] == "“":
                e += 1
            if any(taken[s:e]):
                continue
            for i in range(s, e):
                taken[i] = True
            out.append(Mention(sdoc.name, "CAMPAIGN", sdoc.source.text[s:e], s, e, forms[form],
                               sdoc.evidence(s, e), rule="given"))
    return sorted(out, key=lambda m: m.start)


__all__ = ["campaign_mentions_for"]
