"""MkDocs as the pipeline runs it: strict, quiet, with a stand-in for the printable book.

MkDocs never waits for the book: it does not read the PDF (a placeholder stands in for it until
the real one is copied into the finished site). ``run_mkdocs`` is MkDocs' own build in this
process; ``pipeline.mkdocs_parallel`` shares the same build out between two processes.
"""

from __future__ import annotations

import functools
import importlib
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from generator.errors import GeneratorError
from generator.urls import BOOK_FILE

#: What loading the configuration and building imports; the second process imports it early.
WARM_MODULES = (
    "mkdocs.commands.build",
    "mkdocs.config",
    "material.plugins.search.plugin",
    "material.extensions.emoji",
    "pymdownx.details",
    "markdown.extensions.toc",
    "markdown.extensions.footnotes",
    "markdown.extensions.md_in_html",
    "markdown.extensions.tables",
    "markdown.extensions.admonition",
    "markdown.extensions.attr_list",
    "generator.render.footnotes",
)


def warm_up() -> None:
    """Import what a build needs, so that the build itself does not wait on imports."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    for name in WARM_MODULES:
        try:
            importlib.import_module(name)
        except ImportError:
            continue


class CollectWarnings(logging.Handler):
    """Keeps MkDocs' warnings and errors, to report them if the strict build fails."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.levelname}: {record.getMessage()}")


def book_placeholder() -> Any:
    """A plugin that gives MkDocs an empty stand-in for the book when docs/ has none yet, so
    links to it check out; the pipeline copies the real PDF over it before publishing."""
    from mkdocs.plugins import BasePlugin
    from mkdocs.structure.files import File, Files

    class BookPlaceholder(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
        def on_files(self, files: Files, /, *, config: Any) -> Files:
            if files.get_file_from_path(BOOK_FILE) is None:
                files.append(File.generated(config, BOOK_FILE, content=b""))
            return files

    return BookPlaceholder()


@functools.cache
def _compiled_templates() -> Any:
    """Theme templates compiled once per process: MkDocs makes a new Jinja environment for every
    build, which compiled Material's ~45 templates again (most of a second) on every rebuild of
    the preview. Jinja checks each template's source against the checksum it was compiled from."""
    from jinja2 import BytecodeCache
    from jinja2.bccache import Bucket

    class InMemory(BytecodeCache):
        def __init__(self) -> None:
            self.compiled: dict[str, bytes] = {}

        def load_bytecode(self, bucket: Bucket) -> None:
            code = self.compiled.get(bucket.key)
            if code is not None:
                bucket.bytecode_from_string(code)

        def dump_bytecode(self, bucket: Bucket) -> None:
            self.compiled[bucket.key] = bucket.bytecode_to_string()

    return InMemory()


def template_cache() -> Any:
    """A plugin that gives the theme's Jinja environment the process's compiled templates."""
    from mkdocs.plugins import BasePlugin

    class TemplateCache(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
        def on_env(self, env: Any, /, *, config: Any, files: Any) -> Any:
            env.bytecode_cache = _compiled_templates()
            return env

    return TemplateCache()


def load_strict_config(config_file: Path, site_dir: Path) -> Any:
    """The MkDocs configuration, strict, building into ``site_dir``, with the book placeholder
    and the process's compiled templates."""
    from mkdocs.config import load_config

    config = load_config(str(config_file), strict=True, site_dir=str(site_dir))
    config.plugins["generator-buku"] = book_placeholder()
    config.plugins["generator-templat"] = template_cache()
    return config


@contextmanager
def strict_messages(epoch: str | None) -> Iterator[CollectWarnings]:
    """MkDocs' log kept, not printed (strict: a warning fails the build), and
    SOURCE_DATE_EPOCH set to ``epoch`` for the build when the environment does not set one."""
    added_epoch = epoch is not None and "SOURCE_DATE_EPOCH" not in os.environ
    if added_epoch:
        os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    logger = logging.getLogger("mkdocs")
    collect = CollectWarnings()
    logger.addHandler(collect)
    propagate, logger.propagate = logger.propagate, False
    try:
        yield collect
    finally:
        logger.removeHandler(collect)
        logger.propagate = propagate
        if added_epoch:
            del os.environ["SOURCE_DATE_EPOCH"]


def mkdocs_failed(messages: list[str], error: BaseException | None = None) -> GeneratorError:
    """The build's error: MkDocs' warnings and errors, then the exception's own message."""
    details = "\n".join([*messages, *([str(error)] if error is not None else [])])
    return GeneratorError(f"MkDocs gagal membangun situs:\n{details}")


def run_mkdocs(config_file: Path, site_dir: Path, epoch: str | None = None) -> None:
    """Build the site with MkDocs into ``site_dir`` (strict: any warning fails the build).

    ``epoch`` is SOURCE_DATE_EPOCH for this build when the environment does not set one.
    """
    warm_up()
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.exceptions import MkDocsException

    with strict_messages(epoch) as collect:
        try:
            config = load_strict_config(config_file, site_dir)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build(config)
            finally:
                config.plugins.on_shutdown()
        except (MkDocsException, OSError) as error:
            raise mkdocs_failed(collect.messages, error) from error
