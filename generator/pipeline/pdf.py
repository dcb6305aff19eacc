"""The printable book's side of the build: what it reads (the narrative pages, the edition, the
local fonts) and WeasyPrint, which lays the print HTML out as a PDF (cached by its HTML).

The HTML itself is made, purely, by ``generator.render.book_html``.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator
from datetime import date
from importlib.metadata import version
from pathlib import Path
from typing import Any

from generator.errors import GeneratorError
from generator.pipeline.config import docs_dir, git_output, read_config, source_date_epoch
from generator.pipeline.write import write_atomic
from generator.render.book_html import Edition, FontFace, Narrative, edition_date

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
    paths = [p for p in _nav_docs(read_config(config_file).get("nav")) if p.startswith("tentang/")]
    return [Narrative(p, (docs / p).read_text(encoding="utf-8")) for p in paths]


def edition(root: Path) -> Edition:
    """The book's edition: the date of SOURCE_DATE_EPOCH or else of the last commit (like the
    site, so two builds of one commit are identical), today outside git; and the commit."""
    day = edition_date(source_date_epoch(root), date.today())
    return Edition(day, git_output(root, "rev-parse", "--short", "HEAD"))


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


def book_key(html: str) -> str:
    """What the PDF is made from: the HTML and how it is laid out."""
    return hashlib.sha256(f"{BOOK_VERSION}\0{version('weasyprint')}\0{html}".encode()).hexdigest()


def book_pdf(html: str, cache_dir: Path | None) -> tuple[bytes, float | None]:
    """The PDF of the book and WeasyPrint's seconds; from the cache (None seconds) when the same
    HTML was laid out before, so a build that changed nothing stays fast."""
    key = book_key(html)
    cached = cache_dir / f"{key}.pdf" if cache_dir is not None else None
    if cached is not None and cached.is_file():
        return cached.read_bytes(), None
    try:
        from weasyprint import HTML
        from weasyprint.urls import URLFetcher
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
