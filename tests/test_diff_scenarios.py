"""`python -m generator diff REV` sees every kind of content, and refuses changes that break
published addresses. Each scenario is a real change to the small fixture project, committed in a
throwaway git repository (``git_repo`` in tests/conftest.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main

from .conftest import Project


@pytest.fixture
def repo(git_repo: Project) -> Project:
    return git_repo


def _diff(repo: Project, capsys: pytest.CaptureFixture[str], code: int = 0) -> tuple[str, str]:
    assert main(["diff", "HEAD", "--content", str(repo.content)]) == code
    captured = capsys.readouterr()
    return captured.out, captured.err


def _section(out: str, title: str) -> list[str]:
    """The items of one section of the summary."""
    head = next(line for line in out.splitlines() if line.startswith(f"**{title} ("))
    rest = out.split(head + "\n\n", 1)[1]
    return [line[2:] for line in rest.split("\n\n", 1)[0].splitlines()]


def test_deleting_a_province_file_is_reported(repo: Project, capsys):
    repo.content.joinpath("wilayah/gorontalo.yml").unlink()
    out, _ = _diff(repo, capsys)
    assert _section(out, "Provinsi") == ["Gorontalo (`gorontalo`) dihapus"]
    assert _section(out, "Kabupaten/kota dihapus") == [
        "Kabupaten Gorontalo (75&#46;01) di `gorontalo`",
        "Kota Gorontalo (75&#46;71) di `gorontalo`",
    ]


def test_a_file_that_does_not_parse_is_unreadable_not_removed(repo: Project, capsys):
    repo.content.joinpath("wilayah/gorontalo.yml").write_text(
        "id: gorontalo\nnama: 'Gorontalo\n", encoding="utf-8"
    )
    repo.content.joinpath("unit/biro-umum.yml").write_text("id: [\n", encoding="utf-8")
    out, err = _diff(repo, capsys)
    assert _section(
        out,
        "Berkas tidak dapat dibaca (isinya tidak dibandingkan; lihat `python -m generator check`)",
    ) == [
        "`content/unit/biro-umum.yml` (sekarang)",
        "`content/wilayah/gorontalo.yml` (sekarang)",
    ]
    assert "dihapus" not in out and err == ""


def test_renamed_regency_without_former_name_fails_with_the_line_to_add(repo: Project, capsys):
    repo.edit(
        "wilayah/gorontalo.yml", 'nama: "Kabupaten Gorontalo"', 'nama: "Kabupaten Gorontalo Raya"'
    )
    out, err = _diff(repo, capsys, code=1)
    assert _section(out, "Kabupaten/kota berganti nama") == [
        "75&#46;01: Kabupaten Gorontalo → Kabupaten Gorontalo Raya"
    ]
    fix = (
        "tambahkan `nama_lama: [Kabupaten Gorontalo]` pada kabupaten/kota kode 75.01 di "
        "content/wilayah/gorontalo.yml"
    )
    assert _section(out, "Alamat halaman yang akan rusak; catat alamat lamanya") == [
        f"`daerah/gorontalo/kabupaten-gorontalo/`: {fix}"
    ]
    assert err == f"galat: alamat daerah/gorontalo/kabupaten-gorontalo/ akan rusak: {fix}\n"


def test_renamed_regency_with_former_name_passes(repo: Project, capsys):
    repo.edit(
        "wilayah/gorontalo.yml",
        'nama: "Kabupaten Gorontalo"',
        'nama: "Kabupaten Gorontalo Raya"\n    nama_lama: [Kabupaten Gorontalo]',
    )
    out, err = _diff(repo, capsys)
    assert _section(out, "Kabupaten/kota: kolom berubah") == [
        'Kabupaten Gorontalo Raya (75&#46;01): `nama_lama`: (kosong) → `["Kabupaten Gorontalo"]`'
    ]
    assert err == ""


def test_regency_code_and_overrides(repo: Project, capsys):
    repo.edit("wilayah/gorontalo.yml", 'kode: "75.01"', 'kode: "75.02"')
    repo.edit(
        "wilayah/gorontalo.yml",
        "    situs: https://example.org/kota-gorontalo",
        "    situs: https://kota-gorontalo.example.org\n    tipe: B\n"
        "    sub_unit_dihapus: [subbagian-keuangan-umum-dan-logistik]\n"
        "    catatan: Dicatat dari situs resmi.",
    )
    out, _ = _diff(repo, capsys)
    assert _section(out, "Kabupaten/kota berganti kode") == [
        "Kabupaten Gorontalo: `75.01` → `75.02`"
    ]
    assert _section(out, "Kabupaten/kota: kolom berubah") == [
        "Kota Gorontalo (75&#46;71): `catatan`: (kosong) → `Dicatat dari situs resmi.`",
        "Kota Gorontalo (75&#46;71): `situs`: `https://example.org/kota-gorontalo` → "
        "`https://kota-gorontalo.example.org`",
        'Kota Gorontalo (75&#46;71): `sub_unit_dihapus`: (kosong) → `["subbagian-keuangan-umum-dan-logistik"]`',
        "Kota Gorontalo (75&#46;71): `tipe`: (kosong) → `B`",
    ]


def test_unit_id_and_name_change_is_one_rename(repo: Project, capsys):
    old = repo.content.joinpath("unit/biro-umum.yml")
    text = old.read_text(encoding="utf-8")
    old.unlink()
    text = text.replace("id: biro-umum", "id: biro-umum-dan-protokol").replace(
        "nama: Biro Umum", "nama: Biro Umum dan Protokol"
    )
    repo.content.joinpath("unit/biro-umum-dan-protokol.yml").write_text(text, encoding="utf-8")
    out, err = _diff(repo, capsys, code=1)
    assert _section(out, "Unit berganti id") == [
        "Biro Umum dan Protokol: `biro-umum` → `biro-umum-dan-protokol`"
    ]
    assert _section(out, "Unit berganti nama") == [
        "`biro-umum-dan-protokol`: Biro Umum → Biro Umum dan Protokol"
    ]
    assert "Unit ditambahkan" not in out and "Unit dihapus" not in out
    assert err == (
        "galat: alamat struktur/biro-umum/ akan rusak: tambahkan `id_lama: [biro-umum]` ke "
        "content/unit/biro-umum-dan-protokol.yml\n"
    )
    # Recording the former id makes it pass, and the summary says the old address is kept.
    repo.content.joinpath("unit/biro-umum-dan-protokol.yml").write_text(
        text.replace(
            "id: biro-umum-dan-protokol", "id: biro-umum-dan-protokol\nid_lama: [biro-umum]"
        ),
        encoding="utf-8",
    )
    out, err = _diff(repo, capsys)
    assert _section(out, "Unit berganti id") == [
        "Biro Umum dan Protokol: `biro-umum` → `biro-umum-dan-protokol` (alamat lama dialihkan)"
    ]
    assert err == ""


def test_deleted_unit_fails(repo: Project, capsys):
    repo.content.joinpath("unit/biro-umum.yml").unlink()
    out, err = _diff(repo, capsys, code=1)
    assert _section(out, "Unit dihapus") == ["Biro Umum (`biro-umum`)"]
    assert err == (
        "galat: alamat struktur/biro-umum/ akan rusak: unit `biro-umum` "
        "dihapus. Simpan berkasnya dengan `status: dibubarkan`, atau tambahkan "
        "`id_lama: [biro-umum]` ke berkas unit penggantinya\n"
    )


def test_unit_fields_show_old_and_new_values(repo: Project, capsys):
    repo.edit("unit/biro-umum.yml", 'kode: "03"', 'kode: "13"')
    repo.edit("peraturan/uu-7-2017.yml", "status: berlaku", "status: dicabut")
    out, _ = _diff(repo, capsys)
    assert _section(out, "Kolom berubah") == ["Biro Umum (`biro-umum`): `kode`: `03` → `13`"]
    assert _section(out, "Peraturan") == ["`uu-7-2017`: `status`: `berlaku` → `dicabut`"]


def test_long_values_are_shortened(repo: Project, capsys):
    repo.edit("unit/biro-umum.yml", "kepala: Kepala Biro Umum", "kepala: " + "Kepala " * 30)
    out, _ = _diff(repo, capsys)
    (item,) = _section(out, "Kolom berubah")
    new = item.split(" → ")[1]
    assert new.startswith("`Kepala Kepala") and new.endswith("…`") and len(new) == 82


def test_standard_structure_changes(repo: Project, capsys):
    path = "templat/sekretariat-kabupaten-kota.yml"
    text = repo.content.joinpath(path).read_text(encoding="utf-8")
    assert "id: subbagian-keuangan-umum-dan-logistik" in text
    repo.edit(path, "id: subbagian-keuangan-umum-dan-logistik", "id: subbagian-kul")
    repo.edit(path, "pasal: Pasal 81\n", "pasal: Pasal 81 ayat (9)\n")
    out, err = _diff(repo, capsys, code=1)
    items = _section(out, "Struktur baku")
    assert any(
        "sub-unit berganti id" in item
        and "`subbagian-keuangan-umum-dan-logistik` → `subbagian-kul`" in item
        for item in items
    ), items
    assert any("kutipan" in item and "ditambahkan" in item for item in items), items
    assert (
        "tambahkan `id_lama: [subbagian-keuangan-umum-dan-logistik]` pada sub-unit `subbagian-kul` "
        "di content/templat/sekretariat-kabupaten-kota.yml"
    ) in err


def test_missing_repository_is_a_clear_indonesian_error(tmp_path: Path, capsys):
    content = tmp_path / "content"
    content.mkdir()
    assert main(["diff", "HEAD", "--content", str(content)]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"galat: folder konten '{content}' tidak berada di dalam repositori git, jadi tidak ada "
        "revisi untuk dibandingkan. Jalankan perintah ini di dalam salinan repositori (hasil 'git clone')\n"
    )
    assert "fatal" not in err


def test_unknown_revision_is_a_clear_indonesian_error(repo: Project, capsys):
    assert main(["diff", "tidak-ada", "--content", str(repo.content)]) == 2
    assert capsys.readouterr().err == (
        "galat: revisi git 'tidak-ada' tidak ditemukan. Periksa ejaannya, atau ambil dulu "
        "riwayatnya (mis. 'git fetch origin')\n"
    )
