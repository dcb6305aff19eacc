"""What a change does to the content, for reviewers, as Markdown: units, regulations, sources,
provinces, kab/kota and standard structures, each added, removed, renamed or changed (with old and
new values), between a git revision and the working tree.

It also finds published addresses a change would break: a unit id gone without ``id_lama`` on
the unit that replaced it, a kab/kota renamed without ``nama_lama``. Those make ``diff`` fail.
"""

from __future__ import annotations

import io
import json
import subprocess
import tarfile
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.content.load import RawDocument, load_content
from generator.errors import GeneratorError
from generator.escape import md
from generator.urls import (
    doc_url,
    secretariat_doc,
    secretariat_key,
    structure_unit_doc,
    unit_doc,
)

#: How many characters of an old or new value a reviewer sees.
VALUE_WIDTH = 80


@dataclass(frozen=True)
class Record:
    """One record as parsed (not validated, so an invalid side still compares) and its file."""

    data: dict[str, Any]
    file: str
    owner: str = ""
    """For a kab/kota: the id of the province whose file holds it."""


Records = dict[str, Record]


@dataclass(frozen=True)
class Snapshot:
    """The records of one side of the comparison, by id (kab/kota by Kemendagri code)."""

    units: Records
    regulations: Records
    sources: Records
    provinces: Records = field(default_factory=dict)
    regencies: Records = field(default_factory=dict)
    structures: Records = field(default_factory=dict)
    unreadable: frozenset[str] = frozenset()
    """Content files that could not be parsed: their records are unknown, not removed."""


@dataclass(frozen=True)
class BrokenAddress:
    """A page that exists at the revision and would disappear without a redirect."""

    address: str
    fix: str


@dataclass
class ContentDiff:
    """Every change between two snapshots, as titled lists of Markdown items."""

    sections: list[tuple[str, list[str]]] = field(default_factory=list)
    broken: list[BrokenAddress] = field(default_factory=list)

    def add(self, title: str, items: list[str]) -> None:
        if items:
            self.sections.append((title, items))

    def empty(self) -> bool:
        return not self.sections and not self.broken


# --- Reading one side ---------------------------------------------------------------------------


def _key(document: RawDocument) -> str:
    data = document.data
    return data["id"] if isinstance(data.get("id"), str) else Path(document.path).stem


def _by_id(documents: list[RawDocument]) -> Records:
    return {_key(d): Record(d.data, d.path) for d in documents if isinstance(d.data, dict)}


def _regencies(provinces: list[RawDocument]) -> Records:
    found: Records = {}
    for document in provinces:
        if not isinstance(document.data, dict):
            continue
        entries = document.data.get("kabupaten_kota")
        for entry in entries if isinstance(entries, list) else []:
            if isinstance(entry, dict):
                kode = entry.get("kode")
                key = kode if isinstance(kode, str) else str(entry.get("nama"))
                found[key] = Record(entry, document.path, _key(document))
    return found


def snapshot(content_dir: Path) -> Snapshot:
    """Every record in a content folder, parsed but not validated."""
    loaded = load_content(content_dir)
    parsed = {
        d.path for d in [*loaded.units, *loaded.regulations, *loaded.regions, *loaded.structures]
    }
    if loaded.sources is not None:
        parsed.add(loaded.sources.path)
    unreadable = frozenset(
        p.path for p in loaded.problems if p.path.endswith(".yml") and p.path not in parsed
    )
    sources: Records = {}
    if loaded.sources is not None and isinstance(loaded.sources.data, dict):
        sources = {
            str(k): Record(v if isinstance(v, dict) else {"nilai": v}, loaded.sources.path)
            for k, v in loaded.sources.data.items()
        }
    return Snapshot(
        _by_id(loaded.units),
        _by_id(loaded.regulations),
        sources,
        _by_id(loaded.regions),
        _regencies(loaded.regions),
        _by_id(loaded.structures),
        unreadable,
    )


def _git(repo: Path, *args: str) -> bytes:
    try:
        result = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=False)
    except FileNotFoundError as error:
        raise GeneratorError(
            "program 'git' tidak ditemukan; pasang git untuk membandingkan dengan revisi lain"
        ) from error
    if result.returncode != 0:
        detail = result.stderr.decode("utf-8", errors="replace").strip()
        raise GeneratorError(f"perintah 'git {' '.join(args)}' gagal: {detail}")
    return result.stdout


def snapshot_at(content_dir: Path, revision: str) -> Snapshot:
    """The content as it was at a git revision."""
    content_dir = content_dir.resolve()
    try:
        top = Path(_git(content_dir, "rev-parse", "--show-toplevel").decode().strip())
    except GeneratorError as error:
        raise GeneratorError(
            f"folder konten '{content_dir}' tidak berada di dalam repositori git, jadi tidak ada "
            "revisi untuk dibandingkan. Jalankan perintah ini di dalam salinan repositori "
            "(hasil 'git clone')"
        ) from error
    relative = content_dir.relative_to(top).as_posix()
    try:
        _git(top, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    except GeneratorError as error:
        raise GeneratorError(
            f"revisi git '{revision}' tidak ditemukan. Periksa ejaannya, atau ambil dulu "
            "riwayatnya (mis. 'git fetch origin')"
        ) from error
    listing = _git(top, "ls-tree", "-d", "--name-only", revision, "--", relative)
    with tempfile.TemporaryDirectory(prefix="konten-") as temp:
        if listing.strip():
            archive = _git(top, "archive", "--format=tar", revision, relative)
            with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
                tar.extractall(temp, filter="data")
        base = Path(temp) / relative
        base.mkdir(parents=True, exist_ok=True)  # the folder may not exist yet at that revision
        return snapshot(base)


# --- Showing values -----------------------------------------------------------------------------


def shorten(text: str, width: int = VALUE_WIDTH) -> str:
    """One line of at most ``width`` characters.

    >>> shorten("a  b\\nc"), shorten("x" * 100)[-3:], len(shorten("x" * 100))
    ('a b c', 'xx…', 80)
    """
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def value(data: Any) -> str:
    """A value as a Markdown code span, shortened; a missing value says so.

    >>> value(None), value("07"), value(["a", "b"]), value("a`b")
    ('(kosong)', '`07`', '`["a", "b"]`', "`a'b`")
    """
    if data is None:
        return "(kosong)"
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False, default=str)
    shown = shorten(text).replace("`", "'") or " "
    return f"`{shown}`"


def _name(record: Record | None, key: str) -> str:
    name = record.data.get("nama") if record else None
    return name if isinstance(name, str) else key


def _label(record: Record | None, key: str) -> str:
    name = record.data.get("nama") if record else None
    return f"{md(name)} (`{key}`)" if isinstance(name, str) else f"`{key}`"


def _changed_fields(before: dict[str, Any], after: dict[str, Any], skip: set[str]) -> list[str]:
    return sorted(
        k for k in set(before) | set(after) if k not in skip and before.get(k) != after.get(k)
    )


def _field_items(
    prefix: str, before: dict[str, Any], after: dict[str, Any], skip: set[str]
) -> list[str]:
    return [
        f"{prefix}: `{k}`: {value(before.get(k))} → {value(after.get(k))}"
        for k in _changed_fields(before, after, skip)
    ]


# --- Pairing records whose key changed ----------------------------------------------------------

Rule = Callable[[str, dict[str, Any], dict[str, Any]], bool]


def _listed(field_name: str, old_value: Callable[[str, dict[str, Any]], Any]) -> Rule:
    def rule(old_key: str, old: dict[str, Any], new: dict[str, Any]) -> bool:
        listed = new.get(field_name)
        return isinstance(listed, list) and old_value(old_key, old) in listed

    return rule


def _same(*names: str) -> Rule:
    def rule(old_key: str, old: dict[str, Any], new: dict[str, Any]) -> bool:
        return old.get(names[0]) is not None and all(old.get(n) == new.get(n) for n in names)

    return rule


#: A unit whose id changed is recognised by its id_lama, its code, or its unchanged name.
UNIT_RULES: tuple[Rule, ...] = (
    _listed("id_lama", lambda key, _: key),
    _same("kode", "jenis"),
    _same("nama"),
)
#: A kab/kota whose code changed: its former name recorded, or the same name in the same province.
REGENCY_RULES: tuple[Rule, ...] = (
    _listed("nama_lama", lambda _, old: old.get("nama")),
    _same("nama"),
)


@dataclass
class Pairing:
    """Old and new keys: pairs (unchanged key or recognised change), and the rest."""

    pairs: list[tuple[str, str]]
    removed: list[str]
    added: list[str]


def pair(
    old: dict[str, dict[str, Any]], new: dict[str, dict[str, Any]], rules: tuple[Rule, ...]
) -> Pairing:
    pairs = [(k, k) for k in sorted(old.keys() & new.keys())]
    removed = sorted(old.keys() - new.keys())
    added = sorted(new.keys() - old.keys())
    for rule in rules:
        for old_key in list(removed):
            match = next((k for k in added if rule(old_key, old[old_key], new[k])), None)
            if match is not None:
                pairs.append((old_key, match))
                removed.remove(old_key)
                added.remove(match)
    return Pairing(pairs, removed, added)


def _data(records: Records) -> dict[str, dict[str, Any]]:
    return {k: r.data for k, r in records.items()}


def _unit_dicts(entries: Any) -> dict[str, dict[str, Any]]:
    if not isinstance(entries, list):
        return {}
    return {e["id"]: e for e in entries if isinstance(e, dict) and isinstance(e.get("id"), str)}


# --- Comparing each kind ------------------------------------------------------------------------


def _flow(text: str) -> str:
    """A name as an item of a YAML flow list, quoted only when it must be.

    >>> _flow("Kabupaten Bogor"), _flow("Kota A, B")
    ('Kabupaten Bogor', '"Kota A, B"')
    """
    plain = text and not any(c in text for c in ",:[]{}#&*!|>'\"%@`") and text == text.strip()
    return text if plain else json.dumps(text, ensure_ascii=False)


def _provisions(prefix: str, before: Any, after: Any) -> list[str]:
    """Quoted provisions (``ketentuan``) by article: added, removed, or changed."""

    def by_article(entries: Any) -> dict[str, dict[str, Any]]:
        found = {}
        for entry in entries if isinstance(entries, list) else []:
            if isinstance(entry, dict):
                parts = (entry.get("topik"), entry.get("peraturan"), entry.get("pasal"))
                found[" ".join(md(p) for p in parts if p is not None)] = entry
        return found

    old, new = by_article(before), by_article(after)
    items = []
    for key in sorted(old.keys() | new.keys()):
        if key not in old:
            items.append(f"{prefix}: kutipan {key} ditambahkan")
        elif key not in new:
            items.append(f"{prefix}: kutipan {key} dihapus")
        else:
            items += _field_items(f"{prefix}: kutipan {key}", old[key], new[key], set())
    return items


@dataclass
class _Units:
    """The changes to one set of units (the central units, or one structure's sub-units)."""

    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    renamed: list[str] = field(default_factory=list)
    new_ids: list[str] = field(default_factory=list)
    moved: list[str] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)
    gone: list[tuple[str, str | None]] = field(default_factory=list)
    """Old ids without a page or a redirect now, with the id of the unit that replaced each."""


def _compare_units(
    old: dict[str, dict[str, Any]],
    new: dict[str, dict[str, Any]],
    skip_removed: Callable[[str], bool] = lambda _: False,
    skip_added: Callable[[str], bool] = lambda _: False,
) -> _Units:
    names = {k: v.get("nama") for k, v in {**old, **new}.items()}

    def label(key: Any) -> str:
        if key is None:
            return "(tanpa induk)"
        name = names.get(key)
        return f"{md(name if isinstance(name, str) else key)} (`{key}`)"

    found = _Units()
    pairing = pair(old, new, UNIT_RULES)
    redirected = {
        i for unit in new.values() for i in unit.get("id_lama") or [] if isinstance(i, str)
    }
    found.added = [
        f"{label(k)}, di bawah {label(new[k].get('induk'))}"
        for k in pairing.added
        if not skip_added(k)
    ]
    for key in pairing.removed:
        if not skip_removed(key):
            found.removed.append(label(key))
            if key not in redirected:
                found.gone.append((key, None))
    for old_key, key in pairing.pairs:
        before, after = old[old_key], new[key]
        if old_key != key:
            note = " (alamat lama dialihkan)" if old_key in redirected else ""
            found.new_ids.append(
                f"{md(_name(Record(after, ''), key))}: `{old_key}` → `{key}`{note}"
            )
            if old_key not in redirected:
                found.gone.append((old_key, key))
        if before.get("nama") != after.get("nama"):
            old_name, new_name = _name(Record(before, ""), old_key), _name(Record(after, ""), key)
            found.renamed.append(f"`{key}`: {md(old_name)} → {md(new_name)}")
        if before.get("induk") != after.get("induk"):
            moved = (
                f"{label(key)}: dari {label(before.get('induk'))} ke {label(after.get('induk'))}"
            )
            found.moved.append(moved)
        skip = {"id", "nama", "induk", "ketentuan"}
        found.fields += _field_items(label(key), before, after, skip)
        found.fields += _provisions(label(key), before.get("ketentuan"), after.get("ketentuan"))
    return found


def _central_units(old: Snapshot, new: Snapshot, diff: ContentDiff) -> None:
    found = _compare_units(
        _data(old.units),
        _data(new.units),
        skip_removed=lambda k: old.units[k].file in new.unreadable,
        skip_added=lambda k: new.units[k].file in old.unreadable,
    )
    diff.add("Unit ditambahkan", found.added)
    diff.add("Unit dihapus", found.removed)
    diff.add("Unit berganti nama", found.renamed)
    diff.add("Unit berganti id", found.new_ids)
    diff.add("Unit dipindahkan", found.moved)
    diff.add("Kolom berubah", found.fields)
    for old_id, new_id in found.gone:
        address = doc_url(unit_doc(old_id))
        if new_id is None:
            fix = (
                f"unit `{old_id}` dihapus. Simpan berkasnya dengan `status: dibubarkan`, atau "
                f"tambahkan `id_lama: [{old_id}]` ke berkas unit penggantinya"
            )
        else:
            fix = f"tambahkan `id_lama: [{old_id}]` ke {new.units[new_id].file}"
        diff.broken.append(BrokenAddress(address, fix))


def _simple(
    title: str, old: Snapshot, new: Snapshot, kind: Callable[[Snapshot], Records], diff: ContentDiff
) -> None:
    """Records compared field by field: regulations, sources, provinces (without their kab/kota)."""
    items = list(
        _by_key(
            kind(old), kind(new), old, new,
            lambda key, before, after: _field_items(
                _label(after, key), before.data, after.data, {"kabupaten_kota"}
            ),
        )
    )  # fmt: skip
    diff.add(title, items)


def _regency_label(record: Record, kode: str) -> str:
    return f"{md(_name(record, kode))} ({md(kode)})"


def _regency_pair(
    old: Snapshot, new: Snapshot, old_key: str, key: str, diff: ContentDiff
) -> dict[str, list[str]]:
    before, after = old.regencies[old_key], new.regencies[key]
    items: dict[str, list[str]] = {"kode": [], "nama": [], "provinsi": [], "kolom": []}
    label = _regency_label(after, key)
    if old_key != key:
        items["kode"].append(f"{md(_name(after, key))}: `{old_key}` → `{key}`")
    if before.owner != after.owner:
        items["provinsi"].append(f"{label}: dari `{before.owner}` ke `{after.owner}`")
    old_name, new_name = _name(before, old_key), _name(after, key)
    if old_name != new_name:
        items["nama"].append(f"{md(key)}: {md(old_name)} → {md(new_name)}")
    items["kolom"] += _field_items(label, before.data, after.data, {"kode", "nama"})

    # A new name is a new page address: the old one needs a redirect (same province only).
    def address(name: str) -> str:
        return secretariat_key(after.owner, name)

    current = {address(_name(r, k)) for k, r in new.regencies.items() if r.owner == after.owner}
    former = after.data.get("nama_lama")
    recorded = (
        {address(n) for n in former if isinstance(n, str)} if isinstance(former, list) else set()
    )
    if before.owner == after.owner and address(old_name) not in current | recorded:
        diff.broken.append(
            BrokenAddress(
                doc_url(secretariat_doc(address(old_name))),
                f"tambahkan `nama_lama: [{_flow(old_name)}]` pada kabupaten/kota kode {key} di "
                f"{after.file}",
            )
        )
    return items


def _regencies_diff(old: Snapshot, new: Snapshot, diff: ContentDiff) -> None:
    pairing = pair(_data(old.regencies), _data(new.regencies), REGENCY_RULES)

    def where(record: Record) -> str:
        return f" di `{record.owner}`"

    added = [
        _regency_label(new.regencies[k], k) + where(new.regencies[k])
        for k in pairing.added
        if new.regencies[k].file not in old.unreadable
    ]
    removed = [
        _regency_label(old.regencies[k], k) + where(old.regencies[k])
        for k in pairing.removed
        if old.regencies[k].file not in new.unreadable
    ]
    changes: dict[str, list[str]] = {"kode": [], "nama": [], "provinsi": [], "kolom": []}
    for old_key, key in pairing.pairs:
        for kind, items in _regency_pair(old, new, old_key, key, diff).items():
            changes[kind] += items
    diff.add("Kabupaten/kota ditambahkan", added)
    diff.add("Kabupaten/kota dihapus", removed)
    diff.add("Kabupaten/kota berganti nama", changes["nama"])
    diff.add("Kabupaten/kota berganti kode", changes["kode"])
    diff.add("Kabupaten/kota pindah provinsi", changes["provinsi"])
    diff.add("Kabupaten/kota: kolom berubah", changes["kolom"])


def _structure_changes(key: str, before: Record, after: Record, diff: ContentDiff) -> list[str]:
    prefix = _label(after, key)
    items = _field_items(prefix, before.data, after.data, {"sub_unit", "ketentuan"})
    items += _provisions(prefix, before.data.get("ketentuan"), after.data.get("ketentuan"))
    old_units, new_units = (
        _unit_dicts(before.data.get("sub_unit")),
        _unit_dicts(after.data.get("sub_unit")),
    )
    found = _compare_units(old_units, new_units)
    for title, entries in (
        ("sub-unit ditambahkan", found.added),
        ("sub-unit dihapus", found.removed),
        ("sub-unit berganti nama", found.renamed),
        ("sub-unit berganti id", found.new_ids),
        ("sub-unit dipindahkan", found.moved),
        ("sub-unit", found.fields),
    ):
        items += [f"{prefix}, {title}: {entry}" for entry in entries]
    for old_id, new_id in found.gone:
        if new_id is None:
            fix = (
                f"sub-unit `{old_id}` dihapus dari {after.file}. Simpan sub-unit itu dengan "
                f"`status: dibubarkan`, atau tambahkan `id_lama: [{old_id}]` pada sub-unit penggantinya"
            )
        else:
            fix = f"tambahkan `id_lama: [{old_id}]` pada sub-unit `{new_id}` di {after.file}"
        diff.broken.append(BrokenAddress(doc_url(structure_unit_doc(key, old_id)), fix))
    return items


def _structures_diff(old: Snapshot, new: Snapshot, diff: ContentDiff) -> None:
    items = list(
        _by_key(
            old.structures, new.structures, old, new,
            lambda key, before, after: _structure_changes(key, before, after, diff),
        )
    )  # fmt: skip
    diff.add("Struktur baku", items)


def _by_key(
    before_records: Records,
    after_records: Records,
    old: Snapshot,
    new: Snapshot,
    changed: Callable[[str, Record, Record], list[str]],
) -> Iterator[str]:
    """Added and removed records (unless their file could not be read), and ``changed`` items."""
    for key in sorted(before_records.keys() | after_records.keys()):
        before, after = before_records.get(key), after_records.get(key)
        if before is None and after is not None:
            if after.file not in old.unreadable:
                yield f"{_label(after, key)} ditambahkan"
        elif after is None and before is not None:
            if before.file not in new.unreadable:
                yield f"{_label(before, key)} dihapus"
        elif before is not None and after is not None:
            yield from changed(key, before, after)


def compare(old: Snapshot, new: Snapshot) -> ContentDiff:
    """Classify every difference between two snapshots."""
    diff = ContentDiff()
    diff.add(
        "Berkas tidak dapat dibaca (isinya tidak dibandingkan; lihat `python -m generator check`)",
        [f"`{p}` (sekarang)" for p in sorted(new.unreadable)]
        + [f"`{p}` (pada revisi pembanding)" for p in sorted(old.unreadable)],
    )
    _central_units(old, new, diff)
    _simple("Peraturan", old, new, lambda s: s.regulations, diff)
    _simple("Sumber", old, new, lambda s: s.sources, diff)
    _simple("Provinsi", old, new, lambda s: s.provinces, diff)
    _regencies_diff(old, new, diff)
    _structures_diff(old, new, diff)
    return diff


def markdown(diff: ContentDiff, revision: str) -> str:
    """The diff as a Markdown section for a pull-request page."""
    lines = [f"## Perubahan konten dibanding `{revision}`", ""]
    if diff.empty():
        return "\n".join([*lines, "Tidak ada perubahan pada konten.", ""])
    sections = list(diff.sections)
    if diff.broken:
        title = "Alamat halaman yang akan rusak; catat alamat lamanya"
        sections.insert(0, (title, [f"`{b.address}`: {b.fix}" for b in diff.broken]))
    for title, items in sections:
        lines.extend([f"**{title} ({len(items)})**", "", *(f"- {item}" for item in items), ""])
    return "\n".join(lines)


def describe(content_dir: Path, revision: str) -> ContentDiff:
    """Compare the content folder with the same folder at ``revision``."""
    return compare(snapshot_at(content_dir, revision), snapshot(content_dir))
