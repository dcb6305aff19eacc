"""Random and mutated YAML: the checker answers with problems or success, never an exception.

Mutations start from the small fixture project (one of every kind of unit file), so each example
checks a handful of files, not the whole real content.
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.content.load import load_content, parse
from generator.content.validate import check
from generator.errors import Problem

from .conftest import MINIMAL

LOADED = load_content(MINIMAL / "content")
TEXTS = {doc.path: (MINIMAL / doc.path).read_text(encoding="utf-8") for doc in LOADED.units}
# Characters that YAML gives meaning to, and bytes editors paste by accident.
NASTY = [
    *list(":-#&*!|>'\"%@`{}[],?\t\n "),
    "\ufeff",
    "\x00",
    "é",
    "  ",
    "- ",
    ": ",
    "<<: ",
    "&a ",
    "*a ",
]


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, str]:
    path = draw(st.sampled_from(sorted(TEXTS)))
    text = TEXTS[path]
    for _ in range(draw(st.integers(1, 4))):
        position = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "duplicate-line", "swap-lines"]))
        if action == "insert":
            text = text[:position] + draw(st.sampled_from(NASTY)) + text[position:]
        elif action == "delete":
            text = text[:position] + text[position + draw(st.integers(1, 12)) :]
        else:
            lines = text.split("\n")
            i = draw(st.integers(0, len(lines) - 1))
            j = draw(st.integers(0, len(lines) - 1))
            if action == "duplicate-line":
                lines.insert(i, lines[j])
            else:
                lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
    return path, text


def _assert_clean(problems: list[Problem]) -> None:
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.line >= 1 and problem.column >= 1
        assert problem.message and "Traceback" not in problem.message


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_content_gives_problems_or_success(case: tuple[str, str]):
    path, text = case
    document, problems = parse(text.encode("utf-8", errors="surrogatepass"), path)
    units = [d for d in LOADED.units if d.path != path] + ([document] if document else [])
    checked = check(replace(LOADED, units=units, problems=problems))
    _assert_clean(checked.problems)
    assert (checked.records is None) == bool(checked.errors)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_never_raise(raw: bytes):
    document, problems = parse(raw, "content/unit/acak.yml")
    _assert_clean(problems)
    assert document is not None or problems


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from([*NASTY, "id", "nama", "jenis", "induk", "biro", "0", "a"]), max_size=80
    ).map("".join)
)
def test_random_text_never_raises(text: str):
    document, problems = parse(
        text.encode("utf-8", errors="surrogatepass"), "content/unit/acak.yml"
    )
    _assert_clean(problems)
    if document is not None:
        checked = check(replace(LOADED, units=[*LOADED.units, document], problems=problems))
        _assert_clean(checked.problems)
