"""The content diff written out: Markdown for reviewers (a pull request's job summary), JSON for
other tools. The changes themselves are data (``generator.tools.diff``)."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from generator.escape import md
from generator.tools.diff import Change, ContentDiff, Kind, Ref, Subject

#: How many characters of an old or new value a reviewer sees.
VALUE_WIDTH = 80

UNREADABLE_TITLE = (
    "Berkas tidak dapat dibaca (isinya tidak dibandingkan; lihat `python -m generator check`)"
)
BROKEN_TITLE = "Alamat halaman yang akan rusak; catat alamat lamanya"

#: The section each change is listed under; a subject without kinds here has one section.
_SECTIONS: dict[Subject, dict[Kind, str] | str] = {
    Subject.FILE: UNREADABLE_TITLE,
    Subject.UNIT: {
        Kind.ADDED: "Unit ditambahkan",
        Kind.REMOVED: "Unit dihapus",
        Kind.RENAMED: "Unit berganti nama",
        Kind.NEW_KEY: "Unit berganti id",
        Kind.MOVED: "Unit dipindahkan",
    },
    Subject.REGULATION: "Peraturan",
    Subject.SOURCE: "Sumber",
    Subject.PROVINCE: "Provinsi",
    Subject.REGENCY: {
        Kind.ADDED: "Kabupaten/kota ditambahkan",
        Kind.REMOVED: "Kabupaten/kota dihapus",
        Kind.RENAMED: "Kabupaten/kota berganti nama",
        Kind.NEW_KEY: "Kabupaten/kota berganti kode",
        Kind.MOVED: "Kabupaten/kota pindah provinsi",
        Kind.FIELD: "Kabupaten/kota: kolom berubah",
    },
    Subject.STRUCTURE: "Struktur baku",
    Subject.SUB_UNIT: "Struktur baku",
}
#: Field and quotation changes of a central unit.
_UNIT_FIELDS = "Kolom berubah"

#: How a sub-unit's change is introduced after its structure's name.
_SUB_UNIT_KINDS = {
    Kind.ADDED: "sub-unit ditambahkan",
    Kind.REMOVED: "sub-unit dihapus",
    Kind.RENAMED: "sub-unit berganti nama",
    Kind.NEW_KEY: "sub-unit berganti id",
    Kind.MOVED: "sub-unit dipindahkan",
}


def section(change: Change) -> str:
    """The title of the Markdown section a change is listed under."""
    titles = _SECTIONS[change.subject]
    if isinstance(titles, str):
        return titles
    return titles.get(change.kind, _UNIT_FIELDS)


def shorten(text: str, width: int = VALUE_WIDTH) -> str:
    """One line of at most ``width`` characters.

    >>> shorten("a  b\\nc"), shorten("x" * 100)[-3:], len(shorten("x" * 100))
    ('a b c', 'xx…', 80)
    """
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def value(data: Any) -> str:
    """A value as a Markdown code span, shortened; a missing value says so.

    >>> value(None), value("07"), value(["a", "b"]), value("a`b")
    ('(kosong)', '`07`', '`["a", "b"]`', "`a'b`")
    """
    if data is None:
        return "(kosong)"
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False, default=str)
    shown = shorten(text).replace("`", "'") or " "
    return f"`{shown}`"


def _unit_label(ref: Ref) -> str:
    """A unit, or '(tanpa induk)' for no parent: 'Biro Umum (`biro-umum`)'."""
    if ref.key is None:
        return "(tanpa induk)"
    return f"{md(ref.name or ref.key)} (`{ref.key}`)"


def _record_label(ref: Ref) -> str:
    """A regulation, source, province or structure: its name and id, or its id alone."""
    return f"{md(ref.name)} (`{ref.key}`)" if ref.name else f"`{ref.key}`"


def _regency_label(ref: Ref) -> str:
    return f"{md(ref.name or ref.key or '')} ({md(ref.key or '')})"


def _values(prefix: str, change: Change) -> str:
    return f"{prefix}: `{change.field}`: {value(change.before)} → {value(change.after)}"


def _fields(prefix: str, change: Change) -> str:
    """A field or a quotation that changed, after the record's label."""
    quote = " ".join(md(part) for part in change.quote)
    if change.kind is Kind.QUOTE_ADDED:
        return f"{prefix}: kutipan {quote} ditambahkan"
    if change.kind is Kind.QUOTE_REMOVED:
        return f"{prefix}: kutipan {quote} dihapus"
    if change.kind is Kind.QUOTE_CHANGED:
        return _values(f"{prefix}: kutipan {quote}", change)
    return _values(prefix, change)


def _unit_item(change: Change) -> str:
    label = _unit_label(change.record)
    if change.kind is Kind.ADDED:
        return f"{label}, di bawah {_unit_label(change.after)}"
    if change.kind is Kind.REMOVED:
        return label
    if change.kind is Kind.NEW_KEY:
        note = " (alamat lama dialihkan)" if change.redirected else ""
        name = md(change.record.name or change.record.key)
        return f"{name}: `{change.before}` → `{change.after}`{note}"
    if change.kind is Kind.RENAMED:
        return f"`{change.record.key}`: {md(change.before)} → {md(change.after)}"
    if change.kind is Kind.MOVED:
        return f"{label}: dari {_unit_label(change.before)} ke {_unit_label(change.after)}"
    return _fields(label, change)


def _regency_item(change: Change) -> str:
    label = _regency_label(change.record)
    province = change.within.key if change.within else ""
    if change.kind in (Kind.ADDED, Kind.REMOVED):
        return f"{label} di `{province}`"
    if change.kind is Kind.NEW_KEY:
        return f"{md(change.record.name or change.record.key or '')}: `{change.before}` → `{change.after}`"
    if change.kind is Kind.MOVED:
        return f"{label}: dari `{change.before}` ke `{change.after}`"
    if change.kind is Kind.RENAMED:
        return f"{md(change.record.key or '')}: {md(change.before)} → {md(change.after)}"
    return _fields(label, change)


def item(change: Change) -> str:
    """One change as a Markdown list item (without the bullet)."""
    if change.subject is Subject.FILE:
        side = "sekarang" if change.after else "pada revisi pembanding"
        return f"`{change.record.key}` ({side})"
    if change.subject is Subject.UNIT:
        return _unit_item(change)
    if change.subject is Subject.SUB_UNIT:
        structure = _record_label(change.within or Ref(None))
        what = _SUB_UNIT_KINDS.get(change.kind, "sub-unit")
        return f"{structure}, {what}: {_unit_item(change)}"
    if change.subject is Subject.REGENCY:
        return _regency_item(change)
    label = _record_label(change.record)
    if change.kind in (Kind.ADDED, Kind.REMOVED):
        return f"{label} {change.kind.value}"
    return _fields(label, change)


def markdown(diff: ContentDiff, revision: str) -> str:
    """The diff as a Markdown section for a pull-request page."""
    lines = [f"## Perubahan konten dibanding `{revision}`", ""]
    if diff.empty():
        return "\n".join([*lines, "Tidak ada perubahan pada konten.", ""])
    sections: dict[str, list[str]] = {}
    if diff.broken:
        sections[BROKEN_TITLE] = [f"`{b.address}`: {b.fix}" for b in diff.broken]
    for change in diff.changes:
        sections.setdefault(section(change), []).append(item(change))
    for title, items in sections.items():
        lines.extend([f"**{title} ({len(items)})**", "", *(f"- {item}" for item in items), ""])
    return "\n".join(lines)


def _plain(data: Any) -> Any:
    """Values as JSON holds them: dates as ISO text, tuples as lists."""
    return json.loads(json.dumps(data, ensure_ascii=False, default=str))


def as_json(diff: ContentDiff, revision: str) -> str:
    """The diff for other tools: every change with its old and new value, and the addresses
    it would break. Keys and values are those of ``generator.tools.diff.Change``."""
    data = {
        "revisi": revision,
        "perubahan": [_plain(asdict(change)) for change in diff.changes],
        "alamat_rusak": [{"alamat": b.address, "perbaikan": b.fix} for b in diff.broken],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
