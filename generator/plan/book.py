"""What the printable book holds, in what order: the same pages as the site, grouped in chapters.

The book prints the site's own pages (rendered exactly as for the web), so this plan only says
which pages and in which order; every fact a page shows is decided where the page is planned.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model.organisation import Organisation
from generator.plan.page import SitePlan
from generator.urls import (
    HISTORY_DOC,
    OVERVIEW_DOC,
    REGIONS_DOC,
    REGULATIONS_DOC,
    book_anchor,
    regulation_doc,
    unit_doc,
)

UNITS_TITLE = "Unit-unit Sekretariat Jenderal"
FORMER_TITLE = "Unit terdahulu"


@dataclass(frozen=True)
class BookChapter:
    """One chapter: its heading and pages follow the previous chapter without a forced break."""

    anchor: str
    docs: tuple[str, ...]
    """The pages (docs/ paths) in print order."""
    title: str | None = None
    """A heading of the book's own; without one, the first page opens the chapter (its title is
    the chapter's) and the other pages are its sections."""
    wide: bool = False
    """Printed on landscape pages (a wide chart)."""


def book_chapters(
    org: Organisation, site: SitePlan, narratives: list[str]
) -> tuple[BookChapter, ...]:
    """Narrative chapters, the overview, the units in tree order, the changes with the former
    units, the regulations and the regional secretariats; a page the site does not have is left
    out."""
    planned = {page.path for page in site.pages}
    chapters = [BookChapter(book_anchor(doc), (doc,)) for doc in narratives]

    def pages(*docs: str) -> tuple[str, ...]:
        return tuple(doc for doc in docs if doc in planned)

    if overview := pages(OVERVIEW_DOC):
        chapters.append(BookChapter(book_anchor(OVERVIEW_DOC), overview, wide=True))
    if units := pages(*(unit_doc(u.id) for u, _ in org.walk())):
        chapters.append(BookChapter("unit-unit", units, UNITS_TITLE))
    former = pages(*(unit_doc(u.id) for u in org.former_units()))
    # The changes page opens the former units' chapter: unit pages refer to it, and a reader
    # meets what became of the units before the units themselves.
    if history := pages(HISTORY_DOC):
        chapters.append(BookChapter(book_anchor(HISTORY_DOC), history + former))
    elif former:
        chapters.append(BookChapter("unit-terdahulu", former, FORMER_TITLE))
    regulations = pages(REGULATIONS_DOC, *(regulation_doc(r) for r in org.regulations))
    if regulations:
        chapters.append(BookChapter(book_anchor(regulations[0]), regulations))
    if regions := pages(REGIONS_DOC):
        chapters.append(BookChapter(book_anchor(REGIONS_DOC), regions))
    return tuple(chapters)
