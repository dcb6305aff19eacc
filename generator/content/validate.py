"""Check parsed content: each file against the schema, then the files against each other.

Every problem is collected and returned; nothing here raises for bad content, so an editor
sees all the mistakes of a change in one run.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from pathlib import PurePosixPath
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from generator.content.load import (
    REGULATIONS_DIR,
    UNITS_DIR,
    LoadedContent,
    Path_,
    RawDocument,
    dotted,
)
from generator.content.records import Records
from generator.content.rules import RULES, Context, Known
from generator.content.rules.context import ALLOWED_PARENTS, suggest
from generator.errors import Problem, Severity, problem
from generator.messages import MESSAGES, hint
from generator.schema import (
    ConsolidatedText,
    Province,
    Regulation,
    Slug,
    Source,
    StandardStructure,
    Unit,
)

__all__ = ["ALLOWED_PARENTS", "Checked", "check", "suggest"]

_SOURCES = TypeAdapter(dict[Slug, Source])
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Checked:
    """The outcome of a check: the records (when there are no errors) and every problem."""

    records: Records | None
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]


# --- pass 1: one file against the schema -------------------------------------------------


def _unwrap(annotation: Any) -> Any:
    """Strip Optional, Annotated and containers down to the model or enum at one path step."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
        else:
            return annotation


def _annotation_at(root: Any, path: Path_) -> Any:
    """The type expected at ``path`` inside ``root`` (a model class or container type)."""
    annotation = root
    for step in path:
        annotation = _unwrap(annotation)
        origin = typing.get_origin(annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            field = annotation.model_fields.get(str(step))
            if field is None:
                return None
            annotation = field.annotation
        elif origin is list:
            annotation = typing.get_args(annotation)[0]
        elif origin is dict:
            annotation = typing.get_args(annotation)[1]
        else:
            return None
    return _unwrap(annotation)


def _fields_at(root: Any, path: Path_) -> list[str]:
    annotation = _annotation_at(root, path)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return list(annotation.model_fields)
    return []


def _shown(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


#: Pydantic's error types and the message each becomes, for the simple cases.
_PLAIN = {
    "list_type": "harus-daftar",
    "model_type": "harus-kolom",
    "model_attributes_type": "harus-kolom",
    "dict_type": "harus-kolom",
}
_INTEGER = ("int_type", "int_parsing", "int_from_float")


def _unknown_field(root: Any, loc: Path_, name: str) -> tuple[str, dict[str, Any]]:
    known = _fields_at(root, loc[:-1])
    match = suggest(name, known)
    found = hint("maksud", match=match) if match else hint("kolom-dikenal", known=", ".join(known))
    return "kolom-tidak-dikenal", {"name": name, "hint": found}


def _unknown_option(root: Any, loc: Path_, value: Any) -> tuple[str, dict[str, Any]]:
    expected = _annotation_at(root, loc)
    options = (
        [m.value for m in expected]
        if isinstance(expected, type) and issubclass(expected, Enum)
        else []
    )
    match = suggest(str(value), options)
    found = hint("maksud", match=match) if match else hint("titik")
    return "nilai-tidak-dikenal", {
        "value": _shown(value),
        "hint": found,
        "options": ", ".join(options),
    }


def _wrong_type(
    kind: str, loc: Path_, value: Any, written: str | None
) -> tuple[str, dict[str, Any]]:
    if kind == "string_type":
        if isinstance(value, bool | int | float):
            return "harus-teks-bukan-angka", {
                "value": _shown(written if written is not None else value)
            }
        return "harus-teks", {}
    if kind in _PLAIN:
        return (
            "berkas-harus-kolom" if not loc and _PLAIN[kind] == "harus-kolom" else _PLAIN[kind]
        ), {}
    if kind in _INTEGER:
        return "harus-bilangan-bulat", {"value": _shown(value)}
    return "", {}


def _schema_message(root: Any, error: Any, written: str | None) -> tuple[str, dict[str, Any]]:
    """The message id and values for one pydantic error."""
    kind, loc, value = error["type"], tuple(error["loc"]), error.get("input")
    name = str(loc[-1]) if loc else ""
    if kind == "missing":
        return "kolom-wajib", {"name": name}
    if kind == "extra_forbidden":
        return _unknown_field(root, loc, name)
    if value is None:
        return "nilai-kosong", {}
    if kind == "enum":
        return _unknown_option(root, loc, value)
    code, values = _wrong_type(kind, loc, value, written)
    if code:
        return code, values
    if kind in ("greater_than_equal", "less_than_equal"):
        return "di-luar-rentang", {"value": _shown(value), "hint": _annotation_bounds(error)}
    if kind.startswith("date"):
        return "tanggal-tidak-sah", {"value": _shown(value)}
    return "nilai-tidak-sah", {"detail": error["msg"]}


def _annotation_bounds(error: Any) -> str:
    context = error.get("ctx") or {}
    if "ge" in context:
        return hint("paling-kecil", bound=context["ge"])
    if "le" in context:
        return hint("paling-besar", bound=context["le"])
    return ""


def _schema_problems(document: RawDocument, root: Any, error: ValidationError) -> Iterator[Problem]:
    for item in error.errors():
        loc = tuple(item["loc"])
        if loc in document.unreadable:
            continue
        if item["type"] == "missing":
            position = document.locate(loc[:-1])
        elif item["type"] == "extra_forbidden":
            position = document.locate(loc)
        else:
            position = document.locate_value(loc)
        where = (document.path, position.line, position.column, dotted(loc))
        if item["type"] in MESSAGES:
            # Our own validators (schema/models.py) raise with a message id as the error type.
            yield Problem(*where, str(item["msg"]), Severity.ERROR, item["type"])
        else:
            code, values = _schema_message(root, item, document.written.get(loc))
            yield problem(*where, code, **values)


def _validate_file(
    document: RawDocument, adapter: TypeAdapter[Any], root: Any
) -> tuple[Any, list[Problem]]:
    try:
        return adapter.validate_python(document.data), []
    except ValidationError as error:
        return None, list(_schema_problems(document, root, error))


# --- pass 2: files against each other ---------------------------------------------------


@dataclass
class _Invalid:
    """Ids of records that exist but failed the schema, and the files they stand in."""

    units: set[str] = field(default_factory=set)
    regulations: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)
    files: set[str] = field(default_factory=set)


def _raw_id(document: RawDocument) -> str | None:
    data = document.data
    return data.get("id") if isinstance(data, dict) and isinstance(data.get("id"), str) else None


def _validate_sources(
    document: RawDocument, problems: list[Problem], invalid: _Invalid
) -> dict[str, Source] | None:
    """Each source on its own, so one bad entry does not hide all the others.

    Returns ``None`` when the file is not a mapping at all: then no source is known.
    """
    if not isinstance(document.data, dict):
        _, found = _validate_file(document, _SOURCES, dict[str, Source])
        problems.extend(found)
        return None
    sources = {}
    for key, value in document.data.items():
        entry = RawDocument(
            document.path, {key: value}, document.values, document.keys, document.written
        )
        parsed, found = _validate_file(entry, _SOURCES, dict[str, Source])
        problems.extend(found)
        if parsed:
            sources.update(parsed)
        else:
            invalid.sources.add(str(key))
    return sources


def _validate_all(
    documents: list[RawDocument], model: type[M], problems: list[Problem], invalid: _Invalid
) -> list[tuple[M, RawDocument]]:
    adapter = TypeAdapter(model)
    valid = []
    for document in documents:
        record, found = _validate_file(document, adapter, model)
        problems.extend(found)
        if record is not None:
            valid.append((record, document))
            continue
        invalid.files.add(document.path)
        ids = (
            invalid.units
            if model is Unit
            else invalid.regulations
            if model is Regulation
            else set()
        )
        # The id may be what is wrong; the file name is the id it should have.
        ids.update(filter(None, (_raw_id(document), PurePosixPath(document.path).stem)))
    return valid


def _stems(paths: Iterable[str], folder: str) -> frozenset[str]:
    """Ids defined by files of ``folder`` that could not be read: their names, as ids are."""
    return frozenset(PurePosixPath(p).stem for p in paths if PurePosixPath(p).parent.name == folder)


def _context(
    loaded: LoadedContent, problems: list[Problem], build_date: date | None = None
) -> Context:
    """Validate every file against the schema; what passed, and what is known to exist."""
    invalid = _Invalid()
    sources = _validate_sources(loaded.sources, problems, invalid) if loaded.sources else None
    units = _validate_all(loaded.units, Unit, problems, invalid)
    regulations = _validate_all(loaded.regulations, Regulation, problems, invalid)
    regions = _validate_all(loaded.regions, Province, problems, invalid)
    templates = _validate_all(loaded.structures, StandardStructure, problems, invalid)
    return Context(
        units=tuple(units),
        regulations=tuple(regulations),
        regions=tuple(regions),
        structures=tuple(templates),
        sources=sources or {},
        sources_document=loaded.sources,
        unit_ids=Known(
            frozenset(u.id for u, _ in units),
            frozenset(invalid.units) | _stems(loaded.failed, UNITS_DIR),
        ),
        regulation_ids=Known(
            frozenset(r.id for r, _ in regulations),
            frozenset(invalid.regulations) | _stems(loaded.failed, REGULATIONS_DIR),
        ),
        # Without a readable content/sumber.yml, no source reference can be judged.
        source_ids=Known(frozenset(sources or ()), frozenset(invalid.sources), sources is None),
        failed=frozenset(loaded.failed) | frozenset(invalid.files),
        build_date=build_date,
    )


def _ordered(*stages: list[Problem]) -> list[Problem]:
    """Root causes first: unreadable files, then schema errors, then what follows from them;
    within a stage by place. Warnings after every error."""
    ranked = [p for stage in stages for p in sorted(stage)]
    return sorted(ranked, key=lambda p: p.severity is Severity.WARNING)


def check(loaded: LoadedContent, build_date: date | None = None) -> Checked:
    """Validate every parsed file, then the files together.

    ``build_date`` is the day the build stands for; without it, no fact is judged too old.
    """
    schema: list[Problem] = []
    ctx = _context(loaded, schema, build_date)
    has_units = ctx.units or ctx.unit_ids.invalid
    if not has_units and not any(p.severity is Severity.ERROR for p in [*loaded.problems, *schema]):
        schema.append(problem("content/unit", 1, 1, "", "belum-ada-unit"))
    texts = _validate_all(loaded.texts, ConsolidatedText, schema, _Invalid())
    cross = [p for rule in RULES for p in rule(ctx)]
    cross += _text_references(texts, ctx.regulation_ids.valid | ctx.regulation_ids.invalid)
    problems = _ordered(list(loaded.problems), schema, cross)
    records = None
    if not any(p.severity is Severity.ERROR for p in problems):
        records = Records(
            dict(ctx.sources),
            tuple(u for u, _ in ctx.units),
            tuple(r for r, _ in ctx.regulations),
            tuple(r for r, _ in ctx.regions),
            tuple(t for t, _ in ctx.structures),
            tuple(t for t, _ in texts),
        )
    return Checked(records, problems)


def _text_references(
    texts: list[tuple[ConsolidatedText, RawDocument]], regulations: frozenset[str]
) -> list[Problem]:
    """A consolidated text belongs to a regulation that exists."""
    found = []
    for text, document in texts:
        if text.peraturan not in regulations:
            where = document.locate_value(("peraturan",))
            found.append(
                problem(
                    document.path, where.line, where.column, "peraturan",
                    "naskah-tanpa-peraturan", target=text.peraturan,
                )
            )  # fmt: skip
    return found
