"""What a reader review of the built site found (issue 16), as the reader sees it on the small
fixture's built pages: each value's badge is its own; a former unit is described only as the
sources support; each inference is marked once and its reason is readable without a tooltip;
assumed sub-units are drawn and listed as assumed; an old source for an office holder says the
person may have changed; the Kelengkapan page counts one fact one way; source lists and editor
pages' reference text stay out of search.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from tests.conftest import MINIMAL, ROOT, Project, copy_project

#: The edition the built pages stand for (1 January 2027): the office holder's newest source
#: (27 October 2025) is then more than twelve months old.
EDITION = "1798761600"
#: An edition on which that source is still recent (1 January 2026).
EARLIER_EDITION = "1767225600"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = copy_project(tmp_path_factory.mktemp("pembaca") / "proyek", MINIMAL)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EDITION)
        assert project.run("build", "--tanpa-peringatan") == 0
    return project


def badges(node: Any) -> list[str]:
    return [b.get_text() for b in node.select(".keyakinan")]


def visible_text(node: Any) -> str:
    """The text a reader sees (tooltips are attributes, so never part of it)."""
    return " ".join(node.get_text(" ").split())


def rows(soup: BeautifulSoup, heading: str) -> list[list[Any]]:
    table = soup.find(id=heading).find_next("table")
    return [tr.find_all("td") for tr in table.find_all("tr")[1:]]


# --- 1. a value's badge is its own --------------------------------------------------------


def test_the_overview_gives_each_name_and_parent_its_own_badge(site: Project):
    soup = site.page("struktur/")
    table = soup.find(id="semua-unit").find_next("table")
    assert [th.get_text() for th in table.find_all("th")] == ["Unit", "Jenis", "Unit atasan"]
    by_name = {visible_text(cells[0].a): cells for cells in rows(soup, "semua-unit")}
    # Biro Umum is verified; its parent is inferred: the parent never shows the unit's badge.
    umum = by_name["Biro Umum"]
    assert badges(umum[0]) == ["Terverifikasi"] and badges(umum[2]) == ["Inferensi"]
    # A parent without a marker of its own has the unit's level, shown beside it.
    keuangan = by_name["Biro Keuangan"]
    assert badges(keuangan[0]) == ["Terverifikasi"] and badges(keuangan[2]) == ["Terverifikasi"]


def test_a_pages_badge_says_which_facts_it_does_not_cover(site: Project):
    soup = site.page("struktur/biro-umum/")
    head = soup.find("h1").find_next("p")
    assert visible_text(head) == (
        "Terverifikasi untuk isi halaman ini, kecuali unit atasannya, yang bertanda sendiri, "
        "serta gambaran tugas dan pejabat menurut sumber publik."
    )
    parent_row = next(tr for tr in soup.find_all("tr") if "Unit atasan" in tr.get_text())
    assert badges(parent_row) == ["Inferensi"]
    regency = site.page("daerah/gorontalo/kota-gorontalo/")
    assert visible_text(regency.find("h1").find_next("p")) == (
        "Terverifikasi untuk isi halaman ini, kecuali namanya, kode wilayahnya, situsnya, dan "
        "susunan subbagiannya, yang bertanda sendiri."
    )


def test_the_completeness_page_counts_a_parents_certainty_once(site: Project):
    soup = site.page("kelengkapan/")
    summary = soup.find(id="ringkasan").find_next("table")
    counted = [visible_text(tr.find("td")) for tr in summary.find_all("tr")[1:]]
    assert "Unit atasan" in counted and "Tanpa keterangan yang belum pasti" in counted
    assert "Sudah diverifikasi" not in counted
    # Biro Umum's parent is known and inferred: 'Unit atasan' counts it known, the certainty
    # row counts it uncertain, and its line says so once.
    entry = next(li for li in soup.select("article li") if li.find("a", string="Biro Umum"))
    lines = [visible_text(li) for li in entry.select("li")]
    assert "Masih disimpulkan: Unit atasan, Dasar hukum." in lines
    assert not [line for line in lines if line.startswith("Unit atasan")]


# --- 2. one badge per fact, its reason readable ---------------------------------------------


FORMER = "struktur/biro-keuangan-dan-barang-milik-negara/"
REASONS = (
    "Disusun dari label bahasa Inggris.",
    "Tidak lagi tercatat sejak 2024.",
    "Batas tahunnya disimpulkan dari daftar unit.",
    "Sejak 2024 hanya Biro Keuangan yang tercatat.",
)


def test_a_former_unit_row_has_one_badge_per_fact_and_its_reasons_in_view(site: Project):
    soup = site.page("struktur/")
    (row,) = rows(soup, "unit-terdahulu")
    # Name, period (with its status), successor: three facts, three badges.
    assert [badges(cell) for cell in row] == [["Inferensi"], ["Inferensi"], ["Inferensi"]]
    reasons = visible_text(soup.find(id="alasan-tanda-keyakinan").find_next("ul"))
    for reason in REASONS:
        assert reason in reasons
    assert "Unit atasan Biro Umum: Inferensi Disimpulkan dari kode unit." in reasons


def test_a_former_unit_page_marks_each_fact_once_and_explains_it_in_view(site: Project):
    soup = site.page(FORMER)
    article = soup.article
    sources = soup.find(id="sumber-dan-tingkat-keyakinan")
    above = []
    for node in sources.find_all_previous(class_="keyakinan"):
        above.append(node.get_text())
    # The record's own badge, then one each for its name, its period and its successor.
    assert sorted(above) == ["Inferensi", "Inferensi", "Inferensi", "Sumber sekunder"]
    text = visible_text(article)
    for reason in REASONS:
        assert text.count(reason) == 1, reason
    assert "ibubarkan" not in text


# --- 3. words the sources support ------------------------------------------------------------


def test_a_former_unit_is_not_called_dissolved_unless_the_content_says_so(tmp_path: Path):
    project = copy_project(tmp_path / "p", MINIMAL)
    structure = project.content / "templat" / "sekretariat-kabupaten-kota.yml"
    text = structure.read_text(encoding="utf-8")
    marked = "    rincian_keyakinan:\n      digantikan_oleh:"
    assert marked in text
    structure.write_text(
        text.replace(
            marked,
            "    rincian_keyakinan:\n      status:\n        keyakinan: inferensi\n"
            "        alasan: Tidak lagi tercatat.\n      digantikan_oleh:",
            1,
        ),
        encoding="utf-8",
    )
    assert project.run("generate", "--tanpa-peringatan") == 0
    docs = project.root / "docs"
    table = (docs / "struktur-baku/sekretariat-kabupaten-kota/index.md").read_text("utf-8")
    assert "| Tidak lagi tercatat dalam struktur sesudah 2023 <span" in table
    assert "ibubarkan" not in table.split("## Sumber")[0]
    overview = (docs / "struktur/index.md").read_text("utf-8")
    assert "Unit-unit ini tidak lagi tercatat dalam struktur sekarang." in overview
    assert "ibubarkan" not in overview


# --- 4. assumed sub-units look assumed ------------------------------------------------------


def test_a_regencys_assumed_subbagian_are_drawn_and_listed_as_assumed(site: Project):
    soup = site.page("daerah/gorontalo/kota-gorontalo/")
    figure = soup.find("figure", class_="bagan")
    wide = figure.find("svg", class_="bagan-svg")
    nodes = {visible_text(g.find("title")): g for g in wide.select("g.node")}
    assumed = nodes["Subbagian Keuangan, Umum, dan Logistik (Subbagian)"]
    added = nodes["Subbagian Teknis Penyelenggaraan Pemilu (Subbagian)"]
    assert "disimpulkan" in visible_text(assumed) and "disimpulkan" not in visible_text(added)
    lines = wide.select("g.edge.disimpulkan path")
    assert lines and all(p.get("stroke-dasharray") for p in lines)
    assert "«disimpulkan»: subbagian menurut struktur baku" in visible_text(figure.figcaption)
    outline = visible_text(soup.find("details", class_="bagan-daftar"))
    assert "Subbagian Keuangan, Umum, dan Logistik — disimpulkan" in outline
    assert "Subbagian Teknis Penyelenggaraan Pemilu — disimpulkan" not in outline
    # Under the list: its badge and, in view, why (no tooltip needed).
    after = soup.find(id="subbagian").find_next("ul").find_next_sibling("p")
    assert badges(after) == ["Inferensi"]
    assert "belum ada sumber tentang susunan sekretariat ini" in visible_text(after)


# --- 8. an old source for an office holder --------------------------------------------------

NOTE = "Sumber ini bertanggal lebih dari 12 bulan sebelum edisi situs ini; pejabatnya mungkin sudah berganti."


def test_an_old_source_for_the_current_office_holder_says_the_person_may_have_changed(
    site: Project,
):
    soup = site.page("struktur/biro-umum/")
    holders = soup.find(id="pejabat").find_all_next("li", limit=2)
    assert NOTE in visible_text(holders[0]) and "Budi Contoh" in visible_text(holders[0])
    # Only the newest holder of a post: the earlier ones are history anyway.
    assert "Ani Contoh" in visible_text(holders[1]) and NOTE not in visible_text(holders[1])


def test_the_note_follows_the_edition_date_not_the_clock(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EARLIER_EDITION)
    project = copy_project(tmp_path / "p", MINIMAL)
    assert project.run("generate", "--tanpa-peringatan") == 0
    page = (project.root / "docs/struktur/biro-umum/index.md").read_text("utf-8")
    assert "pejabatnya mungkin sudah berganti" not in page


# --- 6. search finds what the page is about -------------------------------------------------


def test_source_lists_and_editor_reference_text_stay_out_of_search(site: Project):
    index = json.loads((site.site / "search" / "search_index.json").read_text("utf-8"))
    locations = [d["location"] for d in index["docs"]]
    # A source's title names other units and places: never a reason to find this page.
    assert not [loc for loc in locations if "#sumber" in loc]
    assert not any("Biro Umum menata ulang layanan kantor" in d["text"] for d in index["docs"])
    # The field list is found by its name, not by the real content its examples quote.
    assert [loc for loc in locations if loc.startswith("kolom/")] == [
        "kolom/",
        "kolom/#daftar-kolom",
    ]
    # The pages are still found by their names.
    assert "struktur/biro-umum/" in locations


def test_every_section_of_the_editor_guide_stays_out_of_search():
    guide = (ROOT / "docs" / "panduan" / "index.md").read_text(encoding="utf-8")
    headings = [line for line in guide.splitlines() if line.startswith("## ")]
    assert headings
    assert [h for h in headings if not h.endswith("{ data-search-exclude }")] == []
