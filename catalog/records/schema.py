"""The record schema as data (JSON Schema files), with vocabularies filled in, and the defaults it
gives; its Dutch messages are schema_errors.py."""

from __future__ import annotations

import copy
import datetime
import json
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable
from urllib.parse import urlsplit

if TYPE_CHECKING:  # imported where validators are made: the build's second process only needs defaults
    from jsonschema import Draft202012Validator, FormatChecker

SCHEMA_DIR = Path(__file__).parent / "schema"
SCHEMA_FILES = ("common", "intervention", "element", "taxonomy")
# [0-9], not \d (which also matches Arabic-Indic and other digits), and fullmatch, not $ (which
# also matches before a final newline).
_PARTIAL_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
_FULL_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")


@cache
def raw_schemas() -> dict[str, dict]:
    """The schema files as written, for docs and templates."""
    return {name: json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text("utf-8")) for name in SCHEMA_FILES}


def resolve(schema: dict, name: str = "") -> dict:
    """Follow `$ref`s and merge the local keywords over the target's."""
    return resolve_in(schema, name)[0]


def resolve_in(schema: dict, name: str) -> tuple[dict, str]:
    """Like `resolve`, also naming the schema file the result lives in (for its own `$ref`s)."""
    merged: dict = {}
    while "$ref" in schema:
        target, _, pointer = schema["$ref"].partition("#")
        base = raw_schemas()[target.removesuffix(".schema.json")] if target else raw_schemas()[name]
        name = target.removesuffix(".schema.json") or name
        node = base
        for part in pointer.strip("/").split("/"):
            node = node[part] if part else node
        merged = {**{k: v for k, v in schema.items() if k != "$ref"}, **merged}
        schema = node
    return {**schema, **merged}, name


# -- formats ---------------------------------------------------------------------------------

def _partial_date(value: Any) -> bool:
    match = _PARTIAL_DATE.fullmatch(str(value))
    if not match:
        return False
    year, month, day = (int(g) if g else 1 for g in match.groups())
    return _real_date(year, month, day)


def _full_date(value: Any) -> bool:
    return isinstance(value, str) and bool(_FULL_DATE.fullmatch(value)) and _partial_date(value)


def _real_date(year: int, month: int, day: int) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def _http_url(value: Any) -> bool:
    """http(s) with a host; no spaces, controls or backslashes, and no user name before an @:
    https://www.rijksoverheid.nl@evil.example/ goes to evil.example."""
    if not isinstance(value, str) or any(c.isspace() or c < " " or c in "\\\x7f" for c in value):
        return False
    try:
        parts = urlsplit(value)
        parts.port  # raises ValueError for a port that is no number
    except ValueError:  # also a malformed IPv6 address
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname) and "@" not in parts.netloc


def _email(value: Any) -> bool:
    return isinstance(value, str) and bool(_EMAIL.fullmatch(value))


FORMATS: dict[str, tuple[Callable[[Any], bool], str]] = {
    "partial-date": (_partial_date, "is geen bestaande datum; schrijf JJJJ, JJJJ-MM of JJJJ-MM-DD (zoals 2017-05-24)"),
    "full-date": (_full_date, "is geen bestaande datum; schrijf JJJJ-MM-DD (zoals 2017-05-24)"),
    "http-url": (_http_url, "is geen geldig webadres; alleen adressen die beginnen met http:// of https:// zijn toegestaan, zonder spaties en zonder naam@ voor het domein"),
    "email": (_email, "is geen geldig e-mailadres; schrijf het als naam@organisatie.nl, zonder ?, & of spaties"),
}


def format_checker() -> FormatChecker:
    from jsonschema import FormatChecker

    checker = FormatChecker(formats=())
    for name, (check, _) in FORMATS.items():
        checker.checks(name)(check)
    return checker


# -- validators with vocabularies -------------------------------------------------------------

def validators(vocabularies: Callable[[str], list[str]]) -> dict[str, Draft202012Validator]:
    """One validator per record type, with every `x-vocabulary` turned into an `enum`."""
    from jsonschema import Draft202012Validator

    schemas = copy.deepcopy(raw_schemas())
    for definition in schemas["common"]["$defs"].values():
        if "x-vocabulary" in definition:
            definition.pop("$ref", None)
            definition["type"] = "string"
            definition["enum"] = vocabularies(definition["x-vocabulary"])
    checker = format_checker()
    validator = _strict_validator(Draft202012Validator)
    return {
        name: validator(_anchored(_inline(schemas[name], name, schemas)), format_checker=checker)
        for name in ("intervention", "element", "taxonomy")
    }


def _strict_validator(base):
    """JSON Schema counts 2006.0 as an integer; a year written that way is a slip, so not here."""
    from jsonschema import validators as jsonschema_validators

    types = base.TYPE_CHECKER.redefine("integer", lambda _, value: isinstance(value, int) and not isinstance(value, bool))
    return jsonschema_validators.extend(base, type_checker=types)


def _anchored(node: Any) -> Any:
    """jsonschema runs `pattern` with re.search, where $ also matches before a final newline:
    'kan-wel\\n' would pass ^...$. The schema files keep ECMA-262 patterns (they are published)."""
    if isinstance(node, list):
        return [_anchored(item) for item in node]
    if not isinstance(node, dict):
        return node
    anchored = {key: _anchored(value) for key, value in node.items()}
    pattern = node.get("pattern")
    if isinstance(pattern, str) and pattern.endswith("$") and not pattern.endswith("\\$"):
        anchored["pattern"] = pattern[:-1] + r"\Z"
    return anchored


def _inline(node: Any, name: str, schemas: dict[str, dict]) -> Any:
    """Replace every `$ref` by its target: jsonschema's reference lookups were most of `check`'s time."""
    if isinstance(node, list):
        return [_inline(item, name, schemas) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        target, _, pointer = node["$ref"].partition("#")
        file = target.removesuffix(".schema.json") or name
        found: Any = schemas[file]
        for part in filter(None, pointer.split("/")):
            found = found[part]
        siblings = {k: v for k, v in node.items() if k != "$ref"}
        return {**_inline(found, file, schemas), **_inline(siblings, name, schemas)}
    return {key: value if key in ("$defs", "enum", "const") else _inline(value, name, schemas) for key, value in node.items()}


def with_defaults(data: Any, spec: dict, name: str) -> Any:
    """Every optional field present (schema default or None), so templates need no guards."""
    spec, name = _resolved(spec, name)
    if isinstance(data, dict) and "properties" in spec:
        return {
            key: with_defaults(data[key], prop, name) if key in data else _default(_resolved(prop, name)[0])
            for key, prop in spec["properties"].items()
        }
    if isinstance(data, list) and "items" in spec:
        return [with_defaults(item, spec["items"], name) for item in data]
    return data


_RESOLVED: dict[tuple[int, str], tuple[dict, tuple[dict, str]]] = {}


def _resolved(spec: dict, name: str) -> tuple[dict, str]:
    """resolve_in, remembered per schema node (held, so its id is never reused by another)."""
    key = (id(spec), name)
    held = _RESOLVED.get(key)
    if held is None or held[0] is not spec:
        held = _RESOLVED[key] = (spec, resolve_in(spec, name))
    return held[1]


def _default(spec: dict) -> Any:
    if "default" in spec:
        return spec["default"]
    return [] if spec.get("type") == "array" else None


def apply_defaults(catalog) -> None:
    """Fill every record's optional fields, after validation (see with_defaults)."""
    for record in catalog.all_records():
        record.parsed.data = with_defaults(record.data, raw_schemas()[record.type], record.type)
