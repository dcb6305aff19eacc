"""Open data: JSON and CSV that match the content, and valid JSON-LD on every unit page."""

from __future__ import annotations

import csv
import io
import json

import pytest

from generator.model.confidence import confidence
from generator.model.organisation import Organisation

from .conftest import Project

pytestmark = pytest.mark.site


def _csv(project: Project, name: str) -> list[dict[str, str]]:
    return list(
        csv.DictReader(io.StringIO((project.site / "data" / name).read_text(encoding="utf-8")))
    )


def test_unit_files_match_the_content(built: Project, org: Organisation):
    rows = _csv(built, "unit.csv")
    assert [r["id"] for r in rows] == list(org.units)
    for row in rows:
        unit = org.units[row["id"]]
        assert (row["nama"], row["induk"], row["status"]) == (
            unit.nama,
            unit.induk or "",
            unit.status.value,
        )
        assert (built.site / row["alamat"] / "index.html").is_file()
    data = json.loads((built.site / "data" / "unit.json").read_text(encoding="utf-8"))
    assert [u["id"] for u in data] == [r["id"] for r in rows]
    for record in data:
        aliases = [(a.nama, a.jenis.value) for a in org.units[record["id"]].alias]
        assert [(a["nama"], a["jenis"]) for a in record.get("alias", [])] == aliases


def test_secretariat_files_match_the_content(built: Project, org: Organisation):
    rows = _csv(built, "sekretariat-daerah.csv")
    assert len(rows) == len(org.regional.secretariats)
    ids = {r["id"] for r in rows} | {org.root.id}
    for row in rows:
        assert row["induk"] in ids  # every parent id names a row (or the Setjen)
        assert (built.site / row["alamat"] / "index.html").is_file()
    records = json.loads(
        (built.site / "data" / "sekretariat-daerah.json").read_text(encoding="utf-8")
    )
    # The JSON adds the per-field confidence (with reasons) to the CSV's columns.
    assert [{k: v for k, v in r.items() if k != "keyakinan_kolom"} for r in records] == rows


def test_schemas_are_published(built: Project):
    for name in ("unit", "peraturan", "wilayah", "templat", "sumber"):
        schema = json.loads(
            (built.site / "data" / "skema" / f"{name}.schema.json").read_text(encoding="utf-8")
        )
        assert schema["$schema"].startswith("https://json-schema.org/")


def test_unit_pages_carry_json_ld(built: Project, org: Organisation):
    for unit in org.units.values():
        script = built.page(f"struktur/{unit.id}/").find("script", type="application/ld+json")
        data = json.loads(script.get_text())
        assert (
            data["@context"] == "https://schema.org" and data["@type"] == "GovernmentOrganization"
        )
        assert data["name"] == unit.nama
        parent = org.parent(unit)
        if parent and not confidence(unit, "induk").is_uncertain:
            assert data["parentOrganization"] == {
                "@type": "GovernmentOrganization",
                "name": parent.nama,
            }
    root = json.loads(
        built.page("struktur/sekretariat-jenderal/")
        .find("script", type="application/ld+json")
        .get_text()
    )
    subs = {s["name"] for s in root["subOrganization"]}
    sure_children = {
        c.nama for c in org.children_of(org.root) if not confidence(c, "induk").is_uncertain
    }
    provinces = {s.nama for s in org.regional.provinces()}
    assert subs == sure_children | provinces and provinces


def test_secretariat_pages_carry_json_ld(built: Project):
    data = json.loads(
        built.page("daerah/jawa-barat/kabupaten-bogor/")
        .find("script", type="application/ld+json")
        .get_text()
    )
    assert data["name"] == "Sekretariat Komisi Pemilihan Umum Kabupaten Bogor"
    assert (
        data["parentOrganization"]["name"]
        == "Sekretariat Komisi Pemilihan Umum Provinsi Jawa Barat"
    )
    assert data["areaServed"]["identifier"] == "32.01"


def test_the_region_list_is_attributed_to_the_sources_every_province_cites(org):
    """A province also cites the sources of its own facts (news naming its officials): those are
    not where the list of regions comes from."""
    from generator.plan.open_data import licence_sources

    listed = licence_sources(org)
    assert listed
    ids = {i for i, source in org.sources.items() if source in listed}
    provinces = [sec.province for sec in org.regional.provinces()]
    assert all(ids <= set(p.sumber) for p in provinces)
