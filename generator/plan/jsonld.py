"""schema.org JSON-LD for unit and secretariat pages, as data (the template prints it escaped).

JSON-LD carries no confidence: search engines read every property as a plain fact. So it asserts
only what is verified or from a secondary source, and leaves out inferred or unverified facts (an
inferred parent, a sub-unit whose place is inferred, kab/kota secretariats whose existence is
counted, not read). The name stays even when composed: an organisation needs one, and the page it
describes shows the name's marker.
"""

from __future__ import annotations

from typing import Any

from generator.model.confidence import is_uncertain
from generator.model.organisation import Organisation
from generator.model.regional import Secretariat
from generator.schema import Unit


def _org(name: str, **extra: Any) -> dict[str, Any]:
    return {"@type": "GovernmentOrganization", "name": name, **extra}


def unit_jsonld(org: Organisation, unit: Unit) -> dict[str, Any]:
    """schema.org data for a unit page: the unit, its parent and its sub-units (sure ones only)."""
    data: dict[str, Any] = {"@context": "https://schema.org", **_org(unit.nama)}
    names = [a.nama for a in unit.alias] + ([unit.singkatan] if unit.singkatan else [])
    if names:
        data["alternateName"] = sorted(set(names))
    parent = org.parent(unit)
    if parent is not None and not is_uncertain(unit, "induk"):
        data["parentOrganization"] = _org(parent.nama)
    children = [c.nama for c in org.children_of(unit) if not is_uncertain(c, "induk")]
    if unit.id == org.root.id:
        children += [s.nama for s in org.regional.provinces()]
    if children:
        data["subOrganization"] = [_org(n) for n in children]
    return data


def secretariat_jsonld(org: Organisation, secretariat: Secretariat) -> dict[str, Any]:
    """schema.org data for a regional secretariat page."""
    parent = org.regional.administrative_parent(secretariat)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        **_org(secretariat.nama, alternateName=[secretariat.short]),
        "parentOrganization": _org(parent.nama if parent else org.root.nama),
        "areaServed": {
            "@type": "AdministrativeArea",
            "name": secretariat.region_name,
            "identifier": secretariat.kode,
        },
    }
    regencies = org.regional.regencies(secretariat) if parent is None else []
    below = [s.nama for s in regencies if not is_uncertain(s, "keberadaan")] or [
        u.nama for u in secretariat.active_sub_units if not is_uncertain(u, "induk")
    ]
    if below:
        data["subOrganization"] = [_org(n) for n in below]
    if secretariat.record.situs and not is_uncertain(secretariat, "situs"):
        data["url"] = secretariat.record.situs
    return data
