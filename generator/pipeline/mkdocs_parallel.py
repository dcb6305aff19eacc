"""MkDocs' build shared out between this process and a second one: the same functions and plugin
events as ``mkdocs.commands.build.build``, in the same order, each process rendering its share
of the pages.

A page's HTML needs its own Markdown rendered and, of every other page, only what the navigation
shows (title and front matter) and, to check links into it, its anchors. So each process gathers
the configuration, files and navigation, renders the Markdown of its share of the pages, sends
the other what navigation and link checks need of them, and writes its share's HTML. The first
share, in the navigation's order, is the second process's; this one writes the rest, the
site's other files (static files, the theme's 404 page and sitemap) and the search index from
both shares' entries, first share first. Every page comes out as a build in one process makes
it (a test compares the two byte for byte).

The second process is started before the pages are generated, so that its imports (MkDocs,
Material, the Markdown extensions) overlap the generation.
"""

from __future__ import annotations

import multiprocessing
import os
import traceback
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from generator.errors import GeneratorError
from generator.pipeline.mkdocs_engine import (
    load_strict_config,
    mkdocs_failed,
    strict_messages,
    warm_up,
)

#: Per page (by source path), what the other process needs of it: its front matter, the title
#: its Markdown gave it, and the anchors it holds.
PageFacts = dict[str, tuple[dict[str, Any], str | None, set[str] | None]]
#: The second process's share of the pages' Markdown (by size), when this process has nothing
#: else to do meanwhile.
EVEN_SHARE = 0.5


@dataclass
class Gathered:
    """What MkDocs gathers before it renders a page: configuration, files, navigation, theme."""

    config: Any
    files: Any
    nav: Any
    env: Any

    def pages(self) -> list[Any]:
        """The pages to build, in the order MkDocs builds them."""
        from mkdocs.structure.files import InclusionLevel

        included = self.files.documentation_pages(inclusion=InclusionLevel.is_included)
        return [file.page for file in included]


def gather(config_file: Path, site_dir: Path) -> Gathered:
    """Configuration, files and navigation, with the plugin events MkDocs runs before pages."""
    from mkdocs.structure.files import get_files, set_exclusions
    from mkdocs.structure.nav import get_navigation
    from mkdocs.structure.pages import Page

    config = load_strict_config(config_file, site_dir)
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    config.plugins.on_pre_build(config=config)
    files = get_files(config)
    env = config.theme.get_env()
    files.add_files_from_theme(env, config)
    files = config.plugins.on_files(files, config=config)
    set_exclusions(files, config)
    nav = get_navigation(files, config)
    nav = config.plugins.on_nav(nav, config=config, files=files)
    for file in files.documentation_pages():
        if file.page is None and file.inclusion.is_not_in_nav():
            Page(None, file, config)
    return Gathered(config, files, nav, env)


def first_share(pages: list[Any], share: float) -> int:
    """How many pages, from the first, hold ``share`` of all the pages' Markdown (by size)."""
    sizes = [os.path.getsize(p.file.abs_src_path) if p.file.abs_src_path else 0 for p in pages]
    target, total = share * sum(sizes), 0
    for count, size in enumerate(sizes):
        if total + size / 2 > target:
            return count
        total += size
    return len(pages)


def render_markdown(gathered: Gathered, pages: list[Any]) -> PageFacts:
    """Render these pages' Markdown; returns what the other process needs of them."""
    from mkdocs.commands.build import _populate_page

    for page in pages:
        _populate_page(page, gathered.config, gathered.files)
    return {p.file.src_uri: (p.meta, p._title_from_render, p.present_anchor_ids) for p in pages}


def adopt(gathered: Gathered, facts: PageFacts) -> None:
    """Take in the other process's pages, then let plugins see the theme's environment."""
    for src_uri, (meta, title, anchors) in facts.items():
        page = gathered.files.get_file_from_path(src_uri).page
        # Rendered elsewhere: empty, but not None, so that its title is the rendered one.
        page.markdown, page.content = "", ""
        page.meta, page._title_from_render, page.present_anchor_ids = meta, title, anchors
    config = gathered.config
    gathered.env = config.plugins.on_env(gathered.env, config=config, files=gathered.files)


def write_pages(gathered: Gathered, pages: list[Any]) -> None:
    """Write these pages' HTML, then check their links to other pages' anchors."""
    from mkdocs.commands.build import _build_page

    config = gathered.config
    doc_files = [page.file for page in gathered.pages()]
    for page in pages:
        excluded = page.file.inclusion.is_excluded()
        _build_page(page, config, doc_files, gathered.nav, gathered.env, excluded=excluded)
    anchors = config.validation.links.anchors
    for page in pages:
        page.validate_anchor_links(files=gathered.files, log_level=anchors)


def write_site_files(gathered: Gathered) -> None:
    """What MkDocs writes besides pages: static files, the theme's templates (404 page, sitemap)
    and extra templates."""
    from mkdocs.commands.build import _build_extra_template, _build_theme_template

    config, files, nav, env = gathered.config, gathered.files, gathered.nav, gathered.env
    files.copy_static_files()
    for template in config.theme.static_templates:
        _build_theme_template(template, env, files, config, nav)
    for template in config.extra_templates:
        _build_extra_template(template, files, config, nav)


def search_entries(gathered: Gathered) -> list[dict[str, Any]]:
    """The entries Material's search plugin made of the pages written here."""
    entries: list[dict[str, Any]] = gathered.config.plugins["material/search"].search_index.entries
    return entries


def _second_process(connection: Connection) -> None:
    """The second process: warm up, then build the first share of the one build it is sent."""
    warm_up()
    try:
        config_file, site_dir, epoch, share = connection.recv()
    except EOFError:
        return  # the build stopped before MkDocs was needed (e.g. content errors)
    try:
        with strict_messages(epoch) as collect:
            gathered = gather(Path(config_file), Path(site_dir))
            pages = gathered.pages()
            mine = pages[: first_share(pages, share)]
            connection.send(("halaman", render_markdown(gathered, mine)))
            adopt(gathered, connection.recv())
            write_pages(gathered, mine)
            gathered.config.plugins.on_shutdown()
            connection.send(("selesai", (search_entries(gathered), collect.messages)))
    except Exception as error:  # reported to the parent, which fails the build
        from mkdocs.exceptions import MkDocsException

        if isinstance(error, MkDocsException | OSError):
            connection.send(("galat", str(mkdocs_failed(collect.messages, error))))
        else:
            connection.send(("bug", traceback.format_exc()))


class MkDocsProcess:
    """The second process, started now so that its imports overlap the generation.

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
        self.build: tuple[Path, Path, str | None, float] = (Path(), Path(), None, EVEN_SHARE)

    def _receive(self, expected: str) -> Any:
        try:
            kind, value = self.connection.recv()
        except EOFError as error:
            code = self.process.exitcode
            raise GeneratorError(f"proses MkDocs berhenti tanpa hasil (kode {code})") from error
        if kind == "galat":
            raise GeneratorError(value)
        if kind == "bug":
            raise RuntimeError(f"MkDocs di proses kedua gagal:\n{value}")
        assert kind == expected, kind
        return value

    def start(
        self, config_file: Path, site_dir: Path, epoch: str | None, share: float = EVEN_SHARE
    ) -> None:
        """Start building the site into ``site_dir``: ``share`` of the pages' Markdown (by
        size) in the second process; ``finish`` builds the rest here."""
        self.connection.send((str(config_file), str(site_dir), epoch, share))
        self.started = True
        self.build = (config_file, site_dir, epoch, share)

    def finish(self) -> None:
        """Build this process's share and the site's other files; wait for the other share.

        Raises:
            GeneratorError: MkDocs failed or warned (strict), in either process.
        """
        from mkdocs.exceptions import MkDocsException

        config_file, site_dir, epoch, share = self.build
        with strict_messages(epoch) as collect:
            try:
                gathered = gather(config_file, site_dir)
                pages = gathered.pages()
                mine = pages[first_share(pages, share) :]
                facts = render_markdown(gathered, mine)
                adopt(gathered, self._receive("halaman"))
                self.connection.send(facts)
                write_site_files(gathered)
                write_pages(gathered, mine)
                first, warned = self._receive("selesai")
                self.finished = True
                index = gathered.config.plugins["material/search"].search_index
                index.entries = first + index.entries
                gathered.config.plugins.on_post_build(config=gathered.config)
                gathered.config.plugins.on_shutdown()
            except (MkDocsException, OSError) as error:
                raise mkdocs_failed(collect.messages, error) from error
            if warned or collect.messages:
                raise mkdocs_failed([*warned, *collect.messages])

    def close(self) -> None:
        """Stop the process if it still runs (a build that failed before or during MkDocs)."""
        self.connection.close()
        # A finished build's process ends by itself; one that was never sent a build ends once
        # it sees the closed connection; one still building is not waited for.
        self.process.join(timeout=5 if self.finished else 0.5 if not self.started else 0)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join()
