"""The structure of legislation: title, preamble, headings, articles, ayat, huruf, angka."""

from __future__ import annotations

import pytest

from generator.tools.importer.document import Clause, ImportFailed, Point
from generator.tools.importer.parse import parse_articles, parse_regulation

HEAD = [
    "PERATURAN PRESIDEN REPUBLIK INDONESIA",
    "NOMOR 5 TAHUN 2099",
    "TENTANG",
    "ORGANISASI BADAN",
    "CONTOH",
    "DENGAN RAHMAT TUHAN YANG MAHA ESA",
    "PRESIDEN REPUBLIK INDONESIA,",
    "Menimbang : a. bahwa satu;",
    "b. bahwa dua;",
    "Mengingat : 1. Pasal 4 ayat (1) Undang-Undang Dasar;",
    "2. Undang-Undang Nomor 1",
    "Tahun 2000;",
    "MEMUTUSKAN:",
    "Menetapkan : PERATURAN PRESIDEN TENTANG ORGANISASI BADAN CONTOH.",
]


def test_title_number_year_and_preamble():
    regulation = parse_regulation([*HEAD, "Pasal 1", "Teks."], "contoh.txt")
    assert (regulation.kind, regulation.number, regulation.year) == (
        "PERATURAN PRESIDEN REPUBLIK INDONESIA",
        5,
        2099,
    )
    assert regulation.title == "ORGANISASI BADAN CONTOH"
    assert regulation.label == "Peraturan Presiden Nomor 5 Tahun 2099"
    assert regulation.considering == ("bahwa satu;", "bahwa dua;")
    assert regulation.observing == (
        "Pasal 4 ayat (1) Undang-Undang Dasar;",
        "Undang-Undang Nomor 1 Tahun 2000;",
    )


def test_headings_end_articles_and_their_titles_are_not_article_text():
    lines = [
        "BAB I",
        "KETENTUAN UMUM",
        "Pasal 1",
        "Teks satu.",
        "BAB II",
        "SUSUNAN ORGANISASI DAN",
        "TATA KERJA",
        "Bagian Kedua Puluh Satu",
        "Biro Umum",
        "Paragraf 3",
        "Tugas",
        "Pasal 5A",
        "Teks lima A.",
    ]
    articles, before = parse_articles(lines, "X")
    assert [(a.number, a.full_text()) for a in articles] == [
        ("1", "Teks satu."),
        ("5A", "Teks lima A."),
    ]
    assert before == []


def test_ayat_huruf_and_nested_angka():
    lines = [
        "Pasal 2",
        "(1) Biro bertugas:",
        "a. satu;",
        "b. dua, meliputi:",
        "1. dua satu; dan",
        "2. dua dua; dan",
        "c. tiga.",
        "(2) Biro dipimpin oleh Kepala Biro",
        "sebagaimana dimaksud pada ayat",
        "(1) dan huruf",
        "a. yang sama.",
        "(2a) Sisipan.",
    ]
    (article,), _ = parse_articles(lines, "X")
    assert article.clauses == (
        Clause(
            "1",
            "Biro bertugas:",
            (
                Point("a", "huruf", "satu;"),
                Point(
                    "b",
                    "huruf",
                    "dua, meliputi:",
                    (Point("1", "angka", "dua satu; dan"), Point("2", "angka", "dua dua; dan")),
                ),
                Point("c", "huruf", "tiga."),
            ),
        ),
        Clause(
            "2",
            "Biro dipimpin oleh Kepala Biro sebagaimana dimaksud pada ayat (1) dan huruf a. yang sama.",
        ),
        Clause("2a", "Sisipan."),
    )


def test_letters_run_to_z():
    letters = "abcdefghijklmnopqrstuvwxyz"
    lines = ["Pasal 1", "Biro bertugas:", *(f"{c}. tugas {c};" for c in letters)]
    (article,), _ = parse_articles(lines, "X")
    assert [p.label for p in article.clauses[0].points] == list(letters)


def test_a_text_that_is_not_a_regulation_is_refused():
    with pytest.raises(ImportFailed) as error:
        parse_regulation(["Notulen rapat", "Pasal 1", "Teks."], "notulen.txt")
    assert str(error.value) == (
        "'notulen.txt' bukan teks peraturan perundang-undangan: tidak ditemukan judul berbentuk "
        "'... NOMOR ... TAHUN ... TENTANG ...' yang diikuti 'Menimbang'."
    )


def test_a_regulation_without_articles_is_refused():
    with pytest.raises(ImportFailed, match="tidak ada satu pun pasal"):
        parse_regulation(HEAD, "kosong.txt")
