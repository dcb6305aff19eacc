"""A Markdown extension: a page that cites a source as `[^id]` gets that source's definition.

The definitions (one line per source, written by the generator from content/sumber.yml) are
appended only for the labels a page uses, since Markdown's footnotes show every definition.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

_USED = re.compile(r"\[\^([^\]\s]+)\](?!:)")
_DEFINED = re.compile(r"^\[\^([^\]\s]+)\]:", re.M)


def _definitions(path: str) -> dict[str, str]:
    text = Path(path).read_text(encoding="utf-8") if path else ""
    return {m.group(1): line for line in text.splitlines() if (m := _DEFINED.match(line))}


class _Append(Preprocessor):
    def __init__(self, md: Markdown, definitions: dict[str, str]) -> None:
        super().__init__(md)
        self.definitions = definitions

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        own = set(_DEFINED.findall(text))
        used = dict.fromkeys(_USED.findall(text))
        extra = [self.definitions[u] for u in used if u in self.definitions and u not in own]
        return [*lines, "", *extra] if extra else lines


class FootnoteSources(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {"definitions": ["", "file of footnote definitions, one per line"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        definitions = _definitions(str(self.getConfig("definitions")))
        # Before the footnotes extension reads definitions (its preprocessor has priority 15+).
        md.preprocessors.register(_Append(md, definitions), "sumber_catatan_kaki", 30)


def makeExtension(**kwargs: Any) -> FootnoteSources:
    return FootnoteSources(**kwargs)
