"""The Perubahan Struktur page and the units' Riwayat, built from the real content.

Every expectation is computed from the content, so the tests hold when editors add changes.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from generator.model.organisation import Organisation
from generator.model.timeline import changes, period
from generator.plan.history import (
    INFERRED_NOTE,
    change_notes,
    ended_words,
    eras,
    history_page,
)
from generator.plan.labels import regulation_short
from generator.plan.nav import structure_nav
from generator.plan.org_charts import ENDED, NEW
from generator.urls import HISTORY_DOC, OVERVIEW_DOC, doc_url, unit_doc

from .conftest import Project, heading_text, text_of

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


def test_one_chart_shows_both_structures_and_marks_every_change(built: Project, org: Organisation):
    page = built.page(doc_url(HISTORY_DOC))
    plan = history_page(org)
    (figure,) = page.select("article figure.bagan")
    (chart,) = plan.charts
    assert figure.select_one(f"svg g#{chart.id}") is not None
    full_size = figure.select_one("a.bagan__penuh")["href"]
    assert (built.site / doc_url(HISTORY_DOC) / full_size / "index.html").is_file()
    before, now = plan.context["before"].chart, plan.context["after"].chart
    before_keys = {n.key for n in before.nodes}
    now_keys = {n.key for n in now.nodes}
    boxes = {n.key: n for n in chart.nodes}
    assert before_keys | now_keys == set(boxes)
    for change in changes(org.units):
        if change.year is not None:
            assert {u.id for u in change.before} <= before_keys - now_keys
        assert {u.id for u in change.new} <= now_keys - before_keys
        for unit in change.before:
            assert ENDED in boxes[unit.id].classes and boxes[unit.id].note, unit.id
        for unit in change.new:
            assert NEW in boxes[unit.id].classes, unit.id
            assert (boxes[unit.id].note or "").startswith("baru"), unit.id
    assert not any(org.units[k].is_former for k in now_keys)


def test_the_chart_and_its_legend_use_the_same_words(built: Project, org: Organisation):
    """Each word a box uses is in the legend; the list form says it too; inferred changes say so."""
    page = built.page(doc_url(HISTORY_DOC))
    legend = text_of(page.select_one("article ul.bagan-legenda"))
    listed = text_of(page.select_one("article figure.bagan + details"))
    (chart,) = history_page(org).charts
    notes = [n.note for n in chart.nodes if n.note]
    assert notes
    words = ended_words(changes(org.units))
    for note in notes:
        word = "baru" if note.startswith("baru") else next(w for w in words if note.startswith(w))
        assert f"{word}" in legend, note
        assert note in listed, note
    uncertain = any(link.uncertain for c in changes(org.units) for link in c.links)
    assert ("(disimpulkan)" in legend) == uncertain
    assert any(note.endswith(INFERRED_NOTE) for note in notes) == uncertain


def test_change_words_on_the_small_project(minimal_org: Organisation):
    (change,) = [c for c in changes(minimal_org.units) if c.before]
    notes = change_notes(change)
    old = change.before[0]
    new = change.new[0]
    assert notes[old.id] == (ENDED, f"digantikan oleh {new.nama} (disimpulkan)")
    assert notes[new.id] == (NEW, f"baru: pengganti {old.nama} (disimpulkan)")
    # By name even when the unit has an abbreviation: the chart spells it out nowhere.
    abbreviated = dataclasses.replace(
        change, before=tuple(u.model_copy(update={"singkatan": "Singkat"}) for u in change.before)
    )
    assert change_notes(abbreviated)[new.id] == notes[new.id]


def test_inferred_links_show_their_badge_and_reason(built: Project, org: Organisation):
    text = text_of(built.page(doc_url(HISTORY_DOC)).select_one("article"))
    links = [link for change in changes(org.units) for link in change.links if link.uncertain]
    assert links
    for link in links:
        assert link.reason is not None and link.reason in text
    assert "Inferensi" in text


def test_the_regulations_come_from_the_units_legal_basis(built: Project, org: Organisation):
    """A heading names the regulation only when the units do not call it inferred; the text
    under it always names it, with its badge."""
    page = built.page(doc_url(HISTORY_DOC))
    headings = [heading_text(h) for h in page.select("article h3")]
    before, _ = eras(org, changes(org.units))
    assert before is not None and before.heading in headings
    if before.basis is not None:
        short = regulation_short(before.basis.regulation)
        assert (short in before.heading) == (not before.basis.is_uncertain)
        assert short in text_of(page.select_one("article"))
    if any(period(u).start is not None for u in org.former_units()):
        years = before.years
        assert before.heading.startswith(f"Struktur {years}")


def test_unit_pages_show_their_history(built: Project, org: Organisation):
    for unit in org.former_units():
        riwayat = _riwayat(built, unit.id)
        assert (unit.periode or "belum diketahui").split("–")[0] in riwayat
        # A former unit names its successors once, at the top of its page (with their badge).
        notice = text_of(built.page(doc_url(unit_doc(unit.id))).select_one("article .admonition"))
        for successor in org.successors(unit):
            assert successor.nama in notice.split("Digantikan oleh:")[1]
            assert "Digantikan oleh" not in riwayat
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
