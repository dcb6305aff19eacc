"""What a unit does and who leads it, from dated public sources (issue 15), on the small project.

The fixture's Biro Umum carries two gambaran statements (one inferred) and two office holders of
one post (an older definitive one, a newer acting one), citing a dated source with a publisher and
one dated only by month. Gorontalo's site is named by a dated source; Kota Gorontalo's is not.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date

import pytest
from bs4 import BeautifulSoup

from generator.content.load import load_content
from generator.content.validate import check
from generator.errors import Severity
from generator.escape import md
from generator.plan.provisions import topic_sections
from generator.plan.public_record import public_record
from generator.render.opendata import data_files
from generator.schema import PartialDate, Topic

from .conftest import MINIMAL, Project, copy_project, load_org

UNIT = "struktur/biro-umum/index.md"


@pytest.fixture(scope="module")
def docs(minimal_generated: Project) -> Project:
    return minimal_generated


def page(project: Project, path: str) -> str:
    return (project.root / "docs" / path).read_text(encoding="utf-8")


def headings(text: str) -> list[str]:
    return re.findall(r"^## (.+)$", text, re.M)


# --- the unit page ----------------------------------------------------------------------------


def test_gambaran_comes_first_and_says_it_is_not_the_regulation(docs: Project):
    text = page(docs, UNIT)
    found = headings(text)
    assert found[:3] == ["Gambaran tugas", "Pejabat", "Bagan struktur"]
    assert found.index("Gambaran tugas") < found.index("Tugas dan fungsi { #tugas }")
    overview = text.split("## Gambaran tugas")[1].split("## Pejabat")[0]
    assert "*Menurut sumber publik, bukan rumusan peraturan.*" in overview
    # No pointer to an official wording the page may not have (the Tugas section says so itself).
    assert "rumusan resminya" not in overview
    # Each statement ends with bracketed, superscript references into the numbered list.
    assert (
        '- Mengurus layanan kantor, gedung, dan kendaraan dinas&#46;<sup class="rujukan">'
        '<a href="#sumber-1" title="Sumber 1: Biro Umum menata ulang layanan kantor">[1]</a></sup>'
        '<sup class="rujukan"><a href="#sumber-2" title="Sumber 2: Laporan tahunan Sekretariat '
        'Jenderal">[2]</a></sup>\n'
    ) in overview
    # The usual confidence of a public source is not repeated on every statement.
    assert overview.count('class="keyakinan ') == 1


def test_the_numbered_sources_carry_their_anchor_publisher_and_date(docs: Project):
    sources = page(docs, UNIT).split("## Sumber dan tingkat keyakinan")[1]
    assert (
        '1. <span id="sumber-1"></span>[Biro Umum menata ulang layanan kantor]'
        "(<https://example.org/berita-biro-umum>) — Warta Contoh, 27 Oktober 2025 — sumber sekunder\n"
        '1. <span id="sumber-2"></span>Laporan tahunan Sekretariat Jenderal — tanpa tautan daring '
        "— Maret 2024 — sumber sekunder"
    ) in sources
    assert '<span id="sumber-3"></span>Daftar satuan kerja pusat' in sources


def test_office_holders_are_dated_newest_first_never_current(docs: Project):
    text = page(docs, UNIT)
    holders = text.split("## Pejabat")[1].split("| Keterangan |")[0]
    assert holders.startswith(
        "\n\n- Menurut Warta Contoh, 27 Oktober 2025: **Budi Contoh**, Plt&#46; Kepala Biro Umum"
    )
    earlier = holders.split("Sebelumnya:")[1]
    assert "- Menurut Laporan tahunan Sekretariat Jenderal, Maret 2024: **Ani Contoh**" in earlier
    assert "saat ini" not in text.casefold()


def test_older_sources_naming_the_same_holder_follow_the_newest(tmp_path, monkeypatch):
    # An edition date on which the newest source is recent: no note follows it.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 1 January 2026
    project = copy_project(tmp_path / "p", MINIMAL)
    project.edit(
        "unit/biro-umum.yml",
        "pejabat:\n",
        "pejabat:\n  - nama: Budi Contoh\n    jabatan: Kepala Biro Umum\n    status: plt\n"
        "    tanggal: 2024-12\n    sumber: [laporan-tahunan]\n",
    )
    assert project.run("generate", "--tanpa-peringatan") == 0
    holders = page(project, UNIT).split("## Pejabat")[1].split("| Keterangan |")[0]
    assert (
        'Plt&#46; Kepala Biro Umum<sup class="rujukan"><a href="#sumber-1" title="Sumber 1: '
        'Biro Umum menata ulang layanan kantor">[1]</a></sup>. Sumber lain yang menyebutnya '
        'demikian: Desember 2024<sup class="rujukan"><a href="#sumber-2" title="Sumber 2: Laporan '
        'tahunan Sekretariat Jenderal">[2]</a></sup>\n'
    ) in holders
    assert holders.count("Budi Contoh") == 1
    assert "Sebelumnya:\n\n- Menurut Laporan tahunan Sekretariat Jenderal, Maret 2024" in holders


def test_a_unit_without_tugas_and_fungsi_shows_one_notice(docs: Project):
    text = page(docs, UNIT)
    assert "Belum tersedia" not in text
    assert text.count("{: .belum-tersedia }") == 1
    assert (
        "## Tugas dan fungsi { #tugas }\n\nRumusan tugas dan fungsi Biro Umum dalam peraturan "
        "belum dapat kami baca; lihat gambaran dari sumber publik di atas.\n"
    ) in text
    # Without a gambaran, the notice does not point at one.
    former = page(docs, "struktur/biro-keuangan-dan-barang-milik-negara/index.md")
    assert former.count("{: .belum-tersedia }") == 1
    assert "sehingga belum dimuat di sini." in former and "lihat gambaran" not in former


def test_a_unit_with_tugas_only_shows_it_and_one_line_for_fungsi(docs: Project):
    text = page(docs, "struktur/sekretariat-jenderal/index.md")
    assert "> Sekretariat Jenderal KPU bertugas&#58;" in text
    assert text.count("{: .belum-tersedia }") == 1
    assert (
        "## Fungsi\n\nRumusan fungsi Sekretariat Jenderal Komisi Pemilihan Umum dalam peraturan "
        "belum dapat kami baca.\n"
    ) in text


def test_topic_sections(minimal_org):
    none = topic_sections(minimal_org.units["biro-umum"])
    assert [(s.topics, s.is_all_missing) for s in none] == [((Topic.DUTIES, Topic.FUNCTIONS), True)]
    some = topic_sections(minimal_org.units["sekretariat-jenderal"])
    assert [(s.topics, len(s.quotes)) for s in some] == [
        ((Topic.DUTIES,), 1),
        ((Topic.FUNCTIONS,), 0),
    ]


def test_public_record_orders_sources_as_cited(minimal_org):
    record = public_record(minimal_org.units["biro-umum"], minimal_org.sources)
    assert record.sources == ("berita-biro-umum", "laporan-tahunan", "daftar-unit")
    assert [(h.name, h.dated) for h in record.leaders] == [("Budi Contoh", "27 Oktober 2025")]
    assert [(h.name, h.post) for h in record.earlier] == [("Ani Contoh", "Kepala Biro Umum")]


def test_partial_dates_order_and_read_in_indonesian():
    dates = [PartialDate.parse(v) for v in ("2025-10-27", 2024, "2025-10", date(2025, 1, 2))]
    assert [d.indonesian for d in sorted(dates)] == [
        "2024",
        "2 Januari 2025",
        "Oktober 2025",
        "27 Oktober 2025",
    ]


# --- regulations and regions --------------------------------------------------------------------


def test_regulation_without_a_confirmed_copy_links_to_the_official_database(
    docs: Project, minimal_org
):
    law = page(docs, "dasar-hukum/uu-7-2017.md")
    assert (
        "| Salinan resmi | Salinan resmi belum kami pastikan; cari peraturan ini di basis data "
        "resmi: [basis data peraturan BPK](<https://peraturan.bpk.go.id>) |"
    ) in law
    pkpu = page(docs, "dasar-hukum/pkpu-21-2023.md")
    assert "[JDIH KPU](<https://jdih.kpu.go.id>)" in pkpu
    regulations = json.loads(data_files(minimal_org)["data/peraturan.json"])
    assert {r["id"]: r["tautan_resmi"] for r in regulations} == {
        "uu-7-2017": None,
        "pkpu-21-2023": None,
    }


def test_a_confirmed_copy_is_linked_and_published(tmp_path):
    project = copy_project(tmp_path / "p", MINIMAL)
    project.edit(
        "peraturan/uu-7-2017.yml",
        "keyakinan:",
        "tautan_resmi: https://peraturan.bpk.go.id/Details/37644/uu-no-7-tahun-2017\nkeyakinan:",
    )
    assert project.run("generate", "--tanpa-peringatan") == 0
    assert (
        "| Salinan resmi | [Buka salinan resmi](<https://peraturan.bpk.go.id/Details/37644/uu-no-7-tahun-2017>) |"
        in page(project, "dasar-hukum/uu-7-2017.md")
    )
    regulations = json.loads((project.root / "docs/data/peraturan.json").read_text())
    assert regulations[0]["tautan_resmi"].endswith("/uu-no-7-tahun-2017")


REGIONAL = [
    "daerah/gorontalo/index.md",
    "daerah/gorontalo/kota-gorontalo/index.md",
    "daerah/gorontalo/kabupaten-gorontalo/index.md",
    "daerah/aceh/index.md",
    "daerah/aceh/kabupaten-aceh-besar/index.md",
]


@pytest.mark.parametrize("path", REGIONAL)
def test_regional_pages_show_no_unknown_rows(docs: Project, path: str):
    text = page(docs, path)
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    assert not [r for r in rows if "Belum diketahui" in r or "Belum tercatat" in r]


def test_a_kab_kota_page_opens_with_the_law(docs: Project):
    text = page(docs, "daerah/gorontalo/kabupaten-gorontalo/index.md")
    opening = text.split("# Sekretariat", 1)[1].split("| Keterangan | Isi |")[0]
    assert (
        "Sekretariat KPU Kabupaten/Kota dibentuk menurut [UU 7/2017 Pasal 77]"
        "(../../../dasar-hukum/uu-7-2017.md) untuk mendukung kelancaran tugas dan\nwewenang KPU "
        "Kabupaten/Kota; Kabupaten Gorontalo tercantum dalam daftar kabupaten/kota Kemendagri."
    ) in opening
    assert "Inferensi" not in opening and "perhitungan" not in opening


def test_the_completeness_page_lists_regional_gaps_once(docs: Project):
    text = page(docs, "kelengkapan/index.md")
    regional = text.split("## Sekretariat daerah")[1]
    assert "diketahui untuk 0 dari 5 sekretariat" in regional
    assert "tercatat untuk 2 dari 5 sekretariat" in regional
    assert "Provinsi yang situsnya belum tercatat: [Aceh](../daerah/aceh/index.md)." in regional


def test_the_completeness_page_knows_gambaran(docs: Project):
    text = page(docs, "kelengkapan/index.md")
    assert "| Gambaran tugas | 1 dari 4 catatan |" in text
    assert "Belum ada gambaran tugas dari sumber publik" in text


# --- checks ------------------------------------------------------------------------------------


def _warnings(project: Project, today: date) -> list[tuple[str, str]]:
    checked = check(load_content(project.content), today)
    return [(p.format(), p.code) for p in checked.problems if p.severity is Severity.WARNING]


def test_a_post_whose_newest_source_is_a_year_old_is_flagged(minimal_project: Project):
    at = minimal_project.where("unit/biro-umum.yml", "2025-10-27")
    warning = (
        f"content/unit/biro-umum.yml:{at}: peringatan: pejabat[1].tanggal: sumber terbaru untuk "
        "jabatan 'Kepala Biro Umum' bertanggal 2025-10-27, lebih dari 12 bulan sebelum tanggal "
        "pembangunan (2026-10-28). Cari sumber yang lebih baru, lalu tambahkan butir 'pejabat' "
        "dengan tanggalnya; bila belum ada, biarkan (halaman menyebut tanggal sumbernya)",
        "pejabat-sumber-lama",
    )
    assert warning in _warnings(minimal_project, date(2026, 10, 28))
    # Only the newest entry of a post counts; a year to the day is not yet stale.
    assert not [w for w in _warnings(minimal_project, date(2026, 10, 27)) if w[1] == warning[1]]


def test_stale_holders_on_the_completeness_page(minimal_org):
    from generator.plan.completeness import unit_gaps

    umum = minimal_org.units["biro-umum"]
    assert not unit_gaps(minimal_org, umum, minimal_org.file_of(umum), date(2026, 1, 1)).lacks(
        "pejabat"
    )
    gaps = unit_gaps(minimal_org, umum, minimal_org.file_of(umum), date(2027, 1, 1))
    assert [g.text for g in gaps.gaps if g.field == "pejabat"] == [
        "Sumber terbaru tentang pejabatnya lebih dari setahun lalu: Kepala Biro Umum (27 Oktober 2025)."
    ]


def test_a_long_statement_is_flagged(minimal_project: Project):
    words = " ".join(["kata"] * 61)
    minimal_project.edit(
        "unit/biro-umum.yml",
        "  - teks: Menyiapkan rapat pimpinan.",
        f"  - teks: {words}.",
    )
    at = minimal_project.where("unit/biro-umum.yml", "kata kata")
    assert (
        f"content/unit/biro-umum.yml:{at}: peringatan: gambaran[1].teks: pernyataan ini 61 kata "
        "(lebih dari 60). Gambaran ditulis sebagai pernyataan singkat dengan kata-kata sendiri "
        "(sekitar 40 kata): ringkas, atau pecah menjadi beberapa butir",
        "gambaran-terlalu-panjang",
    ) in _warnings(minimal_project, date(2025, 11, 1))


def test_unknown_source_ids_in_the_new_lists_are_named(minimal_project: Project):
    minimal_project.edit(
        "unit/biro-umum.yml", "sumber: [berita-biro-umum]", "sumber: [berita-biro-umumm]"
    )
    checked = check(load_content(minimal_project.content), date(2025, 11, 1))
    assert [(p.field, p.code) for p in checked.errors] == [
        ("pejabat[1].sumber[0]", "sumber-tidak-ditemukan")
    ]


# --- open data and search ------------------------------------------------------------------------


def test_open_data_carries_gambaran_and_pejabat(minimal_org):
    files = data_files(minimal_org)
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(files["data/unit.csv"].decode()))}
    umum = rows["biro-umum"]
    assert umum["gambaran"] == (
        "Mengurus layanan kantor, gedung, dan kendaraan dinas. | Menyiapkan rapat pimpinan. [inferensi]"
    )
    assert umum["pejabat_terbaru"] == "Budi Contoh, Plt. Kepala Biro Umum, 2025-10-27"
    assert rows["biro-keuangan"]["gambaran"] == rows["biro-keuangan"]["pejabat_terbaru"] == ""
    full = {u["id"]: u for u in json.loads(files["data/unit.json"])}
    first = full["biro-umum"]["pejabat"][1]
    assert first == {
        "nama": "Budi Contoh",
        "jabatan": "Kepala Biro Umum",
        "status": "plt",
        "tanggal": "2025-10-27",
        "keyakinan": "sumber-sekunder",
        "catatan": None,
        "sumber": [
            {
                "id": "berita-biro-umum",
                "judul": "Biro Umum menata ulang layanan kantor",
                "url": "https://example.org/berita-biro-umum",
                "penerbit": "Warta Contoh",
                "tanggal": "2025-10-27",
            }
        ],
    }


def test_the_data_page_documents_the_new_columns(docs: Project):
    text = page(docs, "data/index.md")
    assert "| `gambaran` |" in text and "| `pejabat_terbaru` |" in text


def test_the_field_reference_shows_the_new_fields(docs: Project):
    text = page(docs, "kolom/index.md")
    listed = "daftar; setiap butir: kumpulan kolom"
    dated = "tanggal, bentuk TTTT-BB-HH, TTTT-BB, atau TTTT"
    for row in (
        f"| `gambaran` | — | {md(listed)} ([lihat di bawah](#overview)) |",
        f"| `pejabat` | — | {md(listed)} ([lihat di bawah](#officeholder)) |",
        f"| `tanggal` | wajib | {md(dated)} |",
        f"| `tanggal` | — | {md(dated)} |",
        f"| `situs_sumber` | — | {md('daftar; setiap butir: id (huruf kecil dan tanda hubung)')} |",
        "| `status` | wajib | salah satu dari: `definitif`, `plt`, `plh` |",
        "| `penerbit` | — | teks |",
    ):
        assert row in text, row


def test_gambaran_is_searchable(tmp_path):
    project = copy_project(tmp_path / "p", MINIMAL)
    assert project.run("build", "--tanpa-peringatan") == 0
    index = json.loads((project.site / "search" / "search_index.json").read_text())
    texts = [
        BeautifulSoup(d["text"], "lxml").get_text()
        for d in index["docs"]
        if d["location"].startswith("struktur/biro-umum/")
    ]
    assert any("Mengurus layanan kantor, gedung, dan kendaraan dinas" in t for t in texts)


def test_minimal_fixture_is_valid_with_its_dates():
    checked = check(load_content(MINIMAL / "content"), date(2025, 11, 1))
    assert not checked.errors
    assert load_org(MINIMAL / "content").units["biro-umum"].gambaran
