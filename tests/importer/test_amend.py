"""Every amendment formula, applied to a small base text."""

from __future__ import annotations

import pytest

from generator.tools.importer.amend import amend, split_instructions
from generator.tools.importer.document import ImportFailed
from generator.tools.importer.parse import parse_articles

BASE_LINES = [
    "Pasal 4",
    "(1) Ayat satu.",
    "(2) Ayat dua.",
    "(3) Ayat tiga.",
    "Pasal 5",
    "Teks lima.",
    "Pasal 6",
    "Teks enam.",
    "Pasal 7",
    "Teks tujuh.",
    "Pasal 9",
    "(1) Sembilan satu.",
    "(2) Sembilan dua.",
    "Pasal 10",
    "(1) Sepuluh satu.",
    "(2) Sepuluh dua.",
]
BASE = tuple(parse_articles(BASE_LINES, "Dasar")[0])
BY = "Perubahan"


def _apply(*lines: str) -> dict[str, tuple[str, str]]:
    articles, notes = amend(BASE, tuple(lines), BY, "Dasar")
    assert notes == []
    return {a.number: (a.full_text(), a.set_by) for a in articles}


def test_article_changed():
    result = _apply(
        "1. Ketentuan Pasal 5 diubah sehingga berbunyi sebagai berikut:",
        "Pasal 5",
        "(1) Lima baru satu.",
        "(2) Lima baru dua.",
    )
    assert result["5"] == ("(1) Lima baru satu. (2) Lima baru dua.", BY)
    assert result["6"] == ("Teks enam.", "Dasar")


def test_articles_inserted_in_order():
    result = _apply(
        "1. Di antara Pasal 5 dan Pasal 6 disisipkan 2 (dua) pasal, yakni Pasal 5A dan Pasal 5B",
        "sehingga berbunyi sebagai berikut:",
        "Pasal 5A",
        "Teks lima A.",
        "Pasal 5B",
        "Teks lima B.",
    )
    assert list(result) == ["4", "5", "5A", "5B", "6", "7", "9", "10"]
    assert result["5B"] == ("Teks lima B.", BY)


def test_article_deleted():
    assert _apply("1. Ketentuan Pasal 7 dihapus.")["7"] == ("Dihapus.", BY)


def test_clause_changed_with_the_article_restated():
    result = _apply(
        "1. Ketentuan ayat (2) Pasal 9 diubah sehingga Pasal 9 berbunyi sebagai berikut:",
        "Pasal 9",
        "(1) Sembilan satu.",
        "(2) Sembilan dua baru.",
    )
    assert result["9"] == ("(1) Sembilan satu. (2) Sembilan dua baru.", BY)


def test_clause_changed_alone():
    result = _apply(
        "1. Ketentuan ayat (2) Pasal 9 diubah sehingga berbunyi sebagai berikut:",
        "(2) Sembilan dua baru.",
    )
    assert result["9"] == ("(1) Sembilan satu. (2) Sembilan dua baru.", BY)


def test_clause_added():
    result = _apply(
        "1. Ketentuan Pasal 10 ditambahkan 1 (satu) ayat, yakni ayat (3) sehingga Pasal 10",
        "berbunyi sebagai berikut:",
        "Pasal 10",
        "(1) Sepuluh satu.",
        "(2) Sepuluh dua.",
        "(3) Sepuluh tiga.",
    )
    assert result["10"] == ("(1) Sepuluh satu. (2) Sepuluh dua. (3) Sepuluh tiga.", BY)


def test_clause_inserted_between_clauses():
    result = _apply(
        "1. Di antara ayat (2) dan ayat (3) Pasal 4 disisipkan 1 (satu) ayat, yakni ayat (2a)",
        "sehingga berbunyi sebagai berikut:",
        "(2a) Ayat dua A.",
    )
    assert result["4"] == ("(1) Ayat satu. (2) Ayat dua. (2a) Ayat dua A. (3) Ayat tiga.", BY)


def test_clause_deleted():
    assert _apply("1. Ketentuan ayat (1) Pasal 9 dihapus.")["9"] == (
        "(1) Dihapus. (2) Sembilan dua.",
        BY,
    )


def test_several_numbered_instructions_with_lists_inside_restated_articles():
    result = _apply(
        "Beberapa ketentuan dalam Peraturan Dasar diubah sebagai berikut:",
        "1. Ketentuan Pasal 5 diubah sehingga berbunyi sebagai berikut:",
        "Pasal 5",
        "Biro terdiri atas:",
        "1. Bagian A; dan",
        "2. Bagian B.",
        "2. Ketentuan Pasal 6 dihapus.",
    )
    assert result["5"] == ("Biro terdiri atas: 1. Bagian A; dan 2. Bagian B.", BY)
    assert result["6"] == ("Dihapus.", BY)


def test_an_unnumbered_single_instruction():
    instructions = split_instructions(
        ("Ketentuan Pasal 7 diubah sehingga berbunyi sebagai berikut:", "Pasal 7", "Baru.")
    )
    assert [(i.number, i.sentence, i.body) for i in instructions] == [
        (1, "Ketentuan Pasal 7 diubah sehingga berbunyi sebagai berikut:", ("Pasal 7", "Baru."))
    ]


@pytest.mark.parametrize(
    ("instruction", "message"),
    [
        (
            "1. Ketentuan Pasal 8 diubah sehingga berbunyi sebagai berikut:",
            "perubahan ini menyebut Pasal 8, tetapi Pasal 8 tidak ada dalam Dasar",
        ),
        (
            "1. Ketentuan ayat (5) Pasal 9 diubah sehingga berbunyi sebagai berikut:",
            "perubahan ini menyebut ayat (5) Pasal 9, tetapi Pasal 9 tidak memiliki ayat (5)",
        ),
        (
            "1. Di antara Pasal 4 dan Pasal 5 disisipkan 1 (satu) pasal, yakni Pasal 7 sehingga berbunyi sebagai berikut:",
            "Pasal 7 hendak disisipkan, tetapi sudah ada",
        ),
    ],
)
def test_an_instruction_naming_a_missing_article_fails(instruction: str, message: str):
    with pytest.raises(ImportFailed) as error:
        amend(BASE, (instruction, "Pasal 8", "Teks."), BY, "Dasar")
    assert str(error.value) == (
        f'{BY}, Pasal I angka 1: {message}. Perintah perubahan: "{instruction.removeprefix("1. ")}"'
    )


def test_an_instruction_that_is_not_understood_is_reported():
    articles, notes = amend(BASE, ("1. Penjelasan Pasal 5 diubah.",), BY, "Dasar")
    assert articles == BASE
    assert notes == ["Perubahan: perubahan angka 1 tidak diterapkan: Penjelasan Pasal 5 diubah."]
