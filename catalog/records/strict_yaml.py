"""Strict YAML: Python values built from libyaml's event stream, with the line of every key and
list item. Duplicate keys, aliases, custom tags, keys that are not text, YAML 1.1 surprises
(`no` read as false, `010` as octal), deep nesting and huge lists become errors instead of
silent changes, and nesting is refused where it starts instead of ending in a RecursionError.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from catalog.records import yaml_errors
from catalog.records.problems import field_name

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML without libyaml
    _Loader = yaml.SafeLoader

TAG = "tag:yaml.org,2002:"


_PLAIN_INT = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")


MAX_DEPTH = 5  # nested lists and mappings; the format uses 3 (a source inside sources)


MAX_ENTRIES = 200  # items of one list or fields of one mapping


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


def parse_yaml(text: str, result: Parsed, offset: int = 0) -> None:
    """Parse a YAML document into `result`; `offset` is the file line before the YAML starts.

    Values are built from libyaml's event stream in a loop, not by PyYAML's recursive composer:
    deep nesting is refused at the level where it starts, instead of ending in a RecursionError
    or a crash of the C stack.
    """
    deep = _deep_flow(text)
    if deep:
        result.errors.append((deep + offset, "front matter", f"te diep genest (meer dan {MAX_FLOW} haakjes [ of {{ in elkaar); het formaat heeft er hoogstens 3 nodig"))
        return
    loader = _Loader(text)
    try:
        result.data = _Events(result, offset, loader).build()
    except yaml.MarkedYAMLError as exc:
        line, message = yaml_errors.explain(exc, text)
        result.data = None
        result.errors.append((line + offset, "front matter", message))
    except yaml.YAMLError:  # pragma: no cover - reader errors; control characters are removed before
        result.data = None
        result.errors.append((1 + offset, "front matter", "dit is geen geldige YAML; schrijf elk veld als veld: waarde"))
    finally:
        loader.dispose()


MAX_FLOW = 50  # libyaml's scanner slows down with the square of [ and { nesting: refuse before it


def _deep_flow(text: str) -> int:
    """The line where [ and { nest deeper than MAX_FLOW, or 0. Quotes and comments are skipped
    roughly; a bracket inside plain text counts too, which only errs towards refusing nonsense."""
    if text.count("[") + text.count("{") <= MAX_FLOW:
        return 0
    depth, line, quote, comment, previous = 0, 1, "", False, " "
    for char in text:
        if char == "\n":
            line, comment = line + 1, False
        elif comment:
            pass
        elif quote:
            if char == quote and previous != "\\":
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "#" and previous in " \t":
            comment = True
        elif char in "[{":
            depth += 1
            if depth > MAX_FLOW:
                return line
        elif char in "]}":
            depth = max(depth - 1, 0)
        previous = char
    return 0


_SKIP = object()  # a mapping key that was refused: its value is skipped


@dataclass
class _Frame:
    value: Any  # the dict or list being filled
    path: Path
    key: Any = None  # mappings: the key waiting for its value (None: a key comes next)
    refused: bool = False  # too many entries: the rest is skipped and the value becomes None


class _Events:
    """Python values from YAML events, with line numbers, and refusals for what the format does
    not use: aliases, tags, keys that are not text, duplicate keys, deep nesting, huge lists."""

    def __init__(self, result: Parsed, offset: int, loader) -> None:
        self.result = result
        self.offset = offset
        self.loader = loader
        self.stack: list[_Frame] = []
        self.root: Any = None
        self.skip = 0  # depth inside a refused collection

    def line(self, event) -> int:
        return event.start_mark.line + 1 + self.offset

    def error(self, event, path: Path, message: str) -> None:
        self.result.errors.append((self.line(event), field_name(path), message))
        self.result.error_paths.add(path)

    def build(self) -> Any:
        documents = 0
        while self.loader.check_event():
            event = self.loader.get_event()
            if self.skip:
                self.skip += isinstance(event, yaml.CollectionStartEvent) - isinstance(event, yaml.CollectionEndEvent)
            elif isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    self.result.errors.append((self.line(event), "front matter", "hier kan maar één YAML-document staan; haal de tweede '---' of '...' weg"))
                    return None
            elif isinstance(event, yaml.CollectionEndEvent):
                self.end()
            elif isinstance(event, yaml.NodeEvent):
                self.node(event)
        return self.root

    def node(self, event) -> None:
        frame = self.stack[-1] if self.stack else None
        if frame and frame.refused:
            self.skip_node(event)
            return
        if frame and isinstance(frame.value, dict) and frame.key is None:
            self.key(event, frame)
            return
        if frame and frame.key is _SKIP:
            frame.key = None
            self.skip_node(event)
            return
        path = self.place(event, frame)
        if path is None:
            return
        value = self.value(event, path)
        self.attach(frame, path, value)

    def key(self, event, frame: _Frame) -> None:
        frame.key = _SKIP
        if isinstance(event, yaml.ScalarEvent) and self.tag(event) == TAG + "str":
            name = event.value
            if name in frame.value:
                first = self.result.lines[frame.path + (name,)]
                self.error(event, frame.path + (name,), f"dubbel veld; '{name}' staat al op regel {first}, laat er één staan")
            elif len(frame.value) >= MAX_ENTRIES:
                self.error(event, frame.path, f"te veel velden (meer dan {MAX_ENTRIES}); het formaat heeft er veel minder")
                frame.refused = True
            else:
                self.result.lines[frame.path + (name,)] = self.line(event)
                frame.key = name
            return
        shown = event.value if isinstance(event, yaml.ScalarEvent) else "?"
        self.error(event, frame.path, f"'{shown}' is geen geldige veldnaam; gebruik een naam uit de lijst van velden")
        self.skip_node(event)

    def place(self, event, frame: _Frame | None) -> Path | None:
        """The path of the value that starts here, or None when the list is already too long."""
        if frame is None:
            return ()
        if isinstance(frame.value, dict):
            return frame.path + (frame.key,)
        index = len(frame.value)
        if index >= MAX_ENTRIES:
            self.error(event, frame.path, f"te veel items (meer dan {MAX_ENTRIES}); zo'n lange lijst hoort niet in een record")
            frame.refused = True
            self.skip_node(event)
            return None
        self.result.lines[frame.path + (index,)] = self.line(event)
        return frame.path + (index,)

    def value(self, event, path: Path) -> Any:
        if isinstance(event, yaml.AliasEvent):
            self.error(event, path, "verwijzingen in YAML (&anker en *alias) zijn niet toegestaan; schrijf de waarde uit")
            return None
        tag = self.tag(event)
        if isinstance(event, yaml.ScalarEvent):
            return self.scalar(event, tag, path)
        if tag not in (TAG + "map", TAG + "seq"):
            self.error(event, path, f"de YAML-tag {tag.replace(TAG, '!!')} is niet toegestaan; schrijf een gewone waarde")
            self.skip = 1
            return None
        if len(self.stack) >= MAX_DEPTH:
            self.error(event, path, f"te diep genest (meer dan {MAX_DEPTH} niveaus); het formaat heeft er hoogstens 3 nodig")
            self.skip = 1
            return None
        container: Any = {} if isinstance(event, yaml.MappingStartEvent) else []
        self.stack.append(_Frame(container, path))
        return container

    def attach(self, frame: _Frame | None, path: Path, value: Any) -> None:
        if frame is None:
            self.root = value
        elif isinstance(frame.value, dict):
            frame.value[frame.key] = value
            frame.key = None
        else:
            frame.value.append(value)

    def end(self) -> None:
        frame = self.stack.pop()
        if frame.refused:  # reported already; None keeps the schema from judging a cut-off value
            parent = self.stack[-1].value if self.stack else None
            if parent is None:
                self.root = None
            else:
                parent[frame.path[-1]] = None

    def skip_node(self, event) -> None:
        if isinstance(event, yaml.CollectionStartEvent):
            self.skip = 1

    def tag(self, event) -> str:
        """The node's tag, resolved as PyYAML's composer does (plain `010` is an int, and so on)."""
        if event.tag not in (None, "!"):
            return event.tag
        if isinstance(event, yaml.ScalarEvent):
            return self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        kind = yaml.MappingNode if isinstance(event, yaml.MappingStartEvent) else yaml.SequenceNode
        return self.loader.resolve(kind, None, event.implicit)

    def scalar(self, event, tag: str, path: Path) -> Any:
        text = event.value
        if tag == TAG + "str" or tag == TAG + "timestamp":
            return text  # dates are checked as text, so 2011-02-30 gets a clear message
        if tag == TAG + "null":
            return None
        self.result.raw[path] = text
        if tag == TAG + "bool":
            if text.lower() in ("true", "false"):
                return text.lower() == "true"
            self.error(event, path, f"'{text}' wordt in YAML gelezen als ja/nee-waarde; bedoel je tekst, zet het dan tussen aanhalingstekens: \"{text}\"")
            return None
        if tag == TAG + "int":
            if _PLAIN_INT.match(text):
                return int(text)
            self.error(event, path, f"'{text}' is een getal dat YAML-programma's verschillend lezen; schrijf een gewoon getal of zet het tussen aanhalingstekens: \"{text}\"")
            return None
        if tag == TAG + "float":
            try:
                return float(text.replace("_", ""))
            except ValueError:  # .inf, .nan and friends
                return float(yaml.safe_load(text))
        self.error(event, path, f"de YAML-tag {tag.replace(TAG, '!!')} is niet toegestaan; schrijf een gewone waarde")
        return None
