"""Structure: headings, paragraphs, sentences and metadata of a document.

:func:`structure_document` turns a :class:`kg.model.SourceDocument` into a
:class:`kg.model.StructuredDocument`: the section tree (一、 / （一） / 1. /
（1） / 一是 enumerations), paragraphs (non-blank lines), sentences (split on
。！？； and line breaks, never inside 《》; one too long for the rules is cut
into pieces and reported in ``warnings``) and :class:`kg.model.DocumentMeta`
(title, years, period, kind, author, jurisdiction from the gazetteer in
``data/gazetteer/divisions.tsv``).
"""

from kg.structure.gazetteer import Gazetteer, gazetteer

__all__ = ["Gazetteer", "gazetteer", "structure_document"]


def __getattr__(name: str):
    """:func:`structure_document` on first use: a process that only links (a build's main process imports this package
    for the gazetteer) need not compile the structure stage's patterns."""
    if name == "structure_document":
        from kg.structure.document import structure_document

        return structure_document
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
