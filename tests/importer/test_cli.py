"""`python -m generator impor-peraturan`: JSON, report, PDF input and bad input."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from generator.cli import main

from .pdf import make_pdf, pages_of

DATA = Path(__file__).parent / "data"
UU = DATA / "uu-7-2017-pasal-77-88.txt"
AMENDMENT = DATA / "perubahan-uu-7-2017.txt"
PKPU = DATA / "pkpu-organisasi.txt"
FURNITURE = ("jdih", ". . .", "PRESIDEN", "- 2 -", "REPUBLIK INDONESIA")


def _json(capsys: pytest.CaptureFixture[str], *args: str | Path) -> dict:
    assert main(["impor-peraturan", *map(str, args), "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_for_uu_7_2017(capsys: pytest.CaptureFixture[str]):
    data = _json(capsys, UU)
    assert list(data) == ["peraturan", "pasal", "unit", "tidak_terbaca"]
    assert data["peraturan"] == {"judul": "PEMILIHAN UMUM", "nomor": 7, "tahun": 2017}
    assert [p["nomor"] for p in data["pasal"]] == [str(n) for n in range(77, 89)]
    assert {p["ditetapkan_oleh"] for p in data["pasal"]} == {"Undang-Undang Nomor 7 Tahun 2017"}
    for article in data["pasal"]:
        assert not any(f in article["teks"] for f in FURNITURE), article["nomor"]
    assert data["pasal"][10]["teks"].startswith(
        "(1) Sekretariat KPU Provinsi bertugas: a. membantu penyusunan program dan anggaran Pemilu;"
    )
    assert (
        "g. membantu pelaksanaan tugas lainnya sesuai dengan ketentuan peraturan perundang-undangan. (2)"
        in data["pasal"][10]["teks"]
    )
    setjen, province, regency = data["unit"]
    assert list(setjen) == ["nama", "tugas", "fungsi", "terdiri_atas", "pimpinan", "induk", "pasal"]
    assert setjen["nama"] == "Sekretariat Jenderal KPU"
    assert setjen["tugas"]["pasal"] == "Pasal 86 ayat (1)"
    assert (
        setjen["tugas"]["butir"][4]
        == "membantu penyusunan laporan penyelenggaraan kegiatan dan pertanggungjawaban KPU"
    )
    assert (
        setjen["tugas"]["butir"][6]
        == "membantu pelaksanaan tugas-tugas lain sesuai dengan ketentuan peraturan perundang-undangan"
    )
    assert (setjen["pimpinan"], setjen["induk"], setjen["pasal"]) == (
        "Sekretaris Jenderal",
        None,
        "Pasal 79",
    )
    assert (province["nama"], province["pimpinan"]) == (
        "Sekretariat KPU Provinsi",
        "sekretaris KPU Provinsi",
    )
    assert regency["tugas"]["butir"][3] == (
        "membantu pendistribusian perlengkapan Penyelenggaraan Pemilu anggota DPR, DPD, Presiden dan Wakil Presiden, serta DPRD"
    )
    assert data["tidak_terbaca"] == []


def test_the_amendment_changes_inserts_deletes_and_keeps_the_rest(
    capsys: pytest.CaptureFixture[str],
):
    base = {p["nomor"]: p for p in _json(capsys, UU)["pasal"]}
    data = _json(capsys, UU, AMENDMENT)
    articles = {p["nomor"]: p for p in data["pasal"]}
    assert list(articles) == [
        "77",
        "78",
        "79",
        "80",
        "81",
        "82",
        "83",
        "84",
        "84A",
        "84B",
        "85",
        "86",
        "87",
        "88",
    ]
    by = "Undang-Undang Nomor 99 Tahun 2030"
    changed = {n for n, p in articles.items() if p["ditetapkan_oleh"] == by}
    assert changed == {"78", "80", "81", "83", "84A", "84B", "86"}
    for number in set(articles) - changed:
        assert articles[number] == base[number]
    assert articles["83"]["teks"] == "Dihapus."
    assert articles["80"]["teks"] == (
        "(1) Sekretariat KPU Provinsi dipimpin oleh Sekretaris KPU Provinsi. (2) Sekretariat KPU "
        "Provinsi berada di bawah dan bertanggung jawab kepada Sekretariat Jenderal KPU."
    )
    assert articles["86"]["teks"].endswith(
        "(4) Sekretariat Jenderal KPU bertanggung jawab dalam hal administrasi keuangan."
    )
    units = {u["nama"]: u for u in data["unit"]}
    assert units["Sekretariat KPU Provinsi"]["induk"] == "Sekretariat Jenderal KPU"
    assert units["Sekretariat KPU Provinsi"]["pimpinan"] == "Sekretaris KPU Provinsi"
    assert units["Sekretariat KPU Kabupaten/Kota"]["induk"] == "Sekretariat KPU Provinsi"
    assert units["Sekretariat Jenderal KPU"]["induk"] == "KPU"
    logistics = units["Biro Logistik"]
    assert logistics["tugas"] == {
        "teks": "melaksanakan pengelolaan logistik Pemilu.",
        "butir": [],
        "pasal": "Pasal 84A",
    }
    assert logistics["fungsi"] == [
        {
            "teks": "penyusunan rencana kebutuhan logistik",
            "pasal": "Pasal 84B ayat (1) huruf a",
            "huruf": "a",
        },
        {
            "teks": "pendistribusian logistik Pemilu",
            "pasal": "Pasal 84B ayat (1) huruf b",
            "huruf": "b",
        },
    ]
    assert logistics["terdiri_atas"] == [
        "Bagian Perencanaan Logistik",
        "Bagian Distribusi Logistik",
    ]


def test_fungsi_across_a_page_break_and_nested_angka(capsys: pytest.CaptureFixture[str]):
    units = {u["nama"]: u for u in _json(capsys, PKPU)["unit"]}
    biro = units["Biro Logistik Pemilu"]
    assert [f["teks"] for f in biro["fungsi"]] == [
        "penyusunan rencana kebutuhan logistik",
        "pengadaan perlengkapan penyelenggaraan Pemilu",
        "pendistribusian perlengkapan penyelenggaraan Pemilu",
        "pemeliharaan dan inventarisasi perlengkapan penyelenggaraan Pemilu",
        "pelaksanaan urusan ketatausahaan biro",
    ]
    assert [f["pasal"] for f in biro["fungsi"]][3] == "Pasal 7 huruf d"
    assert (
        biro["tugas"]["butir"][1]
        == "mendistribusikan logistik Pemilu, yang meliputi: 1. surat suara; dan 2. kotak suara"
    )
    assert (biro["pimpinan"], biro["induk"], biro["pasal"]) == (
        "Kepala Biro",
        "Sekretaris Jenderal",
        "Pasal 5",
    )
    setjen = units["Sekretariat Jenderal Komisi Pemilihan Umum"]
    assert setjen["tugas"]["teks"] == (
        "memberikan dukungan teknis, administratif, dan keuangan kepada Komisi Pemilihan Umum."
    )
    assert setjen["terdiri_atas"] == [
        "Biro Perencanaan dan Organisasi",
        "Biro Logistik Pemilu",
        "Inspektorat Utama",
    ]
    assert setjen["induk"] == "Komisi Pemilihan Umum"


def test_text_report(capsys: pytest.CaptureFixture[str]):
    assert main(["impor-peraturan", str(UU), str(AMENDMENT)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Undang-Undang Nomor 7 Tahun 2017 tentang PEMILIHAN UMUM\n\n")
    assert "- Diubah dengan Undang-Undang Nomor 99 Tahun 2030 tentang PERUBAHAN ATAS" in out
    assert "14 pasal dibaca; 7 pasal ditetapkan oleh peraturan perubahan; 4 unit ditemukan." in out
    assert "- Pasal 84A: Undang-Undang Nomor 99 Tahun 2030\n" in out
    assert "**Pimpinan:** Sekretaris Jenderal (Pasal 79 ayat (1))\n" in out
    assert "- f. membantu pelaksanaan sistem pengendalian internal; dan\n" in out


def test_a_generated_pdf_reads_like_the_text_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    pdf = tmp_path / "uu.pdf"
    pdf.write_bytes(make_pdf(pages_of(UU.read_text(encoding="utf-8"))))
    assert len(PdfReader(pdf).pages) == 8
    assert _json(capsys, pdf) == _json(capsys, UU)


def _fails(capsys: pytest.CaptureFixture[str], *args: str | Path) -> str:
    assert main(["impor-peraturan", *map(str, args), "--format", "json"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    return captured.err


def test_an_encrypted_pdf_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    writer = PdfWriter(clone_from=io.BytesIO(make_pdf(pages_of(UU.read_text(encoding="utf-8")))))
    writer.encrypt("rahasia", algorithm="RC4-128")
    locked = tmp_path / "terkunci.pdf"
    with locked.open("wb") as handle:
        writer.write(handle)
    assert _fails(capsys, locked) == (
        f"galat: berkas PDF '{locked}' terkunci dengan kata sandi (terenkripsi), sehingga teksnya "
        "tidak dapat dibaca. Buka kuncinya dulu, atau gunakan salinan teks (.txt).\n"
        "Tidak ada berkas yang ditulis.\n"
    )


def test_an_image_only_pdf_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    scan = tmp_path / "pindaian.pdf"
    scan.write_bytes(make_pdf([[], []]))
    assert _fails(capsys, scan) == (
        f"galat: berkas PDF '{scan}' tidak memiliki lapisan teks (hasil pindaian gambar). Jalankan "
        "OCR lebih dulu, atau gunakan salinan teks (.txt).\nTidak ada berkas yang ditulis.\n"
    )


def test_a_pdf_page_without_text_is_listed(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    pdf = tmp_path / "uu.pdf"
    pdf.write_bytes(make_pdf([*pages_of(UU.read_text(encoding="utf-8")), []]))
    assert _json(capsys, pdf)["tidak_terbaca"] == ["uu.pdf: halaman 9 tidak memiliki lapisan teks"]


def test_a_text_that_is_not_a_regulation_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    notes = tmp_path / "notulen.txt"
    notes.write_text("Notulen rapat pleno\nPasal 1 dibahas.\n", encoding="utf-8")
    assert _fails(capsys, notes) == (
        "galat: 'notulen.txt' bukan teks peraturan perundang-undangan: tidak ditemukan judul "
        "berbentuk '... NOMOR ... TAHUN ... TENTANG ...' yang diikuti 'Menimbang'.\n"
        "Tidak ada berkas yang ditulis.\n"
    )


def test_an_amendment_naming_a_missing_article_fails_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    bad = tmp_path / "perubahan.txt"
    bad.write_text(
        AMENDMENT.read_text(encoding="utf-8").replace(
            "3. Ketentuan Pasal 83 dihapus.", "3. Ketentuan Pasal 99 dihapus."
        ),
        encoding="utf-8",
    )
    content = tmp_path / "content"
    content.mkdir()
    before = sorted(tmp_path.rglob("*"))
    assert (
        main(["impor-peraturan", str(UU), str(bad), "--terapkan", "--content", str(content)]) == 1
    )
    assert capsys.readouterr().err == (
        "galat: Undang-Undang Nomor 99 Tahun 2030, Pasal I angka 3: perubahan ini menyebut Pasal "
        "99, tetapi Pasal 99 tidak ada dalam Undang-Undang Nomor 7 Tahun 2017. Perintah "
        'perubahan: "Ketentuan Pasal 99 dihapus."\nTidak ada berkas yang ditulis.\n'
    )
    assert sorted(tmp_path.rglob("*")) == before


def test_the_base_must_not_be_an_amendment(capsys: pytest.CaptureFixture[str]):
    assert "adalah peraturan perubahan" in _fails(capsys, AMENDMENT)


def test_an_amendment_must_be_one(capsys: pytest.CaptureFixture[str]):
    assert "bukan peraturan perubahan" in _fails(capsys, UU, PKPU)


def test_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    assert _fails(capsys, tmp_path / "tidak-ada.pdf") == (
        f"galat: berkas '{tmp_path / 'tidak-ada.pdf'}' tidak ditemukan\nTidak ada berkas yang ditulis.\n"
    )
