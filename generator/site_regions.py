"""The plan of the regional part of the site: 38 provincial and 514 kabupaten/kota secretariats,
the national list, and the standard structures (templates) they share.

Each regional page is short and links to its template for the article text, so 552 pages do not
repeat (or re-index) the same quotations.
"""

from __future__ import annotations

from typing import Any

from generator.model import KIND_LABELS, Organisation, Secretariat
from generator.render.charts import Chart, Edge, Node, successor_edge
from generator.render.filters import html
from generator.schema import Level, Template, Unit, UnitStatus
from generator.urls import (
    REGIONS_DOC,
    relative_url,
    secretariat_doc,
    template_doc,
    template_unit_doc,
    unit_doc,
)


def _box(key: str, label: str, doc: str, page: str, tooltip: str, *classes: str) -> Node:
    return Node(key, label, relative_url(doc, page), tooltip, tuple(c for c in classes if c), doc)


def _secretariat_box(secretariat: Secretariat, page: str, current: bool = False) -> Node:
    return _box(
        f"s-{secretariat.kode}",
        secretariat.short,
        secretariat_doc(secretariat.key),
        page,
        f"{secretariat.nama} (kode wilayah {secretariat.kode})",
        "saat-ini" if current else "",
    )


def _unit_box(template: Template, unit: Unit, page: str, current: bool = False) -> Node:
    former = unit.status is UnitStatus.DISSOLVED
    return _box(
        f"u-{unit.id}",
        unit.nama,
        template_unit_doc(template.id, unit.id),
        page,
        f"{unit.nama} ({KIND_LABELS[unit.jenis]}{', unit terdahulu' if former else ''})",
        "saat-ini" if current else "",
        "terdahulu" if former else "",
    )


def _setjen_box(org: Organisation, page: str) -> Node:
    root = org.root
    return _box("setjen", root.nama, unit_doc(root.id), page, f"{root.nama} (Sekretariat Jenderal)")


def _down(tail: Node, head: Node, *, answers: bool = False) -> Edge:
    """A line from a box to one below it; between secretariats it is the administrative line."""
    name = head.tooltip.split(" (")[0]
    relation = "bertanggung jawab secara administratif kepada" if answers else "berada di bawah"
    return Edge(tail.key, head.key, f"{name} {relation} {tail.label}")


def _active(units: tuple[Unit, ...] | list[Unit]) -> list[Unit]:
    return [u for u in units if u.status is UnitStatus.ACTIVE]


def secretariat_chart(org: Organisation, secretariat: Secretariat) -> Chart:
    """The administrative line above a secretariat, and what sits below it."""
    page = secretariat_doc(secretariat.key)
    here = _secretariat_box(secretariat, page, current=True)
    parent = org.administrative_parent(secretariat)
    above = _secretariat_box(parent, page) if parent else _setjen_box(org, page)
    province = secretariat.level is Level.PROVINCE
    if province:
        below = [_secretariat_box(s, page) for s in org.regency_secretariats(secretariat)]
    else:
        below = [_unit_box(secretariat.template, u, page) for u in _active(secretariat.sub_units)]
    edges = [_down(above, here, answers=True), *(_down(here, b, answers=province) for b in below)]
    return Chart(
        f"bagan-{secretariat.kode.replace('.', '-')}",
        f"Bagan {secretariat.short}",
        (above, here, *below),
        tuple(edges),
    )


def regions_chart(org: Organisation) -> Chart:
    """The Sekretariat Jenderal and the 38 provincial secretariats under it."""
    top = _setjen_box(org, REGIONS_DOC)
    provinces = [_secretariat_box(s, REGIONS_DOC) for s in org.provincial_secretariats()]
    return Chart(
        "bagan-daerah",
        "Bagan sekretariat KPU provinsi",
        (top, *provinces),
        tuple(_down(top, p, answers=True) for p in provinces),
    )


def _template_box(template: Template, page: str, current: bool = False) -> Node:
    return _box(
        f"t-{template.id}",
        template.nama,
        template_doc(template.id),
        page,
        template.nama,
        "saat-ini" if current else "",
    )


def template_chart(org: Organisation, template: Template) -> Chart:
    page = template_doc(template.id)
    top = _template_box(template, page, current=True)
    units = org.template_units(template)
    boxes = {u.id: _unit_box(template, u, page) for u in units}
    edges = [_down(boxes[u.induk] if u.induk else top, boxes[u.id]) for u in _active(units)]
    edges += [
        successor_edge(boxes[u.id], boxes[s])
        for u in units
        if u.status is UnitStatus.DISSOLVED
        for s in u.digantikan_oleh
    ]
    return Chart(
        f"bagan-{template.id}", f"Bagan {template.nama}", (top, *boxes.values()), tuple(edges)
    )


def template_unit_chart(org: Organisation, template: Template, unit: Unit) -> Chart:
    page = template_unit_doc(template.id, unit.id)
    by_id = {u.id: u for u in template.sub_unit}
    here = _unit_box(template, unit, page, current=True)
    parent = by_id.get(unit.induk or "")
    above = _unit_box(template, parent, page) if parent else _template_box(template, page)
    successors = [_unit_box(template, by_id[s], page) for s in unit.digantikan_oleh]
    edges = [_down(above, here)] + [successor_edge(here, s) for s in successors]
    return Chart(
        f"bagan-{template.id}-{unit.id}",
        f"Bagan {unit.nama}",
        (above, here, *successors),
        tuple(edges),
    )


def region_pages(org: Organisation) -> list[tuple[str, str, dict[str, Any], Chart]]:
    """(path, template, context, chart) for every regional page."""
    pages: list[tuple[str, str, dict[str, Any], Chart]] = [
        (REGIONS_DOC, "regions.md.j2", {"org": org}, regions_chart(org)),
    ]
    for template in org.ordered_templates():
        pages.append(
            (
                template_doc(template.id),
                "template.md.j2",
                {"org": org, "template": template},
                template_chart(org, template),
            )
        )
        for unit in template.sub_unit:
            pages.append(
                (
                    template_unit_doc(template.id, unit.id),
                    "template_unit.md.j2",
                    {"org": org, "template": template, "unit": unit},
                    template_unit_chart(org, template, unit),
                )
            )
    for secretariat in org.secretariats.values():
        pages.append(
            (
                secretariat_doc(secretariat.key),
                "secretariat.md.j2",
                {"org": org, "secretariat": secretariat},
                secretariat_chart(org, secretariat),
            )
        )
    return pages


def regions_nav(org: Organisation) -> list[Any]:
    """Sekretariat Daerah → province → kabupaten/kota; titles are HTML-escaped (the theme prints them raw)."""
    nav: list[Any] = [REGIONS_DOC]
    if org.templates:
        templates = [
            {
                html(t.nama): [
                    template_doc(t.id),
                    *(template_unit_doc(t.id, u.id) for u in org.template_units(t)),
                ]
            }
            for t in org.ordered_templates()
        ]
        nav.append({"Struktur baku": templates})
    for province in org.provincial_secretariats():
        nav.append(
            {
                html(province.region_name): [
                    secretariat_doc(province.key),
                    *(
                        {html(s.region_name): secretariat_doc(s.key)}
                        for s in org.regency_secretariats(province)
                    ),
                ]
            }
        )
    return nav
