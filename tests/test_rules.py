"""Cross-file rules: the real error first, no cascades, and the reviewers' warnings.

Each scenario edits a copy of the small fixture project and pins the exact report, with message
ids; the real content is only checked for the warnings it must not have.
"""

from __future__ import annotations

import json
import re

import pytest

from generator.content.load import load_content
from generator.content.rules.regulations import ARTICLE
from generator.content.validate import check
from generator.errors import Problem, Severity

from .conftest import Project


def _check(project: Project) -> list[Problem]:
    return check(load_content(project.content)).problems


def _errors(project: Project) -> list[tuple[str, str]]:
    return [(p.format(), p.code) for p in _check(project) if p.severity is Severity.ERROR]


# --- the real error first, no cascades -------------------------------------------------------


def test_a_tab_in_a_parent_is_the_only_error(minimal_project: Project):
    """Two bureaus point at the deputy; its file cannot be read: one error, not three."""
    project = minimal_project
    project.edit("unit/deputi-bidang-administrasi.yml", "  - daftar-unit", "\t- daftar-unit")
    line = project.where("unit/deputi-bidang-administrasi.yml", "\t- daftar").split(":")[0]
    assert _errors(project) == [
        (
            f"content/unit/deputi-bidang-administrasi.yml:{line}:1: galat: indentasi memakai karakter tab; "
            "YAML hanya menerima spasi. Ganti tab dengan spasi",
            "indentasi-tab",
        )
    ]


def test_a_yaml_error_in_a_parent_is_the_only_error(minimal_project: Project):
    project = minimal_project
    project.edit(
        "unit/deputi-bidang-administrasi.yml",
        "nama: Deputi Bidang Administrasi",
        "nama: Deputi: Bidang Administrasi",
    )
    errors = _errors(project)
    assert [code for _, code in errors] == ["yaml-titik-dua"]
    assert errors[0][0].startswith("content/unit/deputi-bidang-administrasi.yml:3:")


def test_a_broken_source_list_does_not_report_every_reference(minimal_project: Project):
    """One unquoted colon in sumber.yml used to give 134 errors with the real one 17th."""
    project = minimal_project
    project.edit(
        "sumber.yml", 'judul: "Undang-Undang Nomor 7', 'judul: Catatan: "Undang-Undang Nomor 7'
    )
    errors = _errors(project)
    line = project.where("sumber.yml", "judul: Catatan:").split(":")[0]
    assert len(errors) <= 3
    assert errors[0] == (
        f"content/sumber.yml:{line}:17: galat: titik dua (:) tidak boleh di sini. Bila nilai berisi ': ', "
        'apit seluruh nilai dengan tanda kutip ("…"); bila tidak, periksa indentasi baris ini',
        "yaml-titik-dua",
    )


def test_a_source_list_that_is_not_a_mapping_does_not_cascade(minimal_project: Project):
    project = minimal_project
    (project.content / "sumber.yml").write_text("- satu\n- dua\n", encoding="utf-8")
    assert [code for _, code in _errors(project)] == ["berkas-harus-kolom"]


def test_a_deleted_parent_says_how_to_retire_a_unit(minimal_project: Project, minimal_org):
    project = minimal_project
    deputy = minimal_org.units["deputi-bidang-administrasi"]
    children = minimal_org.children_of(deputy, active=None)
    project.unit_file("deputi-bidang-administrasi").unlink()
    errors = _errors(project)
    assert len(errors) == len(children) and {code for _, code in errors} == {"unit-dihapus"}
    at = project.where("unit/biro-umum.yml", "deputi-bidang-administrasi")
    assert (
        f"content/unit/biro-umum.yml:{at}: galat: induk: unit 'deputi-bidang-administrasi' tidak "
        "ditemukan; bila unit itu dibubarkan, jangan hapus berkasnya: ubah `status: dibubarkan` dan "
        "isi `digantikan_oleh`"
    ) in [text for text, _ in errors]


def test_suggestions_name_only_valid_units(minimal_project: Project):
    """A look-alike whose own file is broken is not offered as the fix."""
    project = minimal_project
    project.edit(
        "unit/biro-umum.yml",
        "induk: deputi-bidang-administrasi",
        "induk: deputi-bidang-administrasii",
    )
    project.edit(
        "unit/deputi-bidang-administrasi.yml", "keyakinan: sumber-sekunder", "keyakinan: pasti"
    )
    messages = [line for line, _ in _errors(project)]
    assert not any("maksud Anda 'deputi-bidang-administrasi'" in m for m in messages)


def test_root_causes_come_first_in_every_format(
    minimal_project: Project, capsys: pytest.CaptureFixture[str]
):
    """A cross-file error in biro-umum sorts before wilayah/ by name, but the unreadable file leads."""
    project = minimal_project
    project.edit(
        "unit/biro-umum.yml",
        "induk: deputi-bidang-administrasi",
        "induk: deputi-bidang-administrasii",
    )
    project.edit("wilayah/gorontalo.yml", 'nama: "Gorontalo"', 'nama: "Gorontalo')
    project.edit("unit/biro-keuangan.yml", "keyakinan: terverifikasi", "keyakinan: pasti")
    expected = ["kutip-tidak-ditutup-di-sini", "nilai-tidak-dikenal", "unit-tidak-ditemukan"]
    assert [code for _, code in _errors(project)] == expected
    assert project.run("check", "--tanpa-peringatan", "--format", "json") == 1
    assert [p["code"] for p in json.loads(capsys.readouterr().out)] == expected
    assert project.run("check", "--tanpa-peringatan", "--format", "github") == 1
    files = re.findall(r"^::error file=([^,]+)", capsys.readouterr().out, re.MULTILINE)
    assert files == [
        "content/wilayah/gorontalo.yml",
        "content/unit/biro-keuangan.yml",
        "content/unit/biro-umum.yml",
    ]


# --- warnings ---------------------------------------------------------------------------------

_WARNINGS = [
    (
        "unit/biro-umum.yml",
        "  - nama: Biro Rumah Tangga",
        "  - nama: Biro Keuangan",
        "content/unit/biro-umum.yml:11:11: peringatan: alias[0].nama: 'Biro Keuangan' juga dipakai sebagai "
        "nama atau alias unit 'biro-keuangan'. Setiap nama harus menunjuk satu unit: hapus alias yang keliru, "
        "atau perjelas salah satu namanya",
        "nama-dipakai-dua-unit",
    ),
    (
        "unit/biro-umum.yml",
        "  - nama: Biro Rumah Tangga",
        "  - nama: Biro  Umum",
        "content/unit/biro-umum.yml:11:11: peringatan: alias[0].nama: alias 'Biro  Umum' sama dengan nama "
        "unit ini, sehingga pembaca melihatnya sebagai nama lain padahal bukan. Hapus butir alias ini",
        "alias-sama-dengan-nama",
    ),
    (
        "unit/biro-keuangan.yml",
        "urutan: 2",
        'kode: "03"\nurutan: 2',
        "content/unit/biro-umum.yml:8:7: peringatan: kode: kode '03' juga dipakai unit 'biro-keuangan'. "
        "Periksa kode unit di SK KPU 1257/2024",
        "kode-unit-ganda",
    ),
    (
        "unit/biro-umum.yml",
        "nama: Biro Umum",
        "nama: Biro “Umum”",
        "content/unit/biro-umum.yml:3:7: peringatan: nama: ada tanda kutip miring (“ ”). Ganti dengan tanda "
        "kutip lurus (\" atau ') agar nama mudah dicari dan disalin",
        "tanda-kutip-tipografis",
    ),
    (
        "unit/biro-umum.yml",
        "nama: Biro Umum",
        "nama: Biro\u00a0Umum",
        "content/unit/biro-umum.yml:3:7: peringatan: nama: ada spasi tak-putus (sering terbawa saat menyalin "
        "dari PDF atau situs). Hapus lalu ketik ulang spasinya",
        "spasi-tak-putus",
    ),
    (
        "unit/biro-umum.yml",
        "nama: Biro Umum",
        "nama: Biro Umum " + "dan Urusan Lain " * 9,
        "content/unit/biro-umum.yml:3:7: peringatan: nama: nama ini 153 karakter (lebih dari 150). Periksa "
        "apakah keterangan lain ikut tertulis; pindahkan ke 'catatan'",
        "nama-terlalu-panjang",
    ),
    (
        "wilayah/gorontalo.yml",
        "situs: https://example.org/kota-gorontalo",
        "situs: http://example.org/kota-gorontalo",
        None,
        "url-http",
    ),
    (
        "unit/sekretariat-jenderal.yml",
        "pasal: Pasal 86 ayat (1)\n",
        "pasal: pasal 77 dan 78\n",
        "content/unit/sekretariat-jenderal.yml:20:12: peringatan: ketentuan[0].pasal: 'pasal 77 dan 78' "
        "tidak berbentuk baku. Tulis 'Pasal 79', 'Pasal 88 ayat (1)', 'Pasal 5 huruf a', atau daftar "
        "seperti 'Pasal 77, 78, dan 81'",
        "pasal-tidak-baku",
    ),
    (
        "unit/sekretariat-jenderal.yml",
        "sumber:\n  - uu-teks\n",
        "sumber:\n  - daftar-unit\n",
        "content/unit/sekretariat-jenderal.yml:27:12: peringatan: keyakinan: unit ditandai "
        "terverifikasi, tetapi satu-satunya sumbernya sumber sekunder. Tambahkan sumber primer atau "
        "salinan kedua yang terpisah dari dokumen resminya, atau ubah 'keyakinan' menjadi "
        "sumber-sekunder",
        "terverifikasi-satu-sumber-sekunder",
    ),
]


@pytest.mark.parametrize(
    ("relative", "old", "new", "expected", "code"), _WARNINGS, ids=[w[4] for w in _WARNINGS]
)
def test_warning_is_reported_with_its_fix(
    minimal_project: Project, relative: str, old: str, new: str, expected: str | None, code: str
):
    project = minimal_project
    before = {(p.path, p.field, p.code) for p in _check(project)}
    project.edit(relative, old, new)
    problems = _check(project)
    new_problems = [p for p in problems if (p.path, p.field, p.code) not in before]
    assert [p.code for p in new_problems] == [code]
    assert new_problems[0].severity is Severity.WARNING
    if expected is not None:
        assert new_problems[0].format() == expected


def test_a_province_without_regencies_is_a_warning(minimal_project: Project):
    project = minimal_project
    path = project.content / "wilayah" / "aceh.yml"
    head = path.read_text(encoding="utf-8").split("kabupaten_kota:")[0]
    path.write_text(head + "kabupaten_kota: []\n", encoding="utf-8")
    problems = [p for p in _check(project) if p.path.endswith("aceh.yml")]
    at = project.where("wilayah/aceh.yml", "[]")
    assert [(p.format(), p.code) for p in problems] == [
        (
            f"content/wilayah/aceh.yml:{at}: peringatan: kabupaten_kota: provinsi ini belum punya "
            "kabupaten/kota. Isi 'kabupaten_kota' menurut daftar Kemendagri",
            "provinsi-tanpa-kabupaten-kota",
        )
    ]


@pytest.mark.parametrize("fmt", ["teks", "github", "json"])
def test_warnings_are_hidden_on_request_in_every_format(
    minimal_project: Project, capsys: pytest.CaptureFixture[str], fmt: str
):
    project = minimal_project
    project.edit("unit/biro-umum.yml", "nama: Biro Umum", "nama: Biro “Umum”")
    assert project.run("check", "--format", fmt) == 0
    assert "tanda kutip miring" in capsys.readouterr().out
    assert project.run("check", "--format", fmt, "--tanpa-peringatan") == 0
    assert "peringatan" not in capsys.readouterr().out.replace("--tanpa-peringatan", "")


@pytest.mark.parametrize(
    "article",
    [
        "Pasal 79",
        "Pasal 5A",
        "Pasal 88 ayat (1)",
        "Pasal 5 huruf a",
        "Pasal 88 ayat (1) huruf b",
        "Pasal 77, 78, 81, 85, dan 88",
        "Pasal 77–79, 82, 85, dan 86",
        "Pasal 77 dan 78",
    ],
)
def test_standard_article_forms(article: str):
    assert ARTICLE.match(article)


@pytest.mark.parametrize(
    "article",
    ["pasal 79", "Ps. 79", "Pasal", "Pasal 79 ayat 1", "79", "Pasal 77, 78 dan", "Pasal 5 (1)"],
)
def test_other_article_forms(article: str):
    assert not ARTICLE.match(article)


def test_real_content_has_no_new_warnings_but_plain_http():
    """The real content passes every new check; its four http:// sources are real findings."""
    from .conftest import CONTENT

    new = {
        "nama-dipakai-dua-unit",
        "kode-unit-ganda",
        "alias-sama-dengan-nama",
        "tanda-kutip-tipografis",
        "spasi-tak-putus",
        "pasal-tidak-baku",
        "provinsi-tanpa-kabupaten-kota",
        "nama-terlalu-panjang",
    }
    problems = check(load_content(CONTENT)).problems
    assert not [p.format() for p in problems if p.code in new]
    assert all(p.path == "content/sumber.yml" for p in problems if p.code == "url-http")
