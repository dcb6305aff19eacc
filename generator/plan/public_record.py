"""What a unit page says from the public record, apart from the regulation's wording: what the
unit does (``gambaran``) and who leads it (``pejabat``), each statement with numbered references
into the page's one list of sources.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from generator.plan.labels import OFFICE_HOLDER_STATUS_LABELS
from generator.schema import Confidence, OfficeHolder, Source, Unit
from generator.schema.models import newest_per_post

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
class Holder:
    """One office holder as the page prints it: 'Menurut <who>, <when>: <name>, <post>'."""

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


def _holder(holder: OfficeHolder, sources: Mapping[str, Source], order: list[str]) -> Holder:
    status = OFFICE_HOLDER_STATUS_LABELS[holder.status]
    return Holder(
        according_to=source_label(sources[holder.sumber[0]]),
        dated=holder.tanggal.indonesian,
        name=holder.nama,
        post=f"{status} {holder.jabatan}" if status else holder.jabatan,
        refs=tuple(order.index(s) + 1 for s in holder.sumber),
        confidence=_unusual(holder.keyakinan),
        note=holder.catatan,
    )


def _ordered(ids: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(ids))


def public_record(unit: Unit, sources: Mapping[str, Source]) -> PublicRecord:
    """The unit's statements and office holders, with the page's numbered sources."""
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
            tuple(order.index(s) + 1 for s in item.sumber),
            _unusual(item.keyakinan),
            item.catatan,
        )
        for item in unit.gambaran
    )
    newest = set(newest_per_post(unit.pejabat).values())
    # Newest first; the editor's order among entries of one date.
    by_date = sorted(range(len(unit.pejabat)), key=lambda n: unit.pejabat[n].tanggal, reverse=True)
    leaders = tuple(_holder(unit.pejabat[n], sources, order) for n in by_date if n in newest)
    earlier = tuple(_holder(unit.pejabat[n], sources, order) for n in by_date if n not in newest)
    return PublicRecord(statements, leaders, earlier, tuple(order))
