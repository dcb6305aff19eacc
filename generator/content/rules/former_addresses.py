"""Former addresses: the ids (``id_lama``) and kab/kota names (``nama_lama``) pages used to have.

Every former address gets a redirect page, so a published link never breaks. Two records must
never claim the same address, and a former address must not be a page that exists now.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

from generator.content.load import Path_, RawDocument, dotted
from generator.errors import Problem, problem
from generator.schema import Province, StandardStructure, Unit
from generator.urls import secretariat_key


@dataclass(frozen=True)
class _Claim:
    """One former address written in one place of one file."""

    address: str
    shown: str
    document: RawDocument
    path: Path_


def _problem(claim: _Claim, code: str, **values: object) -> Problem:
    position = claim.document.locate_value(claim.path)
    where = (claim.document.path, position.line, position.column, dotted(claim.path))
    return problem(*where, code, **values)


def _conflicts(claims: list[_Claim], current: dict[str, str], what: str) -> Iterator[Problem]:
    """A former address that is a current page, or that two places claim."""
    first: dict[str, _Claim] = {}
    for claim in claims:
        if claim.address in current:
            yield _problem(
                claim,
                "alamat-lama-masih-dipakai",
                what=what,
                shown=claim.shown,
                current=current[claim.address],
            )
        elif claim.address in first:
            earlier = first[claim.address]
            where = f"{earlier.document.path}:{earlier.document.locate_value(earlier.path).line}"
            yield _problem(claim, "alamat-lama-ganda", what=what, shown=claim.shown, where=where)
        else:
            first[claim.address] = claim


def former_unit_ids(units: list[tuple[Unit, RawDocument]], known_ids: set[str]) -> list[Problem]:
    """``id_lama`` of central units: not a current id (``known_ids`` includes invalid units), once."""
    claims = [
        _Claim(old, old, document, ("id_lama", i))
        for unit, document in units
        for i, old in enumerate(unit.id_lama)
    ]
    current = {i: f"unit '{i}'" for i in sorted(known_ids | {u.id for u, _ in units})}
    return list(_conflicts(claims, current, "id lama"))


def former_template_ids(templates: list[tuple[StandardStructure, RawDocument]]) -> list[Problem]:
    """``id_lama`` of a standard structure's sub-units, within that structure."""
    problems: list[Problem] = []
    for template, document in templates:
        claims = [
            _Claim(old, old, document, ("sub_unit", j, "id_lama", i))
            for j, unit in enumerate(template.sub_unit)
            for i, old in enumerate(unit.id_lama)
        ]
        current = {u.id: f"sub-unit '{u.id}'" for u in template.sub_unit}
        problems += _conflicts(claims, current, "id lama")
    return problems


def former_regency_names(regions: list[tuple[Province, RawDocument]]) -> list[Problem]:
    """``nama_lama`` of each kab/kota: its old page address is no current page of the province."""
    problems: list[Problem] = []
    for province, document in regions:
        key = functools.partial(secretariat_key, province.id)
        current = {key(r.nama): f"'{r.nama}'" for r in province.kabupaten_kota}
        claims = [
            _Claim(key(old), old, document, ("kabupaten_kota", j, "nama_lama", i))
            for j, regency in enumerate(province.kabupaten_kota)
            for i, old in enumerate(regency.nama_lama)
            if key(old) != key(regency.nama)  # an old spelling with the same address is harmless
        ]
        problems += _conflicts(claims, current, "nama lama")
    return problems


def former_address_problems(
    units: list[tuple[Unit, RawDocument]],
    known_unit_ids: set[str],
    regions: list[tuple[Province, RawDocument]],
    templates: list[tuple[StandardStructure, RawDocument]],
) -> list[Problem]:
    """Every conflict between former addresses and current pages."""
    return [
        *former_unit_ids(units, known_unit_ids),
        *former_template_ids(templates),
        *former_regency_names(regions),
    ]
