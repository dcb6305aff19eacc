"""Problems found in the content, and the exceptions that carry them to the CLI."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from generator.messages import WARNINGS, message


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
    code: str = ""
    """The message's id in ``generator.messages``."""

    def format(self) -> str:
        """Return ``path:line:col: galat: field: message``, the form editors and CI read."""
        where = f"{self.path}:{self.line}:{self.column}"
        field = f"{self.field}: " if self.field else ""
        return f"{where}: {self.severity.value}: {field}{self.message}"


def problem(
    path: str, line: int, column: int, field: str, code: str, /, **values: object
) -> Problem:
    """A problem whose text is message ``code``; its severity is the message's own."""
    severity = Severity.WARNING if code in WARNINGS else Severity.ERROR
    return Problem(path, line, column, field, message(code, **values), severity, code)


class ContentError(Exception):
    """The content has errors; nothing was generated."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} galat pada konten")
        self.problems = problems


class GeneratorError(Exception):
    """The build itself failed (a missing program, MkDocs refusing the pages)."""
