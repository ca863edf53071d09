"""A rebuild makes only the entity rows a changed document can change and patches the last build's table."""

from kg.model import DocGroups, GroupSummary, IndicatorSummary
from kg.pipeline.outputs import entity_table
from kg.resolve import link
from kg.resolve.indicators import link_indicators


def _build(docs: dict[str, list[GroupSummary]], inds: dict[str, list[IndicatorSummary]]):
    linking = link(DocGroups(doc=d, groups=g, group_of={}) for d, g in docs.items())
    return linking, link_indicators(sorted(inds.items()))


def _agency(key: str, mentions: int = 1, *aliases: str) -> GroupSummary:
    return GroupSummary("AGENCY", key, key, "national", mentions, tuple(sorted({key, *aliases})))


def test_a_patched_entity_table_is_the_full_table_and_says_what_changed():
    campaign = GroupSummary("CAMPAIGN", "百日行动", "百日行动", "national", 2, ("百日行动",))
    rule = GroupSummary("REGULATION", "道路运输条例", "道路运输条例", "national", 1, ("道路运输条例",))
    firm = GroupSummary("ORGANIZATION", "某公司", "某公司", "doc:c", 3, ("某公司",))
    old_docs = {"a": [_agency("交通局"), rule], "b": [_agency("交通局"), campaign], "c": [firm],
                "e": [_agency("公路局")]}
    old_inds = {"a": [IndicatorSummary("里程|长度", "里程", "长度", "公里", ("里程",), 2)],
                "b": [IndicatorSummary("事故|数量", "事故", "数量", "起", ("事故",), 1)]}
    new_docs = {"a": old_docs["a"], "b": [_agency("交通局", 5, "市交通局")], "d": [campaign],
                "e": old_docs["e"]}  # b edited, c removed, d added
    new_inds = {"a": old_inds["a"], "d": [IndicatorSummary("事故|数量", "事故", "数量", "件", ("事故数",), 4)]}
    old_linking, old_indicators = _build(old_docs, old_inds)
    old, none = entity_table(old_linking, old_indicators, None, None)
    assert none is None
    linking, indicators = _build(new_docs, new_inds)
    full, _ = entity_table(linking, indicators, None, None)
    table, patch = entity_table(linking, indicators, old, {"b", "c", "d"})
    assert table.equals(full)  # the same rows in the same order (entities by id, then indicators by id)
    assert table["label"].to_pylist()[-2:] == ["Indicator", "Indicator"]
    # made anew: the rows with b, c or d among their documents, old or new; the others come from the old table
    assert sorted(patch.rows["name"].to_pylist()) == sorted(["交通局", "百日行动", "事故"])
    assert patch.gone == {old_linking.ids["c"][0]}
    assert patch.was["id"].to_pylist() == patch.rows["id"].to_pylist()  # each new row beside its old one
    assert dict(zip(patch.rows["name"].to_pylist(), patch.was["docs"].to_pylist())) == {
        "交通局": ["a", "b"], "百日行动": ["b"], "事故": ["b"]}
    # nothing touched: the old table as it was, nothing made anew
    same, patch = entity_table(linking, indicators, table, set())
    assert same.equals(full) and patch.rows.num_rows == 0 and not patch.gone


def test_an_old_table_of_another_schema_means_the_full_table():
    linking, indicators = _build({"a": [_agency("交通局")]}, {})
    full, _ = entity_table(linking, indicators, None, None)
    table, patch = entity_table(linking, indicators, full.drop_columns(["masked"]), {"a"})
    assert patch is None and table.equals(full)
