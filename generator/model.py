"""The organisation as a typed tree: units with parents and children, and the regulations.

Pure: built from validated records only, no I/O. Defaults, ordering and derived values
live here so that templates only print.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from generator.schema import (
    AliasKind,
    Confidence,
    ConfidenceDetail,
    Position,
    Regulation,
    RegulationKind,
    RelationKind,
    Source,
    Topic,
    Unit,
    UnitKind,
    UnitStatus,
)
from generator.validate import Records

KIND_LABELS: dict[UnitKind, str] = {
    UnitKind.SECRETARIAT_GENERAL: "Sekretariat Jenderal",
    UnitKind.DEPUTY: "Deputi",
    UnitKind.PRINCIPAL_INSPECTORATE: "Inspektorat Utama",
    UnitKind.BUREAU: "Biro",
    UnitKind.CENTRE: "Pusat",
    UnitKind.REGIONAL_INSPECTORATE: "Inspektorat Wilayah",
    UnitKind.DIVISION: "Bagian",
    UnitKind.SUBDIVISION: "Subbagian",
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

#: Topics every unit page shows, saying plainly when the wording is not yet known.
CORE_TOPICS = (Topic.DUTIES, Topic.FUNCTIONS)


def regulation_title(regulation: Regulation) -> str:
    """The full title, e.g. 'Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum'."""
    kind = REGULATION_KIND_LABELS[regulation.jenis][0]
    return f"{kind} Nomor {regulation.nomor} Tahun {regulation.tahun} tentang {regulation.tentang}"


def regulation_short(regulation: Regulation) -> str:
    """The short citation, e.g. 'UU 7/2017'."""
    return f"{REGULATION_KIND_LABELS[regulation.jenis][1]} {regulation.nomor}/{regulation.tahun}"


def sort_key(unit: Unit) -> tuple[int, str]:
    """Siblings are shown by their ``urutan``, then by name."""
    return (unit.urutan if unit.urutan is not None else 10_000, unit.nama.casefold())


@dataclass(frozen=True)
class Organisation:
    """The whole content: unit tree, regulation registry and sources."""

    units: dict[str, Unit]
    regulations: dict[str, Regulation]
    sources: dict[str, Source]
    children: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def build(cls, records: Records) -> Organisation:
        """Assemble the tree from validated records (ids unique, parents exist, no cycles)."""
        units = {u.id: u for u in sorted(records.units, key=sort_key)}
        children: dict[str, list[str]] = {uid: [] for uid in units}
        for unit in units.values():
            if unit.induk is not None:
                children[unit.induk].append(unit.id)
        regulations = {
            r.id: r
            for r in sorted(records.regulations, key=lambda r: (r.tahun, r.jenis.value, r.nomor))
        }
        return cls(
            units=units,
            regulations=regulations,
            sources=dict(records.sources),
            children={uid: tuple(kids) for uid, kids in children.items()},
        )

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

    def detail(self, record: Unit | Regulation, field_name: str) -> ConfidenceDetail | None:
        """How sure we are of one field, when that differs from the record as a whole."""
        return record.rincian_keyakinan.get(field_name)
