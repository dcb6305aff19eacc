"""The pipeline: check content, plan, render pages and charts, write; then MkDocs builds the site.

Content errors stop everything before a file is touched. MkDocs builds into a fresh folder,
and only when it succeeded (and the printable book was laid out) are the files that differ
copied into ``site/``. When nothing MkDocs reads has changed since the last build, MkDocs is not
run at all.

Both cores work: ``dot`` draws charts while pages are rendered; MkDocs' pages are shared out
between this process and a second one (started first, so its imports overlap the generation;
generator.pipeline.mkdocs_parallel), while a third lays out the book, which MkDocs does not
read.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from datetime import time as dt_time
from importlib.metadata import version
from pathlib import Path
from typing import Any

from generator.content.load import load_content
from generator.content.validate import Checked, check
from generator.errors import ContentError, GeneratorError, Severity
from generator.handwritten.citations import check_pages, definitions
from generator.handwritten.links import broken_links, hand_written_pages
from generator.model.organisation import Organisation
from generator.pipeline.config import (
    build_date,
    docs_dir,
    markdown_extensions,
    read_config,
    source_date_epoch,
)
from generator.pipeline.history import content_history
from generator.pipeline.mkdocs_engine import run_mkdocs
from generator.pipeline.mkdocs_parallel import EVEN_SHARE, MkDocsProcess
from generator.pipeline.pdf import BookProcess, book_pdf, edition, font_faces, narratives
from generator.pipeline.search_index import compact
from generator.pipeline.write import (
    WriteReport,
    read_cache,
    sync_tree,
    update_cache,
    write_atomic,
    write_if_changed,
    write_tree,
)
from generator.plan.book import book_chapters
from generator.plan.feed import feed
from generator.plan.page import SitePlan
from generator.plan.redirects import redirects
from generator.plan.repository import Repository
from generator.plan.site import plan
from generator.render.book_html import book_html
from generator.render.chart_svg import PendingCharts, chart_jobs, standalone_svg
from generator.render.chart_views import full_size_view, views
from generator.render.feed import atom
from generator.render.opendata import data_files
from generator.render.pages import environment, render_page
from generator.render.palette import site_css
from generator.render.redirect_pages import redirect_files
from generator.urls import BOOK_FILE, CHART_CSS, FEED_FILE, GENERATED_DIRS, chart_file

#: Caches live outside .cache/, which other tools (Zensical's --clean) delete wholesale.
CACHE_DIR = ".tembolok"
CHART_CACHE = f"{CACHE_DIR}/bagan"
SITE_STAMP = f"{CACHE_DIR}/situs.json"
#: Footnote definitions of every source (generator.render.footnotes adds the ones a page cites).
FOOTNOTES = f"{CACHE_DIR}/catatan-kaki.md"
BOOK_CACHE = f"{CACHE_DIR}/buku"
#: SITUS_TANPA_BUKU=1 skips laying out the printable book (tests that are not about it, quick
#: local builds); the download link then points at a short placeholder, never a stale PDF.
NO_BOOK_ENV = "SITUS_TANPA_BUKU"
NO_BOOK_PLACEHOLDER = b"Buku PDF tidak dibuat pada pembangunan ini (SITUS_TANPA_BUKU=1).\n"
#: The second process's share of MkDocs' work: more than half, since this process first makes
#: the book's HTML (about a twentieth of MkDocs' work on the national site).
SECOND_SHARE = EVEN_SHARE + 0.03
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
    """How long WeasyPrint took to make the PDF; None when it was taken from the cache (or, in
    the preview, not made)."""
    book: bool = True
    """False when the book was skipped (SITUS_TANPA_BUKU=1)."""


@dataclass(frozen=True)
class Pages:
    """What the page stage wrote, and what the printable book is made from afterwards."""

    checked: Checked
    org: Organisation
    site: SitePlan
    svgs: dict[str, str]
    """Drawn charts by chart id, in their wide layout as the pages show them."""
    report: WriteReport
    files: dict[str, bytes]
    """Every generated file by its path under docs/: the book prints the pages' own Markdown."""

    def generated(self, book_seconds: float | None = None) -> Generated:
        # A full-size page shows another page's chart again: not counted twice.
        charts = sum(len(p.charts) for p in self.site.pages if not p.full_size)
        return Generated(
            self.checked, self.report, len(self.site.pages), charts, book_seconds, book_wanted()
        )


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

    Raises:
        GeneratorError: ``config_file`` is named but missing, or MkDocs cannot read it.
    """
    if config_file is not None and not config_file.is_file():
        raise GeneratorError(f"berkas konfigurasi '{config_file}' tidak ada")
    today = build_date(content_dir)
    project_dir = config_file.parent if config_file else None
    checked = check(load_content(content_dir, project_dir), today)
    if checked.records is None:
        return Planned(checked)
    org = Organisation.build(checked.records)
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
    the drawn charts by chart id as the pages show them, wide (the printable book shows them too)."""
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
    printed: dict[str, str] = {}
    for page in site.pages:
        text = texts[page.path]
        for chart in page.charts:
            svg = svgs[chart.id]
            if page.full_size:
                text = text.replace(_slot(chart.id), full_size_view(svg))
                continue
            shown = views(chart, svg)
            text = text.replace(_slot(chart.id), shown.html())
            # The book finds each chart in the page's text as the page shows it (wide layout).
            printed[chart.id] = shown.wide
            files[chart_file(page.path, page.chart_name(chart))] = standalone_svg(svg).encode()
        files[page.path] = text.encode("utf-8")
    files.update(data_files(org))
    files.update(redirect_files(redirects(org)))
    files[CHART_CSS] = site_css().encode("utf-8")
    for section in GENERATED_DIRS:
        files[f"{section}/.JANGAN-DISUNTING"] = GENERATED_NOTICE.encode("utf-8")
    return files, printed


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


def footnote_extension(config_file: Path) -> dict[str, dict[str, Any]]:
    """The Markdown extension that gives each page the sources' footnotes it cites, set up."""
    footnotes = (config_file.parent / FOOTNOTES).resolve()
    return {"generator.render.footnotes": {"definitions": str(footnotes)}}


def generated_config(config_file: Path, sections: dict[str, list[Any]]) -> bytes:
    """The configuration MkDocs (or another engine) builds from: mkdocs.yml, the whole nav,
    where the sources' footnote definitions are (each page gets the ones it cites), and no edit
    address when no repository is configured."""
    base = read_config(config_file)
    config: dict[str, Any] = {
        "INHERIT": config_file.name,
        "nav": expand_nav(base.get("nav") or [], sections),
        "markdown_extensions": footnote_extension(config_file),
    }
    if not base.get("repo_url"):
        # No repository, no edit links: MkDocs would otherwise warn about every page's
        # relative edit address (and fail the strict build).
        config["edit_uri"] = ""
    header = "# Dibuat oleh generator dari mkdocs.yml dan content/; jangan disunting.\n"
    # JSON is YAML too, and much faster to write than PyYAML's emitter.
    return (header + json.dumps(config, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def changes_feed(org: Organisation, content_dir: Path, config_file: Path) -> bytes:
    """The Atom feed of changes: the content's git history and the structure's recorded changes.

    Entries no commit dates carry the build's date (SOURCE_DATE_EPOCH or the last commit's;
    outside git, the start of today, so regenerating the same content rewrites nothing).
    """
    root = config_file.parent
    epoch = source_date_epoch(root)
    if epoch is not None:
        fallback = int(epoch)
    else:
        fallback = int(datetime.combine(build_date(root), dt_time.min, tzinfo=UTC).timestamp())
    site_url = read_config(config_file).get("site_url")
    return atom(feed(org, content_history(content_dir), fallback), site_url or None)


def write_pages(content_dir: Path, config_file: Path) -> Pages:
    """Check the content and write the generated pages and configuration (not the book).

    Raises:
        ContentError: the content has errors; nothing was written.
        GeneratorError: a chart could not be drawn; nothing was written.
    """
    return write_planned(plan_content(content_dir, config_file), content_dir, config_file)


def write_planned(planned: Planned, content_dir: Path, config_file: Path) -> Pages:
    """``write_pages`` for content already planned."""
    checked, org, site = planned.checked, planned.org, planned.site
    if org is None or site is None:
        raise ContentError(checked.errors)
    root = config_file.parent
    files, svgs = render_files(site, org, root / CHART_CACHE)
    files[FEED_FILE] = changes_feed(org, content_dir, config_file)
    # The sources' footnotes first: the book renders the narrative with them, as MkDocs does.
    notes = definitions(org.sources).encode("utf-8")
    notes_path = root / FOOTNOTES
    if not notes_path.is_file() or notes_path.read_bytes() != notes:
        write_atomic(notes_path, notes)
    config = generated_config(config_file, site.navs)
    # The book is written by write_book once laid out; until then the last one stays.
    report = write_tree(docs_dir(config_file), files, GENERATED_DIRS, keep={BOOK_FILE})
    config_path = root / GENERATED_CONFIG
    if not config_path.is_file() or config_path.read_bytes() != config:
        write_atomic(config_path, config)
        report.written.append(GENERATED_CONFIG)
    return Pages(checked, org, site, svgs, report, files)


def book_wanted() -> bool:
    return os.environ.get(NO_BOOK_ENV) != "1"


def book_source(pages: Pages, config_file: Path) -> str:
    """The printable book's HTML (its charts are the ones drawn for the pages); empty when the
    book is skipped."""
    if not book_wanted():
        return ""
    root = config_file.parent
    # The book prints the pages as the site renders them: same Markdown, same extensions.
    extensions = {**markdown_extensions(config_file), **footnote_extension(config_file)}
    texts = narratives(config_file)
    return book_html(
        book_chapters(pages.org, pages.site, [n.doc for n in texts]),
        pages.site,
        pages.files,
        pages.svgs,
        texts,
        edition(root),
        font_faces(),
        extensions,
    )


def write_book(config_file: Path, html: str, report: WriteReport) -> tuple[bytes, float | None]:
    """Lay the book out (or take it from the cache) and write it into docs/."""
    if book_wanted():
        pdf, seconds = book_pdf(html, config_file.parent / BOOK_CACHE)
    else:
        pdf, seconds = NO_BOOK_PLACEHOLDER, None
    write_if_changed(docs_dir(config_file) / BOOK_FILE, pdf, BOOK_FILE, report)
    return pdf, seconds


def finish_book(
    config_file: Path, layout: BookProcess, report: WriteReport
) -> tuple[bytes, float | None]:
    """The book laid out in its process, written into docs/."""
    pdf, seconds = layout.result()
    write_if_changed(docs_dir(config_file) / BOOK_FILE, pdf, BOOK_FILE, report)
    return pdf, seconds


def generate(content_dir: Path, config_file: Path) -> Generated:
    """Check the content and write the generated pages, configuration and book.

    Raises:
        ContentError: the content has errors; nothing was written.
        GeneratorError: a chart could not be drawn, or the book laid out.
    """
    pages = write_pages(content_dir, config_file)
    _, seconds = write_book(config_file, book_source(pages, config_file), pages.report)
    return pages.generated(seconds)


def inputs_fingerprint(config_file: Path, epoch: str | None) -> str:
    """A hash of everything MkDocs makes the site from: pages, configuration, engine versions.
    The book is not in it: MkDocs does not read the PDF, which is copied into the site apart."""
    root = config_file.parent
    digest = hashlib.sha256()
    parts = [str(epoch), *(f"{name}=={_version(name)}" for name in ENGINE_PACKAGES)]
    digest.update("\n".join(parts).encode("utf-8"))
    files = [root / "mkdocs.yml", root / GENERATED_CONFIG, root / FOOTNOTES]
    docs = docs_dir(config_file)
    files += sorted(p for p in docs.rglob("*") if p.is_file() and p != docs / BOOK_FILE)
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


def publish(
    config_file: Path,
    site_dir: Path,
    book: Callable[[], str],
    report: WriteReport,
    mkdocs: MkDocsProcess | None = None,
    layout: BookProcess | None = None,
) -> tuple[WriteReport | None, float | None]:
    """Build into a fresh folder, then bring ``site_dir`` up to date with it, file by file.

    ``book`` makes the printable book's HTML: it is made, and laid out in ``layout`` when given,
    while MkDocs builds (shared with ``mkdocs``, the second process, when given, which starts
    first: MkDocs does not read the book); the PDF is copied into the folder before it is
    published.
    Returns what changed in ``site_dir`` (None when nothing changed, so MkDocs did not run) and
    WeasyPrint's seconds (None when the book came from the cache).
    """
    root = config_file.parent
    site_dir = site_dir.resolve()
    remove_stale_staging(site_dir)
    epoch = source_date_epoch(root)
    stamp_file = root / SITE_STAMP
    fingerprint = inputs_fingerprint(config_file, epoch)
    stamp = json.dumps({"site": str(site_dir), "inputs": fingerprint})
    if site_dir.is_dir() and stamp_file.is_file() and stamp_file.read_text() == stamp:
        # The pages are the site's already; only the book may differ.
        pdf, seconds = write_book(config_file, book(), report)
        site = WriteReport()
        write_if_changed(site_dir / BOOK_FILE, pdf, BOOK_FILE, site)
        return (site if site.written else None), seconds
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-baru-", dir=site_dir.parent))
    try:
        stamp_file.unlink(missing_ok=True)
        if mkdocs is not None:
            # The second process starts on its share while this one makes the book's HTML.
            mkdocs.start(root / GENERATED_CONFIG, staging, epoch, SECOND_SHARE)
        if layout is not None:
            layout.start(book(), root / BOOK_CACHE)
        if mkdocs is not None:
            mkdocs.finish()
        else:
            run_mkdocs(root / GENERATED_CONFIG, staging, epoch)
        if layout is not None:
            pdf, seconds = finish_book(config_file, layout, report)
        else:
            pdf, seconds = write_book(config_file, book(), report)
        compact(staging, read_config(config_file).get("site_description"))
        write_atomic(staging / BOOK_FILE, pdf)
        if site_dir.is_dir():
            site = sync_tree(staging, site_dir)
        else:
            staging.rename(site_dir)
            site = WriteReport(written=[p.name for p in site_dir.rglob("*") if p.is_file()])
        write_atomic(stamp_file, stamp.encode("utf-8"))
        return site, seconds
    finally:
        shutil.rmtree(staging, ignore_errors=True)


#: Fewer pages than this are built by MkDocs in one process: a second one costs about 1.5 s of
#: CPU to start (importing MkDocs and Material), which a small site's pages do not pay back (the
#: 44-page test project: 1.7 s instead of 2.0 s, for 50 % more CPU). The national site has 1 200.
MIN_PAGES_TO_SHARE = 200


def worth_sharing(planned: Planned) -> bool:
    """Whether MkDocs' pages are worth sharing with a second process."""
    return planned.site is not None and len(planned.site.pages) >= MIN_PAGES_TO_SHARE


def build(content_dir: Path, config_file: Path, site_dir: Path, *, parallel: bool = True) -> Built:
    """Generate the pages, then build and publish the site with the book.

    ``parallel``: MkDocs shared with a second process (for a site of ``MIN_PAGES_TO_SHARE`` pages
    or more) and the book laid out in a third; without it, one after the other in this process
    (the same bytes either way).
    """
    planned = plan_content(content_dir, config_file)
    # Started before the pages are written, so their imports overlap the writing.
    mkdocs = MkDocsProcess() if parallel and worth_sharing(planned) else None
    layout = BookProcess() if parallel and book_wanted() else None
    try:
        pages = write_planned(planned, content_dir, config_file)
        site, seconds = publish(
            config_file,
            site_dir,
            lambda: book_source(pages, config_file),
            pages.report,
            mkdocs,
            layout,
        )
    finally:
        if mkdocs is not None:
            mkdocs.close()
        if layout is not None:
            layout.close()
    return Built(pages.generated(seconds), site)
