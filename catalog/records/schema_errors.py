"""Schema violations as Dutch messages for people: what is wrong, what is allowed, and "bedoelde
je ...?" where it helps. The schema itself (records/schema.py) says what is allowed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator

from catalog.records.schema import FORMATS
from catalog.records.suggest import closest

if TYPE_CHECKING:
    import jsonschema
    from jsonschema import Draft202012Validator


def errors(validator: Draft202012Validator, data: Any, raw: dict) -> Iterator[tuple[tuple, str]]:
    """Every schema violation as (path, Dutch message); `raw` holds the text of unquoted values."""
    for error in sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path]):
        yield from _translate(error, tuple(error.absolute_path), raw)


def _translate(error: jsonschema.ValidationError, path: tuple, raw: dict) -> Iterator[tuple[tuple, str]]:
    keyword, schema, value = error.validator, error.schema, error.instance
    if "propertyNames" in error.schema_path:
        path += (value,)  # a bad key in a free-form mapping: point at the key itself
    if keyword == "additionalProperties":
        allowed = list(schema.get("properties", {}))
        for key in value:
            if key not in allowed:
                yield path + (key,), f"onbekend veld{_did_you_mean(key, allowed)}; toegestaan: {', '.join(allowed)}"
    elif keyword == "required":
        for key in error.validator_value:
            if key not in value:
                yield path + (key,), schema.get("x-message", "verplicht veld ontbreekt")
    elif keyword == "type":
        yield path, _type_message(schema, value, raw.get(path))
    elif keyword == "enum":
        if value is not None:  # an empty value already gets a type message
            yield path, _enum_message(schema, value)
    elif keyword == "format":
        yield path, f"'{value}' {FORMATS[schema['format']][1]}"
    elif keyword == "pattern":
        if not value.strip():  # the text type's \S: blank text (empty text has its own message)
            if value:
                yield path, f"bevat alleen spaties of regeleinden; {schema.get('x-message', 'vul een waarde in')}"
        else:
            yield path, f"'{value}' past niet: {schema.get('x-message', 'ongeldige waarde')}"
    elif keyword == "maxLength":
        yield path, f"te lang: {len(value)} tekens, maximaal {error.validator_value}; maak het korter"
    elif keyword == "minLength":
        yield path, "mag niet leeg zijn; vul een waarde in of laat het veld weg als het niet verplicht is"
    elif keyword in ("minItems", "minProperties"):
        yield path, "mag niet leeg zijn; vul minstens één waarde in of laat het veld weg als het niet verplicht is"
    elif keyword == "uniqueItems":
        seen: list = []
        for item in value:
            if item in seen:
                yield path, f"'{item}' staat er meer dan één keer in; laat er één staan"
                break
            seen.append(item)
    elif keyword in ("minimum", "maximum"):
        yield path, f"{value} kan niet; gebruik een {schema.get('x-type', 'getal')} tussen {schema.get('minimum')} en {schema.get('maximum')}"
    else:  # pragma: no cover - a keyword our schemas do not use
        yield path, error.message


TYPE_NOUNS = {
    "string": "tekst", "integer": "geheel getal", "number": "getal", "array": "lijst",
    "object": "velden (naam: waarde)", "boolean": "ja/nee-waarde", "null": "leeg",
}


def type_noun(value: Any) -> str:
    if value is None:
        return "leeg"
    if isinstance(value, bool):
        return "ja/nee-waarde"
    if isinstance(value, (int, float)):
        return "getal"
    if isinstance(value, list):
        return "lijst"
    if isinstance(value, dict):
        return "velden (naam: waarde)"
    return "tekst"


def _type_message(schema: dict, value: Any, raw_text: str | None) -> str:
    expected = schema.get("x-type") or TYPE_NOUNS.get(str(schema.get("type")), str(schema.get("type")))
    if value is None:
        return f"is leeg; verwacht {expected}"
    wants_text = "string" in (schema["type"] if isinstance(schema["type"], list) else [schema["type"]])
    if raw_text is not None and wants_text:
        return f"verwacht {expected}, maar '{raw_text}' wordt gelezen als {type_noun(value)}; zet het tussen aanhalingstekens: \"{raw_text}\""
    if schema["type"] == "integer" and isinstance(value, float):
        shown = f"{int(value)}" if value.is_integer() else "een heel getal"
        return f"verwacht {expected}, niet een kommagetal; schrijf {shown}"
    if schema["type"] == "integer" and isinstance(value, str) and value.strip().isdigit():
        return f"verwacht {expected}, niet tekst; schrijf het getal zonder aanhalingstekens: {value.strip()}"
    return f"verwacht {expected}, niet {type_noun(value)}"


def _enum_message(schema: dict, value: Any) -> str:
    unknown = schema.get("x-unknown", "onbekende waarde")
    if not schema["enum"]:
        return f"{unknown} '{value}'; {schema.get('x-where', 'de lijst')} is nog leeg"
    return f"{unknown} '{value}'{_enum_hint(schema, value)}"


LISTED = 30  # without a likely suggestion, a vocabulary up to this size is shown in full


def _enum_hint(schema: dict, value: Any) -> str:
    allowed = schema.get("enum", [])
    hint = _did_you_mean(str(value), allowed)
    if len(allowed) <= 12 or (not hint and len(allowed) <= LISTED):
        missing = f"; {schema['x-missing']}" if not hint and "x-missing" in schema else ""
        return f"{hint}; toegestaan: {', '.join(map(str, allowed))}{missing}"
    return f"{hint}; zie {schema.get('x-where', 'de lijst')}"


def _did_you_mean(value: str, options: list) -> str:
    match = closest(value, [str(o) for o in options])
    return f" (bedoelde je '{match}'?)" if match else ""
