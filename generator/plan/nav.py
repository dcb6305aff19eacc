"""The navigation of the generated sections: it mirrors the unit tree and the regions."""

from __future__ import annotations

from typing import Any

from generator.escape import html
from generator.model.organisation import Organisation
from generator.model.regional import structure_units
from generator.schema import Unit
from generator.urls import (
    HISTORY_DOC,
    OVERVIEW_DOC,
    REGIONS_DOC,
    REGULATIONS_DOC,
    regulation_doc,
    secretariat_doc,
    structure_doc,
    structure_unit_doc,
    unit_doc,
)

# Section titles are HTML-escaped here: the theme prints nav titles without escaping.


def _unit_nav(org: Organisation, unit: Unit) -> Any:
    children = org.children_of(unit)
    if not children:
        return unit_doc(unit.id)
    return {html(unit.nama): [unit_doc(unit.id), *(_unit_nav(org, c) for c in children)]}


def structure_nav(org: Organisation) -> list[Any]:
    """Struktur Organisasi mirrors the tree, after the overview and the changes over time; former
    units follow in their own group."""
    nav: list[Any] = [OVERVIEW_DOC, HISTORY_DOC, _unit_nav(org, org.root)]
    former = org.former_units()
    if former:
        nav.append({"Unit terdahulu": [unit_doc(u.id) for u in former]})
    return nav


def regulations_nav(org: Organisation) -> list[Any]:
    return [REGULATIONS_DOC, *(regulation_doc(r) for r in org.regulations)]


def regions_nav(org: Organisation) -> list[Any]:
    """Sekretariat Daerah → standard structures, then province → kabupaten/kota."""
    nav: list[Any] = [REGIONS_DOC]
    if org.regional.structures:
        structures = [
            {
                html(s.nama): [
                    structure_doc(s.id),
                    *(structure_unit_doc(s.id, u.id) for u in structure_units(s)),
                ]
            }
            for s in org.regional.ordered_structures()
        ]
        nav.append({"Struktur baku": structures})
    for province in org.regional.provinces():
        regencies = [
            {html(s.region_name): secretariat_doc(s.key)} for s in org.regional.regencies(province)
        ]
        nav.append({html(province.region_name): [secretariat_doc(province.key), *regencies]})
    return nav


def section_navs(org: Organisation) -> dict[str, list[Any]]:
    """Each generated section's nav, by the index page the hand-written nav names."""
    navs = {OVERVIEW_DOC: structure_nav(org), REGULATIONS_DOC: regulations_nav(org)}
    if org.regional.secretariats:
        navs[REGIONS_DOC] = regions_nav(org)
    return navs
