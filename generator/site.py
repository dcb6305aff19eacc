"""The site plan: which pages and charts exist, where they live, and what each one shows.

Everything here is data about the site, computed from the model; nothing is rendered or
written. Paths are relative to ``docs/``; MkDocs serves ``x/index.md`` and ``x.md`` at ``x/``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.model import KIND_LABELS, Organisation
from generator.opendata import SECRETARIAT_COLUMNS, UNIT_COLUMNS
from generator.render.charts import Chart, Edge, Node, successor_edge
from generator.render.filters import html
from generator.schema import Confidence, Unit, UnitStatus, field_reference
from generator.site_regions import region_pages, regions_nav
from generator.urls import (
    AZ_DOC,
    DATA_DOC,
    FIELDS_DOC,
    OVERVIEW_DOC,
    REGIONS_DOC,
    REGULATIONS_DOC,
    regulation_doc,
    relative_url,
    unit_doc,
)


@dataclass(frozen=True)
class PagePlan:
    """One Markdown page to render: its path, template and the template's inputs."""

    path: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    chart: Chart | None = None


@dataclass(frozen=True)
class SitePlan:
    """All pages, and the navigation of each generated section."""

    pages: tuple[PagePlan, ...]
    navs: dict[str, list[Any]]


def _is_uncertain(org: Organisation, unit: Unit, field_name: str) -> bool:
    detail = org.detail(unit, field_name)
    return detail is not None and detail.keyakinan in (Confidence.INFERRED, Confidence.UNVERIFIED)


def _node(org: Organisation, unit: Unit, page: str, current: Unit | None) -> Node:
    classes = []
    if current is not None and unit.id == current.id:
        classes.append("saat-ini")
    if unit.status is UnitStatus.DISSOLVED:
        classes.append("terdahulu")
    tooltip = f"{unit.nama} ({KIND_LABELS[unit.jenis]}"
    tooltip += ", unit terdahulu)" if unit.status is UnitStatus.DISSOLVED else ")"
    doc = unit_doc(unit.id)
    return Node(unit.id, unit.nama, relative_url(doc, page), tooltip, tuple(classes), doc)


def _parent_edge(org: Organisation, child: Unit) -> Edge:
    parent = org.units[child.induk or ""]
    uncertain = _is_uncertain(org, child, "induk")
    note = " (disimpulkan, belum dipastikan)" if uncertain else ""
    return Edge(
        parent.id,
        child.id,
        f"{child.nama} berada di bawah {parent.nama}{note}",
        ("tidak-pasti",) if uncertain else (),
        dashed=uncertain,
    )


def unit_chart(org: Organisation, unit: Unit) -> Chart:
    """The unit, its parent and its sub-units; for a former unit, also its successors."""
    page = unit_doc(unit.id)
    parent = org.parent(unit)
    children = org.children_of(unit, active=unit.status is UnitStatus.ACTIVE)
    successors = org.successors(unit)
    members = [*([parent] if parent else []), unit, *children, *successors]
    unique = {u.id: u for u in members}.values()
    nodes = tuple(_node(org, u, page, unit) for u in unique)
    edges = [
        _parent_edge(org, u)
        for u in [unit, *children]
        if u.induk and u.induk in {n.key for n in nodes}
    ]
    by_key = {n.key: n for n in nodes}
    edges += [successor_edge(by_key[unit.id], by_key[s.id]) for s in successors]
    return Chart(f"bagan-{unit.id}", f"Bagan struktur {unit.nama}", nodes, tuple(edges))


def overview_chart(org: Organisation, page: str = OVERVIEW_DOC, *, max_depth: int = 2) -> Chart:
    """The whole Setjen down to eselon II (the root and two levels below it)."""
    members = [u for u, depth in org.walk() if depth <= max_depth]
    nodes = [_node(org, u, page, None) for u in members]
    edges = [_parent_edge(org, u) for u in members if u.induk]
    if org.secretariats:
        # The regional network hangs under the Sekretaris Jenderal (UU 7/2017 Pasal 78 and 80).
        count = len(org.provincial_secretariats()), len(org.regency_secretariats())
        label = f"{count[0]} Sekretariat KPU Provinsi dan {count[1]} Sekretariat KPU Kabupaten/Kota"
        nodes.append(Node("daerah", label, relative_url(REGIONS_DOC, page), label, (), REGIONS_DOC))
        edges.append(
            Edge(
                org.root.id,
                "daerah",
                f"{label}: bertanggung jawab secara administratif kepada {org.root.nama}",
            )
        )
    return Chart(
        "bagan-setjen", "Bagan struktur Sekretariat Jenderal KPU", tuple(nodes), tuple(edges)
    )


def outline(chart: Chart) -> list[dict[str, Any]]:
    """The chart as a nested list, the text alternative shown next to it."""
    by_key = {n.key: n for n in chart.nodes}
    below: dict[str, list[Edge]] = {}
    heads = set()
    for edge in chart.edges:
        below.setdefault(edge.tail, []).append(edge)
        heads.add(edge.head)

    def item(key: str, via: Edge | None, seen: frozenset[str]) -> dict[str, Any]:
        kids = [item(e.head, e, seen | {key}) for e in below.get(key, []) if e.head not in seen]
        return {"node": by_key[key], "edge": via, "children": kids}

    return [item(n.key, None, frozenset()) for n in chart.nodes if n.key not in heads]


def plan(org: Organisation) -> SitePlan:
    """Every generated page with its chart, and the section navs."""
    pages: list[PagePlan] = [
        PagePlan(OVERVIEW_DOC, "overview.md.j2", {"org": org}, overview_chart(org)),
        PagePlan(REGULATIONS_DOC, "regulations.md.j2", {"org": org}),
        PagePlan(AZ_DOC, "az.md.j2", {"org": org, "entries": az_entries(org)}),
        PagePlan(FIELDS_DOC, "fields.md.j2", {"sections": field_reference()}),
        PagePlan(
            DATA_DOC,
            "opendata.md.j2",
            {"org": org, "unit_columns": UNIT_COLUMNS, "secretariat_columns": SECRETARIAT_COLUMNS},
        ),
    ]
    for unit in org.units.values():
        pages.append(
            PagePlan(
                unit_doc(unit.id), "unit.md.j2", {"org": org, "unit": unit}, unit_chart(org, unit)
            )
        )
    for regulation in org.regulations.values():
        pages.append(
            PagePlan(
                regulation_doc(regulation.id),
                "regulation.md.j2",
                {"org": org, "regulation": regulation},
            )
        )
    navs = {"struktur": structure_nav(org), "dasar-hukum": regulations_nav(org)}
    if org.secretariats:
        pages += [
            PagePlan(path, template, context, chart)
            for path, template, context, chart in region_pages(org)
        ]
        navs["daerah"] = regions_nav(org)
    return SitePlan(tuple(pages), navs)


def _unit_nav(org: Organisation, unit: Unit) -> Any:
    children = org.children_of(unit)
    if not children:
        return unit_doc(unit.id)
    # Section titles come from the nav, which the theme prints without escaping.
    return {html(unit.nama): [unit_doc(unit.id), *(_unit_nav(org, c) for c in children)]}


def structure_nav(org: Organisation) -> list[Any]:
    """Struktur Organisasi mirrors the tree; former units follow in their own group."""
    nav: list[Any] = [OVERVIEW_DOC, _unit_nav(org, org.root)]
    former = org.former_units()
    if former:
        nav.append({"Unit terdahulu": [unit_doc(u.id) for u in former]})
    return nav


def regulations_nav(org: Organisation) -> list[Any]:
    return [REGULATIONS_DOC, *(regulation_doc(r) for r in org.regulations)]


@dataclass(frozen=True)
class AzEntry:
    """One line of the A–Z index: a name (official or alias) pointing at a unit."""

    name: str
    unit: Unit
    kind: str

    @property
    def letter(self) -> str:
        first = self.name[:1].upper()
        return first if first.isalpha() else "#"


def az_entries(org: Organisation) -> list[AzEntry]:
    """Official names, abbreviations and aliases of every unit, alphabetically."""
    entries = []
    for unit in org.units.values():
        entries.append(AzEntry(unit.nama, unit, "nama resmi"))
        if unit.singkatan:
            entries.append(AzEntry(unit.singkatan, unit, "singkatan"))
        for alias in unit.alias:
            if alias.nama not in (unit.nama, unit.singkatan):
                entries.append(AzEntry(alias.nama, unit, alias.jenis.value))
    return sorted(entries, key=lambda e: (e.name.casefold(), e.unit.nama.casefold()))
