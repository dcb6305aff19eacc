"""No published address breaks: former unit ids and kab/kota names get redirect pages, and the
open-data id of a kab/kota secretariat does not change with its name. Built end to end, on the
small fixture project.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .conftest import MINIMAL, Project, copy_project

pytestmark = pytest.mark.site

NEW_UNIT = "biro-umum-dan-protokol"


def _rename(project: Project) -> None:
    """Rename a unit (new id, with id_lama) and a kab/kota (with nama_lama)."""
    old = project.unit_file("biro-umum")
    text = old.read_text(encoding="utf-8")
    old.unlink()
    text = text.replace("id: biro-umum", f"id: {NEW_UNIT}\nid_lama: [biro-umum]")
    project.unit_file(NEW_UNIT).write_text(
        text.replace("nama: Biro Umum", "nama: Biro Umum dan Protokol"), encoding="utf-8"
    )
    project.edit(
        "wilayah/gorontalo.yml",
        'nama: "Kabupaten Gorontalo"',
        'nama: "Kabupaten Gorontalo Raya"\n    nama_lama: ["Kabupaten Gorontalo"]',
    )


@pytest.fixture(scope="module")
def renamed(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = copy_project(tmp_path_factory.mktemp("alihkan") / "proyek", MINIMAL)
    _rename(project)
    assert project.run("build", "--tanpa-peringatan") == 0
    return project


def _redirect(project: Project, url_path: str) -> tuple[str, str]:
    """The refresh target and the text of the redirect page at a site path."""
    page = (project.site / url_path / "index.html").read_text(encoding="utf-8")
    refresh = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', page)
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', page)
    assert refresh and canonical and refresh.group(1) == canonical.group(1)
    assert f'<a href="{refresh.group(1)}">' in page and '<html lang="id">' in page
    return refresh.group(1), page


def test_old_unit_address_leads_to_the_renamed_unit(renamed: Project):
    target, page = _redirect(renamed, "struktur/biro-umum")
    assert target == f"../{NEW_UNIT}/"
    assert (renamed.site / "struktur" / NEW_UNIT / "index.html").is_file()
    assert "Halaman ini sudah dipindahkan. Buka" in page and "Biro Umum dan Protokol</a>" in page
    assert "http" not in page.replace(
        'http-equiv="refresh"', ""
    )  # relative: works under a sub-path


def test_old_regency_address_leads_to_the_renamed_regency(renamed: Project):
    target, page = _redirect(renamed, "daerah/gorontalo/kabupaten-gorontalo")
    assert target == "../kabupaten-gorontalo-raya/"
    new_page = renamed.site / "daerah/gorontalo/kabupaten-gorontalo-raya/index.html"
    assert "Kabupaten Gorontalo Raya" in new_page.read_text(encoding="utf-8")
    assert "Sekretariat Komisi Pemilihan Umum Kabupaten Gorontalo Raya</a>" in page


def test_open_data_id_of_a_renamed_regency_is_unchanged(renamed: Project):
    rows = json.loads((renamed.site / "data/sekretariat-daerah.json").read_text(encoding="utf-8"))
    regency = next(r for r in rows if r["kode"] == "75.01")
    assert regency["id"] == "wilayah-75.01"
    assert regency["nama"].endswith("Kabupaten Gorontalo Raya")
    assert regency["induk"] == "wilayah-75"
    assert regency["alamat"] == "daerah/gorontalo/kabupaten-gorontalo-raya/"
    csv = (renamed.site / "data/sekretariat-daerah.csv").read_text(encoding="utf-8")
    assert "\nwilayah-75.01,75.01," in csv


def test_data_page_documents_the_stable_ids(renamed: Project):
    text = renamed.page("data/").get_text(" ", strip=True)
    assert "dibentuk dari kode wilayah Kemendagri" in text
    assert "'wilayah-32.01'" in text


def test_redirect_pages_are_not_searchable(renamed: Project):
    index = (renamed.site / "search/search_index.json").read_text(encoding="utf-8")
    assert '"location":"struktur/biro-umum/"' not in index.replace(" ", "")


def _errors(project: Project, capsys) -> list[str]:
    assert project.run("check", "--tanpa-peringatan") == 1
    return capsys.readouterr().err.splitlines()


def test_former_id_equal_to_a_current_id_is_an_error(minimal_project: Project, capsys):
    project = minimal_project
    project.edit("unit/biro-umum.yml", "id: biro-umum", "id: biro-umum\nid_lama: [biro-keuangan]")
    assert _errors(project, capsys)[0] == (
        "content/unit/biro-umum.yml:3:11: galat: id_lama[0]: id lama 'biro-keuangan' masih dipakai "
        "oleh unit 'biro-keuangan'; alamat yang masih dipakai tidak dapat dialihkan. Hapus butir ini"
    )


def test_former_id_used_twice_is_an_error(minimal_project: Project, capsys):
    project = minimal_project
    project.edit("unit/biro-umum.yml", "id: biro-umum", "id: biro-umum\nid_lama: [biro-lama]")
    project.edit(
        "unit/biro-keuangan.yml", "id: biro-keuangan", "id: biro-keuangan\nid_lama: [biro-lama]"
    )
    assert _errors(project, capsys)[0] == (
        "content/unit/biro-umum.yml:3:11: galat: id_lama[0]: id lama 'biro-lama' sudah ditulis di "
        "content/unit/biro-keuangan.yml:3; satu alamat lama hanya dapat dialihkan ke satu halaman. "
        "Hapus salah satunya"
    )


def test_former_name_of_a_current_regency_is_an_error(minimal_project: Project, capsys):
    project = minimal_project
    project.edit(
        "wilayah/gorontalo.yml",
        'nama: "Kota Gorontalo"',
        'nama: "Kota Gorontalo"\n    nama_lama: ["Kabupaten Gorontalo"]',
    )
    (line,) = [e for e in _errors(project, capsys) if "nama_lama" in e]
    at = project.where("wilayah/gorontalo.yml", '"Kabupaten Gorontalo"]')
    assert line == (
        f"content/wilayah/gorontalo.yml:{at}: galat: kabupaten_kota[1].nama_lama[0]: nama lama "
        "'Kabupaten Gorontalo' masih dipakai oleh 'Kabupaten Gorontalo'; alamat yang masih dipakai "
        "tidak dapat dialihkan. Hapus butir ini"
    )


def test_second_unchanged_build_writes_nothing(renamed: Project, capsys):
    capsys.readouterr()
    assert renamed.run("build", "--tanpa-peringatan") == 0
    out = capsys.readouterr().out.splitlines()
    assert re.fullmatch(
        r"\d+ halaman, \d+ bagan; docs/: 0 berkas ditulis, \d+ tidak berubah, 0 dihapus\.", out[0]
    )
    assert f"Situs di {renamed.site}/ sudah mutakhir; tidak ada yang berubah." in out


def test_stale_staging_folders_are_removed_by_the_next_build(renamed: Project):
    stale = renamed.site.parent / ".site-baru-mati"
    (stale / "struktur").mkdir(parents=True)
    (stale / "struktur" / "index.html").write_text("sisa", encoding="utf-8")
    other = renamed.site.parent / ".site-lain"
    other.mkdir()
    assert renamed.run("build", "--tanpa-peringatan") == 0
    assert not stale.exists() and other.is_dir()
    assert not list(Path(renamed.site.parent).glob(".site-baru-*"))
