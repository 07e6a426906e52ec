"""Content problems as people read them: `path:line: field: message`."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Iterable


# What a contributor reads for the parts that are no field: the code names them in English.
LABELS = {"file": "bestand", "body": "tekst", "front matter": "velden"}


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "field", LABELS.get(self.field, self.field))

    def __str__(self) -> str:
        return visible(f"{self.path}:{self.line}: {self.field}: {self.message}")

    def annotation(self) -> str:
        """GitHub Actions workflow command that pins the problem to the file and line."""
        message = _escape(visible(f"{self.field}: {self.message}"), data=True)
        return f"::error file={_escape(visible(self.path))},line={self.line}::{message}"


_INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]")
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def visible(text: str) -> str:
    """Contributor text echoed in a message, on one line and without invisible characters: under
    GitHub Actions a value with a newline and '::error' would forge an annotation."""
    return _INVISIBLE.sub(lambda m: _SHORT.get(m.group(), f"\\u{ord(m.group()):04x}"), text)


def _escape(text: str, data: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if not data:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def field_name(path: Iterable) -> str:
    """('sources', 0, 'url') -> 'sources[1].url': list positions count from 1, as people do."""
    name = ""
    for part in path:
        if isinstance(part, int):
            name += f"[{part + 1}]"
        else:
            name += f".{part}" if name else str(part)
    return name or "front matter"


def summary(problems: list[Problem], checked: int) -> str:
    if not problems:
        return "Geen fouten in 1 bestand." if checked == 1 else f"Geen fouten in {checked} bestanden."
    files = len({p.path for p in problems})
    noun = "fout" if len(problems) == 1 else "fouten"
    where = "1 bestand" if files == 1 else f"{files} bestanden"
    return f"{len(problems)} {noun} in {where} (van {checked} gecontroleerd)."


def report(problems: list[Problem], checked: int, out) -> None:
    """Print every problem, then the count; under GitHub Actions also as annotations."""
    annotate = os.environ.get("GITHUB_ACTIONS") == "true"
    for problem in problems:
        print(problem, file=out)
        if annotate:
            print(problem.annotation(), file=out)
    print(summary(problems, checked), file=out)
