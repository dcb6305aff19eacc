"""Where the project's files live on the repository host, for "edit this page" links.

Read from the two settings MkDocs itself uses in mkdocs.yml, ``repo_url`` and ``edit_uri``, so
hand-written pages (MkDocs' edit button) and generated pages (links to their YAML) agree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

#: MkDocs' own default for GitHub, with the branch this project publishes from.
DEFAULT_EDIT_URI = "edit/main/docs/"


@dataclass(frozen=True)
class Repository:
    """The repository's address and the path that opens a file in its web editor."""

    url: str | None
    edit_path: str = "edit/main/"
    """Relative to ``url``, before a path from the project root (``edit/main/``)."""

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> Repository:
        """From mkdocs.yml: ``edit_uri`` names the docs folder; other files sit beside it.

        >>> r = Repository.from_config({"repo_url": "https://host/o/r/", "edit_uri": "edit/dev/docs/"})
        >>> r.edit_url("content/unit/biro-umum.yml")
        'https://host/o/r/edit/dev/content/unit/biro-umum.yml'
        >>> Repository.from_config({}).edit_url("content/sumber.yml") is None
        True
        """
        url = config.get("repo_url")
        edit_uri = str(config.get("edit_uri") or DEFAULT_EDIT_URI).strip("/") + "/"
        docs = str(config.get("docs_dir") or "docs").strip("/") + "/"
        edit_path = edit_uri.removesuffix(docs) if edit_uri.endswith("/" + docs) else "edit/main/"
        return cls(str(url).rstrip("/") if url else None, edit_path)

    def edit_url(self, path: str | None) -> str | None:
        """The web editor for a file given relative to the project root; None without both."""
        if not self.url or not path:
            return None
        return f"{self.url}/{self.edit_path}{path}"
