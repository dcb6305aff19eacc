"""The structure over time: when a unit existed, and how former units became today's.

Pure: reads units only. How a unit's years are derived (and what stays unknown):

- ``periode`` is the only recorded date. ``"2020–2023"`` gives a first and a last year,
  ``"2020–"`` a first year only, ``"–2023"`` a last year only, ``"2020"`` one year; a hyphen
  works like the en dash. Anything else counts as no date at all.
- A former unit (``status: dibubarkan``) ends in the last year of its ``periode``; without
  ``periode`` it is known to have existed, but not when, so no year's structure includes it.
- An active unit (``status: aktif``) exists now, whatever ``periode`` says about an end. Its
  first year is the first year of ``periode`` if given, else *unknown*: it is never guessed, and
  pages say "belum diketahui".
- For the structure as of a year, an active unit with an unknown first year is counted:
  * from the year after its predecessors' last year, when it replaced former units (the
    replacement is what the content records; the exact date is not);
  * in every year otherwise (the content records no change to it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from generator.schema import Confidence, Unit

UNKNOWN = "belum diketahui"
#: Links readers are warned about, with the badge and the reason.
UNCERTAIN_LINKS = (Confidence.INFERRED, Confidence.UNVERIFIED)
_PERIOD = re.compile(r"^\s*(\d{4})?\s*([–—-])?\s*(\d{4})?\s*$")


@dataclass(frozen=True)
class Period:
    """A unit's years as far as the content says; None where it says nothing."""

    start: int | None = None
    end: int | None = None
    ongoing: bool = False
    """The unit exists now (it is active); ``end`` is then always None."""

    @classmethod
    def parse(cls, text: str | None, *, ongoing: bool = False) -> Period:
        """Read a ``periode`` such as '2020–2023'.

        >>> Period.parse("2020–2023"), Period.parse("2020-", ongoing=True).start
        (Period(start=2020, end=2023, ongoing=False), 2020)
        >>> Period.parse("sekitar 2020"), Period.parse("2019")
        (Period(start=None, end=None, ongoing=False), Period(start=2019, end=2019, ongoing=False))
        """
        match = _PERIOD.match(text or "")
        if not match or not (match[1] or match[3]):
            return cls(ongoing=ongoing)
        first = int(match[1]) if match[1] else None
        last = int(match[3]) if match[3] else (None if match[2] else first)
        return cls(first, None if ongoing else last, ongoing)

    @property
    def since(self) -> str:
        """The first year for readers: '2020', or 'belum diketahui'."""
        return str(self.start) if self.start is not None else UNKNOWN

    @property
    def until(self) -> str:
        """The last year for readers: '2023', 'sekarang' (still exists) or 'belum diketahui'."""
        if self.ongoing:
            return "sekarang"
        return str(self.end) if self.end is not None else UNKNOWN


def period(unit: Unit) -> Period:
    return Period.parse(unit.periode, ongoing=not unit.is_former)


def year_of(when: int | date) -> int:
    return when if isinstance(when, int) else when.year


def predecessors(units: Mapping[str, Unit], unit: Unit) -> list[Unit]:
    """Former units that name this unit among their successors, by name."""
    return sorted(
        (u for u in units.values() if u.is_former and unit.id in u.digantikan_oleh),
        key=lambda u: u.nama.casefold(),
    )


def exists_in(units: Mapping[str, Unit], unit: Unit, year: int) -> bool:
    """Whether the unit belongs to the structure of ``year`` (see the module's rules)."""
    span = period(unit)
    if span.start is not None and year < span.start:
        return False
    if span.end is not None and year > span.end:
        return False
    if not span.ongoing:
        return span.start is not None and span.end is not None
    if span.start is not None:
        return True
    ends = [period(p).end for p in predecessors(units, unit)]
    known = [e for e in ends if e is not None]
    return not known or year > max(known)


def as_of(units: Mapping[str, Unit], when: int | date) -> list[Unit]:
    """The units that existed in a year (or on a date: only its year counts), in content order."""
    year = year_of(when)
    return [u for u in units.values() if exists_in(units, u, year)]


class ChangeKind(StrEnum):
    """How former units became later ones; the values are what readers see."""

    RENAMED = "diganti"
    SPLIT = "dipecah"
    MERGED = "digabung"
    REORGANISED = "ditata ulang"
    #: Named after what every source supports: the unit is missing from the later structure
    #: (whether it was dissolved, merged or renamed, the sources may not say).
    DISSOLVED = "tidak ada lagi"
    NEW = "baru"


CHANGE_MEANINGS: dict[ChangeKind, str] = {
    ChangeKind.RENAMED: "satu unit digantikan oleh satu unit lain (berganti nama atau dilanjutkan)",
    ChangeKind.SPLIT: "satu unit digantikan oleh beberapa unit",
    ChangeKind.MERGED: "beberapa unit digantikan oleh satu unit",
    ChangeKind.REORGANISED: "beberapa unit digantikan bersama oleh beberapa unit",
    ChangeKind.DISSOLVED: "unit tidak ada lagi dalam struktur, tanpa unit pengganti yang tercatat",
    ChangeKind.NEW: "unit dibentuk tanpa unit pendahulu yang tercatat",
}


@dataclass(frozen=True)
class Succession:
    """One recorded link 'old was replaced by new', with how sure the content is of it."""

    old: Unit
    new: Unit
    confidence: Confidence
    reason: str | None
    """Why the link is only inferred or uncertain (``rincian_keyakinan.digantikan_oleh``)."""

    @property
    def uncertain(self) -> bool:
        return self.confidence in UNCERTAIN_LINKS


@dataclass(frozen=True)
class Change:
    """One change: the units before it, the units after it, and the links between them."""

    kind: ChangeKind
    before: tuple[Unit, ...]
    after: tuple[Unit, ...]
    links: tuple[Succession, ...]
    year: int | None
    """The last year of the units before (or the first year of a new unit); None if unknown."""
    new: tuple[Unit, ...]
    """Units after the change that did not exist before it."""

    @property
    def uncertain(self) -> bool:
        """Whether the kind of change rests on a link no source states (it is then inferred)."""
        return any(link.uncertain for link in self.links)


def succession(old: Unit, new: Unit) -> Succession:
    detail = old.rincian_keyakinan.get("digantikan_oleh")
    if detail is not None:
        return Succession(old, new, detail.keyakinan, " ".join(detail.alasan.split()))
    return Succession(old, new, old.keyakinan, None)


def classify(before: int, after: int) -> ChangeKind:
    """The kind of a change from how many units it has on each side.

    >>> [classify(1, 0), classify(1, 1), classify(1, 2), classify(2, 1), classify(0, 1)]
    [<ChangeKind.DISSOLVED: 'tidak ada lagi'>, <ChangeKind.RENAMED: 'diganti'>, \
<ChangeKind.SPLIT: 'dipecah'>, <ChangeKind.MERGED: 'digabung'>, <ChangeKind.NEW: 'baru'>]
    """
    if before == 0:
        return ChangeKind.NEW
    if after == 0:
        return ChangeKind.DISSOLVED
    if before == 1:
        return ChangeKind.RENAMED if after == 1 else ChangeKind.SPLIT
    return ChangeKind.MERGED if after == 1 else ChangeKind.REORGANISED


def _groups(units: Mapping[str, Unit]) -> list[tuple[list[str], list[str]]]:
    """Former units and their successors, joined where they share a successor or predecessor.

    A unit can be on both sides (replaced, then itself replaced): each side is its own node.
    """
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(node: tuple[str, str]) -> tuple[str, str]:
        while parent.setdefault(node, node) != node:
            node = parent[node]
        return node

    for unit in units.values():
        if unit.is_former:
            find(("old", unit.id))
            for successor in unit.digantikan_oleh:
                if successor in units:
                    parent[find(("new", successor))] = find(("old", unit.id))
    groups: dict[tuple[str, str], tuple[list[str], list[str]]] = {}
    for node in parent:
        side, uid = node
        olds, news = groups.setdefault(find(node), ([], []))
        (olds if side == "old" else news).append(uid)
    return list(groups.values())


def _by_name(units: Iterable[Unit]) -> tuple[Unit, ...]:
    return tuple(sorted(units, key=lambda u: u.nama.casefold()))


def changes(units: Mapping[str, Unit]) -> list[Change]:
    """Every change the content records, latest first; each side sorted by name."""
    result = []
    for olds, news in _groups(units):
        before = _by_name(units[i] for i in olds)
        after = _by_name(units[i] for i in news)
        links = tuple(
            succession(old, units[s]) for old in before for s in old.digantikan_oleh if s in units
        )
        ends = [e for e in (period(u).end for u in before) if e is not None]
        year = max(ends) if ends else None
        new = tuple(u for u in after if year is None or not exists_in(units, u, year))
        result.append(Change(classify(len(before), len(after)), before, after, links, year, new))
    for unit in units.values():
        start = period(unit).start
        if not unit.is_former and start is not None and not predecessors(units, unit):
            result.append(Change(ChangeKind.NEW, (), (unit,), (), start, (unit,)))
    return sorted(result, key=lambda c: (-(c.year or 0), [u.nama.casefold() for u in c.before]))


@dataclass(frozen=True)
class UnitHistory:
    """One unit's own history line: its years, what it replaced, what replaced it."""

    period: Period
    replaced: tuple[Succession, ...]
    """Links from the units this one replaced."""
    replaced_by: tuple[Succession, ...]
    """Links to the units that replaced this one."""
    changes: tuple[Change, ...]
    """The changes the unit took part in, latest first."""

    @property
    def is_empty(self) -> bool:
        return not (self.replaced or self.replaced_by or self.period.start or self.period.end)


def unit_history(units: Mapping[str, Unit], unit: Unit) -> UnitHistory:
    replaced = tuple(succession(p, unit) for p in predecessors(units, unit))
    replaced_by = tuple(succession(unit, units[s]) for s in unit.digantikan_oleh if s in units)
    involved = tuple(
        c for c in changes(units) if any(u.id == unit.id for u in (*c.before, *c.after))
    )
    return UnitHistory(period(unit), replaced, replaced_by, involved)
