"""What a record still lacks, decided once: `check`'s warnings for reviewers, the pages' "Belum
tersedia" notes and the *Kelengkapan Data* page all ask here, so they never disagree."""

from __future__ import annotations

from generator.schema import Provision, Regulation, StandardStructure, Topic, Unit

#: Topics every unit and standard structure is expected to quote; a page says plainly when the
#: wording is not yet known, and the gap counts as missing.
CORE_TOPICS = (Topic.DUTIES, Topic.FUNCTIONS)


def quotes(record: Unit | StandardStructure, topic: Topic) -> list[Provision]:
    """The record's quotations on one topic, in the order written."""
    return [p for p in record.ketentuan if p.topik is topic]


def lacks_topic(record: Unit | StandardStructure, topic: Topic) -> bool:
    """No quotation on the topic yet: its wording is not published (never written from memory)."""
    return not quotes(record, topic)


def duties_missing(record: Unit | StandardStructure) -> bool:
    """The record's duties (tugas) are not quoted yet, whether the unit is active or dissolved."""
    return lacks_topic(record, Topic.DUTIES)


def sources_missing(record: Unit | StandardStructure | Regulation) -> bool:
    """No source backs the record's facts yet."""
    return not record.sumber
