"""The names search knows pages by (generator/plan/search.py), the root forms that reach the
index, and the post-processed index (generator/pipeline/search_index.py)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

from generator.model.organisation import Organisation
from generator.pipeline.search_index import FUNCTION_WORDS, generic_words, with_names_field
from generator.plan.central_pages import central_pages
from generator.plan.labels import regulation_short
from generator.plan.regional_pages import region_pages
from generator.plan.search import (
    TOPIC_NAMES,
    regulation_search_names,
    secretariat_search_names,
    unit_search_names,
)
from generator.plan.site import plan

from .test_stem import NOISE


def test_a_regency_is_known_by_the_forms_citizens_type(org: Organisation) -> None:
    bogor = secretariat_search_names(org.regional.secretariats["jawa-barat/kabupaten-bogor"])
    assert bogor == (
        "Sekretariat KPU Kabupaten Bogor",
        "KPU Kabupaten Bogor",
        "KPU Bogor",
        "KPUD Bogor",
    )
    city = secretariat_search_names(org.regional.secretariats["jawa-barat/kota-bogor"])
    assert "KPU Kota Bogor" in city and "KPU Bogor" in city


def test_a_province_is_known_without_and_with_provinsi(org: Organisation) -> None:
    assert secretariat_search_names(org.regional.secretariats["jawa-barat"]) == (
        "Sekretariat KPU Provinsi Jawa Barat",
        "KPU Provinsi Jawa Barat",
        "KPU Jawa Barat",
        *(f"KPU {alias}" for alias in org.regional.secretariats["jawa-barat"].province.alias),
        "KPUD Jawa Barat",
    )


def test_provinces_are_known_by_their_short_forms(org: Organisation) -> None:
    """The short forms come from the content (``alias``); every one is searched as 'KPU …'."""
    provinces = org.regional.provinces()
    assert any(s.province.alias for s in provinces)
    for secretariat in provinces:
        names = secretariat_search_names(secretariat)
        body = "KIP" if secretariat.body.value == "kip" else "KPU"
        assert all(f"{body} {alias}" in names for alias in secretariat.province.alias)


def test_aceh_is_kip_and_never_kpud(org: Organisation) -> None:
    assert secretariat_search_names(org.regional.secretariats["aceh"]) == (
        "Sekretariat KIP Aceh",
        "KIP Aceh",
    )
    assert secretariat_search_names(org.regional.secretariats["aceh/kabupaten-aceh-besar"]) == (
        "Sekretariat KIP Kabupaten Aceh Besar",
        "KIP Kabupaten Aceh Besar",
        "KIP Aceh Besar",
    )


def test_administrative_cities_drop_administrasi(org: Organisation) -> None:
    names = secretariat_search_names(
        org.regional.secretariats["daerah-khusus-ibukota-jakarta/kota-administrasi-jakarta-selatan"]
    )
    assert names[1:] == ("KPU Kota Jakarta Selatan", "KPU Jakarta Selatan", "KPUD Jakarta Selatan")


def test_every_secretariat_of_a_kind_has_as_many_forms(org: Organisation) -> None:
    # Equal counts keep one page from outranking another by repeating words.
    counts: dict[tuple[object, object], set[int]] = {}
    for s in org.regional.secretariats.values():
        own = len(s.province.alias) if s.is_province else 0  # each short form is one more
        counts.setdefault((s.level, s.body), set()).add(len(secretariat_search_names(s)) - own)
    assert all(len(c) == 1 for c in counts.values()), counts


def test_roman_numerals_also_in_arabic(org: Organisation) -> None:
    names = unit_search_names(org.units["inspektorat-wilayah-iii"])
    # Other aliases editors add come in between; these four stay, in this order.
    wanted = ("Inspektorat Wilayah III", "Itwil III", "Inspektorat Wilayah 3", "Itwil 3")
    assert [n for n in names if n in wanted] == list(wanted)


def test_a_former_name_is_the_former_units_alone(minimal_org: Organisation) -> None:
    """Review 3: "biro keuangan dan bmn" found the successors before the former unit, whose
    names they carried as tags (shown as their names) and which ranked last. A successor is
    known by its own names; the former unit ranks just below it, and the name it alone holds
    finds it first."""
    pages = {p.path: p for p in central_pages(minimal_org)}
    former = pages["struktur/biro-keuangan-dan-barang-milik-negara/index.md"]
    successor = pages["struktur/biro-keuangan/index.md"]
    assert successor.search_names == ("Biro Keuangan",)
    assert "Biro Keuangan dan Barang Milik Negara" in former.search_names
    assert (former.search_boost, successor.search_boost) == (2.5, 3.0)


def test_no_page_is_known_by_a_former_units_name(org: Organisation) -> None:
    pages = [*central_pages(org), *region_pages(org)]
    former = {
        name: p.path
        for p in pages
        for u in org.former_units()
        if p.title == u.nama
        for name in unit_search_names(u)
    }
    for page in pages:
        borrowed = {n for n in page.search_names if former.get(n, page.path) != page.path}
        assert not borrowed, (page.path, borrowed)


def test_pages_carry_their_search_names(org: Organisation) -> None:
    pages = {p.path: p for p in [*central_pages(org), *region_pages(org)]}
    assert "KPU Bogor" in pages["daerah/jawa-barat/kabupaten-bogor/index.md"].search_names
    assert "Itwil 3" in pages["struktur/inspektorat-wilayah-iii/index.md"].search_names
    subbagian = pages[
        "struktur-baku/sekretariat-kabupaten-kota/subbagian-teknis-penyelenggaraan-pemilu-dan-hukum/index.md"
    ]
    assert "Subbagian Teknis Penyelenggaraan Pemilu dan Hukum" in subbagian.search_names


def test_no_noise_root_reaches_the_index(org: Organisation) -> None:
    """Every root form a page indexes is a dictionary word and none of the old stripper's
    fragments; the roots of today's names are all found (tests/test_stem.py pins each name's)."""
    dictionary = set(StemmerFactory().get_words_from_file())
    found: dict[str, str] = {}
    for page in [*central_pages(org), *region_pages(org)]:
        for root in page.search_roots:
            found.setdefault(root, page.title)
    noise = {
        root: title for root, title in found.items() if root in NOISE or root not in dictionary
    }
    assert noise == {}
    assert {"rencana", "uang", "awas", "pilih", "selenggara"} <= set(found)


def _index(*docs: dict[str, Any]) -> dict[str, Any]:
    fields = {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1e6}}
    return {
        "config": {"separator": r"[\s\-,:;!?=\[\]()\"“”‘’/]+|\.(?!\d)", "fields": fields},
        "docs": list(docs),
    }


def test_index_keeps_tags_for_display_and_searches_each_word_once() -> None:
    tags = ["Biro Hukum", "Biro Advokasi", "Biro Perundang-undangan"]
    result = with_names_field(
        _index(
            {"location": "a/", "title": "A", "text": "", "tags": tags},
            {"location": "a/#x", "title": "X", "text": "", "tags": tags},
            {"location": "b/", "title": "B", "text": ""},
        )
    )
    first, section, other = result["docs"]
    assert first["tags"] == tags
    assert first["nama"] == "Biro Hukum Advokasi Perundang undangan undang"  # and its root
    assert "tags" not in section and "nama" not in section and "nama" not in other
    assert result["config"]["fields"] == {
        "title": {"boost": 1.0},
        "text": {"boost": 1.0},
        "judul": {"boost": 1000.0},
        "nama": {"boost": 1e6},
        "ringkasan": {"boost": 100.0},
    }


@pytest.mark.parametrize("name", ["KPU Kab. Bogor", "Biro Pengadaan Barang/Jasa dan BMN"])
def test_names_split_as_search_splits(name: str) -> None:
    result = with_names_field(_index({"location": "a/", "title": "", "text": "", "tags": [name]}))
    words = result["docs"][0]["nama"].split(" ")
    assert all(re.fullmatch(r"[\w]+", w) for w in words), words


def test_amendments_are_known_by_the_names_of_what_they_amend(org: Organisation) -> None:
    amendments = 0
    for regulation in org.regulations.values():
        names = regulation_search_names(org, regulation)
        assert names[0] == regulation_short(regulation), regulation.id
        amended = [r.peraturan for r in regulation.hubungan if r.jenis.value == "mengubah"]
        amendments += len(amended)
        for other in amended:
            for alias in org.regulations[other].alias:
                assert f"Perubahan {alias}" in names, regulation.id
    assert amendments > 0


def test_topic_pages_carry_their_everyday_names(org: Organisation) -> None:
    pages = {p.path: p for p in plan(org).pages}
    assert set(TOPIC_NAMES) <= set(pages)
    for path, names in TOPIC_NAMES.items():
        assert pages[path].search_names == names
        assert names[0] == pages[path].title, path


def _page(location: str, title: str, *tags: str) -> dict[str, Any]:
    return {"location": location, "title": title, "text": "", "tags": list(tags)}


def test_generic_words_are_not_searched_as_names() -> None:
    """A word in the names or titles of most pages weighs as text, unless it tells a title apart."""
    regencies = [
        _page(f"k{i}/", f"Sekretariat KPU Kabupaten K{i}", f"KPU Kabupaten K{i}", f"KPU K{i}")
        for i in range(60)
    ]
    cities = [_page("c7/", "Sekretariat KPU Kota K7", "KPU Kota K7", "KPU K7")]
    units = [
        _page(f"u{i}/", f"Biro U{i}", f"Biro U{i}" + (" dan Umum" if i < 5 else ""))
        for i in range(40)
    ]
    index = _index(*regencies, *cities, *units)
    generic = generic_words(index["docs"], index["config"]["separator"])
    assert generic == {"sekretariat", "kpu", "kabupaten"}
    docs = {d["location"]: d for d in with_names_field(index)["docs"]}
    assert docs["k3/"]["nama"] == "K3"
    # Kabupaten K7 and Kota K7: the generic word is what tells the two apart.
    assert (docs["k7/"]["nama"], docs["c7/"]["nama"]) == ("Kabupaten K7", "Kota K7")
    assert docs["k7/"]["judul"] == "Kabupaten K7"
    assert docs["u3/"]["nama"] == "Biro U3 Umum"  # "dan" is a function word
    assert docs["k7/"]["tags"] == ["KPU Kabupaten K7", "KPU K7"]  # shown as they are
    assert "dan" in FUNCTION_WORDS


def test_titles_are_searched_without_generic_words_and_shown_whole() -> None:
    index = _index(
        *[_page(f"k{i}/", f"Sekretariat KPU Kabupaten K{i}") for i in range(60)],
        {"location": "t/", "title": "Apa itu Setjen KPU?", "text": ""},
        {"location": "t/#a", "title": "Susunan Setjen KPU", "text": "", "boost": 3},
    )
    result = with_names_field(index)
    docs = {d["location"]: d for d in result["docs"]}
    assert docs["t/"]["title"] == "Apa itu Setjen KPU?"
    assert docs["t/#a"]["judul"] == "Susunan Setjen"
    assert "boost" not in docs["t/#a"]  # a page's weight is for its names, on its first entry
    assert result["config"]["fields"]["title"] == {"boost": 1.0}
    assert result["config"]["fields"]["judul"] == {"boost": 1000.0}


def test_names_carry_their_root_forms() -> None:
    result = with_names_field(_index(_page("a/", "Kelengkapan Data", "Kelengkapan Data")))
    assert result["docs"][0]["nama"] == "Kelengkapan Data lengkap"


def test_place_names_carry_no_root_forms() -> None:
    """A place is not a word with affixes: "Bali" is not "bal" + -i."""
    result = with_names_field(_index(_page("daerah/bali/", "KPU Bali", "KPU Bali")))
    assert result["docs"][0]["nama"] == "KPU Bali"


def test_descriptions_are_searched_between_title_and_text() -> None:
    index = _index(_page("a/", "PKPU 1/2020"), _page("b/", "B"))
    result = with_names_field(index, {"a/": "Peraturan tentang Organisasi dan Tata Kerja"})
    first, second = result["docs"]
    assert first["ringkasan"] == "Peraturan Organisasi Tata Kerja"
    assert "ringkasan" not in second
