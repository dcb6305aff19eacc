"""The narrative pages (docs/tentang/, the home page): citations as footnotes, checked.

Editors cite a source by its id as a Markdown footnote, `[^uu-7-2017-teks]`; the generator
supplies every source's definition (title and link), so a citation always shows where a claim
comes from. `check` errors on a label that is not a source id (it would show as raw text) and
warns on a paragraph that names neither a source nor an article.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mkdocs.utils.meta import get_data

from generator.errors import Problem, problem
from generator.escape import source_title
from generator.schema import Source

#: Hand-written pages whose paragraphs must carry a citation.
NARRATIVE = ("index.md", "tentang/")
_LABEL = re.compile(r"\[\^([^\]\s]+)\]")
_ARTICLE = re.compile(r"\bPasal \d+|\b(UU|PKPU|Perpres|Perppu|Perpu|PP)\s+\d+/\d{4}")
#: Lines that open something other than a prose paragraph.
_NOT_PROSE = re.compile(r"^\s*(#|\||!!!|\?\?\?|<|---|\{:|[-*+] |\d+\. |>|```|~~~|\[\^)")
MIN_WORDS = 8


def definitions(sources: dict[str, Source]) -> str:
    """Every source as a footnote definition; pages show only the ones they cite."""
    lines = []
    for source_id, source in sorted(sources.items()):
        lines.append(f"[^{source_id}]: {source_title(source.judul, source.url)}.")
    return "\n".join(lines) + "\n"


def _blocks(lines: list[str], start: int) -> Iterator[tuple[int, list[str]]]:
    """(first line number, lines) of each block between blank lines, outside code fences."""
    block: list[str] = []
    first = 0
    fenced = False
    for number, line in enumerate(lines[start:], start + 1):
        if line.strip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if fenced:
            continue
        if not line.strip():
            if block:
                yield first, block
            block = []
            continue
        if not block:
            first = number
        block.append(line)
    if block:
        yield first, block


def _paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """(first line, text) of each prose paragraph: not a heading, list, table, quote or HTML,
    and not a short paragraph that only leads to another page ("Lihat juga …")."""
    lines = text.splitlines()
    body, _ = get_data(text)  # MkDocs' own reading of the front matter
    start = text[: len(text) - len(body)].count("\n")
    for first, block in _blocks(lines, start):
        if _NOT_PROSE.match(block[0]) or block[0].startswith((" ", "\t")):
            continue
        paragraph = " ".join(line.strip() for line in block)
        if ".md" in paragraph and len(paragraph.split()) <= 20:
            continue
        yield first, paragraph


def check_page(path: str, text: str, sources: set[str]) -> list[Problem]:
    """Unknown footnote labels (errors) and uncited paragraphs (warnings) of one page."""
    problems = []
    for number, line in enumerate(text.splitlines(), 1):
        for match in _LABEL.finditer(line):
            label = match.group(1)
            if label not in sources:
                problems.append(
                    problem(
                        path, number, match.start() + 1, "", "catatan-kaki-tanpa-sumber",
                        label=label,
                    )
                )  # fmt: skip
    for number, paragraph in _paragraphs(text):
        if len(paragraph.split()) < MIN_WORDS:
            continue
        if not _LABEL.search(paragraph) and not _ARTICLE.search(paragraph):
            problems.append(problem(path, number, 1, "", "paragraf-tanpa-sumber"))
    return problems


def check_pages(pages: dict[str, str], sources: set[str], root: str = "docs") -> list[Problem]:
    """Check the narrative pages among the hand-written ``pages`` (docs/ path -> text)."""
    return [
        problem
        for path, text in sorted(pages.items())
        if path == NARRATIVE[0] or path.startswith(NARRATIVE[1])
        for problem in check_page(f"{root}/{path}", text, sources)
    ]
