"""Split a record file into strict YAML front matter and a Markdown body, keeping line numbers.

YAML is parsed to a node tree and turned into Python values here, not by PyYAML's
constructors, so that duplicate keys, aliases, custom tags and YAML 1.1 surprises
(`no` read as false, `010` as octal) become errors instead of silent changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .problems import field_name

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML without libyaml
    _Loader = yaml.SafeLoader

TAG = "tag:yaml.org,2002:"
_PLAIN_INT = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
_FENCE = re.compile(r"^---[ \t]*$")
_END = re.compile(r"^(---|\.\.\.)[ \t]*$")

Path = tuple


@dataclass
class Parsed:
    """A parsed document: values plus where each key and list item stands in the file."""

    data: Any = None
    body: str = ""
    body_line: int = 1
    lines: dict[Path, int] = field(default_factory=dict)
    raw: dict[Path, str] = field(default_factory=dict)
    errors: list[tuple[int, str, str]] = field(default_factory=list)  # (line, field, message)
    error_paths: set[Path] = field(default_factory=set)  # values already reported as wrong

    def line_of(self, path: Path) -> int:
        """Line of the deepest known part of `path` (the key itself, or its parent)."""
        path = tuple(path)
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)


def decode(raw: bytes) -> tuple[str | None, str | None]:
    """Bytes to text: a UTF-8 BOM and CRLF line endings are fine; other encodings are not."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        byte = raw[exc.start]
        return None, (
            f"het bestand is geen geldige UTF-8 (byte 0x{byte:02X} op regel {line}); "
            "sla het op als UTF-8"
        )
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


def parse_document(text: str) -> Parsed:
    """Front matter between `---` lines, then the body."""
    result = Parsed()
    if not text.strip():
        result.errors.append((1, "file", "het bestand is leeg; begin met front matter tussen twee regels '---'"))
        return result
    lines = text.split("\n")
    if not _FENCE.match(lines[0]):
        result.errors.append(
            (1, "front matter", "geen front matter gevonden; de eerste regel van het bestand moet '---' zijn")
        )
        return result
    end = next((i for i in range(1, len(lines)) if _END.match(lines[i])), None)
    if end is None:
        result.errors.append(
            (1, "front matter", "de front matter wordt niet afgesloten; zet een regel '---' na de laatste veldregel")
        )
        return result
    parse_yaml("\n".join(lines[1:end]) + "\n", result, offset=1)
    if not result.errors and not isinstance(result.data, dict):
        kind = "leeg" if result.data is None else f"een {_type_noun(result.data)}"
        result.errors.append(
            (1, "front matter", f"de front matter is {kind}; schrijf velden als 'title: Naam', één per regel")
        )
    result.body = "\n".join(lines[end + 1 :])
    result.body_line = end + 2
    return result


def parse_yaml(text: str, result: Parsed, offset: int = 0) -> None:
    """Parse a YAML document into `result`; `offset` is the file line before the YAML starts."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 + offset) if mark else 1 + offset
        problem = exc.problem or exc.context or "onbekende fout"
        result.errors.append((line, "front matter", f"ongeldige YAML ({problem}){_yaml_hint(problem)}"))
        return
    except yaml.YAMLError as exc:  # reader errors: control characters and the like
        result.errors.append((1 + offset, "front matter", f"ongeldige YAML ({exc})"))
        return
    if node is None:
        return
    builder = _Builder(result, offset)
    result.data = builder.build(node, ())


def _yaml_hint(problem: str) -> str:
    if "mapping values are not allowed" in problem:
        return "; zet tekst met ': ' erin tussen aanhalingstekens"
    if "found character '\\t'" in problem or "tab" in problem:
        return "; gebruik spaties in plaats van tabs"
    if "could not find expected ':'" in problem:
        return "; elke regel moet 'veld: waarde' zijn, of tekst moet tussen aanhalingstekens"
    return ""


class _Builder:
    def __init__(self, result: Parsed, offset: int) -> None:
        self.result = result
        self.offset = offset
        self.seen: set[int] = set()

    def line(self, node: yaml.Node) -> int:
        return node.start_mark.line + 1 + self.offset

    def error(self, node: yaml.Node, path: Path, message: str) -> None:
        self.result.errors.append((self.line(node), field_name(path), message))
        self.result.error_paths.add(path)

    def build(self, node: yaml.Node, path: Path) -> Any:
        if id(node) in self.seen:
            self.error(node, path, "verwijzingen in YAML (&anker en *alias) zijn niet toegestaan; schrijf de waarde uit")
            return None
        self.seen.add(id(node))
        if isinstance(node, yaml.CollectionNode) and node.tag not in (TAG + "map", TAG + "seq"):
            self.error(node, path, f"de YAML-tag {node.tag.replace(TAG, '!!')} is niet toegestaan; schrijf een gewone waarde")
            return None
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            items = []
            for index, item in enumerate(node.value):
                self.result.lines[path + (index,)] = self.line(item)
                items.append(self.build(item, path + (index,)))
            return items
        return self.scalar(node, path)

    def mapping(self, node: yaml.MappingNode, path: Path) -> dict:
        values: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != TAG + "str":
                shown = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
                self.error(key_node, path, f"'{shown}' is geen geldige veldnaam; gebruik een naam uit de lijst van velden")
                continue
            key = key_node.value
            if key in values:
                first = self.result.lines[path + (key,)]
                self.error(key_node, path + (key,), f"dubbel veld; '{key}' staat al op regel {first}, laat er één staan")
                continue
            self.result.lines[path + (key,)] = self.line(key_node)
            values[key] = self.build(value_node, path + (key,))
        return values

    def scalar(self, node: yaml.ScalarNode, path: Path) -> Any:
        tag, text = node.tag, node.value
        if tag == TAG + "str" or tag == TAG + "timestamp":
            return text  # dates are checked as text, so 2011-02-30 gets a clear message
        if tag == TAG + "null":
            return None
        self.result.raw[path] = text
        if tag == TAG + "bool":
            if text.lower() in ("true", "false"):
                return text.lower() == "true"
            self.error(node, path, f"'{text}' wordt in YAML gelezen als ja/nee-waarde; bedoel je tekst, zet het dan tussen aanhalingstekens: \"{text}\"")
            return None
        if tag == TAG + "int":
            if _PLAIN_INT.match(text):
                return int(text)
            self.error(node, path, f"'{text}' is een getal dat YAML-programma's verschillend lezen; schrijf een gewoon getal of zet het tussen aanhalingstekens: \"{text}\"")
            return None
        if tag == TAG + "float":
            try:
                return float(text.replace("_", ""))
            except ValueError:  # .inf, .nan and friends
                return float(yaml.safe_load(text))
        self.error(node, path, f"de YAML-tag {tag.replace(TAG, '!!')} is niet toegestaan; schrijf een gewone waarde")
        return None


def _type_noun(value: Any) -> str:
    if isinstance(value, list):
        return "lijst"
    if isinstance(value, str):
        return "tekst"
    return "losse waarde"
