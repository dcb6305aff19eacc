"""Rules about regions: Kemendagri codes and names, and each secretariat's changes to its template."""

from __future__ import annotations

from collections.abc import Iterator

from generator.content.load import STRUCTURES_DIR, Path_, RawDocument
from generator.content.rules.context import Context, did_you_mean
from generator.content.rules.standard_structures import TOP_KIND, sub_units, templates_by_level
from generator.errors import Problem
from generator.schema import Level, Province, Regency
from generator.urls import secretariat_key


def codes(ctx: Context) -> Iterator[Problem]:
    """Kemendagri codes are unique, and a kabupaten/kota's code starts with its province's."""
    seen: dict[str, str] = {}
    for region, document in ctx.regions:
        entries: list[tuple[Path_, str]] = [(("kode",), region.kode)]
        entries += [
            (("kabupaten_kota", i, "kode"), r.kode) for i, r in enumerate(region.kabupaten_kota)
        ]
        for path, code in entries:
            if code in seen:
                yield ctx.problem(document, path, "kode-wilayah-ganda", code=code, other=seen[code])
            else:
                seen[code] = document.path
        for i, regency in enumerate(region.kabupaten_kota):
            # str(): mypy cannot see through the annotated code types of schema/models.py.
            if not str(regency.kode).startswith(f"{region.kode}."):
                yield ctx.problem(
                    document,
                    ("kabupaten_kota", i, "kode"),
                    "kode-tidak-sesuai-provinsi",
                    code=regency.kode,
                    province=region.kode,
                )


def regency_names(ctx: Context) -> Iterator[Problem]:
    """Kabupaten/kota names follow Kemendagri's list, once each per province."""
    for region, document in ctx.regions:
        names: dict[str, int] = {}
        for i, regency in enumerate(region.kabupaten_kota):
            path = ("kabupaten_kota", i, "nama")
            if not regency.nama.startswith(("Kabupaten ", "Kota ")):
                yield ctx.problem(document, path, "nama-kabupaten-kota", name=regency.nama)
            key = secretariat_key(region.id, regency.nama)
            if key in names:
                yield ctx.problem(
                    document, path, "nama-kabupaten-kota-ganda", name=regency.nama, index=names[key]
                )
            names[key] = i


def _overrides(
    ctx: Context, place: Province | Regency, level: Level, document: RawDocument, prefix: Path_
) -> Iterator[Problem]:
    template = templates_by_level(ctx).get(level)
    template_ids = frozenset(u.id for u in template.sub_unit) if template else frozenset()
    for j, removed in enumerate(place.sub_unit_dihapus):
        if template and removed not in template_ids:
            yield ctx.problem(
                document,
                (*prefix, "sub_unit_dihapus", j),
                "templat-tanpa-sub-unit",
                template=template.id,
                target=removed,
                hint=did_you_mean(removed, template_ids),
            )
    # Without its template (its file failed), which parents exist is unknown: say nothing.
    unknown = template is None and ctx.failed_in(STRUCTURES_DIR)
    kept = None if unknown else template_ids - set(place.sub_unit_dihapus)
    path = (*prefix, "sub_unit_tambahan")
    yield from sub_units(ctx, place.sub_unit_tambahan, document, path, TOP_KIND[level], kept)


def template_changes(ctx: Context) -> Iterator[Problem]:
    """Removed sub-units exist in the template; added ones fit under the kept ones."""
    for region, document in ctx.regions:
        yield from _overrides(ctx, region, Level.PROVINCE, document, ())
        for i, regency in enumerate(region.kabupaten_kota):
            yield from _overrides(ctx, regency, Level.REGENCY, document, ("kabupaten_kota", i))


def empty_provinces(ctx: Context) -> Iterator[Problem]:
    """Warnings: a province without kabupaten/kota shows an empty map of secretariats."""
    for region, document in ctx.regions:
        if not region.kabupaten_kota:
            yield ctx.problem(document, ("kabupaten_kota",), "provinsi-tanpa-kabupaten-kota")
