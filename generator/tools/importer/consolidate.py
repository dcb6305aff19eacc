"""The whole import: read, clean and parse the base regulation, then apply each amendment."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.tools.importer.amend import amend
from generator.tools.importer.clean import clean
from generator.tools.importer.document import Article, ImportFailed, Regulation
from generator.tools.importer.extract import UnitFacts, extract
from generator.tools.importer.parse import parse_regulation
from generator.tools.importer.read import read_source


@dataclass(frozen=True)
class Consolidated:
    """The base regulation as amended, with the facts found in it."""

    base: Regulation
    amendments: tuple[Regulation, ...]
    articles: tuple[Article, ...]
    units: tuple[UnitFacts, ...]
    unreadable: tuple[str, ...]


def _load(path: Path) -> tuple[Regulation, tuple[str, ...]]:
    source = read_source(path)
    regulation = parse_regulation(clean(source.pages), path.name)
    return regulation, tuple(f"{path.name}: {note}" for note in source.notes)


def consolidate(base_path: Path, amendment_paths: list[Path]) -> Consolidated:
    """Import ``base_path`` and apply ``amendment_paths`` in order; raise ImportFailed."""
    base, unreadable = _load(base_path)
    if base.amendment_lines is not None:
        raise ImportFailed(
            f"'{base_path.name}' adalah peraturan perubahan ({base.label}); sebutkan peraturan "
            "dasarnya lebih dulu, lalu peraturan perubahan ini sesudahnya."
        )
    notes = list(unreadable)
    articles = base.articles
    amendments: list[Regulation] = []
    for path in amendment_paths:
        amendment, found = _load(path)
        notes.extend(found)
        if amendment.amendment_lines is None:
            raise ImportFailed(
                f"'{path.name}' ({amendment.label}) bukan peraturan perubahan: tidak ada "
                "'Pasal I' yang memuat perintah perubahan."
            )
        articles, skipped = amend(articles, amendment.amendment_lines, amendment.label, base.label)
        notes.extend(skipped)
        amendments.append(amendment)
    return Consolidated(base, tuple(amendments), articles, tuple(extract(articles)), tuple(notes))
