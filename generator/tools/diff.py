"""What a change does to the content, as data: units, regulations, sources, provinces, kab/kota
and standard structures, each added, removed, renamed or changed (with old and new values),
between a git revision and the working tree. ``generator.tools.diff_report`` writes it for
reviewers (Markdown) and for other tools (JSON).

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
from enum import StrEnum
from pathlib import Path
from typing import Any

from generator.content.load import RawDocument, load_content
from generator.errors import GeneratorError
from generator.urls import (
    doc_url,
    secretariat_doc,
    secretariat_key,
    structure_unit_doc,
    unit_doc,
)


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


class Subject(StrEnum):
    """What kind of thing changed."""

    FILE = "berkas"
    UNIT = "unit"
    REGULATION = "peraturan"
    SOURCE = "sumber"
    PROVINCE = "provinsi"
    REGENCY = "kabupaten-kota"
    STRUCTURE = "struktur-baku"
    SUB_UNIT = "sub-unit"


class Kind(StrEnum):
    """How it changed."""

    UNREADABLE = "tidak-terbaca"
    ADDED = "ditambahkan"
    REMOVED = "dihapus"
    RENAMED = "berganti-nama"
    NEW_KEY = "berganti-id"
    """A new id (a kab/kota: a new Kemendagri code)."""
    MOVED = "dipindahkan"
    """A new parent (a kab/kota: another province)."""
    FIELD = "kolom-berubah"
    QUOTE_ADDED = "kutipan-ditambahkan"
    QUOTE_REMOVED = "kutipan-dihapus"
    QUOTE_CHANGED = "kutipan-berubah"


@dataclass(frozen=True)
class Ref:
    """A record as a change names it: its key (id, Kemendagri code, or file) and its name."""

    key: str | None
    """None for 'no parent'."""
    name: str | None = None


@dataclass(frozen=True)
class Change:
    """One difference between the revision and the working tree."""

    subject: Subject
    kind: Kind
    record: Ref
    """The record (by its key and name now; before, for a removed one)."""
    within: Ref | None = None
    """The standard structure a sub-unit belongs to; the province (by id) of a kab/kota."""
    field: str | None = None
    """The field that changed (``Kind.FIELD``, ``Kind.QUOTE_CHANGED``)."""
    quote: tuple[Any, ...] = ()
    """The quotation concerned: its topic, regulation and article."""
    before: Any = None
    """The old value: of the field, the old id or code, the old name, the old parent (a ``Ref``)
    or province id; for an unreadable file, its path when it is the revision's."""
    after: Any = None
    """The new value, likewise; for an added unit, its parent (a ``Ref``)."""
    redirected: bool = False
    """For a new id: the old address is recorded (``id_lama``) and leads to the new page."""


@dataclass(frozen=True)
class BrokenAddress:
    """A page that exists at the revision and would disappear without a redirect."""

    address: str
    fix: str


@dataclass
class ContentDiff:
    """Every change between two snapshots, and the published addresses it would break."""

    changes: list[Change] = field(default_factory=list)
    broken: list[BrokenAddress] = field(default_factory=list)

    def empty(self) -> bool:
        return not self.changes and not self.broken


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


# --- Comparing values ---------------------------------------------------------------------------


def _name(record: Record | None, key: str) -> str:
    name = record.data.get("nama") if record else None
    return name if isinstance(name, str) else key


def _ref(record: Record | None, key: str) -> Ref:
    name = record.data.get("nama") if record else None
    return Ref(key, name if isinstance(name, str) else None)


def _changed_fields(before: dict[str, Any], after: dict[str, Any], skip: set[str]) -> list[str]:
    return sorted(
        k for k in set(before) | set(after) if k not in skip and before.get(k) != after.get(k)
    )


def _field_changes(
    base: Change, before: dict[str, Any], after: dict[str, Any], skip: set[str]
) -> list[Change]:
    """One change per field that differs, made from ``base`` (its subject and record)."""
    return [
        _with(base, Kind.FIELD, field=k, before=before.get(k), after=after.get(k))
        for k in _changed_fields(before, after, skip)
    ]


def _with(base: Change, kind: Kind, **values: Any) -> Change:
    return Change(base.subject, kind, base.record, base.within, **values)


def _provisions(base: Change, before: Any, after: Any) -> list[Change]:
    """Quoted provisions (``ketentuan``) by article: added, removed, or changed."""

    def by_article(entries: Any) -> dict[tuple[Any, ...], dict[str, Any]]:
        found = {}
        for entry in entries if isinstance(entries, list) else []:
            if isinstance(entry, dict):
                parts = (entry.get("topik"), entry.get("peraturan"), entry.get("pasal"))
                found[tuple(p for p in parts if p is not None)] = entry
        return found

    old, new = by_article(before), by_article(after)
    changes = []
    for key in sorted(old.keys() | new.keys(), key=lambda parts: " ".join(map(str, parts))):
        if key not in old:
            changes.append(_with(base, Kind.QUOTE_ADDED, quote=key))
        elif key not in new:
            changes.append(_with(base, Kind.QUOTE_REMOVED, quote=key))
        else:
            changes += [
                _with(
                    base,
                    Kind.QUOTE_CHANGED,
                    quote=key,
                    field=c.field,
                    before=c.before,
                    after=c.after,
                )
                for c in _field_changes(base, old[key], new[key], set())
            ]
    return changes


@dataclass
class _Units:
    """The changes to one set of units (the central units, or one structure's sub-units)."""

    changes: list[Change] = field(default_factory=list)
    gone: list[tuple[str, str | None]] = field(default_factory=list)
    """Old ids without a page or a redirect now, with the id of the unit that replaced each."""


def _compare_units(
    subject: Subject,
    old: dict[str, dict[str, Any]],
    new: dict[str, dict[str, Any]],
    within: Ref | None = None,
    skip_removed: Callable[[str], bool] = lambda _: False,
    skip_added: Callable[[str], bool] = lambda _: False,
) -> _Units:
    names = {k: v.get("nama") for k, v in {**old, **new}.items()}

    def ref(key: Any) -> Ref:
        name = names.get(key)
        return Ref(key, name if isinstance(name, str) else None)

    def change(kind: Kind, key: str, **values: Any) -> Change:
        return Change(subject, kind, ref(key), within, **values)

    pairing = pair(old, new, UNIT_RULES)
    redirected = {
        i for unit in new.values() for i in unit.get("id_lama") or [] if isinstance(i, str)
    }
    found = _Units()
    added = [
        change(Kind.ADDED, k, after=ref(new[k].get("induk")))
        for k in pairing.added
        if not skip_added(k)
    ]
    removed = []
    for key in pairing.removed:
        if not skip_removed(key):
            removed.append(change(Kind.REMOVED, key))
            if key not in redirected:
                found.gone.append((key, None))
    renamed, new_keys, moved, fields = [], [], [], []
    for old_key, key in pairing.pairs:
        before, after = old[old_key], new[key]
        if old_key != key:
            new_keys.append(
                change(
                    Kind.NEW_KEY, key, before=old_key, after=key, redirected=old_key in redirected
                )
            )
            if old_key not in redirected:
                found.gone.append((old_key, key))
        if before.get("nama") != after.get("nama"):
            old_name, new_name = _name(Record(before, ""), old_key), _name(Record(after, ""), key)
            renamed.append(change(Kind.RENAMED, key, before=old_name, after=new_name))
        if before.get("induk") != after.get("induk"):
            moved.append(
                change(
                    Kind.MOVED, key, before=ref(before.get("induk")), after=ref(after.get("induk"))
                )
            )
        base = change(Kind.FIELD, key)
        fields += _field_changes(base, before, after, {"id", "nama", "induk", "ketentuan"})
        fields += _provisions(base, before.get("ketentuan"), after.get("ketentuan"))
    found.changes = [*added, *removed, *renamed, *new_keys, *moved, *fields]
    return found


def flow(text: str) -> str:
    """A name as an item of a YAML flow list, quoted only when it must be.

    >>> flow("Kabupaten Bogor"), flow("Kota A, B")
    ('Kabupaten Bogor', '"Kota A, B"')
    """
    plain = text and not any(c in text for c in ",:[]{}#&*!|>'\"%@`") and text == text.strip()
    return text if plain else json.dumps(text, ensure_ascii=False)


def _central_units(old: Snapshot, new: Snapshot, diff: ContentDiff) -> None:
    found = _compare_units(
        Subject.UNIT,
        _data(old.units),
        _data(new.units),
        skip_removed=lambda k: old.units[k].file in new.unreadable,
        skip_added=lambda k: new.units[k].file in old.unreadable,
    )
    diff.changes += found.changes
    for old_id, new_id in found.gone:
        if new_id is None:
            fix = (
                f"unit `{old_id}` dihapus. Simpan berkasnya dengan `status: dibubarkan`, atau "
                f"tambahkan `id_lama: [{old_id}]` ke berkas unit penggantinya"
            )
        else:
            fix = f"tambahkan `id_lama: [{old_id}]` ke {new.units[new_id].file}"
        diff.broken.append(BrokenAddress(doc_url(unit_doc(old_id)), fix))


def _by_key(
    subject: Subject,
    before_records: Records,
    after_records: Records,
    old: Snapshot,
    new: Snapshot,
    changed: Callable[[Change, Record, Record], list[Change]],
) -> Iterator[Change]:
    """Added and removed records (unless their file could not be read), and ``changed`` ones."""
    for key in sorted(before_records.keys() | after_records.keys()):
        before, after = before_records.get(key), after_records.get(key)
        if before is None and after is not None:
            if after.file not in old.unreadable:
                yield Change(subject, Kind.ADDED, _ref(after, key))
        elif after is None and before is not None:
            if before.file not in new.unreadable:
                yield Change(subject, Kind.REMOVED, _ref(before, key))
        elif before is not None and after is not None:
            yield from changed(Change(subject, Kind.FIELD, _ref(after, key)), before, after)


def _simple(
    subject: Subject, old: Records, new: Records, sides: tuple[Snapshot, Snapshot]
) -> list[Change]:
    """Records compared field by field: regulations, sources, provinces (without their kab/kota)."""
    return list(
        _by_key(
            subject, old, new, *sides,
            lambda base, before, after: _field_changes(base, before.data, after.data, {"kabupaten_kota"}),
        )
    )  # fmt: skip


def _regency_pair(
    old: Snapshot, new: Snapshot, old_key: str, key: str, diff: ContentDiff
) -> dict[Kind, list[Change]]:
    before, after = old.regencies[old_key], new.regencies[key]
    found: dict[Kind, list[Change]] = {
        k: [] for k in (Kind.RENAMED, Kind.NEW_KEY, Kind.MOVED, Kind.FIELD)
    }
    base = Change(Subject.REGENCY, Kind.FIELD, _ref(after, key), Ref(after.owner))
    if old_key != key:
        found[Kind.NEW_KEY].append(_with(base, Kind.NEW_KEY, before=old_key, after=key))
    if before.owner != after.owner:
        found[Kind.MOVED].append(_with(base, Kind.MOVED, before=before.owner, after=after.owner))
    old_name, new_name = _name(before, old_key), _name(after, key)
    if old_name != new_name:
        found[Kind.RENAMED].append(_with(base, Kind.RENAMED, before=old_name, after=new_name))
    found[Kind.FIELD] += _field_changes(base, before.data, after.data, {"kode", "nama"})

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
                f"tambahkan `nama_lama: [{flow(old_name)}]` pada kabupaten/kota kode {key} di "
                f"{after.file}",
            )
        )
    return found


def _regencies_diff(old: Snapshot, new: Snapshot, diff: ContentDiff) -> None:
    pairing = pair(_data(old.regencies), _data(new.regencies), REGENCY_RULES)

    def change(kind: Kind, record: Record, key: str) -> Change:
        return Change(Subject.REGENCY, kind, _ref(record, key), Ref(record.owner))

    added = [
        change(Kind.ADDED, new.regencies[k], k)
        for k in pairing.added
        if new.regencies[k].file not in old.unreadable
    ]
    removed = [
        change(Kind.REMOVED, old.regencies[k], k)
        for k in pairing.removed
        if old.regencies[k].file not in new.unreadable
    ]
    changes: dict[Kind, list[Change]] = {
        k: [] for k in (Kind.RENAMED, Kind.NEW_KEY, Kind.MOVED, Kind.FIELD)
    }
    for old_key, key in pairing.pairs:
        for kind, items in _regency_pair(old, new, old_key, key, diff).items():
            changes[kind] += items
    diff.changes += [*added, *removed, *(c for items in changes.values() for c in items)]


def _structure_changes(
    base: Change, before: Record, after: Record, diff: ContentDiff
) -> list[Change]:
    key = base.record.key or ""
    changes = _field_changes(base, before.data, after.data, {"sub_unit", "ketentuan"})
    changes += _provisions(base, before.data.get("ketentuan"), after.data.get("ketentuan"))
    found = _compare_units(
        Subject.SUB_UNIT,
        _unit_dicts(before.data.get("sub_unit")),
        _unit_dicts(after.data.get("sub_unit")),
        within=base.record,
    )
    changes += found.changes
    for old_id, new_id in found.gone:
        if new_id is None:
            fix = (
                f"sub-unit `{old_id}` dihapus dari {after.file}. Simpan sub-unit itu dengan "
                f"`status: dibubarkan`, atau tambahkan `id_lama: [{old_id}]` pada sub-unit penggantinya"
            )
        else:
            fix = f"tambahkan `id_lama: [{old_id}]` pada sub-unit `{new_id}` di {after.file}"
        diff.broken.append(BrokenAddress(doc_url(structure_unit_doc(key, old_id)), fix))
    return changes


def compare(old: Snapshot, new: Snapshot) -> ContentDiff:
    """Classify every difference between two snapshots."""
    diff = ContentDiff()
    diff.changes += [
        Change(Subject.FILE, Kind.UNREADABLE, Ref(p), after=p) for p in sorted(new.unreadable)
    ]
    diff.changes += [
        Change(Subject.FILE, Kind.UNREADABLE, Ref(p), before=p) for p in sorted(old.unreadable)
    ]
    _central_units(old, new, diff)
    sides = (old, new)
    diff.changes += _simple(Subject.REGULATION, old.regulations, new.regulations, sides)
    diff.changes += _simple(Subject.SOURCE, old.sources, new.sources, sides)
    diff.changes += _simple(Subject.PROVINCE, old.provinces, new.provinces, sides)
    _regencies_diff(old, new, diff)
    diff.changes += _by_key(
        Subject.STRUCTURE, old.structures, new.structures, old, new,
        lambda base, before, after: _structure_changes(base, before, after, diff),
    )  # fmt: skip
    return diff


def describe(content_dir: Path, revision: str) -> ContentDiff:
    """Compare the content folder with the same folder at ``revision``."""
    return compare(snapshot_at(content_dir, revision), snapshot(content_dir))
