"""Removing page furniture from a regulation's text and mending words broken across lines.

Official copies (JDIH PDFs, salinan) carry on every page a page number ('-2-'), running headers
or footers (the JDIH address, 'PRESIDEN REPUBLIK INDONESIA', the title repeated) and, at the
foot, a continuation marker repeating the start of the next page ('Pasal 5 . . .'). None of it
is part of the regulation, and left in it would end up inside article text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*\d{1,4}\s*[-–—]|(?:halaman|hal\.?)\s*\d{1,4}(?:\s*(?:dari|/)\s*\d{1,4})?"
    r"|\d{1,4}\s*/\s*\d{1,4}|\d{1,4})$",
    re.IGNORECASE,
)
# Only the unambiguous forms mark a page start in a text copy without form feeds; a bare number
# could be anything.
PAGE_MARK = re.compile(r"^[-–—]\s*\d{1,4}\s*[-–—]$|^(?:halaman|hal\.?)\s*\d{1,4}", re.IGNORECASE)
WEB_ADDRESS = re.compile(r"^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:go\.id|id)(?:/\S*)?$")
# A foot-of-page marker: the first words of the next page followed by dots or an ellipsis.
CONTINUATION = re.compile(r"(?:\.\s*){3,}$|…$")
STRUCTURAL = re.compile(
    r"^(?:Pasal\s+\w+|BAB\s+\w+|Bagian\s+\w+|Paragraf\s+\w+|\(\d+[a-z]?\)|[a-z]\.|\d+\.|"
    r"Cukup jelas\.?)",
    re.IGNORECASE,
)
EDGE = 3
"""How many lines at the top and the foot of a page can be running headers or footers."""


def normalise(line: str) -> str:
    """Collapse whitespace (PDF text layers use tabs, NBSP and runs of spaces)."""
    return " ".join(line.replace("\u00a0", " ").replace("\u00ad", "").split())


def split_pages(pages: Sequence[Sequence[str]]) -> list[list[str]]:
    """Pages as lists of normalised, non-empty lines; a single page is split at page marks."""
    result = [[normalise(line) for line in page if normalise(line)] for page in pages]
    if len(result) != 1:
        return result
    split: list[list[str]] = [[]]
    for line in result[0]:
        if PAGE_MARK.match(line) and split[-1]:
            split.append([])
        split[-1].append(line)
    return split


def _key(line: str) -> str:
    # Headers often carry the page number ('PKPU 14/2020 - 3 -'): compare without digits.
    return re.sub(r"\d+", "#", line.lower())


def running_lines(pages: list[list[str]]) -> set[str]:
    """Keys of lines that recur at the edges of most pages: headers and footers."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for page in pages:
        edges = {_key(line) for line in page[:EDGE] + page[-EDGE:] if not STRUCTURAL.match(line)}
        counts.update(edges)
    needed = max(2, (len(pages) + 1) // 2)
    return {key for key, count in counts.items() if count >= needed}


def _is_furniture(line: str, at_edge: bool, running: set[str]) -> bool:
    if WEB_ADDRESS.match(line) or CONTINUATION.search(line):
        return True
    if PAGE_MARK.match(line):
        return True
    return at_edge and (bool(PAGE_NUMBER.match(line)) or _key(line) in running)


def strip_furniture(pages: list[list[str]]) -> list[str]:
    """The lines of all pages, in order, without page numbers, headers, footers and markers."""
    running = running_lines(pages)
    lines: list[str] = []
    for page in pages:
        kept = list(page)
        # Peel furniture off both edges repeatedly: a header can sit above a page number.
        for _ in range(EDGE + 1):
            while kept and _is_furniture(kept[0], True, running):
                kept.pop(0)
            while kept and _is_furniture(kept[-1], True, running):
                kept.pop()
        lines.extend(line for line in kept if not _is_furniture(line, False, running))
    return lines


def _keeps_hyphen(before: str, after: str) -> bool:
    """Whether 'before-' + 'after' is a hyphenated word rather than a word broken in two.

    Indonesian reduplication ('tugas-tugas', 'perundang-undangan', 'Undang-Undang') keeps its
    hyphen: the second half repeats the end of the first.
    """
    head = re.split(r"[\s(/]", before)[-1].lower()
    tail = re.match(r"[\w]+", after)
    if not tail or not head:
        return False
    word = tail.group(0).lower()
    if after[:1].isupper():
        return True
    return any(head.endswith(word[:size]) for size in range(3, len(word) + 1))


def join_broken_words(lines: list[str]) -> list[str]:
    """Join a word hyphenated at a line end with its second half on the next line."""
    result: list[str] = []
    for line in lines:
        previous = result[-1] if result else ""
        if re.search(r"\w-$", previous) and re.match(r"\w", line):
            stem = previous[:-1]
            result[-1] = stem + ("-" if _keeps_hyphen(stem, line) else "") + line
            continue
        result.append(line)
    return result


def clean(pages: Sequence[Sequence[str]]) -> list[str]:
    """The regulation's own lines, furniture removed and broken words mended."""
    return join_broken_words(strip_furniture(split_pages(pages)))
