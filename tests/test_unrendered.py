"""No page shows Markdown that did not render, and no reader page speaks to developers: the real
site is built once and the text a reader sees on every page is scanned for Markdown and HTML syntax
left as text, and for the names of files, folders, scripts and content fields.

MkDocs' strict mode does not notice these (e.g. a `<div markdown>` without md_in_html shows its
Markdown raw), so this reads the result the way a reader does.
"""

from __future__ import annotations

import argparse
import json
import re

import lxml.html
import pytest
from bs4 import BeautifulSoup

from generator.model.organisation import Organisation
from generator.plan.site import plan
from generator.urls import doc_url

from .conftest import ROOT, Project, tree_string, tree_text

pytestmark = pytest.mark.site

#: Elements whose text a reader does not see as page text (or sees as code, where syntax belongs).
INVISIBLE = ("script", "style", "svg", "template", "noscript", "code", "pre", "kbd", "title")

#: Markdown or HTML that should have been turned into formatting, with what it looks like.
LEFTOVERS = {
    "tebal yang tidak dirender (**)": re.compile(r"\*\*"),
    "tautan Markdown yang tidak dirender (](…)": re.compile(r"\]\("),
    "tautan ke berkas .md": re.compile(r"\.md\)"),
    "admonition yang tidak dirender (!!!)": re.compile(r"!!!"),
    "attr_list yang tidak dirender ({: …})": re.compile(r"\{:\s"),
    "tag HTML yang tampil sebagai teks": re.compile(
        r"</?(?:div|span|p|a|details|summary|figure|table|br|ul|li)\b[^<]*>?"
    ),
    # Line by line: '(?:^|\n)\s*' backtracked over every blank line of a page.
    "judul Markdown yang tidak dirender (## )": re.compile(r"^[^\S\n]*#{2,6} \S", re.MULTILINE),
}


_HIDDEN = " | ".join(
    [*(f"//{tag}" for tag in INVISIBLE), "//*[@hidden]", "//*[@aria-hidden='true']", "//comment()"]
)


def visible_text(html: bytes) -> str:
    """The text a reader sees: without scripts, styles, charts, hidden elements and code.

    lxml directly, not BeautifulSoup: this reads every page of the site, and lxml is ~30× faster.
    """
    root = lxml.html.fromstring(html)
    for element in root.xpath(_HIDDEN):
        element.drop_tree()  # keeps the text that follows the element
    return "\n".join(root.itertext())


def leftovers(text: str) -> list[str]:
    """What in the text looks like syntax that did not render, named, with a little context."""
    found = []
    for name, pattern in LEFTOVERS.items():
        for match in pattern.finditer(text):
            start = max(match.start() - 40, 0)
            context = " ".join(text[start : match.end() + 40].split())
            found.append(f"{name}: …{context}…")
    return found


@pytest.mark.parametrize(
    "text",
    [
        "Bacaan **tebal** yang lupa dirender",
        "lihat [halaman](../x.md) ini",
        '!!! note "Judul"',
        "Paragraf\n{: .remah-roti }",
        '<div class="grid cards" markdown>',
        "Teks\n## Judul",
    ],
)
def test_the_scan_catches_each_kind_of_leftover(text: str):
    html = f"<html><body><article><p>{_escape(text)}</p></article></body></html>".encode()
    assert leftovers(visible_text(html)), text


def test_the_scan_ignores_code_scripts_and_hidden_text():
    html = (
        b"<html><body><p>Tulis <code>**tebal**</code> dan <code>[x](y.md)</code>.</p>"
        b"<pre>!!! note\n{: .kelas }</pre><script>a = '**'</script>"
        b"<p hidden>](</p><svg><text>**</text></svg><p>Biasa saja: 3 * 4 = 12.</p></body></html>"
    )
    assert leftovers(visible_text(html)) == []


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def test_no_page_shows_unrendered_markdown(built: Project):
    pages = sorted(built.site.rglob("*.html"))
    assert len(pages) > 500
    problems = {
        str(page.relative_to(built.site)): found
        for page in pages
        if (found := leftovers(visible_text(page.read_bytes())))
    }
    assert problems == {}, _summary(problems)


def test_the_home_page_cards_render(built: Project):
    soup = BeautifulSoup((built.site / "index.html").read_bytes(), "lxml")
    cards = soup.select(".grid.cards > ul > li")
    targets = [card.a["href"] for card in cards]
    # Structure, Tentang, legal basis, A–Z, regions, and the printable book.
    assert len(cards) == 6
    assert {"daerah/", "struktur/", "unduh/struktur-organisasi-setjen-kpu.pdf"} <= set(targets)


#: Pages for editors and reusers, which may name files, folders and fields: the editors' guide,
#: the field list, and the Data page (it documents the columns).
FOR_EDITORS = ("panduan/", "kolom/", "data/")

#: File names, folders, scripts, our research notes and code constants (SATKER_PUSAT).
DEVELOPER_WORDS = re.compile(
    r"\S+\.ya?ml\b|\bcontent/\S*|\bscripts/\S*|\bkpu-facts\b|\b[A-Z]{2,}_[A-Z_]{2,}\b"
    # Where a source was kept, in the words of those who keep code (review 3): a reader is told
    # what it is ("kumpulan data publik di internet"), and that we noted it, not "bahan riset".
    r"|(?i:\brepositori\b|\bgithub\b|\bmetadata\b|\bbahan riset\b)"
)


def command_names() -> frozenset[str]:
    """The generator's commands (``check``, ``impor-peraturan``, …), from its own parser."""
    from generator.cli import _parser

    subparsers = next(a for a in _parser()._actions if isinstance(a, argparse._SubParsersAction))
    return frozenset(subparsers.choices)


def field_names() -> frozenset[str]:
    """Every field name of every kind of content file, from the published JSON Schema."""
    names: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("properties"), dict):
                names.update(node["properties"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in sorted((ROOT / "schema").glob("*.schema.json")):
        walk(json.loads(path.read_text(encoding="utf-8")))
    # A command in a code span names a tool in the same way (``impor-peraturan``).
    return frozenset(names) | command_names()


#: The site's pages are UTF-8; the scan's own examples say so only by being UTF-8.
_UTF8 = lxml.html.HTMLParser(encoding="utf-8")


def developer_words(html: bytes | lxml.html.HtmlElement, fields: frozenset[str]) -> list[str]:
    """File, folder and script names in a page's article text, and field names shown as names
    (in quotes or a code span), each with a little context.

    The article text as BeautifulSoup's get_text(" ") gives it, read with lxml: this reads every
    page of the site.
    """
    root = lxml.html.fromstring(html, parser=_UTF8) if isinstance(html, bytes) else html
    quoted = "|".join(re.escape(f) for f in sorted(fields, key=len, reverse=True))
    quotes = re.compile(rf"['‘\"“]({quoted})['’\"”]")
    found = []
    for article in root.iter("article"):
        text = tree_text(article, " ")
        for pattern in (DEVELOPER_WORDS, quotes):
            for match in pattern.finditer(text):
                start = max(match.start() - 40, 0)
                found.append(" ".join(text[start : match.end() + 40].split()))
        found += [
            f"<code>{tree_text(c)}</code>"
            for c in article.iterdescendants("code")
            if tree_text(c) in fields
        ]
    return found


@pytest.mark.parametrize(
    "text",
    [
        "Diimpor sekali dengan scripts/impor_wilayah.py",
        "Dicatat dari bahan riset (kpu-facts §8.1)",
        "Alamat ini seperti tercatat dalam bahan riset; bentuk alamatnya tampak tidak lazim",
        "Dibaca dalam repositori publik di GitHub yang menyalin berita kpu.go.id",
        "Metadata JDIH KPU mencantumkan",
        "Bersama daftar SATKER_PUSAT",
        "(belum ada 'ketentuan' bertopik tugas)",
        "Belum ada tautan resmi (‘tautan_resmi’).",
        "berkas YAML di folder content/ repositori",
        "sunting <code>content/unit/biro-umum.yml</code>",
        "isi kolom <code>rincian_keyakinan</code>",
        "lihat unit.yaml",
        "Disusun dengan <code>impor-peraturan</code> dari teks peraturan",
    ],
)
def test_the_reader_scan_catches_developer_words(text: str):
    html = f"<html><body><article><p>{text}</p></article></body></html>".encode()
    assert developer_words(html, field_names()), text


def test_the_reader_scan_leaves_reader_words_alone():
    html = (
        b"<html><body><article><p>Kode dan nama wilayah menurut Keputusan Mendagri. Nama resmi: "
        b"Biro Umum; status aktif; lihat Daftar kolom. Konten situs ini terbuka.</p></article>"
        b"<nav><a href='x.yml'>Sunting</a></nav></body></html>"
    )
    assert developer_words(html, field_names()) == []


def test_the_lxml_text_is_what_beautifulsoup_reads():
    """The scans read pages with lxml for speed; the text and the breadcrumb links they read are
    the ones BeautifulSoup gives (comments, scripts, styles, templates and ruby notes left out,
    whitespace-only strings shortened outside pre)."""
    html = (
        "<html><body><article>\n  <p>a<!-- c -->b <script>s</script>c<style>t</style></p>\n"
        "<template><p>u</p></template><pre>  \n  </pre><ruby>漢<rt>kan</rt></ruby>\t \n"
        "<nav><a href='/'>Beranda</a> <a><b>Beranda</b></a><a>Ber<b>anda</b></a><a><!--x--></a>"
        "<a></a></nav><code>alias</code></article></body></html>"
    ).encode()
    soup = BeautifulSoup(html, "lxml")
    root = lxml.html.fromstring(html, parser=_UTF8)
    assert tree_text(root.find(".//article"), " ") == soup.article.get_text(" ")
    assert [tree_string(a) for a in root.iter("a")] == [a.string for a in soup.find_all("a")]


def test_reader_pages_name_no_file_folder_field_or_script(built: Project, org: Organisation):
    """Readers are told what a fact is, not where it is stored; the pages for editors are exempt."""
    fields = field_names()
    assert {"ketentuan", "tautan_resmi", "alias"} <= fields
    pages = [
        page
        for page in sorted(built.site.rglob("*.html"))
        if not str(page.relative_to(built.site)).startswith(FOR_EDITORS)
    ]
    urls = (doc_url(p.path) for p in plan(org).pages)
    assert {built.page_file(u) for u in urls if not u.startswith(FOR_EDITORS)} <= set(pages)
    problems = {
        str(page.relative_to(built.site)): found
        for page in pages
        if (found := developer_words(built.tree(str(page.relative_to(built.site))), fields))
    }
    assert problems == {}, _summary(problems)


def _summary(problems: dict[str, list[str]]) -> str:
    lines = [
        f"{path}: {found[0]}" + (f" (+{len(found) - 1})" if len(found) > 1 else "")
        for path, found in problems.items()
    ]
    return f"{len(problems)} halaman:\n" + "\n".join(lines[:30])
