"""Report the longest functions and classes in generator/ (a report for reviewers, never a gate).

    make ukuran           # or: .venv/bin/python scripts/code_size.py [--batas 60]

House style prefers small functions; a long one is worth a look, but splitting code only to pass
a number makes it worse, so this prints and always exits 0.
"""

from __future__ import annotations

import argparse
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def long_definitions(limit: int) -> list[tuple[int, str]]:
    """Every function or class in generator/ longer than ``limit`` lines, longest first."""
    found = []
    for path in sorted((ROOT / "generator").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > limit:
                    where = f"{path.relative_to(ROOT)}:{node.lineno} {node.name}"
                    found.append((length, where))
    return sorted(found, reverse=True)


def main() -> None:
    parser = argparse.ArgumentParser(
        description="Laporan fungsi dan kelas terpanjang di generator/."
    )
    parser.add_argument("--batas", type=int, default=60, help="panjang (baris) yang dilaporkan")
    limit = parser.parse_args().batas
    found = long_definitions(limit)
    print(f"{len(found)} fungsi atau kelas lebih dari {limit} baris:")
    for length, where in found:
        print(f"{length:5d}  {where}")


if __name__ == "__main__":
    main()
