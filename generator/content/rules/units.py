"""Rules about the central units: parents, successors, one top, and what a reviewer should see."""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterator
from pathlib import PurePosixPath

from generator.content.gaps import duties_missing, sources_missing
from generator.content.load import UNITS_DIR, Path_, RawDocument
from generator.content.rules.context import ALLOWED_PARENTS, Context, suggest
from generator.errors import Problem, problem
from generator.messages import hint
from generator.schema import Confidence, SourceKind, Unit, UnitKind, UnitStatus


def _references(ctx: Context) -> Counter[str]:
    """How many units point at each id, through ``induk`` or ``digantikan_oleh``."""
    counts: Counter[str] = Counter()
    for unit, _ in ctx.units:
        counts.update({*([unit.induk] if unit.induk else []), *unit.digantikan_oleh})
    return counts


def _missing_unit(
    ctx: Context, document: RawDocument, path: Path_, target: str, pointed_at: int
) -> Problem:
    """A unit that is not there: a typo when one valid id is close and only one unit points at
    it; otherwise most likely a deleted file, and the fix is to keep it as dissolved."""
    match = suggest(target, ctx.unit_ids.valid)
    if match and pointed_at < 2:
        return ctx.problem(
            document, path, "unit-tidak-ditemukan", target=target, hint=hint("maksud", match=match)
        )
    return ctx.problem(document, path, "unit-dihapus", target=target)


def _parent(
    ctx: Context, unit: Unit, document: RawDocument, counts: Counter[str]
) -> Iterator[Problem]:
    active = unit.status is UnitStatus.ACTIVE
    if unit.induk is None:
        if active and unit.jenis is not UnitKind.SECRETARIAT_GENERAL:
            yield ctx.problem(document, ("induk",), "induk-tidak-diisi", at=("jenis",))
        return
    if unit.jenis is UnitKind.SECRETARIAT_GENERAL:
        yield ctx.problem(document, ("induk",), "puncak-tanpa-induk")
        return
    if unit.induk == unit.id:
        yield ctx.problem(document, ("induk",), "induk-diri-sendiri")
        return
    if unit.induk not in ctx.unit_ids:
        yield _missing_unit(ctx, document, ("induk",), unit.induk, counts[unit.induk])
        return
    if unit.induk not in ctx.units_by_id:
        return  # its file failed the schema, already reported
    parent = ctx.units_by_id[unit.induk][0]
    allowed = ALLOWED_PARENTS[unit.jenis]
    if parent.jenis not in allowed:
        choices = ", ".join(sorted(k.value for k in allowed)) or "tidak ada"
        yield ctx.problem(
            document,
            ("induk",),
            "jenis-induk-tidak-sesuai",
            kind=unit.jenis.value,
            parent=parent.jenis.value,
            parent_id=parent.id,
            choices=choices,
        )
    if active and parent.status is UnitStatus.DISSOLVED:
        yield ctx.problem(document, ("induk",), "aktif-di-bawah-unit-bubar", parent_id=parent.id)


def parents(ctx: Context) -> Iterator[Problem]:
    """Each unit's ``induk`` exists and is of a kind it may sit under."""
    counts = _references(ctx)
    for unit, document in ctx.units:
        yield from _parent(ctx, unit, document, counts)


def successors(ctx: Context) -> Iterator[Problem]:
    """Only dissolved units have successors, and those successors exist."""
    counts = _references(ctx)
    for unit, document in ctx.units:
        if unit.digantikan_oleh and unit.status is UnitStatus.ACTIVE:
            yield ctx.problem(document, ("digantikan_oleh",), "pengganti-pada-unit-aktif")
        for i, successor in enumerate(unit.digantikan_oleh):
            path = ("digantikan_oleh", i)
            if successor == unit.id:
                yield ctx.problem(document, path, "digantikan-diri-sendiri")
            elif successor not in ctx.unit_ids:
                yield _missing_unit(ctx, document, path, successor, counts[successor])


def cycles(ctx: Context) -> Iterator[Problem]:
    """Following ``induk`` upwards always ends at the top; a loop is named once."""
    by_id = ctx.units_by_id
    reported: set[str] = set()
    for start in sorted(by_id):
        seen: list[str] = []
        current: str | None = start
        while current is not None and current in by_id and current not in seen:
            seen.append(current)
            current = by_id[current][0].induk
        if current is None or current not in seen:
            continue
        loop = seen[seen.index(current) :]
        if reported.intersection(loop):
            continue
        reported.update(loop)
        first = loop.index(min(loop))
        loop = loop[first:] + loop[:first]  # start at the same unit however the walk began
        chain = " → ".join([*loop, loop[0]])
        yield ctx.problem(by_id[loop[0]][1], ("induk",), "rantai-induk-berputar", chain=chain)


def single_root(ctx: Context) -> Iterator[Problem]:
    """The tree has exactly one top: the active Sekretariat Jenderal."""
    roots = [
        (u, d)
        for u, d in ctx.units
        if u.jenis is UnitKind.SECRETARIAT_GENERAL and u.status is UnitStatus.ACTIVE
    ]
    # A unit file that failed may well be the top: that error is the one to fix first.
    if not roots and ctx.units and not ctx.failed_in(UNITS_DIR):
        folder = PurePosixPath(ctx.units[0][1].path).parent.as_posix()
        yield problem(folder, 1, 1, "", "tidak-ada-puncak")
    if len(roots) > 1:
        names = ", ".join(u.id for u, _ in roots)
        for _, document in roots:
            yield ctx.problem(document, ("jenis",), "puncak-ganda", count=len(roots), names=names)


def review_notes(ctx: Context) -> Iterator[Problem]:
    """Warnings: gaps a reviewer should know about, though the unit is valid."""
    for unit, document in ctx.units:
        if sources_missing(unit):
            yield ctx.problem(document, ("id",), "unit-tanpa-sumber")
        has_article = any(b.pasal for b in unit.dasar_hukum) or bool(unit.ketentuan)
        if unit.keyakinan is Confidence.VERIFIED and not has_article:
            yield ctx.problem(document, ("keyakinan",), "terverifikasi-tanpa-pasal")
        if unit.keyakinan is Confidence.VERIFIED and _one_secondary_source(ctx, unit):
            yield ctx.problem(document, ("keyakinan",), "terverifikasi-satu-sumber-sekunder")
        if duties_missing(unit):
            yield ctx.problem(document, ("id",), "tugas-belum-ada")
        if unit.status is UnitStatus.DISSOLVED and not unit.digantikan_oleh:
            yield ctx.problem(document, ("status",), "bubar-tanpa-pengganti")


def _one_secondary_source(ctx: Context, unit: Unit) -> bool:
    """Verified means a primary text, or two separate copies of an official document (the
    legend says so): one secondary source alone is not enough. Unknown ids are another rule's."""
    kinds = [ctx.sources[s].jenis for s in unit.sumber if s in ctx.sources]
    return len(kinds) == 1 and kinds[0] is SourceKind.SECONDARY


def _name_key(name: str) -> str:
    """Names compare without case, accents or spacing differences."""
    folded = unicodedata.normalize("NFKC", name).casefold()
    return " ".join(folded.split())


def _spaced(name: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", name).split())


def _names(unit: Unit) -> Iterator[tuple[str, Path_]]:
    yield unit.nama, ("nama",)
    if unit.singkatan:
        yield unit.singkatan, ("singkatan",)
    for i, alias in enumerate(unit.alias):
        yield alias.nama, ("alias", i, "nama")


def shared_names(ctx: Context) -> Iterator[Problem]:
    """Warnings: a name, alias or code that points at two units makes search and links ambiguous;
    an alias that is the unit's own name reads as another name when it is none."""
    owner: dict[str, str] = {}
    codes: dict[str, str] = {}
    for unit, document in ctx.units:
        for name, path in _names(unit):
            key = _name_key(name)
            # Exactly the name (but spacing): a variant in capitals only is a spelling of record.
            if path[0] == "alias" and _spaced(name) == _spaced(unit.nama):
                yield ctx.problem(document, path, "alias-sama-dengan-nama", name=name)
                continue
            other = owner.setdefault(key, unit.id)
            if other != unit.id:
                yield ctx.problem(document, path, "nama-dipakai-dua-unit", name=name, other=other)
        if unit.kode is not None:
            other = codes.setdefault(unit.kode, unit.id)
            if other != unit.id:
                yield ctx.problem(
                    document, ("kode",), "kode-unit-ganda", code=unit.kode, other=other
                )
