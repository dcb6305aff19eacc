"""The plan of the central part of the site: the Setjen overview, one page per unit, the
regulations, and the A–Z index."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator.model.confidence import is_uncertain
from generator.model.organisation import Organisation
from generator.model.regional import Secretariat, structure_units
from generator.plan.labels import ALIAS_LABELS, KIND_LABELS, regulation_short, regulation_title
from generator.plan.org_charts import ADMINISTRATIVE, Chart, Node, box, line, successor_line
from generator.plan.page import PagePlan, trail
from generator.plan.search import regulation_search_names, unit_root_text, unit_search_names
from generator.plan.views import RegulationView, overview, regulation_view, unit_view
from generator.schema import AliasKind, Regulation, Unit, UnitKind
from generator.stem import root_forms
from generator.urls import (
    AZ_DOC,
    OVERVIEW_DOC,
    REGIONS_DOC,
    REGULATIONS_DOC,
    regulation_doc,
    secretariat_doc,
    structure_doc,
    structure_unit_doc,
    unit_doc,
)

STRUCTURE = ("Struktur Organisasi", OVERVIEW_DOC)


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
    children = org.listed_children(unit)
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
    if org.regional.secretariats:
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
    provinces, regencies = len(org.regional.provinces()), len(org.regional.regencies())
    return f"{provinces} Sekretariat KPU Provinsi dan {regencies} Sekretariat KPU Kabupaten/Kota"


#: The search weight between two levels of the structure (and between a former unit and its
#: successor).
LEVEL_STEP = 0.5


def search_boost(org: Organisation, unit: Unit) -> float:
    """Higher units rank first. A former unit ranks one level below its highest successor: a name
    the two share ("Biro Hukum" in "Biro Advokasi Hukum …") finds today's unit first, and the
    former unit's own name, whose words its page alone holds as names, finds it first. Ranked
    last (as every former unit once was), it came after a successor that shares two of its words
    ("biro keuangan dan bmn" found Biro Keuangan first)."""
    if unit.is_former:
        current = [org.units[s] for s in unit.digantikan_oleh if s in org.units]
        boosts = [search_boost(org, s) for s in current if not s.is_former]
        return max(boosts) - LEVEL_STEP if boosts else 1.0
    return 4 - len(org.ancestors(unit)) * LEVEL_STEP


#: After the trail of a unit whose parent is inferred or unverified.
UNSURE_PARENT = "unit atasan belum dipastikan"


def unit_description(unit: Unit, parent: Unit | None) -> str:
    """What the page is about, in a sentence for search engines and link previews.

    Not "… dalam struktur …": search indexes the description, and "struktur" in every unit's
    description put Biro Perencanaan dan Organisasi before the structure page for "struktur
    organisasi".
    """
    if unit.jenis is UnitKind.SECRETARIAT_GENERAL:
        return "Sekretariat Jenderal Komisi Pemilihan Umum"
    where = f"{KIND_LABELS[unit.jenis]} di Sekretariat Jenderal KPU"
    if parent is None:
        return where
    below = "diduga di bawah" if is_uncertain(unit, "induk") else "di bawah"
    return f"{where}, {below} {parent.nama}"


def unit_page(org: Organisation, unit: Unit, today: date | None = None) -> PagePlan:
    parent = org.parent(unit)
    steps = [(a.nama, unit_doc(a.id)) for a in org.ancestors(unit)]
    return PagePlan(
        unit_doc(unit.id),
        "unit.md.j2",
        unit.nama,
        unit_description(unit, parent),
        {"view": unit_view(org, unit, today)},
        unit_chart(org, unit),
        trail(STRUCTURE, *steps, (unit.nama, None)),
        search_boost(org, unit),
        unit_search_names(unit),
        tuple(root_forms(unit_root_text(unit))),
        org.file_of(unit),
        crumb_note=UNSURE_PARENT if parent and is_uncertain(unit, "induk") else "",
    )


def overview_page(org: Organisation) -> PagePlan:
    return PagePlan(
        OVERVIEW_DOC,
        "overview.md.j2",
        "Struktur Organisasi",
        "Bagan dan daftar unit Sekretariat Jenderal KPU sampai unit eselon II",
        {"view": overview(org)},
        overview_chart(org),
        trail(("Struktur Organisasi", None)),
    )


def regulation_page(org: Organisation, view: RegulationView) -> PagePlan:
    regulation = view.regulation
    short = regulation_short(regulation)
    return PagePlan(
        regulation_doc(regulation.id),
        "regulation.md.j2",
        short,
        view.title,
        {"view": view},
        crumbs=trail(("Dasar Hukum", REGULATIONS_DOC), (short, None)),
        search_boost=3,
        search_names=regulation_search_names(org, regulation),
        source_file=org.file_of(regulation),
    )


def regulations_page(regulations: list[RegulationView]) -> PagePlan:
    return PagePlan(
        REGULATIONS_DOC,
        "regulations.md.j2",
        "Dasar Hukum",
        "Peraturan yang mengatur organisasi Sekretariat Jenderal KPU",
        {"regulations": regulations},
        crumbs=trail(("Dasar Hukum", None)),
    )


@dataclass(frozen=True)
class AzEntry:
    """One line of the A–Z index: a name (official, short or other) and the page it leads to."""

    name: str
    target: str
    """The official name of what the page is about."""
    doc: str
    kind: str | None
    """None for the official name; otherwise how the name relates to it (singkatan, …)."""
    note: str | None = None
    """What it is, where the name alone does not say (unit terdahulu, peraturan, …)."""

    @property
    def letter(self) -> str:
        first = self.name[:1].upper()
        return first if first.isalpha() else "#"


def _unit_entries(unit: Unit, doc: str, note: str | None) -> list[AzEntry]:
    entries = [AzEntry(unit.nama, unit.nama, doc, None, note)]
    if unit.singkatan:
        entries.append(
            AzEntry(unit.singkatan, unit.nama, doc, ALIAS_LABELS[AliasKind.ABBREVIATION], note)
        )
    for alias in unit.alias:
        if alias.nama not in (unit.nama, unit.singkatan):
            entries.append(AzEntry(alias.nama, unit.nama, doc, ALIAS_LABELS[alias.jenis], note))
    return entries


def _regulation_entries(regulation: Regulation) -> list[AzEntry]:
    """A regulation under its short citation (with its title), and under its other names."""
    short, doc = regulation_short(regulation), regulation_doc(regulation.id)
    title = regulation_title(regulation) + ("" if regulation.in_force else " (dicabut)")
    entries = [AzEntry(short, short, doc, None, title)]
    entries += [AzEntry(a, short, doc, "sebutan lain") for a in regulation.alias if a != short]
    return entries


def _province_entries(secretariat: Secretariat) -> list[AzEntry]:
    """A provincial secretariat under its province's name and the province's short forms."""
    province, doc = secretariat.province, secretariat_doc(secretariat.key)
    names = [province.nama_singkat, *province.alias]
    entries = [AzEntry(province.nama, secretariat.short, doc, "provinsi")]
    entries += [
        AzEntry(n, secretariat.short, doc, "sebutan provinsi")
        for n in dict.fromkeys(names)
        if n and n != province.nama
    ]
    return entries


def az_entries(org: Organisation) -> list[AzEntry]:
    """Every central unit, standard structure unit, regulation and provincial secretariat under
    its official name, abbreviations and other names, alphabetically."""
    entries = []
    for unit in org.units.values():
        entries += _unit_entries(
            unit, unit_doc(unit.id), "unit terdahulu" if unit.is_former else None
        )
    for structure in org.regional.ordered_structures():
        doc = structure_doc(structure.id)
        entries.append(AzEntry(structure.nama, structure.nama, doc, None, "struktur baku"))
        for unit in structure_units(structure):
            where = f"dalam struktur baku {structure.nama}"
            note = f"unit terdahulu {where}" if unit.is_former else where
            entries += _unit_entries(unit, structure_unit_doc(structure.id, unit.id), note)
    for regulation in org.regulations.values():
        entries += _regulation_entries(regulation)
    for secretariat in org.regional.provinces():
        entries += _province_entries(secretariat)
    return sorted(entries, key=lambda e: (e.name.casefold(), e.target.casefold(), e.doc))


def az_page(org: Organisation) -> PagePlan:
    return PagePlan(
        AZ_DOC,
        "az.md.j2",
        "Indeks A–Z",
        "Semua unit Sekretariat Jenderal KPU, struktur baku sekretariat daerah, peraturan, dan "
        "provinsi, beserta singkatan dan nama lainnya",
        {"entries": az_entries(org)},
        crumbs=trail(("Indeks A–Z", None)),
    )


def central_pages(org: Organisation, today: date | None = None) -> list[PagePlan]:
    """``today``: the build's edition date (office holders' sources are judged old against it)."""
    regulations = [regulation_view(org, r) for r in org.regulations.values()]
    return [
        overview_page(org),
        regulations_page(regulations),
        az_page(org),
        *(unit_page(org, u, today) for u in org.units.values()),
        *(regulation_page(org, r) for r in regulations),
    ]
