"""Shortcuts of the structure stage find what the plain searches find."""

import random
from pathlib import Path

from kg.ingest import read_corpus
from kg.structure import author

_CORPUS = Path(__file__).resolve().parent / "data" / "unseen" / "corpus"


def test_leads_search_near_the_first_daling_equals_a_full_search():
    rng = random.Random(6)
    texts = [d.norm for d in read_corpus(_CORPUS)]
    phrases = ["党组带领", "领导班子团结带领", "党委带领", "带领", "委员会党委带领", "局党组团结带领", "，支队党委带领"]
    for _ in range(1000):
        t = rng.choice(texts)
        i = rng.randrange(len(t))
        s = t[max(0, i - rng.randrange(60)):i] + rng.choice(phrases) + t[i:i + rng.randrange(40)]
        s += rng.choice(["", rng.choice(phrases)])
        full = author._LEADS.search(s)
        at = s.find("带领")
        short = author._LEADS.search(s, max(0, at - author._LEADS_REACH))
        assert (full and (full.span(), full.group("a"))) == (short and (short.span(), short.group("a"))), s


def test_years_equal_those_of_the_look_behind_pattern():
    import re

    from kg.structure.metadata import years

    before = re.compile(r"(?<![\d.])(20\d{2})(?=\s*(?:年|上半年|下半年|[-—–~至]\s*20\d{2}))|(?<=[-—–~至])\s*(20\d{2})(?=年)")

    def reference(norm):
        return sorted({int(a or b) for a, b in before.findall(norm)})

    rng = random.Random(6)
    alphabet = list("20219.-—至年上半下 \nX") + ["2021", "2020年", "上半年", "2019-", "至2023"]  # no Chinese numerals
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 15)))
        assert years(text) == reference(text), text
