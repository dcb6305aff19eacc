"""The official text on a page: which quoted topics it shows, what it says of those it cannot
quote yet, and where a reader finds a regulation's official copy."""

from __future__ import annotations

from dataclasses import dataclass

from generator.model.organisation import CORE_TOPICS
from generator.plan.labels import REGULATION_DATABASES
from generator.schema import Provision, Regulation, StandardStructure, Topic, Unit


@dataclass(frozen=True)
class TopicSection:
    """One section of quoted provisions, or the notice of core topics not yet quoted."""

    topics: tuple[Topic, ...]
    """One topic; or every core topic, when none of them is quoted (one notice for all)."""
    quotes: tuple[Provision, ...] = ()

    @property
    def is_missing(self) -> bool:
        return not self.quotes

    @property
    def is_all_missing(self) -> bool:
        return self.is_missing and len(self.topics) > 1


def topic_sections(record: Unit | StandardStructure) -> tuple[TopicSection, ...]:
    """The record's quotations by topic, in topic order.

    A core topic without a quotation gets its own short notice; when no core topic is quoted,
    one notice stands for them all, where the first would be, rather than one box each.
    """
    quoted = {t: tuple(p for p in record.ketentuan if p.topik is t) for t in Topic}
    none_quoted = not any(quoted[t] for t in CORE_TOPICS)
    sections = []
    for topic in Topic:
        if quoted[topic]:
            sections.append(TopicSection((topic,), quoted[topic]))
        elif topic in CORE_TOPICS and not none_quoted:
            sections.append(TopicSection((topic,)))
        elif topic is CORE_TOPICS[0] and none_quoted:
            sections.append(TopicSection(CORE_TOPICS))
    return tuple(sections)


@dataclass(frozen=True)
class OfficialCopy:
    """Where the page sends a reader for the regulation's legal text."""

    url: str
    confirmed: bool
    """True: the regulation's own official copy. False: the official database to search."""
    database: str | None = None
    """The database's name, when the link is to the database."""


def official_copy(regulation: Regulation) -> OfficialCopy:
    """The confirmed official copy, else the official database for the regulation's kind."""
    if regulation.tautan_resmi:
        return OfficialCopy(regulation.tautan_resmi, confirmed=True)
    name, url = REGULATION_DATABASES[regulation.jenis]
    return OfficialCopy(url, confirmed=False, database=name)
