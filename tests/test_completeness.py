"""The completeness report (generator/plan/completeness.py) and the repository settings behind
every "Sunting sumber halaman ini" link (generator/plan/repository.py)."""

from __future__ import annotations

from pathlib import PurePosixPath

import pytest

from generator.content.load import load_content
from generator.content.validate import check
from generator.plan.completeness import (
    FIELDS,
    Gap,
    RecordGaps,
    Share,
    completeness,
    regulation_gaps,
    shares,
    unit_gaps,
)
from generator.plan.repository import Repository
from generator.plan.site import plan
from generator.schema import Regulation, Unit
from generator.urls import COMPLETENESS_DOC, unit_doc

from .conftest import CONTENT


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        (
            {"repo_url": "https://github.com/o/r", "edit_uri": "edit/main/docs/"},
            "https://github.com/o/r/edit/main/content/unit/biro-umum.yml",
        ),
        (
            {
                "repo_url": "https://github.com/o/r/",
                "edit_uri": "edit/dev/halaman/",
                "docs_dir": "halaman",
            },
            "https://github.com/o/r/edit/dev/content/unit/biro-umum.yml",
        ),
        # MkDocs' default edit_uri, and one that does not name the docs folder: the main branch.
        (
            {"repo_url": "https://github.com/o/r"},
            "https://github.com/o/r/edit/main/content/unit/biro-umum.yml",
        ),
        (
            {"repo_url": "https://x/o/r", "edit_uri": "blob/x/"},
            "https://x/o/r/edit/main/content/unit/biro-umum.yml",
        ),
        ({}, None),
        ({"repo_url": None}, None),
    ],
)
def test_edit_links_follow_repo_url_and_edit_uri(
    config: dict[str, str | None], expected: str | None
):
    assert Repository.from_config(config).edit_url("content/unit/biro-umum.yml") == expected


def test_pages_from_one_file_link_to_it_and_others_to_nothing(org):
    site = plan(org, Repository("https://host/o/r"))
    by_path = {p.path: p for p in site.pages}
    assert (
        by_path[unit_doc("biro-umum")].edit_url
        == "https://host/o/r/edit/main/content/unit/biro-umum.yml"
    )
    for page in site.pages:
        if page.source_file is None:
            assert page.edit_url is None, page.path
        else:
            assert page.edit_url == f"https://host/o/r/edit/main/{page.source_file}"
            assert (CONTENT.parent / page.source_file).is_file(), page.source_file
    assert COMPLETENESS_DOC in by_path
    assert all(p.edit_url is None for p in plan(org).pages)


def test_every_unit_structure_and_regulation_is_reported_once(org):
    report = completeness(org)
    docs = [r.doc for r in report.records]
    assert len(docs) == len(set(docs))
    assert {unit_doc(u) for u in org.units} <= set(docs)
    structure_units = sum(len(s.sub_unit) + 1 for s in org.regional.structures.values())
    assert len(docs) == len(org.units) + structure_units + len(org.regulations)
    titles = [g.title for g in report.groups]
    assert titles[:2] == ["Unit pusat", "Unit terdahulu"] and titles[-1] == "Peraturan"


def test_missing_duties_match_the_checks_warnings(org):
    """The page and `generator check` say the same about which units lack their duties."""
    warned = {
        PurePosixPath(p.path).stem
        for p in check(load_content(CONTENT)).warnings
        if "rumusan tugas" in p.message
    }
    report = completeness(org)
    lacking = {
        unit_id
        for unit_id, unit in org.units.items()
        if next(r for r in report.records if r.doc == unit_doc(unit_id)).lacks("tugas")
    }
    assert lacking == warned


def _unit(**fields: object) -> Unit:
    base: dict[str, object] = {
        "id": "biro-x",
        "nama": "Biro X",
        "jenis": "biro",
        "keyakinan": "terverifikasi",
    }
    return Unit.model_validate({**base, **fields})


def test_a_former_units_gaps(org):
    unit = _unit(
        status="dibubarkan",
        sumber=[],
        keyakinan="perlu-verifikasi",
        ketentuan=[{"topik": "tugas", "peraturan": "uu-7-2017", "pasal": "Pasal 1", "teks": "x"}],
    )
    report = unit_gaps(org, unit, "content/unit/biro-x.yml")
    assert [g.field for g in report.gaps] == ["fungsi", "induk", "sumber", "tanggal", "verifikasi"]
    # A dissolved unit's sub-units are history: not asked for.
    assert "sub_unit" not in report.checked and "tugas" in report.checked


def test_inferred_parent_and_unverified_fields_are_named(minimal_org):
    # A unit of the small fixture: the tree knows it has no sub-units.
    org = minimal_org
    unit = _unit(
        id="biro-umum",
        induk=org.root.id,
        sumber=["x"],
        rincian_keyakinan={
            "induk": {"keyakinan": "inferensi", "alasan": "a"},
            "kepala": {"keyakinan": "perlu-verifikasi", "alasan": "b"},
        },
        kepala="Kepala Biro X",
    )
    gaps = {g.field: g.text for g in unit_gaps(org, unit, "content/unit/biro-umum.yml").gaps}
    # The parent is known: how sure it is counts once, with every other uncertain fact, so the
    # 'Unit atasan' and the certainty rows never say different things about it.
    assert "induk" not in gaps
    assert gaps["verifikasi"] == "Masih disimpulkan: Unit atasan. Perlu verifikasi: Pimpinan."
    assert gaps["sub_unit"] == "Belum ada unit di bawahnya yang tercatat."


def test_a_regulation_without_link_or_date():
    regulation = Regulation.model_validate(
        {
            "id": "uu-1-2000",
            "jenis": "undang-undang",
            "nomor": 1,
            "tahun": 2000,
            "tentang": "Contoh",
            "status": "berlaku",
            "sumber": ["x"],
            "keyakinan": "terverifikasi",
        }
    )
    report = regulation_gaps(regulation, "content/peraturan/uu-1-2000.yml")
    assert [g.field for g in report.gaps] == ["tautan_resmi", "tanggal"]
    assert report.source_file == "content/peraturan/uu-1-2000.yml"


def test_shares_count_only_records_a_field_applies_to():
    records = [
        RecordGaps("a", "Biro", "a.md", "a.yml", ("tugas", "sumber"), ()),
        RecordGaps("b", "Peraturan", "b.md", "b.yml", ("sumber", "tautan_resmi"), ()),
        RecordGaps("c", "Biro", "c.md", "c.yml", ("tugas", "sumber"), ()),
    ]
    records[2] = RecordGaps("c", "Biro", "c.md", "c.yml", ("tugas", "sumber"), (Gap("tugas", "x"),))
    per_field, overall = shares(records)
    by_field = {s.field: (s.complete, s.total) for s in per_field}
    assert by_field == {"tugas": (1, 2), "sumber": (3, 3), "tautan_resmi": (1, 1)}
    assert (overall.complete, overall.total) == (5, 6)
    assert [s.field for s in per_field] == [f for f in FIELDS if f in by_field]


def test_percent_never_rounds_up_to_complete():
    assert Share("x", "X", "", 199, 200).percent == 99
    assert Share("x", "X", "", 0, 0).percent == 100
    assert Share("x", "X", "", 1, 3).percent == 33
