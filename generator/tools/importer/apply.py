"""Writing imported facts into content/: fill what is empty, report what differs, add drafts.

Editors' files are edited round-trip (ruamel.yaml), so their comments, key order and quoting
stay as they were. Nothing an editor wrote is replaced: a different value is reported and
left alone. Every change is planned and checked against the validator in a scratch copy
first; only when that copy passes are the real files written.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from generator.content.load import (
    REGULATIONS_DIR,
    TEXTS_DIR,
    UNITS_DIR,
    record_file,
    record_files,
)
from generator.content.report import text as problems_text
from generator.pipeline.build import check_content
from generator.schema import Unit
from generator.tools.diff import compare, snapshot
from generator.tools.diff_report import markdown
from generator.tools.importer.consolidate import Consolidated
from generator.tools.importer.document import ImportFailed
from generator.tools.importer.extract import Quote, UnitFacts

KINDS = (
    ("Sekretariat Jenderal", "sekretariat-jenderal"),
    ("Deputi", "deputi"),
    ("Inspektorat Utama", "inspektorat-utama"),
    ("Inspektorat", "inspektorat-wilayah"),
    ("Biro", "biro"),
    ("Pusat", "pusat"),
    ("Subbagian", "subbagian"),
    ("Sub Bagian", "subbagian"),
    ("Bagian", "bagian"),
)
REGULATION_KINDS = (
    ("PERATURAN PEMERINTAH PENGGANTI UNDANG-UNDANG", "perppu"),
    ("UNDANG-UNDANG", "undang-undang"),
    ("PERATURAN PRESIDEN", "perpres"),
    ("PERATURAN KOMISI PEMILIHAN UMUM", "pkpu"),
)
FIELD_ORDER = list(Unit.model_fields)
SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/unit.schema.json\n"


def _yaml() -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap an editor's lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def unit_id_for(name: str) -> str:
    """The id a new unit file gets from the unit's name: 'Biro Logistik' -> 'biro-logistik'."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def guess_kind(name: str) -> str | None:
    return next((kind for prefix, kind in KINDS if name.startswith(prefix + " ")), None)


@dataclass
class _UnitFile:
    path: Path
    data: CommentedMap
    changed: bool = False
    created: bool = False


@dataclass
class Plan:
    """What --terapkan will do, and what it leaves for an editor."""

    files: dict[str, _UnitFile] = field(default_factory=dict)
    differences: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    extra: dict[Path, str] = field(default_factory=dict)


def find_regulation(result: Consolidated, content: Path, wanted: str | None) -> dict[str, Any]:
    """The content record of the base regulation, by --peraturan or by kind, number, year."""
    yaml = YAML(typ="safe")
    loaded = [yaml.load(p.read_text("utf-8")) for p in record_files(content, REGULATIONS_DIR)]
    records: list[dict[str, Any]] = [r for r in loaded if isinstance(r, dict)]
    base = result.base
    if wanted is not None:
        match = next((r for r in records if r.get("id") == wanted), None)
        if match is None:
            raise ImportFailed(f"peraturan '{wanted}' tidak ada di {content / REGULATIONS_DIR}/")
        return match
    kind = next((k for prefix, k in REGULATION_KINDS if base.kind.startswith(prefix)), None)
    for record in records:
        if (record.get("jenis"), record.get("nomor"), record.get("tahun")) == (
            kind,
            base.number,
            base.year,
        ):
            return record
    raise ImportFailed(
        f"{base.label} belum ada di {content / REGULATIONS_DIR}/. Tambahkan berkas peraturannya "
        "lebih dulu, atau sebutkan id-nya dengan --peraturan ID."
    )


def _provision(topic: str, quote: Quote, regulation: str) -> CommentedMap:
    provision = CommentedMap(topik=topic, peraturan=regulation, pasal=quote.article)
    provision["teks"] = quote.lead
    if quote.items:
        provision["butir"] = CommentedSeq(quote.items)
    return provision


def _set_field(document: CommentedMap, key: str, value: Any) -> None:
    """Add ``key`` where the schema orders it, after the fields that come before it."""
    rank = FIELD_ORDER.index(key)
    position = sum(1 for k in document if k in FIELD_ORDER and FIELD_ORDER.index(k) < rank)
    document.insert(position, key, value)


def _quotes(facts: UnitFacts) -> list[tuple[str, Quote]]:
    quotes: list[tuple[str, Quote]] = []
    if facts.duty:
        quotes.append(("tugas", facts.duty.quote))
    if facts.function_quote:
        quotes.append(("fungsi", facts.function_quote))
    if facts.parts_quote:
        quotes.append(("susunan", facts.parts_quote))
    return quotes


class _Planner:
    def __init__(self, result: Consolidated, content: Path, regulation: dict[str, Any]) -> None:
        self.result, self.content, self.regulation = result, content, regulation
        self.plan = Plan()
        self.by_name: dict[str, str] = {}
        self.by_head: dict[str, str] = {}
        yaml = _yaml()
        for path in record_files(content, UNITS_DIR):
            data = yaml.load(path.read_text("utf-8"))
            if not isinstance(data, CommentedMap) or not isinstance(data.get("id"), str):
                continue
            self.plan.files[data["id"]] = _UnitFile(path, data)
            names = [data.get("nama")]
            names += [a.get("nama") for a in data.get("alias", []) if isinstance(a, dict)]
            for name in names:
                if isinstance(name, str):
                    self.by_name.setdefault(name, data["id"])
            if isinstance(data.get("kepala"), str):
                self.by_head.setdefault(data["kepala"], data["id"])

    def unit_id(self, facts: UnitFacts) -> str | None:
        return self.by_name.get(facts.name)

    def parent_id(self, facts: UnitFacts) -> tuple[str | None, bool]:
        """The parent's id, and whether the text says so (not inferred from a list)."""
        if facts.parent:
            heads = {u.head: u for u in self.result.units if u.head}
            named = heads.get(facts.parent)
            found = (
                self.by_name.get(facts.parent)
                or self.by_head.get(facts.parent)
                or (self.by_name.get(named.name) if named else None)
            )
            if found:
                return found, True
        for unit in self.result.units:
            if facts.name in unit.parts and self.by_name.get(unit.name):
                return self.by_name[unit.name], False
        return None, False

    def update(self, unit_id: str, facts: UnitFacts) -> None:
        """Fill empty fields of an existing unit; report values that differ."""
        unit = self.plan.files[unit_id]
        data, regulation = unit.data, self.regulation["id"]
        parent, _ = self.parent_id(facts)
        for key, value in (("kepala", facts.head), ("induk", parent)):
            if value is None:
                continue
            if key not in data:
                _set_field(data, key, value)
                unit.changed = True
            elif data[key] != value:
                self.plan.differences.append(
                    f"{unit_id}: {key} di konten '{data[key]}', menurut peraturan '{value}'"
                )
        if facts.parent and parent is None:
            self.plan.skipped.append(
                f"{unit_id}: induk '{facts.parent}' ({facts.parent_article}) bukan unit di konten"
            )
        existing = data.get("ketentuan")
        for topic, quote in _quotes(facts):
            wanted = _provision(topic, quote, regulation)
            same = [
                p
                for p in existing or []
                if (p.get("topik"), p.get("peraturan"), p.get("pasal"))
                == (topic, regulation, quote.article)
            ]
            if not same:
                if existing is None:
                    existing = CommentedSeq()
                    _set_field(data, "ketentuan", existing)
                existing.append(wanted)
                unit.changed = True
            elif (same[0].get("teks"), list(same[0].get("butir", []))) != (
                wanted["teks"],
                list(wanted.get("butir", [])),
            ):
                self.plan.differences.append(
                    f"{unit_id}: kutipan {topic} {quote.article} di konten berbeda dengan teks peraturan"
                )

    def draft(self, facts: UnitFacts) -> None:
        """A new unit file for a unit the content does not have yet."""
        kind = guess_kind(facts.name)
        parent, stated = self.parent_id(facts)
        reason = None
        if kind is None:
            reason = "jenis unitnya tidak dapat ditentukan dari namanya"
        elif kind == "sekretariat-jenderal":
            reason = "Sekretariat Jenderal sudah ada di konten dengan nama lain"
        elif parent is None:
            reason = "induknya tidak dapat ditentukan"
        elif unit_id_for(facts.name) in self.plan.files:
            reason = f"id '{unit_id_for(facts.name)}' sudah dipakai unit lain"
        if reason or kind is None or parent is None:
            self.plan.skipped.append(f"{facts.name}: draf tidak dibuat, karena {reason}")
            return
        self.plan.files[unit_id_for(facts.name)] = _UnitFile(
            record_file(self.content, UNITS_DIR, unit_id_for(facts.name)),
            self._draft_data(facts, kind, parent, stated),
            changed=True,
            created=True,
        )
        self.by_name[facts.name] = unit_id_for(facts.name)

    def _draft_data(self, facts: UnitFacts, kind: str, parent: str, stated: bool) -> CommentedMap:
        regulation = self.regulation["id"]
        data = CommentedMap(id=unit_id_for(facts.name), nama=facts.name, jenis=kind, status="aktif")
        data["induk"] = parent
        if facts.head:
            data["kepala"] = facts.head
        data["dasar_hukum"] = CommentedSeq(
            [CommentedMap(peraturan=regulation, pasal=facts.article)]
        )
        quotes = _quotes(facts)
        if quotes:
            data["ketentuan"] = CommentedSeq(_provision(t, q, regulation) for t, q in quotes)
        data["sumber"] = CommentedSeq(self.regulation.get("sumber", []))
        # The text states the unit's name and existence; its kind, and a parent taken from a
        # list of sub-units, are our reading of it.
        data["keyakinan"] = "terverifikasi"
        details = CommentedMap(
            jenis=CommentedMap(keyakinan="inferensi", alasan="Disimpulkan dari nama unit.")
        )
        if not stated:
            details["induk"] = CommentedMap(
                keyakinan="inferensi",
                alasan="Disimpulkan dari daftar susunan unit induknya dalam peraturan.",
            )
        data["rincian_keyakinan"] = details
        data["catatan"] = (
            f"Draf dibuat oleh impor-peraturan dari {self.result.base.label}; periksa sebelum "
            "diterbitkan."
        )
        return data


def _dump(document: CommentedMap, created: bool) -> str:
    stream = StringIO()
    _yaml().dump(document, stream)
    return (SCHEMA_LINE if created else "") + stream.getvalue()


def plan_changes(
    result: Consolidated, content: Path, regulation_id: str | None, with_text: bool
) -> Plan:
    """Every file --terapkan would write, by path, without writing anything."""
    regulation = find_regulation(result, content, regulation_id)
    planner = _Planner(result, content, regulation)
    for facts in result.units:
        unit_id = planner.unit_id(facts)
        if unit_id is None:
            planner.draft(facts)
        else:
            planner.update(unit_id, facts)
    plan = planner.plan
    if with_text:
        from generator.tools.importer.naskah import dump_text

        plan.extra[record_file(content, TEXTS_DIR, regulation["id"])] = dump_text(
            result, regulation["id"]
        )
    return plan


def _outputs(plan: Plan) -> dict[Path, str]:
    files = {f.path: _dump(f.data, f.created) for f in plan.files.values() if f.changed}
    return {**files, **plan.extra}


def _validate(content: Path, outputs: dict[Path, str]) -> None:
    """Apply the outputs to a scratch copy and run the validator on it."""
    with tempfile.TemporaryDirectory(prefix="impor-") as scratch:
        copy = Path(scratch) / content.name
        shutil.copytree(content, copy)
        for path, text in outputs.items():
            if path.parent.name == TEXTS_DIR:
                continue  # the validator does not know the naskah folder yet
            target = copy / path.relative_to(content)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        checked = check_content(copy)
    if checked.errors:
        raise ImportFailed(
            "hasil impor tidak lolos pemeriksaan konten:\n"
            + problems_text(checked.errors, warnings=False).rstrip()
        )


def _write(outputs: dict[Path, str]) -> None:
    """Write each file through a temporary sibling, so no file is ever half-written."""
    for path, text in outputs.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.tmp")
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(path)


def apply_to_content(
    result: Consolidated, content: Path, *, regulation_id: str | None, with_text: bool
) -> str:
    """Plan, validate, write; return the summary to print. Raise ImportFailed, writing nothing."""
    plan = plan_changes(result, content, regulation_id, with_text)
    outputs = _outputs(plan)
    _validate(content, outputs)
    before = snapshot(content)
    _write(outputs)
    after = snapshot(content)
    lines = [markdown(compare(before, after), "sebelum impor").rstrip(), ""]
    lines.append(f"**Berkas ditulis ({len(outputs)})**")
    lines.append("")
    lines.extend(f"- {path.relative_to(content.parent).as_posix()}" for path in sorted(outputs))
    if not outputs:
        lines.append("- (tidak ada; konten sudah sesuai)")
    for title, items in (
        ("Berbeda dengan isian editor (tidak diubah)", plan.differences),
        ("Tidak diterapkan", plan.skipped),
    ):
        if items:
            lines.extend(["", f"**{title} ({len(items)})**", "", *(f"- {i}" for i in items)])
    return "\n".join(lines) + "\n"
