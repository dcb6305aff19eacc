"""Page furniture: page numbers, running headers and footers, continuation markers, hyphens."""

from __future__ import annotations

from generator.tools.importer.clean import clean, join_broken_words


def test_page_numbers_headers_footers_and_markers_are_removed():
    pages = [
        [
            "PKPU 9 TAHUN 2099",
            "Pasal 1",
            "(1) Biro Umum mempunyai tugas",
            "(2) Biro . . .",
            "jdih.kpu.go.id",
        ],
        [
            "-2-",
            "PKPU 9 TAHUN 2099",
            "(2) Biro Umum dipimpin oleh Kepala Biro.",
            "Pasal 2 …",
            "jdih.kpu.go.id",
        ],
        ["- 3 -", "PKPU 9 TAHUN 2099", "Pasal 2", "Cukup jelas.", "jdih.kpu.go.id"],
    ]
    assert clean(pages) == [
        "Pasal 1",
        "(1) Biro Umum mempunyai tugas",
        "(2) Biro Umum dipimpin oleh Kepala Biro.",
        "Pasal 2",
        "Cukup jelas.",
    ]


def test_a_text_copy_without_form_feeds_is_split_at_its_page_numbers():
    text = [
        "Pasal 1",
        "Teks satu.",
        "PRESIDEN",
        "- 2 -",
        "PRESIDEN",
        "Pasal 2",
        "Teks dua.",
        "- 3 -",
        "PRESIDEN",
        "Pasal 3",
    ]
    assert clean([text]) == ["Pasal 1", "Teks satu.", "Pasal 2", "Teks dua.", "Pasal 3"]


def test_a_header_line_in_the_middle_of_a_page_is_kept():
    pages = [
        ["PRESIDEN", "Dengan Persetujuan Bersama", "PRESIDEN", "MEMUTUSKAN:"],
        ["PRESIDEN", "Pasal 1", "Teks."],
    ]
    assert clean(pages) == [
        "Dengan Persetujuan Bersama",
        "PRESIDEN",
        "MEMUTUSKAN:",
        "Pasal 1",
        "Teks.",
    ]


def test_words_broken_across_lines_are_joined_and_reduplication_keeps_its_hyphen():
    lines = [
        "pertang-",
        "gungjawaban KPU;",
        "peraturan perundang-",
        "undangan.",
        "tugas-",
        "tugas lain",
        "Undang-",
        "Undang Dasar",
    ]
    assert join_broken_words(lines) == [
        "pertanggungjawaban KPU;",
        "peraturan perundang-undangan.",
        "tugas-tugas lain",
        "Undang-Undang Dasar",
    ]


def test_whitespace_and_soft_hyphens_are_normalised():
    assert clean([["  Pasal\t1 ", "Biro\u00a0Umum  ber\u00adtugas."]]) == [
        "Pasal 1",
        "Biro Umum bertugas.",
    ]


def test_form_feeds_mark_pages_in_a_text_copy(tmp_path):
    from generator.tools.importer.read import read_source

    copy = tmp_path / "salinan.txt"
    copy.write_text("Pasal 1\nSatu.\njdih.kpu.go.id\n\f3\nPasal 2\nDua.\n", encoding="utf-8")
    source = read_source(copy)
    assert source.pages == (
        ("Pasal 1", "Satu.", "jdih.kpu.go.id"),
        ("3", "Pasal 2", "Dua."),
    )
    assert clean(source.pages) == ["Pasal 1", "Satu.", "Pasal 2", "Dua."]
