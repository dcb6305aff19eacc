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

from generator.model.organisation import Organisation
from generator.plan.book import BookChapter, book_chapters, doc_anchor
from generator.plan.page import SitePlan
from generator.render import filters
from generator.render.print_page import (
    ChartBox,
    PrintPage,
    converter,
    landscape_chart,
    link_pages,
    print_page,
)

TITLE = "Struktur Organisasi Sekretariat Jenderal Komisi Pemilihan Umum"
SHORT_TITLE = "Struktur Organisasi Setjen KPU"
TEMPLATE = "book.html.j2"

#: Largest chart on an A4 page with 18 mm side margins, in points (1 mm = 72/25.4 pt).
CHART = ChartBox(480.0, 400.0)
#: A wide chapter's chart gets a landscape page (297 mm less the margins), below its heading
#: and introduction.
WIDE_CHART = ChartBox(735.0, 300.0)


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


@dataclass(frozen=True)
class TocEntry:
    anchor: str
    title: str
    level: int


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


def _toc(chapters: list[PrintChapter]) -> list[TocEntry]:
    entries = []
    for chapter in chapters:
        entries.append(TocEntry(f"bab-{chapter.anchor}", chapter.title, 1))
        sections = chapter.pages if chapter.heading else chapter.pages[1:]
        entries += [TocEntry(page.anchor, page.title, 2) for page in sections]
    return entries


def _print_chapters(
    chapters: tuple[BookChapter, ...],
    texts: Mapping[str, str],
    charts: Mapping[str, list[str]],
    extensions: Mapping[str, Mapping[str, Any]],
) -> list[PrintChapter]:
    md = converter(extensions)
    printed = []
    for chapter in chapters:
        box = WIDE_CHART if chapter.wide else CHART
        docs = [doc for doc in chapter.docs if doc in texts]
        pages = tuple(
            print_page(
                md,
                doc,
                doc_anchor(doc),
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
            printed.append(PrintChapter(chapter.anchor, title, chapter.title, chapter.wide, pages))
    link_pages([page for chapter in printed for page in chapter.pages])
    return printed


def book_html(
    org: Organisation,
    site: SitePlan,
    files: Mapping[str, bytes],
    svgs: Mapping[str, str],
    narratives: list[Narrative],
    edition: Edition,
    fonts: list[FontFace],
    extensions: Mapping[str, Mapping[str, Any]],
) -> str:
    """The whole book as one HTML document, ready for WeasyPrint.

    ``files`` are the generated files by docs/ path (the pages' Markdown among them), ``svgs``
    the drawn charts by chart id, ``extensions`` the Markdown extensions and their settings as
    the site's MkDocs configuration has them.
    """
    texts = {n.doc: n.text for n in narratives}
    charts: dict[str, list[str]] = {}
    for page in site.pages:
        if page.path in files:
            texts[page.path] = files[page.path].decode("utf-8")
            charts[page.path] = [svgs[c.id] for c in page.charts if c.id in svgs]
    chapters = book_chapters(org, site, [n.doc for n in narratives])
    printed = _print_chapters(chapters, texts, charts, extensions)
    context = {
        "title": TITLE,
        "short_title": SHORT_TITLE,
        "edition": edition,
        "fonts": fonts,
        "chapters": printed,
        "toc": _toc(printed),
    }
    return environment().get_template(TEMPLATE).render(context)
