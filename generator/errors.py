"""Problems found in the content, and the exceptions that carry them to the CLI."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How bad a problem is; the values are what editors read."""

    ERROR = "galat"
    WARNING = "peringatan"


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in one place of one content file, reported compiler-style."""

    path: str
    line: int
    column: int
    field: str
    message: str
    severity: Severity = Severity.ERROR

    def format(self) -> str:
        """Return ``path:line:col: galat: field: message``, the form editors and CI read."""
        where = f"{self.path}:{self.line}:{self.column}"
        field = f"{self.field}: " if self.field else ""
        return f"{where}: {self.severity.value}: {field}{self.message}"


class ContentError(Exception):
    """The content has errors; nothing was generated."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} galat pada konten")
        self.problems = problems


class GeneratorError(Exception):
    """The build itself failed (a missing program, MkDocs refusing the pages)."""
