"""Root forms added to the search index (generator/stem.py, PySastrawi)."""

from __future__ import annotations

import re

import pytest
import yaml
from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

from generator.stem import root_forms
from tests.conftest import CONTENT

# Every unit name in content/unit/ when the stemmer moved to PySastrawi, with its exact root forms.
UNIT_NAMES = [
    ("Biro Advokasi Hukum dan Penyelesaian Sengketa", ["selesai"]),
    ("Biro Hukum", []),
    ("Biro Keuangan dan Barang Milik Negara", ["uang"]),
    ("Biro Keuangan", ["uang"]),
    ("Biro Logistik", []),
    ("Biro Partisipasi dan Hubungan Masyarakat", ["hubung"]),
    ("Biro Pengadaan Barang/Jasa dan Barang Milik Negara", ["ada"]),
    ("Biro Perencanaan dan Organisasi", ["rencana"]),
    ("Biro Perundang-undangan", ["undang"]),
    ("Biro Sumber Daya Manusia", []),
    ("Biro Teknis Penyelenggaraan Pemilu", ["selenggara"]),
    ("Biro Umum", []),
    ("Deputi Bidang Administrasi", []),
    ("Deputi Bidang Dukungan Teknis", ["dukung"]),
    ("Inspektorat Utama", []),
    ("Inspektorat Wilayah I", []),
    ("Inspektorat Wilayah II", []),
    ("Inspektorat Wilayah III", []),
    ("Pusat Data dan Teknologi Informasi", []),
    ("Pusat Pelatihan, Penelitian dan Pengembangan", ["latih", "teliti", "kembang"]),
    ("Pusat Pengembangan Kompetensi Sumber Daya Manusia", ["kembang"]),
    ("Sekretariat Jenderal Komisi Pemilihan Umum", ["pilih"]),
]

# What the old affix stripper indexed: fragments and unrelated words.
NOISE = {"kawasan", "gada", "encana", "mbang", "organisas", "milu", "rundang", "ngadaan"}


@pytest.mark.parametrize(("name", "roots"), UNIT_NAMES)
def test_unit_names_give_exact_roots(name: str, roots: list[str]):
    assert root_forms(name) == roots


@pytest.mark.parametrize(
    ("word", "root"),
    [
        ("Perencanaan", "rencana"),
        ("Keuangan", "uang"),
        ("Pengawasan", "awas"),
        ("Penyelenggaraan", "selenggara"),
        ("Pemilihan", "pilih"),
        ("Kepegawaian", "pegawai"),
        ("Pendidikan", "didik"),
        ("Penyelenggara", "selenggara"),
    ],
)
def test_words_search_needs(word: str, root: str):
    assert root_forms(word) == [root]


def test_roots_are_deduplicated_in_order_and_skip_words_present():
    assert root_forms("Pengembangan dan Pengembangan; Perencanaan") == ["kembang", "rencana"]
    assert root_forms("Rencana Perencanaan") == []
    assert root_forms("") == []


def test_acronyms_and_plain_words_add_nothing():
    # 'pemilu' is an acronym (pemilihan umum); Sastrawi alone would give the unrelated 'milu'.
    assert root_forms("Pemilu Pemilukada") == []
    assert root_forms("Biro Hukum Logistik Sekretariat") == []


def _names(data: object) -> list[str]:
    """nama, singkatan and alias names anywhere in a parsed YAML file."""
    found: list[str] = []
    if isinstance(data, dict):
        for key in ("nama", "singkatan"):
            if isinstance(data.get(key), str):
                found.append(data[key])
        for value in data.values():
            found += _names(value)
    elif isinstance(data, list):
        for value in data:
            found += _names(value)
    return found


def test_every_root_in_the_content_is_a_dictionary_word_and_no_noise():
    dictionary = set(StemmerFactory().get_words_from_file())
    texts = [
        name
        for path in sorted([*CONTENT.glob("unit/*.yml"), *CONTENT.glob("templat/**/*.yml")])
        for name in _names(yaml.safe_load(path.read_text(encoding="utf-8")))
    ]
    assert len(texts) > 50
    for text in texts:
        roots = root_forms(text)
        words = set(re.findall(r"[a-z]+", text.lower()))
        assert not NOISE & set(roots), text
        assert set(roots) <= dictionary, text
        assert not words & set(roots), text
