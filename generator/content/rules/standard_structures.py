"""Rules about the standard structures (templates) of regional secretariats and their sub-units."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import PurePosixPath

from generator.content.load import STRUCTURES_DIR, Path_, RawDocument
from generator.content.rules.context import ALLOWED_PARENTS, Context, did_you_mean
from generator.errors import Problem, problem
from generator.schema import Level, StandardStructure, Unit, UnitKind, UnitStatus

#: The secretariat a template's top-level sub-units sit under.
TOP_KIND = {
    Level.PROVINCE: UnitKind.PROVINCIAL_SECRETARIAT,
    Level.REGENCY: UnitKind.REGENCY_SECRETARIAT,
}


def templates_by_level(ctx: Context) -> dict[Level, StandardStructure]:
    """The first template of each level (a second one is an error of its own)."""
    by_level: dict[Level, StandardStructure] = {}
    for template, _ in ctx.structures:
        by_level.setdefault(template.tingkat, template)
    return by_level


def one_template_per_level(ctx: Context) -> Iterator[Problem]:
    """Exactly one template per level when there are regions, which are built from them."""
    first: dict[Level, StandardStructure] = {}
    for template, document in ctx.structures:
        other = first.setdefault(template.tingkat, template)
        if other is not template:
            yield ctx.problem(
                document,
                ("tingkat",),
                "templat-tingkat-ganda",
                level=template.tingkat.value,
                other=other.id,
            )
    if not ctx.regions or ctx.failed_in(STRUCTURES_DIR):
        return
    folder = PurePosixPath(ctx.regions[0][1].path).parent.parent.as_posix() + "/templat"
    for level in Level:
        if level not in first:
            yield problem(folder, 1, 1, "", "templat-tingkat-tidak-ada", level=level.value)


def _sub_unit(
    ctx: Context,
    units: Sequence[Unit],
    i: int,
    document: RawDocument,
    here: Path_,
    top: UnitKind,
    ids: frozenset[str] | None,
) -> Iterator[Problem]:
    unit = units[i]
    parent_kind = top
    if unit.induk is not None:
        parent = next((u for u in units if u.id == unit.induk), None)
        if parent is None:
            if ids is not None:
                yield ctx.problem(
                    document,
                    (*here, "induk"),
                    "sub-unit-tidak-ada",
                    target=unit.induk,
                    hint=did_you_mean(unit.induk, ids),
                )
            return
        parent_kind = parent.jenis
    if parent_kind not in ALLOWED_PARENTS[unit.jenis]:
        yield ctx.problem(
            document,
            (*here, "jenis"),
            "jenis-sub-unit-tidak-sesuai",
            kind=unit.jenis.value,
            parent=parent_kind.value,
        )
    for j, successor in enumerate(unit.digantikan_oleh):
        if ids is not None and successor not in ids:
            yield ctx.problem(
                document,
                (*here, "digantikan_oleh", j),
                "sub-unit-tidak-ada",
                target=successor,
                hint=did_you_mean(successor, ids),
            )
    if unit.digantikan_oleh and unit.status is UnitStatus.ACTIVE:
        yield ctx.problem(document, (*here, "digantikan_oleh"), "pengganti-pada-unit-aktif")


def sub_units(
    ctx: Context,
    units: Sequence[Unit],
    document: RawDocument,
    prefix: Path_,
    top: UnitKind,
    known: frozenset[str] | None,
) -> Iterator[Problem]:
    """Sub-units of a template or region: parents and successors are ids within the same list
    (plus ``known``, the template's sub-units kept by a region; ``None`` when that template is
    unknown because its file failed)."""
    ids = None if known is None else frozenset(u.id for u in units) | known
    seen: set[str] = set(known or ())
    for i, unit in enumerate(units):
        here = (*prefix, i)
        if unit.id in seen:
            yield ctx.problem(document, (*here, "id"), "sub-unit-id-ganda", id=unit.id)
        seen.add(unit.id)
        yield from _sub_unit(ctx, units, i, document, here, top, ids)


def template_sub_units(ctx: Context) -> Iterator[Problem]:
    """A template's sub-units form a valid tree under its secretariat."""
    for template, document in ctx.structures:
        top = TOP_KIND[template.tingkat]
        yield from sub_units(ctx, template.sub_unit, document, ("sub_unit",), top, frozenset())
