"""Rules about regulations: every reference names one that exists, and articles are written alike."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.content.load import Path_
from generator.content.rules.context import Context, Located, suggest
from generator.errors import Problem
from generator.messages import hint
from generator.schema import Regulation, StandardStructure, Unit

_NUMBER = r"\d+[A-Z]?"
_ITEM = rf"{_NUMBER}(?:[–-]{_NUMBER})?(?: ayat \(\d+[a-z]?\))?(?: huruf [a-z])?"
#: 'Pasal 79', 'Pasal 5A', 'Pasal 88 ayat (1)', 'Pasal 5 huruf a', 'Pasal 77–79, 82, dan 86'.
ARTICLE = re.compile(rf"^Pasal {_ITEM}(?:, {_ITEM})*(?:,? dan {_ITEM})?$")


def _references(located: Located) -> Iterator[tuple[Path_, str, str | None]]:
    """(path, regulation id, article) of every reference a record makes to a regulation."""
    record, prefix = located.record, located.path
    if isinstance(record, Unit | StandardStructure):
        for i, basis in enumerate(record.dasar_hukum):
            yield (*prefix, "dasar_hukum", i), basis.peraturan, basis.pasal
        for j, provision in enumerate(record.ketentuan):
            yield (*prefix, "ketentuan", j), provision.peraturan, provision.pasal
    if isinstance(record, Regulation):
        for k, relation in enumerate(record.hubungan):
            yield (*prefix, "hubungan", k), relation.peraturan, relation.pasal


def regulation_references(ctx: Context) -> Iterator[Problem]:
    """Legal bases, quoted provisions and relations name a regulation that exists."""
    for located in ctx.records:
        for path, target, _ in _references(located):
            if target in ctx.regulation_ids:
                continue
            match = suggest(target, ctx.regulation_ids.valid)
            yield ctx.problem(
                located.document,
                (*path, "peraturan"),
                "peraturan-tidak-ditemukan",
                target=target,
                hint=hint("maksud", match=match) if match else "",
            )


def self_relations(ctx: Context) -> Iterator[Problem]:
    """A regulation does not amend, enact or revoke itself."""
    for regulation, document in ctx.regulations:
        for i, relation in enumerate(regulation.hubungan):
            if relation.peraturan == regulation.id:
                yield ctx.problem(document, ("hubungan", i, "peraturan"), "peraturan-merujuk-diri")


def article_forms(ctx: Context) -> Iterator[Problem]:
    """Warnings: articles written one way, so pages read alike and links to articles can follow."""
    for located in ctx.records:
        for path, _, article in _references(located):
            if article is not None and not ARTICLE.match(article):
                yield ctx.problem(
                    located.document, (*path, "pasal"), "pasal-tidak-baku", value=article
                )
