"""The site in a real browser (Debian's Chromium, driven by Playwright): search, charts, keyboard,
dark palette, accessibility, console errors and requests that leave the machine.

Screenshots of each page at phone and desktop width are kept in test-artifacts/.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from .conftest import ROOT, Project

pytestmark = [pytest.mark.site, pytest.mark.browser]

# CHROMIUM may name another Chromium-based browser already on the machine (e.g. on GitHub runners).
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

# Search quality is measured in tests/test_browser_search.py (queries in tests/search_queries.yml).
PAGES = {
    "beranda": "",
    "biro": "struktur/biro-logistik/",
    "peraturan": "dasar-hukum/pkpu-21-2023/",
    "indeks": "indeks/",
    "provinsi": "daerah/jawa-barat/",
    "kabupaten": "daerah/jawa-barat/kabupaten-bogor/",
}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _serve(site: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Watch:
    """What a page did that it should not: console errors, and requests that left the machine."""

    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


def _open(
    browser: object, base: str, *, width: int = 1280, dark: bool = False
) -> tuple[object, Watch]:
    context = browser.new_context(  # type: ignore[attr-defined]
        viewport={"width": width, "height": 900}, color_scheme="dark" if dark else "light"
    )
    page = context.new_page()
    watch = Watch()

    def route(request_route: object) -> None:
        url = request_route.request.url  # type: ignore[attr-defined]
        if urlsplit(url).hostname not in ("127.0.0.1", "localhost"):
            watch.outside.append(url)
            request_route.abort()  # type: ignore[attr-defined]
        else:
            request_route.continue_()  # type: ignore[attr-defined]

    page.route("**/*", route)
    page.on(
        "console", lambda message: message.type == "error" and watch.errors.append(message.text)
    )
    page.on("pageerror", lambda error: watch.errors.append(str(error)))
    page.on("dialog", lambda dialog: (watch.dialogs.append(dialog.message), dialog.dismiss()))
    return page, watch


@pytest.fixture(scope="module")
def site(built: Project) -> Iterator[str]:
    yield from _serve(built.site)


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


def test_clicking_a_chart_box_opens_that_unit(browser: object, site: str):
    page, watch = _open(browser, site)
    page.goto(site + "struktur/")
    page.click("figure.bagan svg a[href='biro-logistik/']")
    page.wait_for_url("**/struktur/biro-logistik/")
    assert page.title().startswith("Biro Logistik")
    assert watch.errors == [] and watch.outside == []


def test_tab_reaches_every_chart_link(browser: object, site: str):
    page, _ = _open(browser, site)
    page.goto(site + "struktur/deputi-bidang-administrasi/")
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
def test_chart_text_keeps_a_readable_contrast(browser: object, site: str, dark: bool):
    page, _ = _open(browser, site, dark=dark)
    page.goto(site + "struktur/inspektorat-utama/")
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


@pytest.mark.parametrize("name", PAGES)
def test_pages_are_accessible_error_free_and_local(browser: object, site: str, name: str):
    from axe_playwright_python.sync_playwright import Axe

    ARTIFACTS.mkdir(exist_ok=True)
    for width in (360, 1280):
        page, watch = _open(browser, site, width=width)
        page.goto(site + PAGES[name])
        page.wait_for_load_state("networkidle")
        page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=width == 360)
        assert watch.errors == [], watch.errors
        assert watch.outside == [], watch.outside
    results = Axe().run(page)
    serious = [
        (v["id"], v["impact"], len(v["nodes"]))
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == [], serious


def test_filter_narrows_the_national_list(browser: object, site: str, org):
    page, watch = _open(browser, site)
    page.goto(site + "daerah/")
    page.fill("[data-saring-teks]", "bogor")
    bogor = [s for s in org.regional.secretariats.values() if "bogor" in s.short.lower()]
    assert page.locator("#daftar-sekretariat tbody tr:not([hidden])").count() == len(bogor)
    page.fill("[data-saring-teks]", "")
    page.select_option("[data-saring-provinsi]", "11")
    aceh = [s for s in org.regional.secretariats.values() if s.province.kode == "11"]
    assert page.locator("#daftar-sekretariat tbody tr:not([hidden])").count() == len(aceh)
    total = len(org.regional.secretariats)
    assert f"{len(aceh)} dari {total}" in page.inner_text("[data-saring-hasil]")
    assert watch.errors == []


def test_hostile_text_never_runs(browser: object, hostile: Project):
    for base in _serve(hostile.site):
        for path in (
            "struktur/biro-umum/",
            "struktur/",
            "indeks/",
            "struktur/deputi-bidang-administrasi/",
        ):
            page, watch = _open(browser, base)
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            assert watch.dialogs == [], (path, watch.dialogs)
            assert watch.outside == [], (path, watch.outside)
            assert page.evaluate("() => document.querySelectorAll('img[src=\"x\"]').length") == 0
        page, watch = _open(browser, base)
        titles = _search(page, base, "alert")
        assert titles and watch.dialogs == []
