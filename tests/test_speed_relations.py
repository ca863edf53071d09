"""Mention look-ups of the relation rules answer as the plain scans they replace."""

import bisect
import random

from kg.extract.spans import MentionIndex
from kg.model import Evidence, Mention


def test_covers_equals_a_scan_of_the_last_fifty_spans():
    rng = random.Random(6)
    for _ in range(50):
        mentions = []
        for _ in range(rng.randrange(0, 120)):
            s = rng.randrange(0, 300)
            e = s + rng.randrange(1, 12)
            mentions.append(Mention("d", "AGENCY", "x", s, e, "x", Evidence("d", s, e, "x", 0, None)))
        index = MentionIndex(mentions)
        for _ in range(200):
            start = rng.randrange(0, 310)
            end = start + rng.randrange(1, 6)
            i = bisect.bisect_right(index.spans, (start, float("inf")))
            expected = any(s <= start and end <= e for s, e in index.spans[max(0, i - 50):i])
            assert index.covers(start, end) == expected


def scan_clauses(norm, start, end, protected):
    from kg.extract.clauses import CLAUSE_BREAKS, SENTENCE_BREAKS, Clause
    inside = [False] * (end - start)
    for s, e in protected:
        for i in range(max(s, start), min(e, end)):
            inside[i - start] = True
    clauses, cur, depth = [], start, 0
    for i in range(start, end):
        ch = norm[i]
        if ch in "“「『":
            depth += 1
        elif ch in "”」』" and depth:
            depth -= 1
        if ch in CLAUSE_BREAKS and not inside[i - start] and (depth == 0 or ch in SENTENCE_BREAKS):
            if norm[cur:i].strip():
                clauses.append(Clause(len(clauses), cur, i, start))
            cur = i + 1
            if ch in SENTENCE_BREAKS:
                depth = 0
    if norm[cur:end].strip():
        clauses.append(Clause(len(clauses), cur, end, start))
    return clauses


def test_split_clauses_equals_a_character_scan():
    from kg.extract.clauses import split_clauses
    rng = random.Random(6)
    for _ in range(3000):
        norm = "".join(rng.choice("交通,;:!?。！？；：，\n“”「」『』 ") for _ in range(rng.randrange(0, 20)))
        start = rng.randrange(0, len(norm) + 1)
        end = rng.randrange(start, len(norm) + 1)
        protected = [(a, a + rng.randrange(0, 5)) for a in (rng.randrange(0, 22) for _ in range(rng.randrange(3)))]
        assert split_clauses(norm, start, end, protected) == scan_clauses(norm, start, end, protected), norm


def test_bare_unit_pattern_with_the_unit_first_matches_as_before():
    import re

    rng = random.Random(6)
    organs = "党组|党委|领导班子"
    for unit in ("支队", "局", "委员会", "中心"):
        u = re.escape(unit)
        before = re.compile(rf"(?<![我本]){u}(?!长|员)(?:{organs})?")
        after = re.compile(rf"{u}(?<![我本]{u})(?!长|员)(?:{organs})?")
        alphabet = list("我本长员党组委领导班子，。") + [unit]
        for _ in range(2000):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 12)))
            assert [m.span() for m in before.finditer(text)] == [m.span() for m in after.finditer(text)], text
