"""`python -m generator diff REV` sees every kind of content, and refuses changes that break
published addresses. Each scenario is a real change committed in a throwaway git repository.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.cli import main

from .conftest import CONTENT, diff_json_agrees


@dataclass(frozen=True)
class Repo:
    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    def file(self, relative: str) -> Path:
        return self.content / relative

    def edit(self, relative: str, old: str, new: str) -> None:
        path = self.file(relative)
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        [
            "git",
            "-C",
            str(root),
            "-c",
            "user.name=Uji",
            "-c",
            "user.email=uji@example.invalid",
            *args,
        ],
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    """The real content, committed once in a new git repository."""
    root = tmp_path / "repo"
    shutil.copytree(CONTENT, root / "content")
    _git(root, "init", "-q")
    _git(root, "add", "content")
    _git(root, "commit", "-q", "-m", "awal")
    return Repo(root)


def _diff(repo: Repo, capsys: pytest.CaptureFixture[str], code: int = 0) -> tuple[str, str]:
    assert main(["diff", "HEAD", "--content", str(repo.content)]) == code
    captured = capsys.readouterr()
    diff_json_agrees(repo.content, "HEAD", captured.out, code, capsys)
    return captured.out, captured.err


def _section(out: str, title: str) -> list[str]:
    """The items of one section of the summary."""
    head = next(line for line in out.splitlines() if line.startswith(f"**{title} ("))
    rest = out.split(head + "\n\n", 1)[1]
    return [line[2:] for line in rest.split("\n\n", 1)[0].splitlines()]


def test_deleting_a_province_file_is_reported(repo: Repo, capsys):
    repo.file("wilayah/bali.yml").unlink()
    out, _ = _diff(repo, capsys)
    assert _section(out, "Provinsi") == ["Bali (`bali`) dihapus"]
    removed = _section(out, "Kabupaten/kota dihapus")
    assert "Kabupaten Badung (51&#46;03) di `bali`" in removed
    assert len(removed) == 9


def test_a_file_that_does_not_parse_is_unreadable_not_removed(repo: Repo, capsys):
    repo.file("wilayah/bali.yml").write_text("id: bali\nnama: 'Bali\n", encoding="utf-8")
    repo.file("unit/biro-umum.yml").write_text("id: [\n", encoding="utf-8")
    out, err = _diff(repo, capsys)
    assert _section(
        out,
        "Berkas tidak dapat dibaca (isinya tidak dibandingkan; lihat `python -m generator check`)",
    ) == [
        "`content/unit/biro-umum.yml` (sekarang)",
        "`content/wilayah/bali.yml` (sekarang)",
    ]
    assert "dihapus" not in out and err == ""


def test_renamed_regency_without_former_name_fails_with_the_line_to_add(repo: Repo, capsys):
    repo.edit("wilayah/jawa-barat.yml", 'nama: "Kabupaten Bogor"', 'nama: "Kabupaten Bogor Raya"')
    out, err = _diff(repo, capsys, code=1)
    assert _section(out, "Kabupaten/kota berganti nama") == [
        "32&#46;01: Kabupaten Bogor → Kabupaten Bogor Raya"
    ]
    fix = (
        "tambahkan `nama_lama: [Kabupaten Bogor]` pada kabupaten/kota kode 32.01 di "
        "content/wilayah/jawa-barat.yml"
    )
    assert _section(out, "Alamat halaman yang akan rusak; catat alamat lamanya") == [
        f"`daerah/jawa-barat/kabupaten-bogor/`: {fix}"
    ]
    assert err == f"galat: alamat daerah/jawa-barat/kabupaten-bogor/ akan rusak: {fix}\n"


def test_json_names_each_change_with_its_old_and_new_value(repo: Repo, capsys):
    repo.edit("wilayah/jawa-barat.yml", 'nama: "Kabupaten Bogor"', 'nama: "Kabupaten Bogor Raya"')
    repo.edit("unit/biro-logistik.yml", 'kode: "07"', 'kode: "17"')
    out, _ = _diff(repo, capsys, code=1)
    data = diff_json_agrees(repo.content, "HEAD", out, 1, capsys)
    assert {
        "subject": "kabupaten-kota",
        "kind": "berganti-nama",
        "record": {"key": "32.01", "name": "Kabupaten Bogor Raya"},
        "within": {"key": "jawa-barat", "name": None},
        "field": None,
        "quote": [],
        "before": "Kabupaten Bogor",
        "after": "Kabupaten Bogor Raya",
        "redirected": False,
    } in data["perubahan"]
    (field,) = [c for c in data["perubahan"] if c["subject"] == "unit"]
    assert (field["kind"], field["field"], field["before"], field["after"]) == (
        "kolom-berubah",
        "kode",
        "07",
        "17",
    )
    assert [b["alamat"] for b in data["alamat_rusak"]] == ["daerah/jawa-barat/kabupaten-bogor/"]


def test_renamed_regency_with_former_name_passes(repo: Repo, capsys):
    repo.edit(
        "wilayah/jawa-barat.yml",
        'nama: "Kabupaten Bogor"',
        'nama: "Kabupaten Bogor Raya"\n    nama_lama: [Kabupaten Bogor]',
    )
    out, err = _diff(repo, capsys)
    assert _section(out, "Kabupaten/kota: kolom berubah") == [
        'Kabupaten Bogor Raya (32&#46;01): `nama_lama`: (kosong) → `["Kabupaten Bogor"]`'
    ]
    assert err == ""


def test_regency_code_and_overrides(repo: Repo, capsys):
    repo.edit("wilayah/jawa-barat.yml", 'kode: "32.18"', 'kode: "32.19"')
    repo.edit(
        "wilayah/jawa-barat.yml",
        "    situs: https://kab-purwakarta.kpu.go.id",
        "    situs: https://purwakarta.kpu.go.id\n    tipe: B\n    sub_unit_dihapus: [subbagian-hukum-dan-sumber-daya-manusia]\n"
        "    catatan: Dicatat dari situs resmi.",
    )
    out, _ = _diff(repo, capsys)
    assert _section(out, "Kabupaten/kota berganti kode") == [
        "Kabupaten Pangandaran: `32.18` → `32.19`"
    ]
    changes = _section(out, "Kabupaten/kota: kolom berubah")
    assert changes[0].startswith("Kabupaten Purwakarta (32&#46;14): `catatan`: ")
    assert changes[0].endswith(" → `Dicatat dari situs resmi.`")
    assert changes[1:] == [
        "Kabupaten Purwakarta (32&#46;14): `situs`: `https://kab-purwakarta.kpu.go.id` → "
        "`https://purwakarta.kpu.go.id`",
        'Kabupaten Purwakarta (32&#46;14): `sub_unit_dihapus`: (kosong) → `["subbagian-hukum-dan-sumber-daya-manusia"]`',
        "Kabupaten Purwakarta (32&#46;14): `tipe`: (kosong) → `B`",
    ]


def test_unit_id_and_name_change_is_one_rename(repo: Repo, capsys):
    old = repo.file("unit/biro-umum.yml")
    text = old.read_text(encoding="utf-8")
    old.unlink()
    text = text.replace("id: biro-umum", "id: biro-umum-dan-protokol").replace(
        "nama: Biro Umum", "nama: Biro Umum dan Protokol"
    )
    repo.file("unit/biro-umum-dan-protokol.yml").write_text(text, encoding="utf-8")
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
    repo.file("unit/biro-umum-dan-protokol.yml").write_text(
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


def test_deleted_unit_fails(repo: Repo, capsys):
    repo.file("unit/inspektorat-wilayah-iii.yml").unlink()
    out, err = _diff(repo, capsys, code=1)
    assert _section(out, "Unit dihapus") == ["Inspektorat Wilayah III (`inspektorat-wilayah-iii`)"]
    assert err == (
        "galat: alamat struktur/inspektorat-wilayah-iii/ akan rusak: unit `inspektorat-wilayah-iii` "
        "dihapus. Simpan berkasnya dengan `status: dibubarkan`, atau tambahkan "
        "`id_lama: [inspektorat-wilayah-iii]` ke berkas unit penggantinya\n"
    )


def test_unit_fields_show_old_and_new_values(repo: Repo, capsys):
    repo.edit("unit/biro-logistik.yml", 'kode: "07"', 'kode: "17"')
    repo.edit("peraturan/uu-7-2017.yml", "status: berlaku", "status: dicabut")
    out, _ = _diff(repo, capsys)
    assert _section(out, "Kolom berubah") == [
        "Biro Logistik (`biro-logistik`): `kode`: `07` → `17`"
    ]
    assert _section(out, "Peraturan") == ["`uu-7-2017`: `status`: `berlaku` → `dicabut`"]


def test_long_values_are_shortened(repo: Repo, capsys):
    repo.edit("unit/biro-umum.yml", "kepala: Kepala Biro Umum", "kepala: " + "Kepala " * 30)
    out, _ = _diff(repo, capsys)
    (item,) = _section(out, "Kolom berubah")
    new = item.split(" → ")[1]
    assert new.startswith("`Kepala Kepala") and new.endswith("…`") and len(new) == 82


def test_standard_structure_changes(repo: Repo, capsys):
    path = "templat/sekretariat-kabupaten-kota.yml"
    text = repo.file(path).read_text(encoding="utf-8")
    assert "id: subbagian-hukum-dan-sumber-daya-manusia" in text
    repo.edit(path, "id: subbagian-hukum-dan-sumber-daya-manusia", "id: subbagian-hukum")
    repo.edit(path, "pasal: Pasal 81\n", "pasal: Pasal 81 ayat (9)\n")
    out, err = _diff(repo, capsys, code=1)
    items = _section(out, "Struktur baku")
    assert any(
        "sub-unit berganti id" in item
        and "`subbagian-hukum-dan-sumber-daya-manusia` → `subbagian-hukum`" in item
        for item in items
    ), items
    assert any("kutipan" in item and "ditambahkan" in item for item in items), items
    assert (
        "tambahkan `id_lama: [subbagian-hukum-dan-sumber-daya-manusia]` pada sub-unit `subbagian-hukum` di "
        "content/templat/sekretariat-kabupaten-kota.yml"
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


def test_unknown_revision_is_a_clear_indonesian_error(repo: Repo, capsys):
    assert main(["diff", "tidak-ada", "--content", str(repo.content)]) == 2
    assert capsys.readouterr().err == (
        "galat: revisi git 'tidak-ada' tidak ditemukan. Periksa ejaannya, atau ambil dulu "
        "riwayatnya (mis. 'git fetch origin')\n"
    )
