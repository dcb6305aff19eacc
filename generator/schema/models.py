"""The content schema: one definition of every field, its type and its meaning for editors.

The pydantic models are the single source of truth: the generator validates with them, and
their Indonesian descriptions document each field for editors.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Self
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    Strict,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from generator.messages import message
from generator.schema.dates import PartialDateField

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _text(value: str) -> str:
    stripped = value.strip()
    if not stripped:
        raise PydanticCustomError("teks-kosong", message("teks-kosong"))
    return stripped


def _slug(value: str) -> str:
    if not SLUG.match(value):
        raise PydanticCustomError("id-tidak-valid", message("id-tidak-valid", value=value))
    return value


def _url(value: str) -> str:
    parts = urlsplit(value.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or " " in value.strip():
        if parts.scheme.lower() in ("javascript", "data", "vbscript"):
            scheme = parts.scheme.lower()
            raise PydanticCustomError("url-berbahaya", message("url-berbahaya", scheme=scheme))
        raise PydanticCustomError("url-tidak-valid", message("url-tidak-valid", value=value))
    return value.strip()


# The JSON Schema says what the validators check, so editors' tools refuse the same values.
Text = Annotated[
    str, Strict(), AfterValidator(_text), WithJsonSchema({"type": "string", "pattern": r"\S"})
]
Slug = Annotated[
    str,
    Strict(),
    AfterValidator(_slug),
    WithJsonSchema({"type": "string", "pattern": SLUG.pattern}),
]
Url = Annotated[
    str,
    Strict(),
    AfterValidator(_url),
    WithJsonSchema(
        {"type": "string", "pattern": r"^\s*[hH][tT][tT][pP][sS]?://[^\s/?#]+[^\s]*\s*$"}
    ),
]
Number = Annotated[int, Strict(), Field(ge=1)]
Year = Annotated[int, Strict(), Field(ge=1945, le=2100)]


class Confidence(StrEnum):
    """Tingkat keyakinan: terverifikasi, sumber-sekunder, inferensi, atau perlu-verifikasi."""

    VERIFIED = "terverifikasi"
    SECONDARY = "sumber-sekunder"
    INFERRED = "inferensi"
    UNVERIFIED = "perlu-verifikasi"


class UnitKind(StrEnum):
    """Jenis unit organisasi."""

    SECRETARIAT_GENERAL = "sekretariat-jenderal"
    DEPUTY = "deputi"
    PRINCIPAL_INSPECTORATE = "inspektorat-utama"
    BUREAU = "biro"
    CENTRE = "pusat"
    REGIONAL_INSPECTORATE = "inspektorat-wilayah"
    DIVISION = "bagian"
    SUBDIVISION = "subbagian"
    PROVINCIAL_SECRETARIAT = "sekretariat-provinsi"
    REGENCY_SECRETARIAT = "sekretariat-kabupaten-kota"


class UnitStatus(StrEnum):
    """Status unit: aktif, atau dibubarkan untuk unit terdahulu."""

    ACTIVE = "aktif"
    DISSOLVED = "dibubarkan"


class Position(StrEnum):
    """Jenjang jabatan pimpinan unit."""

    JPT_MADYA = "jpt-madya"
    JPT_PRATAMA = "jpt-pratama"
    ADMINISTRATOR = "administrator"
    SUPERVISOR = "pengawas"


class Echelon(StrEnum):
    """Eselon pimpinan unit."""

    IA = "I.a"
    IB = "I.b"
    IIA = "II.a"
    IIB = "II.b"
    IIIA = "III.a"
    IIIB = "III.b"
    IVA = "IV.a"
    IVB = "IV.b"


class AliasKind(StrEnum):
    """Jenis nama lain: singkatan, nama-lain, informal, ejaan-lain, nama-lama, jabatan (sebutan jabatan pimpinan unit, mis. 'Sekjen' untuk Sekretaris Jenderal), atau nama-inggris (nama unit dalam bahasa Inggris)."""

    ABBREVIATION = "singkatan"
    OTHER = "nama-lain"
    INFORMAL = "informal"
    SPELLING = "ejaan-lain"
    FORMER = "nama-lama"
    POST = "jabatan"
    ENGLISH = "nama-inggris"


class Topic(StrEnum):
    """Isi ketentuan yang dikutip."""

    STANDING = "kedudukan"
    COMPOSITION = "susunan"
    DUTIES = "tugas"
    FUNCTIONS = "fungsi"
    POWERS = "wewenang"
    OBLIGATIONS = "kewajiban"
    RESPONSIBILITY = "tanggung-jawab"


class RegulationKind(StrEnum):
    """Jenis peraturan."""

    LAW = "undang-undang"
    PERPPU = "perppu"
    PERPRES = "perpres"
    PKPU = "pkpu"


class RegulationStatus(StrEnum):
    """Status peraturan."""

    IN_FORCE = "berlaku"
    REVOKED = "dicabut"


class RelationKind(StrEnum):
    """Jenis hubungan dengan peraturan lain."""

    AMENDS = "mengubah"
    ENACTS = "menetapkan"
    IMPLEMENTS = "melaksanakan"
    REVOKES = "mencabut"


class SourceKind(StrEnum):
    """Jenis sumber: primer (teks peraturan atau dokumen resmi) atau sekunder."""

    PRIMARY = "primer"
    SECONDARY = "sekunder"


class OfficeHolderStatus(StrEnum):
    """Status pejabat: definitif, plt (pelaksana tugas), atau plh (pelaksana harian)."""

    DEFINITIVE = "definitif"
    ACTING = "plt"
    DAILY = "plh"


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


def _cited(code: str) -> AfterValidator:
    """A list of source ids that must not be empty, refused with message ``code``."""

    def check(value: list[str]) -> list[str]:
        if not value:
            raise PydanticCustomError(code, message(code))
        return value

    return AfterValidator(check)


def _required(*names: str) -> Any:
    """JSON Schema: ``names`` are required, though the model gives them a default so that a
    missing value gets the field's own message (not the generic 'kolom wajib')."""

    def extra(schema: dict[str, Any]) -> None:
        schema["required"] = [*schema.get("required", []), *names]
        for name in names:
            schema["properties"][name].pop("default", None)

    return extra


class Source(_Record):
    """Satu sumber yang dirujuk unit atau peraturan."""

    judul: Text
    """Judul sumber, seperti tertulis pada sumbernya."""
    url: Url | None = None
    """Alamat web sumber (diawali https://). Kosongkan bila tidak ada salinan daring."""
    jenis: SourceKind
    """'primer' untuk teks peraturan atau dokumen resmi; 'sekunder' untuk berita, blog, buku, aplikasi."""
    penerbit: Text | None = None
    """Siapa yang menerbitkan sumber ini, sebagaimana pembaca menyebutnya, mis. 'JPNN.com' atau 'KPU Kabupaten Kediri'."""
    tanggal: PartialDateField | None = None
    """Tanggal yang tertulis pada sumbernya: TTTT-BB-HH, TTTT-BB, atau TTTT (mis. 2025-10-27, 2025-10, atau 2025). Wajib bagi sumber yang dirujuk 'gambaran', 'pejabat', atau 'situs_sumber'."""
    catatan: Text | None = None
    """Keterangan singkat tentang isi atau keandalan sumber; bila 'url' kosong, di mana sumber ini dibaca."""


class Alias(_Record):
    """Nama lain yang dipakai orang untuk sebuah unit."""

    nama: Text
    """Nama lain itu, persis seperti dipakai orang (mis. 'Biro TI')."""
    jenis: AliasKind
    """singkatan, nama-lain, informal, ejaan-lain, nama-lama, atau jabatan: sebutan jabatan pimpinan unit yang dipakai orang untuk mencari unitnya, mis. 'Sekjen' (Sekretaris Jenderal) untuk Sekretariat Jenderal; itu bukan singkatan nama unit."""
    catatan: Text | None = None
    """Keterangan, mis. dari mana sebutan ini berasal."""


class LegalBasis(_Record):
    """Satu dasar hukum sebuah unit."""

    peraturan: Slug
    """Id peraturan (nama berkasnya di content/peraturan/, tanpa .yml)."""
    pasal: Text | None = None
    """Pasal yang mengatur unit ini, bila diketahui (mis. 'Pasal 79')."""
    keyakinan: Confidence | None = None
    """Seberapa yakin bahwa peraturan ini dasar hukum unit ini, bila berbeda dari keyakinan unit."""
    catatan: Text | None = None
    """Keterangan tentang dasar hukum ini."""


class Provision(_Record):
    """Kutipan ketentuan peraturan, kata demi kata, beserta pasalnya."""

    model_config = ConfigDict(
        json_schema_extra={"anyOf": [{"required": ["teks"]}, {"required": ["butir"]}]}
    )

    topik: Topic
    """Isi ketentuan: kedudukan, susunan, tugas, fungsi, wewenang, kewajiban, atau tanggung-jawab."""
    peraturan: Slug
    """Id peraturan yang dikutip."""
    pasal: Text
    """Pasal (dan ayat) yang dikutip, mis. 'Pasal 86 ayat (1)'."""
    teks: Text | None = None
    """Kalimat ketentuan, atau kalimat pembuka sebelum butir-butirnya."""
    butir: list[Text] = []
    """Butir-butir ketentuan, masing-masing dengan hurufnya (mis. 'a. membantu …')."""
    keyakinan: Confidence | None = None
    """Seberapa yakin atas kutipan ini, bila berbeda dari keyakinan unit atau templatnya (mis. 'sumber-sekunder' bila kutipan diambil dari sumber sekunder, bukan dari teks peraturannya)."""
    sumber: list[Slug] = []
    """Id sumber (dari content/sumber.yml) tempat kutipan ini dibaca, bila bukan teks peraturannya sendiri."""
    catatan: Text | None = None
    """Keterangan tentang kutipan ini, mis. kata yang bersandar pada hasil OCR atau butir yang terpotong."""

    @model_validator(mode="after")
    def _has_text(self) -> Self:
        if self.teks is None and not self.butir:
            raise PydanticCustomError("kutipan-kosong", message("kutipan-kosong"))
        return self


class ConfidenceDetail(_Record):
    """Keyakinan atas satu kolom yang berbeda dari keyakinan unit secara keseluruhan."""

    keyakinan: Confidence
    """terverifikasi, sumber-sekunder, inferensi, atau perlu-verifikasi."""
    alasan: Text
    """Mengapa fakta ini disimpulkan atau belum pasti."""


class Overview(_Record):
    """Satu pernyataan tentang apa yang dikerjakan unit menurut sumber publik — bukan rumusan peraturan."""

    model_config = ConfigDict(json_schema_extra=_required("sumber"))

    teks: Text
    """Satu pernyataan singkat dengan kata-kata sendiri (sekitar 40 kata; jangan menyalin kalimat sumber), mis. 'Menyusun rencana kebutuhan logistik pemilu.'"""
    sumber: Annotated[
        list[Slug], _cited("gambaran-tanpa-sumber"), Field(json_schema_extra={"minItems": 1})
    ] = Field(default=[], validate_default=True)
    """Id sumber (dari content/sumber.yml) yang menyatakan hal ini; paling sedikit satu, masing-masing dengan 'tanggal'."""
    keyakinan: Confidence = Confidence.SECONDARY
    """Biasanya 'sumber-sekunder'. Tulis 'inferensi' bila sumbernya tidak menyebut unit ini secara langsung, dan jelaskan di 'catatan'."""
    catatan: Text | None = None
    """Keterangan tentang pernyataan ini, mis. mengapa sumbernya dianggap menyangkut unit ini."""


class OfficeHolder(_Record):
    """Seorang pejabat unit, sebagaimana disebut sumber publik yang bertanggal."""

    model_config = ConfigDict(json_schema_extra=_required("sumber"))

    nama: Text
    """Nama pejabat, persis seperti ditulis sumbernya."""
    jabatan: Text
    """Jabatan seperti ditulis sumbernya, mis. 'Kepala Biro Logistik'. Butir dengan jabatan yang sama dianggap jabatan yang sama."""
    status: OfficeHolderStatus
    """'definitif', 'plt' (pelaksana tugas), atau 'plh' (pelaksana harian), menurut sumbernya."""
    tanggal: PartialDateField
    """Tanggal yang disebut sumbernya untuk orang ini pada jabatan ini: TTTT-BB-HH, TTTT-BB, atau TTTT."""
    sumber: Annotated[
        list[Slug], _cited("pejabat-tanpa-sumber"), Field(json_schema_extra={"minItems": 1})
    ] = Field(default=[], validate_default=True)
    """Id sumber (dari content/sumber.yml) yang menyebut orang ini pada jabatan ini; paling sedikit satu, masing-masing dengan 'tanggal'."""
    keyakinan: Confidence = Confidence.SECONDARY
    """Biasanya 'sumber-sekunder'."""
    catatan: Text | None = None
    """Keterangan, mis. sejak kapan menjabat bila sumbernya menyebut."""


def post_key(title: str) -> str:
    """Entries name one post when their titles match, whatever their case or spacing.

    >>> post_key("Kepala  Biro Logistik") == post_key("kepala biro logistik")
    True
    """
    return " ".join(unicodedata.normalize("NFKC", title).casefold().split())


def newest_per_post(holders: Sequence[OfficeHolder]) -> dict[str, int]:
    """For each post, the index of its newest entry (the first of equally dated ones)."""
    newest: dict[str, int] = {}
    for n, holder in enumerate(holders):
        key = post_key(holder.jabatan)
        if key not in newest or holders[newest[key]].tanggal < holder.tanggal:
            newest[key] = n
    return newest


class Unit(_Record):
    """Satu unit organisasi (satu berkas di content/unit/)."""

    id: Slug
    """Id tetap unit: huruf kecil dan tanda hubung, sama dengan nama berkasnya. Jangan diubah."""
    id_lama: list[Slug] = []
    """Id yang dulu dipakai unit ini. Bila id (dan nama berkas) diganti, tulis id lama di sini agar alamat halaman lamanya tetap membuka halaman unit ini, mis. [biro-umum]."""
    nama: Text
    """Nama resmi unit, persis seperti dalam peraturan atau keputusan."""
    singkatan: Text | None = None
    """Singkatan resmi atau yang lazim, mis. 'Pusdatin'."""
    jenis: UnitKind
    """Jenis unit: sekretariat-jenderal, deputi, inspektorat-utama, biro, pusat, inspektorat-wilayah, bagian, subbagian (sekretariat daerah dibuat dari content/wilayah/)."""
    status: UnitStatus = UnitStatus.ACTIVE
    """'aktif' untuk unit yang ada sekarang; 'dibubarkan' untuk unit terdahulu."""
    periode: Text | None = None
    """Masa keberadaan unit terdahulu, mis. '2020–2023'."""
    induk: Slug | None = None
    """Id unit atasan langsung. Hanya Sekretariat Jenderal yang tidak punya induk. Dalam templat, id sub-unit lain di templat itu, atau kosong bila langsung di bawah sekretariat."""
    digantikan_oleh: list[Slug] = []
    """Untuk unit terdahulu: id unit yang menggantikannya."""
    kepala: Text | None = None
    """Sebutan jabatan pimpinan unit, mis. 'Kepala Biro Keuangan'."""
    jabatan: Position | None = None
    """Jenjang jabatan pimpinan unit: jpt-madya, jpt-pratama, administrator, atau pengawas."""
    eselon: Echelon | None = None
    """Eselon pimpinan unit, mis. 'II.a'."""
    kode: Text | None = None
    """Kode unit dalam SK KPU 1257/2024, ditulis dengan tanda kutip, mis. "07"."""
    urutan: Annotated[int, Strict()] | None = None
    """Urutan tampil di antara unit yang seinduk (angka kecil lebih dulu)."""
    alias: list[Alias] = []
    """Nama lain yang dipakai orang untuk unit ini."""
    dasar_hukum: list[LegalBasis] = []
    """Peraturan yang menjadi dasar hukum unit ini."""
    ketentuan: list[Provision] = []
    """Kutipan pasal tentang unit ini: tugas, fungsi, wewenang, dan sebagainya."""
    gambaran: list[Overview] = []
    """Apa yang dikerjakan unit ini menurut sumber publik (berita, situs KPU, pengumuman resmi), dengan kata-kata sendiri; tampil terpisah dari rumusan tugas dan fungsi dalam peraturan."""
    pejabat: list[OfficeHolder] = []
    """Pejabat unit ini yang disebut sumber publik bertanggal, satu butir per orang per sumber; halaman menampilkan yang terbaru lebih dulu."""
    sumber: list[Slug] = []
    """Id sumber (dari content/sumber.yml) yang mendukung keterangan unit ini."""
    keyakinan: Confidence
    """Seberapa yakin kita atas keberadaan dan nama unit ini."""
    rincian_keyakinan: dict[str, ConfidenceDetail] = {}
    """Keyakinan per kolom yang berbeda dari keyakinan unit, mis. induk yang disimpulkan."""
    catatan: Text | None = None
    """Keterangan lain yang perlu diketahui pembaca."""

    @property
    def is_former(self) -> bool:
        """A dissolved unit, kept so that its history and successors stay readable."""
        return self.status is UnitStatus.DISSOLVED

    @property
    def display_order(self) -> tuple[int, str]:
        """Siblings are shown by their ``urutan``, then by name."""
        return (self.urutan if self.urutan is not None else 10_000, self.nama.casefold())

    @property
    def other_names(self) -> tuple[str, ...]:
        """Abbreviation and aliases, once each, without the official name."""
        names = [*([self.singkatan] if self.singkatan else []), *(a.nama for a in self.alias)]
        return tuple(n for n in dict.fromkeys(names) if n != self.nama)


class Relation(_Record):
    """Hubungan sebuah peraturan dengan peraturan lain."""

    jenis: RelationKind
    """mengubah, menetapkan, melaksanakan, atau mencabut."""
    peraturan: Slug
    """Id peraturan yang dituju."""
    pasal: Text | None = None
    """Pasal peraturan yang dituju, mis. 'Pasal 82' untuk peraturan pelaksana."""


class Regulation(_Record):
    """Satu peraturan (satu berkas di content/peraturan/)."""

    id: Slug
    """Id tetap peraturan, sama dengan nama berkasnya, mis. 'pkpu-21-2023'."""
    jenis: RegulationKind
    """undang-undang, perppu, perpres, atau pkpu."""
    nomor: Number
    """Nomor peraturan."""
    tahun: Year
    """Tahun peraturan."""
    tentang: Text
    """Judul peraturan setelah kata 'tentang', persis seperti dalam peraturan."""
    status: RegulationStatus
    """'berlaku' atau 'dicabut'."""
    ditetapkan: date | None = None
    """Tanggal penetapan, dalam bentuk TTTT-BB-HH, mis. 2017-08-15."""
    pengundangan: Text | None = None
    """Lembaran Negara / Berita Negara tempat peraturan diundangkan."""
    alias: list[Text] = []
    """Sebutan lain peraturan ini, mis. 'UU Pemilu'."""
    hubungan: list[Relation] = []
    """Peraturan lain yang diubah, ditetapkan, dilaksanakan, atau dicabut oleh peraturan ini."""
    ringkasan: Text | None = None
    """Ringkasan singkat isi peraturan yang berkaitan dengan Setjen KPU."""
    tautan_resmi: Url | None = None
    """Alamat salinan resmi (mis. JDIH), bila diketahui."""
    sumber: list[Slug] = []
    """Id sumber (dari content/sumber.yml)."""
    keyakinan: Confidence
    """Seberapa yakin kita atas keterangan peraturan ini."""
    rincian_keyakinan: dict[str, ConfidenceDetail] = {}
    """Keyakinan per kolom yang berbeda dari keyakinan peraturan."""
    catatan: Text | None = None
    """Keterangan lain, mis. bagian yang belum dapat dibaca."""

    @property
    def in_force(self) -> bool:
        return self.status is RegulationStatus.IN_FORCE


class Level(StrEnum):
    """Tingkat sekretariat daerah."""

    PROVINCE = "provinsi"
    REGENCY = "kabupaten-kota"


class Body(StrEnum):
    """Lembaga penyelenggara di daerah: KPU, atau Komisi Independen Pemilihan (KIP) di Aceh."""

    KPU = "kpu"
    KIP = "kip"


class SecretariatType(StrEnum):
    """Tipe sekretariat menurut Perpres 105/2018 (A untuk beban kerja besar, B untuk yang ringan)."""

    A = "A"
    B = "B"


REGENCY_CODE = re.compile(r"^\d{2}\.\d{2}$")
PROVINCE_CODE = re.compile(r"^\d{2}$")


def _code_check(pattern: re.Pattern[str], example: str) -> AfterValidator:
    def check(value: str) -> str:
        if not pattern.match(value):
            text = message("kode-tidak-valid", value=value, example=example)
            raise PydanticCustomError("kode-tidak-valid", text)
        return value

    return AfterValidator(check)


ProvinceCode = Annotated[
    str,
    Strict(),
    _code_check(PROVINCE_CODE, "32"),
    WithJsonSchema({"type": "string", "pattern": PROVINCE_CODE.pattern}),
]
RegencyCode = Annotated[
    str,
    Strict(),
    _code_check(REGENCY_CODE, "32.04"),
    WithJsonSchema({"type": "string", "pattern": REGENCY_CODE.pattern}),
]


class _Overrides(_Record):
    """Kolom penyesuaian yang sama bagi provinsi dan kabupaten/kota."""

    situs: Url | None = None
    """Alamat situs resmi KPU/KIP di wilayah ini, bila diketahui."""
    situs_sumber: list[Slug] = []
    """Id sumber bertanggal (dari content/sumber.yml) yang menyatakan alamat di 'situs' sebagai situs resmi KPU/KIP wilayah ini. Dengan sumber ini situsnya bertanda 'sumber-sekunder'; tanpanya, alamat yang hanya diambil dari alamat halaman yang dirujuk bertanda 'inferensi'."""
    tipe: SecretariatType | None = None
    """Tipe sekretariat (A atau B), bila diketahui dari sumber."""
    sub_unit_dihapus: list[Slug] = []
    """Id sub-unit templat yang tidak ada di sekretariat ini."""
    sub_unit_tambahan: list[Unit] = []
    """Sub-unit yang hanya ada di sekretariat ini, ditulis seperti sub-unit templat."""
    sumber: list[Slug] = []
    """Id sumber untuk keterangan khusus wilayah ini."""
    catatan: Text | None = None
    """Keterangan khusus sekretariat ini."""


class Regency(_Overrides):
    """Satu kabupaten atau kota dalam berkas provinsinya."""

    kode: RegencyCode
    """Kode Kemendagri, mis. "32.04"; dua angka pertama sama dengan kode provinsinya."""
    nama: Text
    """Nama resmi menurut Kemendagri, diawali 'Kabupaten' atau 'Kota', mis. 'Kabupaten Bandung'."""
    nama_lama: list[Text] = []
    """Nama yang dulu dipakai kabupaten/kota ini (juga ejaan lama yang sudah diperbaiki). Alamat halaman lamanya tetap membuka halaman kabupaten/kota ini, mis. ['Kabupaten Kep. Sangihe']."""


class Province(_Overrides):
    """Satu provinsi dan kabupaten/kotanya (satu berkas di content/wilayah/)."""

    id: Slug
    """Id tetap provinsi, sama dengan nama berkasnya, mis. 'jawa-barat'."""
    kode: ProvinceCode
    """Kode Kemendagri provinsi, ditulis dengan tanda kutip, mis. "32"."""
    nama: Text
    """Nama provinsi menurut Kemendagri, tanpa kata 'Provinsi', mis. 'Jawa Barat'."""
    nama_singkat: Text | None = None
    """Nama pendek yang lazim, bila ada, mis. 'DKI Jakarta'."""
    alias: list[Text] = []
    """Singkatan dan sebutan pendek lain yang lazim dipakai orang, mis. ['Jabar'] untuk Jawa Barat; pencarian dan Indeks A–Z memakainya ("KPU Jabar")."""
    lembaga: Body = Body.KPU
    """'kpu', atau 'kip' untuk Aceh, tempat penyelenggaranya Komisi Independen Pemilihan."""
    kabupaten_kota: list[Regency]
    """Semua kabupaten dan kota di provinsi ini."""


class StandardStructure(_Record):
    """Struktur baku sekretariat daerah pada satu tingkat (satu berkas di content/templat/)."""

    id: Slug
    """Id templat, sama dengan nama berkasnya."""
    tingkat: Level
    """'provinsi' atau 'kabupaten-kota': sekretariat mana yang memakai templat ini."""
    nama: Text
    """Sebutan umum sekretariat ini, mis. 'Sekretariat KPU Kabupaten/Kota'."""
    kepala: Text
    """Sebutan jabatan pimpinannya, mis. 'Sekretaris KPU Kabupaten/Kota'."""
    jabatan: Position | None = None
    """Jenjang jabatan pimpinannya."""
    eselon: Echelon | None = None
    """Eselon pimpinannya, bila diketahui."""
    bertanggung_jawab_administratif: Text
    """Kepada siapa sekretaris bertanggung jawab secara administratif, mis. 'Sekretaris KPU Provinsi'."""
    bertanggung_jawab_fungsional: Text
    """Kepada siapa sekretaris bertanggung jawab secara fungsional, mis. 'Ketua KPU Kabupaten/Kota'."""
    dasar_hukum: list[LegalBasis] = []
    """Peraturan yang menjadi dasar hukum sekretariat ini."""
    ketentuan: list[Provision] = []
    """Kutipan pasal tentang sekretariat di tingkat ini, dimuat sekali di halaman templat."""
    sub_unit: list[Unit] = []
    """Bagian atau subbagian baku, termasuk yang sudah dibubarkan."""
    sumber: list[Slug] = []
    """Id sumber (dari content/sumber.yml)."""
    keyakinan: Confidence
    """Seberapa yakin kita atas struktur baku ini."""
    rincian_keyakinan: dict[str, ConfidenceDetail] = {}
    """Keyakinan per kolom yang berbeda dari keyakinan templat."""
    catatan: Text | None = None
    """Keterangan lain, mis. bagian yang belum dapat dipastikan."""


#: The published schemas: file name, what the file holds, and the type that checks it.


class TextParagraph(_Record):
    """Satu paragraf pasal: ayat, huruf, atau angka, dengan penandanya."""

    teks: Text
    """Teks paragraf beserta penandanya, mis. '(1) Sekretariat ...' atau 'a. membantu ...'."""
    tingkat: Annotated[int, Strict(), Field(ge=0, le=4)] = 0
    """Kedalaman: 0 untuk ayat atau pasal tanpa ayat, 1 untuk huruf, 2 untuk angka di dalamnya."""


class TextArticle(_Record):
    """Satu pasal naskah konsolidasi."""

    nomor: Text
    """Nomor pasal, mis. '5A'."""
    ditetapkan_oleh: Text
    """Peraturan yang terakhir menetapkan bunyi pasal ini, mis. 'Undang-Undang Nomor 7 Tahun 2017'."""
    paragraf: list[TextParagraph]
    """Isi pasal, paragraf demi paragraf."""


class ConsolidatedText(_Record):
    """Naskah konsolidasi satu peraturan (satu berkas di content/naskah/)."""

    peraturan: Slug
    """Id peraturan dasar (nama berkasnya di content/peraturan/)."""
    perubahan: list[Text] = []
    """Peraturan perubahan yang sudah diterapkan, berurutan."""
    pasal: list[TextArticle]
    """Pasal-pasal hasil konsolidasi, berurutan."""
