"""Every kind of page passes axe (no serious or critical violation) on a phone and a desktop in the
light palette (every rule; colour contrast at desktop width on the pages that show the desktop's
own parts), and on a phone in the dark one (the colour rules), and fits a 360 px screen without
scrolling sideways.

Each page is loaded once per width in the light palette; on the phone it is then switched to the
dark one the way a reader does it (the palette toggle, with the system's colour scheme set to
dark too), and checked again: the same page, so no second load. The dark palette's colours are
checked at one width: a colour is the same at both, and the phone shows the elements only it has
(the tables as cards, the drawer's header). That the system setting alone selects the dark
palette on a fresh load is checked in tests/test_browser.py and tests/test_browser_tables.py.
"""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.base import AXE_SCRIPT

from .conftest import ARTIFACTS, open_page, settle

pytestmark = [pytest.mark.site, pytest.mark.browser]

#: One page of each kind, by name (also the screenshot's name).
PAGE_TYPES = {
    "beranda": "",
    "ikhtisar": "struktur/",
    "unit": "struktur/biro-logistik/",
    "unit-terdahulu": "struktur/biro-perundang-undangan/",
    "perubahan": "struktur/perubahan/",
    "bagan-penuh": "struktur/bagan/",
    "dasar-hukum": "dasar-hukum/",
    "peraturan": "dasar-hukum/pkpu-21-2023/",
    "indeks": "indeks/",
    "daerah": "daerah/",
    "provinsi": "daerah/jawa-barat/",
    "kabupaten-kota": "daerah/jawa-barat/kabupaten-bogor/",
    "struktur-baku": "struktur-baku/sekretariat-kabupaten-kota/",
    "unit-struktur-baku": "struktur-baku/sekretariat-kabupaten-kota/subbagian-keuangan-umum-dan-logistik/",
    "data": "data/",
    "kelengkapan": "kelengkapan/",
    "tidak-ditemukan": "tidak/ada/",
}
WIDTHS = (360, 1280)
#: The width at which the dark palette is checked too.
DARK_WIDTH = 360


#: At desktop width, the colours are checked on pages that show the desktop's own parts (the
#: sidebars and their navigation, the table of contents, a wide table): a colour is the same at
#: both widths, and the phone checks every page's content. ``color-contrast`` is about half of
#: axe's time on a page.
DESKTOP_COLOUR_PAGES = frozenset({"beranda", "unit", "dasar-hukum", "indeks"})

#: What the palette changes: colours. The dark palette is checked against these rules; names,
#: roles, landmarks and sizes are the same in both and are checked in the light one.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
#: Table rows after the 50th are left out: they repeat the first rows' markup and colours, and
#: axe takes about 20 s over the 552 rows of the secretariats' list.
REPEATED_ROWS = "tbody tr:nth-child(n+51)"
#: A page taller than this (the list of 552 secretariats is 150 000 px at 360 px) is
#: photographed as first seen: a full-page shot of it costs Chromium seconds and shows nothing
#: a reader checks.
FULL_SHOT_MAX_PX = 20_000


#: Material's option for the dark palette (the second entry of mkdocs.yml's palette).
DARK_OPTION = "__palette_1"


def _serious(
    page: Any, rules: list[str] | None = None, skip: tuple[str, ...] = ()
) -> list[tuple[str, str, int, str]]:
    """axe's serious and critical violations on the page as it is now (axe is added once per
    page: a second run on the same page reuses it): every rule, only ``rules``, or all but
    ``skip``."""
    options: dict[str, object] = {"resultTypes": ["violations"]}
    if rules:
        options["runOnly"] = {"type": "rule", "values": rules}
    if skip:
        options["rules"] = {rule: {"enabled": False} for rule in skip}
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_SCRIPT)
    violations = page.evaluate(
        "([context, options]) => axe.run(context, options).then(r => r.violations)",
        [{"exclude": [[REPEATED_ROWS]]}, options],
    )
    return [
        (v["id"], v["impact"], len(v["nodes"]), v["nodes"][0]["target"][0] if v["nodes"] else "")
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]


def _to_dark(page: Any) -> None:
    """Switch the loaded page to the dark palette: the system's colour scheme dark, and
    Material's dark option chosen (as its toggle does, but with no pointer or focus left on the
    toggle, as on a freshly loaded page); wait until Material has finished switching (no
    transitions left). The tab is handed out again with its storage cleared and its colour
    scheme restored (open_page)."""
    page.emulate_media(color_scheme="dark")
    page.evaluate("id => document.getElementById(id).click()", DARK_OPTION)
    page.wait_for_function(
        "() => document.body.getAttribute('data-md-color-scheme') === 'slate'"
        " && !document.body.hasAttribute('data-md-color-switching')"
    )


def _check_palette(
    page: Any, name: str, width: int, palette: str
) -> list[tuple[str, str, int, str]]:
    """The checks of one palette on the loaded page: the scheme it meant, no sideways scrolling
    on a phone, a screenshot, and axe (every rule in the light palette, but the contrast of
    colours at desktop width where DESKTOP_COLOUR_PAGES says; the colour rules in the dark
    one)."""
    dark = palette == "gelap"
    scheme = page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
    assert scheme == ("slate" if dark else "default")
    if width == 360:
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{name}: halaman melebar {overflow}px pada 360px ({palette})"
    # The whole page at phone width in the light palette, to look at; the rest as seen first.
    height = page.evaluate("() => document.documentElement.scrollHeight")
    full = width == 360 and not dark and height <= FULL_SHOT_MAX_PX
    page.screenshot(path=str(ARTIFACTS / f"a11y-{name}-{width}-{palette}.png"), full_page=full)
    if dark:
        return _serious(page, COLOUR_RULES)
    desktop_only = width != DARK_WIDTH and name not in DESKTOP_COLOUR_PAGES
    return _serious(page, skip=("color-contrast",) if desktop_only else ())


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_page_type_is_accessible_in_both_palettes(browser: object, served: str, name: str):
    ARTIFACTS.mkdir(exist_ok=True)
    found = {}
    for width in WIDTHS:
        page, watch = open_page(browser, served, width=width)
        page.goto(served + PAGE_TYPES[name])
        settle(page, watch)
        found[width, "terang"] = _check_palette(page, name, width, "terang")
        if width == DARK_WIDTH:
            _to_dark(page)
            found[width, "gelap"] = _check_palette(page, name, width, "gelap")
        errors = list(watch.errors)
        if name == "tidak-ditemukan":
            # The page itself answers 404 (once); an asset that failed would add another.
            errors.remove(
                "Failed to load resource: the server responded with a status of 404 (Not Found)"
            )
        assert errors == [] and watch.outside == [], (errors, watch.outside)
    assert found == {key: [] for key in [*((w, "terang") for w in WIDTHS), (DARK_WIDTH, "gelap")]}


def test_the_unit_table_keeps_its_last_column_on_a_phone(browser: object, served: str):
    """The overview's table reads as cards: every value, the last column's included, is on
    screen, labelled with its column's heading."""
    page, _ = open_page(browser, served, width=360)
    page.goto(served + "struktur/")  # type: ignore[attr-defined]
    fits = page.evaluate(  # type: ignore[attr-defined]
        """() => {
            const table = document.querySelector('article table');
            const cells = Array.from(table.querySelectorAll('tbody td'));
            const last = Array.from(table.querySelectorAll('thead th')).pop().textContent.trim();
            return [table.hasAttribute('data-kartu'),
                    cells.every(c => c.getBoundingClientRect().right <= window.innerWidth),
                    cells.filter(c => c.getAttribute('data-label') === last).length];
        }"""
    )
    assert fits[:2] == [True, True] and fits[2] > 0, fits


def test_the_desktop_colour_pages_are_page_types():
    assert set(DESKTOP_COLOUR_PAGES) - set(PAGE_TYPES) == set()
