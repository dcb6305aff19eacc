"""The validated content: typed records by kind, the hand-over from validation to the model."""

from __future__ import annotations

from dataclasses import dataclass

from generator.schema import (
    ConsolidatedText,
    Province,
    Regulation,
    Source,
    StandardStructure,
    Unit,
)


@dataclass(frozen=True)
class Records:
    """Content that passed the schema: typed records, ready to become the model."""

    sources: dict[str, Source]
    units: tuple[Unit, ...]
    regulations: tuple[Regulation, ...]
    regions: tuple[Province, ...] = ()
    structures: tuple[StandardStructure, ...] = ()
    texts: tuple[ConsolidatedText, ...] = ()
