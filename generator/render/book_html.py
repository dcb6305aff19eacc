"""The printable book: one HTML document for WeasyPrint to lay out as the PDF.

The book is the site on paper: cover, contents, then the site's own pages (the hand-written
narrative, the overview chart, every central unit, the regulations, the regional secretariats),
each rendered from its Markdown exactly as the site renders it (``print_page``), and a colophon.
The shell template holds only the book's structure, never a fact of its own, so page and book
cannot drift. Pure: the plan, the rendered pages, the drawn charts, the narrative texts, the
edition and the font files go in; an HTML string comes out. Reading files and running WeasyPrint
belong to the build.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment

from generator.plan.book import BookChapter
from generator.plan.page import SitePlan
from generator.render import filters
from generator.render.print_page import (
    ChartBox,
    PrintPage,
    converter,
    landscape_chart,
    link_pages,
    number_heading,
    print_page,
)
from generator.urls import book_anchor

TITLE = "Struktur Organisasi Sekretariat Jenderal Komisi Pemilihan Umum"
SHORT_TITLE = "Struktur Organisasi Setjen KPU"
TEMPLATE = "book.html.j2"

#: Largest chart on an A4 page with 18 mm side margins, in points (1 mm = 72/25.4 pt): the
#: text is 717 pt tall, so a chart this tall still fits with its heading and caption (the chart
#: of the changes, tall and narrow, prints at 0.74 of its size; below 0.55, a list prints).
CHART = ChartBox(480.0, 600.0)
#: A wide chapter's chart gets a landscape page (297 mm less the margins, 470 pt tall) with its
#: heading and caption; its introduction stays on the page before.
WIDE_CHART = ChartBox(735.0, 380.0)


@dataclass(frozen=True)
class FontFace:
    """One local font file, declared with @font-face so WeasyPrint embeds it."""

    family: str
    weight: str
    style: str
    path: Path

    @property
    def url(self) -> str:
        return self.path.as_uri()


@dataclass(frozen=True)
class Narrative:
    """A hand-written page: where it lives under docs/, and its Markdown (with front matter)."""

    doc: str
    text: str


@dataclass(frozen=True)
class Edition:
    """Which edition the book is: the build date (on the cover) and, when known, the commit
    (in the colophon)."""

    date: date
    commit: str | None = None


@dataclass(frozen=True)
class PrintChapter:
    """A chapter ready for the shell template: its own heading (if any) and its pages."""

    anchor: str
    title: str
    heading: str | None
    wide: bool
    pages: tuple[PrintPage, ...]
    number: str
    """The chapter's number ("3"); its sections are "3.1", "3.2", …"""


@dataclass(frozen=True)
class TocEntry:
    anchor: str
    title: str
    level: int
    number: str


def edition_date(epoch: str | None, today: date) -> date:
    """The edition date: SOURCE_DATE_EPOCH (UTC) when set, so a rebuild is identical; else today.

    >>> edition_date("1795824000", date(2000, 1, 1)), edition_date(None, date(2026, 11, 28))
    (datetime.date(2026, 11, 28), datetime.date(2026, 11, 28))
    """
    if epoch and epoch.strip().isdigit():
        return datetime.fromtimestamp(int(epoch), UTC).date()
    return today


def environment() -> Environment:
    """The book's Jinja environment: HTML output, so every printed value is autoescaped."""
    return filters.base_environment(autoescape=True)


def _sections(chapter: PrintChapter) -> tuple[PrintPage, ...]:
    """The pages printed as the chapter's sections: all of them under a heading of the book's
    own, else all but the first, which opens the chapter."""
    return chapter.pages if chapter.heading else chapter.pages[1:]


def part_numbers(chapters: list[PrintChapter]) -> dict[str, str]:
    """Each page's number by its anchor: a chapter's ("3") for the page that opens it, a
    section's ("3.2") for the others."""
    numbers = {}
    for chapter in chapters:
        if not chapter.heading:
            numbers[chapter.pages[0].anchor] = chapter.number
        for count, page in enumerate(_sections(chapter), start=1):
            numbers[page.anchor] = f"{chapter.number}.{count}"
    return numbers


def _toc(chapters: list[PrintChapter], numbers: Mapping[str, str]) -> list[TocEntry]:
    entries = []
    for chapter in chapters:
        entries.append(TocEntry(f"bab-{chapter.anchor}", chapter.title, 1, chapter.number))
        entries += [
            TocEntry(page.anchor, page.title, 2, numbers[page.anchor])
            for page in _sections(chapter)
        ]
    return entries


def _print_chapters(
    chapters: tuple[BookChapter, ...],
    texts: Mapping[str, str],
    charts: Mapping[str, list[str]],
    extensions: Mapping[str, Mapping[str, Any]],
) -> list[PrintChapter]:
    md = converter(extensions)
    printed: list[PrintChapter] = []
    for chapter in chapters:
        box = WIDE_CHART if chapter.wide else CHART
        docs = [doc for doc in chapter.docs if doc in texts]
        pages = tuple(
            print_page(
                md,
                doc,
                book_anchor(doc),
                texts[doc],
                charts.get(doc, []),
                box,
                section=chapter.title is not None or number > 0,
            )
            for number, doc in enumerate(docs)
        )
        if pages and chapter.wide:
            landscape_chart(pages[0])
        if pages:
            title = chapter.title or pages[0].title
            number = str(len(printed) + 1)
            printed.append(
                PrintChapter(chapter.anchor, title, chapter.title, chapter.wide, pages, number)
            )
    numbers = part_numbers(printed)
    for page in (page for chapter in printed for page in chapter.pages):
        number_heading(page, numbers[page.anchor])
    link_pages([page for chapter in printed for page in chapter.pages], numbers)
    return printed


def book_html(
    chapters: tuple[BookChapter, ...],
    site: SitePlan,
    files: Mapping[str, bytes],
    svgs: Mapping[str, str],
    narratives: list[Narrative],
    edition: Edition,
    fonts: list[FontFace],
    extensions: Mapping[str, Mapping[str, Any]],
) -> str:
    """The whole book as one HTML document, ready for WeasyPrint.

    ``chapters`` are the book's chapters as planned (``plan.book.book_chapters``), ``files``
    the generated files by docs/ path (the pages' Markdown among them), ``svgs``
    the drawn charts by chart id, ``extensions`` the Markdown extensions and their settings as
    the site's MkDocs configuration has them.
    """
    texts = {n.doc: n.text for n in narratives}
    charts: dict[str, list[str]] = {}
    for page in site.pages:
        if page.path in files:
            texts[page.path] = files[page.path].decode("utf-8")
            charts[page.path] = [svgs[c.id] for c in page.charts if c.id in svgs]
    printed = _print_chapters(chapters, texts, charts, extensions)
    context = {
        "title": TITLE,
        "short_title": SHORT_TITLE,
        "edition": edition,
        "fonts": fonts,
        "chapters": printed,
        "toc": _toc(printed, part_numbers(printed)),
    }
    return environment().get_template(TEMPLATE).render(context)
