"""Post-processing of Material's search index (site/search/search_index.json).

Material's search (lunr) ranks a page by the query words it holds, weighted by field: front-matter
tags a thousand times above the title, the title a thousand times above the text. Five changes:

- Material copies a page's tags into the entry of every section. The page ranks through its
  first entry (results are grouped under it), so the copies only make the index bigger (hundreds
  of secretariat pages of seven sections each) and repeat the same chips under every section.
  Only the first entry keeps them.
- lunr counts how often a word occurs in a field, so a page whose names repeat a common word
  ("Biro Hukum", "Biro Advokasi", "Biro Perundang-undangan") outranks "Biro Umum" for the query
  "biro umum". The tags stay as they are for display, but search reads a hidden field ``nama``
  holding each of their words once, weighted as Material weighs tags.
- Generic words weigh as text only: the words in the names or titles of more than a tenth of all
  pages ("KPU", "Sekretariat", "Komisi", "Pemilihan", "Umum", "Kabupaten", "Kota"), and
  Indonesian function words ("dan", "di", …). They are left out of ``nama``, and titles are
  searched through a field ``judul`` holding the title without them (the title itself stays for
  display, weighted as text). Weighted as names or titles, a generic word would rank every page
  that has it above a page that holds the query's specific word in its text: for "kpu bogor",
  any page with "KPU" in its title above the province page that lists Bogor. A generic word
  still counts where it tells a page's title apart from another with the same specific words:
  "Umum" in "Biro Umum" (beside "Biro Hukum"), "Kota" in "Kota Bogor" (beside "Kabupaten
  Bogor").
- ``nama`` also holds the Indonesian root forms of its words ("lengkap" for "Kelengkapan",
  "rencana" for "Perencanaan"; generator/stem.py keeps only roots in its dictionary), so a page
  is found by the plain word as well as by the derived one.
- Each page's description (its ``<meta name="description">``, which says what the page is about,
  e.g. a regulation's full title) is indexed once more in a field ``ringkasan``, weighted between
  the title and the text, without generic words: "pkpu organisasi dan tata kerja" finds the
  regulation whose title says so.
- The config lists the generic and function words (``umum``): the site's search worker
  (docs/assets/javascripts/workers/cari.js) ranks a page holding more of a query's other words
  first.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from generator.stem import root_forms
from generator.urls import REGIONS_DOC, doc_url

#: Pages named after places: their names get no root forms. A place name is not an Indonesian
#: word, and the stemmer reads one as a word with an affix ("Bali" as "bal" + -i, "Sulawesi" as
#: "lawi"), which made "KPU Bali" find Balikpapan first.
PLACES = doc_url(REGIONS_DOC)

INDEX = Path("search") / "search_index.json"
NAMES_FIELD = "nama"
TITLE_FIELD = "judul"
SUMMARY_FIELD = "ringkasan"
GENERIC_KEY = "umum"
#: Between the title (1000) and the text (1): a description says what a page is about, in more
#: words than its title.
SUMMARY_BOOST = 100.0
#: A word in the names or titles of more pages than this share is generic.
GENERIC_SHARE = 0.5
#: Indonesian function words: never what a query is about.
FUNCTION_WORDS = frozenset(
    [
        "dan",
        "atau",
        "di",
        "ke",
        "dari",
        "yang",
        "untuk",
        "pada",
        "dengan",
        "dalam",
        "oleh",
        "serta",
        "atas",
        "bagi",
        "tentang",
        "sebagai",
    ]
)
_DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)"')
#: Material writes the description among the first lines of the head.
_HEAD_BYTES = 16384


def words(text: str, separator: str) -> list[str]:
    """The words of ``text`` as search splits them, lower-cased.

    >>> words("Biro Perundang-undangan, KPU", r"[\\s\\-,]+")
    ['biro', 'perundang', 'undangan', 'kpu']
    """
    return [w.casefold() for w in re.split(separator, text) if w]


def generic_words(
    pages: Iterable[Mapping[str, Any]], separator: str, share: float = GENERIC_SHARE
) -> frozenset[str]:
    """The words in the names (tags) or title of more than ``share`` of the pages.

    >>> pages = [{"title": f"Sekretariat KPU Kota {c}", "tags": []} for c in "ABCD"]
    >>> sorted(generic_words([*pages, {"title": "Biro Umum"}], " ", 0.5))
    ['kota', 'kpu', 'sekretariat']
    """
    pages = list(pages)
    counts: Counter[str] = Counter()
    for page in pages:
        names = [page.get("title", ""), *page.get("tags", [])]
        counts.update({w for name in names for w in words(name, separator)})
    return frozenset(w for w, n in counts.items() if n > share * len(pages))


def distinct_words(names: list[str], separator: str, skip: frozenset[str] = frozenset()) -> str:
    """The words of ``names`` once each (case-insensitively), in order, split as search splits,
    without the words in ``skip`` (lower-case).

    >>> distinct_words(["Biro Hukum", "Biro Perundang-undangan"], r"[\\s\\-]+")
    'Biro Hukum Perundang undangan'
    >>> distinct_words(["KPU Kota Bogor", "KPUD Bogor"], " ", frozenset({"kpu", "kota", "kpud"}))
    'Bogor'
    """
    found: dict[str, str] = {}
    for name in names:
        for word in re.split(separator, name):
            if word and word.casefold() not in skip:
                found.setdefault(word.casefold(), word)
    return " ".join(found.values())


def distinguishing(
    titles: Mapping[str, list[str]], generic: frozenset[str]
) -> dict[str, frozenset[str]]:
    """Per page, the generic words of its title that tell it apart from another page whose title
    is as long and has the same specific words, or one more: "umum" in "Biro Umum" beside "Biro
    Hukum", "kota" in "Kota Bogor" beside "Kabupaten Bogor"; not "Komisi Pemilihan Umum" in
    "Sekretariat Jenderal Komisi Pemilihan Umum" beside "Struktur Organisasi Sekretariat Jenderal
    KPU". A title of generic words only keeps none of them.

    >>> titles = {"a": ["biro", "umum"], "b": ["biro", "hukum"], "c": ["kota", "bogor"],
    ...           "d": ["kabupaten", "bogor"], "e": ["kpu", "jenderal"],
    ...           "f": ["struktur", "organisasi", "jenderal"]}
    >>> found = distinguishing(titles, frozenset({"umum", "kota", "kabupaten", "kpu"}))
    >>> {page: sorted(words) for page, words in found.items() if words}
    {'a': ['umum'], 'c': ['kota'], 'd': ['kabupaten']}
    """
    specific = {
        page: frozenset(w for w in words if w not in generic) for page, words in titles.items()
    }
    pages_with: dict[str, set[str]] = {}
    for page, own in specific.items():
        for word in own:
            pages_with.setdefault(word, set()).add(page)
    found = {}
    for page, own in specific.items():
        words = set(titles[page])
        candidates = set.intersection(*(pages_with[w] for w in own)) if own else set()
        others = {
            p
            for p in candidates - {page}
            if len(titles[p]) == len(titles[page]) and len(specific[p] - own) <= 1
        }
        keep: set[str] = set()
        for other in others:
            keep |= {w for w in words & generic if w not in titles[other]}
        found[page] = frozenset(keep) if others else frozenset()
    return found


def with_names_field(
    index: dict[str, Any], descriptions: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """The index with tags only on each page's first entry, searched through ``nama``, titles
    searched through ``judul`` (both without generic words, except those that tell a page
    apart), and each page's description in ``ringkasan``.

    >>> index = {"config": {"separator": " ", "fields": {"title": {"boost": 7}, "tags": {"boost": 9}}}, "docs": [
    ...     {"location": "a/", "title": "A di Bogor", "tags": ["KPU Bogor", "KPUD Bogor"]},
    ...     {"location": "a/#b", "title": "B", "tags": ["KPU Bogor", "KPUD Bogor"]}]}
    >>> result = with_names_field(index, {"a/": "Sekretariat di Bogor"})
    >>> result["config"]["fields"]
    {'title': {'boost': 1.0}, 'judul': {'boost': 7}, 'nama': {'boost': 9}, 'ringkasan': {'boost': 100.0}}
    >>> result["config"]["umum"][:3]
    ['atas', 'atau', 'bagi']
    >>> result["docs"]
    [{'location': 'a/', 'title': 'A di Bogor', 'tags': ['KPU Bogor', 'KPUD Bogor'], 'judul': 'A Bogor', 'nama': 'KPU Bogor KPUD', 'ringkasan': 'Sekretariat Bogor'}, {'location': 'a/#b', 'title': 'B', 'judul': 'B'}]
    """
    descriptions = descriptions or {}
    config = index["config"]
    separator = config["separator"]
    fields = {k: v for k, v in config["fields"].items() if k != "tags"}
    fields["title"] = {"boost": 1.0}
    fields[TITLE_FIELD] = config["fields"]["title"]
    fields[NAMES_FIELD] = config["fields"]["tags"]
    fields[SUMMARY_FIELD] = {"boost": SUMMARY_BOOST}
    firsts = {d["location"]: d for d in index["docs"] if "#" not in d["location"]}
    # With a handful of pages every word is in a tenth of them: generic only in a real site.
    generic = generic_words(firsts.values(), separator) if len(firsts) >= 50 else frozenset()
    titles = {page: words(d.get("title", ""), separator) for page, d in firsts.items()}
    kept = distinguishing(titles, generic)
    seen: set[str] = set()
    docs = []
    for doc in index["docs"]:
        page = doc["location"].split("#", 1)[0]
        skip = (generic - kept.get(page, frozenset())) | FUNCTION_WORDS
        # A page's weight (its front matter's search boost) is for its names, on its first entry:
        # on every section it would lift generic words in long texts above specific ones.
        doc = {k: v for k, v in doc.items() if k not in ("tags", "boost") or page not in seen}
        if title := distinct_words([doc.get("title", "")], separator, skip):
            doc[TITLE_FIELD] = title
        if page not in seen:
            if doc.get("tags"):
                names = distinct_words(doc["tags"], separator, skip)
                roots = (
                    []
                    if page.startswith(PLACES)
                    else [r for r in root_forms(names) if r not in skip]
                )
                doc[NAMES_FIELD] = " ".join([names, *roots])
            if summary := distinct_words([descriptions.get(page, "")], separator, skip):
                doc[SUMMARY_FIELD] = summary
        seen.add(page)
        docs.append(doc)
    # The site's search worker (docs/assets/javascripts/workers/cari.js) ranks pages by the
    # query words they hold, generic words left out: it reads them here.
    config = {**config, "fields": fields, GENERIC_KEY: sorted(generic | FUNCTION_WORDS)}
    return {**index, "config": config, "docs": docs}


def descriptions(site_dir: Path, locations: Iterable[str], default: str | None) -> dict[str, str]:
    """Each page's own description, read from its built HTML; pages that only carry the site's
    description (``default``) have none."""
    found = {}
    for location in locations:
        path = (
            site_dir / location / "index.html"
            if not location.endswith(".html")
            else site_dir / location
        )
        try:
            with path.open("rb") as file:
                head = file.read(_HEAD_BYTES).decode("utf-8", errors="ignore")
        except OSError:
            continue
        if (match := _DESCRIPTION.search(head)) is None:
            continue
        text = html.unescape(match.group(1))
        if text and text != default:
            found[location] = text
    return found


def compact(site_dir: Path, site_description: str | None = None) -> None:
    """Rewrite the built index in place (written as compactly as Material writes it)."""
    path = site_dir / INDEX
    if not path.exists():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    if NAMES_FIELD in index["config"]["fields"]:
        return  # already done (MkDocs may leave the file of an unchanged build in place)
    pages = {d["location"] for d in index["docs"] if "#" not in d["location"]}
    found = descriptions(site_dir, sorted(pages), site_description)
    text = json.dumps(with_names_field(index, found), separators=(",", ":"), ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
