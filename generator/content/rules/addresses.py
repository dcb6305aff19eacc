"""Former addresses (`id_lama`, `nama_lama`): each names a page that no longer exists, once."""

from __future__ import annotations

from collections.abc import Iterator

from generator.content.rules.context import Context
from generator.content.rules.former_addresses import former_address_problems
from generator.errors import Problem


def former_addresses(ctx: Context) -> Iterator[Problem]:
    """A former id or name is not a current one and is not recorded twice."""
    known = set(ctx.unit_ids.valid) | set(ctx.unit_ids.invalid)
    yield from former_address_problems(
        list(ctx.units), known, list(ctx.regions), list(ctx.structures)
    )
