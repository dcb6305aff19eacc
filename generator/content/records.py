"""The validated content: typed records by kind, the hand-over from validation to the model."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from generator.schema import (
    ConsolidatedText,
    Province,
    Regulation,
    Source,
    StandardStructure,
    Unit,
)

#: A record with a file of its own (a kab/kota lives in its province's file, a sub-unit in its
#: standard structure's).
FileRecord = Unit | Regulation | Province | StandardStructure


def file_key(record: FileRecord) -> tuple[str, str]:
    """How ``Records.files`` knows a record: its kind and id."""
    return type(record).__name__, record.id


@dataclass(frozen=True)
class Records:
    """Content that passed the schema: typed records, ready to become the model."""

    sources: dict[str, Source]
    units: tuple[Unit, ...]
    regulations: tuple[Regulation, ...]
    regions: tuple[Province, ...] = ()
    structures: tuple[StandardStructure, ...] = ()
    texts: tuple[ConsolidatedText, ...] = ()
    files: Mapping[tuple[str, str], str] = field(default_factory=dict)
    """The file each record was read from, as the loader names it (relative to the project), by
    ``file_key``. Not part of the schema: editors never write it."""

    def file_of(self, record: FileRecord) -> str:
        """The content file a record was read from, e.g. 'content/unit/biro-umum.yml'."""
        return self.files[file_key(record)]
