"""Charts open on their root: at phone and desktop width, every chart's root box is on screen
on first load, inside the viewport and inside the chart's scroll box.

The root box is taken from the plan, not from the page's script: the box of the unit being
viewed, else the first box no line leads into.
"""

from __future__ import annotations

from typing import Any

import pytest

from generator.model.organisation import Organisation
from generator.plan.org_charts import Chart
from generator.plan.site import plan
from generator.urls import HISTORY_DOC, OVERVIEW_DOC, doc_url, unit_doc

from .conftest import open_page

pytestmark = [pytest.mark.site, pytest.mark.browser]

WIDTHS = (360, 1280)
#: Rounding of fractional pixels.
SLACK = 1.5


def root_box_id(chart: Chart) -> str:
    """The SVG id of the chart's root box: the current unit's, else the first without a line in."""
    heads = {edge.head for edge in chart.edges}
    index = next((i for i, n in enumerate(chart.nodes) if n.is_current), None)
    if index is None:
        index = next(i for i, n in enumerate(chart.nodes) if n.key not in heads)
    return f"{chart.id}-n{index}"


def chart_pages(org: Organisation) -> dict[str, tuple[Chart, ...]]:
    """The overview, the changes page, and the unit page whose chart is widest (most boxes)."""
    pages = {page.path: page.charts for page in plan(org).pages}
    widest = max(
        (u for u in org.units.values() if not u.is_former),
        key=lambda u: len(pages[unit_doc(u.id)][0].nodes),
    )
    return {doc: pages[doc] for doc in (OVERVIEW_DOC, HISTORY_DOC, unit_doc(widest.id))}


MEASURE = """(id) => {
  const node = document.getElementById(id);
  const scroller = node.closest('.bagan__gulir');
  scroller.scrollIntoView({block: 'start'});
  const box = node.getBoundingClientRect();
  const frame = scroller.getBoundingClientRect();
  const left = frame.left + scroller.clientLeft;
  const top = frame.top + scroller.clientTop;
  return {
    box: [box.left, box.top, box.right, box.bottom],
    visible: [left, top, left + scroller.clientWidth, top + scroller.clientHeight],
    viewport: [0, 0, window.innerWidth, window.innerHeight],
    overflow: scroller.scrollWidth - scroller.clientWidth,
  };
}"""


def _inside(box: list[float], area: list[float]) -> bool:
    return (
        box[0] >= area[0] - SLACK
        and box[1] >= area[1] - SLACK
        and box[2] <= area[2] + SLACK
        and box[3] <= area[3] + SLACK
    )


def _open(browser: Any, url: str, width: int) -> tuple[Any, list[str]]:
    page, watch = open_page(browser, url, width=width)
    page.goto(url)
    page.wait_for_load_state("load")
    return page, watch.outside


@pytest.mark.parametrize("width", WIDTHS)
def test_every_chart_opens_on_its_root_box(browser: Any, served: str, org: Organisation, width):
    overflowing = 0
    for doc, charts in chart_pages(org).items():
        page, outside = _open(browser, served + doc_url(doc), width)
        assert len(charts) == page.locator("figure.bagan").count(), doc
        for chart in charts:
            seen = page.evaluate(MEASURE, root_box_id(chart))
            overflowing += seen["overflow"] > 0
            where = f"{doc} {chart.id} @ {width}px: {seen}"
            assert _inside(seen["box"], seen["visible"]), where
            assert _inside(seen["box"], seen["viewport"]), where
        assert outside == []
        page.context.close()
    # The test means something only if some chart is wider than its scroll box.
    assert overflowing > 0


def test_a_turned_phone_recentres_only_charts_the_reader_left_alone(
    browser: Any, served: str, org: Organisation
):
    chart = chart_pages(org)[OVERVIEW_DOC][0]
    page, _ = _open(browser, served + doc_url(OVERVIEW_DOC), 1280)
    page.set_viewport_size({"width": 360, "height": 900})
    page.wait_for_timeout(200)
    seen = page.evaluate(MEASURE, root_box_id(chart))
    assert _inside(seen["box"], seen["visible"]), seen
    # Once the reader has scrolled the chart, a resize leaves it where they put it.
    page.evaluate("() => { document.querySelector('.bagan__gulir').scrollLeft = 0; }")
    page.set_viewport_size({"width": 800, "height": 900})
    page.wait_for_timeout(200)
    assert page.evaluate("() => document.querySelector('.bagan__gulir').scrollLeft") == 0
    page.context.close()
