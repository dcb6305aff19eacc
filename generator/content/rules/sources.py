"""Rules about sources: every reference names an entry of content/sumber.yml; addresses use https
and name their host without a trailing dot."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from generator.content.load import Path_, RawDocument
from generator.content.rules.context import Context, did_you_mean
from generator.content.rules.public_record import dated_citations
from generator.errors import Problem
from generator.schema import Province, Regency, Regulation


def source_references(ctx: Context) -> Iterator[Problem]:
    """Every ``sumber`` id is listed in content/sumber.yml (silent when that file is unreadable)."""
    for located in ctx.records:
        for path, source in _cited(located.record, located.path):
            if source not in ctx.source_ids:
                yield ctx.problem(
                    located.document,
                    path,
                    "sumber-tidak-ditemukan",
                    target=source,
                    hint=did_you_mean(source, ctx.source_ids.valid),
                )


def _cited(record: object, at: Path_) -> Iterator[tuple[Path_, str]]:
    """The record's own sources, those of each quoted provision it carries, then those of its
    public-record statements, office holders and confirmed site."""
    for i, source in enumerate(getattr(record, "sumber", [])):
        yield (*at, "sumber", i), source
    for n, provision in enumerate(getattr(record, "ketentuan", [])):
        for i, source in enumerate(provision.sumber):
            yield (*at, "ketentuan", n, "sumber", i), source
    for path, source, _ in dated_citations(record, at):
        yield path, source


def _addresses(ctx: Context) -> Iterator[tuple[RawDocument, Path_, str]]:
    if ctx.sources_document is not None:
        for key, source in ctx.sources.items():
            if source.url:
                yield ctx.sources_document, (key, "url"), source.url
    for located in ctx.records:
        record = located.record
        if isinstance(record, Regulation) and record.tautan_resmi:
            yield located.document, (*located.path, "tautan_resmi"), record.tautan_resmi
        if isinstance(record, Province | Regency) and record.situs:
            yield located.document, (*located.path, "situs"), record.situs


def plain_http(ctx: Context) -> Iterator[Problem]:
    """Warnings: ``http://`` addresses, which browsers flag and networks can tamper with."""
    for document, path, url in _addresses(ctx):
        if url.lower().startswith("http://"):
            yield ctx.problem(document, path, "url-http", url=url)


#: The dots at the end of a host, before its port if any.
_TRAILING_DOTS = re.compile(r"\.+(?=(?::\d*)?$)")


def host_dots(ctx: Context) -> Iterator[Problem]:
    """A host ending in a dot ('jdih.kpu.go.id.'): valid for DNS, but a slip when copying a URL
    from the end of a sentence, and shown to readers as a broken-looking link."""
    for document, path, url in _addresses(ctx):
        parts = urlsplit(url)
        host = parts.hostname or ""
        if host.endswith("."):
            fixed = parts._replace(netloc=_TRAILING_DOTS.sub("", parts.netloc)).geturl()
            yield ctx.problem(document, path, "url-host-bertitik", host=host, url=url, fixed=fixed)
