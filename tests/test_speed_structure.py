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
