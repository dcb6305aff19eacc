"""What each page shows, resolved: small frozen records the templates only print.

Every decision a page needs (which sub-units it lists, what replaced a unit, which regulation and
sources a quotation points at, the status words, which topics say "not yet available", the labels
of fields) is made here, from the model. Templates never receive the organisation.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.model import timeline
from generator.model.confidence import FieldConfidence, Marked, field_marks, item_confidence
from generator.model.organisation import Organisation
from generator.model.regional import Secretariat, structure_successors, structure_units
from generator.plan.jsonld import secretariat_jsonld, unit_jsonld
from generator.plan.labels import (
    PATTERN_NOTE,
    REGULATION_KIND_LABELS,
    RELATION_LABELS,
    TOPIC_LABELS,
    citations,
    field_label,
    name_label,
    regulation_status,
    regulation_title,
    status_label,
)
from generator.plan.page import Link
from generator.plan.provisions import OfficialCopy, official_copy, topic_sections
from generator.plan.public_record import PublicRecord, public_record
from generator.schema import (
    Confidence,
    ConfidenceDetail,
    ConsolidatedText,
    LegalBasis,
    Provision,
    Regulation,
    Source,
    StandardStructure,
    Topic,
    Unit,
)
from generator.urls import (
    secretariat_doc,
    secretariat_key,
    structure_doc,
    structure_unit_doc,
    unit_doc,
)

# --- what every record's page shows ----------------------------------------------------------


@dataclass(frozen=True)
class Quote:
    """A quotation, with the regulation it quotes and the sources it was read from."""

    provision: Provision
    regulation: Regulation
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class TopicSection:
    """One topic's quotations, or the notice for core topics not quoted yet: with no quotation
    of any core topic, one notice stands for them all (``all_missing``)."""

    labels: tuple[str, ...]
    anchor: str
    """The section's fragment: its (first) topic, e.g. 'tugas'."""
    quotes: tuple[Quote, ...]
    all_missing: bool = False


@dataclass(frozen=True)
class Basis:
    """One legal basis and the regulation it names."""

    basis: LegalBasis
    regulation: Regulation


@dataclass(frozen=True)
class Detail:
    """A field whose confidence differs from its record's, named for readers."""

    label: str
    detail: ConfidenceDetail


def _sources(org: Organisation, ids: list[str]) -> tuple[Source, ...]:
    return tuple(org.sources[i] for i in ids)


def _topics(org: Organisation, record: Unit | StandardStructure) -> tuple[TopicSection, ...]:
    """Every topic the record quotes, and the core topics even when it does not (yet)."""
    return tuple(
        TopicSection(
            tuple(TOPIC_LABELS[t] for t in section.topics),
            section.topics[0].value,
            tuple(
                Quote(p, org.regulations[p.peraturan], _sources(org, p.sumber))
                for p in section.quotes
            ),
            section.is_all_missing,
        )
        for section in topic_sections(record)
    )


def _bases(org: Organisation, record: Unit | StandardStructure) -> tuple[Basis, ...]:
    return tuple(Basis(b, org.regulations[b.peraturan]) for b in record.dasar_hukum)


def _details(record: Marked) -> tuple[Detail, ...]:
    return tuple(Detail(field_label(k), d) for k, d in record.rincian_keyakinan.items())


# --- units -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Mark:
    """One badge where several facts are stated together, with their reasons as its tooltip."""

    keyakinan: Confidence
    reason: str


def status_marks(unit: Unit) -> tuple[Mark, ...]:
    """The badges of a unit's status and its years (one per level they have)."""
    return tuple(
        Mark(level, " ".join(reasons)) for level, reasons in field_marks(unit, STATUS_FIELDS)
    )


#: The facts the status line states: whether the unit exists, and its years.
STATUS_FIELDS = ("status", "periode")


@dataclass(frozen=True)
class UnitView:
    """A central unit's page, or a standard structure's sub-unit's."""

    unit: Unit
    status: str
    """'Aktif', or 'Dibubarkan (2020–2023)'."""
    status_marks: tuple[Mark, ...]
    name_label: str
    parent: Unit | None
    children: tuple[Unit, ...]
    """The sub-units the page lists: active ones, or for a former unit those dissolved with it."""
    successors: tuple[Link, ...]
    topics: tuple[TopicSection, ...]
    bases: tuple[Basis, ...]
    details: tuple[Detail, ...]
    sources: tuple[Source, ...]
    """The page's numbered sources: those its public record cites first."""
    public: PublicRecord
    """What it does (gambaran) and who leads it (pejabat), from public sources."""
    history: timeline.UnitHistory | None = None
    jsonld: dict[str, Any] | None = None


def unit_view(org: Organisation, unit: Unit) -> UnitView:
    public = public_record(unit, org.sources)
    return UnitView(
        unit,
        status_label(unit),
        status_marks(unit),
        name_label(unit),
        org.parent(unit),
        tuple(org.listed_children(unit)),
        tuple(Link(s.nama, unit_doc(s.id)) for s in org.successors(unit)),
        _topics(org, unit),
        _bases(org, unit),
        _details(unit),
        _sources(org, list(public.sources)),
        public,
        timeline.unit_history(org.units, unit),
        unit_jsonld(org, unit),
    )


def structure_unit_view(org: Organisation, structure: StandardStructure, unit: Unit) -> UnitView:
    successors = structure_successors(structure, unit)
    public = public_record(unit, org.sources)
    return UnitView(
        unit,
        status_label(unit),
        status_marks(unit),
        name_label(unit),
        None,
        (),
        tuple(Link(s.nama, structure_unit_doc(structure.id, s.id)) for s in successors),
        _topics(org, unit),
        _bases(org, unit),
        _details(unit),
        _sources(org, list(public.sources)),
        public,
    )


@dataclass(frozen=True)
class UnitRow:
    """A unit in a list: its parent, its successors and its status words."""

    unit: Unit
    parent: Unit | None
    successors: tuple[Unit, ...]
    status: str
    status_marks: tuple[Mark, ...] = ()


def unit_row(org: Organisation, unit: Unit) -> UnitRow:
    return UnitRow(unit, org.parent(unit), tuple(org.successors(unit)), status_label(unit))


@dataclass(frozen=True)
class Overview:
    """The Setjen overview: its head, the units under it, every active unit, the former ones."""

    root: Unit
    top: tuple[Unit, ...]
    units: tuple[UnitRow, ...]
    former: tuple[UnitRow, ...]


def overview(org: Organisation) -> Overview:
    root = org.root
    return Overview(
        root,
        tuple(org.children_of(root)),
        tuple(unit_row(org, u) for u, _ in org.walk()),
        tuple(unit_row(org, u) for u in org.former_units()),
    )


# --- regulations -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Relation:
    """How this regulation relates to another, in words: 'Mengubah', 'Dicabut oleh', …"""

    label: str
    regulation: Regulation
    pasal: str | None = None


@dataclass(frozen=True)
class Governed:
    """A unit a regulation governs, with the confidence of that legal basis when it has one."""

    unit: Unit
    mark: FieldConfidence | None
    note: str | None
    """The basis's note, when it is not already the reason of its own confidence marker."""


def _governed(org: Organisation, regulation: Regulation, unit: Unit) -> Governed:
    basis = org.basis_for(unit, regulation)
    if basis is None:
        return Governed(unit, None, None)
    note = basis.catatan if basis.catatan and not basis.keyakinan else None
    return Governed(unit, item_confidence(basis, unit), note)


@dataclass(frozen=True)
class RegulationView:
    regulation: Regulation
    title: str
    kind: str
    status: str
    """'Berlaku' or 'Dicabut'."""
    copy: OfficialCopy
    """Its official copy, or the official database to search for it."""
    relations: tuple[Relation, ...]
    """What this regulation does to others."""
    incoming: tuple[Relation, ...]
    """What others do to this one."""
    changed_by: tuple[Relation, ...]
    """The amendments and revocations among ``incoming``."""
    governed: tuple[Governed, ...]
    text: ConsolidatedText | None
    details: tuple[Detail, ...]
    sources: tuple[Source, ...]


def regulation_view(org: Organisation, regulation: Regulation) -> RegulationView:
    return RegulationView(
        regulation,
        regulation_title(regulation),
        REGULATION_KIND_LABELS[regulation.jenis][0],
        regulation_status(regulation),
        official_copy(regulation),
        tuple(
            Relation(RELATION_LABELS[r.jenis][0], org.regulations[r.peraturan], r.pasal)
            for r in regulation.hubungan
        ),
        tuple(
            Relation(RELATION_LABELS[kind][1], other, pasal)
            for other, kind, pasal in org.incoming(regulation)
        ),
        tuple(
            Relation(RELATION_LABELS[kind][1], other, pasal)
            for other, kind, pasal in org.changed_by(regulation)
        ),
        tuple(_governed(org, regulation, u) for u in org.governed_by(regulation)),
        org.texts.get(regulation.id),
        _details(regulation),
        _sources(org, regulation.sumber),
    )


# --- the regional part -----------------------------------------------------------------------


@dataclass(frozen=True)
class StructureLine:
    """A standard structure as the national list names it: to whom its head answers, and where."""

    structure: StandardStructure
    link: Link
    standing: tuple[str, ...]
    """Where the quotations on its standing come from, e.g. 'UU 7/2017 Pasal 80'."""


@dataclass(frozen=True)
class Regions:
    """The national list of secretariats."""

    provinces: tuple[Secretariat, ...]
    regency_count: int
    structures: tuple[StructureLine, ...]
    secretariats: tuple[Secretariat, ...]
    sources: tuple[Source, ...]


def regions(org: Organisation) -> Regions:
    regional = org.regional
    structures = tuple(
        StructureLine(
            s,
            Link(s.nama, structure_doc(s.id)),
            tuple(citations(org.regulations, s, Topic.STANDING)),
        )
        for s in regional.ordered_structures()
    )
    return Regions(
        tuple(regional.provinces()),
        len(regional.regencies()),
        structures,
        tuple(regional.secretariats.values()),
        _sources(org, regional.sources()),
    )


@dataclass(frozen=True)
class SubUnit:
    """A sub-unit of a secretariat; one only this secretariat has is described on its page."""

    unit: Unit
    added: bool
    doc: str | None
    """Its page in the standard structure; None for a sub-unit only this secretariat has."""


@dataclass(frozen=True)
class SecretariatView:
    secretariat: Secretariat
    name_label: str
    parent: Secretariat | None
    """The provincial secretariat a kabupaten/kota secretary answers to; None for a province."""
    root: Unit
    """The Sekretariat Jenderal, to which a provincial secretary answers."""
    province_doc: str
    """The page of its province's secretariat."""
    regencies: tuple[Secretariat, ...]
    sub_units: tuple[SubUnit, ...]
    standing: tuple[str, ...]
    duties: tuple[str, ...]
    pattern_note: str | None
    """Said after 'follows the standard structure' while this secretariat's type is unknown."""
    details: tuple[Detail, ...]
    """Facts whose confidence differs from the secretariat's (a kabupaten/kota's name is
    explained where it is printed)."""
    sources: tuple[Source, ...]
    jsonld: dict[str, Any]


def secretariat_view(org: Organisation, secretariat: Secretariat) -> SecretariatView:
    structure = secretariat.structure
    regencies = org.regional.regencies(secretariat) if secretariat.is_province else []
    sub_units = tuple(
        SubUnit(u, False, structure_unit_doc(structure.id, u.id))
        if not secretariat.is_added(u)
        else SubUnit(u, True, None)
        for u in secretariat.active_sub_units
    )
    regency = secretariat.regency
    return SecretariatView(
        secretariat,
        name_label(secretariat),
        org.regional.administrative_parent(secretariat),
        org.root,
        secretariat_doc(secretariat_key(secretariat.province.id)),
        tuple(regencies),
        sub_units,
        tuple(citations(org.regulations, structure, Topic.STANDING)),
        tuple(citations(org.regulations, structure, Topic.DUTIES)),
        PATTERN_NOTE if regency and regency.tipe is None else None,
        tuple(
            Detail(field_label(k), d)
            for k, d in secretariat.rincian_keyakinan.items()
            if not (regency and k == "nama")
        ),
        _sources(org, secretariat.sources),
        secretariat_jsonld(org, secretariat),
    )


@dataclass(frozen=True)
class StructureView:
    """A standard structure's page: its sub-units with their status, and what it quotes."""

    structure: StandardStructure
    members: int
    """How many secretariats follow it."""
    units: tuple[UnitRow, ...]
    topics: tuple[TopicSection, ...]
    bases: tuple[Basis, ...]
    details: tuple[Detail, ...]
    sources: tuple[Source, ...]


def structure_view(org: Organisation, structure: StandardStructure) -> StructureView:
    return StructureView(
        structure,
        len(org.regional.secretariats_of(structure)),
        tuple(
            UnitRow(u, None, (), status_label(u), status_marks(u))
            for u in structure_units(structure)
        ),
        _topics(org, structure),
        _bases(org, structure),
        _details(structure),
        _sources(org, structure.sumber),
    )
