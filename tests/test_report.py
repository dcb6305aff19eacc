"""Problem reports for the terminal, GitHub pull requests and other tools."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.content import report
from generator.errors import Problem, Severity

from .conftest import Project

PROBLEMS = [
    Problem("content/unit/a.yml", 3, 5, "induk", "unit 'x' tidak ditemukan, periksa: ejaan"),
    Problem("content/unit/b.yml", 1, 1, "", "berkas kosong\nbaris dua", Severity.ERROR),
    Problem("content/unit/c.yml", 2, 4, "id", "unit ini belum punya sumber", Severity.WARNING),
]


def test_github_annotations_escape_their_properties_and_data():
    assert report.github(PROBLEMS).splitlines() == [
        "::error file=content/unit/a.yml,line=3,col=5,title=induk::unit 'x' tidak ditemukan, periksa: ejaan",
        "::error file=content/unit/b.yml,line=1,col=1::berkas kosong%0Abaris dua",
        "::warning file=content/unit/c.yml,line=2,col=4,title=id::unit ini belum punya sumber",
    ]


def test_summary_lists_every_problem():
    summary = report.summary(PROBLEMS * 6)
    assert summary.startswith("### 12 galat pada konten")
    assert summary.count("\n| galat |") == 12 and summary.count("\n| peringatan |") == 6


def test_json_report_round_trips():
    data = json.loads(report.as_json(PROBLEMS))
    assert data[0] == {
        "path": "content/unit/a.yml",
        "line": 3,
        "column": 5,
        "field": "induk",
        "message": "unit 'x' tidak ditemukan, periksa: ejaan",
        "severity": "galat",
        "code": "",
    }


def test_check_in_github_format_writes_the_job_summary(
    project: Project,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
):
    summary = tmp_path / "ringkasan.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    project.edit(
        "unit/biro-umum.yml",
        "induk: deputi-bidang-administrasi",
        "induk: deputi-bidang-administrasii",
    )
    assert project.run("check", "--format", "github", "--tanpa-peringatan") == 1
    out = capsys.readouterr().out
    line, col = project.where("unit/biro-umum.yml", "deputi-bidang-administrasii").split(":")
    assert out.startswith(
        f"::error file=content/unit/biro-umum.yml,line={line},col={col},title=induk::unit 'deputi-bidang-administrasii'"
        " tidak ditemukan — maksud Anda 'deputi-bidang-administrasi'?\n"
    )
    assert f"content/unit/biro-umum.yml:{line}:{col}: galat: induk:" in out  # the full list too
    assert f"`content/unit/biro-umum.yml:{line}:{col}`" in summary.read_text(encoding="utf-8")
