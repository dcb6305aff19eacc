"""The printable book: one HTML document for WeasyPrint to lay out as the PDF.

Cover, contents, the hand-written narrative (docs/tentang/), the overview chart, every central
unit (active and former) with its chart and facts, the regulations, and the provincial
secretariats. Pure: the model, the site plan, the drawn charts, the narrative texts, the edition
and the font files go in; an HTML string comes out. Reading files and running WeasyPrint belong to
the build.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import markdown
from jinja2 import Environment
from lxml import etree, html
from markupsafe import Markup, escape
from mkdocs.utils.meta import get_data

from generator.model.organisation import Organisation
from generator.plan.labels import regulation_short
from generator.plan.page import SitePlan
from generator.render import filters
from generator.schema import Regulation, Unit
from generator.urls import (
    OVERVIEW_DOC,
    REGIONS_DOC,
    REGULATIONS_DOC,
    regulation_doc,
    unit_doc,
)

TITLE = "Struktur Organisasi Sekretariat Jenderal Komisi Pemilihan Umum"
SHORT_TITLE = "Struktur Organisasi Setjen KPU"
TEMPLATE = "book.html.j2"
#: Markdown extensions of mkdocs.yml that change how the narrative reads on paper.
MARKDOWN_EXTENSIONS = ("admonition", "attr_list", "md_in_html", "tables")
#: Elements the narrative marks as meaningful on screen only (e.g. the link to this very book).
SCREEN_ONLY = "hanya-layar"

#: Largest chart size on an A4 page with 18 mm side margins, in points (1 mm = 72/25.4 pt).
CHART_WIDTH_PT = 480.0
UNIT_CHART_HEIGHT_PT = 400.0
#: The overview is wide: it gets a landscape page (297 mm less the margins).
OVERVIEW_CHART_WIDTH_PT = 735.0
OVERVIEW_CHART_HEIGHT_PT = 370.0

#: The book's own sections. Not 'bagan-…': the charts' SVG groups carry those ids.
OVERVIEW_ANCHOR = "ikhtisar"
UNITS_ANCHOR = "unit-unit"
FORMER_ANCHOR = "unit-terdahulu"
REGULATIONS_ANCHOR = "dasar-hukum"
REGIONS_ANCHOR = "sekretariat-daerah"
SECTION_ANCHORS = {
    "overview": OVERVIEW_ANCHOR,
    "units": UNITS_ANCHOR,
    "former": FORMER_ANCHOR,
    "regulations": REGULATIONS_ANCHOR,
    "regions": REGIONS_ANCHOR,
}


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
    """Which edition the cover names: the build date and, when known, the commit."""

    date: date
    commit: str | None = None


@dataclass(frozen=True)
class Chapter:
    """One narrative page, rendered for print."""

    anchor: str
    title: str
    body: Markup


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


def unit_anchor(unit: Unit) -> str:
    return f"unit-{unit.id}"


def regulation_anchor(regulation: Regulation) -> str:
    return f"peraturan-{regulation.id}"


def narrative_anchor(doc: str) -> str:
    """The chapter's anchor.

    >>> narrative_anchor("tentang/landasan-hukum.md")
    'tentang-landasan-hukum'
    """
    return re.sub(r"[^a-z0-9]+", "-", doc.removesuffix(".md").lower()).strip("-")


def book_anchors(org: Organisation, narratives: list[Narrative]) -> dict[str, str]:
    """Pages of the site that the book also holds, by docs/ path: their place in the book."""
    anchors = {
        OVERVIEW_DOC: OVERVIEW_ANCHOR,
        REGULATIONS_DOC: REGULATIONS_ANCHOR,
        REGIONS_DOC: REGIONS_ANCHOR,
    }
    anchors.update((unit_doc(u.id), unit_anchor(u)) for u in org.units.values())
    anchors.update((regulation_doc(r.id), regulation_anchor(r)) for r in org.regulations.values())
    anchors.update((n.doc, narrative_anchor(n.doc)) for n in narratives)
    return anchors


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """The front matter (read as MkDocs reads it) and the Markdown after it.

    >>> split_front_matter("---\\ntitle: A\\n---\\n# B\\n")
    ({'title': 'A'}, '# B\\n')
    """
    body, meta = get_data(text)
    return meta, body


def _rewrite_link(
    link: html.HtmlElement, doc: str, anchors: dict[str, str], notes: list[str]
) -> None:
    """On paper a link either points into the book (with its page number) or becomes text.

    A web address becomes a numbered note at the end of the chapter, so a reader can still type
    it. (Not a CSS footnote: WeasyPrint 70 repeats footnotes that move to a later page.)
    """
    href = link.get("href", "")
    if href.startswith(("http://", "https://")):
        if href not in notes:
            notes.append(href)
        mark = html.Element("sup", {"class": "catatan-ref"})
        mark.text = str(notes.index(href) + 1)
        mark.tail = link.tail
        link.tail = None
        link.addnext(mark)
        link.drop_tag()
        return
    target = href.split("#", 1)[0]
    if target and "://" not in target and not target.startswith("mailto:"):
        target = posixpath.normpath(posixpath.join(posixpath.dirname(doc), target))
    anchor = anchors.get(target)
    if anchor is None:
        link.drop_tag()
        return
    for attribute in list(link.attrib):
        del link.attrib[attribute]
    link.set("href", f"#{anchor}")
    link.set("class", "rujukan")


def _endnotes(notes: list[str]) -> str:
    """The chapter's web addresses, numbered as the marks in its text."""
    if not notes:
        return ""
    items = "".join(f'<li><span class="alamat">{escape(url)}</span></li>' for url in notes)
    return f'<h3 class="catatan-akhir">Alamat web yang dirujuk</h3><ol class="catatan-akhir">{items}</ol>'


def narrative_chapter(narrative: Narrative, anchors: dict[str, str]) -> Chapter:
    """A narrative page as a chapter: its first heading becomes the title, links fit paper."""
    meta, body = split_front_matter(narrative.text)
    rendered = markdown.markdown(body, extensions=list(MARKDOWN_EXTENSIONS))
    root = html.fragment_fromstring(rendered, create_parent="div")
    title = str(meta.get("title", narrative.doc))
    heading = root.find("h1")
    if heading is not None:
        title = heading.text_content().strip()
        heading.drop_tree()
    for element in root.xpath(f'//*[contains(concat(" ", @class, " "), " {SCREEN_ONLY} ")]'):
        element.drop_tree()
    notes: list[str] = []
    for link in list(root.iter("a")):
        _rewrite_link(link, narrative.doc, anchors, notes)
    # Headings below the chapter title move one level down (h2 → h3), under the book's h2 units.
    for heading in root.iter("h2", "h3", "h4", "h5"):
        heading.tag = f"h{int(heading.tag[1]) + 1}"
    # Trusted as HTML: the Markdown is hand-written by maintainers, like the site's own pages.
    inner = "".join(html.tostring(child, encoding="unicode") for child in root)
    body_html = escape(root.text or "") + Markup(inner + _endnotes(notes))
    return Chapter(narrative_anchor(narrative.doc), title, body_html)


_SVG_NS = "http://www.w3.org/2000/svg"
_SVG_PARSER = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False)


def print_svg(svg: str, max_width: float, max_height: float) -> Markup:
    """A chart for paper: sized to fit the page (in points, keeping its proportions), without
    links (their relative addresses mean nothing in a PDF)."""
    root = etree.fromstring(svg.encode("utf-8"), _SVG_PARSER)
    for anchor in list(root.iter(f"{{{_SVG_NS}}}a")):
        parent = anchor.getparent()
        if parent is None:
            continue
        index = parent.index(anchor)
        for offset, child in enumerate(list(anchor)):
            parent.insert(index + offset, child)
        parent.remove(anchor)
    view = [float(x) for x in root.get("viewBox", "0 0 0 0").replace(",", " ").split()]
    width, height = (view[2], view[3]) if len(view) == 4 else (max_width, max_height)
    scale = min(1.0, max_width / width if width else 1.0, max_height / height if height else 1.0)
    root.set("width", f"{width * scale:.1f}pt")
    root.set("height", f"{height * scale:.1f}pt")
    return Markup(etree.tostring(root, encoding="unicode"))


def _toc(
    chapters: list[Chapter], org: Organisation, units: list[Unit], former: list[Unit]
) -> list[TocEntry]:
    entries = [TocEntry(c.anchor, c.title, 1) for c in chapters]
    entries.append(TocEntry(OVERVIEW_ANCHOR, "Bagan Sekretariat Jenderal KPU", 1))
    entries.append(TocEntry(UNITS_ANCHOR, "Unit-unit Sekretariat Jenderal", 1))
    entries += [TocEntry(unit_anchor(u), u.nama, 2) for u in units]
    if former:
        entries.append(TocEntry(FORMER_ANCHOR, "Unit terdahulu", 1))
        entries += [TocEntry(unit_anchor(u), u.nama, 2) for u in former]
    entries.append(TocEntry(REGULATIONS_ANCHOR, "Dasar Hukum", 1))
    entries += [
        TocEntry(regulation_anchor(r), regulation_short(r), 2) for r in org.regulations.values()
    ]
    if org.regional.secretariats:
        entries.append(TocEntry(REGIONS_ANCHOR, "Sekretariat KPU Provinsi", 1))
    return entries


def environment() -> Environment:
    """The book's own Jinja environment: HTML output, so every printed value is autoescaped."""
    env = filters.base_environment(autoescape=True)
    env.filters.update(unit_anchor=unit_anchor, regulation_anchor=regulation_anchor)
    return env


def _chart_svgs(site: SitePlan, svgs: dict[str, str]) -> dict[str, str]:
    """Each drawn chart by the docs/ path of the page it belongs to."""
    return {
        page.path: svgs[page.chart.id]
        for page in site.pages
        if page.chart is not None and page.chart.id in svgs
    }


def book_html(
    org: Organisation,
    site: SitePlan,
    svgs: dict[str, str],
    narratives: list[Narrative],
    edition: Edition,
    fonts: list[FontFace],
) -> str:
    """The whole book as one HTML document, ready for WeasyPrint."""
    anchors = book_anchors(org, narratives)
    chapters = [narrative_chapter(n, anchors) for n in narratives]
    by_doc = _chart_svgs(site, svgs)
    units = [u for u, _ in org.walk()]
    former = org.former_units()
    unit_charts = {
        u.id: print_svg(by_doc[unit_doc(u.id)], CHART_WIDTH_PT, UNIT_CHART_HEIGHT_PT)
        for u in [*units, *former]
        if unit_doc(u.id) in by_doc
    }
    overview = by_doc.get(OVERVIEW_DOC)
    context = {
        "org": org,
        "title": TITLE,
        "short_title": SHORT_TITLE,
        "edition": edition,
        "anchor": SECTION_ANCHORS,
        "fonts": fonts,
        "chapters": chapters,
        "toc": _toc(chapters, org, units, former),
        "units": units,
        "former": former,
        "unit_charts": unit_charts,
        "overview_svg": (
            print_svg(overview, OVERVIEW_CHART_WIDTH_PT, OVERVIEW_CHART_HEIGHT_PT)
            if overview
            else None
        ),
        "provinces": org.regional.provinces(),
    }
    return environment().get_template(TEMPLATE).render(context)
