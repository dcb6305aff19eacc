"""The plan of the regional part of the site: the provincial and kabupaten/kota secretariats,
the national list, and the standard structures they share.

Each regional page is short and links to its standard structure for the article text, so the
hundreds of secretariat pages do not repeat (or re-index) the same quotations.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator.model.confidence import is_uncertain
from generator.model.organisation import Organisation
from generator.model.regional import ESTABLISHING_ARTICLE, Secretariat, structure_units
from generator.plan.labels import KIND_LABELS, REGULATION_KIND_LABELS
from generator.plan.org_charts import (
    ADMINISTRATIVE,
    ASSUMED_BOX_NOTE,
    UNDER,
    Chart,
    Node,
    box,
    line,
    successor_line,
)
from generator.plan.page import PagePlan, trail
from generator.plan.public_record import source_label
from generator.plan.search import secretariat_search_names, unit_root_text, unit_search_names
from generator.plan.views import regions, secretariat_view, structure_unit_view, structure_view
from generator.schema import StandardStructure, Unit
from generator.stem import root_forms
from generator.urls import (
    REGIONS_DOC,
    article_anchor,
    regulation_doc,
    secretariat_doc,
    structure_doc,
    structure_unit_doc,
    unit_doc,
)

REGIONS = ("Sekretariat Daerah", REGIONS_DOC)


@dataclass(frozen=True)
class ArticleLink:
    """A cited article: 'UU 7/2017 Pasal 77', and its regulation's page when the content has it."""

    label: str
    doc: str | None
    anchor: str = ""
    """'#pasal-77' when the page carries the article's text."""


def establishing_article(org: Organisation) -> ArticleLink:
    """The article that forms every regional secretariat, linked to its regulation's page."""
    kind, number, year, article = ESTABLISHING_ARTICLE
    label = f"{REGULATION_KIND_LABELS[kind][1]} {number}/{year} Pasal {article}"
    regulation = next(
        (
            r
            for r in org.regulations.values()
            if (r.jenis, r.nomor, r.tahun) == (kind, number, year)
        ),
        None,
    )
    if regulation is None:
        return ArticleLink(label, None)
    text = org.texts.get(regulation.id)
    has_article = text is not None and any(a.nomor == article for a in text.pasal)
    anchor = f"#{article_anchor(article)}" if has_article else ""
    return ArticleLink(label, regulation_doc(regulation.id), anchor)


@dataclass(frozen=True)
class SiteConfirmation:
    """A dated source naming a secretariat's site: 'menurut <who>, <when>' and its reference."""

    according_to: str
    dated: str
    ref: int


@dataclass(frozen=True)
class SecretariatSources:
    """What a secretariat page says of its sources: the numbered list, and who names its site."""

    sources: tuple[str, ...]
    site_confirmations: tuple[SiteConfirmation, ...]


def secretariat_sources(org: Organisation, secretariat: Secretariat) -> SecretariatSources:
    order = tuple(secretariat.sources)
    confirmations = tuple(
        SiteConfirmation(
            source_label(org.sources[i]),
            tanggal.indonesian if (tanggal := org.sources[i].tanggal) else "",
            order.index(i) + 1,
        )
        for i in secretariat.record.situs_sumber
    )
    return SecretariatSources(order, confirmations)


def _secretariat_box(secretariat: Secretariat, page: str, current: bool = False) -> Node:
    return box(
        f"s-{secretariat.kode}",
        secretariat.nama,
        secretariat_doc(secretariat.key),
        page,
        detail=f"kode wilayah {secretariat.kode}",
        label=secretariat.short,
        current=current,
    )


def _unit_box(structure: StandardStructure, unit: Unit, page: str, current: bool = False) -> Node:
    return box(
        f"u-{unit.id}",
        unit.nama,
        structure_unit_doc(structure.id, unit.id),
        page,
        detail=KIND_LABELS[unit.jenis],
        current=current,
        former=unit.is_former,
    )


def _sub_unit_box(secretariat: Secretariat, unit: Unit, page: str) -> Node:
    """A sub-unit of a secretariat; one only this secretariat has is described on its own page.
    One assumed from the standard structure says so under its name."""
    if not secretariat.is_added(unit):
        assumed = secretariat.is_assumed(unit)
        return box(
            f"u-{unit.id}",
            unit.nama,
            structure_unit_doc(secretariat.structure.id, unit.id),
            page,
            detail=KIND_LABELS[unit.jenis],
            former=unit.is_former,
            note=ASSUMED_BOX_NOTE if assumed else None,
        )
    doc = secretariat_doc(secretariat.key)
    return box(f"u-{unit.id}", unit.nama, doc, page, detail=KIND_LABELS[unit.jenis])


def _setjen_box(org: Organisation, page: str) -> Node:
    root = org.root
    return box("setjen", root.nama, unit_doc(root.id), page, detail=KIND_LABELS[root.jenis])


def _structure_box(structure: StandardStructure, page: str, current: bool = False) -> Node:
    return box(
        f"t-{structure.id}", structure.nama, structure_doc(structure.id), page, current=current
    )


def _active(units: tuple[Unit, ...] | list[Unit]) -> list[Unit]:
    return [u for u in units if not u.is_former]


def secretariat_chart(org: Organisation, secretariat: Secretariat) -> Chart:
    """The administrative line above a secretariat, and what sits below it."""
    page = secretariat_doc(secretariat.key)
    here = _secretariat_box(secretariat, page, current=True)
    parent = org.regional.administrative_parent(secretariat)
    above = _secretariat_box(parent, page) if parent else _setjen_box(org, page)
    edges = [line(above, here, ADMINISTRATIVE)]
    if secretariat.is_province:
        below = [_secretariat_box(s, page) for s in org.regional.regencies(secretariat)]
        edges += [line(here, b, ADMINISTRATIVE) for b in below]
    else:
        units = secretariat.active_sub_units
        below = [_sub_unit_box(secretariat, u, page) for u in units]
        edges += [
            line(here, b, UNDER, assumed=secretariat.is_assumed(u))
            for u, b in zip(units, below, strict=True)
        ]
    return Chart(
        f"bagan-{secretariat.kode.replace('.', '-')}",
        f"Bagan {secretariat.short}",
        (above, here, *below),
        tuple(edges),
    )


def regions_chart(org: Organisation) -> Chart:
    """The Sekretariat Jenderal and the provincial secretariats under it."""
    top = _setjen_box(org, REGIONS_DOC)
    provinces = [_secretariat_box(s, REGIONS_DOC) for s in org.regional.provinces()]
    return Chart(
        "bagan-daerah",
        "Bagan sekretariat KPU provinsi",
        (top, *provinces),
        tuple(line(top, p, ADMINISTRATIVE) for p in provinces),
    )


def structure_chart(org: Organisation, structure: StandardStructure) -> Chart:
    page = structure_doc(structure.id)
    top = _structure_box(structure, page, current=True)
    units = structure_units(structure)
    boxes = {u.id: _unit_box(structure, u, page) for u in units}
    edges = [
        line(boxes[u.induk] if u.induk else top, boxes[u.id], uncertain=is_uncertain(u, "induk"))
        for u in _active(units)
    ]
    edges += [
        successor_line(boxes[u.id], boxes[s], uncertain=is_uncertain(u, "digantikan_oleh"))
        for u in units
        if u.is_former
        for s in u.digantikan_oleh
    ]
    return Chart(
        f"bagan-{structure.id}", f"Bagan {structure.nama}", (top, *boxes.values()), tuple(edges)
    )


def structure_unit_chart(org: Organisation, structure: StandardStructure, unit: Unit) -> Chart:
    page = structure_unit_doc(structure.id, unit.id)
    by_id = {u.id: u for u in structure.sub_unit}
    here = _unit_box(structure, unit, page, current=True)
    parent = by_id.get(unit.induk or "")
    above = _unit_box(structure, parent, page) if parent else _structure_box(structure, page)
    successors = [_unit_box(structure, by_id[s], page) for s in unit.digantikan_oleh]
    edges = [
        line(above, here, uncertain=is_uncertain(unit, "induk")),
        *(
            successor_line(here, s, uncertain=is_uncertain(unit, "digantikan_oleh"))
            for s in successors
        ),
    ]
    return Chart(
        f"bagan-{structure.id}-{unit.id}",
        f"Bagan {unit.nama}",
        (above, here, *successors),
        tuple(edges),
    )


def regions_page(org: Organisation) -> PagePlan:
    provinces, regencies = len(org.regional.provinces()), len(org.regional.regencies())
    return PagePlan(
        REGIONS_DOC,
        "regions.md.j2",
        "Sekretariat Daerah",
        f"Sekretariat KPU di {provinces} provinsi dan {regencies} kabupaten/kota",
        {"view": regions(org), "established": establishing_article(org)},
        regions_chart(org),
        trail(("Sekretariat Daerah", None)),
    )


def structure_page(org: Organisation, structure: StandardStructure) -> PagePlan:
    return PagePlan(
        structure_doc(structure.id),
        "standard_structure.md.j2",
        structure.nama,
        f"Struktur baku, tugas, wewenang, dan kewajiban {structure.nama}",
        {"view": structure_view(org, structure)},
        # One box alone is no chart: without sub-units, the page says why there is none.
        structure_chart(org, structure) if structure.sub_unit else None,
        trail(REGIONS, (structure.nama, None)),
        search_boost=2,
        source_file=org.file_of(structure),
    )


def structure_unit_page(
    org: Organisation, structure: StandardStructure, unit: Unit, today: date | None = None
) -> PagePlan:
    return PagePlan(
        structure_unit_doc(structure.id, unit.id),
        "structure_unit.md.j2",
        unit.nama,
        f"{KIND_LABELS[unit.jenis]} dalam struktur baku {structure.nama}",
        {"structure": structure, "view": structure_unit_view(org, structure, unit, today)},
        structure_unit_chart(org, structure, unit),
        trail(REGIONS, (structure.nama, structure_doc(structure.id)), (unit.nama, None)),
        search_boost=2,
        search_names=unit_search_names(unit),
        search_roots=tuple(root_forms(unit_root_text(unit))),
        source_file=org.file_of(structure),
    )


def secretariat_page(org: Organisation, secretariat: Secretariat) -> PagePlan:
    parent = org.regional.administrative_parent(secretariat)
    steps = [(parent.region_name, secretariat_doc(parent.key))] if parent else []
    province = secretariat.is_province
    return PagePlan(
        secretariat_doc(secretariat.key),
        "secretariat.md.j2",
        secretariat.nama,
        f"{secretariat.short}, kode wilayah {secretariat.kode}",
        {
            "view": secretariat_view(org, secretariat),
            "established": establishing_article(org),
            "cited": secretariat_sources(org, secretariat),
        },
        secretariat_chart(org, secretariat),
        trail(REGIONS, *steps, (secretariat.region_name, None)),
        search_boost=1.25 if province else 1,  # see generator/plan/search.py
        search_names=secretariat_search_names(secretariat),
        source_file=org.file_of(secretariat.province),
    )


def region_pages(org: Organisation, today: date | None = None) -> list[PagePlan]:
    """Every regional page: the national list, standard structures, and each secretariat."""
    pages = [regions_page(org)]
    for structure in org.regional.ordered_structures():
        pages.append(structure_page(org, structure))
        pages += [structure_unit_page(org, structure, u, today) for u in structure.sub_unit]
    pages += [secretariat_page(org, s) for s in org.regional.secretariats.values()]
    return pages
