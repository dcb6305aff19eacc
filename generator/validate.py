"""Check parsed content: each file against the schema, then the files against each other.

Every problem is collected and returned; nothing here raises for bad content, so an editor
sees all the mistakes of a change in one run.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from pathlib import PurePosixPath
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from generator.errors import Problem, Severity
from generator.former import former_address_problems
from generator.load import LoadedContent, Path_, RawDocument, dotted
from generator.records import Records
from generator.schema import (
    Confidence,
    Level,
    Province,
    Regulation,
    Slug,
    Source,
    StandardStructure,
    Topic,
    Unit,
    UnitKind,
    UnitStatus,
)
from generator.urls import slug

#: Which kinds of unit may sit directly under which. The root kind has no parent.
ALLOWED_PARENTS: dict[UnitKind, frozenset[UnitKind]] = {
    UnitKind.SECRETARIAT_GENERAL: frozenset(),
    UnitKind.DEPUTY: frozenset({UnitKind.SECRETARIAT_GENERAL}),
    UnitKind.PRINCIPAL_INSPECTORATE: frozenset({UnitKind.SECRETARIAT_GENERAL}),
    UnitKind.CENTRE: frozenset({UnitKind.SECRETARIAT_GENERAL, UnitKind.DEPUTY}),
    UnitKind.BUREAU: frozenset({UnitKind.SECRETARIAT_GENERAL, UnitKind.DEPUTY}),
    UnitKind.REGIONAL_INSPECTORATE: frozenset({UnitKind.PRINCIPAL_INSPECTORATE}),
    UnitKind.PROVINCIAL_SECRETARIAT: frozenset(),
    UnitKind.REGENCY_SECRETARIAT: frozenset(),
    UnitKind.DIVISION: frozenset(
        {
            UnitKind.PROVINCIAL_SECRETARIAT,
            UnitKind.BUREAU,
            UnitKind.CENTRE,
            UnitKind.PRINCIPAL_INSPECTORATE,
            UnitKind.REGIONAL_INSPECTORATE,
        }
    ),
    UnitKind.SUBDIVISION: frozenset(
        {
            UnitKind.REGENCY_SECRETARIAT,
            UnitKind.DIVISION,
            UnitKind.BUREAU,
            UnitKind.CENTRE,
            UnitKind.REGIONAL_INSPECTORATE,
        }
    ),
}

_SOURCES = TypeAdapter(dict[Slug, Source])
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Checked:
    """The outcome of a check: the records (when there are no errors) and every problem."""

    records: Records | None
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]


def suggest(word: str, candidates: Iterable[str]) -> str | None:
    """Return the closest candidate to a mistyped word, if one is close enough.

    >>> suggest("biro-keuangn", ["biro-keuangan", "biro-umum"])
    'biro-keuangan'
    >>> suggest("xyz", ["biro-umum"]) is None
    True
    """
    matches = difflib.get_close_matches(word, sorted(set(candidates)), n=1, cutoff=0.6)
    return matches[0] if matches else None


def _did_you_mean(word: str, candidates: Iterable[str]) -> str:
    match = suggest(word, candidates)
    return f" — maksud Anda '{match}'?" if match else ""


# --- pass 1: one file against the schema -------------------------------------------------


def _unwrap(annotation: Any) -> Any:
    """Strip Optional, Annotated and containers down to the model or enum at one path step."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
        else:
            return annotation


def _annotation_at(root: Any, path: Path_) -> Any:
    """The type expected at ``path`` inside ``root`` (a model class or container type)."""
    annotation = root
    for step in path:
        annotation = _unwrap(annotation)
        origin = typing.get_origin(annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            field = annotation.model_fields.get(str(step))
            if field is None:
                return None
            annotation = field.annotation
        elif origin is list:
            annotation = typing.get_args(annotation)[0]
        elif origin is dict:
            annotation = typing.get_args(annotation)[1]
        else:
            return None
    return _unwrap(annotation)


def _fields_at(root: Any, path: Path_) -> list[str]:
    annotation = _annotation_at(root, path)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return list(annotation.model_fields)
    return []


def _shown(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _message(root: Any, error: Any, written: str | None) -> str:
    kind = error["type"]
    loc = tuple(error["loc"])
    value = error.get("input")
    name = str(loc[-1]) if loc else ""
    if kind == "missing":
        return f"kolom wajib '{name}' belum diisi. Tambahkan baris '{name}: …'"
    if kind == "extra_forbidden":
        known = _fields_at(root, loc[:-1])
        match = suggest(name, known)
        if match:
            return f"kolom '{name}' tidak dikenal — maksud Anda '{match}'?"
        return f"kolom '{name}' tidak dikenal. Kolom yang dikenal: {', '.join(known)}"
    if value is None:
        return "belum diisi. Tulis nilainya setelah titik dua, atau hapus kolomnya"
    if kind == "enum":
        expected = _annotation_at(root, loc)
        options = (
            [m.value for m in expected]
            if isinstance(expected, type) and issubclass(expected, Enum)
            else []
        )
        hint = _did_you_mean(str(value), options) or "."
        return f"nilai '{_shown(value)}' tidak dikenal{hint} Pilihan: {', '.join(options)}"
    if kind == "string_type":
        if isinstance(value, bool | int | float):
            shown = _shown(written if written is not None else value)
            return f'harus berupa teks, bukan angka atau ya/tidak. Apit nilainya dengan tanda kutip: "{shown}"'
        return "harus berupa teks, bukan daftar atau kumpulan kolom"
    if kind == "list_type":
        return "harus berupa daftar: tulis setiap butir pada baris sendiri, diawali '- '"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        if not loc:
            return "berkas harus berisi kolom-kolom (baris 'nama_kolom: nilai'), bukan daftar atau teks"
        return "harus berupa kumpulan kolom (baris 'nama_kolom: nilai' yang menjorok ke dalam)"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"harus berupa bilangan bulat, bukan '{_shown(value)}'"
    if kind in ("greater_than_equal", "less_than_equal"):
        low = _annotation_bounds(error)
        return f"angka {_shown(value)} di luar rentang yang sah{low}"
    if kind.startswith("date"):
        return f"'{_shown(value)}' bukan tanggal yang sah. Tulis dengan bentuk TTTT-BB-HH, mis. 2023-12-11"
    if kind in (
        "teks_kosong",
        "id_tidak_valid",
        "url_tidak_valid",
        "url_berbahaya",
        "kutipan_kosong",
        "kode_tidak_valid",
    ):
        return str(error["msg"])
    return f"nilai tidak sah ({error['msg']})"


def _annotation_bounds(error: Any) -> str:
    context = error.get("ctx") or {}
    if "ge" in context:
        return f" (paling kecil {context['ge']})"
    if "le" in context:
        return f" (paling besar {context['le']})"
    return ""


def _schema_problems(document: RawDocument, root: Any, error: ValidationError) -> Iterator[Problem]:
    for item in error.errors():
        loc = tuple(item["loc"])
        if loc in document.unreadable:
            continue
        if item["type"] == "missing":
            position = document.locate(loc[:-1])
        elif item["type"] == "extra_forbidden":
            position = document.locate(loc)
        else:
            position = document.locate_value(loc)
        message = _message(root, item, document.written.get(loc))
        yield Problem(document.path, position.line, position.column, dotted(loc), message)


def _validate_file(
    document: RawDocument, adapter: TypeAdapter[Any], root: Any
) -> tuple[Any, list[Problem]]:
    try:
        return adapter.validate_python(document.data), []
    except ValidationError as error:
        return None, list(_schema_problems(document, root, error))


# --- pass 2: files against each other ---------------------------------------------------


class _CrossCheck:
    """Cross-file rules; collects problems with the position of the offending value."""

    def __init__(
        self,
        sources: dict[str, Source],
        units: list[tuple[Unit, RawDocument]],
        regulations: list[tuple[Regulation, RawDocument]],
        invalid: Known,
        regions: list[tuple[Province, RawDocument]] | None = None,
        templates: list[tuple[StandardStructure, RawDocument]] | None = None,
    ) -> None:
        self.sources = sources
        self.units = units
        self.regulations = regulations
        self.regions = regions or []
        self.structures = templates or []
        self.problems: list[Problem] = []
        # Records that failed the schema still exist: references to them are not reported twice.
        self.unit_ids = {u.id for u, _ in units} | invalid.units
        self.regulation_ids = {r.id for r, _ in regulations} | invalid.regulations
        self.source_ids = set(sources) | invalid.sources

    def add(
        self,
        document: RawDocument,
        path: Path_,
        message: str,
        severity: Severity = Severity.ERROR,
        at: Path_ | None = None,
    ) -> None:
        position = document.locate_value(at or path)
        self.problems.append(
            Problem(document.path, position.line, position.column, dotted(path), message, severity)
        )

    def run(self) -> list[Problem]:
        self.file_names()
        self.modelines()
        self.duplicates()
        by_id = {u.id: (u, d) for u, d in self.units}
        for unit, document in self.units:
            self.unit_references(unit, document, by_id)
            self.record_references(unit, document)
            self.confidence_keys(unit, document)
            self.unit_warnings(unit, document)
        self.cycles(by_id)
        self.single_root()
        for regulation, document in self.regulations:
            for i, relation in enumerate(regulation.hubungan):
                self.regulation_ref(document, ("hubungan", i, "peraturan"), relation.peraturan)
                if relation.peraturan == regulation.id:
                    self.add(
                        document,
                        ("hubungan", i, "peraturan"),
                        "peraturan tidak dapat merujuk dirinya sendiri",
                    )
            self.record_references(regulation, document)
            self.confidence_keys(regulation, document)
        by_level = self.template_levels()
        for template, document in self.structures:
            self.template(template, document)
        self.region_codes()
        for region, document in self.regions:
            self.region(region, document, by_level)
        return self.problems

    def file_names(self) -> None:
        for record, document in [*self.units, *self.regulations, *self.regions, *self.structures]:
            stem = PurePosixPath(document.path).stem
            if record.id != stem:
                self.add(
                    document,
                    ("id",),
                    f"id '{record.id}' tidak sama dengan nama berkas '{stem}.yml'. Samakan keduanya "
                    "(ganti nama berkas, atau perbaiki id)",
                )

    def modelines(self) -> None:
        expected = [
            *((d, "../../schema/unit.schema.json") for _, d in self.units),
            *((d, "../../schema/peraturan.schema.json") for _, d in self.regulations),
            *((d, "../../schema/wilayah.schema.json") for _, d in self.regions),
            *((d, "../../schema/templat.schema.json") for _, d in self.structures),
        ]
        for document, schema in expected:
            if document.modeline != schema:
                self.problems.append(
                    Problem(
                        document.path,
                        1,
                        1,
                        "",
                        "baris pertama sebaiknya '# yaml-language-server: $schema="
                        f"{schema}' agar editor dapat memeriksa dan melengkapi kolom saat Anda mengetik",
                        Severity.WARNING,
                    )
                )

    def duplicates(self) -> None:
        for records in (self.units, self.regulations, self.regions, self.structures):
            first: dict[str, RawDocument] = {}
            for record, document in records:
                if record.id in first:
                    self.add(
                        document,
                        ("id",),
                        f"id '{record.id}' sudah dipakai di {first[record.id].path}. Setiap id harus unik",
                    )
                else:
                    first[record.id] = document

    def unit_ref(self, document: RawDocument, path: Path_, target: str) -> bool:
        if target in self.unit_ids:
            return True
        self.add(
            document, path, f"unit '{target}' tidak ditemukan{_did_you_mean(target, self.unit_ids)}"
        )
        return False

    def regulation_ref(self, document: RawDocument, path: Path_, target: str) -> None:
        if target not in self.regulation_ids:
            self.add(
                document,
                path,
                f"peraturan '{target}' tidak ditemukan{_did_you_mean(target, self.regulation_ids)}",
            )

    def unit_references(
        self, unit: Unit, document: RawDocument, by_id: dict[str, tuple[Unit, RawDocument]]
    ) -> None:
        active = unit.status is UnitStatus.ACTIVE
        root_kind = unit.jenis is UnitKind.SECRETARIAT_GENERAL
        if unit.induk is None:
            if active and not root_kind:
                self.add(
                    document,
                    ("induk",),
                    "unit aktif harus punya 'induk' (id unit atasannya); hanya sekretariat-jenderal yang tidak",
                    at=("jenis",),
                )
        elif root_kind:
            self.add(
                document,
                ("induk",),
                "sekretariat-jenderal adalah puncak struktur dan tidak punya induk",
            )
        elif unit.induk == unit.id:
            self.add(document, ("induk",), "unit tidak dapat menjadi induk dirinya sendiri")
        elif self.unit_ref(document, ("induk",), unit.induk) and unit.induk in by_id:
            parent = by_id[unit.induk][0]
            allowed = ALLOWED_PARENTS[unit.jenis]
            if parent.jenis not in allowed:
                choices = ", ".join(sorted(k.value for k in allowed)) or "tidak ada"
                self.add(
                    document,
                    ("induk",),
                    f"{unit.jenis.value} tidak dapat berada di bawah {parent.jenis.value} "
                    f"('{parent.id}'). Induk yang sah untuk {unit.jenis.value}: {choices}",
                )
            if active and parent.status is UnitStatus.DISSOLVED:
                self.add(
                    document,
                    ("induk",),
                    f"unit aktif tidak dapat berada di bawah unit yang sudah dibubarkan ('{parent.id}')",
                )
        if unit.digantikan_oleh and active:
            self.add(
                document,
                ("digantikan_oleh",),
                "hanya unit berstatus 'dibubarkan' yang dapat digantikan; ubah status atau hapus kolom ini",
            )
        for i, successor in enumerate(unit.digantikan_oleh):
            if successor == unit.id:
                self.add(
                    document,
                    ("digantikan_oleh", i),
                    "unit tidak dapat digantikan oleh dirinya sendiri",
                )
            else:
                self.unit_ref(document, ("digantikan_oleh", i), successor)

    def record_references(
        self,
        record: Unit | Regulation | StandardStructure,
        document: RawDocument,
        prefix: Path_ = (),
    ) -> None:
        self.source_refs(record.sumber, document, prefix)
        if isinstance(record, Unit | StandardStructure):
            for i, basis in enumerate(record.dasar_hukum):
                self.regulation_ref(
                    document, (*prefix, "dasar_hukum", i, "peraturan"), basis.peraturan
                )
            for i, provision in enumerate(record.ketentuan):
                self.regulation_ref(
                    document, (*prefix, "ketentuan", i, "peraturan"), provision.peraturan
                )

    def source_refs(self, sources: list[str], document: RawDocument, prefix: Path_ = ()) -> None:
        for i, source in enumerate(sources):
            if source not in self.source_ids:
                self.add(
                    document,
                    (*prefix, "sumber", i),
                    f"sumber '{source}' tidak ada di content/sumber.yml{_did_you_mean(source, self.source_ids)}",
                )

    def confidence_keys(
        self,
        record: Unit | Regulation | StandardStructure,
        document: RawDocument,
        prefix: Path_ = (),
    ) -> None:
        fields = [
            f
            for f in type(record).model_fields
            if f not in ("id", "keyakinan", "rincian_keyakinan")
        ]
        for key in record.rincian_keyakinan:
            path = (*prefix, "rincian_keyakinan", key)
            if key not in fields:
                self.add(document, path, f"kolom '{key}' tidak dikenal{_did_you_mean(key, fields)}")
            elif getattr(record, key) in (None, [], {}):
                self.add(
                    document,
                    path,
                    f"kolom '{key}' tidak diisi, jadi keyakinannya tidak dapat dirinci",
                )

    def unit_warnings(self, unit: Unit, document: RawDocument) -> None:
        if not unit.sumber:
            self.add(
                document,
                ("id",),
                "unit ini belum punya sumber. Tambahkan 'sumber:' dengan id dari content/sumber.yml",
                Severity.WARNING,
            )
        has_article = any(b.pasal for b in unit.dasar_hukum) or bool(unit.ketentuan)
        if unit.keyakinan is Confidence.VERIFIED and not has_article:
            self.add(
                document,
                ("keyakinan",),
                "unit ditandai terverifikasi tetapi belum ada pasal peraturan yang dirujuk",
                Severity.WARNING,
            )
        if unit.status is UnitStatus.ACTIVE and not any(
            p.topik is Topic.DUTIES for p in unit.ketentuan
        ):
            self.add(document, ("id",), "rumusan tugas unit ini belum ada", Severity.WARNING)
        if unit.status is UnitStatus.DISSOLVED and not unit.digantikan_oleh:
            self.add(
                document,
                ("status",),
                "unit yang dibubarkan sebaiknya menyebut penggantinya di 'digantikan_oleh'",
                Severity.WARNING,
            )

    def template_levels(self) -> dict[Level, StandardStructure]:
        """One template per level; regions need both."""
        by_level: dict[Level, StandardStructure] = {}
        for template, document in self.structures:
            if template.tingkat in by_level:
                self.add(
                    document,
                    ("tingkat",),
                    f"sudah ada templat untuk tingkat {template.tingkat.value} "
                    f"('{by_level[template.tingkat].id}'); setiap tingkat hanya punya satu templat",
                )
            else:
                by_level[template.tingkat] = template
        if self.regions:
            for level in Level:
                if level not in by_level:
                    document = self.regions[0][1]
                    self.problems.append(
                        Problem(
                            PurePosixPath(document.path).parent.parent.as_posix() + "/templat",
                            1,
                            1,
                            "",
                            f"belum ada templat untuk tingkat {level.value}; sekretariat daerah dibuat dari templat",
                        )
                    )
        return by_level

    def sub_units(
        self,
        units: list[Unit],
        document: RawDocument,
        prefix: Path_,
        top: UnitKind,
        known: set[str],
    ) -> None:
        """Sub-units of a template or region: parents and successors are ids within the same list."""
        ids = {u.id for u in units} | known
        seen: set[str] = set(known)
        for i, unit in enumerate(units):
            here = (*prefix, i)
            if unit.id in seen:
                self.add(
                    document,
                    (*here, "id"),
                    f"id sub-unit '{unit.id}' sudah dipakai; setiap id harus unik",
                )
            seen.add(unit.id)
            parent_kind = top
            if unit.induk is not None:
                parent = next((u for u in units if u.id == unit.induk), None)
                if parent is None:
                    self.add(
                        document,
                        (*here, "induk"),
                        f"sub-unit '{unit.induk}' tidak ada di daftar ini{_did_you_mean(unit.induk, ids)}",
                    )
                    continue
                parent_kind = parent.jenis
            if parent_kind not in ALLOWED_PARENTS[unit.jenis]:
                self.add(
                    document,
                    (*here, "jenis"),
                    f"{unit.jenis.value} tidak dapat berada di bawah {parent_kind.value}",
                )
            for j, successor in enumerate(unit.digantikan_oleh):
                if successor not in ids:
                    self.add(
                        document,
                        (*here, "digantikan_oleh", j),
                        f"sub-unit '{successor}' tidak ada di daftar ini{_did_you_mean(successor, ids)}",
                    )
            if unit.digantikan_oleh and unit.status is UnitStatus.ACTIVE:
                self.add(
                    document,
                    (*here, "digantikan_oleh"),
                    "hanya unit berstatus 'dibubarkan' yang dapat digantikan; ubah status atau hapus kolom ini",
                )
            self.record_references(unit, document, here)
            self.confidence_keys(unit, document, here)

    def template(self, template: StandardStructure, document: RawDocument) -> None:
        top = (
            UnitKind.PROVINCIAL_SECRETARIAT
            if template.tingkat is Level.PROVINCE
            else UnitKind.REGENCY_SECRETARIAT
        )
        self.sub_units(template.sub_unit, document, ("sub_unit",), top, set())
        self.record_references(template, document)
        self.confidence_keys(template, document)

    def region_codes(self) -> None:
        """Kemendagri codes are unique, and a kabupaten/kota's code starts with its province's."""
        seen: dict[str, str] = {}
        for region, document in self.regions:
            entries = [
                (("kode",), region.kode),
                *(
                    (("kabupaten_kota", i, "kode"), r.kode)
                    for i, r in enumerate(region.kabupaten_kota)
                ),
            ]
            for path, code in entries:
                if code in seen:
                    self.add(
                        document,
                        path,
                        f"kode '{code}' sudah dipakai di {seen[code]}; setiap kode harus unik",
                    )
                else:
                    seen[code] = document.path
            for i, regency in enumerate(region.kabupaten_kota):
                if not regency.kode.startswith(region.kode + "."):
                    self.add(
                        document,
                        ("kabupaten_kota", i, "kode"),
                        f"kode '{regency.kode}' tidak diawali kode provinsinya '{region.kode}.'",
                    )

    def region(
        self, region: Province, document: RawDocument, by_level: dict[Level, StandardStructure]
    ) -> None:
        names: dict[str, int] = {}
        for i, regency in enumerate(region.kabupaten_kota):
            if not regency.nama.startswith(("Kabupaten ", "Kota ")):
                self.add(
                    document,
                    ("kabupaten_kota", i, "nama"),
                    f"nama '{regency.nama}' harus diawali 'Kabupaten' atau 'Kota', seperti dalam daftar Kemendagri",
                )
            key = slug(regency.nama)
            if key in names:
                self.add(
                    document,
                    ("kabupaten_kota", i, "nama"),
                    f"nama '{regency.nama}' sudah dipakai di butir kabupaten_kota[{names[key]}]",
                )
            names[key] = i
        for level, record, prefix in [
            (Level.PROVINCE, region, ()),
            *(
                (Level.REGENCY, r, ("kabupaten_kota", i))
                for i, r in enumerate(region.kabupaten_kota)
            ),
        ]:
            template = by_level.get(level)
            template_ids = {u.id for u in template.sub_unit} if template else set()
            for j, removed in enumerate(record.sub_unit_dihapus):
                if template and removed not in template_ids:
                    self.add(
                        document,
                        (*prefix, "sub_unit_dihapus", j),
                        f"templat '{template.id}' tidak punya sub-unit '{removed}'{_did_you_mean(removed, template_ids)}",
                    )
            top = (
                UnitKind.PROVINCIAL_SECRETARIAT
                if level is Level.PROVINCE
                else UnitKind.REGENCY_SECRETARIAT
            )
            kept = template_ids - set(record.sub_unit_dihapus)
            self.sub_units(
                record.sub_unit_tambahan, document, (*prefix, "sub_unit_tambahan"), top, kept
            )
            self.source_refs(record.sumber, document, prefix)

    def single_root(self) -> None:
        """The tree has exactly one top: the active Sekretariat Jenderal."""
        roots = [
            (u, d)
            for u, d in self.units
            if u.jenis is UnitKind.SECRETARIAT_GENERAL and u.status is UnitStatus.ACTIVE
        ]
        if not roots and self.units:
            self.problems.append(
                Problem(
                    PurePosixPath(self.units[0][1].path).parent.as_posix(),
                    1,
                    1,
                    "",
                    "tidak ada unit aktif berjenis sekretariat-jenderal; struktur harus punya satu puncak",
                )
            )
        if len(roots) > 1:
            names = ", ".join(u.id for u, _ in roots)
            for _, document in roots:
                self.add(
                    document,
                    ("jenis",),
                    f"ada {len(roots)} sekretariat-jenderal yang aktif ({names}); struktur hanya boleh punya "
                    "satu puncak. Ubah jenis salah satunya, atau ubah statusnya menjadi 'dibubarkan'",
                )

    def cycles(self, by_id: dict[str, tuple[Unit, RawDocument]]) -> None:
        reported: set[str] = set()
        for start in sorted(by_id):
            seen: list[str] = []
            current: str | None = start
            while current is not None and current in by_id and current not in seen:
                seen.append(current)
                current = by_id[current][0].induk
            if current is None or current not in seen:
                continue
            loop = seen[seen.index(current) :]
            if reported.intersection(loop):
                continue
            reported.update(loop)
            first = loop.index(min(loop))
            loop = loop[first:] + loop[:first]  # start at the same unit however the walk began
            chain = " → ".join([*loop, loop[0]])
            document = by_id[loop[0]][1]
            self.add(
                document,
                ("induk",),
                f"rantai induk berputar: {chain}. Salah satu unit harus punya induk lain",
            )


@dataclass
class Known:
    """Ids of records that exist but failed the schema."""

    units: set[str] = field(default_factory=set)
    regulations: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)


def _raw_id(document: RawDocument) -> str | None:
    data = document.data
    return data.get("id") if isinstance(data, dict) and isinstance(data.get("id"), str) else None


def _validate_sources(
    document: RawDocument, problems: list[Problem], known: Known
) -> dict[str, Source]:
    """Each source on its own, so one bad entry does not hide all the others."""
    if not isinstance(document.data, dict):
        _, found = _validate_file(document, _SOURCES, dict[str, Source])
        problems.extend(found)
        return {}
    sources = {}
    for key, value in document.data.items():
        entry = RawDocument(
            document.path, {key: value}, document.values, document.keys, document.written
        )
        parsed, found = _validate_file(entry, _SOURCES, dict[str, Source])
        problems.extend(found)
        if parsed:
            sources.update(parsed)
        else:
            known.sources.add(key)
    return sources


def check(loaded: LoadedContent) -> Checked:
    """Validate every parsed file, then the files together."""
    problems = list(loaded.problems)
    known = Known()
    sources = _validate_sources(loaded.sources, problems, known) if loaded.sources else {}
    units = _validate_all(loaded.units, Unit, problems, known.units)
    regulations = _validate_all(loaded.regulations, Regulation, problems, known.regulations)
    regions = _validate_all(loaded.regions, Province, problems, set())
    templates = _validate_all(loaded.structures, StandardStructure, problems, set())
    if not units and not known.units and not any(p.severity is Severity.ERROR for p in problems):
        problems.append(
            Problem("content/unit", 1, 1, "", "belum ada unit satu pun; tambahkan berkas unit")
        )
    problems.extend(_CrossCheck(sources, units, regulations, known, regions, templates).run())
    problems.extend(former_address_problems(units, known.units, regions, templates))
    problems.sort()
    has_errors = any(p.severity is Severity.ERROR for p in problems)
    records = None
    if not has_errors:
        records = Records(
            sources,
            tuple(u for u, _ in units),
            tuple(r for r, _ in regulations),
            tuple(r for r, _ in regions),
            tuple(t for t, _ in templates),
        )
    return Checked(records, problems)


def _validate_all(
    documents: list[RawDocument], model: type[M], problems: list[Problem], invalid_ids: set[str]
) -> list[tuple[M, RawDocument]]:
    adapter = TypeAdapter(model)
    valid = []
    for document in documents:
        record, found = _validate_file(document, adapter, model)
        problems.extend(found)
        if record is not None:
            valid.append((record, document))
        elif (raw_id := _raw_id(document)) is not None:
            invalid_ids.add(raw_id)
    return valid
