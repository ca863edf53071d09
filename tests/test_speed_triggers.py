"""Trigger hits found once per text answer every span as a scan of the span does."""

import random

from kg.extract.triggers import TriggerLexicon, load_triggers


def test_text_triggers_equal_span_scans_on_random_text():
    rng = random.Random(6)
    lex = TriggerLexicon()
    for word in ("开展", "展开", "开", "开展开", "联合", "合作", "联"):
        lex.add("CONDUCTS", word, "pre")
    lex.add("COOPERATES_WITH", "合作", "partner")
    for _ in range(500):
        text = "".join(rng.choice("开展联合作。") for _ in range(rng.randrange(0, 20)))
        found = lex.in_text(text)
        for _ in range(20):
            start = rng.randrange(0, len(text) + 1)
            end = rng.randrange(start, len(text) + 1)
            for rel, frame in lex.words:
                assert found.find(rel, frame, start, end) == lex.find(text, rel, frame, start, end)


def test_text_triggers_equal_span_scans_with_the_shipped_triggers():
    lex = load_triggers()
    text = "市交通运输局会同市公安局联合开展“百日攻坚”专项整治行动，印发实施方案，组织开展培训。"
    found = lex.in_text(text)
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            for rel, frame in lex.words:
                assert found.find(rel, frame, start, end) == lex.find(text, rel, frame, start, end)
