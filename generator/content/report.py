"""Problem reports in the forms their readers need: terminal text, GitHub annotations, JSON, and a
Markdown summary for the pull-request page. Pure: each function returns text.
"""

from __future__ import annotations

import json
from dataclasses import asdict

from generator.errors import Problem, Severity


def text(problems: list[Problem], *, warnings: bool = True) -> str:
    """Errors first, compiler-style, then the warnings under their own heading."""
    errors = [p for p in problems if p.severity is Severity.ERROR]
    notes = [p for p in problems if p.severity is Severity.WARNING] if warnings else []
    lines = [p.format() for p in errors]
    if notes:
        if lines:
            lines.append("")
        lines.append(f"Peringatan ({len(notes)}), untuk diperiksa peninjau:")
        lines += [p.format() for p in notes]
    if errors:
        lines += [
            "",
            f"{len(errors)} galat. Perbaiki galat di atas, lalu jalankan pemeriksaan lagi.",
        ]
    return "\n".join(lines) + "\n" if lines else ""


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(problems: list[Problem], *, warnings: bool = True) -> str:
    """GitHub Actions workflow commands: each problem becomes an annotation on its line.

    >>> github([Problem("content/unit/a.yml", 3, 5, "induk", "unit 'x' tidak ditemukan")])
    "::error file=content/unit/a.yml,line=3,col=5,title=induk::unit 'x' tidak ditemukan\\n"
    """
    lines = []
    for problem in problems:
        if problem.severity is Severity.WARNING and not warnings:
            continue
        level = "error" if problem.severity is Severity.ERROR else "warning"
        title = f",title={_escape_property(problem.field)}" if problem.field else ""
        lines.append(
            f"::{level} file={_escape_property(problem.path)},line={problem.line},col={problem.column}"
            f"{title}::{_escape_data(problem.message)}"
        )
    return "\n".join(lines) + "\n" if lines else ""


def as_json(problems: list[Problem], *, warnings: bool = True) -> str:
    """Every problem as a JSON object, for other tools; ``code`` is the message's id."""
    shown = [p for p in problems if warnings or p.severity is not Severity.WARNING]
    return json.dumps([asdict(p) for p in shown], ensure_ascii=False, indent=2) + "\n"


def _cell(value: object) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def summary(problems: list[Problem]) -> str:
    """A Markdown table of every problem: GitHub shows only ten annotations a step."""
    errors = [p for p in problems if p.severity is Severity.ERROR]
    notes = [p for p in problems if p.severity is Severity.WARNING]
    if not errors:
        head = f"### Konten sah\n\nTidak ada galat. {len(notes)} peringatan untuk peninjau.\n"
    else:
        head = f"### {len(errors)} galat pada konten\n\nPerbaiki setiap galat di bawah, lalu dorong perubahan lagi.\n"
    rows = [
        f"| {_cell(p.severity.value)} | `{_cell(p.path)}:{p.line}:{p.column}` | {_cell(p.field)} | {_cell(p.message)} |"
        for p in [*errors, *notes]
    ]
    if not rows:
        return head
    return (
        head
        + "\n| Jenis | Tempat | Kolom | Pesan |\n| --- | --- | --- | --- |\n"
        + "\n".join(rows)
        + "\n"
    )
