"""The words pages say for the content's values: kinds, positions, confidence levels, topics,
relations, field names, regulation titles and statuses.

The plan decides what pages say, so these live here; the templates (pages and the printable book)
print them, through ``template_labels`` or through the views the plan builds.
"""

from __future__ import annotations

from generator.content.gaps import CORE_TOPICS, quotes
from generator.model import timeline
from generator.model.confidence import Marked, confidence, is_uncertain
from generator.model.regional import (
    REGENCY_EXISTENCE,
    SECRETARIAT_NAME_CONFIDENCE,
    SECRETARIAT_NAME_REASON,
)
from generator.plan.org_charts import Chart, legend
from generator.schema import (
    AliasKind,
    Confidence,
    Level,
    OfficeHolderStatus,
    Position,
    Provision,
    Regulation,
    RegulationKind,
    RelationKind,
    StandardStructure,
    Topic,
    Unit,
    UnitKind,
)
from generator.schema.dates import STALE_MONTHS

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
    Confidence.VERIFIED: (
        "sumber yang dirujuk menyatakannya dengan kata-kata yang dekat dengan yang tertulis di sini: "
        "teks peraturan atau dokumen resmi, atau dua salinan terpisah dari dokumen resminya"
    ),
    Confidence.SECONDARY: (
        "dinyatakan oleh sumber sekunder (berita, blog KPU daerah, buku, atau aplikasi pegawai KPU), "
        "belum oleh teks peraturan atau dokumen resminya"
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
    AliasKind.POST: "sebutan jabatan pimpinannya",
    AliasKind.ENGLISH: "nama dalam bahasa Inggris",
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

LEVEL_LABELS: dict[Level, str] = {
    Level.PROVINCE: "Provinsi",
    Level.REGENCY: "Kabupaten/Kota",
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
    "kode": "Kode wilayah",
}

#: How a source names an acting office holder, before the post: 'Plt. Kepala Biro Logistik'.
OFFICE_HOLDER_STATUS_LABELS: dict[OfficeHolderStatus, str] = {
    OfficeHolderStatus.DEFINITIVE: "",
    OfficeHolderStatus.ACTING: "Plt.",
    OfficeHolderStatus.DAILY: "Plh.",
}

#: Said after the newest holder of a post whose source is older than ``STALE_MONTHS`` on the
#: edition date (the limit the Kelengkapan page counts with): the person may have moved on.
HOLDER_MAY_HAVE_CHANGED = (
    f"Sumber ini bertanggal lebih dari {STALE_MONTHS} bulan sebelum edisi situs ini; "
    "pejabatnya mungkin sudah berganti."
)

JDIH_KPU = ("JDIH KPU", "https://jdih.kpu.go.id")
BPK_DATABASE = ("basis data peraturan BPK", "https://peraturan.bpk.go.id")

#: Where each kind of regulation is officially published: a regulation page without a confirmed
#: copy of its own links here and says that the reader can search for it there.
REGULATION_DATABASES: dict[RegulationKind, tuple[str, str]] = {
    RegulationKind.PKPU: JDIH_KPU,
    RegulationKind.LAW: BPK_DATABASE,
    RegulationKind.PERPPU: BPK_DATABASE,
    RegulationKind.PERPRES: BPK_DATABASE,
}


def field_label(key: str) -> str:
    """A field's name for readers: 'Unit atasan' for induk, else the YAML name made readable."""
    return FIELD_LABELS.get(key, key.replace("_", " ").capitalize())


#: How a page's badge note names a fact with a badge of its own, where the field's name with
#: "-nya" does not say it: "…kecuali masa keberadaannya dan penggantinya, yang bertanda sendiri".
SCOPE_PHRASES: dict[str, str] = {
    "periode": "masa keberadaannya",
    "digantikan_oleh": "penggantinya",
}


def scope_phrase(key: str) -> str:
    """A fact of the page's record as its badge note names it: 'unit atasannya' for induk.

    >>> [scope_phrase(k) for k in ("induk", "nama", "periode", "digantikan_oleh")]
    ['unit atasannya', 'namanya', 'masa keberadaannya', 'penggantinya']
    """
    return SCOPE_PHRASES.get(key, field_label(key).lower() + "nya")


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


def regulation_status(regulation: Regulation) -> str:
    """'Berlaku' or 'Dicabut'."""
    return "Berlaku" if regulation.in_force else "Dicabut"


def status_label(unit: Unit) -> str:
    """'Aktif'; for a former unit, only what the sources support.

    'Dibubarkan (2020–2023)' when the content records the dissolution itself (its status is not
    inferred); otherwise the unit is only known to be missing from the later structure: 'Tidak
    lagi tercatat dalam struktur sesudah 2023' (the last year of its period), or '… sekarang'.
    """
    if not unit.is_former:
        return "Aktif"
    if not is_uncertain(unit, "status"):
        return f"Dibubarkan ({unit.periode})" if unit.periode else "Dibubarkan"
    end = timeline.period(unit).end
    return f"{NO_LONGER} sesudah {end}" if end is not None else f"{NO_LONGER} sekarang"


def former_notice_title(unit: Unit, what: str) -> str:
    """The heading of a former unit's notice (``what``: 'unit', 'sub-unit'), no firmer than its
    status: 'sudah dibubarkan' only when the content records the dissolution itself; otherwise
    what the sources support, that the later structure no longer lists it."""
    if not is_uncertain(unit, "status"):
        return f"{what.capitalize()} ini sudah dibubarkan"
    return f"{what.capitalize()} ini {NO_LONGER.lower()} sekarang"


#: What a former unit is, in words every source supports: it is missing from the later structure.
NO_LONGER = "Tidak lagi tercatat dalam struktur"
#: The overview's words for its former units: true whether or not a source records a dissolution.
FORMER_UNITS_INTRO = "Unit-unit ini tidak lagi tercatat dalam struktur sekarang."
#: The fact a kabupaten/kota page's badge does not cover when its sub-units are assumed.
ASSUMED_SUB_UNITS_LABEL = "susunan subbagiannya"


def citation(regulations: dict[str, Regulation], provision: Provision) -> str:
    """Where a quotation comes from, e.g. 'UU 7/2017 Pasal 81'."""
    return f"{regulation_short(regulations[provision.peraturan])} {provision.pasal}"


def citations(
    regulations: dict[str, Regulation], record: Unit | StandardStructure, topic: Topic
) -> list[str]:
    """Where a record's quotations on one topic come from, once each."""
    return list(dict.fromkeys(citation(regulations, p) for p in quotes(record, topic)))


def chart_legend_text(chart: Chart) -> str:
    """The chart's caption: only what this chart shows (the plan knows its boxes and lines)."""
    shown = legend(chart)
    parts = [
        "Kotak berwarna: unit yang dibahas di sini." if shown.current else "",
        "Kotak bergaris tepi putus-putus: unit yang tidak lagi tercatat dalam struktur sekarang."
        if shown.former
        else "",
        "Garis putus-putus: kedudukan yang disimpulkan atau belum dipastikan."
        if shown.uncertain
        else "",
        "Garis putus-putus berlabel «digantikan oleh»: dari unit terdahulu ke penggantinya; "
        "tingkat keyakinannya tertera di halaman unit terdahulu."
        if shown.successors
        else "",
        "Garis putus-putus ke kotak bertanda «disimpulkan»: subbagian menurut struktur baku; "
        "belum ada sumber tentang susunan sekretariat ini."
        if shown.assumed
        else "",
    ]
    return " ".join(p for p in parts if p)


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
        "REGENCY_EXISTENCE": REGENCY_EXISTENCE,
        "LEVEL": LEVEL_LABELS,
        "regulation_title": regulation_title,
        "regulation_short": regulation_short,
        "status_label": status_label,
        "chart_legend_text": chart_legend_text,
    }
