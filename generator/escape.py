"""Escaping, in one place: small pure functions, one per context editor text lands in.

Editor text lands in three contexts: Markdown text, raw HTML (and its attributes) and
front-matter titles that the theme prints without escaping. Each has its own filter.
"""

from __future__ import annotations

import json

from markupsafe import escape

# Every character Markdown, its extensions or HTML could read as syntax. Encoding them as
# numeric references makes the text inert everywhere while the reader sees it unchanged.
_MARKDOWN_ACTIVE = "\\`*_{}[]()<>#+-.!|~^=:&\"'$@%"
_MARKDOWN_ESCAPES = str.maketrans({c: f"&#{ord(c)};" for c in _MARKDOWN_ACTIVE})


def md(text: object) -> str:
    """Escape editor text for inline Markdown; line breaks become spaces.

    >>> md("Biro <b>*x*</b>")
    'Biro &#60;b&#62;&#42;x&#42;&#60;/b&#62;'
    """
    return " ".join(str(text).split()).translate(_MARKDOWN_ESCAPES)


def html(text: object) -> str:
    """Escape editor text for HTML text and quoted attribute values.

    >>> html('<img src=x onerror="a">')
    '&lt;img src=x onerror=&#34;a&#34;&gt;'
    """
    return str(escape(" ".join(str(text).split())))


def title(text: object) -> str:
    """A front-matter title: HTML-escaped (the theme prints titles raw), as a YAML string.

    >>> title('A "b" <c>')
    '"A &#34;b&#34; &lt;c&gt;"'
    """
    return json.dumps(html(text), ensure_ascii=False)


def url(value: str) -> str:
    """Escape a validated http(s) URL for a Markdown link target.

    >>> url("https://x.id/a_(b)")
    '<https://x.id/a_(b)>'
    """
    # Angle brackets let the target hold parentheses and spaces; the schema refuses '<' and '>'.
    return "<" + value.replace("<", "%3C").replace(">", "%3E") + ">"


#: Said after the title of a source that has no address (as its own phrase: many titles end in a
#: parenthesis already).
NO_ONLINE_COPY = "tanpa tautan daring"


def source_title(title: str, address: str | None) -> str:
    """A source's title as Markdown: a link to its address, or the title and that it has none.

    >>> source_title("Laporan tahunan", None)
    'Laporan tahunan — tanpa tautan daring'
    >>> source_title("Berita", "https://x.id/b")
    '[Berita](<https://x.id/b>)'
    """
    return f"[{md(title)}]({url(address)})" if address else f"{md(title)} — {NO_ONLINE_COPY}"


def jsonld(data: object) -> str:
    r"""A JSON-LD script element; '<', '>' and '&' are escaped so text cannot close the script.

    >>> jsonld({"name": "</script><b>"})
    '<script type="application/ld+json">{"name": "\\u003c/script\\u003e\\u003cb\\u003e"}</script>'
    """
    text = json.dumps(data, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>'


def search_tags(names: list[str]) -> str:
    """Front-matter tags: Material's search weighs tags above titles, so aliases find their unit.

    >>> search_tags(["Biro SDM", "<b>"])
    '["Biro SDM", "&lt;b&gt;"]'
    """
    return json.dumps([html(n) for n in dict.fromkeys(names)], ensure_ascii=False)
