"""The real site, built from the real content, as a reader would find it."""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from generator.content.load import load_content
from generator.content.validate import check

from .conftest import CONTENT, Project, parse_html

pytestmark = pytest.mark.site

# The units the foundation issue names, by their official names.
CENTRAL_UNITS = [
    "Sekretariat Jenderal Komisi Pemilihan Umum",
    "Deputi Bidang Administrasi",
    "Deputi Bidang Dukungan Teknis",
    "Inspektorat Utama",
    "Inspektorat Wilayah I",
    "Inspektorat Wilayah II",
    "Inspektorat Wilayah III",
    "Biro Perencanaan dan Organisasi",
    "Biro Keuangan",
    "Biro Umum",
    "Biro Sumber Daya Manusia",
    "Biro Pengadaan Barang/Jasa dan Barang Milik Negara",
    "Biro Teknis Penyelenggaraan Pemilu",
    "Biro Logistik",
    "Biro Hukum",
    "Biro Partisipasi dan Hubungan Masyarakat",
    "Pusat Data dan Teknologi Informasi",
    "Pusat Pengembangan Kompetensi Sumber Daya Manusia",
]
FORMER_UNITS = {
    "Biro Advokasi Hukum dan Penyelesaian Sengketa": ["Biro Hukum"],
    "Biro Perundang-undangan": ["Biro Hukum"],
    "Biro Keuangan dan Barang Milik Negara": [
        "Biro Keuangan",
        "Biro Pengadaan Barang/Jasa dan Barang Milik Negara",
    ],
    "Pusat Pelatihan, Penelitian dan Pengembangan": [
        "Pusat Pengembangan Kompetensi Sumber Daya Manusia"
    ],
}
REGULATIONS = {
    "UU 7/2017": "uu-7-2017",
    "Perpres 105/2018": "perpres-105-2018",
    "PKPU 14/2020": "pkpu-14-2020",
    "PKPU 3/2023": "pkpu-3-2023",
    "PKPU 21/2023": "pkpu-21-2023",
}

# Elements and attributes through which a page would load something.
LOADING = [
    ("script", "src"),
    ("img", "src"),
    ("iframe", "src"),
    ("source", "src"),
    ("audio", "src"),
    ("video", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("link", "href"),
]


def _records():
    checked = check(load_content(CONTENT))
    assert checked.records is not None
    return checked.records


def _html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def _pages(site: Path) -> list[tuple[Path, BeautifulSoup]]:
    return [(page, parse_html(page)) for page in _html_pages(site)]


@functools.cache
def _ids(path: Path) -> frozenset[str]:
    return frozenset(element["id"] for element in parse_html(path).find_all(id=True))


def _page_url(site: Path, path: Path) -> str:
    """The URL a page is served at, relative to the site root, e.g. 'struktur/biro-umum/'."""
    relative = path.relative_to(site).as_posix()
    return relative.removesuffix("index.html")


def _resolves(site: Path, page: Path, href: str) -> bool:
    base = "https://situs.test/" + _page_url(site, page)
    target = urlsplit(urljoin(base, href))
    if target.netloc != "situs.test":
        return True  # an outside link, not ours to resolve
    path = site / unquote(target.path).lstrip("/")
    if target.path.endswith("/") or path.is_dir():
        path = path / "index.html"
    if not path.is_file():
        return False
    if target.fragment and path.suffix == ".html":
        return target.fragment in _ids(path)
    return True


def _heading(element) -> str:
    """A heading's text as the reader sees it, without the permalink sign."""
    return "".join(
        t for t in element.find_all(string=True) if not t.find_parent(class_="headerlink")
    ).strip()


def _title(soup: BeautifulSoup) -> str:
    return soup.title.get_text() if soup.title else ""


def test_every_unit_has_a_page_titled_with_its_official_name(built: Project):
    for unit in _records().units:
        soup = built.page(f"struktur/{unit.id}/")
        assert _title(soup).startswith(f"{unit.nama} - "), unit.id
        assert _heading(soup.find("h1")) == unit.nama


@pytest.mark.parametrize("name", CENTRAL_UNITS + list(FORMER_UNITS))
def test_units_named_by_the_issue_are_published(built: Project, name: str):
    titles = {
        _title(built.page(_page_url(built.site, p)))
        for p in (built.site / "struktur").glob("*/index.html")
    }
    assert f"{name} - Struktur Organisasi Setjen KPU" in titles


@pytest.mark.parametrize("former, successors", FORMER_UNITS.items())
def test_former_units_link_to_their_successors(built: Project, former: str, successors: list[str]):
    unit = next(u for u in _records().units if u.nama == former)
    soup = built.page(f"struktur/{unit.id}/")
    warning = soup.find(class_="admonition warning")
    assert "Unit ini sudah tidak ada" in warning.get_text()
    assert [a.get_text() for a in warning.find_all("a")] == successors


def test_each_unit_page_shows_what_a_reader_needs(built: Project):
    for unit in _records().units:
        soup = built.page(f"struktur/{unit.id}/")
        text = soup.get_text(" ", strip=True)
        crumbs = soup.find(class_="remah-roti")
        assert crumbs is not None and crumbs.find("a", string="Struktur Organisasi"), unit.id
        assert crumbs.get_text(strip=True).endswith(unit.nama)
        assert soup.select_one("figure.bagan svg"), f"{unit.id}: no chart"
        assert soup.find("h2", id="unit-di-bawahnya"), unit.id
        assert "Unit atasan" in text
        assert soup.find("h2", id="sumber-dan-tingkat-keyakinan"), unit.id
        assert soup.select(".keyakinan"), f"{unit.id}: no confidence badge"
        # The official wording is answered, with at most one notice for what is not yet read.
        assert soup.find("h2", id="tugas"), unit.id
        assert len(soup.select(".belum-tersedia")) <= 1, unit.id
        assert "Belum tersedia" not in text, unit.id


def test_parent_and_sub_units_are_linked(built: Project, org):
    for unit in org.units.values():
        soup = built.page(f"struktur/{unit.id}/")
        parent = org.parent(unit)
        if parent is not None:
            assert soup.find("table").find("a", string=parent.nama), unit.id
        children = org.children_of(unit, active=not unit.is_former)
        below = soup.find("h2", id="unit-di-bawahnya").find_next(["ul", "p"])
        assert [a.get_text() for a in below.find_all("a")] == [c.nama for c in children]


def test_inferred_facts_are_marked_on_the_page(built: Project):
    soup = built.page("struktur/biro-logistik/")
    row = next(tr for tr in soup.find_all("tr") if "Unit atasan" in tr.get_text())
    assert "Deputi Bidang Dukungan Teknis" in row.get_text()
    assert row.find(class_="keyakinan--inferensi").get_text() == "Inferensi"


def test_setjen_quotes_its_articles(built: Project):
    text = built.page("struktur/sekretariat-jenderal/").get_text(" ", strip=True)
    assert "Sekretariat Jenderal KPU bertugas:" in text
    assert "a. membantu penyusunan program dan anggaran Pemilu;" in text
    for article in ("Pasal 79", "Pasal 86 ayat (1)", "Pasal 86 ayat (2)", "Pasal 86 ayat (3)"):
        assert f"UU 7/2017 , {article}" in text or f"UU 7/2017, {article}" in text, article


def test_aliases_lead_to_official_units(built: Project):
    soup = built.page("indeks/")
    wanted = {
        "Biro TI": "Pusat Data dan Teknologi Informasi",
        "Biro Humas": "Biro Partisipasi dan Hubungan Masyarakat",
        "Biro SDM": "Biro Sumber Daya Manusia",
        "Biro Perencanaan": "Biro Perencanaan dan Organisasi",
        "Setjen": "Sekretariat Jenderal Komisi Pemilihan Umum",
        "Sekjen": "Sekretariat Jenderal Komisi Pemilihan Umum",
        "Itama": "Inspektorat Utama",
        "Pusdatin": "Pusat Data dan Teknologi Informasi",
        "BMN": "Biro Pengadaan Barang/Jasa dan Barang Milik Negara",
    }
    for alias, unit in wanted.items():
        item = next((li for li in soup.find_all("li") if li.find("strong", string=alias)), None)
        assert item is not None, alias
        assert item.find("a").get_text() == unit


@pytest.mark.parametrize("short, regulation_id", REGULATIONS.items())
def test_each_regulation_has_a_page_listing_its_units(
    built: Project, short: str, regulation_id: str
):
    soup = built.page(f"dasar-hukum/{regulation_id}/")
    assert _title(soup) == f"{short} - Struktur Organisasi Setjen KPU"
    section = soup.find("h2", id="unit-yang-diatur").find_next(["ul", "p"])
    governed = {
        u.nama
        for u in _records().units
        if regulation_id
        in {b.peraturan for b in u.dasar_hukum} | {p.peraturan for p in u.ketentuan}
    }
    assert {a.get_text() for a in section.find_all("a")} == governed
    if not governed:
        assert (
            section.get_text()
            == "Belum ada unit yang mencatat peraturan ini sebagai dasar hukumnya."
        )


def test_regulation_pages_show_what_amends_what(built: Project):
    text = built.page("dasar-hukum/pkpu-14-2020/").get_text(" ", strip=True)
    assert "Diubah oleh PKPU 3/2023" in text
    assert "Diubah oleh PKPU 21/2023" in text
    assert "Melaksanakan Perpres 105/2018 (Pasal 37)" in text


def test_overview_chart_shows_the_whole_setjen_to_eselon_ii(built: Project):
    soup = built.page("struktur/")
    svg = soup.select_one("figure.bagan svg")
    titles = {a.get("xlink:title") for a in svg.find_all("a") if a.get("href")}
    # The overview stops at eselon II: bagian and subbagian are on their biro's page.
    active = [
        u
        for u in _records().units
        if u.status.value == "aktif" and u.jenis.value not in {"bagian", "subbagian"}
    ]
    regional = (
        f"{len({r.id for r in _records().regions})} Sekretariat KPU Provinsi dan "
        f"{sum(len(r.kabupaten_kota) for r in _records().regions)} Sekretariat KPU Kabupaten/Kota"
    )
    assert {t.split(" (")[0] for t in titles} == {u.nama for u in active} | {regional}
    link = next(a for a in svg.find_all("a") if a.get("xlink:title") == regional)
    assert link["href"] == "../daerah/"


def test_every_chart_box_links_to_a_built_page(built: Project):
    checked = 0
    for page, soup in _pages(built.site):
        for anchor in soup.select("figure.bagan svg a[href]"):
            assert anchor["href"] == anchor["xlink:href"]
            assert _resolves(built.site, page, anchor["href"]), f"{page}: {anchor['href']}"
            checked += 1
    assert checked > 40


def test_standalone_charts_link_to_built_pages(built: Project):
    charts = sorted(built.site.rglob("bagan.svg"))
    pages_with_charts = [p for p, soup in _pages(built.site) if soup.select_one("figure.bagan")]
    assert len(charts) == len(pages_with_charts) > len(_records().units)
    for chart in charts:
        root = ET.fromstring(chart.read_text(encoding="utf-8"))
        hrefs = [a.get("href") for a in root.iter("{http://www.w3.org/2000/svg}a") if a.get("href")]
        assert hrefs, chart
        for href in hrefs:
            assert _resolves(built.site, chart, href), f"{chart}: {href}"


def test_every_internal_link_resolves(built: Project):
    for page, soup in _pages(built.site):
        for anchor in soup.find_all("a", href=True):
            assert _resolves(built.site, page, anchor["href"]), f"{page}: {anchor['href']}"


def test_pages_are_in_indonesian(built: Project):
    for page in _html_pages(built.site):
        assert re.search(r'<html lang="id"', page.read_text(encoding="utf-8")), page


def test_no_page_loads_anything_from_an_outside_host(built: Project):
    for page, soup in _pages(built.site):
        text = page.read_text(encoding="utf-8")
        for tag, attribute in LOADING:
            for element in soup.find_all(tag):
                value = element.get(attribute)
                if value and (tag != "link" or "alternate" not in (element.get("rel") or [])):
                    assert not urlsplit(value).netloc and not value.startswith("//"), (
                        f"{page}: {tag} {value}"
                    )
        assert not re.search(r"@import\s+url\(\s*['\"]?(https?:)?//", text), page
    for css in built.site.rglob("*.css"):
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", css.read_text(encoding="utf-8")), css


def test_no_page_has_duplicate_element_ids(built: Project):
    for page, soup in _pages(built.site):
        ids = Counter(element["id"] for element in soup.find_all(id=True))
        assert [i for i, n in ids.items() if n > 1] == [], page


def test_chart_titles_are_readable(built: Project):
    for page, soup in _pages(built.site):
        for title in soup.select("figure.bagan svg title"):
            text = title.get_text()
            assert text and "%3" not in text and not re.search(r"\bn\d+(j\d+)?\b", text), (
                f"{page}: {text}"
            )


def test_chart_has_a_text_alternative_with_the_same_units(built: Project):
    soup = built.page("struktur/deputi-bidang-administrasi/")
    figure = soup.select_one("figure.bagan")
    # A box's name is its link title up to " (kind)"; the box text itself is wrapped over lines.
    boxes = {a["xlink:title"].split(" (")[0] for a in figure.select("svg a[href]")}
    details = figure.find_next("details")
    assert "Bagan dalam bentuk daftar" in details.find("summary").get_text()
    listed = {a.get_text() for a in details.find_all("a")}
    assert listed == boxes


def test_navigation_mirrors_the_hierarchy(built: Project):
    soup = built.page("struktur/biro-logistik/")
    trail = [
        li.find(["a", "label"]).get_text(" ", strip=True)
        for li in soup.select("nav.md-nav--primary li.md-nav__item--active")
    ]
    assert trail == [
        "Struktur Organisasi",
        "Sekretariat Jenderal Komisi Pemilihan Umum",
        "Deputi Bidang Dukungan Teknis",
        "Biro Logistik",
    ]


def test_search_index_is_built(built: Project):
    index = (built.site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Biro TI" in index and "Pusat Data dan Teknologi Informasi" in index


def test_field_reference_lists_every_field(built: Project):
    from generator.schema import Regulation, Source, Unit

    soup = built.page("kolom/")
    for model, anchor in ((Unit, "unit"), (Regulation, "regulation"), (Source, "source")):
        table = soup.find(id=anchor).find_next("table")
        names = [row.find("td").get_text() for row in table.find_all("tr")[1:]]
        assert names == list(model.model_fields), anchor


def test_editors_guide_is_published(built: Project):
    soup = built.page("panduan/")
    assert _heading(soup.find("h1")) == "Panduan Penyunting"
    assert soup.find("a", string="Daftar kolom")
