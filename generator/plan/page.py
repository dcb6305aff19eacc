"""What a planned page is: its place, its template, what it says about itself, and its inputs.

Paths are relative to ``docs/``; MkDocs serves ``x/index.md`` and ``x.md`` at ``x/``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.plan.org_charts import Chart
from generator.urls import chart_page_doc

HOME_DOC = "index.md"


@dataclass(frozen=True)
class Link:
    """A labelled link to a page; in a breadcrumb trail the last step (the page itself) has none."""

    label: str
    doc: str | None = None


@dataclass(frozen=True)
class PagePlan:
    """One Markdown page to render.

    Everything a template would otherwise decide (search weight, the names search should know,
    the trail back home) is decided here, so templates only print.
    """

    path: str
    template: str
    title: str
    description: str
    context: dict[str, Any] = field(default_factory=dict)
    chart: Chart | None = None
    crumbs: tuple[Link, ...] = ()
    search_boost: float | None = None
    search_names: tuple[str, ...] = ()
    """Names that search weighs like the title (official name, abbreviations, aliases)."""
    search_roots: tuple[str, ...] = ()
    """Indonesian root forms of those names, indexed but not shown."""
    source_file: str | None = None
    """The content file this page is made from, relative to the project (for edit links)."""
    extra_charts: tuple[Chart, ...] = ()
    """Further charts on the page; each is drawn in its own slot and saved as ``<id>.svg``."""
    edit_url: str | None = None
    """Where that file opens in the repository host's editor (set from mkdocs.yml's repo_url)."""
    full_size: bool = False
    """The page shows another page's chart full size: the chart is drawn once, for that page,
    and this page gets no chart file of its own."""
    crumb_note: str = ""
    """Said after the trail when a step of it is not sure, e.g. 'unit atasan belum dipastikan':
    the trail follows the inferred parent, and must not state it as fact."""

    @property
    def charts(self) -> tuple[Chart, ...]:
        """Every chart on the page, the main one first."""
        return (*((self.chart,) if self.chart else ()), *self.extra_charts)

    def chart_name(self, chart: Chart) -> str:
        """The full-size file's name beside the page: 'bagan' for the first chart, else its id."""
        return "bagan" if chart is self.charts[0] else chart.id

    def chart_page(self, chart: Chart) -> str:
        """The docs/ path of the page that shows ``chart`` full size."""
        return chart_page_doc(self.path, self.chart_name(chart))


@dataclass(frozen=True)
class SitePlan:
    """All pages, and the navigation of each generated section, by the section's index page.

    The build splices these into the hand-written nav and writes the complete navigation into
    the generated MkDocs configuration.
    """

    pages: tuple[PagePlan, ...]
    navs: dict[str, list[Any]]


def trail(*steps: tuple[str, str | None]) -> tuple[Link, ...]:
    """A breadcrumb trail starting at the home page.

    >>> [c.label for c in trail(("Dasar Hukum", "dasar-hukum/index.md"), ("UU 7/2017", None))]
    ['Beranda', 'Dasar Hukum', 'UU 7/2017']
    """
    return (Link("Beranda", HOME_DOC), *(Link(label, doc) for label, doc in steps))
