"""The feed of changes (Atom, ``perubahan.xml``): what changed in the structure and in the content.

Pure: made from the model and from the content's history, which the pipeline reads from git and
hands over as plain data (``Commit``), so this layer never runs git. Two kinds of entries:

- one per commit that changed the content, dated by the commit, naming in reader words each
  record it added, changed or removed (and which of its facts changed), linking to its page;
  the first commit of the history is one entry, "the site's first content";
- one per change of the structure the content records (a unit replaced, split, merged,
  dissolved or formed), linking to the page that shows the change, dated by the last commit
  that touched one of its units (or the build's date without a history). Inferred links and
  dates carry their confidence label in the title, as on the pages.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from generator.model import timeline
from generator.model.confidence import confidence
from generator.model.organisation import Organisation
from generator.model.timeline import UNCERTAIN_LINKS, Change, ChangeKind
from generator.plan.labels import CONFIDENCE_LABELS, regulation_short
from generator.plan.page import HOME_DOC
from generator.schema import Confidence
from generator.urls import (
    HISTORY_DOC,
    regulation_doc,
    secretariat_doc,
    structure_doc,
    unit_doc,
)

TITLE = "Perubahan Struktur Organisasi Setjen KPU"
SUBTITLE = "Perubahan susunan unit Sekretariat Jenderal KPU dan pembaruan isi situs ini"
#: A feed is read for what is new: older entries drop off.
MAX_ENTRIES = 50
#: How many names a title or a list of details shows before "dan N lainnya".
SHOWN = 3
#: Stable ids without a site address: ids are UUIDs derived from what the entry is about.
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "struktur-organisasi-setjen-kpu/perubahan")

#: Content fields in reader words (the feed is read by readers, not editors).
FIELD_WORDS: dict[str, str] = {
    "nama": "nama",
    "singkatan": "singkatan",
    "alias": "sebutan lain",
    "jenis": "jenis",
    "status": "status",
    "periode": "masa berdiri",
    "induk": "unit atasan",
    "digantikan_oleh": "unit pengganti",
    "id_lama": "alamat lama",
    "kode": "kode",
    "kepala": "pimpinan",
    "jabatan": "jenjang jabatan",
    "eselon": "eselon",
    "dasar_hukum": "dasar hukum",
    "ketentuan": "kutipan pasal",
    "sumber": "sumber",
    "keyakinan": "tingkat keyakinan",
    "rincian_keyakinan": "tingkat keyakinan",
    "catatan": "catatan",
    "urutan": "urutan",
    "nomor": "nomor",
    "tahun": "tahun",
    "tentang": "judul",
    "ditetapkan": "tanggal penetapan",
    "pengundangan": "pengundangan",
    "hubungan": "hubungan dengan peraturan lain",
    "ringkasan": "ringkasan",
    "tautan_resmi": "tautan resmi",
    "nama_singkat": "nama singkat",
    "lembaga": "lembaga",
    "situs": "situs",
    "tipe": "tipe sekretariat",
    "sub_unit": "unit di bawahnya",
    "sub_unit_dihapus": "susunan",
    "sub_unit_tambahan": "susunan",
    "kabupaten_kota": "kabupaten/kota",
    "tingkat": "tingkat",
    "judul": "judul",
    "url": "alamat",
}

_VERBS = {"A": "ditambahkan", "M": "diperbarui", "D": "dihapus"}
#: Order of the kinds of records within an entry: the structure first.
_ORDER = ("unit", "peraturan", "templat", "wilayah", "sumber.yml")


@dataclass(frozen=True)
class FileChange:
    """One content file a commit added (A), modified (M) or deleted (D), parsed on each side."""

    status: str
    path: str
    """Relative to the content folder, e.g. 'unit/biro-umum.yml'."""
    before: Any = None
    after: Any = None


@dataclass(frozen=True)
class Commit:
    """One commit that changed the content: when, and what."""

    sha: str
    time: int
    """Committer time, seconds since the epoch."""
    files: tuple[FileChange, ...]
    first: bool = False
    """The history's first commit: everything in it is the site's first content."""


@dataclass(frozen=True)
class Item:
    """One record an entry is about."""

    label: str
    doc: str | None
    """Its page under docs/, or None when it has none (removed, or a list like the sources)."""
    verb: str
    details: tuple[str, ...] = ()
    """What changed, in reader words."""


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    time: int
    doc: str
    """The page the entry links to."""
    summary: str
    items: tuple[Item, ...] = ()

    @property
    def updated(self) -> str:
        return timestamp(self.time)


@dataclass(frozen=True)
class Feed:
    id: str
    title: str
    subtitle: str
    time: int
    entries: tuple[Entry, ...]

    @property
    def updated(self) -> str:
        return timestamp(self.time)


def timestamp(seconds: int) -> str:
    """An Atom date (RFC 3339, UTC).

    >>> timestamp(0)
    '1970-01-01T00:00:00Z'
    """
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def stable_id(*parts: str) -> str:
    """A permanent entry id derived from what the entry is about.

    >>> stable_id("a") == stable_id("a") != stable_id("b")
    True
    """
    return uuid.uuid5(_NAMESPACE, "\x1f".join(parts)).urn


def some(names: list[str], shown: int = SHOWN) -> str:
    """A few names, Indonesian style, and how many more.

    >>> some(["a"]), some(["a", "b"]), some(["a", "b", "c"]), some(["a", "b", "c", "d", "e"])
    ('a', 'a dan b', 'a, b, dan c', 'a, b, c, dan 2 lainnya')
    """
    if not names:
        return ""
    if len(names) <= 2:
        return " dan ".join(names)
    if len(names) <= shown:
        return ", ".join(names[:-1]) + ", dan " + names[-1]
    return ", ".join(names[:shown]) + f", dan {len(names) - shown} lainnya"


def changed_fields(before: Any, after: Any, skip: Iterable[str] = ()) -> list[str]:
    """The top-level fields whose values differ, in reader words, once each.

    >>> changed_fields({"nama": "A", "sumber": ["x"]}, {"nama": "A", "sumber": ["y"], "catatan": "c"})
    ['catatan', 'sumber']
    >>> changed_fields({"keyakinan": "a"}, {"rincian_keyakinan": {}})
    ['tingkat keyakinan']
    """
    old = before if isinstance(before, dict) else {}
    new = after if isinstance(after, dict) else {}
    keys = sorted(k for k in old.keys() | new.keys() if k not in skip and old.get(k) != new.get(k))
    return sorted({FIELD_WORDS.get(k, str(k).replace("_", " ")) for k in keys})


def _name(data: Any, fallback: str) -> str:
    name = data.get("nama") if isinstance(data, dict) else None
    return name if isinstance(name, str) else fallback


def _regency_details(before: Any, after: Any) -> list[str]:
    """The kabupaten/kota a province file changed, by name."""

    def by_code(data: Any) -> dict[str, dict[str, Any]]:
        entries = data.get("kabupaten_kota") if isinstance(data, dict) else None
        return {
            str(e.get("kode")): e for e in entries or [] if isinstance(e, dict) and e.get("kode")
        }

    old, new = by_code(before), by_code(after)
    changed = [
        _name(new.get(k) or old.get(k), k)
        for k in sorted(old.keys() | new.keys())
        if old.get(k) != new.get(k)
    ]
    return [f"data {some(changed)}"] if changed else []


def _source_details(before: Any, after: Any) -> list[str]:
    old = before if isinstance(before, dict) else {}
    new = after if isinstance(after, dict) else {}

    def title(key: str) -> str:
        data = new.get(key) or old.get(key)
        judul = data.get("judul") if isinstance(data, dict) else None
        return f"“{judul}”" if isinstance(judul, str) else "satu sumber"

    details = []
    for verb, keys in (
        ("ditambahkan", sorted(new.keys() - old.keys())),
        ("diperbarui", sorted(k for k in old.keys() & new.keys() if old[k] != new[k])),
        ("dihapus", sorted(old.keys() - new.keys())),
    ):
        if keys:
            details.append(f"{verb}: {some([title(k) for k in keys], 2)}")
    return details


def file_item(org: Organisation, change: FileChange) -> Item | None:
    """What a changed content file means for readers; None for files no page shows."""
    folder, _, name = change.path.rpartition("/")
    key = name.removesuffix(".yml")
    verb = _VERBS.get(change.status, "diperbarui")
    data = change.after if change.after is not None else change.before
    modified = change.status == "M"
    if modified and change.before is not None and change.before == change.after:
        return None  # comments or layout only: nothing a reader sees changed
    if change.path == "sumber.yml":
        return Item(
            "Daftar sumber", None, verb, tuple(_source_details(change.before, change.after))
        )
    if folder == "unit":
        unit = org.units.get(key)
        label = unit.nama if unit else _name(data, key)
        details = changed_fields(change.before, change.after, {"id"}) if modified else []
        return Item(label, unit_doc(key) if unit else None, verb, tuple(details))
    if folder == "peraturan":
        regulation = org.regulations.get(key)
        label = regulation_short(regulation) if regulation else key
        details = changed_fields(change.before, change.after, {"id"}) if modified else []
        return Item(label, regulation_doc(key) if regulation else None, verb, tuple(details))
    if folder == "wilayah":
        secretariat = org.regional.secretariats.get(key)
        label = secretariat.short if secretariat else _name(data, key)
        details = []
        if modified:
            details = changed_fields(change.before, change.after, {"id", "kabupaten_kota"})
            details += _regency_details(change.before, change.after)
        return Item(label, secretariat_doc(key) if secretariat else None, verb, tuple(details))
    if folder == "templat":
        structure = next((s for s in org.regional.structures.values() if s.id == key), None)
        label = structure.nama if structure else _name(data, key)
        details = changed_fields(change.before, change.after, {"id"}) if modified else []
        return Item(label, structure_doc(key) if structure else None, verb, tuple(details))
    return None


def _kind_order(item_path: str) -> int:
    folder = item_path.split("/", 1)[0] if "/" in item_path else item_path
    return _ORDER.index(folder) if folder in _ORDER else len(_ORDER)


def commit_entry(org: Organisation, commit: Commit) -> Entry | None:
    """One commit's entry; None when it changed nothing a page shows."""
    if commit.first:
        return _first_entry(commit)
    changes = sorted(commit.files, key=lambda c: (_kind_order(c.path), c.path))
    items = [item for c in changes if (item := file_item(org, c)) is not None]
    if not items:
        return None
    verbs = {i.verb for i in items}
    verb = verbs.pop().capitalize() if len(verbs) == 1 else "Perubahan isi"
    title = f"{verb}: {some([i.label for i in items])}"
    doc = next((i.doc for i in items if i.doc), HOME_DOC)
    described = [
        f"{i.label} {i.verb}" + (f" ({', '.join(i.details)})" if i.details else "") for i in items
    ]
    summary = "; ".join(described[:SHOWN])
    if len(described) > SHOWN:
        summary += f"; dan {len(described) - SHOWN} lainnya"
    return Entry(stable_id("isi", commit.sha), title, commit.time, doc, summary + ".", tuple(items))


def _first_entry(commit: Commit) -> Entry:
    kinds = {
        "unit": "unit",
        "peraturan": "peraturan",
        "wilayah": "provinsi",
        "templat": "struktur baku",
    }
    counts = [
        f"{n} {label}"
        for folder, label in kinds.items()
        if (n := sum(1 for c in commit.files if c.path.startswith(folder + "/")))
    ]
    summary = "Isi pertama situs ini" + (f": {some(counts, 4)}." if counts else ".")
    return Entry(stable_id("isi", commit.sha), "Isi awal situs", commit.time, HOME_DOC, summary)


_SENTENCES = {
    ChangeKind.RENAMED: "{before} digantikan oleh {after}",
    ChangeKind.SPLIT: "{before} dipecah menjadi {after}",
    ChangeKind.MERGED: "{before} digabung menjadi {after}",
    ChangeKind.REORGANISED: "{before} ditata ulang menjadi {after}",
    ChangeKind.DISSOLVED: "{before} tidak ada lagi dalam struktur",
    ChangeKind.NEW: "{after} dibentuk",
}


def _uncertainty(change: Change) -> Confidence | None:
    """The weakest confidence among the change's links and its units' years, if not sure."""
    marks = [link.confidence for link in change.links if link.uncertain]
    marks += [
        c.keyakinan
        for unit in (*change.before, *change.after)
        if (c := confidence(unit, "periode")).keyakinan in UNCERTAIN_LINKS
    ]
    for level in (Confidence.UNVERIFIED, Confidence.INFERRED):
        if level in marks:
            return level
    return None


def structure_entry(change: Change, last_touched: Mapping[str, int], fallback: int) -> Entry:
    """One recorded change of the structure, dated by the last commit touching its units."""
    sentence = _SENTENCES[change.kind].format(
        before=some([u.nama for u in change.before], 2),
        after=some([u.nama for u in change.after], 2),
    )
    when = str(change.year) if change.year is not None else "tahun belum diketahui"
    mark = _uncertainty(change)
    title = f"Perubahan struktur ({when}): {sentence}"
    if mark is not None:
        title += f" [{CONFIDENCE_LABELS[mark]}]"
    items = tuple(
        Item(u.nama, unit_doc(u.id), "sebelum" if u in change.before else "sesudah")
        for u in (*change.before, *change.after)
    )
    reasons = dict.fromkeys(
        f"{CONFIDENCE_LABELS[link.confidence]}: {link.reason}"
        for link in change.links
        if link.uncertain and link.reason
    )
    summary = sentence[0].upper() + sentence[1:] + (f" ({when})." if change.year else ".")
    summary += "".join(f" {r}" for r in reasons)
    files = [f"unit/{u.id}.yml" for u in (*change.before, *change.after)]
    time = max((last_touched[f] for f in files if f in last_touched), default=fallback)
    key = ",".join(u.id for u in change.before) + ">" + ",".join(u.id for u in change.after)
    return Entry(stable_id("struktur", key), title, time, HISTORY_DOC, summary, items)


def last_touched(commits: Iterable[Commit]) -> dict[str, int]:
    """When each content file last changed (the newest commit touching it)."""
    found: dict[str, int] = {}
    for commit in commits:
        for change in commit.files:
            found[change.path] = max(found.get(change.path, commit.time), commit.time)
    return found


def feed(org: Organisation, commits: Iterable[Commit], fallback: int) -> Feed:
    """The feed: the newest entries first; ``fallback`` dates what no commit dates (the build)."""
    commits = list(commits)
    touched = last_touched(commits)
    entries = [e for c in commits if (e := commit_entry(org, c)) is not None]
    entries += [structure_entry(c, touched, fallback) for c in timeline.changes(org.units)]
    entries.sort(key=lambda e: (-e.time, e.title, e.id))
    entries = entries[:MAX_ENTRIES]
    time = max((e.time for e in entries), default=fallback)
    return Feed(stable_id("umpan"), TITLE, SUBTITLE, time, tuple(entries))
