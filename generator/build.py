"""The pipeline: check content, plan, render pages and charts, write; then MkDocs builds the site.

Content errors stop everything before a file is touched, and MkDocs builds into a fresh
folder that replaces ``site/`` only when the build succeeded.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.errors import ContentError, GeneratorError
from generator.load import load_content
from generator.model import Organisation
from generator.opendata import data_files
from generator.render.charts import PendingCharts, standalone_svg
from generator.render.pages import environment, render_page
from generator.site import plan
from generator.urls import GENERATED_DIRS, NAV_FILE, chart_file
from generator.validate import Checked, check
from generator.write import WriteReport, write_tree

CHART_CACHE = ".cache/bagan"
GENERATED_NOTICE = (
    "Berkas di folder ini dibuat oleh generator dari content/. Jangan disunting: ubah berkas YAML "
    "di content/ lalu jalankan 'make build'.\n"
)


@dataclass(frozen=True)
class Generated:
    """The outcome of a generation run."""

    checked: Checked
    report: WriteReport
    pages: int
    charts: int


def check_content(content_dir: Path) -> Checked:
    """Load and validate the content folder."""
    return check(load_content(content_dir))


def render_files(
    org: Organisation, cache_dir: Path | None = None
) -> tuple[dict[str, bytes], int, int]:
    """Every generated file, by path relative to docs/: pages, chart files and navs."""
    site = plan(org)
    charts = [page.chart for page in site.pages if page.chart is not None]
    pending = PendingCharts(charts, cache_dir)
    env = environment()
    # Pages are rendered while dot draws; each chart's place is marked and filled in afterwards.
    texts = {
        page.path: render_page(env, page, _slot(page.chart.id) if page.chart else None)
        for page in site.pages
    }
    svgs = pending.result()
    files: dict[str, bytes] = {}
    for page in site.pages:
        text = texts[page.path]
        if page.chart is not None:
            svg = svgs[page.chart.id]
            text = text.replace(_slot(page.chart.id), svg)
            files[chart_file(page.path)] = standalone_svg(svg).encode("utf-8")
        files[page.path] = text.encode("utf-8")
    for section, nav in site.navs.items():
        # JSON is YAML too, and much faster to write than PyYAML's emitter.
        files[f"{section}/{NAV_FILE}"] = json.dumps(nav, ensure_ascii=False, indent=1).encode(
            "utf-8"
        )
    files.update(data_files(org))
    for section in GENERATED_DIRS:
        files[f"{section}/.JANGAN-DISUNTING"] = GENERATED_NOTICE.encode("utf-8")
    return files, len(site.pages), len(charts)


def _slot(chart_id: str) -> str:
    return f"\x00bagan:{chart_id}\x00"


def generate(content_dir: Path, docs_dir: Path) -> Generated:
    """Check the content and write the generated pages into ``docs_dir``.

    Raises:
        ContentError: the content has errors; nothing was written.
        GeneratorError: a chart could not be drawn; nothing was written.
    """
    checked = check_content(content_dir)
    if checked.records is None:
        raise ContentError(checked.errors)
    org = Organisation.build(checked.records)
    # Charts are cached by content hash beside docs/, so an unchanged chart is never drawn again.
    files, pages, charts = render_files(org, docs_dir.parent / CHART_CACHE)
    report = write_tree(docs_dir, files, GENERATED_DIRS)
    return Generated(checked, report, pages, charts)


class _Collect(logging.Handler):
    """Keeps MkDocs' warnings and errors, to report them if the strict build fails."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.levelname}: {record.getMessage()}")


def run_mkdocs(config_file: Path, site_dir: Path) -> None:
    """Build the site with MkDocs into ``site_dir`` (strict: any warning fails the build).

    MkDocs runs in this process: the modules the generator already imported are not loaded again.
    """
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    added_epoch = False
    if "SOURCE_DATE_EPOCH" not in os.environ and (stamp := _last_commit_time(config_file.parent)):
        # Builds of the same commit are byte-identical, whatever day they run (sitemap dates).
        os.environ["SOURCE_DATE_EPOCH"] = stamp
        added_epoch = True
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    logger = logging.getLogger("mkdocs")
    collect = _Collect()
    logger.addHandler(collect)
    propagate, logger.propagate = logger.propagate, False
    try:
        config = load_config(str(config_file), strict=True, site_dir=str(site_dir))
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


def _last_commit_time(folder: Path) -> str | None:
    try:
        result = subprocess.run(
            ["git", "-C", str(folder), "log", "-1", "--format=%ct"],
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return None
    stamp = result.stdout.strip()
    return stamp if result.returncode == 0 and stamp.isdigit() else None


def publish(config_file: Path, site_dir: Path) -> None:
    """Build into a fresh folder beside ``site_dir`` and swap it in only on success."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-baru-", dir=site_dir.parent))
    try:
        run_mkdocs(config_file, staging)
        old = site_dir.with_name(f".{site_dir.name}-lama")
        shutil.rmtree(old, ignore_errors=True)
        if site_dir.exists():
            site_dir.rename(old)
        staging.rename(site_dir)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def build(content_dir: Path, config_file: Path, site_dir: Path) -> Generated:
    """Generate the pages, then build and publish the site."""
    generated = generate(content_dir, docs_dir(config_file))
    publish(config_file, site_dir)
    return generated


def docs_dir(config_file: Path) -> Path:
    """The docs folder named by the MkDocs config (``docs`` beside it by default)."""
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    except (OSError, yaml.YAMLError) as error:
        raise GeneratorError(
            f"konfigurasi MkDocs {config_file} tidak dapat dibaca: {error}"
        ) from error
    return config_file.parent / str(config.get("docs_dir", "docs"))


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose Material tags (!!python/name:…) only MkDocs needs to resolve."""


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
