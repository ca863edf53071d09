"""Extract: entities, metrics and relations with ``spacy.blank("zh")``.

The pipeline is a blank Chinese ``Language`` (character segmentation, so a
token is one character and token offsets are character offsets) with our own
components, registered with ``@Language.factory``:

``kg_entities``  (kg/extract/entities.py)  -> ``doc._.kg_mentions``
``kg_metrics``   (kg/extract/metrics.py)   -> ``doc._.kg_metrics``
``kg_relations`` (kg/extract/relations.py) -> ``doc._.kg_relations`` (CONDUCTS, ISSUES, COOPERATES_WITH)
``kg_measures``  (kg/extract/measures.py)  -> ``doc._.kg_relations`` (MEASURES)

The spaCy ``Doc`` is made from ``SourceDocument.norm`` (same length as the
text); ``doc._.kg_document`` holds the :class:`kg.model.StructuredDocument`.
"""

from __future__ import annotations

import itertools
import re

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.model import DocExtraction, StructuredDocument

for _ext in ("kg_document", "kg_mentions", "kg_metrics", "kg_relations", "kg_lexicon"):
    if not Doc.has_extension(_ext):
        Doc.set_extension(_ext, default=None)

# importing the modules registers their factories
from kg.extract import entities, measures, metrics, relations  # noqa: E402,F401
from kg.lexicon import Lexicon, load_lexicon  # noqa: E402

PIPES = ("kg_entities", "kg_metrics", "kg_relations", "kg_measures")
#: ``\s`` matches exactly the characters for which ``str.isspace()`` is true
_WHITESPACE = re.compile(r"\s+")


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


def char_doc(nlp: Language, text: str) -> Doc:
    """The ``Doc`` that ``nlp.make_doc(text)`` gives with the character segmenter, in linear time.

    Every non-space character is a token; a single space right after one is
    its trailing whitespace; any other run of whitespace is a token of its
    own. spaCy's own alignment (``util.get_words_and_spaces``) copies the rest
    of the text for every character, which is quadratic in the length.

    Parameters
    ----------
    nlp : spacy.language.Language
        A pipeline from :func:`build_nlp`; its vocabulary holds the tokens.
    text : str

    Returns
    -------
    spacy.tokens.Doc
    """
    add = nlp.vocab.strings.add
    orths = {ch: add(ch) for ch in set(text) if not ch.isspace()}
    orth = orths.__getitem__
    # the Doc is much quicker to make from orth ids than from strings, and a list of ids
    # costs a pointer per character where a list of one-character strings costs a string
    words: list[int] = []
    spaces: list[bool] = []
    pos = 0
    for m in _WHITESPACE.finditer(text):
        start, end = m.span()
        words.extend(map(orth, text[pos:start]))
        spaces.extend(itertools.repeat(False, start - pos))
        if start > 0 and text[start] == " ":
            spaces[-1] = True
            start += 1
        if start < end:
            words.append(add(text[start:end]))
            spaces.append(False)
        pos = end
    words.extend(map(orth, text[pos:]))
    spaces.extend(itertools.repeat(False, len(text) - pos))
    return Doc(nlp.vocab, words=words, spaces=spaces)


def extract_document(sdoc: StructuredDocument, nlp: Language) -> DocExtraction:
    """Run the pipeline over one structured document; its warnings are the structure stage's."""
    doc = char_doc(nlp, sdoc.source.norm)
    doc._.kg_document = sdoc
    doc._.kg_lexicon = nlp.user_data.get("kg_lexicon")
    doc._.kg_mentions, doc._.kg_metrics, doc._.kg_relations = [], [], []
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return DocExtraction(sdoc, list(doc._.kg_mentions), list(doc._.kg_metrics), list(doc._.kg_relations),
                         warnings=list(sdoc.warnings))


__all__ = ["Lexicon", "build_nlp", "char_doc", "extract_document", "load_lexicon"]
