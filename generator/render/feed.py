"""The feed of changes as an Atom document (RFC 4287).

Links are relative to the feed, which sits at the site's root, unless the site's address is
known (SITUS_URL): then they are absolute and the feed names its own address. The output depends
only on the feed plan and that address, so builds of the same content give the same bytes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from generator.escape import html
from generator.plan.feed import Entry, Feed
from generator.urls import FEED_FILE, doc_url

ATOM = "http://www.w3.org/2005/Atom"
#: Who publishes the feed (Atom requires an author for a feed whose entries name none).
AUTHOR = "Struktur Organisasi Setjen KPU"


def _href(doc: str, site_url: str | None) -> str:
    """A page's address: relative to the site root, or absolute with the site's address.

    >>> _href("struktur/biro-umum/index.md", None), _href("index.md", None)
    ('struktur/biro-umum/', './')
    >>> _href("index.md", "https://x.id/s")
    'https://x.id/s/'
    """
    path = doc_url(doc)
    if site_url:
        return site_url.rstrip("/") + "/" + path
    return path or "./"


def _content(entry: Entry, site_url: str | None) -> str:
    """The entry's body as HTML: each record with a link to its page and what changed."""
    if not entry.items:
        return f"<p>{html(entry.summary)}</p>"
    lines = []
    for item in entry.items:
        label = html(item.label)
        if item.doc:
            label = f'<a href="{html(_href(item.doc, site_url))}">{label}</a>'
        details = f" ({html(', '.join(item.details))})" if item.details else ""
        lines.append(f"<li>{label}: {html(item.verb)}{details}</li>")
    return f"<ul>{''.join(lines)}</ul>"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    if text is not None:
        element.text = text
    return element


def atom(feed: Feed, site_url: str | None = None) -> bytes:
    """The feed as UTF-8 Atom XML."""
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "id"})
    _sub(root, "id", feed.id)
    _sub(root, "title", feed.title)
    _sub(root, "subtitle", feed.subtitle)
    _sub(root, "updated", feed.updated)
    author = _sub(root, "author")
    _sub(author, "name", AUTHOR)
    _sub(root, "link", rel="alternate", type="text/html", href=_href("index.md", site_url))
    if site_url:
        _sub(
            root,
            "link",
            rel="self",
            type="application/atom+xml",
            href=site_url.rstrip("/") + "/" + FEED_FILE,
        )
    for entry in feed.entries:
        element = _sub(root, "entry")
        _sub(element, "id", entry.id)
        _sub(element, "title", entry.title)
        _sub(element, "updated", entry.updated)
        _sub(element, "link", rel="alternate", type="text/html", href=_href(entry.doc, site_url))
        _sub(element, "summary", entry.summary)
        _sub(element, "content", _content(entry, site_url), type="html")
    ET.indent(root, space=" ")
    text: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return text + b"\n"
