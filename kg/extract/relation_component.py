"""The ``kg_relations`` spaCy component: :class:`kg.extract.relations.RelationExtractor` over a document.

It runs after ``kg_entities`` and ``kg_metrics``, reads ``doc._.kg_mentions`` (self-references are resolved
in place and author mentions added) and appends :class:`kg.model.RelationMention` records to
``doc._.kg_relations``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.relations import RelationExtractor


class RelationComponent:
    """The ``kg_relations`` pipeline component."""

    def __init__(self, extractor: RelationExtractor) -> None:
        self.extractor = extractor

    def __call__(self, doc: Doc) -> Doc:
        sdoc = doc._.kg_document
        if sdoc is None:
            return doc
        mentions = doc._.kg_mentions if doc._.kg_mentions is not None else []
        result = self.extractor.extract(sdoc, mentions)
        mentions[:] = result.mentions
        doc._.kg_mentions = mentions
        if doc._.kg_relations is None:
            doc._.kg_relations = []
        doc._.kg_relations.extend(result.relations)
        return doc


@Language.factory("kg_relations")
def make_kg_relations(nlp: Language, name: str) -> RelationComponent:
    """spaCy factory for :class:`RelationComponent` with the shipped trigger list and the pipeline's lexicon."""
    return RelationComponent(RelationExtractor(lexicon=getattr(nlp, "user_data", {}).get("kg_lexicon")))
