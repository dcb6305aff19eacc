"""Tables and explanations read on a phone: a table of three columns or more becomes one card per
row, each value labelled with its column's heading; table text and explanations are at least
14 px with a contrast of at least 4.5:1, in the light and the dark palette."""

from __future__ import annotations

from typing import Any

import pytest

from generator.model.organisation import Organisation
from generator.urls import REGIONS_DOC, REGULATIONS_DOC, doc_url, secretariat_doc, unit_doc

from .conftest import open_page
from .test_browser import _contrast

pytestmark = [pytest.mark.site, pytest.mark.browser]


CARDS = """() => Array.from(document.querySelectorAll('article table')).map(table => {
  const heads = Array.from(table.querySelectorAll('thead th')).map(th => th.textContent.trim());
  const rows = Array.from(table.querySelectorAll('tbody tr')).filter(r => !r.hidden);
  const width = table.getBoundingClientRect().width;
  return {
    heads,
    card: table.hasAttribute('data-kartu'),
    height: table.getBoundingClientRect().height,
    rows: rows.length,
    cells: rows.flatMap(row => Array.from(row.cells).map((cell, i) => {
      const box = cell.getBoundingClientRect();
      return {label: cell.getAttribute('data-label'), head: heads[i], right: box.right,
              share: box.width / width};
    })),
  };
})"""


def test_wide_tables_read_as_cards_on_a_phone(browser: Any, served: str, org: Organisation):
    page, _ = open_page(browser, served, width=360)
    page.goto(served + doc_url(REGULATIONS_DOC))
    page.wait_for_load_state("load")
    (table,) = page.evaluate(CARDS)
    assert len(table["heads"]) >= 3 and table["card"]
    assert table["rows"] == len(org.regulations)
    for cell in table["cells"]:
        # Labelled by its column, as wide as the card, and on screen (Keyakinan included).
        assert cell["label"] == cell["head"], cell
        assert cell["share"] > 0.8, cell
        assert cell["right"] <= 360, cell
    # Stacked cards, not towers of one word per line: a few lines per cell on average.
    assert table["height"] / len(table["cells"]) < 120, table["height"]


SHORT_CELLS = """() => Array.from(document.querySelectorAll('article table[data-kartu]'))
  .flatMap(table => Array.from(table.querySelectorAll('tbody tr:not([hidden])')).slice(0, 20))
  .flatMap(row => Array.from(row.cells))
  .map(cell => ({short: cell.hasAttribute('data-pendek'), text: cell.textContent.trim(),
                 height: cell.getBoundingClientRect().height}))"""


def test_short_values_stand_beside_their_labels(browser: Any, served: str):
    """A card's short values (a code, a level) take one line, their label beside them; a long
    value keeps its label above it."""
    page, _ = open_page(browser, served, width=360)
    page.goto(served + doc_url(REGIONS_DOC))
    page.wait_for_load_state("load")
    cells = page.evaluate(SHORT_CELLS)
    beside = [c["height"] for c in cells if c["short"] and len(c["text"]) <= 20]
    above = [c["height"] for c in cells if not c["short"]]
    assert beside and above
    assert max(beside) < min(above), (beside, above)


def test_two_column_tables_stay_tables(browser: Any, served: str, org: Organisation):
    page, _ = open_page(browser, served, width=360)
    page.goto(served + doc_url(unit_doc(org.root.id)))
    page.wait_for_load_state("load")
    tables = page.evaluate(CARDS)
    assert tables and all(not t["card"] for t in tables if len(t["heads"]) == 2)


#: Every explanation and table cell on the page: its text size and the contrast of its colour
#: against the first opaque background behind it.
TEXTS = """() => {
  const parse = (c) => c.match(/[\\d.]+/g).map(Number);
  const opaque = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const bg = getComputedStyle(e).backgroundColor;
      const v = parse(bg);
      if (v.length < 4 || v[3] > 0.99) return bg;
    }
    return 'rgb(255, 255, 255)';
  };
  return Array.from(document.querySelectorAll('article .alasan, article td')).filter(
    el => el.getClientRects().length && el.textContent.trim()).map(el => ({
      what: el.className || el.tagName, text: el.textContent.trim().slice(0, 40),
      size: parseFloat(getComputedStyle(el).fontSize),
      color: getComputedStyle(el).color, background: opaque(el),
  }));
}"""


def _over(color: str, background: str) -> str:
    """A translucent text colour as it shows over its background."""
    fg = [float(v) for v in color[color.index("(") + 1 : -1].split(",")]
    bg = [float(v) for v in background[background.index("(") + 1 : -1].split(",")][:3]
    alpha = fg[3] if len(fg) > 3 else 1.0
    mixed = [round(f * alpha + b * (1 - alpha)) for f, b in zip(fg[:3], bg, strict=True)]
    return f"rgb({mixed[0]}, {mixed[1]}, {mixed[2]})"


@pytest.mark.parametrize("dark", [False, True], ids=["terang", "gelap"])
def test_explanations_and_table_text_are_readable(
    browser: Any, served: str, org: Organisation, dark: bool
):
    province = org.regional.provinces()[0]
    former = org.former_units()
    successor = org.successors(former[0])[0] if former else org.root
    pages = [REGULATIONS_DOC, secretariat_doc(province.key), unit_doc(successor.id)]
    seen = 0
    # The dark palette at the phone's width: its colours are those of the desktop.
    for width in (360,) if dark else (360, 1280):
        page, _ = open_page(browser, served, width=width, dark=dark)
        for doc in pages:
            page.goto(served + doc_url(doc))
            page.wait_for_load_state("load")
            for text in page.evaluate(TEXTS):
                seen += text["what"] == "alasan"
                assert text["size"] >= 14, (doc, width, text)
                ink = _over(text["color"], text["background"])
                assert _contrast(ink, text["background"]) >= 4.5, (doc, width, text)
    assert seen > 0
