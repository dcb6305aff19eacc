"""The structure of Indonesian legislation (Lampiran II UU 12/2011) from cleaned text lines.

Heading lines stand alone ('BAB II', 'Bagian Kesatu', 'Paragraf 1', 'Pasal 5A'); inside an
article, ayat start with '(1)', points with 'a.' or '1.' (deeper ones with 'a)' or '1)').
Every other line continues the sentence before it: the text was wrapped to the page width.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from generator.tools.importer.document import Article, Clause, ImportFailed, Point, Regulation

ARTICLE = re.compile(r"^(?:Pasal|PASAL)\s+(\d+)\s?([A-Z]?)$")
ROMAN_ARTICLE = re.compile(r"^(?:Pasal|PASAL)\s+([IVXLC]+)$")
CHAPTER = re.compile(r"^BAB\s+[IVXLCDM]+(?:\s?[A-Z])?(?:\s+[^a-z]*)?$")
PARAGRAPH = re.compile(r"^Paragraf\s+\d+[A-Z]?$")
ORDINALS = set(
    [
        "satu",
        "dua",
        "tiga",
        "empat",
        "lima",
        "enam",
        "tujuh",
        "delapan",
        "sembilan",
        "sepuluh",
        "sebelas",
        "belas",
        "puluh",
        "seratus",
    ]
)
CLAUSE = re.compile(r"^\((\d+[a-z]?)\)\s*(.*)$")
POINT_STYLES = (
    ("huruf", re.compile(r"^([a-z])\.(?:\s+(.*))?$")),
    ("angka", re.compile(r"^(\d{1,3})\.(?:\s+(.*))?$")),
    ("huruf)", re.compile(r"^([a-z])\)(?:\s+(.*))?$")),
    ("angka)", re.compile(r"^(\d{1,3})\)(?:\s+(.*))?$")),
)
CLOSING = re.compile(
    r"^(?:Agar setiap orang mengetahuinya|Ditetapkan di|Disahkan di|Diundangkan di|PENJELASAN$)"
)
# A line that starts with '(2)' or 'a.' right after one of these words is a wrapped reference
# ('sebagaimana dimaksud pada ayat / (1)'), not a new ayat or point.
REFERENCE_END = re.compile(r"\b(?:ayat|huruf|angka|pasal|nomor|tahun)$", re.IGNORECASE)
HEADER = re.compile(
    r"(?P<kind>(?:UNDANG-UNDANG|PERATURAN|KEPUTUSAN|INSTRUKSI)\b[A-Z ,/-]*?)\s+NOMOR\s+"
    r"(?P<number>\d+)\s+TAHUN\s+(?P<year>\d{4})\s+TENTANG\s+(?P<title>.+?)\s*"
    r"(?:DENGAN RAHMAT TUHAN YANG MAHA ESA|$)",
    re.IGNORECASE,
)


def is_part_heading(line: str) -> bool:
    """'Bagian Kesatu', 'Bagian Kedua Puluh Satu': an ordinal and nothing else."""
    words = line.split()
    if len(words) < 2 or words[0] != "Bagian" or not words[1].startswith("Ke"):
        return False
    rest = [words[1][2:].lower(), *(word.lower() for word in words[2:])]
    return all(word in ORDINALS for word in rest)


def is_heading(line: str) -> bool:
    """Whether the line heads a division that ends the article before it."""
    return bool(
        ARTICLE.match(line)
        or ROMAN_ARTICLE.match(line)
        or CHAPTER.match(line)
        or PARAGRAPH.match(line)
        or is_part_heading(line)
    )


def article_number(line: str) -> str | None:
    match = ARTICLE.match(line)
    return match.group(1) + match.group(2) if match else None


def number_key(number: str) -> tuple[int, str]:
    """Sort key for article and ayat numbers: '5' < '5A' < '5B' < '6'."""
    match = re.match(r"(\d+)(\w*)", number)
    return (int(match.group(1)), match.group(2).upper()) if match else (0, number)


@dataclass
class _Block:
    kind: str
    """'clause', 'text' or one of the point styles."""
    label: str
    text: str


def _successor(label: str) -> str:
    return str(int(label) + 1) if label.isdigit() else chr(ord(label) + 1)


@dataclass
class _Blocks:
    """The marked blocks of one article, with what the next marker may be."""

    blocks: list[_Block] = field(default_factory=list)
    last_clause: str | None = None
    last_label: dict[str, str] = field(default_factory=dict)

    def marker(self, line: str, previous: str) -> _Block | None:
        """The block this line starts, or None when it continues the previous one."""
        if REFERENCE_END.search(previous):
            return None
        match = CLAUSE.match(line)
        if match:
            number = match.group(1)
            if self.last_clause is None or number_key(number) > number_key(self.last_clause):
                return _Block("clause", number, match.group(2))
            return None
        for kind, pattern in POINT_STYLES:
            match = pattern.match(line)
            if match:
                label, first = match.group(1), "1" if kind.startswith("angka") else "a"
                last = self.last_label.get(kind)
                if label == first or (last is not None and label == _successor(last)):
                    return _Block(kind, label, match.group(2) or "")
                return None
        return None

    def add(self, line: str, previous: str) -> None:
        block = self.marker(line, previous)
        if block is None:
            if self.blocks:
                last = self.blocks[-1]
                last.text = f"{last.text} {line}".strip()
            else:
                self.blocks.append(_Block("text", "", line))
            return
        if block.kind == "clause":
            self.last_clause = block.label
            self.last_label = {}
        else:
            self.last_label[block.kind] = block.label
        self.blocks.append(block)


@dataclass
class _PointBuilder:
    label: str
    kind: str
    text: str
    children: list[_PointBuilder] = field(default_factory=list)

    def freeze(self) -> Point:
        return Point(self.label, self.kind, self.text, tuple(c.freeze() for c in self.children))


def _clauses(blocks: list[_Block]) -> tuple[Clause, ...]:
    """Nest the blocks: points under their ayat, deeper lists under the point they follow."""
    clauses: list[tuple[str | None, str, list[_PointBuilder]]] = []
    stack: list[_PointBuilder] = []
    for block in blocks:
        if block.kind in ("clause", "text"):
            clauses.append((block.label or None, block.text, []))
            stack = []
            continue
        if not clauses:
            clauses.append((None, "", []))
        same = next((i for i in range(len(stack) - 1, -1, -1) if stack[i].kind == block.kind), None)
        # The next label of an open list is its sibling; a list restarting at 'a' or '1' while
        # one of its style is open is a deeper list of the same style, so it nests.
        if same is not None and (
            block.label == _successor(stack[same].label) or block.label not in ("a", "1")
        ):
            del stack[same:]
        point = _PointBuilder(block.label, block.kind, block.text)
        (stack[-1].children if stack else clauses[-1][2]).append(point)
        stack.append(point)
    return tuple(
        Clause(number, text, tuple(p.freeze() for p in points)) for number, text, points in clauses
    )


def parse_articles(lines: list[str], set_by: str) -> tuple[list[Article], list[str]]:
    """Articles from body lines; also the lines before the first article heading."""
    articles: list[Article] = []
    before: list[str] = []
    number: str | None = None
    blocks = _Blocks()
    skip_title = False
    previous = ""

    def flush() -> None:
        if number is not None:
            articles.append(Article(number, _clauses(blocks.blocks), set_by))

    for line in lines:
        if CLOSING.match(line):
            break
        if skip_title and not is_heading(line):
            # The title line(s) of a BAB, Bagian or Paragraf: uppercase for a BAB.
            skip_title = line.isupper() and not CLAUSE.match(line)
            previous = line
            continue
        skip_title = False
        if is_heading(line):
            flush()
            number, blocks = article_number(line), _Blocks()
            skip_title = number is None
        elif number is None:
            before.append(line)
        else:
            blocks.add(line, previous)
        previous = line
    flush()
    return articles, before


def parse_clauses(lines: list[str]) -> tuple[Clause, ...]:
    """The clauses of a body that restates only ayat, not a whole article."""
    blocks = _Blocks()
    previous = ""
    for line in lines:
        blocks.add(line, previous)
        previous = line
    return _clauses(blocks.blocks)


def _items(lines: list[str], style: str) -> tuple[str, ...]:
    """The lettered or numbered items of Menimbang / Mengingat, each as one line of text."""
    blocks = _Blocks()
    previous = ""
    for line in lines:
        blocks.add(line, previous)
        previous = line
    return tuple(b.text for b in blocks.blocks if b.kind in (style, "text") and b.text)


def _find(lines: list[str], pattern: str, start: int = 0) -> int | None:
    regex = re.compile(pattern)
    return next((i for i in range(start, len(lines)) if regex.match(lines[i])), None)


def _preamble(lines: list[str]) -> tuple[tuple[str, ...], tuple[str, ...], int]:
    """Menimbang items, Mengingat items, and where the body (after MEMUTUSKAN) starts."""
    considering = _find(lines, r"^Menimbang\b") or 0
    observing = _find(lines, r"^Mengingat\b", considering)
    decided = _find(lines, r"^M\s?E\s?M\s?U\s?T\s?U\s?S\s?K\s?A\s?N\b", considering)
    ends = _find(lines, r"^(?:Memperhatikan|Dengan Persetujuan Bersama)\b", observing or 0)
    stop = min(i for i in (ends, decided, len(lines)) if i is not None)

    def strip(head: str, block: list[str]) -> list[str]:
        if not block:
            return []
        first = re.sub(rf"^{head}\s*:?\s*", "", block[0])
        return [first, *block[1:]] if first else block[1:]

    end_considering = observing if observing is not None else stop
    first_items = strip("Menimbang", lines[considering:end_considering])
    second_items = strip("Mengingat", lines[observing:stop]) if observing is not None else []
    body = decided + 1 if decided is not None else stop
    return _items(first_items, "huruf"), _items(second_items, "angka"), body


def parse_regulation(lines: list[str], name: str) -> Regulation:
    """Parse a whole regulation; raise ImportFailed when the text is not one."""
    menimbang = _find(lines, r"^Menimbang\b")
    head = " ".join(lines[: menimbang if menimbang is not None else 40])
    match = HEADER.search(head)
    if match is None or menimbang is None:
        raise ImportFailed(
            f"'{name}' bukan teks peraturan perundang-undangan: tidak ditemukan judul berbentuk "
            "'... NOMOR ... TAHUN ... TENTANG ...' yang diikuti 'Menimbang'."
        )
    kind = " ".join(match.group("kind").upper().replace("SALINAN", "").split())
    considering, observing, body = _preamble(lines)
    regulation = Regulation(
        kind=kind,
        number=int(match.group("number")),
        year=int(match.group("year")),
        title=match.group("title").strip(),
        considering=considering,
        observing=observing,
    )
    body_lines = lines[body:]
    first = _find(body_lines, r"^(?:Pasal|PASAL)\s+I$")
    if first is not None:
        end = _find(body_lines, r"^(?:Pasal|PASAL)\s+II$", first + 1)
        stop = end if end is not None else _find(body_lines, CLOSING.pattern, first + 1)
        amendment = tuple(body_lines[first + 1 : stop])
        return replace(regulation, amendment_lines=amendment)
    articles, _ = parse_articles(body_lines, regulation.label)
    if not articles:
        raise ImportFailed(
            f"'{name}' bukan teks peraturan yang dapat dibaca: tidak ada satu pun pasal "
            "(baris 'Pasal 1', 'Pasal 2', ...) setelah 'MEMUTUSKAN'."
        )
    return replace(regulation, articles=tuple(articles))
