"""The quick Doc of extract_document has exactly the tokens of ``nlp.make_doc``."""

import pytest

from kg.extract import build_nlp, char_doc


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


@pytest.mark.parametrize("text", [
    "", " ", "  ", "\n", " \n ", "交通", "交 通", "交  通", "交 \n通", "交\n 通", " 交通 ", "交通  ", "交通 ",
    "\t交\u3000通\u00a0局\r\n", "a b\n\nc  d ", "英德市交通运输局。\n\n（一）开展“百日攻坚”行动 \n",
])
def test_char_doc_matches_make_doc(nlp, text):
    ours, theirs = char_doc(nlp, text), nlp.make_doc(text)
    assert ours.text == text
    assert [(t.text, t.whitespace_, t.idx, t.orth) for t in ours] == \
        [(t.text, t.whitespace_, t.idx, t.orth) for t in theirs]


def test_char_doc_matches_make_doc_on_random_whitespace(nlp):
    import random
    rng = random.Random(6)
    alphabet = ["交", "通", "a", "1", " ", " ", "\n", "\t", "\u3000", "\r"]
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(12)))
        assert [(t.text, t.whitespace_) for t in char_doc(nlp, text)] == \
            [(t.text, t.whitespace_) for t in nlp.make_doc(text)], repr(text)
