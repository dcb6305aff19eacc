"""The printable book's side of the build: what it reads (the narrative pages, the edition, the
local fonts, found through fontconfig) and WeasyPrint, which lays the print HTML out as a PDF
(cached by its HTML).

The HTML itself is made, purely, by ``generator.render.book_html``.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import subprocess
import time
import traceback
from collections.abc import Iterator
from datetime import date
from importlib.metadata import version
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from generator.errors import GeneratorError
from generator.pipeline.config import docs_dir, git_output, read_config, source_date_epoch
from generator.pipeline.write import write_atomic
from generator.render.book_html import Edition, FontFace, Narrative, edition_date

#: Bump when the PDF is made differently from the same HTML (e.g. other WeasyPrint options).
BOOK_VERSION = "1"
#: The faces the book embeds (DejaVu Sans, which graphviz's charts use too): family, CSS weight and
#: style, and how they are named for Indonesian messages.
BOOK_FONTS = (
    ("DejaVu Sans", "normal", "normal", "biasa"),
    ("DejaVu Sans", "bold", "normal", "tebal"),
    ("DejaVu Sans", "normal", "italic", "miring"),
    ("DejaVu Sans", "bold", "italic", "tebal miring"),
    ("DejaVu Sans Mono", "normal", "normal", "biasa"),
)
#: fontconfig's numbers: a bold face weighs at least this, an italic or oblique one slants.
_FC_BOLD = 200
_FC_ROMAN = 0


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


def _fc_match(family: str, weight: str, style: str) -> Path | None:
    """The file fontconfig gives for one face, or None when it would only substitute another."""
    pattern = family + (":weight=bold" if weight == "bold" else "")
    pattern += ":slant=italic" if style == "italic" else ""
    try:
        result = subprocess.run(
            ["fc-match", "-f", "%{family}\n%{weight}\n%{slant}\n%{file}", pattern],
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError as error:
        raise GeneratorError(
            "program 'fc-match' (fontconfig) tidak ditemukan; buku PDF mencari fontnya lewat "
            "fontconfig. Pasang paket 'fontconfig' (Debian: apt-get install fontconfig), lalu ulangi"
        ) from error
    lines = result.stdout.split("\n")
    if result.returncode != 0 or len(lines) != 4:
        return None
    families, weights, slants, file = lines
    bold = all(int(w) >= _FC_BOLD for w in weights.split() if w.isdigit())
    slanted = all(int(s) > _FC_ROMAN for s in slants.split() if s.isdigit())
    if (
        family not in [f.strip() for f in families.split(",")]
        or (weight == "bold") != bold
        or (style == "italic") != slanted
    ):
        return None
    return Path(file)


def font_faces() -> list[FontFace]:
    """DejaVu Sans (and Mono, for code) from local files, so the PDF embeds them; never a web
    font. The files are found through fontconfig, wherever the system keeps them."""
    faces, missing = [], []
    for family, weight, style, words in BOOK_FONTS:
        path = _fc_match(family, weight, style)
        if path is None or not path.is_file():
            missing.append(f"{family} ({words})")
        else:
            faces.append(FontFace(family, weight, style, path))
    if missing:
        raise GeneratorError(
            f"font {', '.join(missing)} untuk buku PDF tidak ditemukan lewat fontconfig. Pasang "
            "font DejaVu (Debian: apt-get install fonts-dejavu-core), lalu ulangi"
        )
    return faces


def book_key(html: str) -> str:
    """What the PDF is made from: the HTML and how it is laid out."""
    return hashlib.sha256(f"{BOOK_VERSION}\0{version('weasyprint')}\0{html}".encode()).hexdigest()


def _cached(html: str, cache_dir: Path | None) -> Path | None:
    return cache_dir / f"{book_key(html)}.pdf" if cache_dir is not None else None


def book_pdf(html: str, cache_dir: Path | None) -> tuple[bytes, float | None]:
    """The PDF of the book and WeasyPrint's seconds; from the cache (None seconds) when the same
    HTML was laid out before, so a build that changed nothing stays fast."""
    cached = _cached(html, cache_dir)
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


def _layout_process(connection: Connection) -> None:
    """The book's process: lay out the one book it is sent."""
    try:
        html, cache_dir = connection.recv()
    except EOFError:
        return
    try:
        connection.send(("ok", book_pdf(html, None if cache_dir is None else Path(cache_dir))))
    except GeneratorError as error:
        connection.send(("galat", str(error)))
    except BaseException:  # reported to the parent, which fails the build
        connection.send(("bug", traceback.format_exc()))


class BookLayout:
    """The book laid out in a process of its own (WeasyPrint uses one core), so that this one
    can go on with the site; taken from the cache, without a process, when it is there."""

    def __init__(self, html: str, cache_dir: Path | None) -> None:
        cached = _cached(html, cache_dir)
        self.cached = cached.read_bytes() if cached is not None and cached.is_file() else None
        if self.cached is not None:
            return
        context = multiprocessing.get_context("spawn")
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_layout_process, args=(child,), name="buku")
        self.process.start()
        child.close()
        self.connection.send((html, None if cache_dir is None else str(cache_dir)))

    def result(self) -> tuple[bytes, float | None]:
        """The PDF and WeasyPrint's seconds (None when it came from the cache).

        Raises:
            GeneratorError: the book could not be laid out.
        """
        if self.cached is not None:
            return self.cached, None
        try:
            kind, value = self.connection.recv()
        except EOFError as error:
            code = self.process.exitcode
            raise GeneratorError(f"proses buku PDF berhenti tanpa hasil (kode {code})") from error
        finally:
            self.close()
        if kind == "galat":
            raise GeneratorError(value)
        if kind == "bug":
            raise RuntimeError(f"Buku PDF di proses tersendiri gagal:\n{value}")
        pdf, seconds = value
        return pdf, seconds

    def close(self) -> None:
        """Stop the process if it still runs (the build failed meanwhile)."""
        if self.cached is not None:
            return
        self.connection.close()
        self.process.join(timeout=0.5)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join()
