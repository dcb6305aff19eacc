"""The regional secretariats: each province's and kabupaten/kota's data applied to the standard
structure of its level, with the names composed after UU 7/2017, and the queries over them.

Pure: built from validated records only.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from generator.schema import (
    Body,
    Confidence,
    ConfidenceDetail,
    Level,
    Province,
    Regency,
    RegulationKind,
    StandardStructure,
    Unit,
    UnitStatus,
)
from generator.urls import secretariat_key

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

#: A kabupaten/kota secretariat whose type no source gives is shown with its standard structure's
#: sub-units: a pattern seen in several secretariats, assumed for this one (``assumes_structure``).
ASSUMED_CONFIDENCE = Confidence.INFERRED
ASSUMED_REASON = (
    "Subbagian dari struktur baku mengikuti pola yang tercatat di beberapa sekretariat "
    "kabupaten/kota; belum ada sumber tentang susunan sekretariat ini, dan tipenya belum diketahui."
)

#: The region's code (and the list the kab/kota come from) is copied from a third party's data set
#: of the Kemendagri decree, not yet checked against the decree itself.
REGION_CODE_DETAIL = ConfidenceDetail(
    keyakinan=Confidence.SECONDARY,
    alasan=(
        "Disalin dari himpunan data pihak ketiga yang bersumber dari keputusan Mendagri tentang "
        "kode wilayah; belum dicocokkan dengan naskah resmi keputusannya."
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


@dataclass(frozen=True)
class Secretariat:
    """A provincial or kabupaten/kota secretariat: a region's data applied to its level's structure."""

    key: str
    """Page key: the province id, or 'province-id/regency-slug' (``urls.secretariat_key``)."""
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
        """Per-field exceptions: the composed name, the region's code, and the site's address."""
        details = {
            "nama": ConfidenceDetail(
                keyakinan=SECRETARIAT_NAME_CONFIDENCE, alasan=SECRETARIAT_NAME_REASON
            )
        }
        if self.keyakinan is not REGION_CODE_DETAIL.keyakinan:
            details["kode"] = REGION_CODE_DETAIL
        if self.record.situs:
            details["situs"] = SITE_CONFIRMED if self.record.situs_sumber else SITE_DETAIL
        return details

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

    @property
    def assumes_structure(self) -> bool:
        """A kabupaten/kota of unknown type: its sub-units from the standard structure are
        assumed, not read from a source about it (those it adds itself are recorded)."""
        regency = self.regency
        return (
            regency is not None
            and regency.tipe is None
            and any(not self.is_added(u) for u in self.active_sub_units)
        )

    def is_assumed(self, unit: Unit) -> bool:
        """Whether this sub-unit is shown only because the standard structure has it."""
        return self.assumes_structure and not self.is_added(unit)


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
        key = secretariat_key(province.id)
        result[key] = Secretariat(
            key, Level.PROVINCE, province.kode, province.nama, nama, short, secretary, chair,
            province.lembaga, province, province, structure, _apply(structure, province),
        )  # fmt: skip
        structure = structures[Level.REGENCY]
        for regency in sorted(province.kabupaten_kota, key=lambda r: r.kode):
            key = secretariat_key(province.id, regency.nama)
            nama, short, secretary, chair = secretariat_names(
                Level.REGENCY, province.lembaga, regency.nama, regency.nama
            )
            result[key] = Secretariat(
                key, Level.REGENCY, regency.kode, regency.nama, nama, short, secretary, chair,
                province.lembaga, province, regency, structure, _apply(structure, regency),
            )  # fmt: skip
    return result


def structure_units(structure: StandardStructure) -> list[Unit]:
    """A standard structure's sub-units: active ones first, each group in display order."""
    return sorted(
        structure.sub_unit, key=lambda u: (u.status is not UnitStatus.ACTIVE, u.display_order)
    )


def structure_successors(structure: StandardStructure, unit: Unit) -> list[Unit]:
    """The sub-units of the same structure that replaced a former sub-unit."""
    return [u for u in structure.sub_unit if u.id in unit.digantikan_oleh]


@dataclass(frozen=True)
class Regional:
    """The regional part of the organisation: the standard structure of each level and every
    secretariat built from it (none until both levels have a structure)."""

    structures: dict[Level, StandardStructure]
    secretariats: dict[str, Secretariat]

    @classmethod
    def build(
        cls, provinces: tuple[Province, ...], structures: tuple[StandardStructure, ...]
    ) -> Regional:
        by_level = {s.tingkat: s for s in structures}
        complete = len(by_level) == len(Level)
        return cls(by_level, build_secretariats(provinces, by_level) if complete else {})

    def provinces(self) -> list[Secretariat]:
        """The provincial secretariats, by Kemendagri code."""
        return [s for s in self.secretariats.values() if s.level is Level.PROVINCE]

    def regencies(self, province: Secretariat | None = None) -> list[Secretariat]:
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
        if secretariat.level is Level.PROVINCE:
            return None
        return self.secretariats[secretariat_key(secretariat.province.id)]

    def ordered_structures(self) -> list[StandardStructure]:
        """Provincial first, then kabupaten/kota."""
        return [self.structures[level] for level in Level if level in self.structures]

    def secretariats_of(self, structure: StandardStructure) -> list[Secretariat]:
        return [s for s in self.secretariats.values() if s.structure.id == structure.id]

    def sources(self) -> list[str]:
        """Sources of the regional part: the standard structures', then the regions' lists."""
        ids = [s for st in self.ordered_structures() for s in st.sumber]
        ids += [s for sec in self.provinces() for s in sec.province.sumber]
        return list(dict.fromkeys(ids))
