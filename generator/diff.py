"""What a change does to the content, for reviewers: units added, removed, renamed, moved, and
fields changed between a git revision and the working tree, as Markdown.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.errors import GeneratorError
from generator.escape import md
from generator.load import RawDocument, load_content

Records = dict[str, dict[str, Any]]


@dataclass(frozen=True)
class Snapshot:
    """The records of one side of the comparison, by id (raw, so an invalid side still compares)."""

    units: Records
    regulations: Records
    sources: Records


@dataclass
class ContentDiff:
    """Every change between two snapshots."""

    added: list[dict[str, Any]] = field(default_factory=list)
    removed: list[dict[str, Any]] = field(default_factory=list)
    renamed: list[tuple[str, str, str]] = field(default_factory=list)
    id_changed: list[tuple[str, str, str]] = field(default_factory=list)
    moved: list[tuple[dict[str, Any], str | None, str | None]] = field(default_factory=list)
    fields: list[tuple[str, str, list[str]]] = field(default_factory=list)
    regulations: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    def empty(self) -> bool:
        return not any(vars(self).values())


def _by_id(documents: list[RawDocument]) -> Records:
    records: Records = {}
    for document in documents:
        data = document.data
        if isinstance(data, dict):
            raw_id = data.get("id")
            key = raw_id if isinstance(raw_id, str) else Path(document.path).stem
            records[key] = data
    return records


def snapshot(content_dir: Path) -> Snapshot:
    loaded = load_content(content_dir)
    sources = (
        loaded.sources.data if loaded.sources and isinstance(loaded.sources.data, dict) else {}
    )
    return Snapshot(_by_id(loaded.units), _by_id(loaded.regulations), sources)


def _git(repo: Path, *args: str) -> bytes:
    try:
        result = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=False)
    except FileNotFoundError as error:
        raise GeneratorError("program 'git' tidak ditemukan") from error
    if result.returncode != 0:
        raise GeneratorError(result.stderr.decode("utf-8", errors="replace").strip() or "git gagal")
    return result.stdout


def snapshot_at(content_dir: Path, revision: str) -> Snapshot:
    """The content as it was at a git revision."""
    content_dir = content_dir.resolve()
    top = Path(_git(content_dir, "rev-parse", "--show-toplevel").decode().strip())
    relative = content_dir.relative_to(top).as_posix()
    try:
        _git(top, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    except GeneratorError as error:
        raise GeneratorError(f"revisi git '{revision}' tidak ditemukan") from error
    listing = _git(top, "ls-tree", "-d", "--name-only", revision, "--", relative)
    with tempfile.TemporaryDirectory(prefix="konten-") as temp:
        if listing.strip():
            archive = _git(top, "archive", "--format=tar", revision, relative)
            with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
                tar.extractall(temp, filter="data")
        base = Path(temp) / relative
        base.mkdir(parents=True, exist_ok=True)  # the folder may not exist yet at that revision
        return snapshot(base)


def _name(record: dict[str, Any], key: str) -> str:
    name = record.get("nama")
    return name if isinstance(name, str) else key


def compare(old: Snapshot, new: Snapshot) -> ContentDiff:
    """Classify every difference between two snapshots."""
    diff = ContentDiff()
    added = {k: v for k, v in new.units.items() if k not in old.units}
    removed = {k: v for k, v in old.units.items() if k not in new.units}
    # A unit whose file and id changed but whose name did not is one unit with a new id.
    for old_id, record in list(removed.items()):
        match = next((k for k, v in added.items() if v.get("nama") == record.get("nama")), None)
        if match is not None:
            diff.id_changed.append((_name(record, old_id), old_id, match))
            del removed[old_id], added[match]
    diff.added = [{"id": k, **v} for k, v in sorted(added.items())]
    diff.removed = [{"id": k, **v} for k, v in sorted(removed.items())]
    for key in sorted(set(old.units) & set(new.units)):
        before, after = old.units[key], new.units[key]
        if before.get("nama") != after.get("nama"):
            diff.renamed.append((key, _name(before, key), _name(after, key)))
        if before.get("induk") != after.get("induk"):
            diff.moved.append(({"id": key, **after}, before.get("induk"), after.get("induk")))
        changed = sorted(
            k
            for k in set(before) | set(after)
            if k not in ("nama", "induk") and before.get(k) != after.get(k)
        )
        if changed:
            diff.fields.append((key, _name(after, key), changed))
    diff.regulations = list(_changes(old.regulations, new.regulations))
    diff.sources = list(_changes(old.sources, new.sources))
    return diff


def _changes(old: Records, new: Records) -> Iterator[str]:
    for key in sorted(set(old) | set(new)):
        if key not in old:
            yield f"`{key}` ditambahkan"
        elif key not in new:
            yield f"`{key}` dihapus"
        elif old[key] != new[key]:
            changed = sorted(
                k for k in set(old[key]) | set(new[key]) if old[key].get(k) != new[key].get(k)
            )
            yield f"`{key}` diubah: {', '.join(changed)}"


def markdown(diff: ContentDiff, revision: str, names: dict[str, str]) -> str:
    """The diff as a Markdown section for a pull-request page."""

    def unit(key: str | None) -> str:
        if key is None:
            return "(tanpa induk)"
        return f"{md(names.get(key, key))} (`{key}`)"

    lines = [f"## Perubahan konten dibanding `{revision}`", ""]
    if diff.empty():
        return "\n".join([*lines, "Tidak ada perubahan pada konten.", ""])

    def section(title: str, items: list[str]) -> None:
        if items:
            lines.extend([f"**{title} ({len(items)})**", "", *(f"- {item}" for item in items), ""])

    section(
        "Unit ditambahkan",
        [f"{unit(r['id'])}, di bawah {unit(r.get('induk'))}" for r in diff.added],
    )
    section("Unit dihapus", [unit(r["id"]) for r in diff.removed])
    section("Unit berganti nama", [f"`{k}`: {md(a)} → {md(b)}" for k, a, b in diff.renamed])
    section("Unit berganti id", [f"{md(n)}: `{a}` → `{b}`" for n, a, b in diff.id_changed])
    section(
        "Unit dipindahkan",
        [f"{unit(r['id'])}: dari {unit(a)} ke {unit(b)}" for r, a, b in diff.moved],
    )
    section(
        "Kolom berubah",
        [f"{unit(k)}: {', '.join(f'`{f}`' for f in fs)}" for k, _, fs in diff.fields],
    )
    section("Peraturan", diff.regulations)
    section("Sumber", diff.sources)
    return "\n".join(lines)


def describe(content_dir: Path, revision: str) -> str:
    """Compare the content folder with the same folder at ``revision``."""
    old = snapshot_at(content_dir, revision)
    new = snapshot(content_dir)
    names = {k: _name(v, k) for k, v in {**old.units, **new.units}.items()}
    return markdown(compare(old, new), revision, names)
