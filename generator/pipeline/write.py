"""Write generated files: only what changed, atomically, and prune what is no longer generated."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class WriteReport:
    """What a write did, for the CLI and the benchmarks."""

    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step, so no reader sees a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # One writer per tree at a time, so a fixed temporary name beside the file is enough.
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temp.write_bytes(data)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def write_if_changed(path: Path, data: bytes, relative: str, report: WriteReport) -> None:
    """Write ``data`` unless the file already holds exactly it (its time then stays too)."""
    try:
        if path.read_bytes() == data:
            report.unchanged += 1
            return
    except OSError:
        pass
    write_atomic(path, data)
    report.written.append(relative)


def write_tree(
    root: Path,
    files: dict[str, bytes],
    owned: tuple[str, ...],
    keep: frozenset[str] | set[str] = frozenset(),
) -> WriteReport:
    """Write ``files`` (paths relative to ``root``) and delete stale files in ``owned`` folders,
    except those in ``keep`` (written separately)."""
    report = WriteReport()
    for relative, data in sorted(files.items()):
        write_if_changed(root / relative, data, relative, report)
    for folder in owned:
        base = root / folder
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*"), reverse=True):
            relative = path.relative_to(root).as_posix()
            if path.is_file() and relative not in files and relative not in keep:
                path.unlink()
                report.removed.append(relative)
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return report


def read_cache(folder: Path, keys: set[str]) -> dict[str, str]:
    """Cached chart SVGs by key, for the keys that are there."""
    found = {}
    for key in keys:
        try:
            found[key] = (folder / f"{key}.svg").read_text(encoding="utf-8")
        except OSError:
            continue
    return found


def update_cache(folder: Path, drawn: dict[str, str], keep: set[str]) -> None:
    """Add newly drawn charts; drop charts no page shows any more (they would only pile up)."""
    for key, svg in drawn.items():
        write_atomic(folder / f"{key}.svg", svg.encode("utf-8"))
    if folder.is_dir():
        for stale in folder.glob("*.svg"):
            if stale.stem not in keep:
                stale.unlink(missing_ok=True)


def sync_tree(source: Path, target: Path) -> WriteReport:
    """Make ``target`` equal to ``source``, touching only files whose bytes differ.

    A site rebuilt after a one-unit edit then changes only the files that show that unit, and
    an unchanged rebuild changes nothing (file times included).
    """
    report = WriteReport()
    wanted = {p.relative_to(source).as_posix() for p in source.rglob("*") if p.is_file()}
    for relative in sorted(wanted):
        write_if_changed(target / relative, (source / relative).read_bytes(), relative, report)
    for path in sorted(target.rglob("*"), reverse=True):
        relative = path.relative_to(target).as_posix()
        if path.is_file() and relative not in wanted:
            path.unlink()
            report.removed.append(relative)
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return report
