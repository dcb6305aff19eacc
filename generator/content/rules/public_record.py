"""Rules about what the public record says of a unit (``gambaran``, ``pejabat``) and a region's
confirmed site (``situs_sumber``): every such fact rests on a dated source, and its date is watched."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from datetime import date

from generator.content.load import Path_
from generator.content.rules.context import Context, Located
from generator.errors import Problem
from generator.schema import OfficeHolder, PartialDate, Province, Regency, Unit

#: A gambaran statement is one short sentence of our own; above this, a reviewer should look.
STATEMENT_WORDS = 60
#: An office holder named by a source older than this (before the build date) may have moved on.
STALE_MONTHS = 12


def dated_citations(record: object, at: Path_) -> Iterator[tuple[Path_, str, str]]:
    """The sources that must carry a date: (path of the id, the id, the field citing it)."""
    for name in ("gambaran", "pejabat"):
        for n, item in enumerate(getattr(record, name, [])):
            for i, source in enumerate(item.sumber):
                yield (*at, name, n, "sumber", i), source, name
    for i, source in enumerate(getattr(record, "situs_sumber", [])):
        yield (*at, "situs_sumber", i), source, "situs_sumber"


def dated_sources(ctx: Context) -> Iterator[Problem]:
    """A source cited for what a unit does, who leads it, or a region's site states its date."""
    for located in ctx.records:
        record = located.record
        for path, source, cited_by in dated_citations(record, located.path):
            if cited_by == "situs_sumber" and not getattr(record, "situs", None):
                continue  # nothing to confirm: that error is reported alone
            entry = ctx.sources.get(source)
            if entry is not None and entry.tanggal is None:
                yield ctx.problem(
                    located.document, path, "sumber-tanpa-tanggal", target=source, field=cited_by
                )


def site_sources(ctx: Context) -> Iterator[Problem]:
    """``situs_sumber`` confirms an address: there must be one in ``situs``."""
    for located in ctx.records:
        record = located.record
        if isinstance(record, Province | Regency) and record.situs_sumber and not record.situs:
            yield ctx.problem(
                located.document, (*located.path, "situs_sumber"), "situs-sumber-tanpa-situs"
            )


def _units(ctx: Context) -> Iterator[Located]:
    return (located for located in ctx.records if isinstance(located.record, Unit))


def long_statements(ctx: Context) -> Iterator[Problem]:
    """Warnings: a gambaran statement long enough to be a copied paragraph rather than our words."""
    for located in _units(ctx):
        assert isinstance(located.record, Unit)
        for n, item in enumerate(located.record.gambaran):
            words = len(item.teks.split())
            if words > STATEMENT_WORDS:
                path = (*located.path, "gambaran", n, "teks")
                yield ctx.problem(
                    located.document,
                    path,
                    "gambaran-terlalu-panjang",
                    words=words,
                    limit=STATEMENT_WORDS,
                )


def months_before(day: date, months: int) -> date:
    """The same day ``months`` earlier (the month's last day when it is shorter).

    >>> months_before(date(2025, 3, 31), 1), months_before(date(2024, 2, 29), 12)
    (datetime.date(2025, 2, 28), datetime.date(2023, 2, 28))
    """
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    last = PartialDate(year, month + 1).last_day.day
    return date(year, month + 1, min(day.day, last))


def _post(holder: OfficeHolder) -> str:
    """Entries for one post: the same title, whatever its case or spacing."""
    return " ".join(unicodedata.normalize("NFKC", holder.jabatan).casefold().split())


def stale_holders(ctx: Context) -> Iterator[Problem]:
    """Warnings: a post whose newest source is more than a year older than the build date."""
    if ctx.build_date is None:
        return
    limit = months_before(ctx.build_date, STALE_MONTHS)
    for located in _units(ctx):
        assert isinstance(located.record, Unit)
        newest: dict[str, tuple[PartialDate, int]] = {}
        for n, holder in enumerate(located.record.pejabat):
            key = _post(holder)
            if key not in newest or newest[key][0] < holder.tanggal:
                newest[key] = (holder.tanggal, n)
        for dated, n in newest.values():
            if dated.last_day < limit:
                yield ctx.problem(
                    located.document,
                    (*located.path, "pejabat", n, "tanggal"),
                    "pejabat-sumber-lama",
                    post=located.record.pejabat[n].jabatan,
                    dated=dated.iso,
                    today=ctx.build_date.isoformat(),
                )
