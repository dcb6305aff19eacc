"""The published JSON Schema: up to date, documented, and it agrees with the generator."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from pydantic import BaseModel

from generator.cli import main
from generator.schema import Province, Regulation, StandardStructure, Unit
from generator.schema.publish import SCHEMA_FILES, json_schemas

from .conftest import CONTENT, ROOT
from .test_check import MISTAKES

SCHEMA_DIR = ROOT / "schema"
SCHEMA_FOR = {
    "unit": "unit.schema.json",
    "peraturan": "peraturan.schema.json",
    "wilayah": "wilayah.schema.json",
    "templat": "templat.schema.json",
    "sumber.yml": "sumber.schema.json",
}
# Mistakes the schema alone can see (the rest need other files, or are not YAML at all).
SCHEMA_LEVEL = [
    "kolom_tidak_dikenal",
    "kolom_wajib_tidak_ada",
    "nilai_pilihan_tidak_dikenal",
    "teks_ditulis_sebagai_angka",
    "teks_hanya_spasi",
    "nilai_kosong",
    "bukan_daftar",
    "id_bukan_huruf_kecil",
    "url_javascript",
    "url_tidak_sah",
    "url_dengan_spasi",
    "tanggal_bukan_tanggal",
    "tahun_di_luar_rentang",
    "kutipan_tanpa_teks",
    "berkas_berisi_daftar",
]


def _plain(value: Any) -> Any:
    """YAML dates as the ISO strings JSON Schema expects."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _validator(relative: str) -> jsonschema.protocols.Validator:
    key = "sumber.yml" if relative == "sumber.yml" else relative.split("/")[0]
    schema = json.loads((SCHEMA_DIR / SCHEMA_FOR[key]).read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _content_files() -> list[str]:
    return sorted(p.relative_to(CONTENT).as_posix() for p in CONTENT.rglob("*.yml"))


def test_published_schemas_are_up_to_date(capsys: pytest.CaptureFixture[str]):
    assert main(["schema", "--out", str(SCHEMA_DIR), "--periksa"]) == 0, capsys.readouterr().err
    assert sorted(p.name for p in SCHEMA_DIR.glob("*.json")) == sorted(SCHEMA_FILES)


def test_stale_schema_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["schema", "--out", str(tmp_path)]) == 0
    (tmp_path / "unit.schema.json").write_text("{}", encoding="utf-8")
    assert main(["schema", "--out", str(tmp_path), "--periksa"]) == 1
    assert "unit.schema.json belum mutakhir; jalankan 'make schema'" in capsys.readouterr().err


@pytest.mark.parametrize("relative", _content_files())
def test_schema_accepts_the_real_content(relative: str):
    data = yaml.safe_load((CONTENT / relative).read_text(encoding="utf-8"))
    _validator(relative).validate(_plain(data))


@pytest.mark.parametrize("relative", _content_files())
def test_content_files_carry_the_schema_modeline(relative: str):
    first = (CONTENT / relative).read_text(encoding="utf-8").splitlines()[0]
    key = "sumber.yml" if relative == "sumber.yml" else relative.split("/")[0]
    prefix = "../" if relative == "sumber.yml" else "../../"
    assert first == f"# yaml-language-server: $schema={prefix}schema/{SCHEMA_FOR[key]}"


@pytest.mark.parametrize("name", SCHEMA_LEVEL)
def test_schema_rejects_the_bad_cases(name: str):
    mistake = MISTAKES[name]
    data = yaml.safe_load(mistake.path.read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError):
        _validator(mistake.target).validate(_plain(data))


def _models(model: type[BaseModel]) -> list[type[BaseModel]]:
    found = [model]
    for field in model.model_fields.values():
        for arg in (*getattr(field.annotation, "__args__", ()), field.annotation):
            inner = getattr(arg, "__args__", (arg,))
            for candidate in inner:
                if (
                    isinstance(candidate, type)
                    and issubclass(candidate, BaseModel)
                    and candidate not in found
                ):
                    found += _models(candidate)
    return found


@pytest.mark.parametrize(
    "model",
    sorted(
        {m for root in (Unit, Regulation, Province, StandardStructure) for m in _models(root)},
        key=lambda m: m.__name__,
    ),
)
def test_every_field_is_described_for_editors(model: type[BaseModel]):
    for name, field in model.model_fields.items():
        assert field.description, f"{model.__name__}.{name} has no description"


def test_schemas_are_generated_from_the_models():
    schemas = json_schemas()
    unit = schemas["unit.schema.json"]
    assert unit["additionalProperties"] is False
    assert set(unit["properties"]) == set(Unit.model_fields)
    assert unit["properties"]["nama"]["description"] == Unit.model_fields["nama"].description
