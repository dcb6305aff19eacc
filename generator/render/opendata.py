"""Open data: the whole structure as JSON and CSV under data/, and schema.org JSON-LD per page.

Pure: functions return file contents and dicts; build.py writes them beside the pages.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from generator.model.organisation import (
    UNCERTAIN_LEVELS,
    Marked,
    Organisation,
    Secretariat,
    confidence,
    item_confidence,
    regulation_short,
    regulation_title,
)
from generator.plan.labels import OFFICE_HOLDER_STATUS_LABELS
from generator.plan.open_data import (
    DATA_DIR,
    SECRETARIAT_COLUMNS,
    SECRETARIAT_MARKED_FIELDS,
    UNIT_COLUMNS,
    UNIT_MARKED_FIELDS,
)
from generator.schema import Confidence, OfficeHolder, Unit
from generator.schema.models import newest_per_post
from generator.schema.publish import json_schemas
from generator.urls import doc_url, regulation_doc, secretariat_doc, unit_doc

#: Why quoting regulations is free (shown with the licence on the Data page).
PUBLIC_DOMAIN_NOTE = (
    "Teks peraturan yang dikutip adalah milik umum (UU 28/2014 tentang Hak Cipta, Pasal 42)."
)


def field_confidences(
    record: Marked, fields: tuple[str, ...], row: dict[str, str]
) -> dict[str, str]:
    """One '<field>_keyakinan' cell per field, by the one inheritance rule; empty for an empty field."""
    return {
        f"{f}_keyakinan": "" if row.get(f) == "" else confidence(record, f).keyakinan.value
        for f in fields
    }


def own_confidences(record: Marked) -> dict[str, dict[str, str]]:
    """The fields with their own confidence, for JSON: {"induk": {"keyakinan": …, "alasan": …}}."""
    return {
        key: {"keyakinan": detail.keyakinan.value, "alasan": detail.alasan}
        for key, detail in record.rincian_keyakinan.items()
    }


#: Joins the statements of one cell of unit.csv (a statement's own words may hold commas).
CELL_SEPARATOR = " | "


def _marked(text: str, level: Confidence) -> str:
    """A statement for a plain-text cell: an uncertain one carries its level in brackets."""
    return f"{text} [{level.value}]" if level in UNCERTAIN_LEVELS else text


def _holder_cell(holder: OfficeHolder) -> str:
    status = OFFICE_HOLDER_STATUS_LABELS[holder.status]
    post = f"{status} {holder.jabatan}" if status else holder.jabatan
    return _marked(f"{holder.nama}, {post}, {holder.tanggal.iso}", holder.keyakinan)


def _public_record_cells(unit: Unit) -> dict[str, str]:
    """unit.csv's compact columns: every gambaran statement; the newest holder of each post."""
    newest = sorted(newest_per_post(unit.pejabat).values())
    return {
        "gambaran": CELL_SEPARATOR.join(_marked(g.teks, g.keyakinan) for g in unit.gambaran),
        "pejabat_terbaru": CELL_SEPARATOR.join(_holder_cell(unit.pejabat[n]) for n in newest),
    }


def _source(org: Organisation, source_id: str) -> dict[str, str | None]:
    """A cited source in unit.json: its id, title, address, publisher and stated date."""
    source = org.sources[source_id]
    return {
        "id": source_id,
        "judul": source.judul,
        "url": source.url,
        "penerbit": source.penerbit,
        "tanggal": source.tanggal.iso if source.tanggal else None,
    }


def _public_record(org: Organisation, unit: Unit) -> dict[str, Any]:
    """unit.json's full lists: each statement and office holder with its sources and dates."""
    return {
        "gambaran": [
            {
                "teks": g.teks,
                "keyakinan": g.keyakinan.value,
                "catatan": g.catatan,
                "sumber": [_source(org, s) for s in g.sumber],
            }
            for g in unit.gambaran
        ],
        "pejabat": [
            {
                "nama": h.nama,
                "jabatan": h.jabatan,
                "status": h.status.value,
                "tanggal": h.tanggal.iso,
                "keyakinan": h.keyakinan.value,
                "catatan": h.catatan,
                "sumber": [_source(org, s) for s in h.sumber],
            }
            for h in unit.pejabat
        ],
    }


def _unit_row(unit: Unit) -> dict[str, str]:
    row = {
        "id": unit.id,
        "nama": unit.nama,
        "singkatan": unit.singkatan or "",
        "jenis": unit.jenis.value,
        "status": unit.status.value,
        "periode": unit.periode or "",
        "induk": unit.induk or "",
        "digantikan_oleh": ";".join(unit.digantikan_oleh),
        "kepala": unit.kepala or "",
        "jabatan": unit.jabatan.value if unit.jabatan else "",
        "eselon": unit.eselon.value if unit.eselon else "",
        "kode": unit.kode or "",
        "keyakinan": unit.keyakinan.value,
    }
    return {
        **row,
        **field_confidences(unit, UNIT_MARKED_FIELDS, row),
        **_public_record_cells(unit),
        "alamat": doc_url(unit_doc(unit.id)),
    }


def secretariat_id(secretariat: Secretariat) -> str:
    """The Kemendagri code identifies a secretariat: a corrected name changes its page address,
    but neither this id nor the ``induk`` of the rows below it.

    >>> from types import SimpleNamespace
    >>> secretariat_id(SimpleNamespace(kode="32.01"))
    'wilayah-32.01'
    """
    return f"wilayah-{secretariat.kode}"


def _secretariat_row(org: Organisation, secretariat: Secretariat) -> dict[str, str]:
    parent = org.administrative_parent(secretariat)
    row = {
        "id": secretariat_id(secretariat),
        "kode": secretariat.kode,
        "nama": secretariat.nama,
        "sebutan": secretariat.short,
        "tingkat": secretariat.level.value,
        "induk": secretariat_id(parent) if parent else org.root.id,
        "provinsi": secretariat.province.nama,
        "lembaga": secretariat.body.value,
        "situs": secretariat.record.situs or "",
        "keyakinan": secretariat.keyakinan.value,
    }
    return {
        **row,
        **field_confidences(secretariat, SECRETARIAT_MARKED_FIELDS, row),
        "alamat": doc_url(secretariat_doc(secretariat.key)),
    }


def _csv(rows: list[dict[str, str]], columns: dict[str, str]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def _json(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def data_files(org: Organisation) -> dict[str, bytes]:
    """Every open-data file, by path relative to docs/."""
    units = [_unit_row(u) for u in org.units.values()]
    secretariats = [_secretariat_row(org, s) for s in org.secretariats.values()]
    full_secretariats = [
        {**row, "keyakinan_kolom": own_confidences(s)}
        for s, row in zip(org.secretariats.values(), secretariats, strict=True)
    ]
    full_units = []
    for unit, row in zip(org.units.values(), units, strict=True):
        full_units.append(
            {
                **row,
                "alias": [{"nama": a.nama, "jenis": a.jenis.value} for a in unit.alias],
                "dasar_hukum": [
                    {
                        "peraturan": b.peraturan,
                        "pasal": b.pasal,
                        "keyakinan": item_confidence(b, unit).keyakinan.value,
                        "catatan": b.catatan,
                    }
                    for b in unit.dasar_hukum
                ],
                "keyakinan_kolom": own_confidences(unit),
                **_public_record(org, unit),
                "sumber": [_source(org, s) for s in unit.sumber],
            }
        )
    regulations = [
        {
            "id": r.id,
            "singkat": regulation_short(r),
            "judul": regulation_title(r),
            "status": r.status.value,
            "ditetapkan": r.ditetapkan.isoformat() if r.ditetapkan else None,
            "pengundangan": r.pengundangan,
            "tautan_resmi": r.tautan_resmi,
            "keyakinan": r.keyakinan.value,
            "keyakinan_kolom": own_confidences(r),
            "hubungan": [
                {"jenis": h.jenis.value, "peraturan": h.peraturan, "pasal": h.pasal}
                for h in r.hubungan
            ],
            "alamat": doc_url(regulation_doc(r.id)),
        }
        for r in org.regulations.values()
    ]
    files = {
        f"{DATA_DIR}/unit.json": _json(full_units),
        f"{DATA_DIR}/unit.csv": _csv(units, UNIT_COLUMNS),
        f"{DATA_DIR}/sekretariat-daerah.json": _json(full_secretariats),
        f"{DATA_DIR}/sekretariat-daerah.csv": _csv(secretariats, SECRETARIAT_COLUMNS),
        f"{DATA_DIR}/peraturan.json": _json(regulations),
    }
    for name, schema in json_schemas().items():
        files[f"{DATA_DIR}/skema/{name}"] = _json(schema)
    return files


def _org(name: str, **extra: Any) -> dict[str, Any]:
    return {"@type": "GovernmentOrganization", "name": name, **extra}


# JSON-LD carries no confidence: search engines read every property as a plain fact. So it asserts
# only what is verified or from a secondary source, and leaves out inferred or unverified facts
# (an inferred parent, a sub-unit whose place is inferred, kab/kota secretariats whose existence
# is counted, not read). The name stays even when composed: an organisation needs one, and the
# page it describes shows the name's marker.


def _sure(record: Marked, field_name: str) -> bool:
    return not confidence(record, field_name).is_uncertain


def unit_jsonld(org: Organisation, unit: Unit) -> dict[str, Any]:
    """schema.org data for a unit page: the unit, its parent and its sub-units (sure ones only)."""
    data: dict[str, Any] = {"@context": "https://schema.org", **_org(unit.nama)}
    names = [a.nama for a in unit.alias] + ([unit.singkatan] if unit.singkatan else [])
    if names:
        data["alternateName"] = sorted(set(names))
    parent = org.parent(unit)
    if parent is not None and _sure(unit, "induk"):
        data["parentOrganization"] = _org(parent.nama)
    children = [c for c in org.children_of(unit) if _sure(c, "induk")]
    if unit.id == org.root.id:
        children_names = [c.nama for c in children] + [
            s.nama for s in org.provincial_secretariats()
        ]
    else:
        children_names = [c.nama for c in children]
    if children_names:
        data["subOrganization"] = [_org(n) for n in children_names]
    return data


def secretariat_jsonld(org: Organisation, secretariat: Secretariat) -> dict[str, Any]:
    """schema.org data for a regional secretariat page."""
    parent = org.administrative_parent(secretariat)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        **_org(secretariat.nama, alternateName=[secretariat.short]),
        "parentOrganization": _org(parent.nama if parent else org.root.nama),
        "areaServed": {
            "@type": "AdministrativeArea",
            "name": secretariat.region_name,
            "identifier": secretariat.kode,
        },
    }
    regencies = [s for s in org.regency_secretariats(secretariat) if parent is None]
    below = [s.nama for s in regencies if _sure(s, "keberadaan")] or [
        u.nama for u in secretariat.active_sub_units if _sure(u, "induk")
    ]
    if below:
        data["subOrganization"] = [_org(n) for n in below]
    if secretariat.record.situs and _sure(secretariat, "situs"):
        data["url"] = secretariat.record.situs
    return data
