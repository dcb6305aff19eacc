"""The names search should know a page by: the forms people type, not only the official name.

Material's search (lunr) matches every query word as a prefix and weighs front-matter tags a
thousand times above titles, so a page is found by a query when the query's distinctive words are
among its tags. These pure functions list those names for units and regional secretariats:

- a secretariat under "KPU Bogor", "KPU Kabupaten Bogor", "Sekretariat KPU Kabupaten Bogor" and
  "KPUD Bogor" (the province's name is left out, so "KPU Jawa Barat" finds the province first);
  a province also under its short forms from the content ("KPU Jabar");
- a unit numbered in Roman numerals also under Arabic ones ("Itwil 3" for "Itwil III");
- a unit under its own names only: a dissolved unit's names are not its successor's (the
  succession is often inferred, and tags are shown as the page's names), so a former name finds
  the former unit's page first, which leads to its successors; their pages tell of it in their text;
- a regulation under its short citation and other names, and an amending regulation also as the
  amendment of the one it amends ("Perubahan PKPU SOTK"), so a common name finds the amendments;
- the site's topic pages under the everyday words for what they hold (``TOPIC_NAMES``).

Search reads each page's names as a set of words (generator/pipeline/search_index.py), so ties between
equally named pages ("KPU Bogor": Kabupaten and Kota Bogor) are broken by the page's boost. A
province weighs 1.25 against a kabupaten/kota's 1: enough for "KIP Aceh" to find the province
before Kabupaten Aceh Besar, too little to put DI Yogyakarta before Kota Yogyakarta when "Kota" is
typed (Material multiplies a result that matches every query word by 5, two of three by 3.8).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from generator.model.organisation import Organisation
from generator.model.regional import Secretariat
from generator.plan.labels import REGULATION_KIND_LABELS, regulation_short
from generator.schema import Body, Regulation, RelationKind, Unit

#: Regency prefixes, longest first, and the word people use for each.
_REGENCY_KINDS = (
    ("Kabupaten Administrasi ", "Kabupaten"),
    ("Kota Administrasi ", "Kota"),
    ("Kabupaten ", "Kabupaten"),
    ("Kota ", "Kota"),
)
#: Roman numerals I–XX as whole upper-case words ("DI Yogyakarta" is not one: D is not allowed).
_ROMAN = re.compile(r"\b(X{0,2}(?:IX|IV|V?I{0,3}))\b")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


def _unique(names: Iterable[str | None]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(n for n in names if n))


def roman_to_int(numeral: str) -> int:
    """The value of a Roman numeral made of I, V and X.

    >>> roman_to_int("III"), roman_to_int("IV"), roman_to_int("XIX")
    (3, 4, 19)
    """
    values = [_ROMAN_VALUES[c] for c in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def arabic_numerals(name: str) -> str:
    """The name with its Roman numerals (after the first word) written in Arabic digits.

    >>> arabic_numerals("Inspektorat Wilayah III"), arabic_numerals("Itwil II")
    ('Inspektorat Wilayah 3', 'Itwil 2')
    >>> arabic_numerals("Sekretariat KPU Provinsi DI Yogyakarta")
    'Sekretariat KPU Provinsi DI Yogyakarta'
    """
    first, _, rest = name.partition(" ")
    if not rest:
        return name

    def replace(match: re.Match[str]) -> str:
        return str(roman_to_int(match.group(1))) if match.group(1) else match.group(0)

    return f"{first} {_ROMAN.sub(replace, rest)}"


def unit_search_names(unit: Unit) -> tuple[str, ...]:
    """The official name, abbreviations and aliases, and their Arabic-numeral forms."""
    own = (unit.nama, *unit.other_names)
    return _unique([*own, *(arabic_numerals(n) for n in own)])


def unit_root_text(unit: Unit) -> str:
    """The text whose Indonesian root forms are indexed: the unit's own names only."""
    return " ".join((unit.nama, *unit.other_names))


def regency_parts(region_name: str) -> tuple[str, str]:
    """The kind people say ('Kabupaten' or 'Kota') and the bare place name.

    >>> regency_parts("Kabupaten Bogor"), regency_parts("Kota Administrasi Jakarta Selatan")
    (('Kabupaten', 'Bogor'), ('Kota', 'Jakarta Selatan'))
    """
    for prefix, kind in _REGENCY_KINDS:
        if region_name.startswith(prefix):
            return kind, region_name.removeprefix(prefix)
    return "", region_name


def secretariat_search_names(secretariat: Secretariat) -> tuple[str, ...]:
    """The forms citizens type for a regional secretariat, its short name first.

    'KPUD' (KPU Daerah) is an informal name people still type; Aceh's bodies are KIP, never KPUD.
    """
    body = "KIP" if secretariat.body is Body.KIP else "KPU"
    legacy = "KPUD" if secretariat.body is Body.KPU else None
    if secretariat.is_province:
        region = secretariat.province.nama_singkat or secretariat.region_name
        forms = [
            secretariat.short,
            secretariat.short.removeprefix("Sekretariat "),
            f"{body} {region}",
            *(f"{body} {alias}" for alias in secretariat.province.alias),
            f"{legacy} {region}" if legacy else "",
        ]
    else:
        kind, place = regency_parts(secretariat.region_name)
        forms = [
            secretariat.short,
            f"{body} {kind} {place}".replace("  ", " "),
            f"{body} {place}",
            f"{legacy} {place}" if legacy else "",
        ]
    return _unique(forms)


def regulation_search_names(org: Organisation, regulation: Regulation) -> tuple[str, ...]:
    """The short citation, the other names, and 'Perubahan …' for each regulation it amends.

    The amended regulation's names find the amendment too, ranked after the regulation itself
    (its page has the names on their own, the amendment's page with 'Perubahan').
    """
    amended = [
        org.regulations[r.peraturan]
        for r in regulation.hubungan
        if r.jenis is RelationKind.AMENDS and r.peraturan in org.regulations
    ]
    changes = [f"Perubahan {n}" for a in amended for n in (regulation_short(a), *a.alias)]
    names = [regulation_short(regulation), *regulation.alias]
    return _unique([*names, *(spelled_out(regulation, n) for n in names[1:]), *changes])


def spelled_out(regulation: Regulation, name: str) -> str | None:
    """A common name that begins with the kind's abbreviation, with the kind written out, as
    people also type it: 'Undang-Undang Pemilu' for 'UU Pemilu'; None for another name.

    >>> law = Regulation(id="uu-7-2017", jenis="undang-undang", nomor=7, tahun=2017,
    ...     tentang="Pemilihan Umum", status="berlaku", sumber=["s"], keyakinan="terverifikasi")
    >>> spelled_out(law, "UU Pemilu"), spelled_out(law, "Pemilu")
    ('Undang-Undang Pemilu', None)
    """
    full, short = REGULATION_KIND_LABELS[regulation.jenis]
    first, _, rest = name.partition(" ")
    return f"{full} {rest}" if first == short and rest else None


#: The search weight of the site's topic pages, as the standard structures': the handful of pages
#: a subject leads to outrank a secretariat whose name only begins like the query's word ("data"
#: and Kabupaten Tanah Datar).
TOPIC_BOOST = 2.0
#: The everyday words for the site's own topic pages, by page: what people call what they hold.
TOPIC_NAMES: dict[str, tuple[str, ...]] = {
    "struktur/index.md": ("Struktur Organisasi", "Bagan organisasi", "Susunan organisasi"),
    "struktur/perubahan/index.md": (
        "Perubahan Struktur",
        "Sejarah organisasi",
        "Riwayat organisasi",
        "Unit terdahulu dan penggantinya",
    ),
    "dasar-hukum/index.md": ("Dasar Hukum", "Peraturan", "Regulasi"),
    "indeks/index.md": ("Indeks A–Z", "Daftar unit", "Daftar singkatan"),
    "daerah/index.md": ("Sekretariat Daerah", "KPU daerah", "Daftar provinsi dan kabupaten/kota"),
    "data/index.md": ("Data Terbuka", "Open data", "Unduhan", "JSON", "CSV"),
    "kelengkapan/index.md": ("Kelengkapan Data", "Bantu melengkapi"),
    "kolom/index.md": ("Daftar kolom", "Skema konten"),
}
