"""What a unit page says from the public record, apart from the regulation's wording: what the
unit does (``gambaran``) and who leads it (``pejabat``), each statement with numbered references
into the page's one list of sources.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from generator.plan.labels import HOLDER_MAY_HAVE_CHANGED, OFFICE_HOLDER_STATUS_LABELS
from generator.schema import Confidence, OfficeHolder, Source, Unit
from generator.schema.dates import is_stale
from generator.schema.models import newest_per_post, post_key

#: A statement from a public source is normally that: its badge shows only when it differs.
USUAL_CONFIDENCE = Confidence.SECONDARY


@dataclass(frozen=True)
class Statement:
    """One gambaran statement as the page prints it."""

    text: str
    refs: tuple[int, ...]
    """Numbers of its sources in the page's source list (1-based)."""
    confidence: Confidence | None
    """Shown only when it is not the usual sumber-sekunder."""
    note: str | None


@dataclass(frozen=True)
class Mention:
    """An earlier source naming the same person in the same post: its date and references."""

    dated: str
    refs: tuple[int, ...]


@dataclass(frozen=True)
class Holder:
    """One office holder as the page prints it: 'Menurut <who>, <when>: <name>, <post>', from the
    newest source naming them so; older sources saying the same are listed after it."""

    according_to: str
    """The first source's publisher, or its title when no publisher is recorded."""
    dated: str
    """The date the source states, as Indonesians write it: '27 Oktober 2025', 'Oktober 2025'."""
    name: str
    post: str
    """The post with its acting status: 'Plt. Kepala Biro Logistik'."""
    refs: tuple[int, ...]
    confidence: Confidence | None
    note: str | None
    also: tuple[Mention, ...] = ()
    """Older sources naming the same person in the same post, alike in status and confidence."""
    dated_note: str | None = None
    """For the newest holder of a post whose source is old on the edition date: the person may
    have changed (``HOLDER_MAY_HAVE_CHANGED``)."""


@dataclass(frozen=True)
class PublicRecord:
    """The public-record sections of a unit page, and the page's numbered source list."""

    statements: tuple[Statement, ...]
    leaders: tuple[Holder, ...]
    """For each post, the holder named by its newest source; newest first."""
    earlier: tuple[Holder, ...]
    """Everyone else the sources name, newest first."""
    sources: tuple[str, ...]
    """Source ids in the order of the page's list: those cited above first, as they appear."""
    titles: tuple[str, ...] = ()
    """Their titles, in the same order (a reference's tooltip names its source)."""

    def ref(self, source_id: str) -> int:
        return self.sources.index(source_id) + 1


def source_label(source: Source) -> str:
    """How a line names its source: the publisher, as a reader names it, else the title."""
    return source.penerbit or source.judul


def source_byline(source: Source) -> str:
    """Publisher and date for a source list, e.g. 'JPNN.com, 27 Oktober 2025' (empty if neither).

    >>> from generator.schema import PartialDate, SourceKind
    >>> source_byline(Source(judul="A", jenis=SourceKind.SECONDARY, tanggal=PartialDate(2025, 10)))
    'Oktober 2025'
    """
    parts = [source.penerbit or "", source.tanggal.indonesian if source.tanggal else ""]
    return ", ".join(p for p in parts if p)


def _unusual(level: Confidence) -> Confidence | None:
    return None if level is USUAL_CONFIDENCE else level


def _refs(ids: Iterable[str], order: list[str]) -> tuple[int, ...]:
    return tuple(order.index(s) + 1 for s in ids)


def _holder(
    entries: list[OfficeHolder],
    sources: Mapping[str, Source],
    order: list[str],
    today: date | None = None,
) -> Holder:
    """The newest of one person's entries in one post, with the older ones as mentions; with
    ``today`` (the edition date), a note when that newest source is old on it."""
    holder, *older = entries
    status = OFFICE_HOLDER_STATUS_LABELS[holder.status]
    stale = today is not None and is_stale(holder.tanggal, today)
    return Holder(
        according_to=source_label(sources[holder.sumber[0]]),
        dated=holder.tanggal.indonesian,
        name=holder.nama,
        post=f"{status} {holder.jabatan}" if status else holder.jabatan,
        refs=_refs(holder.sumber, order),
        confidence=_unusual(holder.keyakinan),
        note=holder.catatan,
        also=tuple(Mention(e.tanggal.indonesian, _refs(e.sumber, order)) for e in older),
        dated_note=HOLDER_MAY_HAVE_CHANGED if stale else None,
    )


def _holders(unit: Unit) -> list[tuple[bool, list[OfficeHolder]]]:
    """Entries grouped by person, post, status and confidence, newest group first, each group
    newest first; and whether a group holds its post's newest entry (it leads, else came before)."""
    newest = {id(unit.pejabat[n]) for n in newest_per_post(unit.pejabat).values()}
    # Newest first; among entries of one date, the editor's order (the sort is stable).
    by_date = sorted(unit.pejabat, key=lambda h: h.tanggal, reverse=True)
    groups: dict[tuple[str, ...], list[OfficeHolder]] = {}
    for holder in by_date:
        # A mention keeps no marker or note of its own: only entries alike in both are merged.
        key = (
            post_key(holder.jabatan),
            post_key(holder.nama),
            holder.status.value,
            holder.keyakinan.value,
            holder.catatan or "",
        )
        groups.setdefault(key, []).append(holder)
    return [(any(id(h) in newest for h in group), group) for group in groups.values()]


def _ordered(ids: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(ids))


def public_record(
    unit: Unit, sources: Mapping[str, Source], today: date | None = None
) -> PublicRecord:
    """The unit's statements and office holders, with the page's numbered sources.

    ``today`` is the build's edition date (never the wall clock, so builds stay identical): a
    post's newest source older than ``dates.STALE_MONTHS`` on it carries a note that the person may
    have changed. Without it, no such note.
    """
    order = _ordered(
        [
            *(s for item in unit.gambaran for s in item.sumber),
            *(s for holder in unit.pejabat for s in holder.sumber),
            *unit.sumber,
        ]
    )
    statements = tuple(
        Statement(
            item.teks,
            _refs(item.sumber, order),
            _unusual(item.keyakinan),
            item.catatan,
        )
        for item in unit.gambaran
    )
    groups = _holders(unit)
    leaders = tuple(_holder(group, sources, order, today) for leads, group in groups if leads)
    earlier = tuple(_holder(group, sources, order) for leads, group in groups if not leads)
    titles = tuple(sources[s].judul for s in order)
    return PublicRecord(statements, leaders, earlier, tuple(order), titles)
