"""The preview's site: MkDocs kept in memory after one full build, then only changed pages.

A full build (``mkdocs.commands.build.build``) reads and renders every page; this one keeps what
it gathered (configuration, files, navigation, theme environment, every page's Markdown and HTML)
and, after an edit, reads and renders only the pages whose source changed, with MkDocs' own
functions and events, and copies only the changed static files. A changed page comes out exactly
as a full build would make it; what is not rebuilt may show something stale: other pages'
navigation (a renamed unit keeps its old name in the menus of pages that were not rewritten), the
search index, the sitemap and the 404 page. A full build happens when the set of files changes
(a page added or removed), when mkdocs.yml, the theme overrides or the sources' footnotes change,
and after a failed update.

Pages are rendered in memory first and written only when all of them succeeded, each file
atomically, so the site being served is never half-updated.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.errors import GeneratorError
from generator.pipeline.build import FOOTNOTES, GENERATED_CONFIG, SITE_STAMP
from generator.pipeline.config import docs_dir
from generator.pipeline.mkdocs_engine import (
    load_strict_config,
    mkdocs_failed,
    strict_messages,
    warm_up,
)
from generator.pipeline.search_index import compact
from generator.pipeline.write import WriteReport, sync_tree, write_atomic
from generator.urls import BOOK_FILE

#: Besides docs/ and the configurations (mkdocs*.yml), what a page's HTML depends on; a change
#: here means a full build.
_FULL_REBUILD_INPUTS = ("overrides", FOOTNOTES)


@dataclass(frozen=True)
class Update:
    """What one refresh did."""

    full: bool
    """A full build (True) or only the changed files (False)."""
    pages: list[str] = field(default_factory=list)
    """Pages rebuilt (source paths under docs/); every page on a full build."""
    files: int = 0
    """Files written into the site."""


def _stamps(folder: Path) -> dict[str, tuple[int, int]]:
    """Modification time and size of every file under ``folder``, by relative path."""
    found = {}
    for path in folder.rglob("*"):
        if path.is_file() and not path.name.startswith("."):
            stat = path.stat()
            found[path.relative_to(folder).as_posix()] = (stat.st_mtime_ns, stat.st_size)
    return found


class LiveSite:
    """MkDocs' state for one project, kept between builds of the preview."""

    def __init__(self, config_file: Path, site_dir: Path) -> None:
        self.root = config_file.parent
        self.config_file = self.root / GENERATED_CONFIG
        self.docs = docs_dir(config_file)
        self.site_dir = site_dir.resolve()
        self.state: dict[str, Any] | None = None
        self.docs_stamps: dict[str, tuple[int, int]] = {}
        self.other_stamps: dict[str, tuple[int, int]] = {}
        self.nav_source: Any = None
        warm_up()

    def _nav(self) -> Any:
        # The generated configuration is JSON after its comment line (pipeline.build).
        text = self.config_file.read_text(encoding="utf-8")
        return json.loads(text.split("\n", 1)[1]).get("nav")

    def refresh(self) -> Update:
        """Bring the site up to date with docs/ and the generated configuration.

        Raises:
            GeneratorError: MkDocs failed (strict: a warning fails too); the site is unchanged.
        """
        docs_stamps = _stamps(self.docs)
        docs_stamps.pop(BOOK_FILE, None)  # made when asked for (tools.preview), not with pages
        other = _other_inputs(self.root)
        if (
            self.state is None
            or other != self.other_stamps
            or docs_stamps.keys() != self.docs_stamps.keys()
        ):
            return self._full(docs_stamps, other)
        changed = sorted(k for k, v in docs_stamps.items() if self.docs_stamps[k] != v)
        try:
            update = self._incremental(changed)
        except GeneratorError:
            self.state = None  # the next refresh starts over
            raise
        self.docs_stamps = docs_stamps
        return update

    def _full(
        self, docs_stamps: dict[str, tuple[int, int]], other: dict[str, tuple[int, int]]
    ) -> Update:
        from mkdocs.commands.build import build as mkdocs_build
        from mkdocs.exceptions import MkDocsException

        kept: dict[str, Any] = {}
        self.state = None
        self.site_dir.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(
            tempfile.mkdtemp(prefix=f".{self.site_dir.name}-baru-", dir=self.site_dir.parent)
        )
        try:
            with strict_messages(None) as collect:
                try:
                    config = load_strict_config(self.config_file, staging)
                    config.plugins["generator-pratinjau"] = _keeper(kept)
                    config.plugins.on_startup(command="build", dirty=False)
                    mkdocs_build(config)
                    compact(staging, config["site_description"])
                    report = self._publish(staging)
                except (MkDocsException, OSError) as error:
                    raise mkdocs_failed(collect.messages, error) from error
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        self.state = {"config": config, **kept}
        self.docs_stamps, self.other_stamps = docs_stamps, other
        self.nav_source = self._nav()
        pages = [f.src_uri for f in kept["files"].documentation_pages()]
        return Update(True, pages, len(report.written))

    def _forget_full_build(self) -> None:
        """The site no longer is what a full build made: the next ``build`` must run MkDocs."""
        (self.root / SITE_STAMP).unlink(missing_ok=True)

    def _publish(self, staging: Path) -> WriteReport:
        self._forget_full_build()
        if self.site_dir.is_dir():
            return sync_tree(staging, self.site_dir)
        staging.rename(self.site_dir)
        return WriteReport(written=[p.name for p in self.site_dir.rglob("*") if p.is_file()])

    def _incremental(self, changed: list[str]) -> Update:
        from mkdocs.commands.build import _populate_page
        from mkdocs.structure.nav import get_navigation

        assert self.state is not None
        config, files, env = self.state["config"], self.state["files"], self.state["env"]
        outputs: dict[str, bytes] = {}
        pages: list[str] = []
        with strict_messages(None) as collect:
            try:
                nav_source = self._nav()
                if nav_source != self.nav_source:
                    # The same File and Page objects (with their rendered content) in a new tree.
                    config["nav"] = nav_source
                    nav = get_navigation(files, config)
                    self.state["nav"] = config.plugins.on_nav(nav, config=config, files=files)
                nav = self.state["nav"]
                doc_files = files.documentation_pages()
                for src in changed:
                    file = files.get_file_from_path(src)
                    if file is None or src == BOOK_FILE:
                        continue  # the preview makes the book when it is asked for
                    if file.is_documentation_page():
                        _populate_page(file.page, config, files)
                        pages.append(src)
                    else:
                        outputs[file.dest_uri] = (self.docs / src).read_bytes()
                for src in pages:
                    page = files.get_file_from_path(src).page
                    outputs[page.file.dest_uri] = _render(config, page, nav, doc_files, env)
                    page.validate_anchor_links(
                        files=files, log_level=config.validation.links.anchors
                    )
            except Exception as error:
                details = "\n".join([*collect.messages, str(error)])
                raise GeneratorError(f"MkDocs gagal membangun halaman:\n{details}") from error
        self.nav_source = nav_source
        if collect.messages:
            self.state = None
            raise GeneratorError("MkDocs gagal membangun halaman:\n" + "\n".join(collect.messages))
        if outputs:
            self._forget_full_build()
        for dest, data in sorted(outputs.items()):
            write_atomic(self.site_dir / dest, data)
        return Update(False, pages, len(outputs))


def _render(config: Any, page: Any, nav: Any, doc_files: Any, env: Any) -> bytes:
    """A page's HTML as mkdocs.commands.build._build_page makes it, kept in memory."""
    from mkdocs.commands.build import get_context

    config._current_page = page
    page.active = True
    try:
        context = get_context(nav, doc_files, config, page)
        template = env.get_template(page.meta.get("template", "main.html"))
        context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
        output = template.render(context)
        output = config.plugins.on_post_page(output, page=page, config=config)
    finally:
        page.active = False
        config._current_page = None
    data: bytes = output.encode("utf-8", errors="xmlcharrefreplace")
    return data


def _other_inputs(root: Path) -> dict[str, tuple[int, int]]:
    """Stamps of the configurations (but the generated one) and of _FULL_REBUILD_INPUTS."""
    found = {}
    configs = sorted(p.name for p in root.glob("mkdocs*.yml"))
    for name in [*(c for c in configs if c != GENERATED_CONFIG), *_FULL_REBUILD_INPUTS]:
        path = root / name
        if path.is_dir():
            found.update({f"{name}/{k}": v for k, v in _stamps(path).items()})
        elif path.is_file():
            stat = path.stat()
            found[name] = (stat.st_mtime_ns, stat.st_size)
    return found


def _keeper(kept: dict[str, Any]) -> Any:
    """A plugin that remembers what MkDocs gathered (files, navigation, theme environment)."""
    from mkdocs.plugins import BasePlugin

    class Keep(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
        def on_files(self, files: Any, /, *, config: Any) -> Any:
            kept["files"] = files
            return files

        def on_nav(self, nav: Any, /, *, config: Any, files: Any) -> Any:
            kept["nav"] = nav
            return nav

        def on_env(self, env: Any, /, *, config: Any, files: Any) -> Any:
            kept["env"] = env
            return env

    return Keep()
