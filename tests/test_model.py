"""The model and the plan's charts, on the small fixture organisation (exact values), plus
invariants that must hold for the real content whatever an editor adds."""

from __future__ import annotations

import re

from generator.model.organisation import Organisation
from generator.model.regional import structure_units
from generator.plan.central_pages import az_entries, unit_chart
from generator.plan.labels import citations, regulation_short, regulation_title, status_label
from generator.plan.org_charts import outline
from generator.urls import relative_url, unit_doc


def test_root_is_the_secretariat_general(minimal_org: Organisation):
    assert minimal_org.root.id == "sekretariat-jenderal"
    assert minimal_org.ancestors(minimal_org.root) == []


def test_ancestors_run_from_the_top(minimal_org: Organisation):
    unit = minimal_org.units["biro-umum"]
    assert [u.id for u in minimal_org.ancestors(unit)] == [
        "sekretariat-jenderal",
        "deputi-bidang-administrasi",
    ]


def test_children_follow_their_order_and_exclude_former_units(minimal_org: Organisation):
    deputy = minimal_org.units["deputi-bidang-administrasi"]
    assert [u.id for u in minimal_org.children_of(deputy)] == ["biro-umum", "biro-keuangan"]
    assert minimal_org.children_of(deputy, active=False) == []


def test_successors_and_predecessors_mirror_each_other(minimal_org: Organisation):
    keuangan = minimal_org.units["biro-keuangan"]
    former = minimal_org.units["biro-keuangan-dan-barang-milik-negara"]
    assert minimal_org.predecessors(keuangan) == [former]
    assert minimal_org.successors(former) == [keuangan]
    assert former.is_former and not keuangan.is_former
    # Its status is inferred: the sources only show it missing from the later structure.
    assert status_label(former) == "Tidak lagi tercatat dalam struktur sesudah 2023"
    assert status_label(keuangan) == "Aktif"
    # A dissolution the content records (no inferred status) is said as such.
    recorded = former.model_copy(
        update={
            "rincian_keyakinan": {
                k: v for k, v in former.rincian_keyakinan.items() if k != "status"
            }
        }
    )
    assert status_label(recorded) == "Dibubarkan (2020–2023)"
    undated = recorded.model_copy(update={"periode": None})
    assert status_label(undated) == "Dibubarkan"
    unknown_end = former.model_copy(update={"periode": None})
    assert status_label(unknown_end) == "Tidak lagi tercatat dalam struktur sekarang"


def test_regulation_titles(minimal_org: Organisation):
    uu = minimal_org.regulations["uu-7-2017"]
    assert regulation_title(uu) == "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum"
    assert regulation_short(minimal_org.regulations["pkpu-21-2023"]) == "PKPU 21/2023"
    assert uu.in_force


def test_incoming_relations(minimal_org: Organisation):
    incoming = minimal_org.incoming(minimal_org.regulations["uu-7-2017"])
    assert [(r.id, kind.value, pasal) for r, kind, pasal in incoming] == [
        ("pkpu-21-2023", "melaksanakan", "Pasal 82")
    ]


def test_az_index_maps_aliases_to_units(minimal_org: Organisation):
    entries = [(e.name, e.doc, e.kind) for e in az_entries(minimal_org)]
    assert ("Biro Rumah Tangga", "struktur/biro-umum/index.md", "sebutan tidak resmi") in entries
    assert ("Setjen KPU", "struktur/sekretariat-jenderal/index.md", "singkatan") in entries
    # Review 3: "Sekjen" is the head's title (Sekretaris Jenderal), not the unit's abbreviation.
    sekjen = ("Sekjen", "struktur/sekretariat-jenderal/index.md", "sebutan jabatan pimpinannya")
    assert sekjen in entries
    assert ("Biro Umum", "struktur/biro-umum/index.md", None) in entries
    names = [name.casefold() for name, _, _ in entries]
    assert names == sorted(names)


def test_az_index_covers_regulations_structures_and_provinces(minimal_org: Organisation):
    entries = {(e.name, e.doc): e for e in az_entries(minimal_org)}
    uu = entries[("UU 7/2017", "dasar-hukum/uu-7-2017.md")]
    assert uu.kind is None and uu.note == "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum"
    for regulation in minimal_org.regulations.values():
        for alias in regulation.alias:
            assert entries[(alias, f"dasar-hukum/{regulation.id}.md")].kind == "sebutan lain"
    structure = minimal_org.regional.ordered_structures()[0]
    assert (structure.nama, f"struktur-baku/{structure.id}/index.md") in entries
    for unit in structure_units(structure):
        doc = f"struktur-baku/{structure.id}/{unit.id}/index.md"
        assert entries[(unit.nama, doc)].note.endswith(structure.nama)  # type: ignore[union-attr]
    for secretariat in minimal_org.regional.provinces():
        found = entries[(secretariat.province.nama, f"daerah/{secretariat.key}/index.md")]
        assert (found.target, found.kind) == (secretariat.short, "provinsi")


def test_secretariats_follow_their_standard_structure(minimal_org: Organisation):
    kota = minimal_org.regional.secretariats["gorontalo/kota-gorontalo"]
    assert kota.short == "Sekretariat KPU Kota Gorontalo"
    assert [u.id for u in kota.active_sub_units] == [
        "subbagian-keuangan-umum-dan-logistik",
        "subbagian-teknis",
    ]
    assert kota.is_added(kota.active_sub_units[1]) and kota.is_adjusted
    aceh = minimal_org.regional.secretariats["aceh/kabupaten-aceh-besar"]
    assert aceh.short == "Sekretariat KIP Kabupaten Aceh Besar"
    assert (
        minimal_org.regional.secretariats["aceh"].nama
        == "Sekretariat Komisi Independen Pemilihan Aceh"
    )


def test_citations_come_from_the_quoted_provisions(minimal_org: Organisation):
    from generator.schema import Level, Topic

    province, regency = (
        minimal_org.regional.structures[Level.PROVINCE],
        minimal_org.regional.structures[Level.REGENCY],
    )
    regulations = minimal_org.regulations
    assert citations(regulations, province, Topic.STANDING) == ["UU 7/2017 Pasal 80"]
    assert citations(regulations, regency, Topic.DUTIES) == ["UU 7/2017 Pasal 88 ayat (1)"]


def test_unit_chart_shows_parent_unit_and_children(minimal_org: Organisation):
    chart = unit_chart(minimal_org, minimal_org.units["deputi-bidang-administrasi"])
    assert [n.key for n in chart.nodes] == [
        "sekretariat-jenderal",
        "deputi-bidang-administrasi",
        "biro-umum",
        "biro-keuangan",
    ]
    assert [n.key for n in chart.nodes if n.is_current] == ["deputi-bidang-administrasi"]
    (top,) = outline(chart)
    assert top.node.key == "sekretariat-jenderal"
    assert [c.node.key for c in top.children[0].children] == ["biro-umum", "biro-keuangan"]


def test_inferred_parent_is_a_dashed_line(minimal_org: Organisation):
    chart = unit_chart(minimal_org, minimal_org.units["biro-umum"])
    (edge,) = chart.edges
    assert edge.dashed and edge.is_uncertain
    assert edge.tooltip == (
        "Biro Umum berada di bawah Deputi Bidang Administrasi (belum dipastikan)"
    )


def test_former_unit_chart_points_to_successors(minimal_org: Organisation):
    chart = unit_chart(minimal_org, minimal_org.units["biro-keuangan-dan-barang-milik-negara"])
    assert [(e.head, e.label) for e in chart.edges] == [("biro-keuangan", "digantikan oleh")]


def test_chart_links_are_relative_to_the_page():
    assert relative_url(unit_doc("biro-umum"), unit_doc("biro-keuangan")) == "../biro-umum/"
    assert relative_url(unit_doc("biro-umum"), unit_doc("biro-umum")) == "./"


# --- invariants of the real content ---------------------------------------------------------


def test_every_unit_but_the_root_reaches_the_root(org: Organisation):
    for unit in org.units.values():
        if not unit.is_former and unit.id != org.root.id:
            assert org.ancestors(unit)[0] == org.root, unit.id


def test_successor_links_point_at_units_that_exist(org: Organisation):
    for unit in org.former_units():
        assert all(s.id in org.units for s in org.successors(unit))
        for successor in org.successors(unit):
            assert unit in org.predecessors(successor)


def test_every_kabupaten_kota_has_one_secretariat(org: Organisation):
    regencies = [r for s in org.regional.provinces() for r in s.province.kabupaten_kota]
    assert len(org.regional.regencies()) == len(regencies)
    assert len(org.regional.provinces()) == len(
        {s.province.id for s in org.regional.secretariats.values()}
    )


#: A note that says no Indonesian-language source names a unit.
_NO_INDONESIAN_SOURCE = re.compile(
    r"belum (ada|ditemukan)[^.;]*(berbahasa Indonesia|bahasa Indonesianya)", re.IGNORECASE
)


def test_no_unit_says_no_indonesian_source_names_it_while_one_does(org: Organisation):
    """Review 3: Biro Keuangan dan BMN's notes said no Indonesian source named it, while its own
    office holder's source (KPU Provinsi Bali, July 2023) names 'Kepala Biro Keuangan dan BMN'."""
    for unit in org.units.values():
        names = [unit.nama, *unit.other_names]
        named_in = [h.jabatan for h in unit.pejabat if any(n in h.jabatan for n in names)]
        notes = [unit.catatan or "", *(d.alasan or "" for d in unit.rincian_keyakinan.values())]
        claims = [n for n in notes if _NO_INDONESIAN_SOURCE.search(" ".join(n.split()))]
        assert not (named_in and claims), (unit.id, named_in, claims)
