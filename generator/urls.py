"""Where every generated page lives under docs/, and how pages link to each other.

MkDocs serves ``x/index.md`` and ``x.md`` at ``x/`` (directory URLs). Markdown links use file
paths, which MkDocs checks and rewrites; links inside raw HTML and SVG use final URLs.
"""

from __future__ import annotations

import posixpath
import re

#: Folders under docs/ that the generator owns entirely (git-ignored, pruned on each run).
GENERATED_DIRS = (
    "struktur", "dasar-hukum", "indeks", "kolom", "daerah", "struktur-baku", "data", "gaya",
    "kelengkapan",
    "unduh",
)  # fmt: skip
OVERVIEW_DOC = "struktur/index.md"
HISTORY_DOC = "struktur/perubahan/index.md"
REGULATIONS_DOC = "dasar-hukum/index.md"
AZ_DOC = "indeks/index.md"
FIELDS_DOC = "kolom/index.md"
REGIONS_DOC = "daerah/index.md"
DATA_DOC = "data/index.md"
COMPLETENESS_DOC = "kelengkapan/index.md"
#: The Atom feed of changes, at the site's root (generated into docs/), linked from every page.
FEED_FILE = "perubahan.xml"
#: Generated files outside the generated folders (git-ignored, removed by `make clean`).
GENERATED_FILES = (FEED_FILE,)
#: The printable book (PDF), linked from the home page and from *Tentang*.
BOOK_FILE = "unduh/struktur-organisasi-setjen-kpu.pdf"
#: The chart palette as CSS variables (generated, so the palette is defined once).
CHART_CSS = "gaya/bagan.css"


def unit_doc(unit_id: str) -> str:
    return f"struktur/{unit_id}/index.md"


def regulation_doc(regulation_id: str) -> str:
    return f"dasar-hukum/{regulation_id}.md"


def doc_url(doc: str) -> str:
    """The URL path (relative to the site root) MkDocs gives a page with directory URLs.

    >>> doc_url("struktur/biro-umum/index.md"), doc_url("dasar-hukum/uu-7-2017.md"), doc_url("index.md")
    ('struktur/biro-umum/', 'dasar-hukum/uu-7-2017/', '')
    """
    stem = doc.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index")
        return stem
    return stem + "/"


def relative_doc(target: str, start: str) -> str:
    """A Markdown link from page ``start`` to file ``target`` (MkDocs checks and rewrites it).

    >>> relative_doc("struktur/biro-umum/index.md", "struktur/biro-keuangan/index.md")
    '../biro-umum/index.md'
    """
    return _relpath(target, posixpath.dirname(start))


def relative_url(target: str, start: str) -> str:
    """A URL from the page ``start`` to page ``target``, for raw HTML that MkDocs leaves alone.

    >>> relative_url("struktur/biro-umum/index.md", "struktur/index.md")
    'biro-umum/'
    >>> relative_url("struktur/index.md", "struktur/biro-umum/index.md")
    '../'
    """
    path = _relpath(doc_url(target).rstrip("/"), doc_url(start).rstrip("/"))
    return "./" if path == "." else path + "/"


def _relpath(target: str, base: str) -> str:
    """``posixpath.relpath`` for clean relative paths, without its file-system calls (hot: ~15,000
    links a build).

    >>> _relpath("a/b/c", "a/d"), _relpath("a", "a"), _relpath("x", "")
    ('../b/c', '.', 'x')
    """
    target_parts = [p for p in target.split("/") if p]
    base_parts = [p for p in base.split("/") if p]
    common = 0
    for mine, theirs in zip(target_parts, base_parts, strict=False):
        if mine != theirs:
            break
        common += 1
    parts = [".."] * (len(base_parts) - common) + target_parts[common:]
    return "/".join(parts) or "."


def secretariat_key(province_id: str, regency_name: str | None = None) -> str:
    """A regional secretariat's key: the province id, or 'province-id/regency-slug'. A kab/kota's
    page address follows its name (an old name is a former address); its province never changes.

    >>> secretariat_key("jawa-barat"), secretariat_key("sulawesi-utara", "Kabupaten Kep. Siau")
    ('jawa-barat', 'sulawesi-utara/kabupaten-kep-siau')
    """
    return province_id if regency_name is None else f"{province_id}/{_slug(regency_name)}"


def secretariat_doc(key: str) -> str:
    """A regional secretariat's page: ``daerah/<province>/`` or ``daerah/<province>/<regency>/``."""
    return f"daerah/{key}/index.md"


def structure_doc(template_id: str) -> str:
    return f"struktur-baku/{template_id}/index.md"


def structure_unit_doc(template_id: str, unit_id: str) -> str:
    return f"struktur-baku/{template_id}/{unit_id}/index.md"


def article_anchor(number: str) -> str:
    """The fragment of an article on its regulation's page: '5A' -> 'pasal-5a'."""
    return f"pasal-{number.lower()}"


def book_anchor(doc: str) -> str:
    """A page's place in the printed book (the book holds the site's pages, one anchor each).

    >>> book_anchor("struktur/biro-umum/index.md"), book_anchor("dasar-hukum/uu-7-2017.md")
    ('struktur-biro-umum', 'dasar-hukum-uu-7-2017')
    """
    return _slug(doc.removesuffix(".md").removesuffix("index")) or "beranda"


def chart_file(doc: str, name: str = "bagan") -> str:
    """The full-size chart file beside a page (pages with charts are all ``…/index.md``).

    >>> chart_file("struktur/index.md"), chart_file("struktur/perubahan/index.md", "bagan-x")
    ('struktur/bagan.svg', 'struktur/perubahan/bagan-x.svg')
    """
    return posixpath.join(posixpath.dirname(doc), f"{name}.svg")


def chart_page_doc(doc: str, name: str = "bagan") -> str:
    """The page that shows a page's chart full size, zoomable, inside the site.

    >>> chart_page_doc("struktur/index.md"), chart_page_doc("struktur/perubahan/index.md", "bagan-x")
    ('struktur/bagan.md', 'struktur/perubahan/bagan-x.md')
    """
    return posixpath.join(posixpath.dirname(doc), f"{name}.md")


def _slug(text: str) -> str:
    """The URL-safe form of a name, as used for region pages.

    >>> _slug("Kabupaten Kep. Siau Tagulandang Biaro")
    'kabupaten-kep-siau-tagulandang-biaro'
    """
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
