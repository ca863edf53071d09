"""The two-phase link (kg.resolve.linking.Linker, kg.resolve.indicators.IndicatorLinker): any split of the documents
into a first phase and a finish gives exactly what linking them all in one go gives."""

import random

import pytest

from kg.model import DocGroups, GroupSummary, IndicatorSummary
from kg.resolve import Linker, link
from kg.resolve.indicators import IndicatorLinker, link_indicators
from kg.resolve.names import campaign_signature, is_masked, unmasked_length

# made-up names: unmasked ones, masked ones that fit one or several of them, and one that fits a masked name
CAMPAIGNS = ["长沙市道路运输安全专项整治行动", "株洲市道路运输安全专项整治行动", "全省执法领域突出问题专项整治行动",
             "XX市道路运输安全专项整治行动", "*执法领域突出问题专项整治行动", "X省执法领域突出问题专项整治行动",
             "长沙市道路运输安全专项整治", "XX市XX运输安全专项整治行动"]
REGULATIONS = ["湖南省道路运输条例", "湖北省道路运输条例", "XX省道路运输条例", "湖南省公路条例", "X南省道路运输条例"]
AGENCIES = ["交通运输部", "中华人民共和国交通运输部", "市交通运输局", "省交通运输厅"]


def _group(rng: random.Random, doc: str) -> GroupSummary:
    label, names = rng.choice([("CAMPAIGN", CAMPAIGNS), ("REGULATION", REGULATIONS), ("AGENCY", AGENCIES)])
    key = rng.choice(names)
    link_key = campaign_signature(key) if label == "CAMPAIGN" and not is_masked(key) else key
    scope = rng.choice(["global", "global", "adcode:430100", f"doc:{doc}"])
    aliases = tuple(sorted({key, *rng.sample(names, rng.randint(0, 2)), f"{doc}的{key[-2:]}"}))
    joinable = label != "AGENCY" and is_masked(key) and unmasked_length(key) >= 6
    return GroupSummary(label, key, link_key, scope, rng.randint(1, 5), aliases, joinable)


def _corpus(seed: int) -> list[DocGroups]:
    rng = random.Random(seed)
    names = rng.sample([f"{i:03d}.txt" for i in range(200)], rng.randint(1, 25))
    return [DocGroups(doc, [_group(rng, doc) for _ in range(rng.randint(0, 6))], {}) for doc in names]


def _exact(linking) -> list:
    """Everything of a Linking, every set, dict and list in its iteration order."""
    return [[(ident, e.id, e.label, e.name, e.scope, list(e.aliases), list(e.docs), e.masked,
              list(e.doc_names.items()), e.mention_count) for ident, e in linking.entities.items()],
            list(linking.ids.items())]


@pytest.mark.parametrize("seed", range(60))
def test_any_split_into_two_phases_links_exactly_as_one_pass(seed):
    docs = _corpus(seed)
    whole = _exact(link(docs))
    rng = random.Random(seed + 1000)
    for _ in range(4):
        first = [d for d in docs if rng.random() < 0.7]
        rest = [d for d in docs if d not in first]
        rng.shuffle(first)
        assert _exact(Linker(first).finish(rest)) == whole
    assert _exact(Linker().finish(docs)) == whole


def test_the_made_up_corpora_join_masked_names():
    """The property above covers the masked joins: some made-up corpora move a masked name into an unmasked one."""
    joined = 0
    for seed in range(60):
        linking = link(_corpus(seed))
        joined += sum(1 for e in linking.entities.values() if e.masked is False and any(map(is_masked, e.doc_names.values())))
    assert joined > 0


def test_a_new_documents_name_can_stop_a_masked_join():
    """XX省道路运输条例 (of one province) joins the one global name its mask fits; a new document's second fitting name
    leaves it apart."""
    def doc(name, key):
        scope = "adcode:430000" if is_masked(key) else "global"
        return DocGroups(name, [GroupSummary("REGULATION", key, key, scope, 1, (key,),
                                             is_masked(key) and unmasked_length(key) >= 6)], {})

    first = [doc("a.txt", "XX省道路运输条例"), doc("b.txt", "湖南省道路运输条例")]
    alone = Linker(first).finish()
    assert alone.ids["a.txt"] == alone.ids["b.txt"]
    both = Linker(first).finish([doc("c.txt", "湖北省道路运输条例")])
    assert both.ids["a.txt"] != both.ids["b.txt"]
    assert _exact(both) == _exact(link(first + [doc("c.txt", "湖北省道路运输条例")]))


def test_a_document_linked_twice_is_refused():
    d = DocGroups("a.txt", [], {})
    with pytest.raises(ValueError, match="a.txt"):
        Linker([d]).finish([d])


def _indicator_corpus(seed: int) -> list[tuple[str, list[IndicatorSummary]]]:
    rng = random.Random(seed)
    keys = [f"k{i}|count" for i in range(8)]
    out = []
    for doc in rng.sample([f"{i:03d}.txt" for i in range(100)], rng.randint(1, 20)):
        summaries = [IndicatorSummary(key, f"{doc}:{key}", "count", rng.choice("件宗次"),
                                      tuple(sorted(rng.sample(["查处", "检查", "整改", doc], 2))), rng.randint(1, 4))
                     for key in rng.sample(keys, rng.randint(0, 4))]
        out.append((doc, summaries))
    return out


def _exact_indicators(found) -> list:
    return [(i, x.id, x.key, x.name, x.dimension, x.unit, list(x.aliases), list(x.docs), x.metrics)
            for i, x in found.items()]


@pytest.mark.parametrize("seed", range(40))
def test_indicators_any_split_into_two_phases_adds_up_exactly_as_one_pass(seed):
    docs = _indicator_corpus(seed)
    whole = _exact_indicators(link_indicators(docs))
    rng = random.Random(seed)
    for _ in range(4):
        first = [d for d in docs if rng.random() < 0.6]
        rest = [d for d in docs if d not in first]
        assert _exact_indicators(IndicatorLinker(first).finish(rest)) == whole
    assert _exact_indicators(IndicatorLinker().finish(docs)) == whole
