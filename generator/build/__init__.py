"""The driver: the resolved graph → every generated file (Markdown pages, SVG, ICS, JSON, PDF).

Each feature (:mod:`generator.pages`, :mod:`~generator.calendar`, :mod:`~generator.diagrams`,
:mod:`~generator.handouts`, :mod:`~generator.opendata`) produces :class:`Output` objects;
:func:`render_site` runs them, on every CPU (:mod:`.parallel`), and collects the files. It
is also the one place that gives templates the features they embed
(:func:`register_template_globals`). Nothing here knows about MkDocs.
"""

from __future__ import annotations

from .. import calendar, diagrams
from ..calendar import render_calendar
from ..core.gcpause import paused_gc
from ..graph import Graph
from ..handouts import render_handouts, size_labels
from ..opendata import render_data
from ..pages import page_tasks, render_changes, render_redirects
from ..site import paths, templates
from ..site.output import Output, Outputs, SiteConfig
from .parallel import run_tasks

__all__ = ["Output", "Outputs", "SiteConfig", "register_template_globals", "render_site"]


def register_template_globals() -> None:
    """What page templates call besides links: diagrams drawn inline, the calendar's
    helpers, the PDF beside a page. Safe to call more than once."""
    templates.add_globals(diagrams=diagrams, calendar=calendar,
                          handout_path=paths.handout_path)


def render_site(graph: Graph, config: SiteConfig) -> Outputs:
    """Every generated file of the site.

    Diagrams come from the project's disk cache (``.cache/diagrams``); the ones it lacks are
    drawn first, many to a ``dot`` process. Then the pages, feeds and exports are rendered
    on every CPU (:mod:`.parallel`).
    """
    register_template_globals()
    outputs = Outputs()
    # Through the module, not names imported from it: tests swap diagrams.cache_folder.
    with paused_gc(), diagrams.diagram_session(diagrams.cache_folder(config)):
        diagrams.prepare(graph)  # before forking: the workers inherit the drawn diagrams
        # The PDFs before the pages: a page's download link says the PDF's pages and size.
        pdfs = render_handouts(graph, config) if config.handouts else []
        tasks = [
            *page_tasks(graph, config, pdf_labels=size_labels(pdfs)),
            lambda: render_data(graph, config),
            lambda: render_calendar(graph, config),
            lambda: diagrams.render_diagram_pages(graph, config),
            lambda: render_redirects(graph, config),
            lambda: render_changes(graph, config),
        ]
        outputs.extend(run_tasks(tasks, config.jobs))
        outputs.extend(pdfs)
    return outputs
