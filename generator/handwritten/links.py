"""Links from the hand-written pages in docs/ to other pages, checked before MkDocs runs.

A unit renamed in content/ while a hand-written page still links to its old page would
otherwise pass `check` and fail `build` with an English MkDocs warning.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from generator.errors import Problem, problem
from generator.messages import hint

# Inline Markdown links and images: [text](target "title"); angle-bracket targets too.
_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE = re.compile(r"`[^`]*`")


def _links(text: str) -> Iterator[tuple[int, int, str]]:
    """(line, column, target) of each relative link to a Markdown page, outside code blocks."""
    fenced = False
    for number, line in enumerate(text.splitlines(), 1):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            continue
        # Code spans are blanked, not removed, so columns stay true.
        line = _CODE.sub(lambda m: " " * len(m.group()), line)
        for match in _LINK.finditer(line):
            target = match.group(1).split("#", 1)[0]
            if target.endswith(".md") and "://" not in target and not target.startswith("/"):
                yield number, match.start(1) + 1, target


def broken_links(
    pages: dict[str, str], generated: Iterable[str], display_root: str = "docs"
) -> list[Problem]:
    """Links in hand-written ``pages`` (docs/ path -> text) to pages that will not exist.

    >>> broken_links({"index.md": "Lihat [Biro](struktur/biro-x/index.md)."}, ["struktur/biro-y/index.md"])[0].message
    "tautan ke 'struktur/biro-x/index.md' menuju halaman yang tidak ada — maksud Anda 'struktur/biro-y/index.md'? Bila unit atau peraturannya diganti id-nya, perbarui tautan ini."
    """
    existing = set(pages) | set(generated)
    problems = []
    for path, text in sorted(pages.items()):
        base = posixpath.dirname(path)
        for line, column, target in _links(text):
            resolved = posixpath.normpath(posixpath.join(base, target))
            if resolved in existing:
                continue
            close = _closest(resolved, existing)
            fragment = hint("maksud", match=close) if close else hint("titik")
            problems.append(
                problem(
                    f"{display_root}/{path}", line, column, "",
                    "tautan-halaman-tidak-ada", target=resolved, hint=fragment,
                )
            )  # fmt: skip
    return problems


def _closest(missing: str, existing: set[str]) -> str | None:
    """A renamed page usually keeps its old name inside the new one; else the nearest spelling."""
    stem = posixpath.basename(posixpath.dirname(missing)) or posixpath.basename(missing)
    folder = posixpath.dirname(posixpath.dirname(missing))
    # A folder's own page before anything beside it (its full-size chart page is as long), then
    # the shortest; the name breaks ties, so the hint is the same on every run.
    kept = sorted(
        (p for p in existing if stem and stem in p and p.startswith(folder)),
        key=lambda p: (posixpath.basename(p) != "index.md", len(p), p),
    )
    if kept:
        return kept[0]
    close = difflib.get_close_matches(missing, sorted(existing), n=1, cutoff=0.75)
    return close[0] if close else None


def hand_written_pages(docs_dir: Path, generated_dirs: Iterable[str]) -> dict[str, str]:
    """The Markdown pages under docs/ that people write (not the generator's folders)."""
    skip = tuple(f"{d}/" for d in generated_dirs)
    pages = {}
    for path in sorted(docs_dir.rglob("*.md")):
        relative = path.relative_to(docs_dir).as_posix()
        if not relative.startswith(skip):
            pages[relative] = path.read_text(encoding="utf-8")
    return pages
