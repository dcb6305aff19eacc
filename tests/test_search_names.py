"""The names search knows pages by (generator/plan/search.py), the root forms that reach the
index, and the post-processed index (generator/pipeline/search_index.py)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

from generator.model.organisation import Organisation
from generator.pipeline.search_index import with_names_field
from generator.plan.central_pages import central_pages
from generator.plan.regional_pages import region_pages
from generator.plan.search import secretariat_search_names, unit_search_names

from .test_stem import NOISE


def test_a_regency_is_known_by_the_forms_citizens_type(org: Organisation) -> None:
    bogor = secretariat_search_names(org.secretariats["jawa-barat/kabupaten-bogor"])
    assert bogor == (
        "Sekretariat KPU Kabupaten Bogor",
        "KPU Kabupaten Bogor",
        "KPU Bogor",
        "KPUD Bogor",
    )
    city = secretariat_search_names(org.secretariats["jawa-barat/kota-bogor"])
    assert "KPU Kota Bogor" in city and "KPU Bogor" in city


def test_a_province_is_known_without_and_with_provinsi(org: Organisation) -> None:
    assert secretariat_search_names(org.secretariats["jawa-barat"]) == (
        "Sekretariat KPU Provinsi Jawa Barat",
        "KPU Provinsi Jawa Barat",
        "KPU Jawa Barat",
        "KPUD Jawa Barat",
    )


def test_aceh_is_kip_and_never_kpud(org: Organisation) -> None:
    assert secretariat_search_names(org.secretariats["aceh"]) == (
        "Sekretariat KIP Aceh",
        "KIP Aceh",
    )
    assert secretariat_search_names(org.secretariats["aceh/kabupaten-aceh-besar"]) == (
        "Sekretariat KIP Kabupaten Aceh Besar",
        "KIP Kabupaten Aceh Besar",
        "KIP Aceh Besar",
    )


def test_administrative_cities_drop_administrasi(org: Organisation) -> None:
    names = secretariat_search_names(
        org.secretariats["daerah-khusus-ibukota-jakarta/kota-administrasi-jakarta-selatan"]
    )
    assert names[1:] == ("KPU Kota Jakarta Selatan", "KPU Jakarta Selatan", "KPUD Jakarta Selatan")


def test_every_secretariat_of_a_kind_has_as_many_forms(org: Organisation) -> None:
    # Equal counts keep one page from outranking another by repeating words.
    counts: dict[tuple[object, object], set[int]] = {}
    for s in org.secretariats.values():
        counts.setdefault((s.level, s.body), set()).add(len(secretariat_search_names(s)))
    assert all(len(c) == 1 for c in counts.values()), counts


def test_roman_numerals_also_in_arabic(org: Organisation) -> None:
    names = unit_search_names(org.units["inspektorat-wilayah-iii"])
    # Other aliases editors add come in between; these four stay, in this order.
    wanted = ("Inspektorat Wilayah III", "Itwil III", "Inspektorat Wilayah 3", "Itwil 3")
    assert [n for n in names if n in wanted] == list(wanted)


def test_former_names_lead_to_the_successors(org: Organisation) -> None:
    unit = org.units["biro-hukum"]
    names = unit_search_names(unit, org.predecessors(unit))
    assert "Biro Advokasi Hukum dan Penyelesaian Sengketa" in names
    assert "Biro Perundang-undangan" in names
    keuangan = org.units["biro-keuangan"]
    assert "Biro Keuangan dan BMN" in unit_search_names(keuangan, org.predecessors(keuangan))


def test_pages_carry_their_search_names(org: Organisation) -> None:
    pages = {p.path: p for p in [*central_pages(org), *region_pages(org)]}
    assert "KPU Bogor" in pages["daerah/jawa-barat/kabupaten-bogor/index.md"].search_names
    assert "Itwil 3" in pages["struktur/inspektorat-wilayah-iii/index.md"].search_names
    subbagian = pages[
        "struktur-baku/sekretariat-kabupaten-kota/subbagian-teknis-penyelenggaraan-pemilu-dan-hukum/index.md"
    ]
    assert "Subbagian Hukum dan Sumber Daya Manusia" in subbagian.search_names


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
        "config": {"separator": r"[\s\-,:!=\[\]()\"/]+|\.(?!\d)", "fields": fields},
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
    assert first["nama"] == "Biro Hukum Advokasi Perundang undangan"
    assert "tags" not in section and "nama" not in section and "nama" not in other
    assert result["config"]["fields"] == {
        "title": {"boost": 1000.0},
        "text": {"boost": 1.0},
        "nama": {"boost": 1e6},
    }


@pytest.mark.parametrize("name", ["KPU Kab. Bogor", "Biro Pengadaan Barang/Jasa dan BMN"])
def test_names_split_as_search_splits(name: str) -> None:
    result = with_names_field(_index({"location": "a/", "title": "", "text": "", "tags": [name]}))
    words = result["docs"][0]["nama"].split(" ")
    assert all(re.fullmatch(r"[\w]+", w) for w in words), words
