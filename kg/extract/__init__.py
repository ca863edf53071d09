"""Extract: entities, metrics and relations with ``spacy.blank("zh")``.

The pipeline is a blank Chinese ``Language`` with our own components,
registered with ``@Language.factory``:

``kg_entities``  (kg/extract/entities.py)  -> ``doc._.kg_mentions`` (and ``doc._.kg_aliases``, surfaces
                                             joined to the mentions after the relations are read)
``kg_metrics``   (kg/extract/metrics.py)   -> ``doc._.kg_metrics``
``kg_relations`` (kg/extract/relation_component.py) -> ``doc._.kg_relations`` (CONDUCTS, ISSUES, COOPERATES_WITH)
``kg_reporters`` (kg/extract/reporters.py) -> ``MetricMention.reporter`` of ``doc._.kg_metrics``
``kg_measures``  (kg/extract/measure_component.py) -> ``doc._.kg_relations`` (MEASURES)

The spaCy ``Doc`` is made from ``SourceDocument.norm`` (same length as the
text) by :func:`text_doc`; ``doc._.kg_document`` holds the
:class:`kg.model.StructuredDocument`. The components read characters of
``doc.text`` and the structured document, never tokens, so every offset they
give is a character offset.
"""

from __future__ import annotations

import re

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.model import DocExtraction, StructuredDocument

for _ext in ("kg_document", "kg_mentions", "kg_aliases", "kg_metrics", "kg_relations", "kg_lexicon"):
    if not Doc.has_extension(_ext):
        Doc.set_extension(_ext, default=None)

# importing the modules registers their factories
from kg.extract import entities, measure_component, metrics, relation_component, reporters  # noqa: E402,F401
from kg.lexicon import Lexicon, load_lexicon  # noqa: E402

PIPES = ("kg_entities", "kg_metrics", "kg_relations", "kg_reporters", "kg_measures")
_RUNS = re.compile(r"\S+|\s+")


def build_nlp(lexicon: Lexicon | None = None) -> Language:
    """Build the extraction pipeline.

    Parameters
    ----------
    lexicon : Lexicon, optional
        Shipped dictionaries plus user lexicons (:func:`load_lexicon`); the
        shipped ones alone by default.

    Returns
    -------
    spacy.language.Language
        A blank ``zh`` pipeline with the kg components.
    """
    nlp = spacy.blank("zh")
    # a blank Language has no place for shared resources: components read this one
    nlp.user_data = {"kg_lexicon": lexicon if lexicon is not None else load_lexicon([])}
    for pipe in PIPES:
        nlp.add_pipe(pipe)
    return nlp


def text_doc(nlp: Language, text: str) -> Doc:
    """The ``Doc`` of ``text``: one token per run of non-space characters or of whitespace.

    The components read the characters of ``doc.text``, not tokens; a token per
    character (what the blank ``zh`` segmenter gives) would cost about 120
    bytes a character, 0.8 GB for a document of 20 MB, for nothing.

    Parameters
    ----------
    nlp : spacy.language.Language
        A pipeline from :func:`build_nlp`; its vocabulary holds the tokens.
    text : str

    Returns
    -------
    spacy.tokens.Doc
        ``doc.text == text``.
    """
    add = nlp.vocab.strings.add
    words = [add(run) for run in _RUNS.findall(text)]
    return Doc(nlp.vocab, words=words, spaces=[False] * len(words))


def extract_document(sdoc: StructuredDocument, nlp: Language) -> DocExtraction:
    """Run the pipeline over one structured document; its warnings are the structure stage's."""
    doc = text_doc(nlp, sdoc.source.norm)
    doc._.kg_document = sdoc
    doc._.kg_lexicon = nlp.user_data.get("kg_lexicon")
    doc._.kg_mentions, doc._.kg_aliases, doc._.kg_metrics, doc._.kg_relations = [], [], [], []
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    mentions = sorted(list(doc._.kg_mentions) + list(doc._.kg_aliases or []), key=lambda m: (m.start, m.end))
    return DocExtraction(sdoc, mentions, list(doc._.kg_metrics), list(doc._.kg_relations),
                         warnings=list(sdoc.warnings))


__all__ = ["Lexicon", "build_nlp", "extract_document", "load_lexicon", "text_doc"]
