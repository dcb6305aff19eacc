"""MkDocs as the pipeline runs it: strict, quiet, and either in this process or in a second one.

A build starts the second process first: while this process checks the content, draws the
charts and writes the pages, that one imports MkDocs, Material and the Markdown extensions; then
it builds the site while this process lays out the printable book. MkDocs never waits for the
book: it does not read the PDF (a placeholder stands in for it until the real one is copied into
the finished site).
"""

from __future__ import annotations

import importlib
import logging
import multiprocessing
import os
import traceback
from multiprocessing.connection import Connection
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


def load_strict_config(config_file: Path, site_dir: Path) -> Any:
    """The MkDocs configuration, strict, building into ``site_dir``, with the book placeholder."""
    from mkdocs.config import load_config

    config = load_config(str(config_file), strict=True, site_dir=str(site_dir))
    config.plugins["generator-buku"] = book_placeholder()
    return config


def run_mkdocs(config_file: Path, site_dir: Path, epoch: str | None = None) -> None:
    """Build the site with MkDocs into ``site_dir`` (strict: any warning fails the build).

    ``epoch`` is SOURCE_DATE_EPOCH for this build when the environment does not set one.
    """
    warm_up()
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.exceptions import MkDocsException

    added_epoch = epoch is not None and "SOURCE_DATE_EPOCH" not in os.environ
    if added_epoch:
        os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    logger = logging.getLogger("mkdocs")
    collect = CollectWarnings()
    logger.addHandler(collect)
    propagate, logger.propagate = logger.propagate, False
    try:
        config = load_strict_config(config_file, site_dir)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
    except (MkDocsException, OSError) as error:
        details = "\n".join([*collect.messages, str(error)])
        raise GeneratorError(f"MkDocs gagal membangun situs:\n{details}") from error
    finally:
        logger.removeHandler(collect)
        logger.propagate = propagate
        if added_epoch:
            del os.environ["SOURCE_DATE_EPOCH"]


def _second_process(connection: Connection) -> None:
    """The second process: warm up, then run the one build it is sent (or none)."""
    warm_up()
    try:
        config_file, site_dir, epoch = connection.recv()
    except EOFError:
        return  # the build stopped before MkDocs was needed (e.g. content errors)
    try:
        run_mkdocs(Path(config_file), Path(site_dir), epoch)
        connection.send(("ok", ""))
    except GeneratorError as error:
        connection.send(("galat", str(error)))
    except BaseException:  # reported to the parent, which fails the build
        connection.send(("bug", traceback.format_exc()))


class MkDocsProcess:
    """MkDocs in a second process, started now so that its imports overlap the generation.

    ``spawn`` (not ``fork``): the child starts clean, whatever threads this process runs.
    """

    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")
        self.connection, child = context.Pipe()
        self.process = context.Process(
            target=_second_process, args=(child,), name="mkdocs", daemon=True
        )
        self.process.start()
        child.close()
        self.started = self.finished = False

    def start(self, config_file: Path, site_dir: Path, epoch: str | None) -> None:
        """Build ``config_file`` into ``site_dir``; ``wait`` for the outcome."""
        self.connection.send((str(config_file), str(site_dir), epoch))
        self.started = True

    def wait(self) -> None:
        """Raises GeneratorError when MkDocs failed (its messages included)."""
        try:
            kind, message = self.connection.recv()
            self.finished = True
        except EOFError as error:
            code = self.process.exitcode
            raise GeneratorError(f"proses MkDocs berhenti tanpa hasil (kode {code})") from error
        if kind == "galat":
            raise GeneratorError(message)
        if kind == "bug":
            raise RuntimeError(f"MkDocs di proses kedua gagal:\n{message}")

    def close(self) -> None:
        """Stop the process if it still runs (a build that failed before or during MkDocs)."""
        self.connection.close()
        # A finished build's process ends by itself; one that was never sent a build ends once
        # it sees the closed connection; one still building is not waited for.
        self.process.join(timeout=5 if self.finished else 0.5 if not self.started else 0)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join()
