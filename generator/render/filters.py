"""Formatting filters for the templates (dates and lists as Indonesians write them), and the
Jinja environment every output starts from."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from jinja2 import Environment, PackageLoader, StrictUndefined

from generator.plan.labels import template_labels

MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip


def tanggal(value: date) -> str:
    """A date as Indonesians write it.

    >>> tanggal(date(2017, 8, 15))
    '15 Agustus 2017'
    """
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def daftar(items: Iterable[str]) -> str:
    """Join items the Indonesian way: 'a', 'a dan b', 'a, b, dan c'.

    >>> daftar(["a"]), daftar(["a", "b"]), daftar(["a", "b", "c"])
    ('a', 'a dan b', 'a, b, dan c')
    """
    items = list(items)
    if len(items) <= 2:
        return " dan ".join(items)
    return ", ".join(items[:-1]) + ", dan " + items[-1]


def base_environment(*, autoescape: bool, keep_trailing_newline: bool = False) -> Environment:
    """The settings, filters and labels every template environment shares (pages, book)."""
    env = Environment(
        loader=PackageLoader("generator.render", "templates"),
        autoescape=autoescape,
        undefined=StrictUndefined,
        keep_trailing_newline=keep_trailing_newline,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.filters.update(tanggal=tanggal, daftar=daftar)
    env.globals.update(template_labels())
    return env
