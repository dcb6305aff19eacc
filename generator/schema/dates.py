"""A date as a source states it: a day, a month or only a year.

Sources are dated as precisely as they say, no more: a news item has its day, a yearly report only
its year. The value orders by its earliest day and prints the way Indonesians write dates.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import PlainSerializer, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from generator.messages import message

MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip

FIRST_YEAR, LAST_YEAR = 1945, 2100

PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
#: What the JSON Schema accepts: what the validator below accepts, as the YAML language server
#: reads it (an unquoted 2025 is a number there, an unquoted 2025-10-27 a string).
PARTIAL_DATE_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"


@functools.total_ordering
@dataclass(frozen=True)
class PartialDate:
    """A year, a month of a year, or a day."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def _key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key < other._key

    @property
    def iso(self) -> str:
        """'2025-10-27', '2025-10' or '2025', as written in the content.

        >>> PartialDate(2025, 10).iso
        '2025-10'
        """
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def __str__(self) -> str:
        return self.iso

    @property
    def indonesian(self) -> str:
        """'27 Oktober 2025', 'Oktober 2025' or '2025'.

        >>> PartialDate(2025, 10, 27).indonesian, PartialDate(2025, 10).indonesian
        ('27 Oktober 2025', 'Oktober 2025')
        """
        if self.month is None:
            return str(self.year)
        month = f"{MONTHS[self.month - 1]} {self.year}"
        return month if self.day is None else f"{self.day} {month}"

    @property
    def last_day(self) -> date:
        """The latest day the value may mean: a source dated '2024' may be from 31 December 2024.

        >>> PartialDate(2024, 2).last_day
        datetime.date(2024, 2, 29)
        """
        if self.month is None:
            return date(self.year, 12, 31)
        if self.day is None:
            following = date(self.year + (self.month == 12), self.month % 12 + 1, 1)
            return date.fromordinal(following.toordinal() - 1)
        return date(self.year, self.month, self.day)

    @classmethod
    def parse(cls, value: Any) -> PartialDate:
        """From what YAML gives: a date, a year as a number, or text 'YYYY', 'YYYY-MM', 'YYYY-MM-DD'.

        >>> PartialDate.parse("2025-10"), PartialDate.parse(2025).iso
        (PartialDate(year=2025, month=10, day=None), '2025')
        """
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, date) and not isinstance(value, datetime):
            return cls._checked(value.year, value.month, value.day, value)
        if isinstance(value, int) and not isinstance(value, bool):
            return cls._checked(value, None, None, value)
        if isinstance(value, str) and (found := PARTIAL_DATE.match(value.strip())):
            year, month, day = (int(part) if part else None for part in found.groups())
            return cls._checked(year or 0, month, day, value)
        raise _invalid(value)

    @classmethod
    def _checked(cls, year: int, month: int | None, day: int | None, written: Any) -> PartialDate:
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise _invalid(written)
        try:
            date(year, month or 1, day or 1)
        except ValueError:
            raise _invalid(written) from None
        return cls(year, month, day)


def months_before(day: date, months: int) -> date:
    """The same day ``months`` earlier (the month's last day when it is shorter).

    >>> months_before(date(2025, 3, 31), 1), months_before(date(2024, 2, 29), 12)
    (datetime.date(2025, 2, 28), datetime.date(2023, 2, 28))
    """
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    last = PartialDate(year, month + 1).last_day.day
    return date(year, month + 1, min(day.day, last))


#: A dated fact about a person in a post older than this (before the build date) may be out of date.
STALE_MONTHS = 12


def is_stale(dated: PartialDate, today: date, months: int = STALE_MONTHS) -> bool:
    """Whether even the latest day ``dated`` may mean lies more than ``months`` before ``today``.

    >>> is_stale(PartialDate(2024), date(2025, 12, 31)), is_stale(PartialDate(2024), date(2026, 1, 1))
    (False, True)
    """
    return dated.last_day < months_before(today, months)


def _invalid(value: Any) -> PydanticCustomError:
    shown = value.isoformat() if isinstance(value, date) else str(value)
    return PydanticCustomError(
        "tanggal-sumber-tidak-sah", message("tanggal-sumber-tidak-sah", value=shown[:60])
    )


#: The field type: validated from YAML, written back as 'YYYY[-MM[-DD]]' (open data, JSON).
PartialDateField = Annotated[
    PartialDate,
    PlainValidator(PartialDate.parse),
    PlainSerializer(lambda value: value.iso, return_type=str),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": PARTIAL_DATE_PATTERN},
                {"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR},
            ]
        }
    ),
]
