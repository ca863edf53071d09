"""Who reports a metric: the body its clause or sentence names as subject, else the author.

The ``kg_reporters`` component runs after ``kg_relations`` (which resolves
self-references: 我局, 我们, 支队 in a 支队's report stand for the author) and
sets :attr:`kg.model.MetricMention.reporter` and ``reporter_how`` on every
metric, with the subject machinery of the relations (:class:`kg.extract.subjects.Subjects`):
the AGENCY or ORGANIZATION opening the metric's clause (after time and place
adverbials), else the subject of an earlier clause of its sentence (or of the
sentence before a semicolon, or of the sentence before in its paragraph when the metric's
sentence opens with the body's own enforcement work: X大队持续开展…。上半年出动执法人员N人次),
else the speaker of its paragraph — these are
``subject`` — else the nearest mention of the author (``author``). A pivot verb
(督促企业整改隐患X处) does not make its object the reporter, and a section
heading does not report the numbers of its body, and neither does a body the
metric counts (A、B等6所机构被评为AAA级). Without an author and a subject, a metric
has no reporter.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.clauses import split_clauses
from kg.extract.selfref import TIME_WORDS
from kg.extract.spans import inside
from kg.extract.subjects import Subjects
from kg.model import Mention, MetricMention, StructuredDocument
from kg.structure.author import narrator


#: a sentence opening with what a body itself does, no subject named (上半年，出动执法人员N人次): the body of the
#: sentence before does it; a sentence opening with a sector's figure (全年发送旅客N人次) is the author's
_OWN_ACTION = re.compile(rf"\s*(?:(?:{'|'.join(TIME_WORDS)}|其中)[,，]?)?(?:共|累计)?"
                         r"(?:出动|检查|查处|查扣|处罚|立案)")
#: what stands between a body and a metric that counts the list the body opens: (、B、C)等
_EXAMPLES_COUNTED = re.compile(r"[^，,；;。：:]{0,60}?等")


def find_reporters(sdoc: StructuredDocument, mentions: list[Mention], metrics: list[MetricMention]) -> list[Mention]:
    """Set ``reporter`` and ``reporter_how`` on each of ``metrics``.

    Parameters
    ----------
    sdoc : StructuredDocument
    mentions : list of Mention
        The document's entity mentions, self-references resolved.
    metrics : list of MetricMention
        Changed in place.

    Returns
    -------
    list of Mention
        Mentions of the author made where the text writes its name and no
        mention names it (to add to the document's mentions).
    """
    norm = sdoc.source.norm
    added: list[Mention] = []
    subjects = Subjects(sdoc, narrator(sdoc), list(mentions), added, lambda sent: [])
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
    m_starts = [m.start for m in ordered]
    todo = sorted(metrics, key=lambda m: m.start)
    t_starts = [m.start for m in todo]
    paragraph, opened = -1, []  # the body that opened the last sentence of the paragraph with a subject
    for sent in sdoc.sentences:
        in_sent = inside(todo, t_starts, sent.start, sent.end)
        sent_mentions = inside(ordered, m_starts, sent.start, sent.end)
        subjects.start_sentence(norm, sent, sent_mentions)
        if sent.paragraph != paragraph:
            paragraph, opened = sent.paragraph, []
        elif opened and not subjects.carried and not subjects.generic_carried and _OWN_ACTION.match(norm, sent.start):
            # X大队持续开展…。上半年出动执法人员N人次: the body goes on reporting the numbers after it
            subjects.carried = opened
        if not in_sent and not sent_mentions:
            continue  # no metric, and no body that could go on to the next sentence
        s_starts, c_starts = [m.start for m in sent_mentions], [m.start for m in in_sent]
        for k, clause in enumerate(split_clauses(norm, sent.start, sent.end, [(m.start, m.end) for m in sent_mentions])):
            in_clause = inside(sent_mentions, s_starts, clause.start, clause.end)
            subj = subjects.subjects_of(norm, clause, in_clause)
            if k == 0:
                opened = subj or opened
            counted = inside(in_sent, c_starts, clause.start, clause.end)
            if counted:
                find = subjects.sourced_resolver(norm, clause, in_clause, subj, pivots=False)
                for metric in counted:
                    who, how = find(metric.start)
                    if who and _EXAMPLES_COUNTED.fullmatch(norm, who[0].end, metric.start):
                        # A、B等6所机构被评为AAA级: the bodies are what is counted, not who reports it
                        author = subjects.author_mention(metric.start)
                        who, how = ([author], "author") if author is not None else ([], how)
                    if who:
                        metric.reporter = who[0]
                        metric.reporter_how = "author" if how == "author" else "subject"
            subjects.end_clause(subj)
    for metric in todo:  # outside every sentence: the author
        if metric.reporter is None and (author := subjects.author_mention(metric.start)) is not None:
            metric.reporter, metric.reporter_how = author, "author"
    return added


class ReportersComponent:
    """spaCy component: the reporters of ``doc._.kg_metrics`` from ``doc._.kg_mentions``."""

    def __call__(self, doc: Doc) -> Doc:
        sdoc = doc._.kg_document
        if sdoc is None or not doc._.kg_metrics:
            return doc
        mentions = doc._.kg_mentions if doc._.kg_mentions is not None else []
        mentions.extend(find_reporters(sdoc, mentions, doc._.kg_metrics))
        doc._.kg_mentions = mentions
        return doc


@Language.factory("kg_reporters")
def make_kg_reporters(nlp: Language, name: str) -> ReportersComponent:
    """Factory of the ``kg_reporters`` component."""
    return ReportersComponent()


__all__ = ["ReportersComponent", "find_reporters"]
