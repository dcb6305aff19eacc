"""Rules about what the public record says of a unit (``gambaran``, ``pejabat``) and a region's
confirmed site (``situs_sumber``): every such fact rests on a dated source, and its date is watched."""

from __future__ import annotations

from collections.abc import Iterator

from generator.content.load import Path_
from generator.content.rules.context import Context, Located
from generator.errors import Problem
from generator.schema import Province, Regency, Unit
from generator.schema.dates import is_stale
from generator.schema.models import newest_per_post

#: A gambaran statement is one short sentence of our own; above this, a reviewer should look.
STATEMENT_WORDS = 60


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


def stale_holders(ctx: Context) -> Iterator[Problem]:
    """Warnings: a post whose newest source is more than a year older than the build date."""
    if ctx.build_date is None:
        return
    for located in _units(ctx):
        assert isinstance(located.record, Unit)
        holders = located.record.pejabat
        for n in newest_per_post(holders).values():
            if is_stale(holders[n].tanggal, ctx.build_date):
                yield ctx.problem(
                    located.document,
                    (*located.path, "pejabat", n, "tanggal"),
                    "pejabat-sumber-lama",
                    post=holders[n].jabatan,
                    dated=holders[n].tanggal.iso,
                    today=ctx.build_date.isoformat(),
                )
