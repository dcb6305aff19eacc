"""Redirect pages for former addresses: plain HTML that MkDocs copies as it is.

MkDocs' INHERIT merge replaces lists, so the generated config cannot add a plugin to the
``plugins`` list of mkdocs.yml; and mkdocs-redirects writes English pages. A static page per old
address needs neither: a meta refresh, a canonical link and a visible link, all relative, so it
works under any sub-path and without JavaScript or network.
"""

from __future__ import annotations

import json
import posixpath

from generator.escape import html
from generator.plan.redirects import Redirect
from generator.urls import relative_url

_PAGE = """<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Halaman dipindahkan: {name}</title>
<link rel="canonical" href="{url}">
<meta http-equiv="refresh" content="0; url={url}">
<script>location.replace({url_js} + location.hash)</script>
</head>
<body>
<p>Halaman ini sudah dipindahkan. Buka <a href="{url}">{name}</a>.</p>
</body>
</html>
"""


def redirect_path(redirect: Redirect) -> str:
    """Where the page goes under docs/: the old page's folder, as index.html.

    >>> redirect_path(Redirect("struktur/biro-lama/index.md", "struktur/biro-baru/index.md", "B"))
    'struktur/biro-lama/index.html'
    """
    return posixpath.join(posixpath.dirname(redirect.old_doc), "index.html")


def redirect_page(redirect: Redirect) -> str:
    """The HTML of one redirect page; the target is relative to the old address."""
    url = relative_url(redirect.new_doc, redirect.old_doc)
    # '</' cannot end the script early: json.dumps keeps '/', so escape it for the script context.
    url_js = json.dumps(url).replace("</", "<\\/")
    return _PAGE.format(name=html(redirect.name), url=html(url), url_js=url_js)


def redirect_files(redirects: list[Redirect]) -> dict[str, bytes]:
    """Every redirect page, by path relative to docs/."""
    return {redirect_path(r): redirect_page(r).encode("utf-8") for r in redirects}
