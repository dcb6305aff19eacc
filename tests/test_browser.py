"""The site in a real browser (Debian's Chromium, driven by Playwright): charts, keyboard, dark
palette, the regions filter, and hostile text.

Every kind of page is checked for accessibility, console errors and requests that leave the
machine, with screenshots, in tests/test_browser_a11y.py; search in tests/test_browser_search.py.
"""

from __future__ import annotations

import pytest

from .conftest import Project, open_page, serve, settle

pytestmark = [pytest.mark.site, pytest.mark.browser]


def _search(page: object, base: str, query: str) -> list[str]:
    page.goto(base)  # type: ignore[attr-defined]
    page.fill("input.md-search__input", query)  # type: ignore[attr-defined]
    # Material searches on key release; filling the box alone may not start a search.
    page.press("input.md-search__input", "End")  # type: ignore[attr-defined]
    page.wait_for_selector(".md-search-result__item", timeout=30_000)  # type: ignore[attr-defined]
    titles = page.eval_on_selector_all(  # type: ignore[attr-defined]
        ".md-search-result__list > .md-search-result__item > a:first-child h1",
        "els => els.map(e => e.textContent.trim())",
    )
    return titles


def test_clicking_a_chart_box_opens_that_unit(browser: object, served: str):
    page, watch = open_page(browser, served)
    page.goto(served + "struktur/")
    page.click("figure.bagan svg a[href='biro-logistik/']")
    page.wait_for_url("**/struktur/biro-logistik/")
    assert page.title().startswith("Biro Logistik")
    assert watch.errors == [] and watch.outside == []


def test_tab_reaches_every_chart_link(browser: object, served: str):
    page, _ = open_page(browser, served)
    page.goto(served + "struktur/deputi-bidang-administrasi/")
    links = page.eval_on_selector_all(
        "figure.bagan svg a[href]", "els => els.map(e => e.getAttribute('href'))"
    )
    page.focus("figure.bagan .bagan__gulir")
    reached = []
    for _ in range(len(links) + 2):
        page.keyboard.press("Tab")
        href = page.evaluate(
            "() => document.activeElement.closest('svg') ? document.activeElement.getAttribute('href') : null"
        )
        if href is not None:
            reached.append(href)
    assert sorted(set(reached)) == sorted(set(links))


def _luminance(rgb: str) -> float:
    values = [int(v) / 255 for v in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3]]
    linear = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in values]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("dark", [False, True], ids=["terang", "gelap"])
def test_chart_text_keeps_a_readable_contrast(browser: object, served: str, dark: bool):
    page, _ = open_page(browser, served, dark=dark)
    page.goto(served + "struktur/inspektorat-utama/")
    scheme = page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
    assert scheme == ("slate" if dark else "default")
    pairs = page.eval_on_selector_all(
        "figure.bagan g.node",
        """nodes => nodes.map(n => [getComputedStyle(n.querySelector('text')).fill,
                               getComputedStyle(n.querySelector('path, polygon')).fill])""",
    )
    assert pairs
    for text, box in pairs:
        assert _contrast(text, box) >= 4.5, (text, box)


def test_filter_narrows_the_national_list(browser: object, served: str, org):
    page, watch = open_page(browser, served)
    page.goto(served + "daerah/")
    # First the provincial secretariats, and a button for the whole list.
    shown_rows = "#daftar-sekretariat tbody tr:not([hidden])"
    provinces = org.regional.provinces()
    assert page.locator(shown_rows).count() == len(provinces)
    assert page.inner_text("[data-saring-hasil]").startswith(
        f"{len(provinces)} sekretariat provinsi ditampilkan."
    )
    page.click("[data-saring-semua]")
    assert page.locator(shown_rows).count() == len(org.regional.secretariats)
    assert page.locator("[data-saring-semua]").is_hidden()
    page.fill("[data-saring-teks]", "bogor")
    bogor = [s for s in org.regional.secretariats.values() if "bogor" in s.short.lower()]
    assert page.locator("#daftar-sekretariat tbody tr:not([hidden])").count() == len(bogor)
    # Not by the level column: "kab bogor" is the kabupaten alone.
    page.fill("[data-saring-teks]", "kab bogor")
    regency = [s for s in bogor if "kabupaten" in s.short.lower()]
    assert page.locator(shown_rows).count() == len(regency) < len(bogor)
    page.fill("[data-saring-teks]", "")
    page.select_option("[data-saring-provinsi]", "11")
    aceh = [s for s in org.regional.secretariats.values() if s.province.kode == "11"]
    assert page.locator("#daftar-sekretariat tbody tr:not([hidden])").count() == len(aceh)
    total = len(org.regional.secretariats)
    assert f"{len(aceh)} dari {total}" in page.inner_text("[data-saring-hasil]")
    # A province's everyday name finds its secretariats, as people type it ("jabar").
    page.select_option("[data-saring-provinsi]", "")
    province = next(s.province for s in org.regional.provinces() if s.province.alias)
    page.fill("[data-saring-teks]", province.alias[0].lower())
    ours = [s for s in org.regional.secretariats.values() if s.province.kode == province.kode]
    shown = f"#daftar-sekretariat tbody tr[data-provinsi='{province.kode}']:not([hidden])"
    assert page.locator(shown).count() == len(ours)
    assert watch.errors == []


def test_hostile_text_never_runs(browser: object, hostile: Project):
    with serve(hostile.site) as base:
        for path in (
            "struktur/biro-umum/",
            "struktur/",
            "indeks/",
            "struktur/deputi-bidang-administrasi/",
        ):
            page, watch = open_page(browser, base)
            page.goto(base + path)
            settle(page, watch)
            assert watch.dialogs == [], (path, watch.dialogs)
            assert watch.outside == [], (path, watch.outside)
            assert page.evaluate("() => document.querySelectorAll('img[src=\"x\"]').length") == 0
        page, watch = open_page(browser, base, search=True)
        titles = _search(page, base, "alert")
        assert titles and watch.dialogs == []
