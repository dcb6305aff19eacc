"""The published JSON Schema of every kind of content file, derived from the models.

Editors' tools (the YAML language server) read these files through each content file's modeline.
"""

from __future__ import annotations

import copy
import functools
from typing import Any

from pydantic import TypeAdapter

from generator.schema.models import (
    SLUG,
    ConsolidatedText,
    Province,
    Regulation,
    Slug,
    Source,
    StandardStructure,
    Unit,
)

SCHEMA_FILES: dict[str, tuple[str, str, Any]] = {
    "unit.schema.json": ("Unit", "Satu unit organisasi Setjen KPU (content/unit/<id>.yml).", Unit),
    "peraturan.schema.json": (
        "Peraturan",
        "Satu peraturan (content/peraturan/<id>.yml).",
        Regulation,
    ),
    "wilayah.schema.json": (
        "Wilayah",
        "Satu provinsi dan kabupaten/kotanya (content/wilayah/<id>.yml).",
        Province,
    ),
    "templat.schema.json": (
        "Templat",
        "Struktur baku sekretariat daerah (content/templat/<id>.yml).",
        StandardStructure,
    ),
    "naskah.schema.json": (
        "Naskah konsolidasi",
        "Naskah konsolidasi (tidak resmi) satu peraturan (content/naskah/<id>.yml).",
        ConsolidatedText,
    ),
    "sumber.schema.json": (
        "Daftar sumber",
        "Semua sumber yang dirujuk unit dan peraturan (content/sumber.yml), menurut id.",
        dict[Slug, Source],
    ),
}


def json_schemas() -> dict[str, dict[str, Any]]:
    """The JSON Schema of every kind of content file, derived from the models above."""
    # A copy: callers may change theirs; deriving them again costs the preview on every save.
    return copy.deepcopy(_json_schemas())


@functools.cache
def _json_schemas() -> dict[str, dict[str, Any]]:
    schemas = {}
    for file_name, (title, description, kind) in SCHEMA_FILES.items():
        schema = TypeAdapter(kind).json_schema()
        if (
            "propertyNames" not in schema
            and schema.get("type") == "object"
            and "properties" not in schema
        ):
            schema["propertyNames"] = {"pattern": SLUG.pattern}
        schemas[file_name] = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": file_name,
            **schema,
            "title": title,
            "description": description,
        }
    return schemas
