"""Charts in a real browser: at phone width every chart's labels are on screen and legible on
first load (the narrow layout), at laptop width the overview's first two levels are whole, every
chart opens on its root, and the full-size page is inside the site with keyboard zoom.

The root box is taken from the plan, not from the page's script: the box of the unit being
viewed, else the first box no line leads into.
"""

from __future__ import annotations

from typing import Any

import pytest

from generator.model.organisation import Organisation
from generator.plan.org_charts import Chart, outline
from generator.plan.site import plan
from generator.urls import (
    HISTORY_DOC,
    OVERVIEW_DOC,
    chart_page_doc,
    doc_url,
    secretariat_doc,
    unit_doc,
)

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


def narrow_root_box_id(chart: Chart) -> str:
    """The same box in the narrow layout, which numbers boxes in the order of the chart's list."""
    order = []

    def walk(items) -> None:
        for item in items:
            order.append(item.node)
            walk(item.children)

    walk(outline(chart))
    index = next((i for i, n in enumerate(order) if n.is_current), 0)
    return f"{chart.id}-sempit-n{index}"


def chart_pages(org: Organisation) -> dict[str, tuple[Chart, ...]]:
    """The overview, the changes page, the province with the most kabupaten/kota, the unit page
    whose chart is widest (most boxes), and the overview's full-size page."""
    pages = {page.path: page.charts for page in plan(org).pages}
    widest = max(
        (u for u in org.units.values() if not u.is_former),
        key=lambda u: len(pages[unit_doc(u.id)][0].nodes),
    )
    province = max(org.regional.provinces(), key=lambda s: len(org.regional.regencies(s)))
    docs = (OVERVIEW_DOC, HISTORY_DOC, secretariat_doc(province.key), unit_doc(widest.id))
    return {doc: pages[doc] for doc in (*docs, chart_page_doc(OVERVIEW_DOC))}


MEASURE = """([wide, narrow]) => {
  const shown = (id) => { const e = document.getElementById(id); return e && e.getClientRects().length ? e : null; };
  const node = shown(wide) || shown(narrow);
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

#: For each chart on the page (figure), the labels of its boxes in the layout on screen: whether
#: each lies inside the viewport's width and inside the chart's scroll box, and its text size in
#: CSS px (the computed size times the SVG's scale on screen). Pages are long, so a label below
#: the fold counts as inside: only sideways clipping and scrolling matter.
LABELS = """() => Array.from(document.querySelectorAll('figure.bagan')).map(figure => {
  const svg = Array.from(figure.querySelectorAll('svg.bagan-svg')).find(s => s.getClientRects().length);
  const scroller = figure.querySelector('.bagan__gulir');
  const frame = scroller.getBoundingClientRect();
  const left = frame.left + scroller.clientLeft;
  const right = left + scroller.clientWidth;
  return Array.from(svg.querySelectorAll('g.node text')).map(text => {
    const box = text.getBoundingClientRect();
    const size = parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a;
    const inside = box.width > 0 && box.left >= -0.5 && box.right <= window.innerWidth + 0.5
      && box.left >= left - 0.5 && box.right <= right + 0.5;
    return {text: text.textContent, inside, size};
  });
})"""


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
            seen = page.evaluate(MEASURE, [root_box_id(chart), narrow_root_box_id(chart)])
            overflowing += seen["overflow"] > 0
            where = f"{doc} {chart.id} @ {width}px: {seen}"
            assert _inside(seen["box"], seen["visible"]), where
            assert _inside(seen["box"], seen["viewport"]), where
        assert outside == []
    # The test means something only if some chart is wider than its scroll box: on a phone,
    # the full-size page shows the wide layout at its natural size.
    assert overflowing > 0 or width > 360


def test_every_label_is_on_screen_and_legible_on_a_phone(
    browser: Any, served: str, org: Organisation
):
    """At 360 px, at least 90 % of each chart's box labels lie whole inside the viewport's
    width and the chart's box on first load, at 10 px or more (the narrow layout: none)."""
    for doc in list(chart_pages(org))[:-1]:  # the full-size page is meant to pan
        page, _ = _open(browser, served + doc_url(doc), 360)
        page.wait_for_timeout(100)
        charts = page.evaluate(LABELS)
        assert charts, doc
        for labels in charts:
            assert labels, doc
            inside = [label for label in labels if label["inside"]]
            outside = [label["text"] for label in labels if not label["inside"]]
            assert len(inside) >= 0.9 * len(labels), (doc, outside)
            small = [(label["text"], label["size"]) for label in labels if label["size"] < 10]
            assert small == [], (doc, small)


def test_the_overview_shows_its_first_two_levels_whole_on_a_laptop(
    browser: Any, served: str, org: Organisation
):
    (chart,) = chart_pages(org)[OVERVIEW_DOC]
    root = root_box_id(chart)
    top = chart.nodes[int(root.rsplit("-n", 1)[1])].key
    index = {node.key: i for i, node in enumerate(chart.nodes)}
    second = [f"{chart.id}-n{index[e.head]}" for e in chart.edges if e.tail == top]
    assert len(second) >= 2
    page, _ = _open(browser, served + doc_url(OVERVIEW_DOC), 1280)
    for box in (root, *second):
        seen = page.evaluate(MEASURE, [box, box])
        where = f"{box}: {seen}"
        assert _inside(seen["box"], seen["visible"]), where
        assert _inside(seen["box"], seen["viewport"]), where


def test_the_full_size_page_is_inside_the_site_and_zooms_by_keyboard(
    browser: Any, served: str, org: Organisation
):
    page, outside = _open(browser, served + doc_url(chart_page_doc(OVERVIEW_DOC)), 360)
    assert page.locator("header.md-header").is_visible()
    crumbs = page.locator(".remah-roti a")
    assert crumbs.last.inner_text() == "Struktur Organisasi"
    assert page.locator(".remah-roti").inner_text().endswith("Bagan ukuran penuh")
    assert page.locator(".bagan-kendali").is_visible()
    assert page.locator("details", has_text="Bagan dalam bentuk daftar").count() == 1
    svg = page.locator("figure.bagan svg.bagan-svg")
    natural = svg.bounding_box()["width"]

    def scale() -> float:
        return float(page.locator(".bagan__gulir").get_attribute("data-skala") or "1")

    page.focus("figure.bagan .bagan__gulir")
    page.keyboard.press("+")
    assert scale() > 1 and svg.bounding_box()["width"] > natural
    page.keyboard.press("-")
    page.keyboard.press("-")
    assert scale() < 1
    page.keyboard.press("0")
    fits = page.evaluate(
        "() => { const s = document.querySelector('.bagan__gulir');"
        " return s.scrollWidth <= s.clientWidth + 1; }"
    )
    assert fits
    page.keyboard.press("1")
    assert scale() == 1
    # The buttons are reachable with Tab and pressed with Enter.
    page.focus(".bagan-kendali button[data-perbesaran='masuk']")
    page.keyboard.press("Enter")
    assert scale() > 1
    assert page.locator(".bagan-kendali output").inner_text() == f"{round(scale() * 100)}%"
    assert outside == []


def test_a_turned_phone_recentres_only_charts_the_reader_left_alone(
    browser: Any, served: str, org: Organisation
):
    (chart,) = chart_pages(org)[chart_page_doc(OVERVIEW_DOC)]
    page, _ = _open(browser, served + doc_url(chart_page_doc(OVERVIEW_DOC)), 1280)
    page.set_viewport_size({"width": 360, "height": 900})
    page.wait_for_timeout(200)
    seen = page.evaluate(MEASURE, [root_box_id(chart), root_box_id(chart)])
    assert seen["overflow"] > 0
    assert _inside(seen["box"], seen["visible"]), seen
    # Once the reader has scrolled the chart, a resize leaves it where they put it.
    page.evaluate("() => { document.querySelector('.bagan__gulir').scrollLeft = 0; }")
    page.set_viewport_size({"width": 500, "height": 900})
    page.wait_for_timeout(200)
    assert page.evaluate("() => document.querySelector('.bagan__gulir').scrollLeft") == 0
