"""Editors' mistakes: each one is caught with the file, line, field and a fix, in Indonesian."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from .conftest import Project


@dataclass(frozen=True)
class Mistake:
    """One mistake made in a copy of the real content, and the one error it must produce."""

    file: str
    old: str | None  # text to replace; None writes ``new`` as the whole file
    new: str | bytes
    expected: str


MISTAKES = {
    "induk_typo": Mistake(
        "unit/biro-umum.yml",
        "induk: deputi-bidang-administrasi",
        "induk: deputi-bidang-administrasii",
        "content/unit/biro-umum.yml:5:8: galat: induk: unit 'deputi-bidang-administrasii' tidak ditemukan"
        " — maksud Anda 'deputi-bidang-administrasi'?",
    ),
    "field_unknown": Mistake(
        "unit/biro-umum.yml",
        "kepala:",
        "kepalaa:",
        "content/unit/biro-umum.yml:6:1: galat: kepalaa: kolom 'kepalaa' tidak dikenal — maksud Anda 'kepala'?",
    ),
    "field_missing": Mistake(
        "unit/biro-umum.yml",
        "keyakinan: terverifikasi\n",
        "",
        "content/unit/biro-umum.yml:1:1: galat: keyakinan: kolom wajib 'keyakinan' belum diisi."
        " Tambahkan baris 'keyakinan: …'",
    ),
    "enum_typo": Mistake(
        "unit/biro-umum.yml",
        "jenis: biro",
        "jenis: Biro",
        "content/unit/biro-umum.yml:3:8: galat: jenis: nilai 'Biro' tidak dikenal — maksud Anda 'biro'? Pilihan:"
        " sekretariat-jenderal, deputi, inspektorat-utama, biro, pusat, inspektorat-wilayah, bagian, subbagian",
    ),
    "text_is_number": Mistake(
        "unit/biro-umum.yml",
        'kode: "03"',
        "kode: 03",
        "content/unit/biro-umum.yml:9:7: galat: kode: harus berupa teks, bukan angka atau ya/tidak. Apit nilainya"
        ' dengan tanda kutip: "03"',
    ),
    "text_blank": Mistake(
        "unit/biro-umum.yml",
        "nama: Biro Umum",
        'nama: "   "',
        "content/unit/biro-umum.yml:2:7: galat: nama: tidak boleh kosong; isi dengan teks, atau hapus kolomnya",
    ),
    "text_empty_value": Mistake(
        "unit/biro-umum.yml",
        "nama: Biro Umum",
        "nama:",
        "content/unit/biro-umum.yml:2:6: galat: nama: belum diisi. Tulis nilainya setelah titik dua, atau hapus kolomnya",
    ),
    "list_expected": Mistake(
        "unit/biro-umum.yml",
        "  - sk-kpu-1257-2024\n  - siasn-satker-pusat\n",
        "  sk-kpu-1257-2024\n",
        "content/unit/biro-umum.yml:17:3: galat: sumber: harus berupa daftar: tulis setiap butir pada baris sendiri,"
        " diawali '- '",
    ),
    "duplicate_key": Mistake(
        "unit/biro-umum.yml",
        "nama: Biro Umum\n",
        "nama: Biro Umum\nnama: Biro Umum Baru\n",
        "content/unit/biro-umum.yml:3:1: galat: nama: kolom 'nama' ditulis dua kali dalam satu bagian (pertama di"
        " baris 2). Hapus salah satunya",
    ),
    "id_not_file_name": Mistake(
        "unit/biro-umum.yml",
        "id: biro-umum",
        "id: biro-umum-baru",
        "content/unit/biro-umum.yml:1:5: galat: id: id 'biro-umum-baru' tidak sama dengan nama berkas"
        " 'biro-umum.yml'. Samakan keduanya (ganti nama berkas, atau perbaiki id)",
    ),
    "id_not_slug": Mistake(
        "unit/biro-umum.yml",
        "id: biro-umum",
        "id: Biro Umum",
        "content/unit/biro-umum.yml:1:5: galat: id: 'Biro Umum' bukan id yang sah. Id hanya boleh berisi huruf"
        " kecil a–z, angka, dan tanda hubung di antara kata, mis. 'biro-keuangan'",
    ),
    "parent_cycle": Mistake(
        "unit/deputi-bidang-administrasi.yml",
        "jenis: deputi\nstatus: aktif\ninduk: sekretariat-jenderal",
        "jenis: deputi\nstatus: aktif\ninduk: deputi-bidang-dukungan-teknis",
        "content/unit/deputi-bidang-administrasi.yml:5:8: galat: induk: deputi tidak dapat berada di bawah deputi"
        " ('deputi-bidang-dukungan-teknis'). Induk yang sah untuk deputi: sekretariat-jenderal",
    ),
    "kind_under_wrong_parent": Mistake(
        "unit/biro-umum.yml",
        "induk: deputi-bidang-administrasi",
        "induk: inspektorat-wilayah-i",
        "content/unit/biro-umum.yml:5:8: galat: induk: biro tidak dapat berada di bawah inspektorat-wilayah"
        " ('inspektorat-wilayah-i'). Induk yang sah untuk biro: deputi, sekretariat-jenderal",
    ),
    "regulation_missing": Mistake(
        "unit/biro-umum.yml",
        "  - peraturan: pkpu-14-2020",
        "  - peraturan: pkpu-14-2021",
        "content/unit/biro-umum.yml:12:16: galat: dasar_hukum[0].peraturan: peraturan 'pkpu-14-2021' tidak"
        " ditemukan — maksud Anda 'pkpu-14-2020'?",
    ),
    "source_missing": Mistake(
        "unit/biro-umum.yml",
        "  - siasn-satker-pusat",
        "  - siasn-satker",
        "content/unit/biro-umum.yml:18:5: galat: sumber[1]: sumber 'siasn-satker' tidak ada di content/sumber.yml"
        " — maksud Anda 'siasn-satker-pusat'?",
    ),
    "url_javascript": Mistake(
        "sumber.yml",
        "url: https://kompaspedia.kompas.id/baca/data/dokumen/uu-nomor-7-tahun-2017-tentang-pemilihan-umum",
        "url: javascript:alert(1)",
        "content/sumber.yml:17:8: galat: kompaspedia-uu-7-2017.url: alamat 'javascript:' tidak diizinkan. Tulis"
        " alamat web yang diawali https://",
    ),
    "url_invalid": Mistake(
        "sumber.yml",
        "url: https://kompaspedia.kompas.id/baca/data/dokumen/uu-nomor-7-tahun-2017-tentang-pemilihan-umum",
        "url: kompaspedia.kompas.id",
        "content/sumber.yml:17:8: galat: kompaspedia-uu-7-2017.url: 'kompaspedia.kompas.id' bukan alamat web yang"
        " sah. Tulis alamat lengkap yang diawali https:// atau http://",
    ),
    "date_invalid": Mistake(
        "peraturan/uu-7-2017.yml",
        "ditetapkan: 2017-08-15",
        "ditetapkan: 2017-13-45",
        "content/peraturan/uu-7-2017.yml:7:13: galat: ditetapkan: '2017-13-45' bukan tanggal yang sah. Tulis dengan"
        " bentuk TTTT-BB-HH, mis. 2023-12-11",
    ),
    "date_not_date": Mistake(
        "peraturan/uu-7-2017.yml",
        "ditetapkan: 2017-08-15",
        "ditetapkan: 15 Agustus 2017",
        "content/peraturan/uu-7-2017.yml:7:13: galat: ditetapkan: '15 Agustus 2017' bukan tanggal yang sah. Tulis"
        " dengan bentuk TTTT-BB-HH, mis. 2023-12-11",
    ),
    "yaml_colon_in_value": Mistake(
        "unit/biro-umum.yml",
        "nama: Biro Umum",
        "nama: Biro: Umum",
        "content/unit/biro-umum.yml:2:11: galat: titik dua (:) tidak boleh di sini. Bila nilai berisi ': ', apit"
        ' seluruh nilai dengan tanda kutip ("…"); bila tidak, periksa indentasi baris ini',
    ),
    "yaml_unclosed_quote": Mistake(
        "unit/biro-umum.yml",
        "nama: Biro Umum",
        'nama: "Biro Umum',
        "content/unit/biro-umum.yml:2:7: galat: tanda kutip yang dibuka di sini tidak ditutup pada baris yang sama."
        " Tutup tanda kutipnya",
    ),
    "yaml_tab_indent": Mistake(
        "unit/biro-umum.yml",
        "  - peraturan: pkpu-14-2020",
        "\t- peraturan: pkpu-14-2020",
        "content/unit/biro-umum.yml:12:1: galat: indentasi memakai karakter tab; YAML hanya menerima spasi. Ganti"
        " tab dengan spasi",
    ),
    "file_empty": Mistake(
        "unit/biro-baru.yml",
        None,
        "# belum diisi\n",
        "content/unit/biro-baru.yml:1:1: galat: berkas kosong. Isi berkas dengan kolom-kolomnya, atau hapus"
        " berkasnya",
    ),
    "file_bom": Mistake(
        "unit/biro-umum.yml",
        "id: biro-umum",
        "\ufeffid: biro-umum",
        "content/unit/biro-umum.yml:1:1: galat: berkas diawali penanda BOM. Simpan ulang sebagai 'UTF-8' (tanpa BOM)",
    ),
    "file_not_utf8": Mistake(
        "unit/biro-baru.yml",
        None,
        "id: biro-baru\nnama: Biro Caf\xe9\n".encode("latin-1"),
        "content/unit/biro-baru.yml:2:15: galat: berkas bukan teks UTF-8 (ada bita yang tidak dapat dibaca). Simpan"
        " ulang berkas dengan pengodean UTF-8",
    ),
    "file_is_list": Mistake(
        "unit/biro-baru.yml",
        None,
        "- id: biro-baru\n",
        "content/unit/biro-baru.yml:1:1: galat: berkas harus berisi kolom-kolom (baris 'nama_kolom: nilai'), bukan"
        " daftar atau teks",
    ),
    "file_wrong_suffix": Mistake(
        "unit/biro-baru.yaml",
        None,
        "id: biro-baru\n",
        "content/unit/biro-baru.yaml:1:1: galat: berkas ini tidak dibaca; ganti akhiran nama berkas menjadi"
        " 'biro-baru.yml'",
    ),
    "alias_bomb": Mistake(
        "unit/biro-baru.yml",
        None,
        "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
        "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
        "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
        "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
        "g: [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n",
        "content/unit/biro-baru.yml:5:1: galat: e: dokumen mengembang menjadi lebih dari 20000 nilai (kemungkinan"
        " karena anchor dan alias yang saling merujuk). Tulis nilainya secara langsung",
    ),
    "file_too_big": Mistake(
        "unit/biro-baru.yml",
        None,
        "catatan: " + "x" * 300_000 + "\n",
        "content/unit/biro-baru.yml:1:1: galat: berkas terlalu besar (300010 bita; batasnya 262144 bita). Pecah"
        " isinya menjadi beberapa berkas",
    ),
}


def _make(project: Project, mistake: Mistake) -> None:
    path = project.content / mistake.file
    if mistake.old is None:
        data = mistake.new if isinstance(mistake.new, bytes) else mistake.new.encode("utf-8")
        path.write_bytes(data)
    else:
        assert isinstance(mistake.new, str)
        project.edit(mistake.file, mistake.old, mistake.new)


def _errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ": galat: " in line]


def test_real_content_is_valid(project: Project, capsys: pytest.CaptureFixture[str]):
    assert project.run("check", "--tanpa-peringatan") == 0
    assert capsys.readouterr().out.startswith("Konten sah: ")


@pytest.mark.parametrize("name", MISTAKES)
def test_mistake_is_reported_precisely(
    project: Project, capsys: pytest.CaptureFixture[str], name: str
):
    mistake = MISTAKES[name]
    _make(project, mistake)
    # Messages name files relative to the content folder's parent, as editors see them.
    code = project.run("check", "--tanpa-peringatan")
    err = capsys.readouterr().err
    assert code == 1
    assert _errors(err) == [mistake.expected]
    assert "Traceback" not in err


def test_all_mistakes_are_reported_in_one_run(project: Project, capsys: pytest.CaptureFixture[str]):
    chosen = ["induk_typo", "url_javascript", "date_invalid", "file_empty"]
    for name in chosen:
        _make(project, MISTAKES[name])
    assert project.run("check", "--tanpa-peringatan") == 1
    assert _errors(capsys.readouterr().err) == sorted(MISTAKES[n].expected for n in chosen)


def test_a_parent_cycle_is_named(project: Project, capsys: pytest.CaptureFixture[str]):
    project.edit(
        "unit/deputi-bidang-administrasi.yml", "induk: sekretariat-jenderal", "induk: biro-umum"
    )
    assert project.run("check", "--tanpa-peringatan") == 1
    errors = _errors(capsys.readouterr().err)
    assert (
        "content/unit/biro-umum.yml:5:8: galat: induk: rantai induk berputar: biro-umum → deputi-bidang-administrasi"
        " → biro-umum. Salah satu unit harus punya induk lain"
    ) in errors


def test_warnings_are_listed_separately(project: Project, capsys: pytest.CaptureFixture[str]):
    project.edit(
        "unit/biro-umum.yml", "sumber:\n  - sk-kpu-1257-2024\n  - siasn-satker-pusat\n", ""
    )
    assert project.run("check") == 0
    out = capsys.readouterr().out
    assert "Peringatan (" in out
    assert (
        "content/unit/biro-umum.yml:1:5: peringatan: id: unit ini belum punya sumber. Tambahkan 'sumber:' dengan id"
        " dari content/sumber.yml"
    ) in out
