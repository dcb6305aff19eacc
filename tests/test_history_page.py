"""The Perubahan Struktur page and the units' Riwayat, built from the real content.

Every expectation is computed from the content, so the tests hold when editors add changes.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.model.organisation import Organisation, regulation_short
from generator.plan.history import history_page
from generator.plan.nav import structure_nav
from generator.urls import HISTORY_DOC, OVERVIEW_DOC, doc_url, unit_doc

from .conftest import Project, text_of

pytestmark = pytest.mark.site
TEMPLATES = Path(__file__).resolve().parent.parent / "generator" / "render" / "templates"


def test_every_former_unit_is_named_with_its_successors(built: Project, org: Organisation):
    page = built.page(doc_url(HISTORY_DOC))
    rows = [text_of(row) for row in page.select("article table tbody tr")]
    former = org.former_units()
    assert former
    for unit in former:
        row = next((r for r in rows if unit.nama in r), None)
        assert row is not None, unit.nama
        for successor in org.successors(unit):
            assert successor.nama in row, (unit.nama, successor.nama)


def test_the_page_has_a_chart_before_and_a_chart_now(built: Project, org: Organisation):
    page = built.page(doc_url(HISTORY_DOC))
    plan = history_page(org)
    figures = page.select("article figure.bagan")
    assert len(figures) == len(plan.charts) == 2
    folder = built.site / doc_url(HISTORY_DOC)
    for figure, chart in zip(figures, plan.charts, strict=True):
        assert figure.select_one(f"svg g#{chart.id}") is not None
        full_size = figure.select_one("a.bagan__penuh")["href"]
        assert (folder / full_size).is_file()
    before, now = plan.charts
    before_keys = {n.key for n in before.nodes}
    now_keys = {n.key for n in now.nodes}
    for change in org.changes():
        if change.year is not None:
            assert {u.id for u in change.before} <= before_keys - now_keys
        assert {u.id for u in change.new} <= now_keys - before_keys
    assert not any(org.units[k].is_former for k in now_keys)


def test_inferred_links_show_their_badge_and_reason(built: Project, org: Organisation):
    text = text_of(built.page(doc_url(HISTORY_DOC)).select_one("article"))
    links = [link for change in org.changes() for link in change.links if link.uncertain]
    assert links
    for link in links:
        assert link.reason is not None and link.reason in text
    assert "Inferensi" in text


def test_the_regulations_come_from_the_units_legal_basis(built: Project, org: Organisation):
    headings = [text_of(h) for h in built.page(doc_url(HISTORY_DOC)).select("article h2")]
    former = org.former_units()
    shared = set.intersection(*({b.peraturan for b in u.dasar_hukum} for u in former))
    if len(shared) == 1:
        (regulation_id,) = shared
        assert any(regulation_short(org.regulations[regulation_id]) in h for h in headings)


def test_unit_pages_show_their_history(built: Project, org: Organisation):
    for unit in org.former_units():
        riwayat = _riwayat(built, unit.id)
        assert (unit.periode or "belum diketahui").split("–")[0] in riwayat
        for successor in org.successors(unit):
            assert f"Digantikan oleh: {successor.nama}" in riwayat
            assert f"Menggantikan: {unit.nama}" in _riwayat(built, successor.id)
    assert "Sejak: belum diketahui" in _riwayat(built, org.root.id)


def _riwayat(built: Project, unit_id: str) -> str:
    page = built.page(doc_url(unit_doc(unit_id)))
    heading = page.find("h2", id="riwayat")
    assert heading is not None, unit_id
    return text_of(heading.find_next("ul"))


def test_the_page_follows_the_overview_in_the_nav(org: Organisation):
    nav = structure_nav(org)
    assert nav[:2] == [OVERVIEW_DOC, HISTORY_DOC]


@pytest.mark.parametrize("name", ["history.md.j2", "_history.md.j2"])
def test_templates_name_no_regulation_or_article(name: str):
    text = (TEMPLATES / name).read_text(encoding="utf-8")
    assert not re.search(r"PKPU|Perpres|UU \d|Pasal \d|pkpu-|\b20\d\d\b", text)
