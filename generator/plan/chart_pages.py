"""The full-size chart pages: each chart also gets a page of its own inside the site, where it
is shown at its natural size with zoom controls, its legend and its list form.

The chart itself is the one planned for its page (same id, drawn once); its links are made
relative to the full-size page when it is filled in.
"""

from __future__ import annotations

import posixpath

from generator.plan.org_charts import Chart
from generator.plan.page import Link, PagePlan, trail
from generator.urls import chart_file

#: The last step of a full-size page's breadcrumb trail.
FULL_SIZE = "Bagan ukuran penuh"


def full_size_page(page: PagePlan, chart: Chart) -> PagePlan:
    """The page that shows one of ``page``'s charts full size."""
    doc = page.chart_page(chart)
    # The trail of the page the chart belongs to, with that page as a link, then this page.
    above = page.crumbs[:-1] if page.crumbs else trail()
    steps = (*above, Link(page.crumbs[-1].label if page.crumbs else page.title, page.path))
    file = posixpath.basename(chart_file(page.path, page.chart_name(chart)))
    return PagePlan(
        doc,
        "chart_page.md.j2",
        chart.title,
        f"{chart.title} dalam ukuran penuh, dapat diperbesar dan diperkecil",
        {"source": Link(page.title, page.path), "svg_file": file},
        chart,
        (*steps, Link(FULL_SIZE)),
        full_size=True,
    )


def full_size_pages(pages: list[PagePlan]) -> list[PagePlan]:
    """A full-size page for every chart of every page."""
    return [full_size_page(page, chart) for page in pages for chart in page.charts]
