"""Charts as pages show them. The narrow layout: the same boxes and lines as an indented tree,
one box per row, drawn as SVG here (no Graphviz), for screens too narrow for the wide layout;
and the full-size view, the wide layout on a page of its own.

A wide org chart shrunk to a phone's width has unreadable text; this layout keeps the text at
its size and grows downwards instead. The page shows one layout or the other by a media query
(``views``), so whichever layout is on screen, the other takes no room and no keyboard stops.
Labels are wrapped by measured width: the advance widths below are DejaVu Sans Bold's, wider
than the fonts phones use, so a label never runs out of its box.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from generator.plan.org_charts import ENDED, NEW, Chart, Edge, Node, OutlineItem, outline
from generator.render.palette import LIGHT
from generator.render.print_page import SCREEN_ONLY

SVG_NS = "http://www.w3.org/2000/svg"

#: The layout's natural width in CSS px: fits a 360 px phone's text column (about 306 px).
WIDTH = 300
INDENT = 18
FONT_PX = 14
SMALL_PX = 14
LINE_PX = 18
SMALL_LINE_PX = 18
PAD_X = 8
PAD_Y = 7
GAP = 8

#: DejaVu Sans Bold advance widths of ASCII 32–126, in thousandths of an em.
_ADVANCE = (
    "348 456 521 838 696 1002 872 306 457 457 523 838 380 415 380 365 696 696 696 696 696 696 "
    "696 696 696 696 400 400 838 838 838 580 1000 774 762 734 830 683 683 821 837 372 372 775 "
    "637 995 837 850 733 850 770 720 682 812 774 1103 771 724 725 457 365 457 838 500 500 675 "
    "716 593 716 678 435 716 712 343 343 665 343 1042 712 687 716 716 493 595 478 712 652 924 "
    "645 652 582 712 365 712 838"
)
_WIDTHS = dict(zip(map(chr, range(32, 127)), map(int, _ADVANCE.split()), strict=True))
#: Any other character is taken as wide as an 'M' (accented letters, dashes, quotes).
_OTHER = 1000


def text_width(text: str, size: float) -> float:
    """Width of ``text`` at ``size`` px, as wide as the widest common font would set it.

    >>> text_width("Biro", 10)
    22.85
    """
    return sum(_WIDTHS.get(c, _OTHER) for c in text) * size / 1000


def wrap_px(text: str, width: float, size: float) -> list[str]:
    """Words in lines no wider than ``width`` px; a word longer than a line gets a line alone.

    >>> wrap_px("Sekretariat KPU Kabupaten Bandung Barat", 150, 14)
    ['Sekretariat KPU', 'Kabupaten', 'Bandung Barat']
    """
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", size) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


@dataclass(frozen=True)
class _Row:
    """One box of the narrow layout, placed."""

    node: Node
    edge: Edge | None
    depth: int
    y: float
    height: float
    above: tuple[str, ...]
    """The label of the line leading here ("digantikan oleh:"), 14 px italic."""
    lines: tuple[str, ...]
    """The name, 14 px."""
    below: tuple[str, ...]
    """The box's note ("baru"), 14 px bold."""
    parent: int | None
    """Index of the row this one hangs from."""

    @property
    def x(self) -> float:
        return 0.5 + self.depth * INDENT

    @property
    def dashed(self) -> bool:
        return self.edge is not None and self.edge.dashed

    @property
    def middle(self) -> float:
        return self.y + self.height / 2


def _rows(items: tuple[OutlineItem, ...]) -> list[_Row]:
    rows: list[_Row] = []
    y = 0.5

    def place(item: OutlineItem, depth: int, parent: int | None) -> None:
        nonlocal y
        inner = WIDTH - 1 - depth * INDENT - 2 * PAD_X
        label = item.edge.label if item.edge and item.edge.label else None
        lines = tuple(wrap_px(item.node.label, inner, FONT_PX))
        above = tuple(wrap_px(f"{label}:", inner, SMALL_PX)) if label else ()
        below = tuple(wrap_px(item.node.note, inner, SMALL_PX)) if item.node.note else ()
        height = 2 * PAD_Y + len(lines) * LINE_PX + (len(above) + len(below)) * SMALL_LINE_PX
        rows.append(_Row(item.node, item.edge, depth, y, height, above, lines, below, parent))
        here = len(rows) - 1
        y += height + GAP
        for child in item.children:
            place(child, depth + 1, here)

    for item in items:
        place(item, 0, None)
    return rows


def _q(tag: str) -> str:
    return f"{{{SVG_NS}}}{tag}"


def _sub(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    return etree.SubElement(parent, _q(tag), {k.replace("_", "-"): v for k, v in attrs.items()})


def _n(value: float) -> str:
    """A coordinate without needless decimals (the same layout gives the same text)."""
    return f"{value:.1f}".removesuffix(".0")


def _edges(svg: etree._Element, chart: Chart, rows: list[_Row]) -> None:
    """Each line runs down a trunk from its parent and ends in a short tick to the box.

    A trunk segment carries the lines to every later sibling too, so it is dashed only when all
    of them are (as in the wide layout's stacked columns).
    """
    siblings: dict[int, list[int]] = {}
    for i, row in enumerate(rows):
        if row.parent is not None:
            siblings.setdefault(row.parent, []).append(i)
    for parent, kids in siblings.items():
        top = rows[parent]
        trunk_x = top.x + INDENT / 2
        start = top.y + top.height
        for position, i in enumerate(kids):
            row = rows[i]
            edge = row.edge
            assert edge is not None
            classes = " ".join(("edge", *edge.classes))
            group = _sub(svg, "g", id=f"{chart.id}-sempit-e{i}", **{"class": classes})
            _sub(group, "title").text = edge.tooltip
            trunk_dashed = all(rows[k].dashed for k in kids[position:])
            for d, dashed in (
                (f"M{_n(trunk_x)} {_n(start)}V{_n(row.middle)}", trunk_dashed),
                (f"M{_n(trunk_x)} {_n(row.middle)}H{_n(row.x)}", edge.dashed),
            ):
                path = _sub(group, "path", d=d, fill="none", stroke=LIGHT.sambung)
                if dashed:
                    path.set("stroke-dasharray", "5 3")
            start = row.middle


def _colours(node: Node) -> tuple[str, str, str]:
    """Fill, border and text colour, written as attributes like the wide layout's (for print)."""
    if node.is_current:
        return LIGHT.saat_ini, LIGHT.garis, LIGHT.saat_ini_teks
    if NEW in node.classes:
        return LIGHT.baru, LIGHT.baru_garis, LIGHT.teks
    if ENDED in node.classes:
        return LIGHT.berakhir, LIGHT.garis, LIGHT.teks
    return LIGHT.kotak, LIGHT.garis, LIGHT.teks


def _box(svg: etree._Element, chart: Chart, i: int, row: _Row) -> None:
    node = row.node
    classes = " ".join(("node", *node.classes))
    group = _sub(svg, "g", id=f"{chart.id}-sempit-n{i}", **{"class": classes})
    _sub(group, "title").text = node.tooltip
    link = _sub(group, "a", href=node.href, target="_top")
    fill, stroke, ink = _colours(node)
    width = WIDTH - 1 - row.depth * INDENT
    rect = _sub(
        link, "rect", x=_n(row.x), y=_n(row.y), width=_n(width), height=_n(row.height),
        rx="6", fill=fill, stroke=stroke,
    )  # fmt: skip
    if node.is_former:
        rect.set("stroke-dasharray", "4 3")
    y = row.y + PAD_Y
    for texts, size, step, ink_, kind in (
        (row.above, SMALL_PX, SMALL_LINE_PX, LIGHT.sambung_teks, "garis-label"),
        (row.lines, FONT_PX, LINE_PX, ink, None),
        (row.below, SMALL_PX, SMALL_LINE_PX, ink, "catatan"),
    ):
        for text in texts:
            y += step
            # The baseline sits a quarter of the line above the line's bottom.
            line = _sub(link, "text", x=_n(row.x + PAD_X), y=_n(y - step / 4), fill=ink_)
            line.set("font-size", str(size))
            if kind:
                line.set("class", kind)
            line.text = text


def narrow_svg(chart: Chart) -> str:
    """The chart as an indented tree, ready to inline next to its wide layout."""
    rows = _rows(outline(chart))
    height = max((r.y + r.height for r in rows), default=0) + 0.5
    svg = etree.fromstring(f'<svg xmlns="{SVG_NS}"/>')
    for name, value in (
        ("width", str(WIDTH)),
        ("height", _n(height)),
        ("viewBox", f"0 0 {WIDTH} {_n(height)}"),
        ("class", "bagan-svg bagan-sempit"),
        ("role", "group"),
        ("aria-label", chart.title),
        ("font-family", "DejaVu Sans, Verdana, sans-serif"),
    ):
        svg.set(name, value)
    _sub(svg, "title").text = chart.title
    _edges(svg, chart, rows)
    for i, row in enumerate(rows):
        _box(svg, chart, i, row)
    return str(etree.tostring(svg, encoding="unicode"))


#: Viewport widths (em) below which a page shows the narrow layout instead of the wide one.
BREAKPOINTS = (30, 40, 50, 60)
#: What the text column leaves of a viewport below Material's 60em (margins, the chart's frame).
_FRAME_PX = 54
_PHONE_PX = 360
_WIDTH_ATTR = re.compile(r'<svg\b[^>]*?\bwidth="([\d.]+)(?:px)?"')


def breakpoint(wide_px: float) -> int | None:
    """The smallest breakpoint (em) at and above which the wide layout fits its frame; None
    when it fits a 360 px phone already (no narrow layout is needed).

    >>> breakpoint(250), breakpoint(400), breakpoint(665), breakpoint(2000)
    (None, 30, 50, 60)
    """
    needed = wide_px + _FRAME_PX
    if needed <= _PHONE_PX:
        return None
    return next((b for b in BREAKPOINTS if b * 16 >= needed), BREAKPOINTS[-1])


@dataclass(frozen=True)
class Views:
    """A chart as its page shows it: the wide layout, and the narrow one for phones when the
    wide one does not fit a phone."""

    wide: str
    narrow: str | None = None

    def html(self) -> str:
        return self.wide if self.narrow is None else f"{self.wide}\n{self.narrow}"


def views(chart: Chart, wide: str) -> Views:
    """The wide SVG, and the narrow one when the wide one does not fit a phone; both carry the
    class that names the breakpoint where the page switches between them."""
    match = _WIDTH_ATTR.match(wide)
    point = breakpoint(float(match.group(1))) if match else None
    if point is None:
        return Views(wide)
    switch = f"ganti-{point}"
    wide = wide.replace('class="bagan-svg"', f'class="bagan-svg bagan-lebar {switch}"', 1)
    # Paper shows the wide layout; the printed book leaves the phone's one out.
    narrow = narrow_svg(chart).replace("bagan-sempit", f"bagan-sempit {switch} {SCREEN_ONLY}", 1)
    return Views(wide, narrow)


_RELATIVE_LINK = re.compile(r'(\s(?:xlink:)?href=")(?![a-z][a-z0-9+.-]*:|/|#)')


def full_size_view(wide: str) -> str:
    """The wide SVG for its full-size page, which sits one folder below the chart's own page:
    every relative link climbs one folder more.

    >>> full_size_view('<svg><a href="biro-umum/" xlink:href="biro-umum/"/><a href="https://x.id/"/></svg>')
    '<svg><a href="../biro-umum/" xlink:href="../biro-umum/"/><a href="https://x.id/"/></svg>'
    """
    return _RELATIVE_LINK.sub(r"\1../", wide).replace(
        'class="bagan-svg"', 'class="bagan-svg bagan-penuh"', 1
    )
