"""Messages live in generator/messages.py: each is used, fills in, and the editors' guide quotes them."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from generator.messages import HINTS, MESSAGES, WARNINGS, fields, message, shape
from generator.plan.message_catalogue import message_catalogue

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "panduan" / "index.md"
GENERATOR = ROOT / "generator"


def _string_constants() -> set[str]:
    """Every string literal in generator/ outside messages.py: where message ids are used."""
    found: set[str] = set()
    for path in GENERATOR.rglob("*.py"):
        if path.name == "messages.py" and path.parent == GENERATOR:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return found


def test_every_message_is_used():
    unused = set(MESSAGES) - _string_constants()
    assert not unused


def test_warnings_are_messages():
    assert set(MESSAGES) >= WARNINGS


@pytest.mark.parametrize("code", MESSAGES)
def test_every_message_fills_in(code: str):
    text = message(code, **{name: "X" for name in fields(code)})
    assert "{" not in text.replace("{ }", "") and text.strip() == text


def _variants(code: str) -> list[str]:
    """The message as the guide may quote it: '…' for values, with or without each hint."""
    base = shape(code)
    if "hint" not in fields(code):
        return [base]
    spot = MESSAGES[code].index("{hint}")
    before = re.sub(r"\{[a-z_]+\}", "…", MESSAGES[code][:spot])
    after = re.sub(r"\{[a-z_]+\}", "…", MESSAGES[code][spot + len("{hint}") :])
    fragments = [re.sub(r"\{[a-z_]+\}", "…", h) for h in HINTS.values()]
    return [base, *(before + f + after for f in fragments)]


def _guide_quotes() -> list[str]:
    """The quoted messages in the first column of the guide's error table."""
    text = GUIDE.read_text(encoding="utf-8")
    table = text.split("## Arti pesan galat yang sering muncul", 1)[1]
    rows = [line for line in table.splitlines() if line.startswith("| `")]
    return [q for row in rows for q in re.findall(r"`([^`]+)`", row.split(" | ")[0])]


def test_the_guide_table_is_not_empty():
    assert len(_guide_quotes()) >= 15


@pytest.mark.parametrize("quote", _guide_quotes())
def test_every_message_the_guide_quotes_exists(quote: str):
    """The guide quotes messages in part, with '…' for the file's values."""
    pattern = ".*".join(re.escape(part) for part in quote.split("…"))
    candidates = [v for code in MESSAGES for v in _variants(code)]
    assert any(re.search(pattern, c) for c in candidates), quote


def test_the_field_reference_lists_every_message():
    catalogue = message_catalogue()
    assert {m.code for m in catalogue} == set(MESSAGES)
    assert [m.warning for m in catalogue] == sorted(m.warning for m in catalogue)
