"""What every cross-file rule reads: the typed records with their files, and what is known to exist.

A rule is a pure function ``rule(ctx) -> Iterable[Problem]``. The context is built once by
``generator.content.validate`` after the schema pass, and never changes.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import PurePosixPath
from typing import Protocol

from generator.content.load import Path_, RawDocument, dotted
from generator.errors import Problem, problem
from generator.messages import hint
from generator.schema import (
    Province,
    Regency,
    Regulation,
    Source,
    StandardStructure,
    Unit,
    UnitKind,
)

#: Which kinds of unit may sit directly under which. The root kind has no parent.
ALLOWED_PARENTS: dict[UnitKind, frozenset[UnitKind]] = {
    UnitKind.SECRETARIAT_GENERAL: frozenset(),
    UnitKind.DEPUTY: frozenset({UnitKind.SECRETARIAT_GENERAL}),
    UnitKind.PRINCIPAL_INSPECTORATE: frozenset({UnitKind.SECRETARIAT_GENERAL}),
    UnitKind.CENTRE: frozenset({UnitKind.SECRETARIAT_GENERAL, UnitKind.DEPUTY}),
    UnitKind.BUREAU: frozenset({UnitKind.SECRETARIAT_GENERAL, UnitKind.DEPUTY}),
    UnitKind.REGIONAL_INSPECTORATE: frozenset({UnitKind.PRINCIPAL_INSPECTORATE}),
    UnitKind.PROVINCIAL_SECRETARIAT: frozenset(),
    UnitKind.REGENCY_SECRETARIAT: frozenset(),
    UnitKind.DIVISION: frozenset(
        {
            UnitKind.PROVINCIAL_SECRETARIAT,
            UnitKind.BUREAU,
            UnitKind.CENTRE,
            UnitKind.PRINCIPAL_INSPECTORATE,
            UnitKind.REGIONAL_INSPECTORATE,
        }
    ),
    UnitKind.SUBDIVISION: frozenset(
        {
            UnitKind.REGENCY_SECRETARIAT,
            UnitKind.DIVISION,
            UnitKind.BUREAU,
            UnitKind.CENTRE,
            UnitKind.REGIONAL_INSPECTORATE,
        }
    ),
}

AnyRecord = Unit | Regulation | StandardStructure | Province | Regency


class Rule(Protocol):
    """One cross-file rule."""

    def __call__(self, ctx: Context, /) -> Iterable[Problem]: ...


def suggest(word: str, candidates: Iterable[str]) -> str | None:
    """Return the closest candidate to a mistyped word, if one is close enough.

    >>> suggest("biro-keuangn", ["biro-keuangan", "biro-umum"])
    'biro-keuangan'
    >>> suggest("xyz", ["biro-umum"]) is None
    True
    """
    matches = difflib.get_close_matches(word, sorted(set(candidates)), n=1, cutoff=0.6)
    return matches[0] if matches else None


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """The ' — maksud Anda …?' fragment, or nothing when no candidate is close."""
    match = suggest(word, candidates)
    return hint("maksud", match=match) if match else ""


@dataclass(frozen=True)
class Known:
    """Ids that exist: valid records, plus those whose file failed (already reported)."""

    valid: frozenset[str] = frozenset()
    invalid: frozenset[str] = frozenset()
    #: Nothing is known: the file listing these ids could not be read at all.
    unknown: bool = False

    def __contains__(self, target: object) -> bool:
        return self.unknown or target in self.valid or target in self.invalid


@dataclass(frozen=True)
class Located:
    """A record, the file it stands in, and its path inside that file (``()`` at the top)."""

    record: AnyRecord
    document: RawDocument
    path: Path_ = ()


@dataclass(frozen=True)
class Context:
    """The content after the schema pass, as the cross-file rules see it."""

    units: tuple[tuple[Unit, RawDocument], ...] = ()
    regulations: tuple[tuple[Regulation, RawDocument], ...] = ()
    regions: tuple[tuple[Province, RawDocument], ...] = ()
    structures: tuple[tuple[StandardStructure, RawDocument], ...] = ()
    sources: Mapping[str, Source] = field(default_factory=dict)
    #: content/sumber.yml, when it could be read.
    sources_document: RawDocument | None = None
    unit_ids: Known = Known()
    regulation_ids: Known = Known()
    source_ids: Known = Known()
    #: Files that could not be read, or failed the schema: rules that need a whole kind of
    #: record (one top unit, one template per level) stay silent while any is missing.
    failed: frozenset[str] = frozenset()
    #: The day the build stands for (SOURCE_DATE_EPOCH or the last commit's): rules that judge
    #: how old a dated fact is compare with it, so a check gives the same answer for one commit.
    build_date: date | None = None

    def problem(
        self,
        document: RawDocument,
        path: Path_,
        code: str,
        /,
        at: Path_ | None = None,
        **values: object,
    ) -> Problem:
        """A problem at the value of ``path`` (or of ``at``) in ``document``."""
        position = document.locate_value(at or path)
        return problem(document.path, position.line, position.column, dotted(path), code, **values)

    def failed_in(self, folder: str) -> bool:
        """Whether a file in ``folder`` (e.g. 'unit') failed to load or failed the schema."""
        return any(PurePosixPath(p).parent.name == folder for p in self.failed)

    @cached_property
    def units_by_id(self) -> dict[str, tuple[Unit, RawDocument]]:
        return {u.id: (u, d) for u, d in self.units}

    @cached_property
    def records(self) -> tuple[Located, ...]:
        """Every record and sub-record that carries sources, legal bases or names."""
        return tuple(_walk(self))


def _walk(ctx: Context) -> Iterator[Located]:
    for unit, document in ctx.units:
        yield Located(unit, document)
    for regulation, document in ctx.regulations:
        yield Located(regulation, document)
    for template, document in ctx.structures:
        yield Located(template, document)
        for i, sub in enumerate(template.sub_unit):
            yield Located(sub, document, ("sub_unit", i))
    for province, document in ctx.regions:
        places: list[tuple[Province | Regency, Path_]] = [(province, ())]
        places += [(r, ("kabupaten_kota", i)) for i, r in enumerate(province.kabupaten_kota)]
        for place, path in places:
            yield Located(place, document, path)
            for j, sub in enumerate(place.sub_unit_tambahan):
                yield Located(sub, document, (*path, "sub_unit_tambahan", j))
