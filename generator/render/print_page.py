"""A site page for paper: the page's own Markdown, turned into HTML by Python-Markdown with the
site's extensions and settings, less what only a screen needs, with ids and links that work in
one printed document.

The book shows what the web page shows because it *is* the web page's text: nothing here knows a
unit, a regulation or a badge. Pure: Markdown and drawn charts in, HTML out.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from lxml import etree, html
from markdown import Markdown
from markupsafe import Markup
from mkdocs.utils.meta import get_data

from generator.urls import doc_url

#: Marks an element that means something on screen only (e.g. the link to this very book).
SCREEN_ONLY = "hanya-layar"
#: The list form of a chart, printed instead of the chart when the chart would be too small.
CHART_LIST = "bagan-daftar"
#: Screen-only by nature: the trail back home, heading permalinks, footnote back links, data
#: for machines (JSON-LD) and elements hidden on screen too.
_DROP = (
    f'//*[contains(concat(" ", normalize-space(@class), " "), " {SCREEN_ONLY} ")]'
    ' | //*[contains(concat(" ", normalize-space(@class), " "), " remah-roti ")]'
    ' | //a[contains(@class, "headerlink")] | //a[contains(@class, "footnote-backref")]'
    " | //script | //*[@hidden]"
)
#: A chart whose text would print smaller than this share of its size on screen is unreadable:
#: its list form prints instead (chart text is 12 pt, so 0.55 keeps it at 6.6 pt or more).
MIN_CHART_SCALE = 0.55
#: Nor larger than the text around it (9.5 pt): a small chart takes less of the page.
MAX_CHART_SCALE = 0.8
NOTES_TITLE = "Catatan"
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_BLOCKS = ("p", "li", "td", "th", "dd", "dt", *_HEADINGS)

_SVG_NS = "http://www.w3.org/2000/svg"
_SVG_PARSER = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False)


@dataclass(frozen=True)
class ChartBox:
    """The largest size a chart may take on the page, in points."""

    width: float
    height: float


@dataclass
class PrintPage:
    """One site page as a section of the printed book."""

    doc: str
    anchor: str
    title: str
    root: html.HtmlElement
    charts: dict[str, Markup] = field(default_factory=dict)
    """Each chart by the placeholder comment that marks its place in ``root``."""

    def ids(self) -> set[str]:
        return {str(e.get("id")) for e in self.root.iter() if e.get("id")}

    def html(self) -> Markup:
        """The section as HTML, its charts in place. Trusted: the page was rendered, and every
        editor-supplied string escaped, by the site's own templates."""
        text = etree.tostring(self.root, encoding="unicode", method="html")
        for placeholder, svg in self.charts.items():
            text = text.replace(f"<!--{placeholder}-->", svg)
        return Markup(text)


def converter(extensions: Mapping[str, Mapping[str, Any]]) -> Markdown:
    """Python-Markdown set up as the site's MkDocs configuration sets it up."""
    return Markdown(
        extensions=list(extensions),
        extension_configs={name: dict(options) for name, options in extensions.items() if options},
    )


def print_svg(svg: str, box: ChartBox) -> tuple[Markup, float]:
    """A chart for paper and its scale: sized to fit the box (keeping its proportions), without
    links (their relative addresses mean nothing in a PDF).

    The highlight colours stay SVG attributes: WeasyPrint ignores CSS fills on inline SVG.
    """
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
    width, height = (view[2], view[3]) if len(view) == 4 else (box.width, box.height)
    scale = min(
        MAX_CHART_SCALE, box.width / width if width else 1.0, box.height / height if height else 1.0
    )
    root.set("width", f"{width * scale:.1f}pt")
    root.set("height", f"{height * scale:.1f}pt")
    return Markup(etree.tostring(root, encoding="unicode")), scale


def _has_class(element: html.HtmlElement, name: str) -> bool:
    return name in (element.get("class") or "").split()


def _drop_screen_only(root: html.HtmlElement) -> None:
    for element in root.xpath(_DROP):
        element.drop_tree()


#: A page is a section of the book: what the site says of "this page" (a badge's note, an intro,
#: a chart's list), the book says of its section. Whole words only.
PAPER_WORDS = (("Halaman ini", "Bagian ini"), ("halaman ini", "bagian ini"))


def on_paper(text: str) -> str:
    """The site's words about its pages as the book says them.

    >>> on_paper("Halaman ini memuat 5 hubungan (halaman ini); dua halaman informasi")
    'Bagian ini memuat 5 hubungan (bagian ini); dua halaman informasi'
    """
    for web, paper in PAPER_WORDS:
        text = re.sub(rf"\b{web}\b", paper, text)
    return text


def _words_on_paper(root: html.HtmlElement) -> None:
    for element in root.iter():
        # A comment's text is a chart's placeholder, not words.
        if isinstance(element.tag, str) and element.tag not in ("script", "style") and element.text:
            element.text = on_paper(element.text)
        if element.tail and element is not root:
            element.tail = on_paper(element.tail)


def _place_charts(
    anchor: str, body: str, svgs: list[str], box: ChartBox
) -> tuple[str, dict[str, Markup], dict[str, float]]:
    """Each chart's SVG is swapped for a comment before Markdown runs (an HTML parser would
    mangle SVG's case-sensitive names); the comment is swapped back when printed."""
    charts: dict[str, Markup] = {}
    scales: dict[str, float] = {}
    for number, svg in enumerate(svgs):
        if svg not in body:
            continue
        placeholder = f"bagan:{anchor}:{number}"
        charts[placeholder], scales[placeholder] = print_svg(svg, box)
        body = body.replace(svg, f"<!--{placeholder}-->")
    return body, charts, scales


def _chart_or_list(
    root: html.HtmlElement, charts: dict[str, Markup], scales: dict[str, float]
) -> None:
    """A chart prints when it stays legible, and then its list form is left out; otherwise the
    list form prints in its place."""
    for comment in list(root.iter(etree.Comment)):
        placeholder = str(comment.text or "")
        if placeholder not in charts:
            continue
        figure = next((e for e in comment.iterancestors("figure")), None)
        outline = figure.getnext() if figure is not None else None
        if outline is not None and not _has_class(outline, CHART_LIST):
            outline = None
        if scales[placeholder] >= MIN_CHART_SCALE or outline is None:
            if outline is not None:
                outline.drop_tree()
            continue
        del charts[placeholder]
        if figure is not None:
            figure.drop_tree()
        summary = outline.find("summary")
        if summary is not None:
            summary.tag = "p"
            summary.set("class", "bagan-daftar__judul")
        outline.tag = "div"


def _notes(root: html.HtmlElement, level: int) -> None:
    """Markdown's footnotes become the section's endnotes, under a heading of their own."""
    for notes in root.xpath('//div[contains(@class, "footnote")]'):
        for rule in notes.findall("hr"):
            rule.drop_tree()
        heading = html.Element(f"h{level}", {"class": "catatan-judul"})
        heading.text = NOTES_TITLE
        notes.insert(0, heading)
    for ref in root.xpath('//a[contains(@class, "footnote-ref")]/parent::sup'):
        ref.set("class", "rujukan-catatan")
        before = ref.getprevious()
        # Two bare numbers in a row read as one ("²³"): a comma keeps them apart. Bracketed
        # numbers ("[2][3]", the site's setting) are apart already.
        bare = not ref.text_content().strip().startswith("[")
        if (
            bare
            and before is not None
            and _has_class(before, "rujukan-catatan")
            and not before.tail
        ):
            ref.text = ","


def _demote(root: html.HtmlElement) -> None:
    """A page printed as a section of a chapter: its headings move one level down."""
    for heading in root.iter("h1", "h2", "h3", "h4", "h5"):
        heading.tag = f"h{int(heading.tag[1]) + 1}"


def _prefix_ids(root: html.HtmlElement, anchor: str) -> None:
    """Ids (headings, footnotes) are unique within a page, not within the book."""
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag == "svg":
            continue
        if element.get("id"):
            element.set("id", f"{anchor}--{element.get('id')}")
        href = element.get("href") if element.tag == "a" else None
        if href and href.startswith("#") and len(href) > 1:
            element.set("href", f"#{anchor}--{href[1:]}")


def print_page(
    md: Markdown,
    doc: str,
    anchor: str,
    text: str,
    svgs: list[str],
    box: ChartBox,
    *,
    section: bool,
) -> PrintPage:
    """One page of the site for the book: ``text`` is its Markdown exactly as the site has it
    (front matter included), ``svgs`` its drawn charts, ``section`` whether it is printed under a
    chapter heading (its headings then move down a level)."""
    body, _meta = get_data(text)
    body, charts, scales = _place_charts(anchor, body, svgs, box)
    md.reset()
    root = html.fragment_fromstring(md.convert(body), create_parent="section")
    _drop_screen_only(root)
    _words_on_paper(root)
    _chart_or_list(root, charts, scales)
    heading = root.find("h1")
    title = heading.text_content().strip() if heading is not None else doc
    if heading is not None:
        heading.set("class", "judul-halaman")
    if section:
        _demote(root)
    _notes(root, 3 if section else 2)
    _prefix_ids(root, anchor)
    root.set("id", anchor)
    root.set("class", "halaman halaman--bagian" if section else "halaman")
    return PrintPage(doc, anchor, title, root, charts)


def _target_doc(href: str, doc: str) -> tuple[str, str]:
    """The docs/ path and fragment a page-relative link points to: Markdown links name files,
    links in raw HTML name final addresses (``../biro-umum/``)."""
    target, _, fragment = href.partition("#")
    base = posixpath.dirname(doc) if target.endswith(".md") else doc_url(doc).rstrip("/")
    path = posixpath.normpath(posixpath.join(base, target)) if target else doc
    return path.removeprefix("./"), fragment


def link_pages(pages: list[PrintPage], numbers: Mapping[str, str]) -> None:
    """Links between pages of the book point into the book and name the part they lead to, by
    its number (``numbers``: the chapter or section number by page anchor, as the headings and
    the contents print it), once per block; links to pages the book lacks become text; web
    addresses are printed after their text.

    A number, not a page number: the layout engine would lay every page out again until the page
    numbers settle (three times over for this book), and the contents give each part's page."""
    by_doc = {p.doc: p.anchor for p in pages}
    by_doc.update({doc_url(p.doc).rstrip("/") or ".": p.anchor for p in pages})
    ids = set().union(*(p.ids() for p in pages)) if pages else set()
    for page in pages:
        marked: set[tuple[html.HtmlElement, str]] = set()
        for link in list(page.root.iter("a")):
            href = link.get("href") or ""
            if href.startswith("#"):
                continue
            if href.startswith(("http://", "https://", "mailto:")):
                _show_address(link, href)
                continue
            path, fragment = _target_doc(href, page.doc)
            anchor = by_doc.get(path) or by_doc.get(path.removesuffix("/index.md"))
            if anchor is None:
                link.drop_tag()
                continue
            target = f"{anchor}--{fragment}" if fragment else anchor
            for attribute in list(link.attrib):
                del link.attrib[attribute]
            link.set("href", f"#{target if target in ids else anchor}")
            link.set("class", "rujukan")
            _page_word_on_paper(link)
            number = numbers.get(anchor)
            # Once per paragraph, list item or cell, and never for the page itself.
            block = (_block(link), anchor)  # the set keeps lxml's proxy, so it stays one
            if number and anchor != page.anchor and block not in marked:
                marked.add(block)
                # Unbroken from the link's last word: "→ 9.2" alone atop a page reads as nothing.
                _after(link, "rujukan-ke", reference_mark(number), "\u00a0")


def number_heading(page: PrintPage, number: str) -> None:
    """The page's title printed with its number, as the contents and references name it."""
    heading = page.root.find(".//*[@class='judul-halaman']")
    if heading is None:
        return
    label = html.Element("span", {"class": "nomor"})
    label.text = number
    label.tail = " " + (heading.text or "")
    heading.text = None
    heading.insert(0, label)


def reference_label(number: str) -> str:
    """How a reference names a part of the book: a chapter by "bab", a section by its number.

    >>> reference_label("3"), reference_label("3.12")
    ('bab 3', '3.12')
    """
    return number if "." in number else f"bab {number}"


def reference_mark(number: str) -> str:
    """What follows a reference on paper: an arrow and the part's label ("→ 3.12", "→ bab 3"),
    unbroken. Not a bracket: beside the text's own, "(Pusdatin)", brackets read as a pile. Not
    "lihat": the text often says it already."""
    return "→\u00a0" + reference_label(number).replace(" ", "\u00a0")


_PAGE_WORD = re.compile(r"\bhalaman(\s+)$")


def _page_word_on_paper(link: html.HtmlElement) -> None:
    """ "… ada di halaman <link>": on paper the link leads to a part of the book, "di bagian"."""
    before = link.getprevious()
    parent = link.getparent()
    if before is not None and before.tail:
        before.tail = _PAGE_WORD.sub(r"bagian\1", before.tail)
    elif before is None and parent is not None and parent.text:
        parent.text = _PAGE_WORD.sub(r"bagian\1", parent.text)


def _block(element: html.HtmlElement) -> html.HtmlElement:
    """The paragraph, list item or table cell an inline element stands in."""
    return next(
        (e for e in element.iterancestors(*_BLOCKS)),
        element.getparent() if element.getparent() is not None else element,
    )


def _after(link: html.HtmlElement, css_class: str, text: str, space: str = " ") -> None:
    """A small note printed right after a link (the link's own tail follows the note), after
    ``space``: a no-break space keeps the note on the line of the link's last word."""
    note = html.Element("span", {"class": css_class})
    note.text = text
    note.tail = link.tail
    link.tail = space
    link.addnext(note)


def _show_address(link: html.HtmlElement, href: str) -> None:
    """On paper a reader cannot follow a link: its address is printed after it (unless the text
    already is the address). The link stays, so the PDF can still be clicked."""
    address = href.removeprefix("mailto:")
    if link.text_content().strip() == address:
        return
    _after(link, "alamat", f"({address})")


def landscape_chart(page: PrintPage) -> None:
    """A wide page's first chart goes, with its heading, on a landscape page of its own; what
    comes before it is kept together, so the page it leaves behind is never near-empty."""
    root = page.root
    figure = next((e for e in root if e.tag == "figure" and _has_class(e, "bagan")), None)
    if figure is None:
        return
    end = root.index(figure)
    before = root[end - 1] if end > 0 else None
    start = end - 1 if before is not None and before.tag in _HEADINGS else end
    intro, wide = root[:start], root[start : end + 1]
    for block, name, at in ((wide, "lebar", start), (intro, "pembuka", 0)):
        if not block:
            continue
        wrapper = html.Element("div", {"class": name})
        root.insert(at, wrapper)
        wrapper.extend(block)
