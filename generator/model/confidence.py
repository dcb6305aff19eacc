"""How sure we are of each fact: one rule of inheritance, for every output.

A record (unit, regulation, standard structure, secretariat) has a confidence of its own; a field
without its own marker (``rincian_keyakinan``) takes the record's, and an entry of a list (a legal
basis, a quotation) its own when given, else its owner's.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

from generator.schema import Confidence, ConfidenceDetail, LegalBasis, Provision

#: Inferred or unverified: not to be stated as fact (JSON-LD leaves such facts out).
UNCERTAIN_LEVELS = (Confidence.INFERRED, Confidence.UNVERIFIED)


class Marked(Protocol):
    """Anything with a confidence of its own and per-field exceptions to it."""

    @property
    def keyakinan(self) -> Confidence: ...

    @property
    def rincian_keyakinan(self) -> Mapping[str, ConfidenceDetail]: ...


@dataclass(frozen=True)
class FieldConfidence:
    """How sure we are of one fact: the level, why, and whether the fact carries its own marker."""

    keyakinan: Confidence
    alasan: str | None = None
    own: bool = False
    """True when the field has its own marker (it differs from the record's): show it there."""

    @property
    def is_uncertain(self) -> bool:
        """Inferred or unverified: not to be stated as fact (JSON-LD leaves it out)."""
        return self.keyakinan in UNCERTAIN_LEVELS


def confidence(record: Marked, field_name: str) -> FieldConfidence:
    """The confidence of one fact. The one rule: a field without its own marker takes the record's.

    >>> from generator.schema import Unit, UnitKind
    >>> u = Unit(id="a", nama="A", jenis=UnitKind.BUREAU, keyakinan=Confidence.VERIFIED,
    ...          rincian_keyakinan={"induk": {"keyakinan": "inferensi", "alasan": "Dari kode."}})
    >>> confidence(u, "induk").keyakinan.value, confidence(u, "eselon").keyakinan.value
    ('inferensi', 'terverifikasi')
    """
    detail = record.rincian_keyakinan.get(field_name)
    if detail is not None:
        return FieldConfidence(detail.keyakinan, detail.alasan, own=True)
    return FieldConfidence(record.keyakinan)


def is_uncertain(record: Marked, field_name: str) -> bool:
    """Whether one fact is inferred or unverified (the record as a whole may be verified)."""
    return confidence(record, field_name).is_uncertain


def item_confidence(item: LegalBasis | Provision, owner: Marked) -> FieldConfidence:
    """The confidence of one entry of a list (a legal basis, a quotation): its own, else its owner's."""
    if item.keyakinan is not None:
        return FieldConfidence(item.keyakinan, item.catatan, own=True)
    return FieldConfidence(owner.keyakinan)


def field_marks(record: Marked, names: Iterable[str]) -> list[tuple[Confidence, list[str]]]:
    """Several facts stated in one place (a status and its years): the levels of those with a
    marker of their own, one entry per level, with their reasons once each."""
    levels: dict[Confidence, list[str]] = {}
    for name in names:
        mark = confidence(record, name)
        if mark.own:
            reasons = levels.setdefault(mark.keyakinan, [])
            if mark.alasan and mark.alasan not in reasons:
                reasons.append(mark.alasan)
    return list(levels.items())
