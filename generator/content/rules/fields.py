"""Rules about single fields of any record: confidence details, and how names are typed."""

from __future__ import annotations

from collections.abc import Iterator

from generator.content.load import Path_
from generator.content.rules.context import Context, Located, suggest
from generator.errors import Problem
from generator.messages import hint
from generator.schema import Province, Regency, Regulation, StandardStructure, Unit

#: Longer than any official name: a longer one usually has a note pasted into it.
MAX_NAME = 150
_CURLY_QUOTES = "“”‘’"
_NO_BREAK_SPACES = "\u00a0\u202f\u2007"


def confidence_keys(ctx: Context) -> Iterator[Problem]:
    """``rincian_keyakinan`` refines fields that the record has and fills in."""
    for located in ctx.records:
        record = located.record
        if not isinstance(record, Unit | Regulation | StandardStructure):
            continue
        fields = [
            f
            for f in type(record).model_fields
            if f not in ("id", "keyakinan", "rincian_keyakinan")
        ]
        for key in record.rincian_keyakinan:
            path = (*located.path, "rincian_keyakinan", key)
            if key not in fields:
                match = suggest(key, fields)
                found = hint("maksud", match=match) if match else ""
                yield ctx.problem(
                    located.document, path, "kolom-tidak-dikenal", name=key, hint=found
                )
            elif getattr(record, key) in (None, [], {}):
                yield ctx.problem(located.document, path, "rincian-kolom-kosong", key=key)


def _names(located: Located) -> Iterator[tuple[Path_, str]]:
    """The names a record is shown and searched by."""
    record, prefix = located.record, located.path
    if isinstance(record, Unit):
        yield (*prefix, "nama"), record.nama
        if record.singkatan:
            yield (*prefix, "singkatan"), record.singkatan
        for i, alias in enumerate(record.alias):
            yield (*prefix, "alias", i, "nama"), alias.nama
    elif isinstance(record, Regulation):
        yield (*prefix, "tentang"), record.tentang
        for i, name in enumerate(record.alias):
            yield (*prefix, "alias", i), name
    elif isinstance(record, Province | Regency | StandardStructure):
        yield (*prefix, "nama"), record.nama
        if isinstance(record, Province) and record.nama_singkat:
            yield (*prefix, "nama_singkat"), record.nama_singkat
        if isinstance(record, Province):
            for i, name in enumerate(record.alias):
                yield (*prefix, "alias", i), name


def typography(ctx: Context) -> Iterator[Problem]:
    """Warnings: curly quotes and no-break spaces make a name unfindable by what people type."""
    for located in ctx.records:
        for path, name in _names(located):
            curly = "".join(c for c in _CURLY_QUOTES if c in name)
            if curly:
                chars = " ".join(curly)
                yield ctx.problem(located.document, path, "tanda-kutip-tipografis", chars=chars)
            if any(c in name for c in _NO_BREAK_SPACES):
                yield ctx.problem(located.document, path, "spasi-tak-putus")


def long_names(ctx: Context) -> Iterator[Problem]:
    """Warnings: names longer than any official one (regulation titles are long by nature)."""
    for located in ctx.records:
        for path, name in _names(located):
            if path[-1] != "tentang" and len(name) > MAX_NAME:
                yield ctx.problem(
                    located.document, path, "nama-terlalu-panjang", length=len(name), limit=MAX_NAME
                )
