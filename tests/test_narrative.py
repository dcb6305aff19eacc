"""Narrative pages cite their sources as footnotes; check guards them, the build defines them."""

from __future__ import annotations

import pytest

from generator.errors import Severity
from generator.handwritten.citations import check_page, definitions
from generator.schema import Source

from .conftest import Project

SOURCES = {"uu-teks", "berita"}


def test_unknown_footnote_label_is_an_error_with_its_place():
    (problem,) = check_page("docs/tentang/x.md", "Judul.\n\nSetjen ada.[^uu-tek]\n", SOURCES)
    assert problem.format() == (
        "docs/tentang/x.md:3:12: galat: catatan kaki '[^uu-tek]' tidak merujuk sumber mana pun; "
        "tulis id sumber dari content/sumber.yml, atau tambahkan sumbernya di sana"
    )


def test_paragraph_without_citation_is_a_warning():
    text = (
        "---\ntitle: X\n---\n\n# Judul\n\n"
        "Keputusan diambil dalam rapat yang dihadiri seluruh anggota dan pejabat sekretariat.\n\n"
        "Sekretariat dibentuk untuk mendukung tugas KPU menurut UU 7/2017 Pasal 77 dan seterusnya.\n\n"
        "Keterangan ini berasal dari berita yang dapat dibaca publik di situs daerah.[^berita]\n\n"
        "- butir daftar tanpa sumber yang cukup panjang untuk dihitung sebagai paragraf biasa\n\n"
        "Lihat juga [halaman lain](../index.md) untuk keterangan lebih lanjut.\n"
    )
    (problem,) = check_page("docs/tentang/x.md", text, SOURCES)
    assert problem.severity is Severity.WARNING
    assert problem.format() == (
        "docs/tentang/x.md:7:1: peringatan: paragraf ini tidak menyebut sumber; tambahkan catatan "
        "kaki dengan id sumber, mis. [^uu-7-2017-teks], atau sebut pasalnya, mis. 'UU 7/2017 Pasal 77'"
    )


def test_definitions_escape_titles_and_say_when_there_is_no_link():
    sources = {
        "a": Source(judul="Judul *tebal*", url="https://x.id/a_(b)", jenis="primer"),
        "b": Source(judul="Aplikasi", jenis="sekunder"),
    }
    assert definitions(sources) == (
        "[^a]: [Judul &#42;tebal&#42;](<https://x.id/a_(b)>).\n"
        "[^b]: Aplikasi — tanpa tautan daring.\n"
    )


def test_the_cited_source_is_shown_as_a_footnote(minimal_project: Project):
    assert minimal_project.run("build", "--tanpa-peringatan") == 0
    soup = minimal_project.page("")
    (note,) = soup.select("div.footnote li")
    link = note.find("a", href="https://example.org/uu-7-2017")
    assert link.get_text() == "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum"
    assert soup.select_one("sup a.footnote-ref")


def test_an_unknown_label_stops_check_before_the_build(
    minimal_project: Project, capsys: pytest.CaptureFixture[str]
):
    index = minimal_project.root / "docs" / "index.md"
    index.write_text(
        index.read_text(encoding="utf-8").replace("[^uu-teks]", "[^uu]"), encoding="utf-8"
    )
    assert minimal_project.run("check", "--tanpa-peringatan") == 1
    assert "docs/index.md:7:68: galat: catatan kaki '[^uu]'" in capsys.readouterr().err
