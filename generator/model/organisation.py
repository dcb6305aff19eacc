"""The organisation as a typed tree: units with parents and children, and the regulations.

Pure: built from validated records only, no I/O. Defaults, ordering and derived values
live here so that templates only print.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from generator.content.records import Records
from generator.model import timeline
from generator.schema import (
    AliasKind,
    Body,
    Confidence,
    ConfidenceDetail,
    ConsolidatedText,
    LegalBasis,
    Level,
    Position,
    Province,
    Provision,
    Regency,
    Regulation,
    RegulationKind,
    RelationKind,
    Source,
    StandardStructure,
    Topic,
    Unit,
    UnitKind,
    UnitStatus,
)
from generator.urls import slug

KIND_LABELS: dict[UnitKind, str] = {
    UnitKind.SECRETARIAT_GENERAL: "Sekretariat Jenderal",
    UnitKind.DEPUTY: "Deputi",
    UnitKind.PRINCIPAL_INSPECTORATE: "Inspektorat Utama",
    UnitKind.BUREAU: "Biro",
    UnitKind.CENTRE: "Pusat",
    UnitKind.REGIONAL_INSPECTORATE: "Inspektorat Wilayah",
    UnitKind.DIVISION: "Bagian",
    UnitKind.SUBDIVISION: "Subbagian",
    UnitKind.PROVINCIAL_SECRETARIAT: "Sekretariat KPU Provinsi",
    UnitKind.REGENCY_SECRETARIAT: "Sekretariat KPU Kabupaten/Kota",
}

POSITION_LABELS: dict[Position, str] = {
    Position.JPT_MADYA: "Jabatan Pimpinan Tinggi Madya",
    Position.JPT_PRATAMA: "Jabatan Pimpinan Tinggi Pratama",
    Position.ADMINISTRATOR: "Jabatan Administrator",
    Position.SUPERVISOR: "Jabatan Pengawas",
}

CONFIDENCE_LABELS: dict[Confidence, str] = {
    Confidence.VERIFIED: "Terverifikasi",
    Confidence.SECONDARY: "Sumber sekunder",
    Confidence.INFERRED: "Inferensi",
    Confidence.UNVERIFIED: "Perlu verifikasi",
}

CONFIDENCE_MEANINGS: dict[Confidence, str] = {
    Confidence.VERIFIED: "sumber yang dirujuk menyatakannya dengan kata-kata yang dekat dengan yang tertulis di sini",
    Confidence.SECONDARY: (
        "dinyatakan oleh sumber sekunder (berita, blog KPU daerah, buku, atau aplikasi pegawai KPU), "
        "belum oleh teks peraturannya"
    ),
    Confidence.INFERRED: "disimpulkan dari beberapa sumber; tidak ada sumber yang menyatakannya secara langsung",
    Confidence.UNVERIFIED: "belum dapat dipastikan; jangan dikutip sebagai fakta sebelum diperiksa pada peraturannya",
}

TOPIC_LABELS: dict[Topic, str] = {
    Topic.STANDING: "Kedudukan",
    Topic.COMPOSITION: "Susunan",
    Topic.DUTIES: "Tugas",
    Topic.FUNCTIONS: "Fungsi",
    Topic.POWERS: "Wewenang",
    Topic.OBLIGATIONS: "Kewajiban",
    Topic.RESPONSIBILITY: "Tanggung jawab",
}

ALIAS_LABELS: dict[AliasKind, str] = {
    AliasKind.ABBREVIATION: "singkatan",
    AliasKind.OTHER: "nama lain",
    AliasKind.INFORMAL: "sebutan tidak resmi",
    AliasKind.SPELLING: "ejaan lain",
    AliasKind.FORMER: "nama lama",
}

REGULATION_KIND_LABELS: dict[RegulationKind, tuple[str, str]] = {
    RegulationKind.LAW: ("Undang-Undang", "UU"),
    RegulationKind.PERPPU: ("Peraturan Pemerintah Pengganti Undang-Undang", "Perppu"),
    RegulationKind.PERPRES: ("Peraturan Presiden", "Perpres"),
    RegulationKind.PKPU: ("Peraturan Komisi Pemilihan Umum", "PKPU"),
}

#: How an incoming relation reads from the side of the regulation it points at.
RELATION_LABELS: dict[RelationKind, tuple[str, str]] = {
    RelationKind.AMENDS: ("Mengubah", "Diubah oleh"),
    RelationKind.ENACTS: (
        "Menetapkan menjadi undang-undang",
        "Ditetapkan menjadi undang-undang oleh",
    ),
    RelationKind.IMPLEMENTS: ("Melaksanakan", "Dilaksanakan oleh"),
    RelationKind.REVOKES: ("Mencabut", "Dicabut oleh"),
}

#: How fields are named for readers (where the YAML name is not already plain Indonesian).
FIELD_LABELS: dict[str, str] = {
    "induk": "Unit atasan",
    "digantikan_oleh": "Digantikan oleh",
    "kepala": "Pimpinan",
    "jabatan": "Jenjang jabatan pimpinan",
    "eselon": "Eselon",
    "tentang": "Judul",
    "dasar_hukum": "Dasar hukum",
}

#: A secretariat's official name is composed, not read from a decree: say so wherever it shows.
SECRETARIAT_NAME_CONFIDENCE = Confidence.INFERRED
SECRETARIAT_NAME_REASON = "Disusun menurut pola nama dalam UU 7/2017 dan nama wilayah Kemendagri."

#: The article that forms the secretariats of the KPU Provinsi and KPU Kabupaten/Kota: with the
#: Kemendagri list of regions, it establishes a secretariat for every province and kab/kota.
ESTABLISHING_ARTICLE = (RegulationKind.LAW, 7, 2017, "77")

#: A kab/kota secretariat exists because the law forms one for every KPU Kabupaten/Kota, and the
#: kab/kota are those of the Kemendagri list: not an inference. What stays inferred is the name we
#: compose (SECRETARIAT_NAME_CONFIDENCE); a newly formed region's KPU may lag behind the list, which
#: the page says where it lists its sources.
REGENCY_EXISTENCE = ConfidenceDetail(
    keyakinan=Confidence.VERIFIED,
    alasan=(
        "UU 7/2017 Pasal 77 membentuk sekretariat KPU Kabupaten/Kota; kabupaten/kotanya menurut "
        "daftar wilayah Kemendagri."
    ),
)

#: Without a source that names it, a regional site's address comes from the address of a cited page.
SITE_DETAIL = ConfidenceDetail(
    keyakinan=Confidence.INFERRED,
    alasan=(
        "Diambil dari alamat sumber yang dirujuk; belum ada sumber yang menyatakannya sebagai "
        "situs resmi."
    ),
)

#: A site that a dated source names as the region's official site (``situs_sumber``).
SITE_CONFIRMED = ConfidenceDetail(
    keyakinan=Confidence.SECONDARY,
    alasan="Disebut sebagai situs resmi oleh sumber bertanggal yang dirujuk.",
)

#: A kabupaten/kota structure follows a pattern seen in a few secretariats; each one's type is unknown.
PATTERN_NOTE = "pola yang tercatat di beberapa sekretariat; tipe sekretariat ini belum diketahui"

UNCERTAIN_LEVELS = (Confidence.INFERRED, Confidence.UNVERIFIED)

#: Topics every unit page shows, saying plainly when the wording is not yet known.
CORE_TOPICS = (Topic.DUTIES, Topic.FUNCTIONS)


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

    >>> from generator.schema import UnitKind
    >>> u = Unit(id="a", nama="A", jenis=UnitKind.BUREAU, keyakinan=Confidence.VERIFIED,
    ...          rincian_keyakinan={"induk": {"keyakinan": "inferensi", "alasan": "Dari kode."}})
    >>> confidence(u, "induk").keyakinan.value, confidence(u, "eselon").keyakinan.value
    ('inferensi', 'terverifikasi')
    """
    detail = record.rincian_keyakinan.get(field_name)
    if detail is not None:
        return FieldConfidence(detail.keyakinan, detail.alasan, own=True)
    return FieldConfidence(record.keyakinan)


def item_confidence(item: LegalBasis | Provision, owner: Marked) -> FieldConfidence:
    """The confidence of one entry of a list (a legal basis, a quotation): its own, else its owner's."""
    if item.keyakinan is not None:
        return FieldConfidence(item.keyakinan, item.catatan, own=True)
    return FieldConfidence(owner.keyakinan)


def name_label(record: Marked) -> str:
    """'Nama resmi', unless the name itself is uncertain (e.g. rendered from a translation)."""
    return "Nama" if confidence(record, "nama").own else "Nama resmi"


def regulation_title(regulation: Regulation) -> str:
    """The full title, e.g. 'Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum'."""
    kind = REGULATION_KIND_LABELS[regulation.jenis][0]
    return f"{kind} Nomor {regulation.nomor} Tahun {regulation.tahun} tentang {regulation.tentang}"


def regulation_short(regulation: Regulation) -> str:
    """The short citation, e.g. 'UU 7/2017'."""
    return f"{REGULATION_KIND_LABELS[regulation.jenis][1]} {regulation.nomor}/{regulation.tahun}"


def article_anchor(number: str) -> str:
    """The fragment of an article on its regulation's page: '5A' -> 'pasal-5a'."""
    return f"pasal-{number.lower()}"


def status_label(unit: Unit) -> str:
    """'Aktif', or 'Dibubarkan (2020–2023)' for a former unit."""
    if not unit.is_former:
        return "Aktif"
    return f"Dibubarkan ({unit.periode})" if unit.periode else "Dibubarkan"


def sort_key(unit: Unit) -> tuple[int, str]:
    """Siblings are shown by their ``urutan``, then by name."""
    return (unit.urutan if unit.urutan is not None else 10_000, unit.nama.casefold())


@dataclass(frozen=True)
class Secretariat:
    """A provincial or kabupaten/kota secretariat: a region's data applied to its level's structure."""

    key: str
    """Page key: the province id, or 'province-id/regency-slug'."""
    level: Level
    kode: str
    region_name: str
    """'Jawa Barat' for a province, 'Kabupaten Bogor' for a kabupaten/kota."""
    nama: str
    """The official name, built from the body's name and the region's."""
    short: str
    """The name people use, e.g. 'Sekretariat KPU Provinsi Jawa Barat'."""
    secretary: str
    """The head's title, e.g. 'Sekretaris KPU Kabupaten Bogor'."""
    chair: str
    """Who the secretary answers to functionally, e.g. 'Ketua KPU Kabupaten Bogor'."""
    body: Body
    province: Province
    record: Province | Regency
    structure: StandardStructure
    sub_units: tuple[Unit, ...]

    @property
    def regency(self) -> Regency | None:
        return self.record if isinstance(self.record, Regency) else None

    @property
    def keyakinan(self) -> Confidence:
        """How sure we are that this secretariat exists as shown (its structure's, for a province)."""
        return REGENCY_EXISTENCE.keyakinan if self.regency else self.structure.keyakinan

    @property
    def rincian_keyakinan(self) -> dict[str, ConfidenceDetail]:
        """Per-field exceptions: the composed name, and the site's address."""
        details = {
            "nama": ConfidenceDetail(
                keyakinan=SECRETARIAT_NAME_CONFIDENCE, alasan=SECRETARIAT_NAME_REASON
            )
        }
        if self.record.situs:
            details["situs"] = SITE_CONFIRMED if self.record.situs_sumber else SITE_DETAIL
        return details

    @property
    def pattern_note(self) -> str | None:
        """Said after 'follows the standard structure' while this secretariat's type is unknown."""
        return PATTERN_NOTE if self.regency and self.record.tipe is None else None

    @property
    def is_province(self) -> bool:
        return self.level is Level.PROVINCE

    @property
    def body_name(self) -> str:
        """The election body this secretariat serves, in full."""
        long, short = _body_names(self.body)
        return f"{long} ({short})"

    @property
    def sources(self) -> list[str]:
        """The province's sources, then the kabupaten/kota's own, then those naming its site."""
        own = self.regency.sumber if self.regency else []
        return list(dict.fromkeys([*self.province.sumber, *own, *self.record.situs_sumber]))

    @property
    def active_sub_units(self) -> list[Unit]:
        return [u for u in self.sub_units if not u.is_former]

    def is_added(self, unit: Unit) -> bool:
        """A sub-unit only this secretariat has (not from its standard structure)."""
        return unit in self.record.sub_unit_tambahan

    @property
    def is_adjusted(self) -> bool:
        return bool(self.record.sub_unit_dihapus or self.record.sub_unit_tambahan)


def _body_names(body: Body) -> tuple[str, str]:
    if body is Body.KIP:
        return "Komisi Independen Pemilihan", "KIP"
    return "Komisi Pemilihan Umum", "KPU"


def secretariat_names(
    level: Level, body: Body, region: str, short_region: str
) -> tuple[str, str, str, str]:
    """Official name, short name, secretary and chair of a regional secretariat.

    In Aceh the election bodies are the Komisi Independen Pemilihan, and the province's own name
    carries no 'Provinsi' (KIP Aceh).

    >>> secretariat_names(Level.PROVINCE, Body.KPU, "Jawa Barat", "Jawa Barat")[:2]
    ('Sekretariat Komisi Pemilihan Umum Provinsi Jawa Barat', 'Sekretariat KPU Provinsi Jawa Barat')
    >>> secretariat_names(Level.REGENCY, Body.KIP, "Kabupaten Aceh Besar", "Kabupaten Aceh Besar")[1]
    'Sekretariat KIP Kabupaten Aceh Besar'
    """
    long, short = _body_names(body)
    province_word = "Provinsi " if level is Level.PROVINCE and body is Body.KPU else ""
    return (
        f"Sekretariat {long} {province_word}{region}",
        f"Sekretariat {short} {province_word}{short_region}",
        f"Sekretaris {short} {province_word}{short_region}",
        f"Ketua {short} {province_word}{short_region}",
    )


def _apply(structure: StandardStructure, record: Province | Regency) -> tuple[Unit, ...]:
    removed = set(record.sub_unit_dihapus)
    return tuple(u for u in structure.sub_unit if u.id not in removed) + tuple(
        record.sub_unit_tambahan
    )


def build_secretariats(
    provinces: tuple[Province, ...], structures: dict[Level, StandardStructure]
) -> dict[str, Secretariat]:
    """Every provincial secretariat, each followed by its kabupaten/kota secretariats."""
    result: dict[str, Secretariat] = {}
    for province in sorted(provinces, key=lambda p: p.kode):
        short_region = province.nama_singkat or province.nama
        nama, short, secretary, chair = secretariat_names(
            Level.PROVINCE, province.lembaga, province.nama, short_region
        )
        structure = structures[Level.PROVINCE]
        result[province.id] = Secretariat(
            province.id, Level.PROVINCE, province.kode, province.nama, nama, short, secretary, chair,
            province.lembaga, province, province, structure, _apply(structure, province),
        )  # fmt: skip
        structure = structures[Level.REGENCY]
        for regency in sorted(province.kabupaten_kota, key=lambda r: r.kode):
            key = f"{province.id}/{slug(regency.nama)}"
            nama, short, secretary, chair = secretariat_names(
                Level.REGENCY, province.lembaga, regency.nama, regency.nama
            )
            result[key] = Secretariat(
                key, Level.REGENCY, regency.kode, regency.nama, nama, short, secretary, chair,
                province.lembaga, province, regency, structure, _apply(structure, regency),
            )  # fmt: skip
    return result


class _RegionalQueries:
    """The regional secretariats, standard structures and quotations of an Organisation.

    A mixin, so that the organisation's class stays short; it reads the organisation's fields.
    """

    regulations: dict[str, Regulation]
    structures: dict[Level, StandardStructure]
    secretariats: dict[str, Secretariat]

    def provincial_secretariats(self) -> list[Secretariat]:
        return [s for s in self.secretariats.values() if s.level is Level.PROVINCE]

    def regency_secretariats(self, province: Secretariat | None = None) -> list[Secretariat]:
        """Kabupaten/kota secretariats, of one province or of all."""
        if province is None:
            return [s for s in self.secretariats.values() if s.level is Level.REGENCY]
        return list(self._regencies_by_province.get(province.province.id, ()))

    @functools.cached_property
    def _regencies_by_province(self) -> dict[str, list[Secretariat]]:
        # Looked up once per secretariat page: scanning every secretariat each time made the
        # build grow with the square of their number.
        found: dict[str, list[Secretariat]] = {}
        for s in self.secretariats.values():
            if s.level is Level.REGENCY:
                found.setdefault(s.province.id, []).append(s)
        return found

    def administrative_parent(self, secretariat: Secretariat) -> Secretariat | None:
        """The provincial secretariat a kabupaten/kota secretary answers to; None for a province."""
        return (
            self.secretariats[secretariat.province.id]
            if secretariat.level is Level.REGENCY
            else None
        )

    def ordered_structures(self) -> list[StandardStructure]:
        """Provincial first, then kabupaten/kota."""
        return [self.structures[level] for level in Level if level in self.structures]

    def secretariats_of(self, structure: StandardStructure) -> list[Secretariat]:
        return [s for s in self.secretariats.values() if s.structure.id == structure.id]

    def regional_sources(self) -> list[str]:
        """Sources of the regional part: the standard structures', then the regions' lists."""
        ids = [s for st in self.ordered_structures() for s in st.sumber]
        ids += [s for sec in self.provincial_secretariats() for s in sec.province.sumber]
        return list(dict.fromkeys(ids))

    def citation(self, provision: Provision) -> str:
        """Where a quotation comes from, e.g. 'UU 7/2017 Pasal 81'."""
        return f"{regulation_short(self.regulations[provision.peraturan])} {provision.pasal}"

    def citations(self, record: Unit | StandardStructure, topic: Topic) -> list[str]:
        """Where a record's quotations on one topic come from, once each."""
        return list(dict.fromkeys(self.citation(p) for p in record.ketentuan if p.topik is topic))

    def structure_successors(self, structure: StandardStructure, unit: Unit) -> list[Unit]:
        return [u for u in structure.sub_unit if u.id in unit.digantikan_oleh]

    def structure_units(self, structure: StandardStructure) -> list[Unit]:
        return sorted(
            structure.sub_unit, key=lambda u: (u.status is not UnitStatus.ACTIVE, sort_key(u))
        )


@dataclass(frozen=True)
class Organisation(_RegionalQueries):
    """The whole content: unit tree, regulation registry and sources."""

    units: dict[str, Unit]
    regulations: dict[str, Regulation]
    sources: dict[str, Source]
    children: dict[str, tuple[str, ...]] = field(default_factory=dict)
    structures: dict[Level, StandardStructure] = field(default_factory=dict)
    secretariats: dict[str, Secretariat] = field(default_factory=dict)
    texts: dict[str, ConsolidatedText] = field(default_factory=dict)
    """Consolidated (unofficial) texts, by regulation id."""

    @classmethod
    def build(cls, records: Records) -> Organisation:
        """Assemble the tree from validated records (ids unique, parents exist, no cycles)."""
        return _assemble(records)

    @property
    def root(self) -> Unit:
        """The Sekretariat Jenderal, the top of the tree."""
        return next(
            u for u in self.units.values() if u.induk is None and u.status is UnitStatus.ACTIVE
        )

    def parent(self, unit: Unit) -> Unit | None:
        return self.units[unit.induk] if unit.induk else None

    def ancestors(self, unit: Unit) -> list[Unit]:
        """From the top of the tree down to the unit's parent."""
        chain = []
        current = self.parent(unit)
        while current is not None:
            chain.append(current)
            current = self.parent(current)
        return chain[::-1]

    def children_of(self, unit: Unit, *, active: bool | None = True) -> list[Unit]:
        """Direct sub-units in display order; ``active=None`` includes dissolved ones."""
        kids = [self.units[k] for k in self.children[unit.id]]
        if active is None:
            return kids
        return [k for k in kids if (k.status is UnitStatus.ACTIVE) == active]

    def walk(self, unit: Unit | None = None, depth: int = 0) -> Iterator[tuple[Unit, int]]:
        """Active units depth-first from ``unit`` (default: the root), with their depth."""
        unit = unit or self.root
        yield unit, depth
        for child in self.children_of(unit):
            yield from self.walk(child, depth + 1)

    def former_units(self) -> list[Unit]:
        return sorted(
            (u for u in self.units.values() if u.status is UnitStatus.DISSOLVED),
            key=lambda u: u.nama.casefold(),
        )

    def successors(self, unit: Unit) -> list[Unit]:
        return [self.units[s] for s in unit.digantikan_oleh]

    def predecessors(self, unit: Unit) -> list[Unit]:
        """Dissolved units that this unit replaced."""
        return [u for u in self.former_units() if unit.id in u.digantikan_oleh]

    def period(self, unit: Unit) -> timeline.Period:
        """The unit's years as recorded; how they are derived is in ``generator.model.timeline``."""
        return timeline.period(unit)

    def as_of(self, when: int | date) -> list[Unit]:
        """The structure in a year (or on a date's year): the units that existed then."""
        return timeline.as_of(self.units, when)

    def history(self, unit: Unit) -> timeline.UnitHistory:
        """The unit's years, predecessors and successors, for its Riwayat section."""
        return timeline.unit_history(self.units, unit)

    def changes(self) -> list[timeline.Change]:
        """Dissolutions, renamings, splits, mergers and new units, latest first."""
        return timeline.changes(self.units)

    def governed_by(self, regulation: Regulation) -> list[Unit]:
        """Units that name the regulation as legal basis or quote it."""
        return sorted(
            (
                u
                for u in self.units.values()
                if any(b.peraturan == regulation.id for b in u.dasar_hukum)
                or any(p.peraturan == regulation.id for p in u.ketentuan)
            ),
            key=lambda u: (u.status is not UnitStatus.ACTIVE, len(self.ancestors(u)), sort_key(u)),
        )

    def incoming(self, regulation: Regulation) -> list[tuple[Regulation, RelationKind, str | None]]:
        """Regulations that amend, enact, implement or revoke this one."""
        return [
            (other, relation.jenis, relation.pasal)
            for other in self.regulations.values()
            for relation in other.hubungan
            if relation.peraturan == regulation.id
        ]

    def basis_for(self, unit: Unit, regulation: Regulation) -> LegalBasis | None:
        """The unit's legal-basis entry naming this regulation, if any (it carries its confidence)."""
        return next((b for b in unit.dasar_hukum if b.peraturan == regulation.id), None)

    def detail(self, record: Unit | Regulation, field_name: str) -> ConfidenceDetail | None:
        """How sure we are of one field, when that differs from the record as a whole."""
        return record.rincian_keyakinan.get(field_name)

    def changed_by(
        self, regulation: Regulation
    ) -> list[tuple[Regulation, RelationKind, str | None]]:
        """Regulations that amend or revoke this one."""
        return [
            (other, kind, pasal)
            for other, kind, pasal in self.incoming(regulation)
            if kind in (RelationKind.AMENDS, RelationKind.REVOKES)
        ]


def _assemble(records: Records) -> Organisation:
    """The body of ``Organisation.build``, outside the class to keep the class short."""
    units = {u.id: u for u in sorted(records.units, key=sort_key)}
    children: dict[str, list[str]] = {uid: [] for uid in units}
    for unit in units.values():
        if unit.induk is not None:
            children[unit.induk].append(unit.id)
    regulations = {
        r.id: r
        for r in sorted(records.regulations, key=lambda r: (r.tahun, r.jenis.value, r.nomor))
    }
    structures = {t.tingkat: t for t in records.structures}
    secretariats = (
        build_secretariats(records.regions, structures) if len(structures) == len(Level) else {}
    )
    return Organisation(
        units=units,
        regulations=regulations,
        sources=dict(records.sources),
        children={uid: tuple(kids) for uid, kids in children.items()},
        structures=structures,
        secretariats=secretariats,
        texts={t.peraturan: t for t in records.texts},
    )


def template_labels() -> dict[str, object]:
    """The words and constants every template prints (pages and the printable book alike)."""
    return {
        "KIND": KIND_LABELS,
        "POSITION": POSITION_LABELS,
        "CONFIDENCE": CONFIDENCE_LABELS,
        "CONFIDENCE_MEANING": CONFIDENCE_MEANINGS,
        "TOPIC": TOPIC_LABELS,
        "CORE_TOPICS": CORE_TOPICS,
        "FIELD": FIELD_LABELS,
        "ALIAS": ALIAS_LABELS,
        "RELATION": RELATION_LABELS,
        "REGULATION_KIND": REGULATION_KIND_LABELS,
        "NAME_CONFIDENCE": SECRETARIAT_NAME_CONFIDENCE,
        "NAME_REASON": SECRETARIAT_NAME_REASON,
        "Topic": Topic,
        "regulation_title": regulation_title,
        "regulation_short": regulation_short,
    }
