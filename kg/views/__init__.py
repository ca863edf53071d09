"""Views: offline HTML pages of the graph (pyvis 0.3.2 / vis-network 9.1.2).

>>> from kg.views import write_views
>>> pages = write_views(graph, Path("out/visualizations"))    # doctest: +SKIP

Views read only the graph (:mod:`kg.schema`); they never import the extractor.
Modules: :mod:`~kg.views.facts` (indexes over the graph),
:mod:`~kg.views.selections` (what each page draws),
:mod:`~kg.views.tooltips` and :mod:`~kg.views.escape` (safe HTML),
:mod:`~kg.views.render` (pyvis network -> page), :mod:`~kg.views.site`
(every page plus the index).
"""

from kg.views.site import write_views

__all__ = ["write_views"]
