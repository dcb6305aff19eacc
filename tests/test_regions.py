"""The regional secretariats as a reader finds them: one page per province and kabupaten/kota."""

from __future__ import annotations

import re

import pytest

from generator.model.organisation import Organisation

from .conftest import Project, has_class, heading_text

pytestmark = pytest.mark.site


def _text(project: Project, url: str) -> str:
    return project.page(url).get_text(" ", strip=True)


def test_every_secretariat_has_a_page_with_its_name_and_code(built: Project, org: Organisation):
    provinces = org.regional.provinces()
    regencies = org.regional.regencies()
    assert len(provinces) == len({s.province.id for s in org.regional.secretariats.values()})
    assert len(regencies) == sum(len(p.province.kabupaten_kota) for p in provinces)
    for secretariat in org.regional.secretariats.values():
        tree = built.tree(f"daerah/{secretariat.key}/")  # lxml: there are hundreds of them
        assert tree.findtext(".//title") == f"{secretariat.nama} - Struktur Organisasi Setjen KPU"
        table = " ".join(t.strip() for t in tree.xpath("(//table)[1]")[0].itertext() if t.strip())
        assert f"kode Kemendagri {secretariat.kode}" in table
        assert tree.xpath(f"//figure[{has_class('bagan')}]//svg"), secretariat.key


@pytest.mark.parametrize(
    "key, name",
    [
        ("aceh", "Sekretariat Komisi Independen Pemilihan Aceh"),
        (
            "aceh/kabupaten-aceh-besar",
            "Sekretariat Komisi Independen Pemilihan Kabupaten Aceh Besar",
        ),
        ("aceh/kota-banda-aceh", "Sekretariat Komisi Independen Pemilihan Kota Banda Aceh"),
        ("jawa-barat", "Sekretariat Komisi Pemilihan Umum Provinsi Jawa Barat"),
        ("jawa-barat/kota-bandung", "Sekretariat Komisi Pemilihan Umum Kota Bandung"),
        ("papua-selatan", "Sekretariat Komisi Pemilihan Umum Provinsi Papua Selatan"),
        ("papua-tengah", "Sekretariat Komisi Pemilihan Umum Provinsi Papua Tengah"),
        ("papua-pegunungan", "Sekretariat Komisi Pemilihan Umum Provinsi Papua Pegunungan"),
        ("papua-barat-daya", "Sekretariat Komisi Pemilihan Umum Provinsi Papua Barat Daya"),
        (
            "sulawesi-utara/kabupaten-kepulauan-siau-tagulandang-biaro",
            "Sekretariat Komisi Pemilihan Umum Kabupaten Kepulauan Siau Tagulandang Biaro",
        ),
    ],
)
def test_names_follow_the_body_of_each_region(built: Project, key: str, name: str):
    h1 = built.page(f"daerah/{key}/").find("h1")
    assert heading_text(h1) == name


def test_regency_page_shows_both_reporting_lines_and_its_subbagian(
    built: Project, org: Organisation
):
    soup = built.page("daerah/jawa-barat/kabupaten-bogor/")
    text = soup.get_text(" ", strip=True)
    assert (
        "Administratif Sekretaris KPU Provinsi Jawa Barat ( Sekretariat KPU Provinsi Jawa Barat )"
        in text
    )
    assert "Fungsional Ketua KPU Kabupaten Bogor" in text
    subbagian = soup.find("h2", id="subbagian").find_next("ul")
    secretariat = org.regional.secretariats["jawa-barat/kabupaten-bogor"]
    assert [a.get_text() for a in subbagian.find_all("a")] == [
        u.nama for u in secretariat.active_sub_units
    ]
    assert subbagian.find_all("a")
    svg_links = {
        a.get("xlink:title").split(" (")[0] for a in soup.select("figure.bagan svg a[href]")
    }
    assert "Sekretariat Komisi Pemilihan Umum Provinsi Jawa Barat" in svg_links


def test_province_page_lists_its_regencies(built: Project, org: Organisation):
    soup = built.page("daerah/jawa-tengah/")
    rows = soup.find("h2", id=re.compile("^kabupatenkota")).find_next("table").find_all("tr")[1:]
    expected = [s.kode for s in org.regional.regencies(org.regional.secretariats["jawa-tengah"])]
    assert [r.find("td").get_text() for r in rows] == expected == sorted(expected)
    assert expected


def test_national_list_holds_every_secretariat_with_a_filter(built: Project, org: Organisation):
    soup = built.page("daerah/")
    rows = soup.select("#daftar-sekretariat tbody tr")
    assert len(rows) == len(org.regional.secretariats)
    assert soup.select_one("[data-saring-untuk='daftar-sekretariat'] input[type=search]")
    options = soup.select("[data-saring-provinsi] option")
    assert len(options) == len(org.regional.provinces()) + 1
    assert any(s.get("src", "").endswith("assets/saring.js") for s in soup.find_all("script"))


def test_article_text_is_quoted_once_per_template(built: Project):
    quote = "membantu pendistribusian perlengkapan Penyelenggaraan Pemilu anggota DPR"
    template = _text(built, "struktur-baku/sekretariat-kabupaten-kota/")
    assert quote in template and "Pasal 88 ayat (1)" in template
    assert quote not in _text(built, "daerah/jawa-barat/kabupaten-bogor/")
    index = (built.site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert index.count(quote) <= 3  # the two templates (and the narrative page), not every page


def test_search_index_stays_small(built: Project):
    assert (built.site / "search" / "search_index.json").stat().st_size < 3_000_000


def test_navigation_reaches_regions(built: Project):
    soup = built.page("daerah/jawa-barat/kabupaten-bogor/")
    trail = [
        li.find(["a", "label"]).get_text(" ", strip=True)
        for li in soup.select("nav.md-nav--primary li.md-nav__item--active")
    ]
    assert trail == ["Sekretariat Daerah", "Jawa Barat", "Kabupaten Bogor"]


def test_a_regional_override_changes_only_that_secretariat(
    minimal_project: Project, capsys: pytest.CaptureFixture[str]
):
    project = minimal_project
    assert project.run("generate") == 0
    capsys.readouterr()
    project.edit(
        "wilayah/gorontalo.yml",
        '  - kode: "75.01"\n    nama: "Kabupaten Gorontalo"\n',
        '  - kode: "75.01"\n    nama: "Kabupaten Gorontalo"\n    tipe: A\n'
        "    sub_unit_dihapus: [subbagian-keuangan-umum-dan-logistik]\n",
    )
    assert project.run("generate") == 0
    # The page, its chart and the chart's full-size page; and the completeness page, which
    # counts the known types.
    assert "4 berkas ditulis" in capsys.readouterr().out
    page = (
        project.root / "docs" / "daerah" / "gorontalo" / "kabupaten-gorontalo" / "index.md"
    ).read_text(encoding="utf-8")
    assert "Tipe A" in page
    assert "Subbagian Keuangan, Umum, dan Logistik" not in page
