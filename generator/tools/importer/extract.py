"""Organisation facts in a consolidated text: what each unit does, how it is made up, who leads
it and whom it answers to, each with the article that says so.

The formulas are those of organisation regulations (Perpres, PKPU): 'X mempunyai tugas ...',
'Dalam melaksanakan tugas ..., X menyelenggarakan fungsi: a. ...', 'X terdiri atas: a. ...',
'X dipimpin oleh ...', 'X berada di bawah dan bertanggung jawab kepada Y'.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from generator.tools.importer.document import Article, Point

DUTY = re.compile(
    r"^(?P<subject>.+?)\s+(?:(?:mempunyai|memiliki)\s+tugas|bertugas)\b\s*(?P<rest>.*)$"
)
FUNCTION = re.compile(
    r"^(?P<subject>.+?)\s+(?:(?:menyelenggarakan|mempunyai|memiliki|melaksanakan)\s+fungsi|"
    r"berfungsi)\b\s*(?P<rest>.*)$"
)
PARTS = re.compile(r"^(?P<subject>.+?)\s+terdiri\s+(?:atas|dari)\b\s*(?P<rest>.*)$")
HEAD = re.compile(
    r"^(?P<subject>.+?)\s+dipimpin\s+oleh\s+(?:seorang\s+|satu\s+orang\s+)?(?P<rest>.+?)"
    r"(?:,|\s+yang\s|\s+dan\s+dibantu\b|\.?$)"
)
PARENT = re.compile(
    r"^(?P<subject>.+?)\s+berada\s+di\s+bawah\s+dan\s+bertanggung\s+jawab\s+(?:langsung\s+)?"
    r"kepada\s+(?P<rest>.+?)(?:,|\s+melalui\s|\s+yang\s|\.?$)"
)
LEAD_IN = re.compile(
    r"^Dalam\s+(?:melaksanakan|menyelenggarakan|menjalankan)\s+(?:tugas|fungsi)[^,]*,\s*"
)
SUBJECT_END = re.compile(
    r"\s+(?:adalah|merupakan|sebagaimana\s+dimaksud|yang|masing-masing|mempunyai|memiliki)\b.*$"
)
LIST_END = re.compile(r"(?:[;,]\s*(?:dan/atau|dan|atau|serta)|[;.,:])\s*$")
SENTENCE_BREAK = re.compile(r"(?<=[a-z)\d])\.\s+(?=[A-Z])")


def strip_list_punctuation(text: str) -> str:
    """'membantu ...; dan' -> 'membantu ...': list items without their separators."""
    return LIST_END.sub("", text).strip()


@dataclass(frozen=True)
class Quote:
    """A provision as printed: its article, lead sentence and labelled items."""

    article: str
    lead: str
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class Function:
    text: str
    article: str
    letter: str | None


@dataclass(frozen=True)
class Duty:
    text: str
    items: tuple[str, ...]
    article: str
    quote: Quote


@dataclass
class UnitFacts:
    """Everything the text says about one unit."""

    name: str
    article: str
    duty: Duty | None = None
    functions: list[Function] = field(default_factory=list)
    function_quote: Quote | None = None
    parts: list[str] = field(default_factory=list)
    parts_quote: Quote | None = None
    head: str | None = None
    head_article: str | None = None
    parent: str | None = None
    parent_article: str | None = None


@dataclass(frozen=True)
class _Sentence:
    text: str
    points: tuple[Point, ...]
    article: str
    """'Pasal 86' or 'Pasal 86 ayat (1)'."""


def _sentences(article: Article) -> Iterator[_Sentence]:
    """Each sentence of each ayat; an ayat's points belong to its last sentence."""
    for clause in article.clauses:
        where = f"Pasal {article.number}" + (f" ayat ({clause.number})" if clause.number else "")
        parts = SENTENCE_BREAK.split(clause.text)
        for index, text in enumerate(parts):
            last = index == len(parts) - 1
            yield _Sentence(text if last else text + ".", clause.points if last else (), where)


def _subject(raw: str) -> str | None:
    """The unit a sentence is about, or None when it does not name one."""
    subject = SUBJECT_END.sub("", LEAD_IN.sub("", raw)).strip(" ,")
    if not subject or not subject[0].isupper() or len(subject.split()) > 14:
        return None
    if subject.split()[0] in ("Setiap", "Dalam", "Untuk", "Ketentuan", "Di"):
        return None
    return subject


def _labelled(point: Point) -> str:
    return f"{point.marker} {point.full_text()}"


def _items(points: tuple[Point, ...]) -> tuple[str, ...]:
    return tuple(strip_list_punctuation(point.full_text()) for point in points)


def _following(rest: str, points: tuple[Point, ...]) -> str:
    """What follows the formula, items included, as printed."""
    text = " ".join([rest.lstrip(": ").strip(), *(_labelled(p) for p in points)]).strip()
    return text


class _Collector:
    def __init__(self) -> None:
        self.units: dict[str, UnitFacts] = {}

    def unit(self, name: str, article: str) -> UnitFacts:
        key = name.lower()
        if key not in self.units:
            self.units[key] = UnitFacts(name, article.split(" ayat ")[0])
        return self.units[key]

    def read(self, sentence: _Sentence) -> None:
        text, where = sentence.text, sentence.article
        quote = Quote(where, text, tuple(_labelled(p) for p in sentence.points))
        for pattern, handler in (
            (FUNCTION, self._function),
            (DUTY, self._duty),
            (PARTS, self._parts),
        ):
            match = pattern.match(text)
            subject = _subject(match.group("subject")) if match else None
            if match and subject:
                handler(self.unit(subject, where), match.group("rest"), sentence, quote)
                break
        for pattern, attribute in ((HEAD, "head"), (PARENT, "parent")):
            match = pattern.match(text)
            subject = _subject(match.group("subject")) if match else None
            if match and subject:
                facts = self.unit(subject, where)
                if getattr(facts, attribute) is None:
                    setattr(facts, attribute, match.group("rest").strip())
                    setattr(facts, f"{attribute}_article", where)

    def _duty(self, facts: UnitFacts, rest: str, sentence: _Sentence, quote: Quote) -> None:
        if facts.duty is None:
            text = _following(rest, sentence.points)
            facts.duty = Duty(text, _items(sentence.points), sentence.article, quote)

    def _function(self, facts: UnitFacts, rest: str, sentence: _Sentence, quote: Quote) -> None:
        if facts.functions:
            return
        facts.function_quote = quote
        if not sentence.points:
            text = strip_list_punctuation(rest.lstrip(": "))
            facts.functions = [Function(text, sentence.article, None)] if text else []
            return
        facts.functions = [
            Function(
                strip_list_punctuation(point.full_text()),
                f"{sentence.article} {point.kind.rstrip(')')} {point.label}",
                point.label,
            )
            for point in sentence.points
        ]

    def _parts(self, facts: UnitFacts, rest: str, sentence: _Sentence, quote: Quote) -> None:
        if facts.parts:
            return
        facts.parts_quote = quote
        if sentence.points:
            facts.parts = [strip_list_punctuation(point.text) for point in sentence.points]
        else:
            facts.parts = _split_inline(rest)


def _split_inline(text: str) -> list[str]:
    """'Biro A, Biro B, dan Biro C.' -> the three names; names may contain 'dan' themselves,
    so a bare 'A dan B' is split only where the same kind of unit starts again."""
    text = strip_list_punctuation(text.lstrip(": "))
    parts = [re.sub(r"^(?:dan|serta)\s+", "", p.strip()) for p in text.split(", ")]
    if len(parts) == 1:
        first = parts[0].split()[0] if parts[0] else ""
        parts = re.split(rf"\s+dan\s+(?={re.escape(first)}\b)", parts[0]) if first else parts
    return [p for p in parts if p]


def extract(articles: tuple[Article, ...]) -> list[UnitFacts]:
    """Facts per unit, in order of first mention."""
    collector = _Collector()
    for article in articles:
        if article.deleted:
            continue
        for sentence in _sentences(article):
            collector.read(sentence)
    return list(collector.units.values())
