"""The content's history from git, for the feed of changes: which content files each commit
added, modified or deleted, with both sides parsed.

Outside a git repository (e.g. a copy of the project) there is no history: the feed then holds
only the changes of the structure the content itself records. In a shallow clone, the oldest
commit's files look newly added; that commit is left out, since its changes are unknown.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import yaml

from generator.pipeline.config import git_output
from generator.plan.feed import Commit, FileChange

#: How many of the newest commits that touched the content are read (the feed shows fewer).
MAX_COMMITS = 60
# NUL, not the ASCII record separators: those count as white space, which git_output strips.
_RECORD = "\x00commit "
_FIELD = "\x00"

try:
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # PyYAML without libyaml
    _Loader = yaml.SafeLoader


def _parse(text: bytes | None) -> Any:
    if text is None:
        return None
    try:
        return yaml.load(text.decode("utf-8"), Loader=_Loader)
    except (UnicodeDecodeError, yaml.YAMLError):
        return None  # a broken file in the history: its fields are simply not compared


def _blobs(folder: Path, specs: list[str]) -> dict[str, bytes | None]:
    """The contents of ``<commit>:<path>`` objects, read by one git process."""
    if not specs:
        return {}
    try:
        result = subprocess.run(
            ["git", "-C", str(folder), "cat-file", "--batch"],
            input="".join(f"{s}\n" for s in specs).encode("utf-8"),
            capture_output=True,
            check=False,
        )
    except OSError:
        return {}
    out, at = result.stdout, 0
    found: dict[str, bytes | None] = {}
    for spec in specs:
        end = out.index(b"\n", at)
        header = out[at:end].split()
        at = end + 1
        if len(header) == 3:
            size = int(header[2])
            found[spec] = out[at : at + size]
            at += size + 1
        else:  # "<spec> missing"
            found[spec] = None
    return found


def _log(content_dir: Path) -> list[tuple[str, list[str], int, list[tuple[str, str]]]]:
    """Commits touching the content, newest first: sha, parents, time, (status, path) pairs."""
    text = git_output(
        content_dir,
        "log",
        f"--max-count={MAX_COMMITS}",
        "--no-renames",
        "--relative",
        "--name-status",
        "--format=%x00commit %H%x00%P%x00%ct",
        "--",
        ".",
    )
    commits = []
    for record in (text or "").split(_RECORD)[1:]:
        head, _, rest = record.partition("\n")
        sha, parents, time = head.split(_FIELD)
        files = []
        for line in rest.splitlines():
            status, _, path = line.partition("\t")
            if path.endswith(".yml") and status[:1] in "AMD":
                files.append((status[:1], path))
        commits.append((sha, parents.split(), int(time), files))
    return commits


def content_history(content_dir: Path) -> list[Commit]:
    """The commits that changed the content, newest first, each file parsed before and after."""
    logged = _log(content_dir)
    if not logged:
        return []
    shallow = git_output(content_dir, "rev-parse", "--is-shallow-repository") == "true"
    prefix = git_output(content_dir, "rev-parse", "--show-prefix") or ""
    specs = []
    for sha, parents, _, files in logged:
        if not parents:
            continue  # the first commit: the feed only counts its files
        for status, path in files:
            if status != "A" and parents:
                specs.append(f"{parents[0]}:{prefix}{path}")
            if status != "D":
                specs.append(f"{sha}:{prefix}{path}")
    blobs = _blobs(content_dir, specs)
    commits = []
    for sha, parents, time, files in logged:
        if not parents and shallow:
            continue
        changes = tuple(
            FileChange(
                status,
                path,
                _parse(blobs.get(f"{parents[0]}:{prefix}{path}")) if parents else None,
                _parse(blobs.get(f"{sha}:{prefix}{path}")),
            )
            for status, path in files
        )
        commits.append(Commit(sha, time, changes, first=not parents))
    return commits
