"""Former addresses as data: each old page path and the page it now leads to."""

from __future__ import annotations

from dataclasses import dataclass

from generator.model.organisation import Organisation
from generator.urls import secretariat_doc, secretariat_key, structure_unit_doc, unit_doc


@dataclass(frozen=True)
class Redirect:
    """An address that once had a page, and the page that now stands for it."""

    old_doc: str
    """The page file the old address was built from, e.g. 'struktur/biro-lama/index.md'."""
    new_doc: str
    name: str
    """The name of the page it leads to, shown on the redirect page."""


def redirects(org: Organisation) -> list[Redirect]:
    """Every former unit id and kab/kota name, in a stable order (validated: no clashes)."""
    found = [
        Redirect(unit_doc(old), unit_doc(unit.id), unit.nama)
        for unit in org.units.values()
        for old in unit.id_lama
    ]
    for structure in org.regional.ordered_structures():
        found += [
            Redirect(
                structure_unit_doc(structure.id, old),
                structure_unit_doc(structure.id, unit.id),
                unit.nama,
            )
            for unit in structure.sub_unit
            for old in unit.id_lama
        ]
    for secretariat in org.regional.secretariats.values():
        regency = secretariat.regency
        if regency is None:
            continue
        for old in regency.nama_lama:
            key = secretariat_key(secretariat.province.id, old)
            if key != secretariat.key:
                found.append(
                    Redirect(
                        secretariat_doc(key), secretariat_doc(secretariat.key), secretariat.nama
                    )
                )
    return sorted(found, key=lambda r: r.old_doc)
