"""What the content still lacks, record by record, and how complete each kind of fact is.

Pure: computed from the model, for the public "Kelengkapan Data" page that invites help. The
checks mirror the warnings of ``generator check`` (no duties, no sources, …) and add what a
reader misses on a page (no official link, unknown dates, facts still to be verified).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date

from generator.content.gaps import CORE_TOPICS, lacks_topic, sources_missing
from generator.content.validate import ALLOWED_PARENTS
from generator.model.organisation import Organisation
from generator.model.regional import structure_units
from generator.plan.labels import KIND_LABELS, field_label, regulation_short
from generator.plan.page import Link
from generator.schema import Confidence, Regulation, StandardStructure, Topic, Unit, UnitKind
from generator.schema.dates import is_stale
from generator.schema.models import newest_per_post
from generator.urls import (
    regulation_doc,
    secretariat_doc,
    structure_doc,
    structure_unit_doc,
    unit_doc,
)

#: The facts checked, in the order the page lists them: the name readers see, and what it means.
FIELDS: dict[str, tuple[str, str]] = {
    "tugas": ("Rumusan tugas", "kutipan pasal yang merumuskan tugasnya"),
    "fungsi": ("Rumusan fungsi", "kutipan pasal yang merumuskan fungsinya"),
    "induk": (
        "Unit atasan",
        "unit atasannya tercatat; bila unit atasan itu disimpulkan atau perlu verifikasi, itu "
        "dihitung di baris «Tanpa keterangan yang belum pasti»",
    ),
    "sub_unit": (
        "Unit di bawahnya",
        "unit di bawahnya sudah tercatat (tidak berlaku untuk subbagian)",
    ),
    "gambaran": (
        "Gambaran tugas",
        "paling sedikit satu pernyataan dari sumber publik tentang apa yang dikerjakannya",
    ),
    "pejabat": (
        "Pejabat",
        "untuk setiap jabatan yang tercatat, sumber terbarunya tidak lebih dari 12 bulan sebelum "
        "tanggal edisi situs ini",
    ),
    "sumber": ("Sumber", "paling sedikit satu sumber yang dapat diperiksa"),
    "tautan_resmi": ("Tautan resmi", "tautan ke teks peraturan di situs resmi pemerintah"),
    "tanggal": (
        "Tanggal",
        "tanggal penetapan peraturan, atau masa berdirinya unit terdahulu",
    ),
    "verifikasi": (
        "Tanpa keterangan yang belum pasti",
        "tidak ada keterangan yang bertanda Inferensi atau Perlu verifikasi (mis. unit atasan "
        "atau eselon yang disimpulkan)",
    ),
}

#: Kinds of unit that can have units under them (a subbagian is always the lowest level).
PARENT_KINDS: frozenset[UnitKind] = frozenset().union(*ALLOWED_PARENTS.values())

#: How the gap line names each uncertain level (one owner for the parent's certainty: the
#: 'verifikasi' check, never the 'induk' one, so the two rows never count it differently).
UNCERTAIN_LABELS = {
    Confidence.INFERRED: "Masih disimpulkan",
    Confidence.UNVERIFIED: "Perlu verifikasi",
}


@dataclass(frozen=True)
class Gap:
    """One missing or uncertain fact of a record."""

    field: str
    text: str


@dataclass(frozen=True)
class RecordGaps:
    """One record (unit, standard structure, sub-unit or regulation): what was checked, what lacks."""

    name: str
    kind: str
    doc: str
    """The record's page under docs/."""
    source_file: str
    """The content file that holds it, relative to the project."""
    checked: tuple[str, ...]
    gaps: tuple[Gap, ...]
    edit_url: str | None = None

    @property
    def is_complete(self) -> bool:
        return not self.gaps

    def lacks(self, field: str) -> bool:
        return any(gap.field == field for gap in self.gaps)


@dataclass(frozen=True)
class Share:
    """How many records that should have a fact do have it."""

    field: str
    label: str
    meaning: str
    complete: int
    total: int

    @property
    def ratio(self) -> float:
        return self.complete / self.total if self.total else 1.0

    @property
    def percent(self) -> int:
        """Rounded down, so a page never says 100% while something is still missing."""
        return self.complete * 100 // self.total if self.total else 100


@dataclass(frozen=True)
class Group:
    title: str
    records: tuple[RecordGaps, ...]

    @property
    def incomplete(self) -> tuple[RecordGaps, ...]:
        return tuple(r for r in self.records if not r.is_complete)

    @property
    def complete(self) -> tuple[RecordGaps, ...]:
        return tuple(r for r in self.records if r.is_complete)


@dataclass(frozen=True)
class RegionalGaps:
    """What the regional secretariats' pages leave out because it is not known, said once here."""

    secretariats: int
    typed: int
    """Secretariats whose type (A or B) a source gives."""
    with_site: int
    provinces_without_site: tuple[Link, ...]
    regencies_without_site: int


@dataclass(frozen=True)
class Completeness:
    groups: tuple[Group, ...]
    shares: tuple[Share, ...]
    overall: Share
    """All checks of all records together."""
    regional: RegionalGaps | None = None

    @property
    def records(self) -> tuple[RecordGaps, ...]:
        return tuple(r for g in self.groups for r in g.records)

    @property
    def complete_records(self) -> int:
        return sum(1 for r in self.records if r.is_complete)


# --- the checks, one small function each --------------------------------------------------


def _topic_gap(record: Unit | StandardStructure, topic: Topic) -> Gap | None:
    if not lacks_topic(record, topic):
        return None
    field = topic.value
    return Gap(
        field, f"Rumusan {field}nya belum dimuat: belum ada kutipan pasal tentang {field}nya."
    )


def _topic_checks(record: Unit | StandardStructure) -> dict[str, Gap | None]:
    """The topics every record is expected to quote (tugas, fungsi)."""
    return {topic.value: _topic_gap(record, topic) for topic in CORE_TOPICS}


def _unverified(record: Unit | StandardStructure | Regulation) -> Gap | None:
    """Facts marked inferred or perlu-verifikasi: the whole record, single fields, or a legal
    basis; named by level ('Masih disimpulkan: Unit atasan, Eselon.')."""
    if record.keyakinan in UNCERTAIN_LABELS:
        level = UNCERTAIN_LABELS[record.keyakinan].lower()
        return Gap("verifikasi", f"Seluruh keterangannya {level}.")
    fields: dict[Confidence, list[str]] = {}
    for key, detail in record.rincian_keyakinan.items():
        if detail.keyakinan in UNCERTAIN_LABELS:
            fields.setdefault(detail.keyakinan, []).append(field_label(key))
    for basis in getattr(record, "dasar_hukum", []):
        if basis.keyakinan in UNCERTAIN_LABELS:
            fields.setdefault(basis.keyakinan, []).append(field_label("dasar_hukum"))
    if not fields:
        return None
    parts = [
        f"{UNCERTAIN_LABELS[level]}: {', '.join(dict.fromkeys(fields[level]))}."
        for level in UNCERTAIN_LABELS
        if level in fields
    ]
    return Gap("verifikasi", " ".join(parts))


def _parent_gap(unit: Unit, has_parent_page: bool) -> Gap | None:
    """Only whether the parent is known: how sure it is counts under 'verifikasi'."""
    if unit.induk is None and not has_parent_page:
        return Gap("induk", "Unit atasan belum diketahui.")
    return None


def _children_gap(has_children: bool) -> Gap | None:
    return None if has_children else Gap("sub_unit", "Belum ada unit di bawahnya yang tercatat.")


def _overview_gap(unit: Unit) -> Gap | None:
    if unit.gambaran:
        return None
    return Gap("gambaran", "Belum ada gambaran tugas dari sumber publik.")


def _holders_gap(unit: Unit, today: date) -> Gap | None:
    """Posts whose newest source is more than a year old: the person may have moved on."""
    stale = [
        unit.pejabat[n]
        for n in sorted(newest_per_post(unit.pejabat).values())
        if is_stale(unit.pejabat[n].tanggal, today)
    ]
    if not stale:
        return None
    posts = "; ".join(f"{h.jabatan} ({h.tanggal.indonesian})" for h in stale)
    return Gap("pejabat", f"Sumber terbaru tentang pejabatnya lebih dari setahun lalu: {posts}.")


def _sources_gap(record: Unit | StandardStructure | Regulation) -> Gap | None:
    return Gap("sumber", "Belum punya sumber.") if sources_missing(record) else None


def _record(
    name: str,
    kind: str,
    doc: str,
    source_file: str,
    checks: dict[str, Gap | None],
) -> RecordGaps:
    gaps = tuple(gap for gap in checks.values() if gap is not None)
    return RecordGaps(name, kind, doc, source_file, tuple(checks), gaps)


def unit_gaps(
    org: Organisation, unit: Unit, source_file: str, today: date | None = None
) -> RecordGaps:
    """A central unit; the root has no parent to doubt, a former unit no sub-units to list.

    An active unit should say what it does from public sources; one with office holders, whether
    they are still recent on ``today`` (the build's date).
    """
    checks = _topic_checks(unit)
    if not unit.is_former:
        checks["gambaran"] = _overview_gap(unit)
    if unit.pejabat and today is not None:
        checks["pejabat"] = _holders_gap(unit, today)
    if unit.is_former or unit.induk is not None:
        checks["induk"] = _parent_gap(unit, has_parent_page=False)
    if not unit.is_former and unit.jenis in PARENT_KINDS:
        checks["sub_unit"] = _children_gap(bool(org.children_of(unit)))
    checks["sumber"] = _sources_gap(unit)
    if unit.is_former:
        checks["tanggal"] = (
            None if unit.periode else Gap("tanggal", "Masa berdirinya belum diketahui.")
        )
    checks["verifikasi"] = _unverified(unit)
    return _record(unit.nama, KIND_LABELS[unit.jenis], unit_doc(unit.id), source_file, checks)


def structure_gaps(structure: StandardStructure, source_file: str) -> RecordGaps:
    checks = {
        **_topic_checks(structure),
        "sub_unit": _children_gap(bool(structure.sub_unit)),
        "sumber": _sources_gap(structure),
        "verifikasi": _unverified(structure),
    }
    return _record(
        structure.nama, "Struktur baku", structure_doc(structure.id), source_file, checks
    )


def structure_unit_gaps(structure: StandardStructure, unit: Unit, source_file: str) -> RecordGaps:
    """A sub-unit of a standard structure (in the structure's file); its sources are the
    structure's."""
    checks = {
        **_topic_checks(unit),
        # Without 'induk' a sub-unit sits directly under the secretariat: that is known.
        "induk": _parent_gap(unit, has_parent_page=True),
    }
    if not unit.is_former and unit.jenis in PARENT_KINDS:
        checks["sub_unit"] = _children_gap(any(u.induk == unit.id for u in structure.sub_unit))
    if unit.is_former:
        checks["tanggal"] = (
            None if unit.periode else Gap("tanggal", "Masa berdirinya belum diketahui.")
        )
    checks["verifikasi"] = _unverified(unit)
    return _record(
        unit.nama,
        KIND_LABELS[unit.jenis],
        structure_unit_doc(structure.id, unit.id),
        source_file,
        checks,
    )


def regulation_gaps(regulation: Regulation, source_file: str) -> RecordGaps:
    checks: dict[str, Gap | None] = {
        "sumber": _sources_gap(regulation),
        "tautan_resmi": None
        if regulation.tautan_resmi
        else Gap("tautan_resmi", "Belum ada tautan ke teks peraturannya di situs resmi."),
        "tanggal": None
        if regulation.ditetapkan
        else Gap("tanggal", "Tanggal penetapannya belum diketahui."),
        "verifikasi": _unverified(regulation),
    }
    return _record(
        regulation_short(regulation),
        "Peraturan",
        regulation_doc(regulation.id),
        source_file,
        checks,
    )


def regional_gaps(org: Organisation) -> RegionalGaps | None:
    """Types and sites of the regional secretariats: counted, with the provinces lacking a site."""
    secretariats = list(org.regional.secretariats.values())
    if not secretariats:
        return None
    return RegionalGaps(
        secretariats=len(secretariats),
        typed=sum(1 for s in secretariats if s.record.tipe),
        with_site=sum(1 for s in secretariats if s.record.situs),
        provinces_without_site=tuple(
            Link(s.region_name, secretariat_doc(s.key))
            for s in org.regional.provinces()
            if not s.record.situs
        ),
        regencies_without_site=sum(1 for s in org.regional.regencies() if not s.record.situs),
    )


# --- the whole picture ---------------------------------------------------------------------


def shares(records: Iterable[RecordGaps]) -> tuple[tuple[Share, ...], Share]:
    """Per field, the records that have it among those it applies to; and all checks together."""
    records = list(records)
    per_field = []
    for field, (label, meaning) in FIELDS.items():
        applies = [r for r in records if field in r.checked]
        if applies:
            done = sum(1 for r in applies if not r.lacks(field))
            per_field.append(Share(field, label, meaning, done, len(applies)))
    overall = Share(
        "semua",
        "Semua keterangan",
        "semua pemeriksaan di atas, dijumlahkan",
        sum(s.complete for s in per_field),
        sum(s.total for s in per_field),
    )
    return tuple(per_field), overall


def completeness(
    org: Organisation,
    edit_url: Callable[[str], str | None] = lambda path: None,
    today: date | None = None,
) -> Completeness:
    """Every central unit, standard structure with its sub-units, and regulation; and what the
    regional secretariats lack, counted once for all of them."""
    active = [unit for unit, _ in org.walk()]
    walked = {u.id for u in active}
    # An active unit under a dissolved one is outside the walk; it still counts.
    active += [u for u in org.units.values() if not u.is_former and u.id not in walked]
    groups = [
        Group("Unit pusat", tuple(unit_gaps(org, u, org.file_of(u), today) for u in active)),
        Group(
            "Unit terdahulu",
            tuple(unit_gaps(org, u, org.file_of(u), today) for u in org.former_units()),
        ),
        *(
            Group(
                f"Struktur baku: {s.nama}",
                (
                    structure_gaps(s, org.file_of(s)),
                    *(structure_unit_gaps(s, u, org.file_of(s)) for u in structure_units(s)),
                ),
            )
            for s in org.regional.ordered_structures()
        ),
        Group(
            "Peraturan",
            tuple(regulation_gaps(r, org.file_of(r)) for r in org.regulations.values()),
        ),
    ]
    groups = [
        Group(g.title, tuple(replace(r, edit_url=edit_url(r.source_file)) for r in g.records))
        for g in groups
        if g.records
    ]
    per_field, overall = shares(r for g in groups for r in g.records)
    return Completeness(tuple(groups), per_field, overall, regional_gaps(org))
