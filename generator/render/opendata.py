"""Open data: the whole structure as JSON and CSV under data/ (the pages' schema.org JSON-LD is
planned in ``generator.plan.jsonld``).

Pure: functions return file contents and dicts; build.py writes them beside the pages.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from generator.model.confidence import Marked, confidence, item_confidence
from generator.model.organisation import Organisation
from generator.model.regional import Secretariat
from generator.plan.labels import regulation_short, regulation_title
from generator.plan.open_data import (
    DATA_DIR,
    SECRETARIAT_COLUMNS,
    SECRETARIAT_MARKED_FIELDS,
    UNIT_COLUMNS,
    UNIT_MARKED_FIELDS,
)
from generator.schema import Unit
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
    parent = org.regional.administrative_parent(secretariat)
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
    secretariats = [_secretariat_row(org, s) for s in org.regional.secretariats.values()]
    full_secretariats = [
        {**row, "keyakinan_kolom": own_confidences(s)}
        for s, row in zip(org.regional.secretariats.values(), secretariats, strict=True)
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
                "sumber": [
                    {"judul": org.sources[s].judul, "url": org.sources[s].url} for s in unit.sumber
                ],
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
