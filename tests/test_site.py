"""The real site, built from the real content, as a reader would find it.

Every expectation is an invariant computed from the content (or a fact the foundation issue names,
such as a unit's official name), so the tests hold when editors add units, regulations, sources,
quotations, kabupaten/kota or aliases.
"""

from __future__ import annotations

import functools
import json
import posixpath
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import lxml.html
import pytest
from bs4 import BeautifulSoup

from generator.model.confidence import confidence
from generator.model.organisation import Organisation
from generator.plan.labels import RELATION_LABELS, former_notice_title, regulation_short
from generator.schema import Confidence

from .conftest import Project, has_class, heading_text, parse_tree, text_of

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
REGULATIONS = ["UU 7/2017", "Perpres 105/2018", "PKPU 14/2020", "PKPU 3/2023", "PKPU 21/2023"]

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


def _html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def _trees(site: Path) -> list[tuple[Path, lxml.html.HtmlElement]]:
    """Every page as an lxml tree (fast: these tests read all of them)."""
    return [(page, parse_tree(page)) for page in _html_pages(site)]


#: XPath of the links in the charts on a page.
CHART_LINKS = f"//figure[{has_class('bagan')}]//svg//a[@href]"


@functools.cache
def _ids(path: Path) -> frozenset[str]:
    return frozenset(parse_tree(path).xpath("//@id"))


@functools.cache
def _page_url(site: Path, path: Path) -> str:
    """The URL a page is served at, relative to the site root, e.g. 'struktur/biro-umum/'."""
    relative = path.relative_to(site).as_posix()
    return relative.removesuffix("index.html")


def _resolves(site: Path, page: Path, href: str) -> bool:
    base = "https://situs.test/" + _page_url(site, page)
    target = urlsplit(urljoin(base, href))
    if target.netloc != "situs.test":
        return True  # an outside link, not ours to resolve
    return _target_exists(site, target.path, target.fragment)


@functools.cache
def _target_exists(site: Path, url_path: str, fragment: str) -> bool:
    """Whether the site has this path (and this id on it): every page links to the same few
    hundred addresses, so each is looked up once."""
    path = site / unquote(url_path).lstrip("/")
    if url_path.endswith("/") or path.is_dir():
        path = path / "index.html"
    if not path.is_file():
        return False
    if fragment and path.suffix == ".html":
        return fragment in _ids(path)
    return True


def _title(soup: BeautifulSoup) -> str:
    return soup.title.get_text() if soup.title else ""


def test_every_unit_has_a_page_titled_with_its_official_name(built: Project, org: Organisation):
    for unit in org.units.values():
        soup = built.page(f"struktur/{unit.id}/")
        assert _title(soup).startswith(f"{unit.nama} - "), unit.id
        assert heading_text(soup.find("h1")) == unit.nama


@pytest.mark.parametrize("name", CENTRAL_UNITS + list(FORMER_UNITS))
def test_units_named_by_the_issue_are_published(built: Project, name: str):
    titles = {
        _title(built.page(_page_url(built.site, p)))
        for p in (built.site / "struktur").glob("*/index.html")
    }
    assert f"{name} - Struktur Organisasi Setjen KPU" in titles


@pytest.mark.parametrize("former, successors", FORMER_UNITS.items())
def test_units_named_by_the_issue_are_replaced_by_theirs(
    org: Organisation, former: str, successors: list[str]
):
    unit = next(u for u in org.units.values() if u.nama == former)
    assert unit.is_former
    assert set(successors) <= {s.nama for s in org.successors(unit)}


def test_former_units_link_to_their_successors(built: Project, org: Organisation):
    for unit in org.former_units():
        warning = built.page(f"struktur/{unit.id}/").find(class_="admonition warning")
        assert warning.find(class_="admonition-title").get_text() == former_notice_title(
            unit, "unit"
        ), unit.id
        assert [a.get_text() for a in warning.find_all("a")] == [
            s.nama for s in org.successors(unit)
        ], unit.id


def test_each_unit_page_shows_what_a_reader_needs(built: Project, org: Organisation):
    for unit in org.units.values():
        soup = built.page(f"struktur/{unit.id}/")
        text = soup.get_text(" ", strip=True)
        crumbs = soup.find(class_="remah-roti")
        assert crumbs is not None and crumbs.find("a", string="Struktur Organisasi"), unit.id
        assert crumbs.find("strong").get_text() == unit.nama  # the trail ends at the page
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


def test_inferred_parents_are_marked_on_the_page(built: Project, org: Organisation):
    """In the table, and after the trail that runs through them."""
    for unit in org.units.values():
        parent = org.parent(unit)
        if parent is None:
            continue
        soup = built.page(f"struktur/{unit.id}/")
        row = next(tr for tr in soup.find_all("tr") if "Unit atasan" in tr.get_text())
        assert parent.nama in row.get_text(), unit.id
        badge = row.find(class_="keyakinan--inferensi")
        inferred = confidence(unit, "induk").keyakinan is Confidence.INFERRED
        assert (badge is not None and badge.get_text() == "Inferensi") == inferred, unit.id
        # The trail runs through the parent: it says when that step is not sure.
        trail = text_of(soup.select_one(".remah-roti"))
        unsure = confidence(unit, "induk").is_uncertain
        assert trail.endswith("(unit atasan belum dipastikan)") == unsure, (unit.id, trail)


#: The rows of a regulation's table, by the field they show.
REGULATION_ROWS = {
    "status": "Status",
    "ditetapkan": "Tanggal penetapan",
    "pengundangan": "Pengundangan",
    "tautan_resmi": "Salinan resmi",
}


def test_a_regulation_fact_with_its_own_confidence_carries_its_badge(
    built: Project, org: Organisation
):
    """The page's badge excepts such a fact ("kecuali tautan resminya, yang bertanda sendiri"):
    its row shows that badge, with the reason as its explanation."""
    for regulation in org.regulations.values():
        rows = {
            text_of(tr.find("td")): tr
            for tr in built.page(f"dasar-hukum/{regulation.id}/").find_all("tr")
            if tr.find("td")
        }
        for field_name, detail in regulation.rincian_keyakinan.items():
            if field_name not in REGULATION_ROWS:
                continue
            badge = rows[REGULATION_ROWS[field_name]].find(class_="keyakinan")
            assert badge is not None, (regulation.id, field_name)
            assert " ".join(badge["title"].split()) == " ".join(detail.alasan.split())


def _section(heading: Any) -> list[Any]:
    """The elements under an h2, up to the next one."""
    section = []
    for element in heading.find_next_siblings():
        if element.name == "h2":
            break
        section.append(element)
    return section


def test_a_regulation_page_gives_each_reason_of_its_units_once(built: Project, org: Organisation):
    """Eleven units cite PKPU 21/2023 with one inference: its reason is written once, under
    the list, and every one of them still carries its badge."""
    for regulation in org.regulations.values():
        heading = built.page(f"dasar-hukum/{regulation.id}/").find("h2", id="unit-yang-diatur")
        section = _section(heading)
        text = " ".join(" ".join(text_of(e).split()) for e in section)
        badges = sum(len(e.find_all(class_="keyakinan")) for e in section if e.name == "ul")
        marked = 0
        for unit in org.governed_by(regulation):
            basis = org.basis_for(unit, regulation)
            if basis is not None and basis.keyakinan is not None:
                marked += 1
                if basis.catatan:
                    assert text.count(" ".join(basis.catatan.split())) == 1, (
                        regulation.id,
                        unit.id,
                    )
        assert badges >= marked, regulation.id


def test_unknown_tugas_is_said_plainly_and_quoted_tugas_shown(built: Project, org: Organisation):
    for unit in org.units.values():
        quoted = [p for p in unit.ketentuan if p.topik.value == "tugas"]
        heading = built.page(f"struktur/{unit.id}/").find("h2", id="tugas")
        section = _section(heading)
        text = " ".join(text_of(element) for element in section)
        notices = [e for e in section if "belum-tersedia" in (e.get("class") or [])]
        assert bool(notices) == (not quoted), unit.id
        assert "tugas" in text_of(heading).lower() + " ".join(text_of(n) for n in notices), unit.id
        for provision in quoted:
            for line in [provision.teks or "", *provision.butir]:
                assert " ".join(line.split()) in text, (unit.id, line)


def test_every_quoted_article_is_cited_on_its_unit_page(built: Project, org: Organisation):
    for unit in org.units.values():
        text = text_of(built.page(f"struktur/{unit.id}/"))
        for provision in unit.ketentuan:
            short = regulation_short(org.regulations[provision.peraturan])
            assert (
                f"{short} , {provision.pasal}" in text or f"{short}, {provision.pasal}" in text
            ), (
                unit.id,
                provision.pasal,
            )


def test_aliases_lead_to_official_units(built: Project, org: Organisation):
    items = built.page("indeks/").find_all("li")
    for unit in org.units.values():
        # An alias that repeats the official name or abbreviation needs no line of its own.
        for alias in [a for a in unit.alias if a.nama not in (unit.nama, unit.singkatan)]:
            item = next(
                (li for li in items if li.find("strong", string=alias.nama)),
                None,
            )
            assert item is not None, alias.nama
            assert unit.nama in [a.get_text() for a in item.find_all("a")], alias.nama


@pytest.mark.parametrize("short", REGULATIONS)
def test_regulations_named_by_the_issue_are_published(org: Organisation, short: str):
    assert short in {regulation_short(r) for r in org.regulations.values()}


def test_each_regulation_has_a_page_listing_its_units(built: Project, org: Organisation):
    for regulation_id, regulation in org.regulations.items():
        soup = built.page(f"dasar-hukum/{regulation_id}/")
        assert _title(soup) == f"{regulation_short(regulation)} - Struktur Organisasi Setjen KPU"
        section = soup.find("h2", id="unit-yang-diatur").find_next(["ul", "p"])
        governed = {
            u.nama
            for u in org.units.values()
            if regulation_id
            in {b.peraturan for b in u.dasar_hukum} | {p.peraturan for p in u.ketentuan}
        }
        assert {a.get_text() for a in section.find_all("a")} == governed, regulation_id
        if not governed:
            assert (
                section.get_text()
                == "Belum ada unit yang mencatat peraturan ini sebagai dasar hukumnya."
            )


def test_regulation_pages_show_what_amends_what(built: Project, org: Organisation):
    for regulation_id, regulation in org.regulations.items():
        for relation in regulation.hubungan:
            other = org.regulations[relation.peraturan]
            outgoing, incoming = RELATION_LABELS[relation.jenis]
            text = text_of(built.page(f"dasar-hukum/{regulation_id}/"))
            expected = f"{outgoing} {regulation_short(other)}"
            if relation.pasal:
                expected += f" ({relation.pasal})"
            assert expected in text, (regulation_id, expected)
            back = text_of(built.page(f"dasar-hukum/{relation.peraturan}/"))
            assert f"{incoming} {regulation_short(regulation)}" in back, (
                relation.peraturan,
                incoming,
            )


def test_overview_chart_shows_the_whole_setjen_to_eselon_ii(built: Project, org: Organisation):
    soup = built.page("struktur/")
    svg = soup.select_one("figure.bagan svg")
    titles = {a.get("xlink:title") for a in svg.find_all("a") if a.get("href")}
    # Eselon II: the Setjen and the two levels below it; a bagian under a biro is not drawn here.
    shown = [u for u in org.units.values() if not u.is_former and len(org.ancestors(u)) <= 2]
    regional = (
        f"{len(org.regional.provinces())} Sekretariat KPU Provinsi dan "
        f"{len(org.regional.regencies())} Sekretariat KPU Kabupaten/Kota"
    )
    assert {t.split(" (")[0] for t in titles} == {u.nama for u in shown} | {regional}
    link = next(a for a in svg.find_all("a") if a.get("xlink:title") == regional)
    assert link["href"] == "../daerah/"


def test_every_chart_box_links_to_a_built_page(built: Project):
    checked = 0
    for page, tree in _trees(built.site):
        for anchor in tree.xpath(CHART_LINKS):
            href = anchor.get("href")
            # Graphviz writes both; the phone's layout (drawn here) the SVG 2 href alone.
            assert anchor.get("xlink:href") in (None, href)
            assert _resolves(built.site, page, href), f"{page}: {href}"
            checked += 1
    assert checked > 40


def test_standalone_charts_link_to_built_pages(built: Project, org: Organisation):
    charts = sorted(built.site.rglob("bagan.svg"))
    # A chart's full-size page shows the same chart: its file is the page's.
    pages_with_charts = [
        p
        for p, tree in _trees(built.site)
        if tree.xpath(CHART_LINKS) and not tree.xpath(f"//figure[{has_class('bagan--penuh')}]")
    ]
    assert len(charts) == len(pages_with_charts) > len(org.units)
    for chart in charts:
        root = ET.fromstring(chart.read_text(encoding="utf-8"))
        hrefs = [a.get("href") for a in root.iter("{http://www.w3.org/2000/svg}a") if a.get("href")]
        assert hrefs, chart
        for href in hrefs:
            assert _resolves(built.site, chart, href), f"{chart}: {href}"


def test_every_internal_link_resolves(built: Project):
    for page, tree in _trees(built.site):
        for href in tree.xpath("//a/@href"):
            assert _resolves(built.site, page, href), f"{page}: {href}"


def test_links_go_to_public_addresses(built: Project):
    """Review 3: the editors' guide linked the preview's local address (code text now), and a
    regulation's link had a host ending in a dot."""
    for page, tree in _trees(built.site):
        for href in tree.xpath("//a/@href"):
            host = urlsplit(href).hostname or ""
            assert host not in ("127.0.0.1", "localhost") and not host.endswith("."), (
                f"{page}: {href}"
            )


def test_pages_are_in_indonesian(built: Project):
    for page in _html_pages(built.site):
        assert re.search(r'<html lang="id"', page.read_text(encoding="utf-8")), page


def test_no_page_loads_anything_from_an_outside_host(built: Project):
    for page, tree in _trees(built.site):
        text = page.read_text(encoding="utf-8")
        for tag, attribute in LOADING:
            for element in tree.iter(tag):
                value = element.get(attribute)
                if value and (tag != "link" or "alternate" not in element.get("rel", "").split()):
                    assert not urlsplit(value).netloc and not value.startswith("//"), (
                        f"{page}: {tag} {value}"
                    )
        assert not re.search(r"@import\s+url\(\s*['\"]?(https?:)?//", text), page
    for css in built.site.rglob("*.css"):
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", css.read_text(encoding="utf-8")), css


def test_no_page_has_duplicate_element_ids(built: Project):
    for page, tree in _trees(built.site):
        ids = Counter(tree.xpath("//@id"))
        assert [i for i, n in ids.items() if n > 1] == [], page


def test_chart_titles_are_readable(built: Project):
    for page, tree in _trees(built.site):
        for title in tree.xpath(f"//figure[{has_class('bagan')}]//svg//title"):
            text = title.text_content()
            assert text and "%3" not in text and not re.search(r"\bn\d+(j\d+)?\b", text), (
                f"{page}: {text}"
            )


def test_chart_has_a_text_alternative_with_the_same_units(built: Project, org: Organisation):
    for unit in org.units.values():
        figure = built.page(f"struktur/{unit.id}/").select_one("figure.bagan")
        # A box's name is its link title up to " (kind)"; the box text itself is wrapped over lines.
        boxes = {a["xlink:title"].split(" (")[0] for a in figure.select("svg a[href]")}
        details = figure.find_next("details")
        assert "Bagan dalam bentuk daftar" in details.find("summary").get_text()
        listed = {a.get_text() for a in details.find_all("a")}
        assert listed == boxes, unit.id


def test_navigation_mirrors_the_hierarchy(built: Project, org: Organisation):
    for unit in org.units.values():
        if unit.is_former:
            continue
        soup = built.page(f"struktur/{unit.id}/")
        trail = [
            li.find(["a", "label"]).get_text(" ", strip=True)
            for li in soup.select("nav.md-nav--primary li.md-nav__item--active")
        ]
        expected = [a.nama for a in org.ancestors(unit)] + [unit.nama]
        assert trail == ["Struktur Organisasi", *expected], unit.id


def test_search_index_knows_every_name_and_alias(built: Project, org: Organisation):
    index = (built.site / "search" / "search_index.json").read_text(encoding="utf-8")
    for unit in org.units.values():
        for name in [unit.nama, *(a.nama for a in unit.alias)]:
            assert json.dumps(name, ensure_ascii=False)[1:-1] in index, name


def test_every_page_searches_through_the_sites_worker(built: Project):
    """The worker that ranks whole words first (docs/assets/javascripts/workers/cari.js) is the
    one each page starts, and the Material worker it loads is in the site."""
    workers = set()
    for page in built.site.rglob("*.html"):
        match = re.search(
            r'<script id="__config"[^>]*>(.*?)</script>', page.read_text("utf-8"), re.S
        )
        if match:
            folder = page.parent.relative_to(built.site).as_posix()
            worker = posixpath.join(folder, json.loads(match[1])["search"])
            workers.add(posixpath.normpath(worker).lstrip("/"))  # 404.html names it from the root
    assert len(workers) == 1, workers
    path, _, query = workers.pop().partition("?asli=")
    assert path.endswith("assets/javascripts/workers/cari.js"), path
    folder = (built.site / path).parent
    assert (built.site / path).is_file() and (folder / query).is_file(), (path, query)
    assert re.fullmatch(r"search\.[0-9a-f]+\.min\.js", query), query


def test_field_reference_lists_every_field(built: Project):
    from generator.schema import Regulation, Source, Unit

    soup = built.page("kolom/")
    for model, anchor in ((Unit, "unit"), (Regulation, "regulation"), (Source, "source")):
        table = soup.find(id=anchor).find_next("table")
        names = [row.find("td").get_text() for row in table.find_all("tr")[1:]]
        assert names == list(model.model_fields), anchor


def test_editors_guide_is_published(built: Project):
    soup = built.page("panduan/")
    assert heading_text(soup.find("h1")) == "Panduan Penyunting"
    assert soup.find("a", string="Daftar kolom")
