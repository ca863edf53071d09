"""The ``kg_measures`` spaCy component: :class:`kg.extract.measures.MeasuresFinder` over a document.

It runs last, reads ``doc._.kg_metrics`` and the CAMPAIGN mentions of ``doc._.kg_mentions`` and appends
MEASURES :class:`kg.model.RelationMention` records to ``doc._.kg_relations``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.measures import MeasuresFinder
from kg.lexicon import Lexicon


class MeasuresComponent:
    """spaCy component: append MEASURES relations to ``doc._.kg_relations``."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.finder = MeasuresFinder(lexicon)

    def __call__(self, doc: Doc) -> Doc:
        sdoc = doc._.kg_document
        relations = list(doc._.kg_relations or [])
        if sdoc is not None:
            relations += self.finder.find(sdoc, list(doc._.kg_metrics or []), list(doc._.kg_mentions or []))
        doc._.kg_relations = relations
        return doc


@Language.factory("kg_measures")
def make_kg_measures(nlp: Language, name: str) -> MeasuresComponent:
    """Factory of the ``kg_measures`` component, with the pipeline's lexicon (:func:`kg.extract.build_nlp`)."""
    return MeasuresComponent(getattr(nlp, "user_data", {}).get("kg_lexicon"))
