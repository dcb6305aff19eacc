"""Post-processing of Material's search index (site/search/search_index.json).

Two changes, both about the names pages carry in their front-matter ``tags``:

- Material copies a page's tags into the entry of every section. The page ranks through its
  first entry (results are grouped under it), so the copies only make the index bigger (hundreds
  of secretariat pages of seven sections each) and repeat the same chips under every section.
  Only the first entry keeps them.
- lunr counts how often a word occurs in a field, so a page whose names repeat a common word
  ("Biro Hukum", "Biro Advokasi", "Biro Perundang-undangan") outranks "Biro Umum" for the query
  "biro umum". The tags stay as they are for display, but search reads a hidden field ``nama``
  holding each of their words once, weighted as Material weighs tags.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

INDEX = Path("search") / "search_index.json"
NAMES_FIELD = "nama"


def distinct_words(names: list[str], separator: str) -> str:
    """The words of ``names`` once each (case-insensitively), in order, split as search splits.

    >>> distinct_words(["Biro Hukum", "Biro Perundang-undangan"], r"[\\s\\-]+")
    'Biro Hukum Perundang undangan'
    """
    words: dict[str, str] = {}
    for name in names:
        for word in re.split(separator, name):
            if word:
                words.setdefault(word.casefold(), word)
    return " ".join(words.values())


def with_names_field(index: dict[str, Any]) -> dict[str, Any]:
    """The index with tags only on each page's first entry, searched through ``nama``.

    >>> index = {"config": {"separator": " ", "fields": {"tags": {"boost": 9}}}, "docs": [
    ...     {"location": "a/", "tags": ["KPU Bogor", "KPUD Bogor"]},
    ...     {"location": "a/#b", "tags": ["KPU Bogor", "KPUD Bogor"]}]}
    >>> result = with_names_field(index)
    >>> result["config"]["fields"], result["docs"]
    ({'nama': {'boost': 9}}, [{'location': 'a/', 'tags': ['KPU Bogor', 'KPUD Bogor'], 'nama': 'KPU Bogor KPUD'}, {'location': 'a/#b'}])
    """
    config = index["config"]
    fields = {k: v for k, v in config["fields"].items() if k != "tags"}
    fields[NAMES_FIELD] = config["fields"]["tags"]
    seen: set[str] = set()
    docs = []
    for doc in index["docs"]:
        page = doc["location"].split("#", 1)[0]
        if page in seen:
            doc = {k: v for k, v in doc.items() if k != "tags"}
        elif doc.get("tags"):
            doc = {**doc, NAMES_FIELD: distinct_words(doc["tags"], config["separator"])}
        seen.add(page)
        docs.append(doc)
    return {**index, "config": {**config, "fields": fields}, "docs": docs}


def compact(site_dir: Path) -> None:
    """Rewrite the built index in place (written as compactly as Material writes it)."""
    path = site_dir / INDEX
    if not path.exists():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    if NAMES_FIELD in index["config"]["fields"]:
        return  # already done (MkDocs may leave the file of an unchanged build in place)
    text = json.dumps(with_names_field(index), separators=(",", ":"), ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
