"""The plan of the Perubahan Struktur page: the structure before and after the latest recorded
change, each as a chart, and every change with its links and their confidence.

Which regulation each structure follows is read from the units' ``dasar_hukum``: the one every
unit that ended in the change names, and the one every unit that replaced them names while none
of the ended units does. When the data names no single regulation, the page names none.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from generator.model import timeline
from generator.model.confidence import is_uncertain
from generator.model.organisation import Organisation
from generator.model.timeline import CHANGE_MEANINGS, Change
from generator.plan.central_pages import STRUCTURE, unit_box
from generator.plan.labels import regulation_short
from generator.plan.org_charts import Chart, Node, line
from generator.plan.page import PagePlan, trail
from generator.schema import Confidence, Regulation, Unit
from generator.urls import HISTORY_DOC

TITLE = "Perubahan Struktur"
#: A unit whose direct parent is unknown hangs from the root by this relation, dashed.
WITHIN = "berada di lingkungan"


@dataclass(frozen=True)
class Basis:
    """The regulation a structure is attributed to, and how sure the content is of that."""

    regulation: Regulation
    confidence: Confidence | None
    """The least sure of the units' own markers for it; None when none gives one."""
    notes: tuple[str, ...]


@dataclass(frozen=True)
class Era:
    """One structure in time: which years, under which regulation, and its chart."""

    heading: str
    years: str
    basis: Basis | None
    chart: Chart
    unplaced: tuple[Unit, ...]
    """Units whose direct parent is unknown (hung from the root by a dashed line)."""


def _basis(units: Iterable[Unit], excluded: Iterable[Unit], org: Organisation) -> Basis | None:
    """The one regulation all ``units`` name and no unit of ``excluded`` names, if exactly one."""
    units = list(units)
    named = [{b.peraturan for b in u.dasar_hukum} for u in units]
    if not named:
        return None
    shared = set.intersection(*named) - {b.peraturan for u in excluded for b in u.dasar_hukum}
    if len(shared) != 1:
        return None
    (regulation_id,) = shared
    bases = [b for u in units for b in u.dasar_hukum if b.peraturan == regulation_id]
    marks = [b.keyakinan for b in bases if b.keyakinan is not None]
    weakest = max(marks, key=list(Confidence).index) if marks else None
    notes = tuple(dict.fromkeys(" ".join(b.catatan.split()) for b in bases if b.catatan))
    return Basis(org.regulations[regulation_id], weakest, notes)


def era_chart(
    org: Organisation, members: list[Unit], chart_id: str, title: str, *, max_depth: int = 2
) -> tuple[Chart, tuple[Unit, ...]]:
    """The chart of one structure down to eselon II, drawn with the plan's one box builder.

    A member whose parent is unknown (or not a member) hangs from the root by a dashed line
    that says so; it is returned as unplaced so the page can say it in words.
    """
    ids = {u.id for u in members}
    root = org.root
    boxes: dict[str, Node] = {}
    edges = []

    def visit(unit: Unit, depth: int) -> None:
        boxes[unit.id] = unit_box(unit, HISTORY_DOC)
        if unit.induk in boxes:
            edges.append(
                line(boxes[unit.induk], boxes[unit.id], uncertain=is_uncertain(unit, "induk"))
            )
        if depth < max_depth:
            for child in org.children_of(unit, active=None):
                if child.id in ids:
                    visit(child, depth + 1)

    visit(root, 0)
    unplaced = tuple(
        u for u in members if u.id not in boxes and (u.induk is None or u.induk not in ids)
    )
    for unit in unplaced:
        boxes[unit.id] = unit_box(unit, HISTORY_DOC)
        edges.append(line(boxes[root.id], boxes[unit.id], WITHIN, uncertain=True))
    return Chart(chart_id, title, tuple(boxes.values()), tuple(edges)), unplaced


def _according(basis: Basis | None) -> str:
    """' menurut PKPU 14/2020', or nothing when the data names no single regulation."""
    return f" menurut {regulation_short(basis.regulation)}" if basis else ""


def _years(units: Iterable[Unit], org: Organisation, end: int) -> str:
    starts = [s for s in (timeline.period(u).start for u in units) if s is not None]
    return f"{min(starts)}–{end}" if starts else f"sampai {end}"


def eras(org: Organisation, changes: list[Change]) -> tuple[Era | None, Era]:
    """The structure just before the latest dated change (None if there is none), and now."""
    now = [u for u in org.units.values() if not u.is_former]
    dated = [c for c in changes if c.before and c.year is not None]
    year = max((c.year for c in dated if c.year is not None), default=None)
    ended = [u for c in dated if c.year == year for u in c.before]
    replacing = [u for c in dated if c.year == year for u in c.after]
    before = None
    if year is not None:
        basis = _basis(ended, (), org)
        years = _years(ended, org, year)
        title = f"Bagan struktur Sekretariat Jenderal KPU {years}"
        chart, unplaced = era_chart(org, timeline.as_of(org.units, year), "bagan-sebelum", title)
        heading = f"Struktur {years}{_according(basis)}"
        before = Era(heading, years, basis, chart, unplaced)
    basis = _basis(replacing, ended, org)
    title = "Bagan struktur Sekretariat Jenderal KPU sekarang"
    chart, unplaced = era_chart(org, now, "bagan-sekarang", title)
    return before, Era(f"Struktur sekarang{_according(basis)}", "sekarang", basis, chart, unplaced)


def history_page(org: Organisation) -> PagePlan:
    changes = timeline.changes(org.units)
    before, after = eras(org, changes)
    links = [link for c in changes for link in c.links]
    new = [u for c in changes for u in c.new]
    charts = tuple(e.chart for e in (before, after) if e is not None)
    return PagePlan(
        HISTORY_DOC,
        "history.md.j2",
        TITLE,
        "Susunan unit Sekretariat Jenderal KPU dulu dan sekarang, dan unit mana menggantikan unit mana",
        {
            "changes": changes,
            "before": before,
            "after": after,
            "links": links,
            "uncertain_links": [link for link in links if link.uncertain],
            "uncertain_marks": list(dict.fromkeys(k.confidence for k in links if k.uncertain)),
            "meanings": {c.kind: CHANGE_MEANINGS[c.kind] for c in changes},
            "undated_new": [u for u in new if timeline.period(u).start is None],
        },
        crumbs=trail(STRUCTURE, (TITLE, None)),
        extra_charts=charts,
    )
