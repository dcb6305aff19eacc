"""A payload in every text field of every content kind (found from the published JSON Schema)
reaches a page, and only ever as text."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
import yaml

from generator.schema.publish import json_schemas

from .conftest import MINIMAL, PAYLOAD, Project, copy_project, parse_html

pytestmark = pytest.mark.site

SCHEMA_OF = {
    "unit": "unit.schema.json",
    "peraturan": "peraturan.schema.json",
    "wilayah": "wilayah.schema.json",
    "templat": "templat.schema.json",
}
TEXT_PATTERN = "\\S"
MARK = re.compile(r"PENANDA(\d{3})")


def _resolve(schema: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in schema:
        return defs[schema["$ref"].rsplit("/", 1)[-1]]
    if "anyOf" in schema:
        return next(s for s in schema["anyOf"] if s.get("type") != "null")
    return schema


class _Payloads:
    """Puts a numbered payload into every free-text value, remembering where each went."""

    def __init__(self) -> None:
        self.fields: list[str] = []

    def fill(self, value: Any, schema: dict[str, Any], defs: dict[str, Any], where: str) -> Any:
        schema = _resolve(schema, defs)
        if isinstance(value, str) and schema.get("pattern") == TEXT_PATTERN:
            self.fields.append(where)
            # The first word stays: some names must start with one ('Kabupaten', 'Kota').
            return f"{value.split()[0]} {PAYLOAD} PENANDA{len(self.fields) - 1:03d}"
        if isinstance(value, list) and "items" in schema:
            return [self.fill(v, schema["items"], defs, f"{where}[]") for v in value]
        if isinstance(value, dict):
            properties = schema.get("properties", {})
            extra = schema.get("additionalProperties", {})
            return {
                k: self.fill(
                    v,
                    properties.get(k, extra if isinstance(extra, dict) else {}),
                    defs,
                    f"{where}.{k}",
                )
                for k, v in value.items()
            }
        return value


@pytest.fixture(scope="module")
def hostile_minimal(tmp_path_factory: pytest.TempPathFactory) -> tuple[Project, list[str]]:
    project = copy_project(tmp_path_factory.mktemp("racun") / "proyek", MINIMAL)
    schemas = json_schemas()
    payloads = _Payloads()
    files = [(p, SCHEMA_OF[p.parent.name]) for p in sorted(project.content.glob("*/*.yml"))]
    files.append((project.content / "sumber.yml", "sumber.schema.json"))
    for path, schema_name in files:
        schema = schemas[schema_name]
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        kind = path.parent.name if path.parent != project.content else "sumber"
        filled = payloads.fill(data, schema, schema.get("$defs", {}), f"{kind}:{path.stem}")
        path.write_text(
            json.dumps(filled, ensure_ascii=False, indent=1, default=str), encoding="utf-8"
        )
    assert project.run("build", "--tanpa-peringatan") == 0
    return project, payloads.fields


def _site_text(project: Project) -> str:
    parts = []
    for page in project.site.rglob("*.html"):
        soup = parse_html(page)
        parts.append(soup.get_text(" "))
        parts.extend(str(tag.get("title", "")) for tag in soup.find_all(title=True))
    for page in project.site.rglob("*.svg"):
        parts.append(page.read_text(encoding="utf-8"))
    return " ".join(parts)


def test_every_text_field_reaches_a_page(hostile_minimal: tuple[Project, list[str]]):
    project, fields = hostile_minimal
    assert len(fields) > 40  # the fixture has text in every kind of field
    shown = {int(n) for n in MARK.findall(_site_text(project))}
    assert [f for i, f in enumerate(fields) if i not in shown] == []


def test_payload_reads_as_text_wherever_it_is_shown(hostile_minimal: tuple[Project, list[str]]):
    project, _ = hostile_minimal
    pages = 0
    for page in project.site.rglob("*.html"):
        if b"PENANDA" not in page.read_bytes():
            continue
        pages += 1
        soup = parse_html(page)
        for script in soup.find_all("script"):
            if script.get("type") == "application/ld+json":
                raw = script.get_text()
                assert "<" not in raw and ">" not in raw, page
                json.loads(raw)
            else:
                assert "alert" not in script.get_text(), page
        assert not soup.find_all(attrs={"onerror": True}), page
        assert not soup.find_all("img", src="x"), page
        hrefs = [a["href"].lower() for a in soup.find_all("a", href=True)]
        assert not [h for h in hrefs if h.startswith("javascript:")], page
        # The visible text holds the payload verbatim: nothing was read as markup.
        assert "<script>alert(1)</script>" in soup.get_text(" "), page
    assert pages > 10
