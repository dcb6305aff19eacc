"""What each page shows, resolved: small frozen records the templates only print.

Every decision a page needs (which sub-units it lists, what replaced a unit, which regulation and
sources a quotation points at, the status words, which topics say "not yet available", the labels
of fields) is made here, from the model. Templates never receive the organisation.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from generator.model import timeline
from generator.model.confidence import (
    FieldConfidence,
    Marked,
    confidence,
    field_marks,
    item_confidence,
)
from generator.model.organisation import Organisation
from generator.model.regional import (
    ASSUMED_CONFIDENCE,
    ASSUMED_REASON,
    Secretariat,
    structure_successors,
    structure_units,
)
from generator.plan.jsonld import secretariat_jsonld, unit_jsonld
from generator.plan.labels import (
    ASSUMED_SUB_UNITS_LABEL,
    FORMER_UNITS_INTRO,
    REGULATION_KIND_LABELS,
    RELATION_LABELS,
    TOPIC_LABELS,
    citations,
    field_label,
    former_notice_title,
    name_label,
    regulation_status,
    regulation_title,
    scope_phrase,
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


def fact_marks(record: Marked, names: tuple[str, ...]) -> tuple[Mark, ...]:
    """The badge of facts stated together, always shown: their own levels (one per level), or
    the record's when none of them has its own marker. Where a list prints one badge per value,
    a value never borrows a neighbour's badge (a verified unit's inferred parent is 'Inferensi')."""
    own = field_marks(record, names)
    if not own:
        return (Mark(record.keyakinan, ""),)
    return tuple(Mark(level, " ".join(reasons)) for level, reasons in own)


def scope(record: Marked, *extra: str) -> tuple[str, ...]:
    """What a record's own badge does not cover, for readers: the facts with a marker of their own
    ('unit atasannya', 'eselonnya'), and any ``extra`` such facts the model decides (e.g.
    'susunan subbagiannya')."""
    return (*(scope_phrase(k) for k in record.rincian_keyakinan), *extra)


@dataclass(frozen=True)
class Explained:
    """The reason for one kind of badge in a list, written out once under the list: the fact
    (e.g. 'Unit atasan'), its level, the reason, and the records it is given for."""

    label: str
    keyakinan: Confidence
    reason: str
    units: tuple[Unit, ...]


#: A fact a list prints, as readers name it (its column), and the fields it states.
Fact = tuple[str, tuple[str, ...]]


def explained(
    units: list[Unit] | tuple[Unit, ...], facts: tuple[Fact, ...]
) -> tuple[Explained, ...]:
    """The reasons behind the own markers of ``facts`` of ``units``, grouped: one entry for each
    fact, level and reason, naming every unit it is given for, in the order first met. A fact
    stated by several fields (a status and its years, under one badge) is named as the list's
    column names it; a reason several units share is said once for all of them.

    Touch screens cannot open a badge's tooltip: a list of many badges explains them under it.
    """
    groups: dict[tuple[str, Confidence, str], list[Unit]] = {}
    for unit in units:
        for label, names in facts:
            for name in names:
                mark = confidence(unit, name)
                if mark.own and mark.alasan:
                    key = (label, mark.keyakinan, " ".join(mark.alasan.split()))
                    groups.setdefault(key, []).append(unit)
    order = [label for label, _ in facts]
    ranked = sorted(groups.items(), key=lambda item: order.index(item[0][0]))
    return tuple(
        Explained(label, level, reason, tuple(us)) for (label, level, reason), us in ranked
    )


@dataclass(frozen=True)
class UnitView:
    """A central unit's page, or a standard structure's sub-unit's."""

    unit: Unit
    status: str
    """'Aktif', or for a former unit what the sources support (``labels.status_label``)."""
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
    scope: tuple[str, ...] = ()
    """What the page's record badge does not cover: the facts that carry their own badge."""
    public_scope: tuple[str, ...] = ()
    """... nor the sections told from public sources (``public_scope``)."""
    notice_title: str = ""
    """For a former unit, the heading of the notice that says so (``labels.former_notice_title``)."""
    history: timeline.UnitHistory | None = None
    jsonld: dict[str, Any] | None = None


def public_scope(public: PublicRecord) -> tuple[str, ...]:
    """The page's sections told from public sources, as its badge note names them: a unit's
    verified record does not vouch for what the news says it does or who leads it."""
    return (
        *(["gambaran tugas"] if public.statements else []),
        *(["pejabat"] if public.leaders or public.earlier else []),
    )


def unit_view(org: Organisation, unit: Unit, today: date | None = None) -> UnitView:
    """``today``: the build's edition date, against which an office holder's source is old."""
    public = public_record(unit, org.sources, today)
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
        scope(unit),
        public_scope(public),
        former_notice_title(unit, "unit"),
        timeline.unit_history(org.units, unit),
        unit_jsonld(org, unit),
    )


def structure_unit_view(
    org: Organisation, structure: StandardStructure, unit: Unit, today: date | None = None
) -> UnitView:
    successors = structure_successors(structure, unit)
    public = public_record(unit, org.sources, today)
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
        scope(unit),
        public_scope(public),
        former_notice_title(unit, "sub-unit"),
    )


@dataclass(frozen=True)
class UnitRow:
    """A unit in a list: its parent, its successors and its status words, and the badge of each
    value the list prints (always shown: each value's own confidence, never its neighbour's)."""

    unit: Unit
    parent: Unit | None
    successors: tuple[Unit, ...]
    status: str
    status_marks: tuple[Mark, ...] = ()
    """The status and its years, one badge per level (always at least one)."""
    name_mark: Mark | None = None
    parent_mark: Mark | None = None
    successor_mark: Mark | None = None


#: The facts the overview's lists print, by column, and so explain under them.
ACTIVE_FACTS: tuple[Fact, ...] = (("Nama", ("nama",)), ("Unit atasan", ("induk",)))
FORMER_FACTS: tuple[Fact, ...] = (
    ("Nama", ("nama",)),
    ("Masa", STATUS_FIELDS),
    ("Digantikan oleh", ("digantikan_oleh",)),
)


def _one(record: Marked, name: str) -> Mark:
    mark = confidence(record, name)
    return Mark(mark.keyakinan, (mark.alasan or "") if mark.own else "")


def unit_row(org: Organisation, unit: Unit) -> UnitRow:
    return UnitRow(
        unit,
        org.parent(unit),
        tuple(org.successors(unit)),
        status_label(unit),
        fact_marks(unit, STATUS_FIELDS),
        _one(unit, "nama"),
        _one(unit, "induk"),
        _one(unit, "digantikan_oleh"),
    )


@dataclass(frozen=True)
class Overview:
    """The Setjen overview: its head, the units under it, every active unit, the former ones."""

    root: Unit
    top: tuple[Unit, ...]
    units: tuple[UnitRow, ...]
    former: tuple[UnitRow, ...]
    former_intro: str = FORMER_UNITS_INTRO
    explained: tuple[Explained, ...] = ()
    """Why the tables' badges say what they say, once, under the tables."""


def overview(org: Organisation) -> Overview:
    root = org.root
    active = [u for u, _ in org.walk()]
    former = org.former_units()
    return Overview(
        root,
        tuple(org.children_of(root)),
        tuple(unit_row(org, u) for u in active),
        tuple(unit_row(org, u) for u in former),
        FORMER_UNITS_INTRO,
        (*explained(active, ACTIVE_FACTS), *explained(former, FORMER_FACTS)),
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
    explained_below: bool = False
    """Its marker's reason is shared with other rows and written once under the list."""


def _shared_reasons(governed: list[Governed]) -> tuple[Explained, ...]:
    """The reasons of own markers that two or more rows share: said once under the list, not
    on every row (a regulation that eleven units cite with one inference repeated it eleven
    times)."""
    groups: dict[tuple[Confidence, str], list[Unit]] = {}
    for row in governed:
        if row.mark is not None and row.mark.own and row.mark.alasan:
            key = (row.mark.keyakinan, " ".join(row.mark.alasan.split()))
            groups.setdefault(key, []).append(row.unit)
    return tuple(
        Explained("Dasar hukum", level, reason, tuple(units))
        for (level, reason), units in groups.items()
        if len(units) > 1
    )


def _with_shared(governed: list[Governed], shared: tuple[Explained, ...]) -> tuple[Governed, ...]:
    below = {unit.id for item in shared for unit in item.units}
    return tuple(replace(g, explained_below=g.unit.id in below) for g in governed)


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
    """The amendments, revocations and enactment among ``incoming``."""
    governed: tuple[Governed, ...]
    text: ConsolidatedText | None
    details: tuple[Detail, ...]
    sources: tuple[Source, ...]
    scope: tuple[str, ...] = ()
    shared: tuple[Explained, ...] = ()
    """Reasons that several governed units' markers share, said once under their list."""


def regulation_view(org: Organisation, regulation: Regulation) -> RegulationView:
    governed = [_governed(org, regulation, u) for u in org.governed_by(regulation)]
    shared = _shared_reasons(governed)
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
        _with_shared(governed, shared),
        org.texts.get(regulation.id),
        _details(regulation),
        _sources(org, regulation.sumber),
        scope(regulation),
        shared,
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
    details: tuple[Detail, ...]
    """Facts whose confidence differs from the secretariat's (a kabupaten/kota's name is
    explained where it is printed)."""
    sources: tuple[Source, ...]
    jsonld: dict[str, Any]
    scope: tuple[str, ...] = ()
    """What the page's badge does not cover: the facts that carry their own."""
    assumed: Mark | None = None
    """The badge of the sub-unit list when it is assumed from the standard structure."""
    from_structure: str = ""
    """What the page takes from its standard structure, whose page lists the sources, e.g.
    'Jenjang jabatan pimpinan dan susunan subbagian'; empty when nothing."""


def _from_structure(secretariat: Secretariat, sub_units: bool) -> str:
    taken = [
        *(["jenjang jabatan pimpinan"] if secretariat.structure.jabatan else []),
        *(
            ["susunan " + ("bagian dan subbagian" if secretariat.is_province else "subbagian")]
            if sub_units
            else []
        ),
    ]
    return " dan ".join(taken).capitalize()


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
    assumed = secretariat.assumes_structure
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
        tuple(
            Detail(field_label(k), d)
            for k, d in secretariat.rincian_keyakinan.items()
            if not (regency and k == "nama")
        ),
        _sources(org, secretariat.sources),
        secretariat_jsonld(org, secretariat),
        scope(
            secretariat,
            # The standard structure's head's post, when it carries a badge of its own.
            *(
                [scope_phrase("jabatan")]
                if structure.jabatan and confidence(structure, "jabatan").own
                else []
            ),
            *([ASSUMED_SUB_UNITS_LABEL] if assumed else []),
        ),
        Mark(ASSUMED_CONFIDENCE, ASSUMED_REASON) if assumed else None,
        _from_structure(secretariat, bool(sub_units)),
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
    scope: tuple[str, ...] = ()
    explained: tuple[Explained, ...] = ()
    """Why the sub-unit table's badges say what they say, once, under it."""


def structure_view(org: Organisation, structure: StandardStructure) -> StructureView:
    units = structure_units(structure)
    return StructureView(
        structure,
        len(org.regional.secretariats_of(structure)),
        tuple(
            UnitRow(
                u,
                None,
                (),
                status_label(u),
                fact_marks(u, STATUS_FIELDS),
                _one(u, "nama"),
            )
            for u in units
        ),
        _topics(org, structure),
        _bases(org, structure),
        _details(structure),
        _sources(org, structure.sumber),
        scope(structure),
        explained(units, (("Nama", ("nama",)), ("Status", STATUS_FIELDS))),
    )
