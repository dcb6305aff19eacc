"""Search as people use it: the query sets in tests/search_queries.yml typed into Material's search
box of the built site, in Debian's Chromium; and what the first search costs on a slow phone.

Both write test-artifacts/pencarian.txt (the share per set, each query's hit or miss and its top
three, and the first-search numbers).
"""

from __future__ import annotations

import gzip
import json
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from .conftest import ARTIFACTS, Project, locked, open_page

pytestmark = [pytest.mark.site, pytest.mark.browser]

QUERY_SETS: dict[str, list[dict[str, Any]]] = yaml.safe_load(
    (Path(__file__).parent / "search_queries.yml").read_text(encoding="utf-8")
)
#: The set the search was tuned with, and the one written before tuning (see the YAML's header).
QUERIES = QUERY_SETS["tuned"]
HELD_OUT = QUERY_SETS["held_out"]
TARGET = 0.95
INPUT = "input.md-search__input"
META = ".md-search-result__meta"
# One item per page; its first link is the page, the others are its sections.
ITEMS = ".md-search-result__list > li.md-search-result__item"
RESULTS = f"{ITEMS} > a.md-search-result__link:first-child"
# Material's Indonesian texts while the index loads, and before anything is typed.
WAITING = ("Mempersiapkan pencarian", "Ketik untuk mulai pencarian")
#: What the count line says until Material shows the next query's count (set by the test).
SHOWN_BEFORE = "(hasil sebelumnya)"
#: Under a result, the query words it lacks ("Tidak ada: …").
TERMS = ".md-search-result__terms"
REPORT = ARTIFACTS / "pencarian.txt"
COST_HEADER = "Pencarian pertama"


@dataclass(frozen=True)
class Check:
    """One expectation about one query's top three results."""

    query: str
    kind: str
    """'top3', 'first', 'not_top3' or 'specific_first'."""
    path: str
    """A page; for 'specific_first', the specific word."""

    def passes(self, top: list[str], holding: frozenset[str] = frozenset()) -> bool:
        """Whether the top three pass; ``holding``: the pages whose text holds the word."""
        if self.kind == "specific_first":
            # The pages holding the word come first, as many as there are (at most three).
            first = top[: min(3, len(holding))]
            return all(p in holding for p in first)
        if self.kind == "first":
            return top[:1] == [self.path]
        if self.kind == "top3":
            return self.path in top
        if self.path.endswith("*"):
            return not any(p.startswith(self.path[:-1]) for p in top)
        return self.path not in top

    def describe(self) -> str:
        words = {
            "first": "pertama",
            "top3": "3 teratas",
            "not_top3": "bukan 3 teratas",
            "specific_first": "yang memuat kata ini lebih dulu",
        }
        return f"{words[self.kind]}: {self.path}"


def checks(entry: dict[str, Any]) -> list[Check]:
    query = entry["q"]
    found = [Check(query, "first", entry["first"])] if "first" in entry else []
    found += [Check(query, "top3", p) for p in entry.get("top3", [])]
    found += [Check(query, "not_top3", p) for p in entry.get("not_top3", [])]
    if "specific_first" in entry:
        found.append(Check(query, "specific_first", entry["specific_first"]))
    return found


def test_query_set_is_well_formed() -> None:
    assert len(QUERIES) >= 60
    assert len(HELD_OUT) >= 26
    # Within a set, each query once; case variants are kept on purpose (the mix of forms), and
    # a held-out query may repeat a tuned one (the held-out set was written on its own).
    for entries in (QUERIES, HELD_OUT):
        assert len({e["q"] for e in entries}) == len(entries), "duplicate query"
    for entry in [*QUERIES, *HELD_OUT]:
        assert checks(entry), entry
        assert set(entry) <= {"q", "top3", "first", "not_top3", "specific_first"}, entry
        for check in checks(entry):
            if check.kind == "specific_first":
                assert check.path in entry["q"].casefold().split(), entry
            else:
                assert not check.path.startswith("/") and check.path.endswith(("/", "*")), entry


def pages_holding(index: dict[str, Any], word: str) -> frozenset[str]:
    """The pages with a word that starts with ``word`` in any searched field (search matches
    every query word as a prefix), split as search splits."""
    separator = re.compile(index["config"]["separator"])
    fields = [f for f in index["config"]["fields"] if f != "tags"]
    found = set()
    for doc in index["docs"]:
        text = " ".join(re.sub(r"<[^>]+>", " ", str(doc.get(f, ""))) for f in fields)
        if any(w.casefold().startswith(word) for w in separator.split(text)):
            found.add(doc["location"].split("#", 1)[0])
    return frozenset(found)


def _meta(page: Any) -> str:
    return str(page.inner_text(META)).strip()


def _top3(page: Any, base: str) -> list[str]:
    hrefs = page.eval_on_selector_all(RESULTS, "els => els.slice(0, 3).map(e => e.href)")
    prefix = urlsplit(base).path
    return [urlsplit(h).path.removeprefix(prefix) for h in hrefs]


def search(page: Any, base: str, query: str) -> list[str]:
    """Enter the query, wait for its results, and return the top three pages.

    Material reads the box on key-up: the query is entered at once and one key (End) released,
    so exactly one result set follows. What shows before is marked first (the count line and
    the results), and only this query's own count line and results count, so nothing shown
    earlier is mistaken for them. (The box is cleared first only when it already holds the
    query: Material ignores a key-up that leaves the query as it was.)
    """
    if page.input_value(INPUT) == query:
        page.fill(INPUT, "")
        page.press(INPUT, "End")
        page.wait_for_function(
            "([sel, text]) => document.querySelector(sel).textContent.trim() === text",
            arg=[META, WAITING[1]],
        )
    page.evaluate(
        """([meta, items, marker]) => {
            document.querySelector(meta).textContent = marker;
            document.querySelectorAll(items).forEach(item => { item.dataset.ujiLama = ''; });
        }""",
        [META, ITEMS, SHOWN_BEFORE],
    )
    page.fill(INPUT, query)
    page.press(INPUT, "End")
    page.wait_for_function(
        """([meta, items, list, waiting, marker]) => {
            const text = document.querySelector(meta).textContent.trim();
            if (text === marker || waiting.includes(text)) return false;
            if (document.querySelector(items + '[data-uji-lama]')) return false;
            const count = parseInt(text, 10);
            return isNaN(count) || document.querySelectorAll(list).length >= Math.min(count, 3);
        }""",
        arg=[META, ITEMS, RESULTS, list(WAITING), SHOWN_BEFORE],
    )
    return _top3(page, base)


def _write_report(section: str, text: str) -> None:
    """Keep the other test's section of the report; replace this one's. The two tests may run at
    the same time in two pytest-xdist workers: one writes at a time."""
    ARTIFACTS.mkdir(exist_ok=True)
    with locked(REPORT.with_suffix(".lock")):
        old = REPORT.read_text(encoding="utf-8") if REPORT.exists() else ""
        sections = [s for s in old.split("\n\n\n") if s.strip() and not s.startswith(section)]
        REPORT.write_text("\n\n\n".join([*sections, text]).rstrip() + "\n", encoding="utf-8")


def _run_set(
    page: Any, base: str, index: dict[str, Any], name: str, entries: list[dict[str, Any]]
) -> tuple[str, list[str], list[str]]:
    """Type every query of one set: its summary line, report lines, and the missed checks."""
    lines, results = [], []
    for entry in entries:
        top = search(page, base, entry["q"])
        for check in checks(entry):
            holding = pages_holding(index, check.path) if check.kind == "specific_first" else None
            ok = check.passes(top, holding or frozenset())
            results.append((check, ok))
            lines.append(f"{'ya   ' if ok else 'TIDAK'} {check.query!r} ({check.describe()})")
        lines += [f"        {i}. {p or '(beranda)'}" for i, p in enumerate(top, 1)]
    hits = sum(ok for _, ok in results)
    share = hits / len(results)
    summary = (
        f"Pencarian ({name}): {hits}/{len(results)} harapan terpenuhi ({share:.1%}) "
        f"dari {len(entries)} kueri; target {TARGET:.0%}"
    )
    missed = [f"{c.query!r} {c.describe()}" for c, ok in results if not ok]
    return summary, lines, missed if share < TARGET else []


def test_search_finds_what_people_ask_for(built: Project, browser: Any, served: str) -> None:
    index = json.loads((built.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    page, watch = open_page(browser, served, search=True)
    page.goto(served)
    report, failed = [], []
    for name, entries in (("disetel", QUERIES), ("tertahan", HELD_OUT)):
        summary, lines, missed = _run_set(page, served, index, name, entries)
        print("\n" + summary)
        report += [summary, "", *lines, ""]
        failed += [f"{summary}; meleset: {missed}"] if missed else []
    _write_report("Pencarian (", "\n".join(report).rstrip())
    assert failed == []
    # A result does not say it lacks a generic word, nor a word it was found by one edit away.
    for query, unsaid in (("kpu bogor", "kpu"), ("sekretariat jendral", "jendral")):
        search(page, served, query)
        said = page.eval_on_selector_all(TERMS, "els => els.map(e => e.textContent)")
        assert not [s for s in said if unsaid in s.partition(":")[2].split()], (query, said)
    assert watch.errors == [] and watch.outside == []


@dataclass(frozen=True)
class FirstSearch:
    """What the first search costs, in seconds and bytes."""

    ready: float
    """From navigation start until the search is ready (index fetched and built)."""
    query: float
    """From entering a query once the search is ready to its first result."""
    fetched: int
    """Bytes of the search index fetched."""


def _phone(browser: Any, rate: int) -> tuple[Any, Any, list[int]]:
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": rate})
    fetched: list[int] = []
    page.on(
        "response",
        lambda r: fetched.append(len(r.body())) if r.url.endswith("search_index.json") else None,
    )
    return context, page, fetched


def _first_search(browser: Any, base: str, rate: int = 4) -> FirstSearch:
    """The first search on a 360 px phone whose CPU is slowed ``rate`` times: the page is opened,
    the search box with it, and a query entered as soon as the search is ready."""
    context, page, fetched = _phone(browser, rate)
    page.goto(base, wait_until="domcontentloaded")
    page.click("label.md-header__button[for='__search']")
    page.wait_for_function(
        "([sel, text]) => document.querySelector(sel).textContent.trim() !== text",
        arg=[META, WAITING[0]],
        timeout=60_000,
    )
    ready = float(page.evaluate("performance.now()")) / 1000
    start = time.perf_counter()
    page.fill(INPUT, "kpu bogor")
    page.press(INPUT, "End")
    page.wait_for_selector(RESULTS, timeout=60_000)
    query = time.perf_counter() - start
    context.close()
    return FirstSearch(ready, query, sum(fetched))


def test_first_search_cost_on_a_slow_phone(built: Project, served: str, browser: Any) -> None:
    """Measured on the 4× slower CPU only; ``make bench`` measures it on every scale."""
    index = (built.site / "search" / "search_index.json").read_bytes()
    slow = _first_search(browser, served, rate=4)
    zipped = len(gzip.compress(index, 6))
    text = "\n".join(
        [
            f"{COST_HEADER} di layar 360 px, CPU diperlambat 4× (Emulation.setCPUThrottlingRate):",
            f"  pencarian siap (indeks diunduh dan dibangun) sejak halaman dibuka: {slow.ready:.2f} s",
            f"  kueri pertama setelah siap, sampai hasil pertama: {slow.query:.2f} s"
            f"; sasaran < 1 s: {'tercapai' if slow.query < 1 else 'BELUM tercapai'}"
            " (diukur, tidak diuji; juga kolom 'cari pertama' di make bench)",
            f"  indeks pencarian diunduh: {slow.fetched:,} bita "
            f"(gzip: {zipped:,} bita bila server memampatkan)",
        ]
    )
    print("\n" + text)
    _write_report(COST_HEADER, text)
    assert slow.fetched == len(index)
