"""SuffixTrie.matches answers exactly what walking the trie at every offset answers."""

import random

from kg.extract import load_lexicon
from kg.lexicon.charmatch import SuffixTrie


def _check(trie: SuffixTrie, text: str) -> None:
    got = trie.matches(text)
    assert list(got) == [(s, e, w, v) for e in range(1, len(text) + 1) for s, w, v in trie.ending_at(text, e)]
    for end in range(len(text) + 1):
        for lo in range(end + 1):
            assert list(got.ending_at(end, lo)) == trie.ending_at(text, end, lo)
            assert got.longest_ending_at(end, lo) == trie.longest_ending_at(text, end, lo)


def test_matches_equal_walks_on_random_text():
    rng = random.Random(6)
    for _ in range(200):
        words = {"".join(rng.choice("交通运输局-]^\\") for _ in range(rng.randrange(1, 5))): rng.random()
                 for _ in range(rng.randrange(0, 6))}
        text = "".join(rng.choice("交通运输局厅-]^\\ ") for _ in range(rng.randrange(0, 14)))
        _check(SuffixTrie(words), text)


def test_matches_equal_walks_with_the_shipped_vocabularies():
    lx = load_lexicon([])
    text = "英德市交通运输局会同市公安局、市场监管部门开展“百日攻坚”专项整治行动，落实党风廉政建设责任制。"
    for kind in ("known", "agency_heads", "places", "stems", "stopwords", "campaign_heads", "regulation_heads"):
        _check(lx.trie(kind), text)


def test_containing_lists_every_longer_word_with_every_offset():
    rng = random.Random(6)
    for _ in range(300):
        words = {"".join(rng.choice("交通运输局\n") for _ in range(rng.randrange(1, 6))): None for _ in range(8)}
        trie = SuffixTrie(words)
        for part in {"".join(rng.choice("交通运输局\n") for _ in range(rng.randrange(0, 3))) for _ in range(5)}:
            expected = {(i, w) for w in words if w and len(w) > len(part)
                        for i in range(len(w) - len(part) + 1) if w.startswith(part, i)}
            got = trie.containing(part)
            assert set(got) == expected and len(got) == len(expected), (words, part)
