"""The plan of the central part of the site: the Setjen overview, one page per unit, the
regulations, and the A–Z index."""

from __future__ import annotations

from dataclasses import dataclass

from generator.model.organisation import (
    KIND_LABELS,
    Organisation,
    confidence,
    regulation_short,
    regulation_title,
)
from generator.plan.org_charts import ADMINISTRATIVE, Chart, Node, box, line, successor_line
from generator.plan.page import PagePlan, trail
from generator.plan.provisions import official_copy
from generator.plan.public_record import public_record
from generator.plan.search import unit_root_text, unit_search_names
from generator.schema import Regulation, Unit
from generator.stem import root_forms
from generator.urls import (
    AZ_DOC,
    OVERVIEW_DOC,
    REGIONS_DOC,
    REGULATIONS_DOC,
    regulation_doc,
    unit_doc,
)

STRUCTURE = ("Struktur Organisasi", OVERVIEW_DOC)


def is_uncertain(unit: Unit, field_name: str) -> bool:
    """Whether one field of a unit is inferred or unverified (the record may be verified)."""
    return confidence(unit, field_name).is_uncertain


def unit_box(
    unit: Unit,
    page: str,
    current: Unit | None = None,
    *,
    change: str | None = None,
    note: str | None = None,
) -> Node:
    return box(
        unit.id,
        unit.nama,
        unit_doc(unit.id),
        page,
        detail=KIND_LABELS[unit.jenis],
        current=current is not None and unit.id == current.id,
        former=unit.is_former,
        note=note,
        change=change,
    )


def unit_chart(org: Organisation, unit: Unit) -> Chart:
    """The unit, its parent and its sub-units; for a former unit, also its successors."""
    page = unit_doc(unit.id)
    parent = org.parent(unit)
    children = org.children_of(unit, active=not unit.is_former)
    successors = org.successors(unit)
    members = [*([parent] if parent else []), unit, *children, *successors]
    boxes = {u.id: unit_box(u, page, unit) for u in members}
    edges = [
        line(boxes[u.induk], boxes[u.id], uncertain=is_uncertain(u, "induk"))
        for u in [unit, *children]
        if u.induk in boxes
    ]
    edges += [
        successor_line(boxes[unit.id], boxes[s.id], uncertain=is_uncertain(unit, "digantikan_oleh"))
        for s in successors
    ]
    return Chart(
        f"bagan-{unit.id}", f"Bagan struktur {unit.nama}", tuple(boxes.values()), tuple(edges)
    )


def overview_chart(org: Organisation, page: str = OVERVIEW_DOC, *, max_depth: int = 2) -> Chart:
    """The whole Setjen down to eselon II (the root and two levels below it)."""
    members = [u for u, depth in org.walk() if depth <= max_depth]
    boxes = {u.id: unit_box(u, page) for u in members}
    edges = [
        line(boxes[u.induk], boxes[u.id], uncertain=is_uncertain(u, "induk"))
        for u in members
        if u.induk
    ]
    if org.secretariats:
        # The regional network hangs under the Sekretaris Jenderal (its secretaries answer to it).
        label = regions_label(org)
        regions = box("daerah", label, REGIONS_DOC, page)
        boxes["daerah"] = regions
        edges.append(line(boxes[org.root.id], regions, ADMINISTRATIVE))
    return Chart(
        "bagan-setjen",
        "Bagan struktur Sekretariat Jenderal KPU",
        tuple(boxes.values()),
        tuple(edges),
    )


def regions_label(org: Organisation) -> str:
    provinces, regencies = len(org.provincial_secretariats()), len(org.regency_secretariats())
    return f"{provinces} Sekretariat KPU Provinsi dan {regencies} Sekretariat KPU Kabupaten/Kota"


def search_boost(org: Organisation, unit: Unit) -> float:
    """Higher units rank first; former units last, so a search for a name finds today's unit."""
    return 1.0 if unit.is_former else 4 - len(org.ancestors(unit)) * 0.5


def unit_page(org: Organisation, unit: Unit) -> PagePlan:
    parent = org.parent(unit)
    kind = KIND_LABELS[unit.jenis]
    steps = [(a.nama, unit_doc(a.id)) for a in org.ancestors(unit)]
    return PagePlan(
        unit_doc(unit.id),
        "unit.md.j2",
        unit.nama,
        f"{kind} dalam struktur Sekretariat Jenderal KPU" + (f": {parent.nama}" if parent else ""),
        {"org": org, "unit": unit, "record": public_record(unit, org.sources)},
        unit_chart(org, unit),
        trail(STRUCTURE, *steps, (unit.nama, None)),
        search_boost(org, unit),
        unit_search_names(unit, org.predecessors(unit)),
        tuple(root_forms(unit_root_text(unit))),
        f"content/unit/{unit.id}.yml",
    )


def overview_page(org: Organisation) -> PagePlan:
    return PagePlan(
        OVERVIEW_DOC,
        "overview.md.j2",
        "Struktur Organisasi",
        "Bagan dan daftar unit Sekretariat Jenderal KPU sampai unit eselon II",
        {"org": org},
        overview_chart(org),
        trail(("Struktur Organisasi", None)),
    )


def regulation_page(org: Organisation, regulation: Regulation) -> PagePlan:
    short = regulation_short(regulation)
    return PagePlan(
        regulation_doc(regulation.id),
        "regulation.md.j2",
        short,
        regulation_title(regulation),
        {"org": org, "regulation": regulation, "copy": official_copy(regulation)},
        crumbs=trail(("Dasar Hukum", REGULATIONS_DOC), (short, None)),
        search_boost=3,
        search_names=tuple(regulation.alias),
        source_file=f"content/peraturan/{regulation.id}.yml",
    )


def regulations_page(org: Organisation) -> PagePlan:
    return PagePlan(
        REGULATIONS_DOC,
        "regulations.md.j2",
        "Dasar Hukum",
        "Peraturan yang mengatur organisasi Sekretariat Jenderal KPU",
        {"org": org},
        crumbs=trail(("Dasar Hukum", None)),
    )


@dataclass(frozen=True)
class AzEntry:
    """One line of the A–Z index: a name (official or alias) pointing at a unit."""

    name: str
    unit: Unit
    kind: str | None
    """None for the official name; otherwise how the name relates to it (singkatan, …)."""

    @property
    def letter(self) -> str:
        first = self.name[:1].upper()
        return first if first.isalpha() else "#"


def az_entries(org: Organisation) -> list[AzEntry]:
    """Official names, abbreviations and aliases of every unit, alphabetically."""
    entries = []
    for unit in org.units.values():
        entries.append(AzEntry(unit.nama, unit, None))
        if unit.singkatan:
            entries.append(AzEntry(unit.singkatan, unit, "singkatan"))
        for alias in unit.alias:
            if alias.nama not in (unit.nama, unit.singkatan):
                entries.append(AzEntry(alias.nama, unit, alias.jenis.value))
    return sorted(entries, key=lambda e: (e.name.casefold(), e.unit.nama.casefold()))


def az_page(org: Organisation) -> PagePlan:
    return PagePlan(
        AZ_DOC,
        "az.md.j2",
        "Indeks A–Z",
        "Semua unit Sekretariat Jenderal KPU beserta singkatan dan nama lainnya",
        {"org": org, "entries": az_entries(org)},
        crumbs=trail(("Indeks A–Z", None)),
    )


def central_pages(org: Organisation) -> list[PagePlan]:
    return [
        overview_page(org),
        regulations_page(org),
        az_page(org),
        *(unit_page(org, u) for u in org.units.values()),
        *(regulation_page(org, r) for r in org.regulations.values()),
    ]
