"""The Doc of extract_document holds the text exactly, in runs, in memory that does not grow per character."""

import random

import pytest

from kg.extract import build_nlp, text_doc


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


@pytest.mark.parametrize("text", [
    "", " ", "  ", "\n", " \n ", "交通", "交 通", "交  通", "交 \n通", "交\n 通", " 交通 ", "交通  ", "交通 ",
    "\t交\u3000通\u00a0局\r\n", "a b\n\nc  d ", "英德市交通运输局。\n\n（一）开展“百日攻坚”行动 \n",
])
def test_the_doc_holds_the_text_in_runs(nlp, text):
    doc = text_doc(nlp, text)
    assert doc.text == text
    assert "".join(t.text for t in doc) == text
    for t in doc:
        assert t.text.isspace() or not any(ch.isspace() for ch in t.text)
        assert text[t.idx:t.idx + len(t.text)] == t.text


def test_random_text_round_trips(nlp):
    rng = random.Random(6)
    alphabet = ["交", "通", "a", "1", " ", " ", "\n", "\t", "\u3000", "\r"]
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(12)))
        assert text_doc(nlp, text).text == text, repr(text)


def test_a_long_line_is_one_token(nlp):
    text = "交通运输局开展专项整治行动" * 10_000
    assert len(text_doc(nlp, text)) == 1
