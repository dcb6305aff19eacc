"""The printable book: the site's own pages on paper. The PDF of the real build and of the small
fixture, and the print renderer that turns a page's Markdown into print HTML."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import posixpath
import re
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject

from generator.pipeline.build import book_pdf, font_faces, footnote_extension
from generator.pipeline.config import markdown_extensions
from generator.pipeline.pdf import narratives
from generator.plan.book import book_chapters
from generator.plan.central_pages import unit_chart
from generator.plan.labels import name_label
from generator.plan.page import SitePlan
from generator.plan.site import plan
from generator.render.book_html import TITLE, Edition, book_html, edition_date, environment
from generator.render.chart_svg import render_svgs
from generator.render.palette import LIGHT
from generator.render.print_page import (
    ChartBox,
    converter,
    link_pages,
    on_paper,
    print_page,
    print_svg,
)
from generator.urls import BOOK_FILE, HISTORY_DOC, unit_doc

from .conftest import (
    HOSTILE_NAME,
    MINIMAL,
    ROOT,
    Project,
    copy_project,
    locked,
    run_folder,
    shared_project,
)

#: What must never reach paper: Markdown, Jinja or HTML entities left unrendered.
RAW_MARKUP = re.compile(r"\[\^[\w-]+\]|\]\([^)]*\)|\*\*\w|\{\{|\{%|&[a-z]+;|&#\d+;")
#: A page holding fewer lines than this (header and footer included) is near-empty.
MIN_LINES = 8


@dataclasses.dataclass(frozen=True)
class Book:
    path: Path
    reader: PdfReader
    pages: list[str]
    """Each page's text as extracted."""

    @property
    def text(self) -> str:
        """All pages' text, whitespace collapsed (headings may wrap)."""
        return " ".join(" ".join(self.pages).split())


def read_book(path: Path, factory: pytest.TempPathFactory) -> Book:
    """The book at ``path`` with its pages' text. pypdf takes seconds to extract the real book's:
    the text of each PDF is extracted once per test run, whichever pytest-xdist worker asks."""
    reader = PdfReader(path)
    cache = (
        run_folder(factory, "teks-buku") / f"{hashlib.sha256(path.read_bytes()).hexdigest()}.json"
    )
    with locked(cache.with_suffix(".lock")):
        if cache.is_file():
            pages = json.loads(cache.read_text(encoding="utf-8"))
        else:
            pages = [page.extract_text() or "" for page in reader.pages]
            cache.write_text(json.dumps(pages), encoding="utf-8")
    return Book(path, reader, pages)


def squeezed(text: str) -> str:
    """Text compared across web and paper: without hyphenation at line ends, the part numbers
    the book adds to references, and whitespace; the site's words about its pages in the book's."""
    text = on_paper(" ".join(text.split()))
    text = re.sub(r"\u2010\s+", "", text)
    text = re.sub(r"→\s(bab\s)?\d+(\.\d+)?", "", text)
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="session")
def book(built: Project, tmp_path_factory: pytest.TempPathFactory) -> Book:
    """The book as the real build published it in site/unduh/."""
    return read_book(built.site / BOOK_FILE, tmp_path_factory)


@dataclasses.dataclass(frozen=True)
class SmallBook:
    project: Project
    book: Book
    commit: str
    edition: str
    """The edition date as the cover prints it."""


@pytest.fixture(scope="session")
def small_book(tmp_path_factory: pytest.TempPathFactory) -> SmallBook:
    """The small fixture's book, generated in a git repository of its own (so it has a commit);
    made once per test run, whichever pytest-xdist worker asks first."""
    project = shared_project(tmp_path_factory, "buku-kecil", _small_book_project)
    commit = _git(project, "rev-parse", "--short", "HEAD")
    stamp = _git(project, "log", "-1", "--format=%ct")
    day = environment().filters["tanggal"](edition_date(stamp, date(2000, 1, 1)))
    book = read_book(project.root / "docs" / BOOK_FILE, tmp_path_factory)
    return SmallBook(project, book, commit, day)


def _git(project: Project, *args: str) -> str:
    git = ["git", "-C", str(project.root), "-c", "user.name=Uji", "-c", "user.email=uji@contoh.id"]
    return subprocess.run([*git, *args], check=True, capture_output=True, text=True).stdout.strip()


def _small_book_project(folder: Path) -> Project:
    project = copy_project(folder, MINIMAL, book=True)
    _git(project, "init", "-q")
    _git(project, "add", "content", "docs", "mkdocs.yml")
    _git(project, "commit", "-qm", "Contoh")
    assert project.run("generate") == 0
    return project


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


def test_no_reference_splits_a_title(book):
    """A reference's part number follows a whole name: "→ 9.1 tentang Pemilihan Umum" read as
    if the law's title ended at its number (the link must span the title)."""
    assert not re.findall(r"→ (?:bab )?\d+(?:\.\d+)? tentang", book.text)


def test_badge_notes_speak_of_the_section_on_paper(small_book):
    """ "untuk isi halaman ini" is the web page's wording; a page is a section of the book, and
    the book speaks of its sections, never of "this page"."""
    text = small_book.book.text
    assert not re.search(r"\bhalaman\s+ini\b", text, re.IGNORECASE)
    assert "Terverifikasi untuk isi bagian ini, kecuali unit atasannya" in text


# The checks below are made on the real book and on the small fixture's, in a test each: the
# run of the tests on edited content (tests/test_editor_changes.py) needs only the real one.


def _no_raw_markup(printed: Book) -> None:
    for number, text in enumerate(printed.pages, 1):
        assert not RAW_MARKUP.findall(text), (printed.path, number, RAW_MARKUP.findall(text))


def test_no_raw_markup_reaches_paper(book):
    _no_raw_markup(book)


def test_no_raw_markup_reaches_the_small_books_paper(small_book):
    _no_raw_markup(small_book.book)


def _no_near_empty_page(printed: Book) -> None:
    """Only the cover may hold a few lines: chapters flow, and nothing is forced onto a page of
    its own."""
    for number, text in enumerate(printed.pages[1:], 2):
        lines = [line for line in text.splitlines() if line.strip()]
        assert len(lines) >= MIN_LINES, (printed.path, number, lines)


def test_no_page_is_near_empty(book):
    _no_near_empty_page(book)


def test_no_page_of_the_small_book_is_near_empty(small_book):
    _no_near_empty_page(small_book.book)


def test_cover_shows_the_edition_date_and_the_colophon_the_commit(small_book):
    cover, last = small_book.book.pages[0], small_book.book.pages[-1]
    assert f"Edisi {small_book.edition}" in " ".join(cover.split())
    assert not re.search(r"\b[0-9a-f]{7,40}\b", cover)
    assert small_book.commit not in " ".join(small_book.book.pages[:-1])
    assert "Tentang edisi ini" in last
    assert f"Kode versi isi situs untuk edisi ini: {small_book.commit}" in " ".join(last.split())


def test_an_inferred_name_is_marked_as_on_the_web_page(small_book, minimal_org):
    """Biro Keuangan dan BMN's name is inferred: the book calls it what the page calls it, with
    the badge, never "Nama resmi" alone."""
    unit = minimal_org.units["biro-keuangan-dan-barang-milik-negara"]
    assert name_label(unit) == "Nama"
    text = squeezed(small_book.book.text)
    assert squeezed(f"Nama {unit.nama} Inferensi") in text
    assert squeezed(f"Nama resmi {unit.nama}") not in text


def test_every_badge_of_the_pages_prints(small_book, minimal_org):
    """As many badges of each word in the book as on the pages it prints."""
    project = small_book.project
    written = [n.doc for n in narratives(project.config)]
    docs = [d for c in book_chapters(minimal_org, plan(minimal_org), written) for d in c.docs]
    pages = "".join((project.root / "docs" / doc).read_text(encoding="utf-8") for doc in docs)
    assert "Inferensi" in pages
    for label in environment().globals["CONFIDENCE"].values():
        assert small_book.book.text.count(label) == pages.count(f">{label}</span>"), label


def test_the_changes_page_opens_the_chapter_of_former_units(minimal_org):
    """Unit pages refer to the changes page: it is in the book, before the units it explains."""
    chapters = book_chapters(minimal_org, plan(minimal_org), [])
    (chapter,) = [c for c in chapters if HISTORY_DOC in c.docs]
    former = [unit_doc(u.id) for u in minimal_org.former_units()]
    assert former and chapter.title is None and list(chapter.docs) == [HISTORY_DOC, *former]


def _screen_only_parts_off(printed: Book) -> None:
    screen_only_parts = (
        "Buka bagan ukuran penuh",
        "Sunting sumber",
        "Beranda ›",
        "Pilih kotak",
    )
    for screen_only in (*screen_only_parts, "¶", "↩"):
        assert screen_only not in printed.text, (printed.path, screen_only)
    assert "buku PDF untuk dicetak" not in printed.text  # marked hanya-layar


def test_screen_only_parts_stay_off_paper(book):
    _screen_only_parts_off(book)


def test_screen_only_parts_stay_off_the_small_books_paper(small_book):
    _screen_only_parts_off(small_book.book)


def test_footnotes_print_with_their_sources(book):
    """The narrative cites sources as [^id]: on paper, numbered notes with the source's title."""
    assert "Catatan" in book.text
    assert "Undang-Undang Nomor 7 Tahun 2017" in book.text


def test_each_unit_in_the_book_shows_the_facts_of_its_web_page(built, book, org):
    """Its name and badges, and every row of its facts table, as the built web page shows them."""
    text = squeezed(" ".join(book.pages))
    for unit in org.units.values():
        article = built.page(posixpath.dirname(unit_doc(unit.id)) + "/").select_one("article")
        for link in article.select(".headerlink"):
            link.decompose()
        heading = article.find("h1")
        badges = heading.find_next_sibling("p")
        assert squeezed(heading.get_text()) + squeezed(badges.get_text()) in text, unit.id
        rows = article.find("table").select("tbody tr")
        assert rows, unit.id
        for row in rows:
            assert squeezed(row.get_text()) in text, (unit.id, row.get_text(" ", strip=True))


def test_editor_text_prints_as_text(hostile, tmp_path_factory):
    printed = read_book(hostile.site / BOOK_FILE, tmp_path_factory)
    assert "<script>alert(1)</script>" in printed.text
    assert HOSTILE_NAME.split(" <")[0] in printed.text


def test_current_unit_box_keeps_its_colour_in_print(org):
    """WeasyPrint ignores CSS fills on inline SVG: the highlight must be an attribute."""
    unit = org.units["biro-umum"]
    chart = unit_chart(org, unit)
    svg = str(print_svg(render_svgs([chart])[chart.id], ChartBox(480, 400))[0])
    assert f'fill="{LIGHT.saat_ini}"' in svg
    assert "<a " not in svg and "href" not in svg


def test_print_svg_fits_the_page():
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="1200px" height="100px" viewBox="0 0 960 80"/>'
    fitted, scale = print_svg(svg, ChartBox(480, 400))
    assert 'width="480.0pt"' in str(fitted) and 'height="40.0pt"' in str(fitted)
    assert scale == 0.5


NARRATIVE = """---
title: Judul pendek
---

[Beranda](../index.md) › **Judul bab**
{: .remah-roti }

# Judul bab

Lihat [Biro Umum](../struktur/biro-umum/index.md), [UU](../dasar-hukum/uu-7-2017.md#pasal-77),
[panduan](../panduan/index.md), dan [sumber](https://contoh.id/a?b=1&c=2).[^contoh][^lain] Di
[biro itu](../struktur/biro-umum/index.md) juga.

Tautan ke buku ini.
{: .hanya-layar }

## Bagian

Sekali lagi [Biro Umum](../struktur/biro-umum/index.md). Halaman ini merujuk ke halaman
[Biro Umum](../struktur/biro-umum/index.md); rinciannya ada di halaman [panduan](../panduan/index.md).

!!! info "Catatan kecil"
    Isi catatan.

<script type="application/ld+json">{"name": "x"}</script>
"""

UNIT_PAGE = """# Biro Umum

<figure class="bagan">
<div>SVG</div>
<figcaption><span class="hanya-layar"><a href="bagan.svg">Buka bagan ukuran penuh</a> · </span>Kotak berwarna.</figcaption>
</figure>

<details class="abstract bagan-daftar">
<summary>Bagan dalam bentuk daftar</summary>
<ul><li><a href="../biro-keuangan/">Biro Keuangan</a></li></ul>
</details>

Halaman ini: [Biro Umum](index.md).

## Pasal 77 {: #pasal-77 }
"""


def _svg(width: int, height: int) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}">'
        "<text>Kotak</text></svg>"
    )


def _pages(tmp_path: Path, chart: str) -> list[Any]:
    notes = tmp_path / "catatan.md"
    notes.write_text("[^contoh]: [Sumber contoh](<https://contoh.id/s>).\n[^lain]: Buku lain.\n")
    extensions = markdown_extensions(ROOT / "mkdocs.yml")
    # The project's own footnote extension, reading this test's definitions.
    extensions.update({name: {"definitions": str(notes)} for name in footnote_extension(tmp_path)})
    md = converter(extensions)
    box = ChartBox(480, 400)
    pages = [
        print_page(md, "tentang/x.md", "tentang-x", NARRATIVE, [], box, section=False),
        print_page(
            md,
            "struktur/biro-umum/index.md",
            "struktur-biro-umum",
            UNIT_PAGE.replace("SVG", chart),
            [chart],
            box,
            section=True,
        ),
        print_page(
            md,
            "dasar-hukum/uu-7-2017.md",
            "dasar-hukum-uu-7-2017",
            UNIT_PAGE,
            [],
            box,
            section=True,
        ),
    ]
    link_pages(pages, {"tentang-x": "1", "struktur-biro-umum": "2.1", "dasar-hukum-uu-7-2017": "3"})
    return pages


def test_a_page_prints_as_the_site_renders_it(tmp_path):
    narrative, unit, regulation = (str(p.html()) for p in _pages(tmp_path, _svg(200, 100)))
    # Screen-only: front matter, trail, the link to the book itself, JSON-LD, permalinks.
    for gone in ("Judul pendek", "Beranda", "Tautan ke buku ini", "ld+json", "¶", "↩"):
        assert gone not in narrative, gone
    # Links into the book point at the page (or its heading) and name its part; others are text.
    assert (
        '<a href="#struktur-biro-umum" class="rujukan">Biro Umum</a>\xa0'
        '<span class="rujukan-ke">→\xa02.1</span>'
    ) in narrative
    assert (
        '<a href="#dasar-hukum-uu-7-2017--pasal-77" class="rujukan">UU</a>\xa0'
        '<span class="rujukan-ke">→\xa0bab\xa03</span>'
    ) in narrative
    assert "panduan," in narrative and "index.md" not in narrative
    # Once per paragraph: the second link to Biro Umum in the first paragraph has no number,
    # the one in the next paragraph has. A page's link to itself has none.
    assert narrative.count('<span class="rujukan-ke">→\xa02.1</span>') == 2
    assert '<a href="#struktur-biro-umum" class="rujukan">biro itu</a> juga' in narrative
    assert "rujukan-ke" not in unit
    # The site's words about its pages as the book's about its parts; a page the book lacks
    # stays a page (of the site).
    spaced = " ".join(narrative.split())
    assert (
        'Bagian ini merujuk ke bagian <a href="#struktur-biro-umum" class="rujukan">Biro Umum</a>'
    ) in spaced
    assert "ada di halaman panduan." in spaced
    # A web address is printed after its link.
    assert '<span class="alamat">(https://contoh.id/a?b=1&amp;c=2)</span>' in narrative
    # The sources' footnotes, from the project's own extension, as the chapter's endnotes.
    assert '<h2 class="catatan-judul">Catatan</h2>' in narrative
    assert "Sumber contoh" in narrative and "(https://contoh.id/s)" in narrative
    assert "Buku lain." in narrative
    # Numbered as on the site, in brackets: "[1][2]" cannot be read as note 12, so no comma.
    assert (
        '<sup id="tentang-x--fnref:lain" class="rujukan-catatan">'
        '<a class="footnote-ref" href="#tentang-x--fn:lain">[2]</a></sup>'
    ) in narrative
    assert 'class="admonition info"' in narrative and "<h2" in narrative
    # A section's headings move a level down; its ids are the book's.
    assert '<h2 id="struktur-biro-umum--biro-umum" class="judul-halaman">Biro Umum' in unit
    assert 'id="dasar-hukum-uu-7-2017--pasal-77"' in regulation
    # A legible chart prints and its list form does not.
    assert "<text>Kotak</text>" in unit and "Bagan dalam bentuk daftar" not in unit
    assert "Buka bagan ukuran penuh" not in unit and "Kotak berwarna." in unit


def test_a_chart_too_small_to_read_prints_as_its_list(tmp_path):
    unit = str(_pages(tmp_path, _svg(200, 4000))[1].html())
    assert "<text>Kotak</text>" not in unit and "<figure" not in unit
    assert '<p class="bagan-daftar__judul">Bagan dalam bentuk daftar</p>' in unit
    assert "Biro Keuangan" in unit


def test_the_shell_holds_no_fact(minimal_org):
    """Without pages the book is only its structure: cover, contents, colophon."""
    html = book_html(
        (), SitePlan((), {}), {}, {}, [], Edition(date(2026, 12, 3), "abc1234"), [], {}
    )
    assert "Edisi 3 Desember 2026" in html and "Kode versi isi situs untuk edisi ini" in html
    assert html.index("abc1234") > html.index("Tentang edisi ini")
    for unit in minimal_org.units.values():
        assert unit.nama in TITLE or unit.nama not in html


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


def test_bare_note_numbers_in_a_row_are_kept_apart(tmp_path):
    """Without the site's brackets two notes side by side would read as one number ("²³")."""
    notes = tmp_path / "catatan.md"
    notes.write_text("[^a]: Satu.\n[^b]: Dua.\n")
    extensions: dict[str, dict[str, Any]] = {"footnotes": {}}
    extensions.update({name: {"definitions": str(notes)} for name in footnote_extension(tmp_path)})
    page = print_page(
        converter(extensions),
        "x.md",
        "x",
        "# X\n\nTeks.[^a][^b]\n",
        [],
        ChartBox(1, 1),
        section=False,
    )
    assert '<sup id="x--fnref:b" class="rujukan-catatan">,<a' in str(page.html())


def test_references_name_a_part_that_the_contents_and_a_heading_number(small_book):
    """A reference to another part prints its number; the contents list that number with the
    part's title (and page), and the part's heading carries it."""
    contents = " ".join(small_book.book.pages[1].split())
    body = " ".join(" ".join(small_book.book.pages[2:]).split())
    numbers = set(re.findall(r"→ (?:bab )?(\d+(?:\.\d+)?)", body))
    assert numbers
    for number in numbers:
        entry = re.search(rf"(?:^|\s){re.escape(number)} ([^.]+?) \.", contents)
        assert entry, (number, contents)
        assert f"{number} {entry.group(1)}" in body, (number, entry.group(1))
