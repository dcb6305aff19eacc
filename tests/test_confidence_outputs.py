"""Every inference stays marked, in every output: pages, charts, open data and JSON-LD.

The small fixture organisation carries one inferred value in each field kind (unit name, status,
period, parent, successor link, rank, a standard structure's sub-unit, regulation dates and
summary, a legal-basis entry, a quotation from a secondary source, a gambaran statement);
secretariat names, and sites whose address only comes from a cited page, are inferred by the
model. Each test requires the marker wherever that value is shown. What is not an inference is
not marked as one: a secretariat for every region on the Kemendagri list follows from UU 7/2017
Pasal 77, and a site a dated source names is from a secondary source.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from generator.escape import md
from generator.model.confidence import confidence
from generator.model.organisation import Organisation
from generator.plan.jsonld import secretariat_jsonld, unit_jsonld
from generator.render.opendata import data_files
from tests.conftest import CONTENT, MINIMAL, Project, copy_project, load_org

INFERRED = (
    '<span class="keyakinan keyakinan--inferensi" title="disimpulkan dari beberapa sumber; '
    'tidak ada sumber yang menyatakannya secara langsung">Inferensi</span>'
)
SECONDARY = (
    '<span class="keyakinan keyakinan--sumber-sekunder" title="dinyatakan oleh sumber sekunder '
    "(berita, blog KPU daerah, buku, atau aplikasi pegawai KPU), belum oleh teks peraturan atau "
    'dokumen resminya">Sumber sekunder</span>'
)
VERIFIED = (
    '<span class="keyakinan keyakinan--terverifikasi" title="sumber yang dirujuk menyatakannya '
    "dengan kata-kata yang dekat dengan yang tertulis di sini: teks peraturan atau dokumen resmi, "
    'atau dua salinan terpisah dari dokumen resminya">Terverifikasi</span>'
)
ESTABLISHED = "[UU 7/2017 Pasal 77]"


def note(reason: str, badge: str = INFERRED) -> str:
    """A field note as the pages print it: the badge, then the escaped reason."""
    return f' {badge} <span class="alasan">{md(reason)}</span>'


def short(reason: str) -> str:
    """A fact's badge, once: the reason in its tooltip, written out under the sources."""
    return f' <span class="keyakinan keyakinan--inferensi" title="{md(reason)}">Inferensi</span>'


@pytest.fixture(scope="module")
def docs(minimal_generated: Project) -> Project:
    return minimal_generated


def page(project: Project, path: str) -> str:
    return (project.root / "docs" / path).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def org() -> Organisation:
    return load_org(MINIMAL / "content")


FORMER = "struktur/biro-keuangan-dan-barang-milik-negara/index.md"
NAME = "Disusun dari label bahasa Inggris."
STATUS = "Tidak lagi tercatat sejak 2024."
PERIOD = "Batas tahunnya disimpulkan dari daftar unit."
SUCCESSION = "Sejak 2024 hanya Biro Keuangan yang tercatat."


def test_confidence_of_a_field_falls_back_to_its_record(org: Organisation):
    umum = org.units["biro-umum"]
    assert (confidence(umum, "induk").keyakinan.value, confidence(umum, "induk").own) == (
        "inferensi",
        True,
    )
    assert (confidence(umum, "kepala").keyakinan.value, confidence(umum, "kepala").own) == (
        "terverifikasi",
        False,
    )
    regency = org.regional.secretariats["gorontalo/kota-gorontalo"]
    assert [
        (k, confidence(regency, k).keyakinan.value) for k in ("nama", "keberadaan", "situs")
    ] == [
        ("nama", "inferensi"),
        ("keberadaan", "terverifikasi"),
        ("situs", "inferensi"),
    ]
    province = org.regional.secretariats["gorontalo"]
    assert [confidence(province, k).keyakinan.value for k in ("keberadaan", "situs")] == [
        "terverifikasi",
        "sumber-sekunder",
    ]


def test_former_unit_page_marks_name_status_period_and_successor(docs: Project):
    text = page(docs, FORMER)
    assert f"| Nama | Biro Keuangan dan Barang Milik Negara{short(NAME)} |" in text
    assert "Nama resmi" not in text
    # Status and period are one fact: one badge, both reasons, once (in the notice at the top;
    # the table does not repeat it, nor the history the successor).
    assert f"adalah unit terdahulu (2020–2023).{short(f'{STATUS} {PERIOD}')}" in text
    assert "| Status |" not in text and "ibubarkan" not in text.split("## Sumber")[0]
    assert (
        f"Digantikan oleh: [Biro Keuangan](../biro-keuangan/index.md).{short(SUCCESSION)}" in text
    )
    assert text.count(short(SUCCESSION)) == 1
    assert "(penggantian belum dipastikan)" in text
    # The record's badge says what it does not cover.
    assert (
        f'<span class="status-terdahulu">Unit terdahulu</span> {SECONDARY} '
        '<span class="cakupan-keyakinan">untuk isi halaman ini, kecuali namanya, statusnya, '
        "masa keberadaannya, dan penggantinya, yang bertanda sendiri.</span>"
    ) in text
    # Each reason is written out once, under the sources.
    sources = text.split("## Sumber dan tingkat keyakinan")[1]
    for label, reason in (
        ("Nama", NAME),
        ("Status", STATUS),
        ("Periode", PERIOD),
        ("Digantikan oleh", SUCCESSION),
    ):
        assert f"- **{label}:** {INFERRED} {md(reason)}\n" in sources
        # Shown as text once; elsewhere only in a badge's tooltip.
        assert text.count(f"</span> {md(reason)}") == 1, reason


def test_successor_page_marks_the_succession(docs: Project):
    assert (
        "- **Menggantikan:** [Biro Keuangan dan Barang Milik Negara]"
        f"(../biro-keuangan-dan-barang-milik-negara/index.md) (2020–2023){note(SUCCESSION)}"
    ) in page(docs, "struktur/biro-keuangan/index.md")


def test_rank_and_parent_notes(docs: Project):
    text = page(docs, "struktur/biro-keuangan/index.md")
    assert (
        f"| Jenjang jabatan pimpinan | Jabatan Pimpinan Tinggi Pratama{short('Disimpulkan dari jenjang biro lain.')} |"
        in text
    )
    assert f"| Eselon | II.a{short('Disimpulkan dari jenjang jabatannya.')} |" in text
    umum = page(docs, "struktur/biro-umum/index.md")
    assert (
        f"(../deputi-bidang-administrasi/index.md){short('Disimpulkan dari kode unit.')} |" in umum
    )


def test_overview_marks_parent_name_status_period_and_successor(docs: Project):
    text = page(docs, "struktur/index.md")
    assert (
        f"[Deputi Bidang Administrasi](deputi-bidang-administrasi/index.md){short('Disimpulkan dari kode unit.')} |"
        in text
    )
    # One badge per fact: the name, the period with its status, the successor.
    assert (
        f"| [Biro Keuangan dan Barang Milik Negara](biro-keuangan-dan-barang-milik-negara/index.md)"
        f"{short(NAME)} | 2020–2023{short(f'{STATUS} {PERIOD}')} | "
        f"[Biro Keuangan](biro-keuangan/index.md){short(SUCCESSION)} |"
    ) in text


def test_overview_marks_an_uncertain_child_of_the_top(tmp_path):
    project = copy_project(tmp_path / "p", MINIMAL)
    project.edit(
        "unit/deputi-bidang-administrasi.yml",
        "keyakinan: sumber-sekunder",
        "keyakinan: sumber-sekunder\nrincian_keyakinan:\n  induk:\n    keyakinan: inferensi\n"
        "    alasan: Kedudukannya belum dipastikan.",
    )
    assert project.run("generate", "--tanpa-peringatan") == 0
    assert (
        "Di bawahnya ada\n[Deputi Bidang Administrasi](deputi-bidang-administrasi/index.md)"
        f" (kedudukannya {short('Kedudukannya belum dipastikan.').strip()})."
    ) in page(project, "struktur/index.md")


def test_regulation_page_marks_fields_and_governed_units(docs: Project):
    text = page(docs, "dasar-hukum/pkpu-21-2023.md")
    dated = "Tanggalnya disimpulkan dari nomor urut peraturan di sekitarnya."
    numbered = "Nomornya disimpulkan dari nomor urut peraturan di sekitarnya."
    assert f"| Tanggal penetapan | 9 Oktober 2023{short(dated)} |" in text
    assert f"| Pengundangan | Berita Negara Tahun 2023 Nomor 900{short(numbered)} |" in text
    assert f"Perubahan kedua atas PKPU 14/2020&#46;{short('Isinya belum dibaca.')}" in text
    assert (
        f"- [Biro Umum](../struktur/biro-umum/index.md){note('Diduga ditetapkan dengan perubahan kedua.')}\n"
    ) in text
    for label, reason in (
        ("Ditetapkan", dated),
        ("Pengundangan", numbered),
        ("Ringkasan", "Isinya belum dibaca."),
    ):
        assert f"- **{label}:** {INFERRED} {md(reason)}\n" in text


def test_structure_pages_mark_sub_units(docs: Project):
    base = "struktur-baku/sekretariat-kabupaten-kota/"
    text = page(docs, base + "index.md")
    assert "| Dibubarkan &#40;2020–2023&#41;" + short("Batas tahunnya disimpulkan.") + " |" in text
    assert "(penggantian belum dipastikan)" in text
    assert (
        f"Pasal 88 ayat &#40;2&#41; &#40;menurut sumber sekunder&#41; {SECONDARY} "
        f'<span class="alasan">Butir terakhirnya terpotong pada sumbernya&#46;</span> '
        "Dikutip dari: Daftar satuan kerja pusat — tanpa tautan daring"
    ) in text
    unit = page(docs, base + "subbagian-umum/index.md")
    assert f"adalah sub-unit terdahulu (2020–2023).{short('Batas tahunnya disimpulkan.')}" in unit
    assert "| Status |" not in unit
    kul = page(docs, base + "subbagian-keuangan-umum-dan-logistik/index.md")
    assert f"| Eselon | IV.a{short('Disimpulkan dari jenjang pengawas.')} |" in kul


def test_secretariat_pages_state_the_law_and_mark_name_site_and_pattern(docs: Project):
    text = page(docs, "daerah/gorontalo/kota-gorontalo/index.md")
    top = text.split("| Keterangan | Isi |")[0]
    assert INFERRED not in top and "perhitungan kami" not in text
    assert VERIFIED in top
    assert (
        f"Sekretariat KPU Kabupaten/Kota dibentuk menurut {ESTABLISHED}(../../../dasar-hukum/uu-7-2017.md)"
        in top
    )
    assert (
        "| Nama | Sekretariat Komisi Pemilihan Umum Kota Gorontalo"
        + short("Disusun menurut pola nama dalam UU 7/2017 dan nama wilayah Kemendagri.")
        in text
    )
    assert "Situs resmi" not in text
    assert (
        "(<https://example.org/kota-gorontalo>)"
        + short(
            "Diambil dari alamat sumber yang dirujuk; belum ada sumber yang menyatakannya sebagai situs resmi."
        )
        in text
    )
    # Its sub-units come from the standard structure: marked, with the reason written out.
    assert (
        f'dengan penyesuaian untuk sekretariat ini. {INFERRED} <span class="alasan">Subbagian '
        "dari struktur baku mengikuti pola yang tercatat di beberapa sekretariat kabupaten/kota; "
        "belum ada sumber tentang susunan sekretariat ini, dan tipenya belum diketahui&#46;</span>"
    ) in text
    assert (
        f'{VERIFIED} <span class="cakupan-keyakinan">untuk isi halaman ini, kecuali namanya, '
        "kode wilayahnya, situsnya, dan susunan subbagiannya, yang bertanda sendiri.</span>"
    ) in top
    # The region's code is copied from a third party's data set of the Kemendagri decree.
    assert (
        '(kode Kemendagri 75.71) <span class="keyakinan keyakinan--sumber-sekunder" '
        'title="Disalin dari himpunan data pihak ketiga'
    ) in text
    sources = text.split("## Sumber")[1]
    assert "KPU dan\nsekretariatnya dapat terbentuk belakangan." in sources
    province = page(docs, "daerah/gorontalo/index.md")
    assert (
        f"Satu sekretariat untuk setiap kabupaten/kota dalam daftar Kemendagri ({ESTABLISHED}"
        in province
    )
    assert (
        "(<https://example.org/gorontalo>) (menurut KPU Provinsi Gorontalo, Februari 2025"
        '<sup class="rujukan"><a href="#sumber-2">[2]</a></sup>) '
        '<span class="keyakinan keyakinan--sumber-sekunder" title="Disebut sebagai situs resmi '
        'oleh sumber bertanggal yang dirujuk&#46;">Sumber sekunder</span> |'
    ) in province


def test_regions_index_states_the_basis_of_the_count(docs: Project):
    text = page(docs, "daerah/index.md")
    assert f"yang dibentuk menurut\n{ESTABLISHED}(../dasar-hukum/uu-7-2017.md)." in text
    assert (
        "Karena itu ada **2 sekretariat provinsi** dan **3 sekretariat\n"
        "kabupaten/kota**, satu untuk setiap daerah dalam daftar wilayah Kemendagri."
    ) in text
    assert INFERRED not in text.split("## Cari sekretariat")[0]


def test_an_inferred_gambaran_statement_is_marked(docs: Project, org: Organisation):
    text = page(docs, "struktur/biro-umum/index.md")
    reason = "Laporannya menyebut bagian umum tanpa nama biro."
    assert "- Menyiapkan rapat pimpinan&#46;<sup" in text
    assert f"[2]</a></sup>{note(reason)}\n" in text
    files = data_files(org)
    assert _rows(files, "unit.csv")["biro-umum"]["gambaran"].endswith(
        " | Menyiapkan rapat pimpinan. [inferensi]"
    )
    full = {u["id"]: u for u in json.loads(files["data/unit.json"])}
    assert [g["keyakinan"] for g in full["biro-umum"]["gambaran"]] == [
        "sumber-sekunder",
        "inferensi",
    ]


def test_chart_legend_names_both_kinds_of_dashed_line(docs: Project):
    text = page(docs, FORMER)
    assert (
        "Kotak bergaris tepi putus-putus: unit yang tidak lagi tercatat dalam struktur sekarang. "
        "Garis putus-putus "
        "berlabel «digantikan oleh»: dari unit terdahulu ke penggantinya; tingkat keyakinannya "
        "tertera di halaman unit terdahulu.</figcaption>"
    ) in text
    overview = page(docs, "struktur/index.md")
    assert (
        "Garis putus-putus: kedudukan yang disimpulkan atau belum dipastikan.</figcaption>"
        in overview
    )
    assert '<li><a href="./">Biro Umum</a> (halaman ini) (kedudukan belum dipastikan)</li>' in page(
        docs, "struktur/biro-umum/index.md"
    )


def _rows(files: dict[str, bytes], name: str) -> dict[str, dict[str, str]]:
    reader = csv.DictReader(io.StringIO(files[f"data/{name}"].decode("utf-8")))
    return {r["id"]: r for r in reader}


def test_open_data_carries_per_field_confidence(org: Organisation):
    files = data_files(org)
    units = _rows(files, "unit.csv")
    assert units["biro-umum"]["induk_keyakinan"] == "inferensi"
    assert units["biro-umum"]["kepala_keyakinan"] == "terverifikasi"
    assert units["biro-umum"]["eselon_keyakinan"] == ""  # no value, no confidence
    former = units["biro-keuangan-dan-barang-milik-negara"]
    assert [former[f"{f}_keyakinan"] for f in ("nama", "status", "periode", "digantikan_oleh")] == [
        "inferensi"
    ] * 4
    assert [units["biro-keuangan"][f"{f}_keyakinan"] for f in ("jabatan", "eselon")] == [
        "inferensi"
    ] * 2
    full = {u["id"]: u for u in json.loads(files["data/unit.json"])}
    assert full["biro-umum"]["keyakinan_kolom"] == {
        "induk": {"keyakinan": "inferensi", "alasan": "Disimpulkan dari kode unit."}
    }
    assert full["biro-umum"]["dasar_hukum"] == [
        {
            "peraturan": "pkpu-21-2023",
            "pasal": None,
            "keyakinan": "inferensi",
            "catatan": "Diduga ditetapkan dengan perubahan kedua.",
        }
    ]
    regulations = {r["id"]: r for r in json.loads(files["data/peraturan.json"])}
    assert sorted(regulations["pkpu-21-2023"]["keyakinan_kolom"]) == [
        "ditetapkan",
        "pengundangan",
        "ringkasan",
    ]
    secretariats = _rows(files, "sekretariat-daerah.csv")
    regency = secretariats["wilayah-75.71"]
    assert [
        regency[k]
        for k in ("keyakinan", "nama_keyakinan", "keberadaan_keyakinan", "situs_keyakinan")
    ] == ["terverifikasi", "inferensi", "terverifikasi", "inferensi"]
    province = secretariats["wilayah-75"]
    assert [province[k] for k in ("nama_keyakinan", "keberadaan_keyakinan", "situs_keyakinan")] == [
        "inferensi",
        "terverifikasi",
        "sumber-sekunder",
    ]
    assert secretariats["wilayah-75.01"]["situs_keyakinan"] == ""  # no site, no confidence
    records = {s["id"]: s for s in json.loads(files["data/sekretariat-daerah.json"])}
    assert sorted(records["wilayah-75.71"]["keyakinan_kolom"]) == ["kode", "nama", "situs"]
    assert records["wilayah-75.71"]["keyakinan_kolom"]["situs"]["keyakinan"] == "inferensi"


def test_json_ld_asserts_no_inferred_fact(org: Organisation):
    assert "parentOrganization" not in unit_jsonld(org, org.units["biro-umum"])
    assert unit_jsonld(org, org.units["biro-keuangan"])["parentOrganization"] == {
        "@type": "GovernmentOrganization",
        "name": "Deputi Bidang Administrasi",
    }
    deputy = unit_jsonld(org, org.units["deputi-bidang-administrasi"])
    assert [s["name"] for s in deputy["subOrganization"]] == ["Biro Keuangan"]
    province = secretariat_jsonld(org, org.regional.secretariats["gorontalo"])
    # Its kab/kota secretariats exist by law; its site is named by a dated source.
    assert [s["name"] for s in province["subOrganization"]] == [
        "Sekretariat Komisi Pemilihan Umum Kabupaten Gorontalo",
        "Sekretariat Komisi Pemilihan Umum Kota Gorontalo",
    ]
    assert province["url"] == "https://example.org/gorontalo"
    regency = secretariat_jsonld(org, org.regional.secretariats["gorontalo/kota-gorontalo"])
    assert "url" not in regency  # its address only comes from a cited page


def test_data_page_documents_the_confidence_columns(docs: Project):
    text = page(docs, "data/index.md")
    assert "| `induk_keyakinan` |" in text and "| `keberadaan_keyakinan` |" in text
    assert "hanya mencantumkan keterangan yang terverifikasi atau dari sumber sekunder" in text


@pytest.mark.parametrize("content", [MINIMAL / "content", CONTENT], ids=["kecil", "nyata"])
def test_a_regional_pages_badge_note_excepts_every_fact_with_its_own_badge(content: Path):
    """The head's post comes from the standard structure: when it carries a badge of its own,
    the page's badge note names it with the secretariat's own facts."""
    from generator.plan.views import secretariat_view

    org = load_org(content)
    for secretariat in [*org.regional.provinces(), *org.regional.regencies()][:60]:
        structure = secretariat.structure
        marked = bool(structure.jabatan) and confidence(structure, "jabatan").own
        assert ("jenjang jabatan pimpinannya" in secretariat_view(org, secretariat).scope) == marked
