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
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from importlib.metadata import version
from pathlib import Path
from typing import Any

import yaml

from generator.errors import ContentError, GeneratorError
from generator.load import load_content
from generator.model import Organisation
from generator.opendata import data_files
from generator.plan.page import SitePlan
from generator.plan.site import plan
from generator.render.book import Edition, FontFace, Narrative, book_html, edition_date
from generator.render.charts import PendingCharts, chart_jobs, standalone_svg
from generator.render.pages import environment, render_page
from generator.render.palette import site_css
from generator.urls import BOOK_FILE, CHART_CSS, GENERATED_DIRS, chart_file
from generator.validate import Checked, check
from generator.write import (
    WriteReport,
    read_cache,
    sync_tree,
    update_cache,
    write_atomic,
    write_tree,
)

#: Caches live outside .cache/, which other tools (Zensical's --clean) delete wholesale.
CACHE_DIR = ".tembolok"
CHART_CACHE = f"{CACHE_DIR}/bagan"
SITE_STAMP = f"{CACHE_DIR}/situs.json"
BOOK_CACHE = f"{CACHE_DIR}/buku"
#: Bump when the PDF is made differently from the same HTML (e.g. other WeasyPrint options).
BOOK_VERSION = "1"
#: Where Debian puts fonts; the book embeds DejaVu Sans (fonts-dejavu-core, which graphviz needs).
FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"))
DEJAVU_FILES = (
    ("DejaVu Sans", "normal", "normal", "DejaVuSans.ttf"),
    ("DejaVu Sans", "bold", "normal", "DejaVuSans-Bold.ttf"),
    ("DejaVu Sans", "normal", "italic", "DejaVuSans-Oblique.ttf"),
    ("DejaVu Sans", "bold", "italic", "DejaVuSans-BoldOblique.ttf"),
    ("DejaVu Sans Mono", "normal", "normal", "DejaVuSansMono.ttf"),
)
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


def check_content(content_dir: Path) -> Checked:
    """Load and validate the content folder."""
    return check(load_content(content_dir))


def _slot(chart_id: str) -> str:
    return f"\x00bagan:{chart_id}\x00"


def render_files(
    site: SitePlan, org: Organisation, cache_dir: Path | None
) -> tuple[dict[str, bytes], dict[str, str]]:
    """Every generated file, by path relative to docs/ (pages, chart files, data, styles), and
    the drawn charts by chart id (the printable book shows them too)."""
    charts = [page.chart for page in site.pages if page.chart is not None]
    jobs = chart_jobs(charts)
    keys = {job.key for job in jobs}
    pending = PendingCharts(jobs, read_cache(cache_dir, keys) if cache_dir else {})
    env = environment()
    # Pages are rendered while dot draws; each chart's place is marked and filled in afterwards.
    texts = {
        page.path: render_page(env, page, _slot(page.chart.id) if page.chart else None)
        for page in site.pages
    }
    svgs, drawn = pending.result()
    if cache_dir is not None:
        update_cache(cache_dir, drawn, keys)
    files: dict[str, bytes] = {}
    for page in site.pages:
        text = texts[page.path]
        if page.chart is not None:
            svg = svgs[page.chart.id]
            text = text.replace(_slot(page.chart.id), svg)
            files[chart_file(page.path)] = standalone_svg(svg).encode("utf-8")
        files[page.path] = text.encode("utf-8")
    files.update(data_files(org))
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
    """The configuration MkDocs (or another engine) builds from: mkdocs.yml and the whole nav."""
    base = _read_config(config_file)
    config = {"INHERIT": config_file.name, "nav": expand_nav(base.get("nav") or [], sections)}
    header = "# Dibuat oleh generator dari mkdocs.yml dan content/; jangan disunting.\n"
    # JSON is YAML too, and much faster to write than PyYAML's emitter.
    return (header + json.dumps(config, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def generate(content_dir: Path, config_file: Path) -> Generated:
    """Check the content and write the generated pages and configuration.

    Raises:
        ContentError: the content has errors; nothing was written.
        GeneratorError: a chart could not be drawn; nothing was written.
    """
    checked = check_content(content_dir)
    if checked.records is None:
        raise ContentError(checked.errors)
    org = Organisation.build(checked.records)
    site = plan(org)
    root = config_file.parent
    files, svgs = render_files(site, org, root / CHART_CACHE)
    html = book_html(org, site, svgs, narratives(config_file), edition(root), font_faces())
    files[BOOK_FILE], book_seconds = book_pdf(html, root / BOOK_CACHE)
    config = generated_config(config_file, site.navs)
    report = write_tree(docs_dir(config_file), files, GENERATED_DIRS)
    config_path = root / GENERATED_CONFIG
    if not config_path.is_file() or config_path.read_bytes() != config:
        write_atomic(config_path, config)
        report.written.append(GENERATED_CONFIG)
    charts = sum(1 for p in site.pages if p.chart)
    return Generated(checked, report, len(site.pages), charts, book_seconds)


def _nav_docs(nav: Any) -> Iterator[str]:
    """Every page path in a MkDocs nav, in order."""
    if isinstance(nav, str):
        yield nav
    elif isinstance(nav, list):
        for entry in nav:
            yield from _nav_docs(entry)
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from _nav_docs(value)


def narratives(config_file: Path) -> list[Narrative]:
    """The hand-written *Tentang* pages, in the order of the nav, for the printable book."""
    docs = docs_dir(config_file)
    paths = [p for p in _nav_docs(_read_config(config_file).get("nav")) if p.startswith("tentang/")]
    return [Narrative(p, (docs / p).read_text(encoding="utf-8")) for p in paths]


def edition(root: Path) -> Edition:
    """The book's edition: the date of SOURCE_DATE_EPOCH or else of the last commit (like the
    site, so two builds of one commit are identical), today outside git; and the commit."""
    day = edition_date(source_date_epoch(root), date.today())
    try:
        result = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return Edition(day)
    commit = result.stdout.strip()
    return Edition(day, commit if result.returncode == 0 and commit else None)


def font_faces(folders: tuple[Path, ...] = FONT_DIRS) -> list[FontFace]:
    """DejaVu Sans (and Mono, for code) from local files, so the PDF embeds them; never a web
    font."""
    found: dict[str, Path] = {}
    for folder in folders:
        if folder.is_dir():
            for path in sorted(folder.rglob("DejaVuSans*.ttf")):
                found.setdefault(path.name, path)
    missing = [name for *_, name in DEJAVU_FILES if name not in found]
    if missing:
        raise GeneratorError(
            f"font {', '.join(missing)} untuk buku PDF tidak ditemukan. Pasang paket Debian "
            "'fonts-dejavu-core' (apt-get install fonts-dejavu-core), lalu ulangi"
        )
    return [FontFace(family, w, s, found[name]) for family, w, s, name in DEJAVU_FILES]


def book_pdf(html: str, cache_dir: Path | None) -> tuple[bytes, float | None]:
    """The PDF of the book and WeasyPrint's seconds; from the cache (None seconds) when the same
    HTML was laid out before, so a build that changed nothing stays fast."""
    key = hashlib.sha256(f"{BOOK_VERSION}\0{_version('weasyprint')}\0{html}".encode()).hexdigest()
    cached = cache_dir / f"{key}.pdf" if cache_dir is not None else None
    if cached is not None and cached.is_file():
        return cached.read_bytes(), None
    try:
        from weasyprint import HTML  # type: ignore[import-untyped]
        from weasyprint.urls import URLFetcher  # type: ignore[import-untyped]
    except OSError as error:  # WeasyPrint loads Pango when imported
        raise GeneratorError(
            f"WeasyPrint tidak dapat dijalankan ({error}). Pasang paket Debian 'libpango-1.0-0 "
            "libpangoft2-1.0-0 libharfbuzz-subset0', atau jalankan 'make build' yang memasangnya"
        ) from error
    started = time.perf_counter()
    # Local files only (the fonts): building the book never touches the network.
    fetcher = URLFetcher(allowed_protocols={"file"}, fail_on_errors=True)
    pdf = HTML(string=html, url_fetcher=fetcher).write_pdf()
    seconds = time.perf_counter() - started
    if pdf is None:
        raise GeneratorError("WeasyPrint tidak menghasilkan PDF")
    if cached is not None and cache_dir is not None:
        write_atomic(cached, pdf)
        for stale in cache_dir.glob("*.pdf"):
            if stale != cached:
                stale.unlink(missing_ok=True)
    return pdf, seconds


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


def source_date_epoch(folder: Path) -> str | None:
    """SOURCE_DATE_EPOCH, or the last commit's time: builds of one commit are byte-identical."""
    if stamp := os.environ.get("SOURCE_DATE_EPOCH"):
        return stamp
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


def inputs_fingerprint(config_file: Path, epoch: str | None) -> str:
    """A hash of everything MkDocs reads: pages, configuration, hooks and engine versions."""
    root = config_file.parent
    digest = hashlib.sha256()
    parts = [str(epoch), *(f"{name}=={_version(name)}" for name in ENGINE_PACKAGES)]
    digest.update("\n".join(parts).encode("utf-8"))
    files = [
        root / "mkdocs.yml",
        root / GENERATED_CONFIG,
        Path(__file__).with_name("mkdocs_hooks.py"),
    ]
    docs = docs_dir(config_file)
    files += sorted(p for p in docs.rglob("*") if p.is_file())
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


def _read_config(config_file: Path) -> dict[str, Any]:
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    except (OSError, yaml.YAMLError) as error:
        raise GeneratorError(
            f"konfigurasi MkDocs {config_file} tidak dapat dibaca: {error}"
        ) from error
    return config if isinstance(config, dict) else {}


def docs_dir(config_file: Path) -> Path:
    """The docs folder named by the MkDocs config (``docs`` beside it by default)."""
    return config_file.parent / str(_read_config(config_file).get("docs_dir", "docs"))


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose Material tags (!!python/name:…) only MkDocs needs to resolve."""


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
