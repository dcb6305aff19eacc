"""Charts: DOT is built safely and deterministically (golden files), and many charts need one
`dot` run; the chart cache is the build's."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import graphviz
import pytest

from generator.model.organisation import Organisation
from generator.plan.central_pages import overview_chart, unit_chart
from generator.plan.org_charts import UNPLACED_LABEL, Chart, box, line
from generator.plan.regional_pages import secretariat_chart, structure_chart
from generator.render import chart_svg as charts
from generator.render.chart_svg import render_svgs, to_dot
from generator.render.palette import DARK, LIGHT, site_css, standalone_css

SVG = "{http://www.w3.org/2000/svg}"
PAGE = "struktur/satu/index.md"


def _chart(chart_id: str = "bagan-uji", label: str = "Biro Umum") -> Chart:
    top = box(
        "induk", "Deputi Bidang Administrasi", "struktur/induk/index.md", PAGE, detail="Deputi"
    )
    one = box("satu", label, PAGE, PAGE, detail="Biro", current=True)
    two = box("dua", "Biro Keuangan", "struktur/dua/index.md", PAGE, detail="Biro")
    return Chart(
        chart_id,
        f"Bagan struktur {label}",
        (top, one, two),
        (line(top, one), line(top, two, uncertain=True)),
    )


@pytest.mark.parametrize(
    "name, make",
    [
        ("overview", lambda org: overview_chart(org)),
        ("unit-biro-umum", lambda org: unit_chart(org, org.units["biro-umum"])),
        (
            "unit-former",
            lambda org: unit_chart(org, org.units["biro-keuangan-dan-barang-milik-negara"]),
        ),
        (
            "secretariat-kota",
            lambda org: secretariat_chart(
                org, org.regional.secretariats["gorontalo/kota-gorontalo"]
            ),
        ),
        (
            "structure-regency",
            lambda org: structure_chart(org, org.regional.ordered_structures()[1]),
        ),
    ],
)
def test_dot_matches_golden_file(minimal_org: Organisation, golden, name, make):
    golden(f"dot/{name}.dot", to_dot(make(minimal_org)))


@pytest.mark.parametrize(
    "label",
    ['"]; injected [label="x', "a\\Nb \\l", "<b>tebal</b>", "}; digraph x {"],
)
def test_hostile_label_stays_text(label: str):
    svg = render_svgs([_chart(label=label)])["bagan-uji"]
    texts = " ".join(t.text or "" for t in ET.fromstring(svg).iter(f"{SVG}text"))
    assert label in texts
    titles = [t.text for t in ET.fromstring(svg).iter(f"{SVG}title")]
    assert f"{label} (Biro)" in titles
    assert (
        len(
            [
                g
                for g in ET.fromstring(svg).iter(f"{SVG}g")
                if (g.get("class") or "").split()[:1] == ["node"]
            ]
        )
        == 3
    )


def test_many_charts_render_in_one_dot_process(monkeypatch: pytest.MonkeyPatch):
    calls = []
    real = graphviz.pipe_string

    def counting(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(charts.graphviz, "pipe_string", counting)
    rendered = render_svgs([_chart(f"bagan-{i}") for i in range(12)])
    assert len(calls) == 1
    assert sorted(rendered) == sorted(f"bagan-{i}" for i in range(12))


def test_svg_ids_are_prefixed_and_titles_readable():
    svg = ET.fromstring(render_svgs([_chart()])["bagan-uji"])
    ids = [e.get("id") for e in svg.iter() if e.get("id")]
    assert ids and all(i.startswith(("bagan-uji", "a_bagan-uji")) for i in ids)
    titles = [t.text for t in svg.iter(f"{SVG}title")]
    assert titles[0] == "Bagan struktur Biro Umum"
    assert "Biro Umum (Biro)" in titles
    assert "Biro Keuangan berada di bawah Deputi Bidang Administrasi (belum dipastikan)" in titles
    assert svg.get("aria-label") == "Bagan struktur Biro Umum"


def test_boxes_are_links_and_the_current_box_is_filled_for_print():
    svg = ET.fromstring(render_svgs([_chart()])["bagan-uji"])
    links = {a.get("href") for a in svg.iter(f"{SVG}a") if a.get("href")}
    assert links == {"../induk/", "./", "../dua/"}
    current = next(g for g in svg.iter(f"{SVG}g") if "saat-ini" in (g.get("class") or ""))
    assert current.find(f"{SVG}title").text == "Biro Umum (Biro)"
    # Print renderers ignore CSS on inline SVG: the highlight is an attribute too.
    assert current.find(f".//{SVG}path").get("fill") == LIGHT.saat_ini


def test_missing_dot_gives_an_install_hint(monkeypatch: pytest.MonkeyPatch):
    def missing(*args, **kwargs):
        raise graphviz.ExecutableNotFound(["dot"])

    monkeypatch.setattr(charts.graphviz, "pipe_string", missing)
    with pytest.raises(charts.GeneratorError, match="apt-get install graphviz"):
        render_svgs([_chart()])


def test_known_charts_are_not_drawn_again(monkeypatch: pytest.MonkeyPatch):
    jobs = charts.chart_jobs([_chart("bagan-a"), _chart("bagan-b", label="Biro Lain")])
    svgs, drawn = charts.PendingCharts(jobs, {}).result()
    assert set(drawn) == {job.key for job in jobs}

    def no_dot(*args, **kwargs):
        raise AssertionError("dot should not run for known charts")

    monkeypatch.setattr(charts.graphviz, "pipe_string", no_dot)
    again, new = charts.PendingCharts(jobs, drawn).result()
    assert again == svgs and new == {}


def test_one_palette_feeds_css_and_standalone_files():
    css = site_css()
    for value in (LIGHT.kotak, LIGHT.saat_ini, DARK.kotak, DARK.saat_ini):
        assert value in css and value in standalone_css()


def _points(group: ET.Element) -> list[tuple[float, float]]:
    """The points of a drawn box's outline (y grows downwards)."""
    path = group.find(f".//{SVG}path")
    assert path is not None
    pairs = path.get("d", "").replace("M", " ").replace("C", " ").split()
    return [(float(p.split(",")[0]), float(p.split(",")[1])) for p in pairs]


def _centre_x(group: ET.Element) -> float:
    """The middle of a drawn box: its path's leftmost and rightmost x."""
    xs = [x for x, _ in _points(group)]
    return (min(xs) + max(xs)) / 2


def _drawn_beside_a_column(unplaced: int = 0) -> ET.Element:
    """A root over three deputies (two biro each), three leaves (boxes 10–12) and ``unplaced``
    units whose parent is unknown (boxes 13–), drawn."""
    page = "struktur/index.md"
    root = box("akar", "Sekretariat Jenderal", "struktur/akar/index.md", page)
    deputies = [box(f"d{i}", f"Deputi {i}", f"struktur/d{i}/index.md", page) for i in range(3)]
    biro = [box(f"b{i}", f"Biro {i}", f"struktur/b{i}/index.md", page) for i in range(6)]
    leaves = [box(f"p{i}", f"Pusat {i}", f"struktur/p{i}/index.md", page) for i in range(3)]
    loose = [box(f"u{i}", f"Lama {i}", f"struktur/u{i}/index.md", page) for i in range(unplaced)]
    edges = [line(root, d) for d in deputies]
    edges += [line(deputies[i // 2], b) for i, b in enumerate(biro)]
    edges += [line(root, p) for p in leaves]
    edges += [line(root, u, uncertain=True, unplaced=True) for u in loose]
    chart = Chart("bagan-akar", "Bagan", (root, *deputies, *biro, *leaves, *loose), tuple(edges))
    return ET.fromstring(render_svgs([chart])["bagan-akar"])


def _boxes(svg: ET.Element) -> dict[str, ET.Element]:
    return {
        str(g.get("id")): g for g in svg.iter(f"{SVG}g") if g.get("class", "").startswith("node")
    }


def _boxes_beside_a_column() -> dict[str, ET.Element]:
    return _boxes(_drawn_beside_a_column())


def test_units_whose_parent_is_unknown_stand_apart_under_words_that_say_so():
    """Hung from the root, they read as directly under it: they stand apart, below the root's
    children and under "Unit atasan belum diketahui:", with no line to them."""
    svg = _drawn_beside_a_column(unplaced=2)
    boxes = _boxes(svg)
    words = " ".join(
        " ".join(t.text or "" for t in boxes["bagan-akar-u"].iter(f"{SVG}text")).split()
    )
    assert words == UNPLACED_LABEL + ":"
    deputies_bottom = max(y for i in (1, 2, 3) for _, y in _points(boxes[f"bagan-akar-n{i}"]))
    tops = [min(y for _, y in _points(boxes[f"bagan-akar-n{i}"])) for i in (13, 14)]
    assert all(top > deputies_bottom for top in tops), (tops, deputies_bottom)
    lines = [
        t.text
        for g in svg.iter(f"{SVG}g")
        if "edge" in g.get("class", "")
        for t in g.iter(f"{SVG}title")
    ]
    assert not [t for t in lines if t and "Lama" in t], lines


def test_a_column_beside_subtrees_is_not_headed_by_its_first_box():
    """The leaves' column starts below the row of the deputies, from a bend of the root's line:
    level with them, its first box read as the head of the boxes below it."""
    boxes = _boxes_beside_a_column()
    deputies_bottom = max(y for i in (1, 2, 3) for _, y in _points(boxes[f"bagan-akar-n{i}"]))
    first_leaf_top = min(y for _, y in _points(boxes["bagan-akar-n10"]))
    assert first_leaf_top > deputies_bottom, (first_leaf_top, deputies_bottom)


def test_a_box_with_subtrees_and_leaves_sits_over_all_its_children():
    """Beside children with children of their own, the leaves stack in a column; the box above
    stays centred over all of them, not over the column (the overview's root sat top right)."""
    centres = {name: _centre_x(group) for name, group in _boxes_beside_a_column().items()}
    children = [centres[f"bagan-akar-n{i}"] for i in (1, 2, 3, 10)]
    middle = (min(children) + max(children)) / 2
    span = max(children) - min(children)
    assert abs(centres["bagan-akar-n0"] - middle) < 0.15 * span, (
        centres["bagan-akar-n0"],
        children,
    )


def test_a_long_list_under_one_box_is_drawn_in_columns_side_by_side():
    """A province's 27 kabupaten/kota in one column made a chart 2 400 px tall and 200 px wide:
    no column holds more than COLUMN_ROWS boxes, each column in the list's order, top down."""
    page = "daerah/index.md"
    head = box("prov", "Sekretariat KPU Provinsi", "daerah/prov/index.md", page)
    regencies = [box(f"k{i}", f"Kabupaten {i}", f"daerah/k{i}/index.md", page) for i in range(27)]
    chart = Chart(
        "bagan-prov", "Bagan", (head, *regencies), tuple(line(head, k) for k in regencies)
    )
    boxes = _boxes(ET.fromstring(render_svgs([chart])["bagan-prov"]))
    drawn = [boxes[f"bagan-prov-n{i}"] for i in range(1, 28)]
    columns: dict[int, list[float]] = {}
    for group in drawn:
        top = min(y for _, y in _points(group))
        columns.setdefault(round(min(x for x, _ in _points(group))), []).append(top)
    assert [len(tops) for _, tops in sorted(columns.items())] == [9, 9, 9]
    assert all(tops == sorted(tops) for tops in columns.values())
    order = [round(min(x for x, _ in _points(g))) for g in drawn]
    assert order == sorted(order)  # the first nine in the left column, and so on
