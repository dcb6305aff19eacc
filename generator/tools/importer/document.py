"""The parsed shape of a regulation: articles made of clauses (ayat) and points (huruf, angka)."""

from __future__ import annotations

from dataclasses import dataclass, field


class ImportFailed(Exception):
    """The input cannot be imported; the message is for the editor, in Indonesian."""


@dataclass(frozen=True)
class Point:
    """One lettered or numbered item (huruf ``a.``, angka ``1.``), with nested items."""

    label: str
    """The label without punctuation: 'a', '1'."""
    kind: str
    """'huruf', 'angka', 'huruf)' or 'angka)': the style of the label, which sets nesting."""
    text: str
    points: tuple[Point, ...] = ()

    @property
    def marker(self) -> str:
        return f"{self.label})" if self.kind.endswith(")") else f"{self.label}."

    def full_text(self) -> str:
        """The item's own text followed by its nested items, as printed."""
        parts = [self.text, *(f"{p.marker} {p.full_text()}" for p in self.points)]
        return " ".join(part for part in parts if part)


@dataclass(frozen=True)
class Clause:
    """One ayat, or the whole body of an article that has no numbered ayat."""

    number: str | None
    """'1', '2a'; None when the article is not divided into ayat."""
    text: str
    """The sentence, or the lead-in before the points."""
    points: tuple[Point, ...] = ()

    def full_text(self) -> str:
        parts = [f"({self.number})" if self.number else "", self.text]
        parts.extend(f"{p.marker} {p.full_text()}" for p in self.points)
        return " ".join(part for part in parts if part)


DELETED = "Dihapus."


@dataclass(frozen=True)
class Article:
    """One pasal of the consolidated text, and the regulation that last set its wording."""

    number: str
    clauses: tuple[Clause, ...]
    set_by: str

    def full_text(self) -> str:
        return " ".join(clause.full_text() for clause in self.clauses)

    @property
    def deleted(self) -> bool:
        return self.full_text() == DELETED


@dataclass(frozen=True)
class Regulation:
    """A parsed regulation: its identity, preamble and either articles or amendment lines."""

    kind: str
    """The kind as printed in the heading, e.g. 'UNDANG-UNDANG REPUBLIK INDONESIA'."""
    number: int
    year: int
    title: str
    """What follows 'TENTANG', whitespace normalised."""
    considering: tuple[str, ...] = ()
    observing: tuple[str, ...] = ()
    articles: tuple[Article, ...] = ()
    amendment_lines: tuple[str, ...] | None = None
    """For an amending regulation: the lines of its 'Pasal I'; None for any other regulation."""
    unreadable: tuple[str, ...] = field(default=())

    @property
    def label(self) -> str:
        """A short citation, e.g. 'Undang-Undang Nomor 7 Tahun 2017'."""
        return f"{short_kind(self.kind)} Nomor {self.number} Tahun {self.year}"


def short_kind(kind: str) -> str:
    """'PERATURAN PRESIDEN REPUBLIK INDONESIA' -> 'Peraturan Presiden'."""
    words = kind.replace("REPUBLIK INDONESIA", "").split()
    small = {"dan", "atau"}

    def title(word: str) -> str:
        if word.lower() in small:
            return word.lower()
        return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))

    return " ".join(title(word) for word in words)
