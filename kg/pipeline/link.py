"""The link of a build in two phases: the cached documents while the workers extract the new ones, then the rest."""

from __future__ import annotations

from collections.abc import Iterator

from kg.model import DocGroups
from kg.pipeline.cache import DocRecord
from kg.pipeline.indicator_link import IndicatorRelink, state_table
from kg.pipeline.scan import Progress
from kg.resolve import Linker
from kg.resolve.indicators import IndicatorLinker


class TwoPhaseLink:
    """The link of a build in two phases (:class:`~kg.resolve.Linker`, :class:`~kg.resolve.indicators.IndicatorLinker`):
    the cached documents while the workers extract the others (:meth:`start`), then the rest (:meth:`finish`). A build
    with nothing cached starts with every document and finishes with none. With ``relink`` (the last build's indicator
    link) only the indicators of changed documents are added up again."""

    def __init__(self, progress: Progress, relink: IndicatorRelink | None = None) -> None:
        self.progress, self.relink = progress, relink
        self.first: set[str] | None = None
        self.entities: Linker | None = None
        self.indicators: IndicatorLinker | None = None

    def start(self, recs: list[DocRecord]) -> None:
        """Link the cached documents while the workers extract the others.

        Parameters
        ----------
        recs : list of DocRecord
            The documents cached.
        """
        self.first = {r.name for r in recs}
        self.entities = Linker(DocGroups(doc=r.name, groups=r.groups, group_of={}, jurisdiction=r.jurisdiction)
                               for r in recs)
        if self.relink is not None:
            self.relink.start(recs)
        else:
            self.indicators = IndicatorLinker((r.name, r.summaries()) for r in recs)

    def finish(self, ordered: list[DocRecord]):
        """The :class:`~kg.model.Linking` and the indicators of every document of ``ordered`` (in name order)."""
        if self.first is None:
            self.start(ordered)
        rest = [r for r in ordered if r.name not in self.first]

        def fed() -> Iterator[DocGroups]:
            for i, r in enumerate(rest, len(self.first) + 1):
                self.progress("link", i, len(ordered), r.name)
                yield DocGroups(doc=r.name, groups=r.groups, group_of={}, jurisdiction=r.jurisdiction)

        linking = self.entities.finish(fed())
        if self.relink is not None:
            indicators = self.relink.finish(ordered)
        else:
            indicators = self.indicators.finish((r.name, r.summaries()) for r in rest)
        self.progress("link", len(ordered), len(ordered), "")
        return linking, indicators

    def state(self):
        """The indicator link as :func:`~kg.pipeline.indicator_link.state_table` keeps it for the next build (after
        :meth:`finish`)."""
        if self.relink is not None:
            return self.relink.state()
        return state_table(self.indicators.order, self.indicators.found, self.indicators.parts)
