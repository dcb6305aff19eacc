"""The model: the tree, its order, and what is derived from it."""

from __future__ import annotations

from generator.model import Organisation, regulation_short, regulation_title
from generator.site import az_entries, outline, unit_chart
from generator.urls import relative_url, unit_doc


def test_root_is_the_secretariat_general(org: Organisation):
    assert org.root.id == "sekretariat-jenderal"
    assert org.ancestors(org.root) == []


def test_ancestors_run_from_the_top(org: Organisation):
    unit = org.units["inspektorat-wilayah-ii"]
    assert [u.id for u in org.ancestors(unit)] == ["sekretariat-jenderal", "inspektorat-utama"]


def test_children_follow_their_order_and_exclude_former_units(org: Organisation):
    deputy = org.units["deputi-bidang-administrasi"]
    assert [u.id for u in org.children_of(deputy)] == [
        "biro-perencanaan-dan-organisasi",
        "biro-keuangan",
        "biro-umum",
        "biro-sumber-daya-manusia",
        "biro-pengadaan-barang-jasa-dan-barang-milik-negara",
    ]
    assert [u.id for u in org.children_of(deputy, active=False)] == [
        "biro-keuangan-dan-barang-milik-negara"
    ]


def test_successors_and_predecessors_mirror_each_other(org: Organisation):
    hukum = org.units["biro-hukum"]
    assert {u.id for u in org.predecessors(hukum)} == {
        "biro-advokasi-hukum-dan-penyelesaian-sengketa",
        "biro-perundang-undangan",
    }
    former = org.units["biro-perundang-undangan"]
    assert [u.id for u in org.successors(former)] == ["biro-hukum"]


def test_regulation_titles(org: Organisation):
    uu = org.regulations["uu-7-2017"]
    assert regulation_title(uu) == "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum"
    assert regulation_short(org.regulations["pkpu-21-2023"]) == "PKPU 21/2023"


def test_incoming_relations(org: Organisation):
    incoming = {(r.id, kind.value) for r, kind, _ in org.incoming(org.regulations["uu-7-2017"])}
    assert incoming == {
        ("perppu-1-2022", "mengubah"),
        ("uu-7-2023", "mengubah"),
        ("perpres-105-2018", "melaksanakan"),
    }


def test_az_index_maps_informal_names_to_units(org: Organisation):
    entries = {e.name: e.unit.id for e in az_entries(org)}
    assert entries["Biro TI"] == "pusat-data-dan-teknologi-informasi"
    assert entries["Biro Humas"] == "biro-partisipasi-dan-hubungan-masyarakat"
    names = [e.name.casefold() for e in az_entries(org)]
    assert names == sorted(names)


def test_unit_chart_shows_parent_unit_and_children(org: Organisation):
    chart = unit_chart(org, org.units["inspektorat-utama"])
    assert [n.key for n in chart.nodes] == [
        "sekretariat-jenderal",
        "inspektorat-utama",
        "inspektorat-wilayah-i",
        "inspektorat-wilayah-ii",
        "inspektorat-wilayah-iii",
    ]
    assert [n.key for n in chart.nodes if "saat-ini" in n.classes] == ["inspektorat-utama"]
    tree = outline(chart)
    assert tree[0]["node"].key == "sekretariat-jenderal"
    assert [c["node"].key for c in tree[0]["children"][0]["children"]] == [
        "inspektorat-wilayah-i",
        "inspektorat-wilayah-ii",
        "inspektorat-wilayah-iii",
    ]


def test_inferred_parent_is_a_dashed_line(org: Organisation):
    chart = unit_chart(org, org.units["biro-logistik"])
    (edge,) = chart.edges
    assert edge.dashed and "disimpulkan" in edge.tooltip


def test_former_unit_chart_points_to_successors(org: Organisation):
    chart = unit_chart(org, org.units["biro-keuangan-dan-barang-milik-negara"])
    successors = [e.head for e in chart.edges if e.label == "digantikan oleh"]
    assert successors == ["biro-keuangan", "biro-pengadaan-barang-jasa-dan-barang-milik-negara"]


def test_chart_links_are_relative_to_the_page():
    assert relative_url(unit_doc("biro-umum"), unit_doc("biro-keuangan")) == "../biro-umum/"
    assert relative_url(unit_doc("biro-umum"), unit_doc("biro-umum")) == "./"
