"""Applying an amending regulation's 'Pasal I' to a consolidated text.

An amendment lists numbered instructions in the standard formulas of Lampiran II UU 12/2011
('Ketentuan Pasal 5 diubah sehingga berbunyi sebagai berikut:', 'Di antara Pasal 5 dan
Pasal 6 disisipkan 1 (satu) pasal, yakni Pasal 5A ...', 'Ketentuan Pasal 7 dihapus.'), each
followed by the new wording. Where the new wording restates a whole article, that article is
taken as it stands; otherwise the ayat named are changed, inserted or deleted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from generator.tools.importer.document import DELETED, Article, Clause, ImportFailed
from generator.tools.importer.parse import number_key, parse_articles, parse_clauses

INSTRUCTION = re.compile(
    r"^(\d+)\.\s+(?=(?:Ketentuan|Di\s?antara|Judul|Penjelasan|Lampiran|Setelah|Menambahkan|"
    r"Mengubah|Menghapus|Menyisipkan|Pasal|BAB|Bagian|Paragraf|Ayat|Huruf|Angka|Frasa|Kata)\b)"
)
VERB = re.compile(r"\b(?:diubah|disisipkan|dihapus|ditambah(?:kan)?)\b")
ARTICLE_REF = re.compile(r"\bPasal\s+(\d+[A-Z]?)\b")
CLAUSE_REF = re.compile(r"\bayat\s+\((\d+[a-z]?)\)")
BETWEEN_ARTICLES = re.compile(r"Di\s?antara\s+Pasal\s+(\d+[A-Z]?)\s+dan\s+Pasal\s+(\d+[A-Z]?)")
BETWEEN_CLAUSES = re.compile(
    r"Di\s?antara\s+ayat\s+\((\w+)\)\s+dan\s+ayat\s+\((\w+)\)\s+Pasal\s+(\d+[A-Z]?)"
)
NAMED_NEW = re.compile(r"\b(?:yakni|yaitu)\b(.*?)(?:\bsehingga\b|\bberbunyi\b|$)")


@dataclass(frozen=True)
class Instruction:
    """One numbered change of 'Pasal I': its sentence and the wording that follows it."""

    number: int
    sentence: str
    body: tuple[str, ...]


def split_instructions(lines: tuple[str, ...]) -> list[Instruction]:
    """The instructions, in order; numbering must run 1, 2, 3 so that lists inside restated
    articles ('1. ...') are not taken for instructions."""
    starts: list[int] = []
    for index, line in enumerate(lines):
        match = INSTRUCTION.match(line)
        # An item of a restated list ('2. Bagian Umum.') has no amending verb in its sentence.
        sentence = _sentence_from(lines, index)
        if match and int(match.group(1)) == len(starts) + 1 and VERB.search(sentence):
            starts.append(index)
    if not starts:
        # A single change is not numbered: 'Ketentuan Pasal 5 diubah sehingga ...'.
        first = next((i for i, line in enumerate(lines) if _formula(line)), None)
        return [] if first is None else [_instruction(1, list(lines[first:]))]
    ends = [*starts[1:], len(lines)]
    return [
        _instruction(number, [INSTRUCTION.sub("", lines[start], count=1), *lines[start + 1 : end]])
        for number, (start, end) in enumerate(zip(starts, ends, strict=True), start=1)
    ]


def _sentence_from(lines: tuple[str, ...], start: int) -> str:
    """The sentence starting at ``start``: up to the line ending in ':' or '.'."""
    taken: list[str] = []
    for line in lines[start : start + 6]:
        taken.append(line)
        if line.endswith((":", ".")):
            break
    return " ".join(taken)


def _formula(line: str) -> bool:
    return bool(re.match(r"(?:Ketentuan|Di\s?antara)\b", line))


def _instruction(number: int, lines: list[str]) -> Instruction:
    """Split the sentence (up to 'sebagai berikut:') from the new wording below it."""
    sentence: list[str] = []
    for index, line in enumerate(lines):
        sentence.append(line)
        if line.endswith(":"):
            return Instruction(number, " ".join(sentence), tuple(lines[index + 1 :]))
    return Instruction(number, " ".join(sentence), ())


@dataclass(frozen=True)
class _Context:
    """Who amends what, for messages and for 'ditetapkan_oleh'."""

    amending: str
    base: str
    instruction: Instruction

    def fail(self, what: str) -> ImportFailed:
        return ImportFailed(
            f"{self.amending}, Pasal I angka {self.instruction.number}: {what}. "
            f'Perintah perubahan: "{self.instruction.sentence}"'
        )


def _index(articles: list[Article], number: str) -> int | None:
    return next((i for i, a in enumerate(articles) if a.number.upper() == number.upper()), None)


def _require(articles: list[Article], number: str, context: _Context) -> int:
    index = _index(articles, number)
    if index is None:
        raise context.fail(
            f"perubahan ini menyebut Pasal {number}, tetapi Pasal {number} tidak ada dalam "
            f"{context.base}"
        )
    return index


def _insert_ordered(items: list[Article], article: Article) -> None:
    key = number_key(article.number)
    position = next((i for i, a in enumerate(items) if number_key(a.number) > key), len(items))
    items.insert(position, article)


def _new_numbers(sentence: str, pattern: re.Pattern[str]) -> list[str]:
    match = NAMED_NEW.search(sentence)
    return pattern.findall(match.group(1)) if match else []


def _targets(sentence: str, articles: list[Article]) -> tuple[list[str], list[str]]:
    """Articles the instruction needs to exist, and articles it creates."""
    between = BETWEEN_ARTICLES.search(sentence)
    if between:
        created = _new_numbers(sentence, ARTICLE_REF)
        needed = [between.group(1)]
        last = articles[-1].number if articles else None
        # The article after the gap may lie outside an excerpt; demand it only when the text
        # goes on past the article before the gap.
        if last is not None and number_key(last) > number_key(between.group(1)):
            needed.append(between.group(2))
        return needed, created
    named = [n for n in ARTICLE_REF.findall(sentence.split(" yakni ")[0])]
    return list(dict.fromkeys(named))[:1] or ARTICLE_REF.findall(sentence)[:1], []


def apply_instruction(
    articles: list[Article], instruction: Instruction, context: _Context
) -> tuple[list[Article], list[str]]:
    """The articles after one instruction, and notes on what could not be applied."""
    result = list(articles)
    sentence = instruction.sentence
    needed, created = _targets(sentence, result)
    for number in needed:
        _require(result, number, context)
    for number in created:
        if _index(result, number) is not None:
            raise context.fail(f"Pasal {number} hendak disisipkan, tetapi sudah ada")
    if needed:
        _check_clauses(result[_require(result, needed[0], context)], sentence, context)
    restated, loose = parse_articles(list(instruction.body), context.amending)
    if restated:
        for article in restated:
            index = _index(result, article.number)
            if index is None:
                _insert_ordered(result, article)
            else:
                result[index] = article
        return result, []
    deletes = re.search(r"\bdihapus\b", sentence) is not None
    if not needed or not (deletes or parse_clauses(loose)):
        # Changes to the elucidation, an annex or a heading, or wording that cannot be read:
        # the reviewer sees them listed rather than silently dropped.
        return result, [f"perubahan angka {instruction.number} tidak diterapkan: {sentence}"]
    index = _require(result, needed[0], context)
    return _apply_to_clauses(result, index, loose, context), []


def _check_clauses(article: Article, sentence: str, context: _Context) -> None:
    """The ayat an instruction changes, deletes or inserts after must exist."""
    between = BETWEEN_CLAUSES.search(sentence)
    named = [between.group(1)] if between else CLAUSE_REF.findall(sentence.split(" yakni ")[0])
    existing = {c.number for c in article.clauses}
    for number in named:
        if number not in existing:
            raise context.fail(
                f"perubahan ini menyebut ayat ({number}) Pasal {article.number}, tetapi Pasal "
                f"{article.number} tidak memiliki ayat ({number})"
            )


def _apply_to_clauses(
    articles: list[Article], index: int, body: list[str], context: _Context
) -> list[Article]:
    """Changes that restate only ayat, or delete an article or ayat without restating it."""
    sentence = context.instruction.sentence
    article = articles[index]
    named = CLAUSE_REF.findall(sentence.split(" yakni ")[0])
    new_clauses = parse_clauses(body)
    if re.search(r"\bdihapus\b", sentence) and not new_clauses:
        if not named:
            articles[index] = Article(article.number, (Clause(None, DELETED),), context.amending)
            return articles
        new_clauses = tuple(Clause(number, DELETED) for number in named)
    clauses = list(article.clauses)
    for clause in new_clauses:
        if clause.number is None:
            clauses = [clause]
            continue
        position = next((i for i, c in enumerate(clauses) if c.number == clause.number), None)
        if position is not None:
            clauses[position] = clause
        else:
            key = number_key(clause.number)
            after = next(
                (i for i, c in enumerate(clauses) if c.number and number_key(c.number) > key),
                len(clauses),
            )
            clauses.insert(after, clause)
    articles[index] = replace(article, clauses=tuple(clauses), set_by=context.amending)
    return articles


def amend(
    articles: tuple[Article, ...], lines: tuple[str, ...], amending: str, base: str
) -> tuple[tuple[Article, ...], list[str]]:
    """Apply every instruction of an amendment in order; raise ImportFailed on a bad target."""
    instructions = split_instructions(lines)
    if not instructions:
        raise ImportFailed(
            f"{amending}: 'Pasal I' tidak memuat perintah perubahan yang dikenali "
            "('Ketentuan Pasal ... diubah', 'Di antara Pasal ... disisipkan', ...)."
        )
    result = list(articles)
    notes: list[str] = []
    for instruction in instructions:
        result, found = apply_instruction(
            result, instruction, _Context(amending, base, instruction)
        )
        notes.extend(f"{amending}: {note}" for note in found)
    return tuple(result), notes
