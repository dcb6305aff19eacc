"""The printable book: the PDF built from the real content, and the pure print-HTML renderer."""

from __future__ import annotations

import dataclasses
import posixpath
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject

from generator.pipeline.build import book_pdf, font_faces
from generator.plan.central_pages import unit_chart
from generator.plan.page import SitePlan
from generator.render.book_html import (
    TITLE,
    Edition,
    Narrative,
    book_html,
    edition_date,
    narrative_chapter,
    print_svg,
)
from generator.render.chart_svg import render_svgs
from generator.render.palette import LIGHT
from generator.urls import BOOK_FILE, unit_doc

from .conftest import Project


@dataclasses.dataclass(frozen=True)
class Book:
    path: Path
    reader: PdfReader
    text: str
    """All pages' text, whitespace collapsed (headings may wrap)."""


@pytest.fixture(scope="session")
def book(built: Project) -> Book:
    """The book as the real build published it in site/unduh/."""
    path = built.site / BOOK_FILE
    reader = PdfReader(path)
    text = " ".join(" ".join(page.extract_text() or "" for page in reader.pages).split())
    return Book(path, reader, text)


def test_the_book_is_a_real_book(book):
    assert len(book.reader.pages) >= 30
    assert "Halaman 1 dari" in book.text
    assert f"Halaman {len(book.reader.pages)} dari {len(book.reader.pages)}" in book.text
    assert "Daftar Isi" in book.text


def test_every_central_unit_is_in_the_book(book, org):
    for unit in org.units.values():
        assert unit.nama in book.text, unit.id


def test_metadata_names_the_title_and_the_language(book):
    assert book.reader.metadata is not None
    assert book.reader.metadata.title == TITLE
    assert book.reader.trailer["/Root"]["/Lang"] == "id"


def _fonts(resources: Any, seen: set[int]) -> list[DictionaryObject]:
    """Every font used by a page, including inside the charts' form XObjects."""
    if isinstance(resources, IndirectObject):
        if resources.idnum in seen:
            return []
        seen.add(resources.idnum)
    resources = resources.get_object() if resources is not None else {}
    found = [f.get_object() for f in (resources.get("/Font") or {}).values()]
    for xobject in (resources.get("/XObject") or {}).values():
        inner = xobject.get_object().get("/Resources")
        if inner is not None:
            found += _fonts(inner, seen)
    return found


def test_every_font_is_embedded(book):
    fonts: dict[str, DictionaryObject] = {}
    seen: set[int] = set()
    for page in book.reader.pages:
        for font in _fonts(page.get("/Resources"), seen):
            fonts[str(font.get("/BaseFont"))] = font
    assert fonts
    for name, font in fonts.items():
        descendants = font.get("/DescendantFonts")
        target = descendants[0].get_object() if descendants else font
        descriptor = target["/FontDescriptor"].get_object()
        assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), name
        assert "DejaVu" in name


@pytest.mark.parametrize("url_path", ["", "tentang/"])
def test_site_links_the_book(built, url_path):
    page = built.page(url_path)
    links = [a["href"] for a in page.select("a[href$='.pdf']")]
    assert links, url_path
    for href in links:
        target = built.site / posixpath.normpath(posixpath.join(url_path, href))
        assert target.read_bytes().startswith(b"%PDF-")
        assert target == built.site / BOOK_FILE


def test_current_unit_box_keeps_its_colour_in_print(org):
    """WeasyPrint ignores CSS fills on inline SVG: the highlight must be an attribute."""
    unit = org.units["biro-umum"]
    chart = unit_chart(org, unit)
    svg = str(print_svg(render_svgs([chart])[chart.id], 480, 400))
    assert f'fill="{LIGHT.saat_ini}"' in svg
    assert "<a " not in svg and "href" not in svg


def test_print_svg_fits_the_page():
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="1200px" height="100px" viewBox="0 0 960 80"/>'
    fitted = str(print_svg(svg, 480, 400))
    assert 'width="480.0pt"' in fitted and 'height="40.0pt"' in fitted


NARRATIVE = """---
title: Judul pendek
---

# Judul bab

Lihat [Biro Umum](../struktur/biro-umum/index.md), [UU](../dasar-hukum/uu-7-2017.md#pasal),
[panduan](../panduan/index.md), dan [sumber](https://contoh.id/a?b=1&c=2) serta
[sumber lagi](https://contoh.id/a?b=1&c=2).

Tautan ke buku ini.
{: .hanya-layar }

## Bagian

!!! info "Catatan"
    Isi catatan.
"""


def test_narrative_links_fit_paper(org):
    anchors = {
        unit_doc("biro-umum"): "unit-biro-umum",
        "dasar-hukum/uu-7-2017.md": "peraturan-uu-7-2017",
    }
    chapter = narrative_chapter(Narrative("tentang/x.md", NARRATIVE), anchors)
    body = str(chapter.body)
    assert chapter.title == "Judul bab" and chapter.anchor == "tentang-x"
    assert '<a href="#unit-biro-umum" class="rujukan">Biro Umum</a>' in body
    assert '<a href="#peraturan-uu-7-2017" class="rujukan">UU</a>' in body
    assert "panduan," in body and "index.md" not in body
    # One web address, one note, however often it is cited.
    assert body.count('<sup class="catatan-ref">1</sup>') == 2
    assert body.count("https://contoh.id/a?b=1&amp;c=2") == 1
    assert "Tautan ke buku ini" not in body and "---" not in body
    assert "<h3>Bagian</h3>" in body and 'class="admonition info"' in body


def test_editor_text_is_escaped(org):
    hostile = '<script>alert(1)</script> "x" & y'
    units = dict(org.units)
    units["biro-umum"] = units["biro-umum"].model_copy(update={"nama": hostile, "kepala": hostile})
    changed = dataclasses.replace(org, units=units)
    html = book_html(changed, SitePlan((), {}), {}, [], Edition(date(2026, 11, 28)), [])
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &#34;x&#34; &amp; y" in html
    assert "Edisi 28 November 2026" in html


def test_edition_date_is_reproducible():
    assert edition_date("0", date(2030, 1, 1)) == date(1970, 1, 1)
    assert edition_date(None, date(2030, 1, 1)) == date(2030, 1, 1)
    assert edition_date("bukan angka", date(2030, 1, 1)) == date(2030, 1, 1)


def test_same_html_same_pdf_from_the_cache(tmp_path, caplog):
    html = (
        '<!DOCTYPE html><html lang="id"><head><title>Uji</title><style>'
        + "".join(
            f'@font-face {{ font-family: "{f.family}"; font-weight: {f.weight}; '
            f'font-style: {f.style}; src: url("{f.url}"); }}'
            for f in font_faces()
        )
        + 'html { font-family: "DejaVu Sans"; }</style></head><body><p>Halo</p></body></html>'
    )
    first, seconds = book_pdf(html, tmp_path)
    again, cached = book_pdf(html, tmp_path)
    assert seconds is not None and cached is None and first == again
    assert first.startswith(b"%PDF-") and len(list(tmp_path.glob("*.pdf"))) == 1
    # Every @font-face loaded from its local file (WeasyPrint only logs a failure).
    assert not [r for r in caplog.records if r.name.startswith("weasyprint")]
