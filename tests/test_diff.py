"""The reviewers' change summary: `python -m generator diff REVISION`, on the small fixture
project committed in a throwaway git repository (``git_repo`` in tests/conftest.py)."""

from __future__ import annotations

import pytest

from generator.cli import main

from .conftest import Project


@pytest.fixture
def repo(git_repo: Project) -> Project:
    return git_repo


def _diff(
    project: Project, capsys: pytest.CaptureFixture[str], revision: str = "HEAD", code: int = 0
) -> str:
    assert main(["diff", revision, "--content", str(project.content)]) == code
    return capsys.readouterr().out


def test_no_change(repo: Project, capsys: pytest.CaptureFixture[str]):
    assert (
        _diff(repo, capsys)
        == "## Perubahan konten dibanding `HEAD`\n\nTidak ada perubahan pada konten.\n"
    )


def test_moved_and_renamed_units(repo: Project, capsys: pytest.CaptureFixture[str]):
    repo.edit(
        "unit/biro-keuangan.yml",
        "induk: deputi-bidang-administrasi",
        "induk: sekretariat-jenderal",
    )
    repo.edit("unit/biro-umum.yml", "nama: Biro Umum", "nama: Biro Umum dan Protokol")
    out = _diff(repo, capsys)
    assert (
        "**Unit berganti nama (1)**\n\n- `biro-umum`: Biro Umum → Biro Umum dan Protokol\n" in out
    )
    assert (
        "**Unit dipindahkan (1)**\n\n- Biro Keuangan (`biro-keuangan`): dari Deputi Bidang "
        "Administrasi (`deputi-bidang-administrasi`) ke Sekretariat Jenderal Komisi Pemilihan Umum "
        "(`sekretariat-jenderal`)\n"
    ) in out


def test_added_removed_and_changed_fields(repo: Project, capsys: pytest.CaptureFixture[str]):
    (repo.content / "unit" / "biro-keuangan.yml").unlink()
    text = (repo.content / "unit" / "biro-umum.yml").read_text(encoding="utf-8")
    new = text.replace("id: biro-umum", "id: bagian-umum").replace(
        "nama: Biro Umum", "nama: Bagian Umum"
    )
    (repo.content / "unit" / "bagian-umum.yml").write_text(new, encoding="utf-8")
    repo.edit("unit/biro-umum.yml", 'kode: "03"', 'kode: "13"')
    repo.edit("peraturan/uu-7-2017.yml", "status: berlaku", "status: dicabut")
    out = _diff(repo, capsys, code=1)  # a unit page disappears without a redirect
    assert (
        "**Unit ditambahkan (1)**\n\n- Bagian Umum (`bagian-umum`), di bawah Deputi Bidang Administrasi"
        in out
    )
    assert "**Unit dihapus (1)**\n\n- Biro Keuangan (`biro-keuangan`)\n" in out
    assert "**Kolom berubah (1)**\n\n- Biro Umum (`biro-umum`): `kode`: `03` → `13`\n" in out
    assert "**Peraturan (1)**\n\n- `uu-7-2017`: `status`: `berlaku` → `dicabut`\n" in out


def test_a_new_file_name_for_the_same_unit_is_an_id_change(
    repo: Project, capsys: pytest.CaptureFixture[str]
):
    old = repo.content / "unit" / "biro-umum.yml"
    text = old.read_text(encoding="utf-8").replace("id: biro-umum", "id: biro-umum-baru")
    old.unlink()
    (repo.content / "unit" / "biro-umum-baru.yml").write_text(text, encoding="utf-8")
    out = _diff(repo, capsys, code=1)  # without id_lama the old address would break
    assert "**Unit berganti id (1)**\n\n- Biro Umum: `biro-umum` → `biro-umum-baru`\n" in out
    assert "Unit ditambahkan" not in out and "Unit dihapus" not in out


def test_unknown_revision_is_a_usage_error(repo: Project, capsys: pytest.CaptureFixture[str]):
    assert main(["diff", "tidak-ada", "--content", str(repo.content)]) == 2
    assert capsys.readouterr().err == (
        "galat: revisi git 'tidak-ada' tidak ditemukan. Periksa ejaannya, atau ambil dulu "
        "riwayatnya (mis. 'git fetch origin')\n"
    )
