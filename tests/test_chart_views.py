"""Charts as pages show them: the narrow layout for phones, the switch between layouts, the
full-size page of every chart, and captions that say only what the chart shows."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from generator.model.organisation import Organisation
from generator.plan.central_pages import overview_chart, unit_chart
from generator.plan.chart_pages import FULL_SIZE
from generator.plan.org_charts import (
    UNPLACED_LABEL,
    Chart,
    box,
    legend,
    line,
    outline,
    successor_line,
)
from generator.plan.site import plan
from generator.render.chart_views import (
    PAD_X,
    WIDTH,
    Views,
    breakpoint,
    full_size_view,
    narrow_svg,
    text_width,
    views,
)
from generator.urls import OVERVIEW_DOC, doc_url, relative_url, unit_doc

from .conftest import Project

SVG = "{http://www.w3.org/2000/svg}"
PAGE = "struktur/satu/index.md"


def _chart(label: str = "Biro Umum") -> Chart:
    top = box("atas", "Deputi Bidang Administrasi", "struktur/atas/index.md", PAGE)
    one = box("satu", label, PAGE, PAGE, current=True)
    two = box("dua", "Biro Keuangan", "struktur/dua/index.md", PAGE, former=True)
    three = box("tiga", "Biro Pengadaan", "struktur/tiga/index.md", PAGE)
    edges = (line(top, one), line(top, two, uncertain=True), successor_line(two, three))
    return Chart("bagan-uji", "Bagan uji", (top, one, two, three), edges)


def _nodes(svg: str) -> list[ET.Element]:
    root = ET.fromstring(svg)
    return [g for g in root.iter(f"{SVG}g") if "node" in (g.get("class") or "").split()]


def test_the_narrow_layout_has_every_box_as_a_link_with_its_words():
    chart = _chart()
    nodes = _nodes(narrow_svg(chart))
    # Every outline line is one box: the successor appears under the unit it replaced.
    assert len(nodes) == len([n for n in _walk(outline(chart))])
    hrefs = [g.find(f"{SVG}a").get("href") for g in nodes]  # type: ignore[union-attr]
    assert hrefs == [n.href for n in _walk(outline(chart))]
    texts = [" ".join(t.text or "" for t in g.iter(f"{SVG}text")) for g in nodes]
    assert texts[0] == "Deputi Bidang Administrasi"
    assert "digantikan oleh:" in texts[-1] and "Biro Pengadaan" in texts[-1]
    current = [g for g in nodes if "saat-ini" in (g.get("class") or "")]
    assert len(current) == 1 and current[0].find(f"{SVG}a/{SVG}rect").get("fill") == "#7a1f1f"  # type: ignore[union-attr]


def test_narrow_layout_lists_units_whose_parent_is_unknown_apart():
    """As in the wide layout (and the list form): last, unindented, with no line to them, under
    words that say so."""
    top = box("atas", "Sekretariat Jenderal", "struktur/atas/index.md", PAGE)
    known = box("satu", "Biro Umum", "struktur/satu/index.md", PAGE)
    loose = box("lama", "Biro Lama", "struktur/lama/index.md", PAGE, former=True)
    edges = (
        line(top, loose, uncertain=True, unplaced=True),
        line(top, known),
    )
    chart = Chart("bagan-uji", "Bagan uji", (top, known, loose), edges)
    # The list form too: the unit is not nested under the root.
    assert [(i.node.key, len(i.children)) for i in outline(chart)] == [("atas", 1), ("lama", 0)]
    svg = narrow_svg(chart)
    texts = [" ".join(t.text or "" for t in g.iter(f"{SVG}text")) for g in _nodes(svg)]
    assert texts == ["Sekretariat Jenderal", "Biro Umum", f"{UNPLACED_LABEL}: Biro Lama"]
    lines = [
        g.find(f"{SVG}title").text
        for g in ET.fromstring(svg).iter(f"{SVG}g")
        if "edge" in (g.get("class") or "")
    ]  # type: ignore[union-attr]
    assert lines == ["Biro Umum berada di bawah Sekretariat Jenderal"]


def _walk(items):  # the outline's nodes in the order the narrow layout draws them
    for item in items:
        yield item.node
        yield from _walk(item.children)


def test_narrow_labels_fit_their_boxes_and_the_phone(org: Organisation):
    """Every line of every box fits inside its box, measured as the widest font would set it."""
    for chart in (overview_chart(org), unit_chart(org, org.root)):
        root = ET.fromstring(narrow_svg(chart))
        assert float(root.get("width")) == WIDTH <= 306
        for group in _nodes(narrow_svg(chart)):
            rect = group.find(f"{SVG}a/{SVG}rect")
            assert rect is not None
            right = float(rect.get("x")) + float(rect.get("width"))
            assert right <= WIDTH
            for text in group.iter(f"{SVG}text"):
                size = float(text.get("font-size"))
                assert size >= 12
                assert float(text.get("x")) + text_width(text.text or "", size) <= right - PAD_X / 2


def test_narrow_layout_keeps_hostile_text_as_text():
    label = '</text><script>alert(1)</script> "&'
    svg = narrow_svg(_chart(label))
    assert "<script>" not in svg
    texts = " ".join(t.text or "" for t in ET.fromstring(svg).iter(f"{SVG}text"))
    assert "alert(1)" in texts and "</text>" in texts


def test_narrow_lines_are_dashed_where_the_relation_is_uncertain():
    svg = ET.fromstring(narrow_svg(_chart()))
    edges = [g for g in svg.iter(f"{SVG}g") if "edge" in (g.get("class") or "").split()]
    dashed = {g.get("id"): [p.get("stroke-dasharray") for p in g.iter(f"{SVG}path")] for g in edges}
    # Ticks: the sure line is solid; the uncertain one and the succession are dashed.
    ticks = [marks[1] for marks in dashed.values()]
    assert ticks.count(None) == 1 and len(ticks) == 3


@pytest.mark.parametrize(
    "width, expected",
    [(200, None), (306, None), (307, 30), (586, 40), (746, 50), (906, 60), (3000, 60)],
)
def test_the_switch_is_where_the_wide_layout_stops_fitting(width: float, expected: int | None):
    assert breakpoint(width) == expected


def test_views_add_the_narrow_layout_only_when_the_wide_one_is_too_wide():
    chart = _chart()
    small = '<svg width="250px" height="100px" class="bagan-svg"></svg>'
    assert views(chart, small) == Views(small)
    wide = '<svg width="700px" height="100px" class="bagan-svg"></svg>'
    both = views(chart, wide)
    assert (
        both.wide
        == '<svg width="700px" height="100px" class="bagan-svg bagan-lebar ganti-50"></svg>'
    )
    # The narrow layout is for screens: the printed book leaves it out.
    assert both.narrow is not None
    assert 'class="bagan-svg bagan-sempit ganti-50 hanya-layar"' in both.narrow
    assert both.html() == f"{both.wide}\n{both.narrow}"


def test_the_full_size_view_climbs_one_folder():
    svg = '<svg class="bagan-svg"><a href="biro-umum/" xlink:href="biro-umum/"/><a href="../"/><a href="#x"/></svg>'
    assert full_size_view(svg) == (
        '<svg class="bagan-svg bagan-penuh"><a href="../biro-umum/" xlink:href="../biro-umum/"/>'
        '<a href="../../"/><a href="#x"/></svg>'
    )


def test_every_chart_has_a_full_size_page(minimal_org: Organisation):
    pages = plan(minimal_org).pages
    full = {p.path: p for p in pages if p.full_size}
    for page in pages:
        if page.full_size:
            continue
        for chart in page.charts:
            target = full[page.chart_page(chart)]
            assert target.chart is chart
            assert [c.label for c in target.crumbs][-2:] == [page.crumbs[-1].label, FULL_SIZE]
            assert target.crumbs[-2].doc == page.path
    assert len(full) == sum(len(p.charts) for p in pages if not p.full_size)


def test_legend_names_only_what_the_chart_has(minimal_org: Organisation):
    overview = legend(overview_chart(minimal_org))
    assert not overview.current and not overview.successors
    former = minimal_org.former_units()[0]
    shown = legend(unit_chart(minimal_org, former))
    assert shown.current and shown.former and shown.successors


@pytest.fixture(scope="module")
def generated(minimal_generated: Project) -> Project:
    return minimal_generated


def _caption(project: Project, doc: str) -> str:
    text = (project.root / "docs" / doc).read_text(encoding="utf-8")
    (caption,) = re.findall(r"<figcaption>(.*?)</figcaption>", text)
    return caption


def test_captions_say_only_what_the_chart_shows(generated: Project, minimal_org: Organisation):
    overview = _caption(generated, OVERVIEW_DOC)
    assert "Kotak berwarna" not in overview
    assert "digantikan oleh" not in overview
    unit = _caption(generated, unit_doc("biro-umum"))
    assert "Kotak berwarna: unit yang dibahas di sini" in unit
    has_dashed = any(
        e.dashed for e in unit_chart(minimal_org, minimal_org.units["biro-umum"]).edges
    )
    assert ("Garis putus-putus: kedudukan" in unit) == has_dashed
    former = minimal_org.former_units()[0]
    assert "«digantikan oleh»" in _caption(generated, unit_doc(former.id))


def test_the_full_size_page_is_inside_the_site(generated: Project):
    text = (generated.root / "docs" / "struktur" / "bagan.md").read_text(encoding="utf-8")
    assert "hide:\n  - navigation\n  - toc\nsearch:\n  exclude: true" in text
    assert "› **Bagan ukuran penuh**" in text and "[Struktur Organisasi](index.md)" in text
    assert text.count("<svg ") == 1 and 'class="bagan-svg bagan-penuh"' in text
    for action in ("masuk", "keluar", "pas", "asli"):
        assert f'data-perbesaran="{action}"' in text
    assert "Bagan dalam bentuk daftar" in text
    assert f'href="{relative_url(OVERVIEW_DOC, "struktur/bagan.md")}"' in text
    # Links in the chart lead to the same pages as on the overview, one folder up.
    assert 'href="../biro-umum/"' in text
    assert doc_url("struktur/bagan.md") == "struktur/bagan/"
    assert not (generated.root / "docs" / "struktur" / "bagan" / "bagan.svg").exists()
    assert (generated.root / "docs" / "struktur" / "bagan.svg").is_file()
