"""Read content files: bytes to YAML to plain data, remembering where each value stands.

PyYAML's ``safe_load`` forgets line numbers and silently keeps the last of two duplicate keys,
so documents are composed into nodes and converted here, keeping a map from each value's
path (``("alias", 2, "nama")``) to its position. Nothing here knows the schema.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.errors import Problem, problem

#: libyaml's composer when PyYAML was built with it (several times faster); same nodes and marks.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
#: Larger files are refused before parsing: no real unit needs this much.
MAX_FILE_BYTES = 256 * 1024
#: Values built from one document; anchors and aliases can expand far beyond the file's size.
MAX_VALUES = 20_000
#: Nesting depth; the YAML composer recurses, so a deeper document must be refused first.
MAX_DEPTH = 50

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Position:
    """A 1-based line and column in a file."""

    line: int
    column: int


@dataclass
class RawDocument:
    """One content file, parsed: its data and where each value and key stands."""

    path: str
    data: Any
    values: dict[Path_, Position] = field(default_factory=dict)
    keys: dict[Path_, Position] = field(default_factory=dict)
    #: Each scalar as written, so messages can quote ``03`` rather than the number 3.
    written: dict[Path_, str] = field(default_factory=dict)
    #: Values that could not be read (already reported), so the schema does not report them again.
    unreadable: set[Path_] = field(default_factory=set)
    #: The JSON Schema named by the file's ``# yaml-language-server: $schema=…`` line, if any.
    modeline: str | None = None

    def locate(self, path: Path_) -> Position:
        """Return the position of the key at ``path``, or of the nearest enclosing value."""
        probe = tuple(path)
        while True:
            if probe in self.keys:
                return self.keys[probe]
            if probe in self.values:
                return self.values[probe]
            if not probe:
                return Position(1, 1)
            probe = probe[:-1]

    def locate_value(self, path: Path_) -> Position:
        """Return the position of the value at ``path`` (for 'this value is wrong' messages)."""
        return self.values.get(tuple(path)) or self.locate(path)


class _TooBig(Exception):
    """The document expands beyond MAX_VALUES or MAX_DEPTH."""

    def __init__(self, position: Position, path: Path_, code: str, limit: int) -> None:
        super().__init__(code)
        self.position = position
        self.path = path
        self.code = code
        self.limit = limit


def _position(mark: yaml.Mark | None) -> Position:
    if mark is None:
        return Position(1, 1)
    return Position(mark.line + 1, mark.column + 1)


def _line_col(text: str, index: int) -> Position:
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return Position(line, column)


# PyYAML's problems and the ids of their translations; the first fragment found in the message wins.
_YAML_PROBLEMS: tuple[tuple[str, str], ...] = (
    ("mapping values are not allowed here", "yaml-titik-dua"),
    ("could not find expected ':'", "yaml-titik-dua-hilang"),
    ("did not find expected key", "yaml-indentasi"),
    ("did not find expected '-' indicator", "yaml-butir-daftar"),
    ("expected <block end>, but found '<block sequence start>'", "yaml-butir-tidak-sejajar"),
    ("expected <block end>, but found", "yaml-indentasi-sebelumnya"),
    ("found unexpected end of stream", "yaml-kutip-akhir-berkas"),
    ("found undefined alias", "yaml-alias-tanpa-anchor"),
    ("found character '\\t' that cannot start any token", "yaml-tab"),
    ("expected a single document in the stream", "yaml-dua-dokumen"),
    ("found duplicate anchor", "yaml-anchor-ganda"),
    ("while scanning a quoted scalar", "yaml-kutip-tidak-ditutup"),
    ("while parsing a flow", "yaml-kurung"),
    ("special characters are not allowed", "yaml-karakter-kontrol"),
)


def _translate_yaml_problem(error: yaml.YAMLError) -> tuple[str, dict[str, object]]:
    """The message id (and its values) for one of PyYAML's errors."""
    text = str(error)
    for fragment, code in _YAML_PROBLEMS:
        if fragment in text:
            return code, {}
    return "yaml-tidak-valid", {"problem": getattr(error, "problem", None) or text.splitlines()[0]}


class _Converter:
    """Turns a composed node tree into plain data, recording positions and refusing bombs."""

    def __init__(self, document: RawDocument, problems: list[Problem]) -> None:
        self.document = document
        self.problems = problems
        self.count = 0
        self.constructor = yaml.SafeLoader("")

    def problem(self, position: Position, field_path: Path_, code: str, **values: object) -> None:
        self.document.unreadable.add(field_path)
        self.problems.append(
            problem(
                self.document.path,
                position.line,
                position.column,
                dotted(field_path),
                code,
                **values,
            )
        )

    def convert(self, node: yaml.Node, path: Path_) -> Any:
        self.count += 1
        position = _position(node.start_mark)
        if self.count > MAX_VALUES:
            # Aliases point back at their anchor; the key whose value grew so large is the place to fix.
            top = path[:1]
            raise _TooBig(
                self.document.keys.get(top, position),
                top,
                "dokumen-mengembang",
                MAX_VALUES,
            )
        if len(path) > MAX_DEPTH:
            raise _TooBig(position, path, "bersarang-lebih-dari", MAX_DEPTH)
        self.document.values[path] = position
        if isinstance(node, yaml.MappingNode):
            return self.convert_mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != "tag:yaml.org,2002:seq":
                self.problem(position, path, "tag-tidak-didukung", tag=node.tag)
                return None
            return [self.convert(item, (*path, i)) for i, item in enumerate(node.value)]
        self.document.written[path] = node.value
        try:
            return self.constructor.construct_object(node, deep=True)
        except yaml.YAMLError:
            self.problem(position, path, "tag-tidak-didukung", tag=node.tag)
        except (ValueError, OverflowError):
            # The scalar looks like a date or number that does not exist, e.g. 2023-13-45.
            timestamp = node.tag == "tag:yaml.org,2002:timestamp"
            code = "tanggal-tidak-sah" if timestamp else "nilai-tidak-terbaca"
            self.problem(position, path, code, value=node.value)
        return None

    def convert_mapping(self, node: yaml.MappingNode, path: Path_) -> dict[str, Any] | None:
        if node.tag != "tag:yaml.org,2002:map":
            self.problem(
                _position(node.start_mark),
                path,
                "tag-tidak-didukung",
                tag=node.tag,
            )
            return None
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key_position = _position(key_node.start_mark)
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problem(key_position, path, "kunci-gabungan")
                continue
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
                shown = key_node.value if isinstance(key_node, yaml.ScalarNode) else "…"
                self.problem(key_position, path, "kunci-bukan-teks", key=shown)
                continue
            key = key_node.value
            child = (*path, key)
            if key in result:
                first = self.document.keys[child]
                self.problem(key_position, child, "kolom-ganda", key=key, line=first.line)
                continue
            self.document.keys[child] = key_position
            result[key] = self.convert(value_node, child)
        return result


def dotted(path: Path_) -> str:
    """Render a value path as editors read it: ``alias[2].nama``.

    >>> dotted(("alias", 2, "nama"))
    'alias[2].nama'
    >>> dotted(())
    ''
    """
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


_QUOTED_VALUE = re.compile(r"""^(\s*(?:-\s+)?[A-Za-z_][\w-]*:\s+|\s*-\s+)(["'])""")


def _unclosed_quote(text: str, until_line: int) -> Position | None:
    """The first line (up to ``until_line``) whose value opens a quote it does not close."""
    for number, line in enumerate(text.splitlines()[:until_line], start=1):
        match = _QUOTED_VALUE.match(line)
        if not match:
            continue
        quote = match.group(2)
        rest = line[match.end() :]
        closed = (
            rest.replace("\\\\", "").replace('\\"', "").count('"')
            if quote == '"'
            else rest.count("'")
        )
        if closed % 2 == 0:
            return Position(number, match.end())
    return None


_MODELINE = re.compile(r"^#\s*yaml-language-server:\s*\$schema=(\S+)")


def _modeline(text: str) -> str | None:
    for line in text.splitlines()[:5]:
        match = _MODELINE.match(line)
        if match:
            return match.group(1)
    return None


def _leading_tabs(text: str) -> Iterator[Position]:
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            yield Position(number, indent.index("\t") + 1)


_Failure = tuple[Position, str, dict[str, object]]


def _compose(text: str) -> tuple[yaml.Node | None, _Failure | None]:
    """Compose YAML text into nodes, or say where and why it cannot be parsed."""
    try:
        try:
            return yaml.compose(text, Loader=_LOADER), None
        except (yaml.YAMLError, RecursionError):
            # libyaml words its errors differently; the pure parser's messages are the ones we translate.
            return yaml.compose(text, Loader=yaml.SafeLoader), None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        opened = _unclosed_quote(text, _position(mark).line)
        if opened is not None:
            # A quote left open swallows the lines after it; the parser trips far below the mistake.
            return None, (opened, "kutip-tidak-ditutup-di-sini", {})
        return None, (_position(mark), *_translate_yaml_problem(error))
    except yaml.reader.ReaderError as error:
        return None, (_line_col(text, error.position), *_translate_yaml_problem(error))
    except yaml.YAMLError as error:
        return None, (Position(1, 1), *_translate_yaml_problem(error))
    except RecursionError:
        return None, (Position(1, 1), "bersarang-terlalu-dalam", {"limit": MAX_DEPTH})


def parse(raw: bytes, display_path: str) -> tuple[RawDocument | None, list[Problem]]:
    """Parse one file's bytes into a RawDocument, or report why it cannot be read.

    Returns the document (``None`` when nothing usable could be read) and the problems found.
    """
    problems: list[Problem] = []

    def fail(position: Position, code: str, **values: object) -> tuple[None, list[Problem]]:
        problems.append(problem(display_path, position.line, position.column, "", code, **values))
        return None, problems

    if len(raw) > MAX_FILE_BYTES:
        return fail(Position(1, 1), "berkas-terlalu-besar", size=len(raw), limit=MAX_FILE_BYTES)
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append(problem(display_path, 1, 1, "", "berkas-ber-bom"))
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        prefix = raw[: error.start].decode("utf-8", errors="replace")
        return fail(_line_col(prefix, len(prefix)), "berkas-bukan-utf8")
    tabs = list(_leading_tabs(text))
    if tabs:
        for position in tabs:
            problems.append(
                problem(display_path, position.line, position.column, "", "indentasi-tab")
            )
        return None, problems
    node, failure = _compose(text)
    if failure is not None:
        position, code, values = failure
        return fail(position, code, **values)
    if node is None:
        return fail(Position(1, 1), "berkas-kosong")
    document = RawDocument(display_path, None, modeline=_modeline(text))
    try:
        document.data = _Converter(document, problems).convert(node, ())
    except _TooBig as error:
        # Name only the top-level field: a path fifty levels deep helps nobody.
        where = error.position
        problems.append(
            problem(
                display_path,
                where.line,
                where.column,
                dotted(error.path[:1]),
                error.code,
                limit=error.limit,
            )
        )
        return None, problems
    return document, problems


def read(path: Path, display_path: str) -> tuple[RawDocument | None, list[Problem]]:
    """Read and parse one content file from disk."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, [
            problem(display_path, 1, 1, "", "berkas-tidak-terbaca", reason=error.strerror)
        ]
    return parse(raw, display_path)


@dataclass
class LoadedContent:
    """Every content file, parsed but not yet checked against the schema."""

    sources: RawDocument | None
    units: list[RawDocument]
    regulations: list[RawDocument]
    problems: list[Problem]
    regions: list[RawDocument] = field(default_factory=list)
    structures: list[RawDocument] = field(default_factory=list)
    texts: list[RawDocument] = field(default_factory=list)
    #: Files that exist but could not be read or parsed (already reported): what they define is
    #: unknown, so references to it are not reported as missing.
    failed: list[str] = field(default_factory=list)
    #: The folder of the unit files, as paths are shown (for 'there is no unit yet').
    units_folder: str = "content/unit"


#: Where each kind of record lives inside the content folder.
SOURCES_FILE = "sumber.yml"
UNITS_DIR = "unit"
REGULATIONS_DIR = "peraturan"
REGIONS_DIR = "wilayah"
STRUCTURES_DIR = "templat"
TEXTS_DIR = "naskah"
RECORD_DIRS = (UNITS_DIR, REGULATIONS_DIR, REGIONS_DIR, STRUCTURES_DIR, TEXTS_DIR)
#: Files in the content folder that are not content and are left alone.
_IGNORED = {"README.md"}


def record_file(content_dir: Path, folder: str, record_id: str) -> Path:
    """Where the record ``record_id`` of a kind (``UNITS_DIR``, …) lives: the file it is read from."""
    return content_dir / folder / f"{record_id}.yml"


def record_files(content_dir: Path, folder: str) -> list[Path]:
    """Every file of one kind of record, in a stable order."""
    where = content_dir / folder
    return sorted(where.glob("*.yml")) if where.is_dir() else []


def load_content(content_dir: Path, project_dir: Path | None = None) -> LoadedContent:
    """Read every content file under ``content_dir``, in a stable order.

    Each file is named by its path relative to ``project_dir`` (the folder of mkdocs.yml, where
    editors and the repository's edit links start), else relative to the content folder's parent.
    Records keep that path (``Records.files``): nothing else builds a content file's path.
    """
    problems: list[Problem] = []
    failed: list[str] = []
    base = content_dir.parent
    if project_dir is not None and content_dir.resolve().is_relative_to(project_dir.resolve()):
        content_dir, base = content_dir.resolve(), project_dir.resolve()

    def display(path: Path) -> str:
        try:
            return path.relative_to(base).as_posix()
        except ValueError:
            return path.as_posix()

    def read_all(folder: Path) -> list[RawDocument]:
        documents = []
        for path in record_files(folder.parent, folder.name):
            document, found = read(path, display(path))
            problems.extend(found)
            if document is not None:
                documents.append(document)
            else:
                failed.append(display(path))
        return documents

    sources_path = content_dir / SOURCES_FILE
    sources = None
    if sources_path.is_file():
        sources, found = read(sources_path, display(sources_path))
        problems.extend(found)
        if sources is None:
            failed.append(display(sources_path))
    else:
        problems.append(problem(display(sources_path), 1, 1, "", "sumber-tidak-ada"))
    units = read_all(content_dir / UNITS_DIR)
    regulations = read_all(content_dir / REGULATIONS_DIR)
    regions = read_all(content_dir / REGIONS_DIR)
    structures = read_all(content_dir / STRUCTURES_DIR)
    texts = read_all(content_dir / TEXTS_DIR)
    problems.extend(_stray_files(content_dir, display))
    return LoadedContent(
        sources, units, regulations, problems, regions, structures, texts, failed,
        display(content_dir / UNITS_DIR),
    )  # fmt: skip


def _stray_files(content_dir: Path, display: Any) -> Iterator[Problem]:
    """Files an editor meant as content but that would be silently skipped."""
    expected = {content_dir / SOURCES_FILE}
    for folder in RECORD_DIRS:
        expected.update((content_dir / folder).glob("*.yml"))
    for path in sorted(content_dir.rglob("*")):
        if not path.is_file() or path in expected or path.name in _IGNORED:
            continue
        if any(part.startswith(".") for part in path.relative_to(content_dir).parts):
            continue
        if path.suffix == ".yaml":
            yield problem(display(path), 1, 1, "", "berkas-berakhiran-yaml", stem=path.stem)
        else:
            folders = ", ".join(f"{content_dir.name}/{folder}/" for folder in RECORD_DIRS)
            yield problem(display(path), 1, 1, "", "berkas-di-luar-folder", folders=folders)
