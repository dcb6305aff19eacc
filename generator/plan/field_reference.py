"""The editors' field reference (the *Daftar kolom* page), read from the published JSON Schema."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.schema.dates import PARTIAL_DATE_PATTERN
from generator.schema.models import SLUG
from generator.schema.publish import json_schemas


@dataclass(frozen=True)
class FieldDoc:
    """One field of the editors' field reference."""

    name: str
    kind: str
    """The value's form in words, e.g. 'daftar; setiap butir: teks'."""
    required: bool
    description: str
    options: tuple[str, ...] = ()
    """The allowed values, for a closed vocabulary."""
    section: str | None = None
    """The anchor of the section describing a nested record."""


@dataclass(frozen=True)
class SectionDoc:
    """One record type of the field reference, e.g. a unit or one of a unit's aliases."""

    anchor: str
    title: str
    description: str
    fields: tuple[FieldDoc, ...]


_SECTION_TITLES = {
    "Unit": "Unit (content/unit/<id>.yml)",
    "Regulation": "Peraturan (content/peraturan/<id>.yml)",
    "Source": "Sumber (satu entri di content/sumber.yml)",
    "Alias": "Butir alias",
    "LegalBasis": "Butir dasar_hukum",
    "Provision": "Butir ketentuan",
    "Overview": "Butir gambaran",
    "OfficeHolder": "Butir pejabat",
    "ConfidenceDetail": "Butir rincian_keyakinan",
    "Relation": "Butir hubungan",
    "Province": "Wilayah (content/wilayah/<id>.yml)",
    "Regency": "Butir kabupaten_kota",
    "StandardStructure": "Templat (content/templat/<id>.yml)",
    "ConsolidatedText": "Naskah konsolidasi (content/naskah/<id>.yml)",
    "TextArticle": "Butir pasal",
    "TextParagraph": "Butir paragraf",
}


def _kind(schema: dict[str, Any], defs: dict[str, Any]) -> tuple[str, tuple[str, ...], str | None]:
    """How a JSON Schema type reads for an editor: words, allowed values, nested section."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        target = defs[name]
        if "enum" in target:
            return "salah satu dari", tuple(target["enum"]), None
        return "kumpulan kolom", (), name.lower()
    if any(option.get("pattern") == PARTIAL_DATE_PATTERN for option in schema.get("anyOf", [])):
        return "tanggal, bentuk TTTT-BB-HH, TTTT-BB, atau TTTT", (), None
    if "anyOf" in schema:
        options = [s for s in schema["anyOf"] if s.get("type") != "null"]
        return _kind(options[0], defs) if len(options) == 1 else ("salah satu bentuk", (), None)
    kind = schema.get("type")
    if kind in ("array", "object"):
        inner = schema["items"] if kind == "array" else schema.get("additionalProperties", {})
        words, inner_options, section = _kind(inner, defs)
        prefix = "daftar; setiap butir" if kind == "array" else "per nama kolom"
        return f"{prefix}: {words}", inner_options, section
    if kind == "integer":
        low, high = schema.get("minimum"), schema.get("maximum")
        return (
            (
                "bilangan bulat"
                + (f" ({low}–{high})" if low is not None and high is not None else "")
            ),
            (),
            None,
        )
    if schema.get("format") == "date":
        return "tanggal, bentuk TTTT-BB-HH", (), None
    pattern = schema.get("pattern", "")
    if pattern == SLUG.pattern:
        return "id (huruf kecil dan tanda hubung)", (), None
    if "[hH]" in pattern:
        return "alamat web (https://…)", (), None
    return "teks", (), None


def _field(name: str, schema: dict[str, Any], required: bool, defs: dict[str, Any]) -> FieldDoc:
    words, options, section = _kind(schema, defs)
    return FieldDoc(name, words, required, schema.get("description", ""), options, section)


def field_reference() -> tuple[SectionDoc, ...]:
    """Every record type and its fields, read from the published JSON Schema."""
    roots = {
        "unit.schema.json": "Unit",
        "peraturan.schema.json": "Regulation",
        "wilayah.schema.json": "Province",
        "templat.schema.json": "StandardStructure",
        "naskah.schema.json": "ConsolidatedText",
    }
    sections = []
    seen: set[str] = set()
    for file_name, schema in json_schemas().items():
        defs = schema.get("$defs", {})
        bodies = [(roots[file_name], schema)] if file_name in roots else []
        bodies += [(name, body) for name, body in defs.items() if "properties" in body]
        for name, body in bodies:
            if name in seen:
                continue
            seen.add(name)
            required = set(body.get("required", []))
            fields = tuple(
                _field(key, prop, key in required, defs) for key, prop in body["properties"].items()
            )
            sections.append(
                SectionDoc(name.lower(), _SECTION_TITLES[name], body.get("description", ""), fields)
            )
    return tuple(sections)
