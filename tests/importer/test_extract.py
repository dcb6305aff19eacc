"""Organisation facts: tugas (sentence or list), fungsi by letter, sub-units, head, parent."""

from __future__ import annotations

from generator.tools.importer.extract import extract, strip_list_punctuation
from generator.tools.importer.parse import parse_articles


def _units(*lines: str):
    articles, _ = parse_articles(list(lines), "X")
    return {u.name: u for u in extract(tuple(articles))}


def test_list_punctuation_is_stripped():
    assert [
        strip_list_punctuation(t)
        for t in ("satu;", "dua; dan", "tiga; atau", "empat.", "lima, dan/atau")
    ] == [
        "satu",
        "dua",
        "tiga",
        "empat",
        "lima",
    ]


def test_every_fact_with_its_article():
    units = _units(
        "Pasal 2",
        "(1) Biro Umum berada di bawah dan bertanggung jawab kepada Sekretaris Jenderal",
        "melalui Deputi Bidang Administrasi.",
        "(2) Biro Umum dipimpin oleh Kepala Biro Umum.",
        "Pasal 3",
        "Biro Umum mempunyai tugas melaksanakan urusan umum.",
        "Pasal 4",
        "Dalam melaksanakan tugas sebagaimana dimaksud dalam Pasal 3, Biro Umum",
        "menyelenggarakan fungsi:",
        "a. pengelolaan tata usaha;",
        "b. pengelolaan rumah tangga; dan",
        "c. pelaksanaan fungsi lain.",
        "Pasal 5",
        "Biro Umum terdiri atas:",
        "a. Bagian Tata Usaha;",
        "b. Bagian Rumah Tangga; dan",
        "c. Kelompok Jabatan Fungsional.",
    )
    unit = units["Biro Umum"]
    assert unit.article == "Pasal 2"
    assert (unit.parent, unit.parent_article) == ("Sekretaris Jenderal", "Pasal 2 ayat (1)")
    assert (unit.head, unit.head_article) == ("Kepala Biro Umum", "Pasal 2 ayat (2)")
    assert unit.duty is not None
    assert (unit.duty.text, unit.duty.items, unit.duty.article) == (
        "melaksanakan urusan umum.",
        (),
        "Pasal 3",
    )
    assert [(f.text, f.article, f.letter) for f in unit.functions] == [
        ("pengelolaan tata usaha", "Pasal 4 huruf a", "a"),
        ("pengelolaan rumah tangga", "Pasal 4 huruf b", "b"),
        ("pelaksanaan fungsi lain", "Pasal 4 huruf c", "c"),
    ]
    assert unit.parts == ["Bagian Tata Usaha", "Bagian Rumah Tangga", "Kelompok Jabatan Fungsional"]


def test_bertugas_as_a_list_in_an_ayat():
    units = _units(
        "Pasal 8",
        "(1) Pusat Data bertugas:",
        "a. mengelola data; atau",
        "b. mengelola aplikasi, meliputi:",
        "1. aplikasi internal; dan",
        "2. aplikasi publik.",
    )
    duty = units["Pusat Data"].duty
    assert duty is not None
    assert duty.article == "Pasal 8 ayat (1)"
    assert duty.items == (
        "mengelola data",
        "mengelola aplikasi, meliputi: 1. aplikasi internal; dan 2. aplikasi publik",
    )
    assert duty.text == (
        "a. mengelola data; atau b. mengelola aplikasi, meliputi: 1. aplikasi internal; dan "
        "2. aplikasi publik."
    )


def test_sub_units_written_inline_and_a_unit_name_with_commas():
    units = _units(
        "Pasal 1",
        "Deputi Bidang Administrasi terdiri atas Biro Hukum, Biro Umum, dan Biro Keuangan.",
        "Pasal 2",
        "Sekretariat terdiri atas Biro Hukum dan Biro Umum.",
        "Pasal 3",
        "Dalam melaksanakan tugas sebagaimana dimaksud dalam Pasal 2, Biro Perencanaan,",
        "Keuangan, dan Umum menyelenggarakan fungsi perencanaan.",
    )
    assert units["Deputi Bidang Administrasi"].parts == ["Biro Hukum", "Biro Umum", "Biro Keuangan"]
    assert units["Sekretariat"].parts == ["Biro Hukum", "Biro Umum"]
    functions = units["Biro Perencanaan, Keuangan, dan Umum"].functions
    assert [(f.text, f.article, f.letter) for f in functions] == [("perencanaan", "Pasal 3", None)]


def test_deleted_articles_and_sentences_without_a_unit_give_no_facts():
    units = _units(
        "Pasal 1",
        "Dihapus.",
        "Pasal 2",
        "Setiap unit terdiri atas kelompok jabatan fungsional.",
        "Pasal 3",
        "Ketentuan lebih lanjut mengenai tugas diatur dengan Peraturan Presiden.",
    )
    assert units == {}
