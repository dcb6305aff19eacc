"""Post-processing of Material's search index (site/search/search_index.json).

Material copies a page's front-matter tags into the entry of every section of the page. The tags
already rank the page through its first entry (the one search results group under), so the
copies only make the index bigger (hundreds of secretariat pages of seven sections each) and
repeat the same tag chips under every section in the results. Only the first entry keeps them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

INDEX = Path("search") / "search_index.json"


def tags_on_first_entry_only(index: dict[str, Any]) -> dict[str, Any]:
    """The index with tags kept only on each page's first entry.

    >>> docs = [{"location": "a/", "tags": ["x"]}, {"location": "a/#b", "tags": ["x"]}]
    >>> tags_on_first_entry_only({"docs": docs})["docs"]
    [{'location': 'a/', 'tags': ['x']}, {'location': 'a/#b'}]
    """
    seen: set[str] = set()
    docs = []
    for doc in index["docs"]:
        page = doc["location"].split("#", 1)[0]
        if page in seen:
            doc = {k: v for k, v in doc.items() if k != "tags"}
        seen.add(page)
        docs.append(doc)
    return {**index, "docs": docs}


def compact(site_dir: Path) -> None:
    """Rewrite the built index in place (written as compactly as Material writes it)."""
    path = site_dir / INDEX
    if not path.exists():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    text = json.dumps(tags_on_first_entry_only(index), separators=(",", ":"), ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
