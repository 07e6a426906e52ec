"""Generate the field reference in CONTRIBUTING.md from the schema and the taxonomy."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from catalog.records.schema import raw_schemas, resolve
from catalog.records.schema_errors import TYPE_NOUNS

BEGIN = "<!-- begin veldenoverzicht: gemaakt door `python build_catalog.py docs`, niet met de hand aanpassen -->"
END = "<!-- einde veldenoverzicht -->"
VOCABULARY_TITLES = {
    "target_groups": "Doelgroepen (`target_groups`)",
    "themes": "Thema's (`themes`)",
    "evidence": "Erkenningsniveaus (`evidence`), van laag naar hoog",
    "kinds": "Soorten (`kind`)",
}
TAGGED = ("target_groups", "themes")  # their terms have `words`: the evidence a record's text must give


def field_reference(taxonomy: dict[str, Any]) -> str:
    parts = []
    for kind in ("intervention", "element"):
        spec = raw_schemas()[kind]
        parts += [f"### {spec['title']}", "", spec["description"], ""]
        parts += _table(spec, kind, "")
    parts += ["### Bronnen (`sources`)", "", "Elke bron in `sources` heeft deze velden:", ""]
    parts += _table(raw_schemas()["common"]["$defs"]["source"], "common", "")
    parts += ["### Woordenlijsten", "", "Deze waarden staan in `taxonomy.yml`. Een nieuwe waarde voeg je daar toe.",
              "Bij doelgroepen en thema's staan de woorden die in de tekst van een record moeten staan als u die",
              "doelgroep of dat thema kiest (zie `words` in `taxonomy.yml`; een '-' ervoor: ook midden in een woord).", ""]
    for name, title in VOCABULARY_TITLES.items():
        if name in TAGGED:
            parts += [f"#### {title}", "", "| waarde | naam | uitleg | woorden in de tekst |", "| --- | --- | --- | --- |"]
        else:
            parts += [f"#### {title}", "", "| waarde | naam | uitleg |", "| --- | --- | --- |"]
        for slug, term in (taxonomy.get(name) or {}).items():
            row = f"| `{slug}` | {term.get('label', '')} | {term.get('description', '')} |"
            if name in TAGGED:
                row += f" {', '.join(term.get('words') or [])} |"
            parts.append(row)
        parts.append("")
    parts += _questions(taxonomy.get("questions"))
    return "\n".join(parts).rstrip("\n")


def _questions(questions: Any) -> list[str]:
    if not isinstance(questions, dict) or not questions:
        return []
    parts = [
        "#### Vragen (`questions`)", "",
        "De vragen die wijkprofessionals meebrengen. Een interventie beantwoordt een vraag als ze minstens",
        "een van de thema's heeft en, als er doelgroepen staan, ook minstens een van die doelgroepen.", "",
        "| waarde | vraag | thema's | doelgroepen |", "| --- | --- | --- | --- |",
    ]
    for slug, question in questions.items():
        if isinstance(question, dict):
            themes, groups = question.get("themes") or [], question.get("target_groups") or []
            parts.append(f"| `{slug}` | {question.get('label', '')} | {', '.join(themes)} | {', '.join(groups)} |")
    return parts + [""]


def _table(spec: dict, schema_name: str, prefix: str) -> list[str]:
    required = set(spec.get("required", []))
    rows = ["| veld | verplicht | soort | uitleg |", "| --- | --- | --- | --- |"]
    nested = []
    for name, prop in spec["properties"].items():
        prop = resolve(prop, schema_name)
        needed = prop.get("x-required") or ("ja" if name in required else "nee")  # x-required: a rule of check
        rows.append(f"| `{prefix}{name}` | {needed} | {_kind(prop)} | {prop['description']} |")
        if prop.get("type") == "object" and "properties" in prop:
            nested.append((f"{prefix}{name}.", prop))
    rows.append("")
    for nested_prefix, prop in nested:
        rows += [f"Velden binnen `{nested_prefix.rstrip('.')}`:", ""] + _table(prop, schema_name, nested_prefix)
    return rows


def _kind(prop: dict) -> str:
    text = prop.get("x-type") or TYPE_NOUNS.get(str(prop.get("type")), "")
    if "maxLength" in prop:
        text += f", maximaal {prop['maxLength']} tekens"
    return text


def update(path: Path, taxonomy: dict[str, Any], check_only: bool = False) -> bool:
    """Rewrite the generated part of CONTRIBUTING.md; returns False when it was out of date."""
    text = path.read_text("utf-8")
    head, begin, rest = text.partition(BEGIN)
    _, end, tail = rest.partition(END)
    if not begin or not end:
        raise ValueError(f"{path.name} mist de regels {BEGIN!r} en {END!r}")
    new = f"{head}{BEGIN}\n{field_reference(taxonomy)}\n{END}{tail}"
    if new == text:
        return True
    if not check_only:
        path.write_text(new, encoding="utf-8")
    return False
