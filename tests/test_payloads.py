"""Hostile text in any editor field is shown as text, on the page and in the chart."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from .conftest import HOSTILE_NAME as NAME
from .conftest import PAYLOAD, Project, heading_text, parse_html

pytestmark = pytest.mark.site


def _no_active_content(soup: BeautifulSoup) -> None:
    for script in soup.find_all("script"):
        if script.get("type") == "application/ld+json":
            raw = script.get_text()
            assert "<" not in raw and ">" not in raw, (
                raw
            )  # escaped as \u003c, cannot close the element
            json.loads(raw)
        else:
            assert "alert" not in script.get_text(), script
    assert not soup.find_all(attrs={"onerror": True})
    assert not soup.find_all("img", src="x")
    for anchor in soup.find_all("a", href=True):
        assert not anchor["href"].lower().startswith("javascript:"), anchor


def test_hostile_text_does_not_become_markup(hostile: Project):
    for page in hostile.site.rglob("*.html"):
        if b"alert" in page.read_bytes():  # a page without the payload cannot run it
            _no_active_content(parse_html(page))


def test_hostile_name_reads_as_text(hostile: Project):
    soup = hostile.page("struktur/biro-umum/")
    h1 = soup.find("h1")
    assert heading_text(h1) == NAME
    assert soup.title.get_text() == f"{NAME} - Struktur Organisasi Setjen KPU"
    nav = soup.select_one("nav.md-nav--primary .md-nav__link--active")
    assert NAME in nav.get_text(" ", strip=True)


def test_hostile_text_reads_as_text_in_every_field(hostile: Project):
    text = hostile.page("struktur/biro-umum/").get_text(" ", strip=True)
    # kepala, alias name and note, quoted provision (article, text, item), note, source title
    assert text.count(PAYLOAD) >= 8


def test_hostile_name_reads_as_text_in_the_charts(hostile: Project):
    for url in ("struktur/biro-umum/", "struktur/deputi-bidang-administrasi/", "struktur/"):
        svg = hostile.page(url).select_one("figure.bagan svg")
        node = next(g for g in svg.select("g.node") if "Biro Umum" in g.get_text())
        label = " ".join(t.get_text() for t in node.find_all("text"))
        assert label.replace(" ", "") == NAME.replace(" ", ""), url
        assert node.find("title").get_text() == f"{NAME} (Biro)"


def test_hostile_text_stays_escaped_in_the_search_index(hostile: Project):
    index = (hostile.site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "<script>" not in index and "<img" not in index
    assert "&lt;script&gt;alert(1)" in index


def test_hostile_name_stays_data_in_json_ld(hostile: Project):
    script = hostile.page("struktur/biro-umum/").find("script", type="application/ld+json")
    assert json.loads(script.get_text())["name"] == NAME
