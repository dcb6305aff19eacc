"""Rules about files as files: names match ids, the schema modeline, one file per id."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import PurePosixPath

from generator.content.load import RawDocument
from generator.content.rules.context import Context
from generator.errors import Problem, problem
from generator.schema import Province, Regulation, StandardStructure, Unit

_Record = Unit | Regulation | Province | StandardStructure

#: The JSON Schema each kind of file names on its first line, relative to the file.
_SCHEMAS = {
    "unit": "../../schema/unit.schema.json",
    "peraturan": "../../schema/peraturan.schema.json",
    "wilayah": "../../schema/wilayah.schema.json",
    "templat": "../../schema/templat.schema.json",
}


def _documents(ctx: Context) -> Iterator[tuple[str, RawDocument, str]]:
    """(kind, document, id) for every record file."""
    groups: Sequence[tuple[str, Sequence[tuple[_Record, RawDocument]]]] = (
        ("unit", ctx.units),
        ("peraturan", ctx.regulations),
        ("wilayah", ctx.regions),
        ("templat", ctx.structures),
    )
    for kind, records in groups:
        for record, document in records:
            yield kind, document, record.id


def file_names(ctx: Context) -> Iterator[Problem]:
    """A record's id is its file name, so links and references can be found from either."""
    for _, document, record_id in _documents(ctx):
        stem = PurePosixPath(document.path).stem
        if record_id != stem:
            yield ctx.problem(
                document, ("id",), "id-beda-dengan-nama-berkas", id=record_id, stem=stem
            )


def modelines(ctx: Context) -> Iterator[Problem]:
    """The first line names the schema, so editors' tools check fields as they type."""
    for kind, document, _ in _documents(ctx):
        schema = _SCHEMAS[kind]
        if document.modeline != schema:
            yield problem(document.path, 1, 1, "", "baris-skema", schema=schema)


def duplicates(ctx: Context) -> Iterator[Problem]:
    """Each id names one record of its kind."""
    first: dict[tuple[str, str], RawDocument] = {}
    for kind, document, record_id in _documents(ctx):
        key = (kind, record_id)
        if key in first:
            yield ctx.problem(document, ("id",), "id-ganda", id=record_id, other=first[key].path)
        else:
            first[key] = document
