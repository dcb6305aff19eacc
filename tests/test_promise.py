"""One promise to editors: what `check` accepts, `build` builds.

Hypothesis makes many valid-looking contents from the small fixture project (new units under
allowed parents, former units with successors, new kabupaten/kota with every documented override,
province-level overrides, odd but legal text) and requires: `check` exits 0 ⇒ `build` exits 0.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import MINIMAL, copy_project

pytestmark = pytest.mark.site

# Letters, digits, spaces and characters Markdown, HTML, YAML or DOT could read as syntax.
TEXT = st.text(
    alphabet=st.sampled_from(
        list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLM0123456789 -/&*_[]()<>#:\"'“”")
    ),
    min_size=1,
    max_size=30,
).map(lambda s: ("Biro " + s).strip())
SLUG_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=8)


@st.composite
def changes(draw: st.DrawFn) -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = []
    for n in range(draw(st.integers(2, 4))):
        kind = draw(st.sampled_from(["unit", "former", "regency", "province"]))
        steps.append(
            {
                "kind": kind,
                "slug": f"{draw(SLUG_WORD)}-{n}",
                "name": draw(TEXT),
                "text": draw(TEXT),
                "parent": draw(
                    st.sampled_from(["sekretariat-jenderal", "deputi-bidang-administrasi"])
                ),
                "alias": draw(st.booleans()),
                "code": draw(st.integers(2, 69)),
                "remove": draw(st.booleans()),
                "type": draw(st.sampled_from([None, "A", "B"])),
                "site": draw(st.booleans()),
            }
        )
    return steps


def _write(path: Path, data: dict[str, Any]) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def _apply(content: Path, step: dict[str, Any]) -> None:
    if step["kind"] in ("unit", "former"):
        unit: dict[str, Any] = {
            "id": f"biro-{step['slug']}",
            "nama": step["name"],
            "jenis": "biro",
            "induk": step["parent"],
            "catatan": step["text"],
            "sumber": ["daftar-unit"],
            "keyakinan": "sumber-sekunder",
        }
        if step["alias"]:
            unit["alias"] = [{"nama": step["text"], "jenis": "informal"}]
        if step["kind"] == "former":
            unit.update(status="dibubarkan", periode="2020–2023", digantikan_oleh=["biro-umum"])
            del unit["induk"]
        _write(content / "unit" / f"{unit['id']}.yml", unit)
        return
    path = content / "wilayah" / "gorontalo.yml"
    province = yaml.safe_load(path.read_text(encoding="utf-8"))
    overrides: dict[str, Any] = {"catatan": step["text"]}
    if step["remove"]:
        overrides["sub_unit_dihapus"] = ["subbagian-keuangan-umum-dan-logistik"]
    if step["type"]:
        overrides["tipe"] = step["type"]
    if step["site"]:
        overrides["situs"] = f"https://{step['slug']}.example.org/"
    overrides["sub_unit_tambahan"] = [
        {
            "id": f"subbagian-{step['slug']}",
            "nama": f"Subbagian {step['name']}",
            "jenis": "subbagian" if step["kind"] == "regency" else "bagian",
            "keyakinan": "sumber-sekunder",
        }
    ]
    if step["kind"] == "province":
        province.update({k: v for k, v in overrides.items() if k != "sub_unit_dihapus"})
    else:
        codes = {r["kode"] for r in province["kabupaten_kota"]}
        code = f"75.{step['code']:02d}"
        if code not in codes:
            province["kabupaten_kota"].append(
                {
                    "kode": code,
                    "nama": f"Kabupaten {step['name'].removeprefix('Biro ')}",
                    **overrides,
                }
            )
    _write(path, province)


@pytest.mark.slow
def test_check_accepts_only_what_build_builds(tmp_path: Path):
    base = copy_project(tmp_path / "proyek", MINIMAL)
    tried: list[object] = []
    built: list[object] = []

    @settings(
        max_examples=6,
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(steps=changes())
    def promise(steps: list[dict[str, Any]]) -> None:
        shutil.rmtree(base.content)
        shutil.copytree(MINIMAL / "content", base.content)
        for step in steps:
            _apply(base.content, step)
        if base.run("check", "--tanpa-peringatan") == 0:
            assert base.run("build", "--tanpa-peringatan") == 0, steps
            built.append(steps)
        tried.append(steps)

    promise()
    # Most generated contents must pass `check`, or the promise would hold vacuously.
    assert len(tried) >= 6 and len(built) >= len(tried) // 2, (len(built), len(tried))
