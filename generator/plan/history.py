"""The plan of the Perubahan Struktur page: one chart of the structure across the latest
recorded change (what is new, what ended and where it went, in colour and in words), the
structure before and after it as lists, and every change with its links and their confidence.

Which regulation each structure follows is read from the units' ``dasar_hukum``: the one every
unit that ended in the change names, and the one every unit that replaced them names while none
of the ended units does. When the data names no single regulation, the page names none.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from generator.model import timeline
from generator.model.confidence import UNCERTAIN_LEVELS, confidence, is_uncertain
from generator.model.organisation import Organisation
from generator.model.timeline import CHANGE_MEANINGS, Change, ChangeKind
from generator.plan.central_pages import STRUCTURE, unit_box
from generator.plan.labels import regulation_short
from generator.plan.org_charts import ENDED, NEW, Chart, Node, legend, line
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

    @property
    def is_uncertain(self) -> bool:
        """Only inferred or unconfirmed: a heading must not state it as the structure's basis."""
        return self.confidence in UNCERTAIN_LEVELS


@dataclass(frozen=True)
class Era:
    """One structure in time: which years, under which regulation, and its chart (shown as a
    list: the change chart shows both structures at once)."""

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
    org: Organisation,
    members: list[Unit],
    chart_id: str,
    title: str,
    *,
    max_depth: int = 2,
    marks: dict[str, tuple[str, str]] | None = None,
) -> tuple[Chart, tuple[Unit, ...]]:
    """The chart of one structure down to eselon II, drawn with the plan's one box builder.

    A member whose parent is unknown (or not a member) hangs from the root by a dashed line
    that says so (drawn apart, under words that say so); it is returned as unplaced so
    the page can say it in words.
    """
    ids = {u.id for u in members}
    root = org.root
    boxes: dict[str, Node] = {}
    edges = []
    marks = marks or {}

    def place(unit: Unit) -> Node:
        change, note = marks.get(unit.id, (None, None))
        return unit_box(unit, HISTORY_DOC, change=change, note=note)

    def visit(unit: Unit, depth: int) -> None:
        boxes[unit.id] = place(unit)
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
        boxes[unit.id] = place(unit)
        edges.append(line(boxes[root.id], boxes[unit.id], WITHIN, uncertain=True, unplaced=True))
    return Chart(chart_id, title, tuple(boxes.values()), tuple(edges)), unplaced


def _heading(years: str, basis: Basis | None, units: list[Unit], *, dated: bool) -> str:
    """'Struktur 2020–2023 (dari sumber sekunder; tahun disimpulkan)': no more than the data says.

    The regulation is named only when the units' own markers do not call it inferred; the
    least sure source of the units that define the era, and inferred years, are said.
    """
    heading = f"Struktur {years}"
    if basis is not None and not basis.is_uncertain:
        heading += f" menurut {regulation_short(basis.regulation)}"
    notes = []
    weakest = max((u.keyakinan for u in units), key=list(Confidence).index, default=None)
    if weakest is not None and weakest is not Confidence.VERIFIED:
        notes.append(SOURCE_NOTES[weakest])
    if dated and any(confidence(u, "periode").is_uncertain for u in units):
        notes.append("tahun disimpulkan")
    return f"{heading} ({'; '.join(notes)})" if notes else heading


#: How a heading says where an era's units are known from.
SOURCE_NOTES = {
    Confidence.SECONDARY: "dari sumber sekunder",
    Confidence.INFERRED: "disimpulkan",
    Confidence.UNVERIFIED: "perlu verifikasi",
}


def _years(units: Iterable[Unit], org: Organisation, end: int) -> str:
    starts = [s for s in (timeline.period(u).start for u in units) if s is not None]
    return f"{min(starts)}–{end}" if starts else f"sampai {end}"


def eras(org: Organisation, changes: list[Change]) -> tuple[Era | None, Era]:
    """The structure just before the latest dated change (None if there is none), and now."""
    now = [u for u in org.units.values() if not u.is_former]
    year = latest_year(changes)
    ended = [u for c in changes if c.year == year and year is not None for u in c.before]
    replacing = [u for c in changes if c.year == year and year is not None for u in c.after]
    before = None
    if year is not None:
        basis = _basis(ended, (), org)
        years = _years(ended, org, year)
        title = f"Bagan struktur Sekretariat Jenderal KPU {years}"
        chart, unplaced = era_chart(org, timeline.as_of(org.units, year), "bagan-sebelum", title)
        heading = _heading(years, basis, ended, dated=True)
        before = Era(heading, years, basis, chart, unplaced)
    basis = _basis(replacing, ended, org)
    title = "Bagan struktur Sekretariat Jenderal KPU sekarang"
    chart, unplaced = era_chart(org, now, "bagan-sekarang", title)
    heading = _heading("sekarang", basis, replacing, dated=False)
    return before, Era(heading, "sekarang", basis, chart, unplaced)


def latest_year(changes: list[Change]) -> int | None:
    """The year of the latest dated change that ended units (the one the page compares across)."""
    return max((c.year for c in changes if c.before and c.year is not None), default=None)


#: What a box on the change chart says about a unit that ended, by the kind of change.
ENDED_NOTES: dict[ChangeKind, str] = {
    ChangeKind.MERGED: "digabung ke {after}",
    ChangeKind.SPLIT: "dipecah menjadi {count} unit",
    ChangeKind.RENAMED: "digantikan oleh {after}",
    ChangeKind.REORGANISED: "ditata ulang bersama unit lain",
    ChangeKind.DISSOLVED: "tidak ada lagi",
}
#: ... and about a unit that is new.
NEW_NOTES: dict[ChangeKind, str] = {
    ChangeKind.MERGED: "baru: gabungan {count} unit",
    ChangeKind.SPLIT: "baru: pecahan {before}",
    ChangeKind.RENAMED: "baru: pengganti {before}",
    ChangeKind.REORGANISED: "baru: hasil penataan ulang",
    ChangeKind.NEW: "baru",
}
#: Added to a box's note when the change it reports is not stated by any source.
INFERRED_NOTE = " (disimpulkan)"


def change_notes(change: Change) -> dict[str, tuple[str, str]]:
    """The class and the words for each unit a change ended or created, by unit id.

    A note is marked inferred when a link of the change is, or an ended unit's status is.
    """
    uncertain = any(link.uncertain for link in change.links) or any(
        is_uncertain(u, "status") for u in change.before
    )
    # By name, as the units' own boxes show them: an abbreviation ("Puslatlitbang") is spelled
    # out nowhere on the chart.
    words = {
        "after": " dan ".join(u.nama for u in change.after),
        "before": " dan ".join(u.nama for u in change.before),
    }
    suffix = INFERRED_NOTE if uncertain else ""
    notes: dict[str, tuple[str, str]] = {}
    if change.kind in ENDED_NOTES:
        ended = ENDED_NOTES[change.kind].format(count=len(change.after), **words) + suffix
        notes.update((u.id, (ENDED, ended)) for u in change.before)
    if change.kind in NEW_NOTES:
        new = NEW_NOTES[change.kind].format(count=len(change.before), **words) + suffix
        notes.update((u.id, (NEW, new)) for u in change.new)
    return notes


def ended_words(changes: list[Change]) -> list[str]:
    """The words the change chart uses for ended units ('digabung ke', …), for its legend."""
    year = latest_year(changes)
    kinds = dict.fromkeys(
        c.kind
        for c in changes
        if c.kind in ENDED_NOTES and (year is None or c.year is None or c.year >= year)
    )
    return [ENDED_NOTES[k].split(" {")[0] for k in kinds]


def change_chart(org: Organisation, changes: list[Change]) -> Chart:
    """One chart of the structure across the latest change: the units of both structures in
    their places, each unit the change ended or created marked by a colour and a few words."""
    year = latest_year(changes)
    now = [u for u in org.units.values() if not u.is_former]
    members = list(
        {u.id: u for u in [*(timeline.as_of(org.units, year) if year else []), *now]}.values()
    )
    marks: dict[str, tuple[str, str]] = {}
    for change in changes:
        if year is None or change.year is None or change.year >= year:
            marks.update(change_notes(change))
    title = "Bagan perubahan struktur Sekretariat Jenderal KPU"
    # Not "bagan-perubahan": that is the id of the page's heading "Bagan perubahan".
    chart, _ = era_chart(org, members, "bagan-perubahan-struktur", title, marks=marks)
    return chart


def history_page(org: Organisation) -> PagePlan:
    changes = timeline.changes(org.units)
    before, after = eras(org, changes)
    links = [link for c in changes for link in c.links]
    new = [u for c in changes for u in c.new]
    chart = change_chart(org, changes)
    return PagePlan(
        HISTORY_DOC,
        "history.md.j2",
        TITLE,
        "Unit Sekretariat Jenderal KPU yang baru, yang tidak lagi tercatat, dan unit mana menggantikan unit mana",
        {
            "changes": changes,
            "before": before,
            "after": after,
            "links": links,
            "uncertain_links": [link for link in links if link.uncertain],
            "uncertain_marks": list(dict.fromkeys(k.confidence for k in links if k.uncertain)),
            "meanings": {c.kind: CHANGE_MEANINGS[c.kind] for c in changes},
            "undated_new": [u for u in new if timeline.period(u).start is None],
            "ended_words": ended_words(changes),
            "shown": legend(chart),
        },
        chart,
        trail(STRUCTURE, (TITLE, None)),
    )
