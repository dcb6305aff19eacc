"""The import's results for people and programs: a JSON document and a Markdown report."""

from __future__ import annotations

import json
from typing import Any

from generator.tools.importer.consolidate import Consolidated
from generator.tools.importer.extract import UnitFacts


def _unit(facts: UnitFacts) -> dict[str, Any]:
    duty = facts.duty
    return {
        "nama": facts.name,
        "tugas": (
            {"teks": duty.text, "butir": list(duty.items), "pasal": duty.article} if duty else None
        ),
        "fungsi": [
            {"teks": f.text, "pasal": f.article, "huruf": f.letter} for f in facts.functions
        ],
        "terdiri_atas": list(facts.parts),
        "pimpinan": facts.head,
        "induk": facts.parent,
        "pasal": facts.article,
    }


def as_data(result: Consolidated) -> dict[str, Any]:
    """The document ``--format json`` prints."""
    base = result.base
    return {
        "peraturan": {"judul": base.title, "nomor": base.number, "tahun": base.year},
        "pasal": [
            {"nomor": a.number, "teks": a.full_text(), "ditetapkan_oleh": a.set_by}
            for a in result.articles
        ],
        "unit": [_unit(facts) for facts in result.units],
        "tidak_terbaca": list(result.unreadable),
    }


def as_json(result: Consolidated) -> str:
    return json.dumps(as_data(result), ensure_ascii=False, indent=2) + "\n"


def _unit_section(facts: UnitFacts) -> list[str]:
    lines = [f"### {facts.name}", "", f"Pertama disebut dalam {facts.article}.", ""]
    if facts.duty:
        lines.append(f"**Tugas** ({facts.duty.article}):")
        if facts.duty.items:
            # Printed with the regulation's own letters, so the reviewer can compare line by line.
            lines.extend(["", *(f"- {item}" for item in facts.duty.quote.items)])
        else:
            lines.append(f"{facts.duty.text}")
        lines.append("")
    if facts.functions:
        lines.extend(["**Fungsi:**", ""])
        lines.extend(f"- {f.text} ({f.article})" for f in facts.functions)
        lines.append("")
    if facts.parts:
        where = facts.parts_quote.article if facts.parts_quote else facts.article
        lines.extend([f"**Terdiri atas** ({where}):", ""])
        lines.extend(f"{n}. {part}" for n, part in enumerate(facts.parts, 1))
        lines.append("")
    if facts.head:
        lines.extend([f"**Pimpinan:** {facts.head} ({facts.head_article})", ""])
    if facts.parent:
        lines.extend([f"**Induk:** {facts.parent} ({facts.parent_article})", ""])
    return lines


def as_markdown(result: Consolidated) -> str:
    """The report ``--format teks`` prints, for a reviewer checking the import."""
    base = result.base
    lines = [f"# {base.label} tentang {base.title}", ""]
    for amendment in result.amendments:
        lines.append(f"- Diubah dengan {amendment.label} tentang {amendment.title}")
    amended = [a for a in result.articles if a.set_by != base.label]
    lines.extend(
        [
            "" if result.amendments else "Tanpa peraturan perubahan.",
            "",
            f"{len(result.articles)} pasal dibaca; {len(amended)} pasal ditetapkan oleh peraturan "
            f"perubahan; {len(result.units)} unit ditemukan.",
            "",
        ]
    )
    if amended:
        lines.extend(["## Pasal yang diubah atau disisipkan", ""])
        lines.extend(f"- Pasal {a.number}: {a.set_by}" for a in amended)
        lines.append("")
    lines.extend(["## Unit", ""])
    if not result.units:
        lines.extend(["Tidak ada unit yang ditemukan.", ""])
    for facts in result.units:
        lines.extend(_unit_section(facts))
    lines.extend(["## Tidak terbaca", ""])
    lines.extend([f"- {note}" for note in result.unreadable] or ["Tidak ada."])
    return "\n".join(lines) + "\n"
