"""The pipeline: check content, plan, render pages and charts, write; then MkDocs builds the site.

Content errors stop everything before a file is touched. MkDocs builds into a fresh folder,
and only when it succeeded are the files that differ copied into ``site/``. When nothing MkDocs
reads has changed since the last build, MkDocs is not run at all.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

from generator.content.load import load_content
from generator.content.validate import Checked, check
from generator.errors import ContentError, GeneratorError, Severity
from generator.handwritten.citations import check_pages, definitions
from generator.handwritten.links import broken_links, hand_written_pages
from generator.model.organisation import Organisation
from generator.pipeline.config import build_date, docs_dir, read_config, source_date_epoch
from generator.pipeline.pdf import book_pdf, edition, font_faces, narratives
from generator.pipeline.search_index import compact
from generator.pipeline.write import (
    WriteReport,
    read_cache,
    sync_tree,
    update_cache,
    write_atomic,
    write_tree,
)
from generator.plan.page import SitePlan
from generator.plan.redirects import redirects
from generator.plan.repository import Repository
from generator.plan.site import plan
from generator.render.book_html import book_html
from generator.render.chart_svg import PendingCharts, chart_jobs, standalone_svg
from generator.render.chart_views import full_size_view, views
from generator.render.opendata import data_files
from generator.render.pages import environment, render_page
from generator.render.palette import site_css
from generator.render.redirect_pages import redirect_files
from generator.urls import BOOK_FILE, CHART_CSS, GENERATED_DIRS, chart_file

#: Caches live outside .cache/, which other tools (Zensical's --clean) delete wholesale.
CACHE_DIR = ".tembolok"
CHART_CACHE = f"{CACHE_DIR}/bagan"
SITE_STAMP = f"{CACHE_DIR}/situs.json"
#: Footnote definitions of every source (generator.render.footnotes adds the ones a page cites).
FOOTNOTES = f"{CACHE_DIR}/catatan-kaki.md"
BOOK_CACHE = f"{CACHE_DIR}/buku"
#: The configuration MkDocs reads: the hand-written mkdocs.yml plus the complete navigation.
GENERATED_CONFIG = "mkdocs.gen.yml"
GENERATED_NOTICE = (
    "Berkas di folder ini dibuat oleh generator dari content/. Jangan disunting: ubah berkas YAML "
    "di content/ lalu jalankan 'make build'.\n"
)
#: Packages whose versions change what MkDocs makes from the same pages.
ENGINE_PACKAGES = ("mkdocs", "mkdocs-material", "pymdown-extensions", "markdown", "pygments")


@dataclass(frozen=True)
class Generated:
    """The outcome of a generation run."""

    checked: Checked
    report: WriteReport
    pages: int
    charts: int
    book_seconds: float | None = None
    """How long WeasyPrint took to make the PDF; None when it was taken from the cache."""


@dataclass(frozen=True)
class Built:
    """The outcome of a whole build: what was generated and what changed in the site."""

    generated: Generated
    site: WriteReport | None
    """None when nothing MkDocs reads had changed, so MkDocs did not run."""


@dataclass(frozen=True)
class Planned:
    """Checked content, and when it has no errors, its model and site plan."""

    checked: Checked
    org: Organisation | None = None
    site: SitePlan | None = None


def plan_content(content_dir: Path, config_file: Path | None = None) -> Planned:
    """Load, validate and plan; then check the hand-written pages' links against the plan.

    Everything the build can fail on for a content reason is found here, so what `check`
    accepts, `build` builds.
    """
    today = build_date(content_dir)
    checked = check(load_content(content_dir), today)
    if checked.records is None:
        return Planned(checked)
    org = Organisation.build(checked.records)
    if config_file is not None and not config_file.is_file():
        config_file = None
    repository = Repository.from_config(read_config(config_file)) if config_file else None
    site = plan(org, repository, today)
    if config_file is not None:
        pages = hand_written_pages(docs_dir(config_file), GENERATED_DIRS)
        found = broken_links(pages, [p.path for p in site.pages])
        found += check_pages(pages, set(org.sources))
        if found:
            problems = sorted([*checked.problems, *found])
            if any(p.severity is Severity.ERROR for p in found):
                return Planned(Checked(None, problems))
            checked = Checked(checked.records, problems)
    return Planned(checked, org, site)


def check_content(content_dir: Path, config_file: Path | None = None) -> Checked:
    """Load and validate the content folder (and, given the config, the pages' links)."""
    return plan_content(content_dir, config_file).checked


def _slot(chart_id: str) -> str:
    return f"\x00bagan:{chart_id}\x00"


def render_files(
    site: SitePlan, org: Organisation, cache_dir: Path | None
) -> tuple[dict[str, bytes], dict[str, str]]:
    """Every generated file, by path relative to docs/ (pages, chart files, data, styles), and
    the drawn charts by chart id (the printable book shows them too)."""
    # A full-size page shows the chart of another page: each chart is drawn once.
    charts = list({chart.id: chart for page in site.pages for chart in page.charts}.values())
    jobs = chart_jobs(charts)
    keys = {job.key for job in jobs}
    pending = PendingCharts(jobs, read_cache(cache_dir, keys) if cache_dir else {})
    env = environment()
    # Pages are rendered while dot draws; each chart's place is marked and filled in afterwards.
    texts = {
        page.path: render_page(
            env,
            page,
            _slot(page.chart.id) if page.chart else None,
            {c.id: _slot(c.id) for c in page.extra_charts},
        )
        for page in site.pages
    }
    svgs, drawn = pending.result()
    if cache_dir is not None:
        update_cache(cache_dir, drawn, keys)
    files: dict[str, bytes] = {}
    for page in site.pages:
        text = texts[page.path]
        for chart in page.charts:
            svg = svgs[chart.id]
            if page.full_size:
                text = text.replace(_slot(chart.id), full_size_view(svg))
                continue
            text = text.replace(_slot(chart.id), views(chart, svg))
            files[chart_file(page.path, page.chart_name(chart))] = standalone_svg(svg).encode()
        files[page.path] = text.encode("utf-8")
    files.update(data_files(org))
    files.update(redirect_files(redirects(org)))
    files[CHART_CSS] = site_css().encode("utf-8")
    for section in GENERATED_DIRS:
        files[f"{section}/.JANGAN-DISUNTING"] = GENERATED_NOTICE.encode("utf-8")
    return files, svgs


def expand_nav(nav: list[Any], sections: dict[str, list[Any]]) -> list[Any]:
    """The hand-written nav with each generated section's index replaced by its whole nav.

    >>> expand_nav([{"A": "a/index.md"}, "b.md"], {"a/index.md": ["a/index.md", "a/x.md"]})
    [{'A': ['a/index.md', 'a/x.md']}, 'b.md']
    """
    expanded: list[Any] = []
    for entry in nav:
        if isinstance(entry, dict) and len(entry) == 1:
            ((title, target),) = entry.items()
            if isinstance(target, str) and target in sections:
                entry = {title: sections[target]}
        expanded.append(entry)
    return expanded


def generated_config(config_file: Path, sections: dict[str, list[Any]]) -> bytes:
    """The configuration MkDocs (or another engine) builds from: mkdocs.yml, the whole nav,
    and where the sources' footnote definitions are (each page gets the ones it cites)."""
    base = read_config(config_file)
    footnotes = (config_file.parent / FOOTNOTES).resolve()
    config = {
        "INHERIT": config_file.name,
        "nav": expand_nav(base.get("nav") or [], sections),
        "markdown_extensions": {"generator.render.footnotes": {"definitions": str(footnotes)}},
    }
    header = "# Dibuat oleh generator dari mkdocs.yml dan content/; jangan disunting.\n"
    # JSON is YAML too, and much faster to write than PyYAML's emitter.
    return (header + json.dumps(config, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def generate(content_dir: Path, config_file: Path) -> Generated:
    """Check the content and write the generated pages and configuration.

    Raises:
        ContentError: the content has errors; nothing was written.
        GeneratorError: a chart could not be drawn; nothing was written.
    """
    planned = plan_content(content_dir, config_file)
    checked, org, site = planned.checked, planned.org, planned.site
    if org is None or site is None:
        raise ContentError(checked.errors)
    root = config_file.parent
    files, svgs = render_files(site, org, root / CHART_CACHE)
    html = book_html(org, site, svgs, narratives(config_file), edition(root), font_faces())
    files[BOOK_FILE], book_seconds = book_pdf(html, root / BOOK_CACHE)
    config = generated_config(config_file, site.navs)
    report = write_tree(docs_dir(config_file), files, GENERATED_DIRS)
    notes = definitions(org.sources).encode("utf-8")
    notes_path = root / FOOTNOTES
    if not notes_path.is_file() or notes_path.read_bytes() != notes:
        write_atomic(notes_path, notes)
    config_path = root / GENERATED_CONFIG
    if not config_path.is_file() or config_path.read_bytes() != config:
        write_atomic(config_path, config)
        report.written.append(GENERATED_CONFIG)
    charts = sum(len(p.charts) for p in site.pages if not p.full_size)
    return Generated(checked, report, len(site.pages), charts, book_seconds)


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


def inputs_fingerprint(config_file: Path, epoch: str | None) -> str:
    """A hash of everything MkDocs reads: pages, configuration and engine versions."""
    root = config_file.parent
    digest = hashlib.sha256()
    parts = [str(epoch), *(f"{name}=={_version(name)}" for name in ENGINE_PACKAGES)]
    digest.update("\n".join(parts).encode("utf-8"))
    files = [root / "mkdocs.yml", root / GENERATED_CONFIG, root / FOOTNOTES]
    docs = docs_dir(config_file)
    files += sorted(p for p in docs.rglob("*") if p.is_file())
    # The theme overrides (404 page, edit links) shape every page too.
    files += sorted(p for p in (root / "overrides").rglob("*") if p.is_file())
    for path in files:
        digest.update(
            str(path.relative_to(root) if path.is_relative_to(root) else path.name).encode()
        )
        digest.update(b"\0")
        digest.update(path.read_bytes() if path.is_file() else b"")
    return digest.hexdigest()


def _version(package: str) -> str:
    try:
        return version(package)
    except Exception:
        return "-"


def remove_stale_staging(site_dir: Path) -> None:
    """Staging folders left by builds that were killed (they can be tens of megabytes)."""
    for stale in site_dir.parent.glob(f".{site_dir.name}-baru-*"):
        shutil.rmtree(stale, ignore_errors=True)


def publish(config_file: Path, site_dir: Path) -> WriteReport | None:
    """Build into a fresh folder, then bring ``site_dir`` up to date with it, file by file.

    Returns None when nothing MkDocs reads has changed since the site was last built.
    """
    root = config_file.parent
    site_dir = site_dir.resolve()
    remove_stale_staging(site_dir)
    epoch = source_date_epoch(root)
    stamp_file = root / SITE_STAMP
    stamp = json.dumps({"site": str(site_dir), "inputs": inputs_fingerprint(config_file, epoch)})
    if site_dir.is_dir() and stamp_file.is_file() and stamp_file.read_text() == stamp:
        return None
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-baru-", dir=site_dir.parent))
    added_epoch = epoch is not None and "SOURCE_DATE_EPOCH" not in os.environ
    if added_epoch:
        os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        stamp_file.unlink(missing_ok=True)
        run_mkdocs(root / GENERATED_CONFIG, staging)
        compact(staging)
        if site_dir.is_dir():
            report = sync_tree(staging, site_dir)
        else:
            staging.rename(site_dir)
            report = WriteReport(written=[p.name for p in site_dir.rglob("*") if p.is_file()])
        write_atomic(stamp_file, stamp.encode("utf-8"))
        return report
    finally:
        if added_epoch:
            del os.environ["SOURCE_DATE_EPOCH"]
        shutil.rmtree(staging, ignore_errors=True)


def build(content_dir: Path, config_file: Path, site_dir: Path) -> Built:
    """Generate the pages, then build and publish the site."""
    generated = generate(content_dir, config_file)
    return Built(generated, publish(config_file, site_dir))
