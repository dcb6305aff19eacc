"""Charts as data: boxes, lines and the text alternative, planned before anything is drawn.

A chart knows the page it sits on, so every box carries a link relative to that page. Rendering
(DOT, SVG) lives in ``generator.render.chart_svg`` and reads these types; nothing here draws.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.urls import relative_url

#: Classes a box or line can carry; the palette styles them, the text alternative names them.
CURRENT = "saat-ini"
FORMER = "terdahulu"
UNCERTAIN = "tidak-pasti"
#: A box shown only because a pattern says it should be there (a kab/kota's assumed subbagian).
ASSUMED = "disimpulkan"
SUCCESSOR = "pengganti"
#: A line from the root to a unit whose direct parent is unknown, labelled with these words. The
#: drawing leaves the line out and lists such units apart, under the words; so do the list form
#: and the phone's layout (``outline``): hung from the root, they read as directly under it.
UNPLACED = "induk-belum-diketahui"
UNPLACED_LABEL = "Unit atasan belum diketahui"
#: How a unit took part in a change of structure (the Perubahan Struktur chart).
NEW = "baru"
ENDED = "berakhir"

ADMINISTRATIVE = "bertanggung jawab secara administratif kepada"
UNDER = "berada di bawah"
UNCERTAIN_NOTE = " (belum dipastikan)"
#: The line under the name of an assumed box, in the chart and in its text alternative.
ASSUMED_BOX_NOTE = "disimpulkan"
ASSUMED_LINE_NOTE = " (disimpulkan dari struktur baku)"


@dataclass(frozen=True)
class Node:
    """One box: what it says, the page it opens, and how it is drawn."""

    key: str
    name: str
    """The plain name, used in the tooltips of the lines that meet this box."""
    label: str
    """The text in the box (often the name; sometimes a shorter form)."""
    doc: str
    """The page the box links to, as a docs/ path (for the text alternative's links)."""
    href: str
    """The same page as a URL relative to the page the chart sits on (for the SVG link)."""
    tooltip: str
    classes: tuple[str, ...] = ()
    note: str | None = None
    """A short line under the name, such as what became of the unit ("baru")."""

    @property
    def is_current(self) -> bool:
        return CURRENT in self.classes

    @property
    def is_former(self) -> bool:
        return FORMER in self.classes


@dataclass(frozen=True)
class Edge:
    """One line between two boxes; ``dashed`` marks an inferred or uncertain relation."""

    tail: str
    head: str
    tooltip: str
    classes: tuple[str, ...] = ()
    dashed: bool = False
    label: str | None = None

    @property
    def is_uncertain(self) -> bool:
        return UNCERTAIN in self.classes

    @property
    def is_succession(self) -> bool:
        return SUCCESSOR in self.classes

    @property
    def is_unplaced(self) -> bool:
        return UNPLACED in self.classes

    @property
    def is_assumed(self) -> bool:
        return ASSUMED in self.classes

    @property
    def uncertain_note(self) -> str | None:
        """What the text alternative says about an uncertain line, or None for a sure one (an
        assumed box says so itself)."""
        if not self.is_uncertain or self.is_unplaced:
            return None  # an unplaced unit's label says what is unknown
        # Inferred or unverified alike: the page's table gives the level; both are not yet sure.
        return (
            "penggantian belum dipastikan" if self.is_succession else "kedudukan belum dipastikan"
        )


@dataclass(frozen=True)
class Chart:
    """A whole chart; ``id`` prefixes every element id so charts can share a page."""

    id: str
    title: str
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]


@dataclass(frozen=True)
class OutlineItem:
    """One line of the chart's text alternative: a box, the line that leads to it, and below."""

    node: Node
    edge: Edge | None
    children: tuple[OutlineItem, ...] = field(default_factory=tuple)


def box(
    key: str,
    name: str,
    doc: str,
    page: str,
    *,
    detail: str | None = None,
    label: str | None = None,
    current: bool = False,
    former: bool = False,
    note: str | None = None,
    change: str | None = None,
) -> Node:
    """The one box builder: every chart's boxes are made here, so they look and read alike.

    ``note`` is a short line shown under the name; ``change`` a class saying how the unit
    changed (``BARU``, ``BERAKHIR``), which the palette colours and the legend explains.

    >>> box("u", "Biro Umum", "struktur/biro-umum/index.md", "struktur/index.md", detail="Biro").tooltip
    'Biro Umum (Biro)'
    """
    parts = [p for p in (detail, "unit terdahulu" if former else None) if p]
    tooltip = f"{name} ({', '.join(parts)})" if parts else name
    flags = ((CURRENT, current), (FORMER, former), (change or "", change is not None))
    classes = tuple(c for c, on in flags if on)
    return Node(key, name, label or name, doc, relative_url(doc, page), tooltip, classes, note)


def line(
    tail: Node,
    head: Node,
    relation: str = UNDER,
    *,
    uncertain: bool = False,
    assumed: bool = False,
    unplaced: bool = False,
) -> Edge:
    """A line from a box down to one below it; the tooltip says how they relate, in words.

    ``assumed``: the box below is there only because a pattern (the standard structure) says so;
    the line is dashed like an uncertain one, and the box itself says "disimpulkan".
    ``unplaced``: the box below is a unit whose parent is unknown, hung from the root
    (``UNPLACED``).

    >>> a = box("a", "A", "a/index.md", "index.md"); b = box("b", "B", "b/index.md", "index.md")
    >>> line(a, b, uncertain=True).tooltip
    'B berada di bawah A (belum dipastikan)'
    >>> line(a, b, assumed=True).tooltip
    'B berada di bawah A (disimpulkan dari struktur baku)'
    """
    classes: tuple[str, ...] = ()
    note = ""
    if assumed:
        note, classes = ASSUMED_LINE_NOTE, (ASSUMED,)
    elif uncertain:
        note, classes = UNCERTAIN_NOTE, (UNCERTAIN,)
    return Edge(
        tail.key,
        head.key,
        f"{head.name} {relation} {tail.name}{note}",
        (*classes, UNPLACED) if unplaced else classes,
        dashed=uncertain or assumed,
        label=UNPLACED_LABEL if unplaced else None,
    )


def successor_line(old: Node, new: Node, *, uncertain: bool = False) -> Edge:
    """The dashed, labelled arrow from a dissolved unit to a unit that replaced it.

    Always dashed (the label tells it from a line of command); an uncertain succession also says so
    in its tooltip and in the text alternative.
    """
    note = UNCERTAIN_NOTE if uncertain else ""
    return Edge(
        old.key,
        new.key,
        f"{old.name} digantikan oleh {new.name}{note}",
        (SUCCESSOR, UNCERTAIN) if uncertain else (SUCCESSOR,),
        dashed=True,
        label="digantikan oleh",
    )


def has_successors(chart: Chart) -> bool:
    """Whether the chart has 'digantikan oleh' arrows (the legend then explains them)."""
    return any(e.is_succession for e in chart.edges)


@dataclass(frozen=True)
class Legend:
    """What a chart's caption explains: only what the chart shows."""

    current: bool
    """A box is filled: the unit of the page being read."""
    former: bool
    """Boxes with a dashed border: units that no longer exist."""
    uncertain: bool
    """Dashed lines between boxes: an inferred or unconfirmed position."""
    successors: bool
    """Labelled 'digantikan oleh' lines, from a former unit to what replaced it."""
    assumed: bool
    """Dashed lines to boxes marked 'disimpulkan': sub-units assumed from a standard structure."""
    new: bool
    """Boxes marked as new in a change of structure."""
    ended: bool
    """Boxes marked as ended in a change of structure."""


def legend(chart: Chart) -> Legend:
    """The caption's parts for this chart.

    >>> a = box("a", "A", "a/index.md", "index.md"); b = box("b", "B", "b/index.md", "index.md")
    >>> legend(Chart("c", "C", (a, b), (line(a, b, uncertain=True),)))
    Legend(current=False, former=False, uncertain=True, successors=False, assumed=False, new=False, ended=False)
    """
    classes = {c for n in chart.nodes for c in n.classes}
    return Legend(
        current=CURRENT in classes,
        former=FORMER in classes,
        uncertain=any(e.dashed and not (e.is_succession or e.is_assumed) for e in chart.edges),
        successors=has_successors(chart),
        assumed=any(e.is_assumed for e in chart.edges),
        new=NEW in classes,
        ended=ENDED in classes,
    )


def outline(chart: Chart) -> tuple[OutlineItem, ...]:
    """The chart as a nested list, the text alternative shown next to it."""
    by_key = {n.key: n for n in chart.nodes}
    below: dict[str, list[Edge]] = {}
    heads = set()
    for edge in chart.edges:
        below.setdefault(edge.tail, []).append(edge)
        heads.add(edge.head)

    def item(key: str, via: Edge | None, seen: frozenset[str]) -> OutlineItem:
        kids = tuple(
            item(e.head, e, seen | {key})
            for e in below.get(key, [])
            if e.head not in seen and not e.is_unplaced
        )
        return OutlineItem(by_key[key], via, kids)

    roots = tuple(item(n.key, None, frozenset()) for n in chart.nodes if n.key not in heads)
    # Last and at the top level, under their label, as the drawing shows them: nested under
    # the root, they read as directly under it.
    unplaced = tuple(item(e.head, e, frozenset()) for e in chart.edges if e.is_unplaced)
    return roots + unplaced
