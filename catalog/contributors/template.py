"""`new`: a correctly named record from the schema, each field explained in a Dutch comment."""

from __future__ import annotations

import json
from pathlib import Path

from catalog.checks.policy import HEADINGS
from catalog.records.load import RECORD_DIRS
from catalog.records.schema import raw_schemas, resolve
from catalog.records.slug import SLUG_RE, short_slug, slugify


def render_template(kind: str, title: str) -> str:
    """Front matter with every field: required ones filled in or left to fill, optional ones commented out."""
    spec = raw_schemas()[kind]
    required = set(spec["required"])
    lines = ["---", f"# {spec['title']}: {spec['description']}", "# Verplichte velden staan aan; haal '# ' weg voor een extra veld."]
    for name, prop in spec["properties"].items():
        prop = resolve(prop, kind)
        lines.append("")
        lines.append(f"# {prop['description']}" + ("" if name in required else " (niet verplicht)"))
        value = title if name == "title" else prop.get("x-example", prop.get("default", ""))
        field = _field(name, value)
        if name not in required:
            field = "\n".join("# " + line for line in field.split("\n"))
        lines.append(field)
    lines += ["---", ""]
    if kind == "intervention":
        for heading in HEADINGS:
            lines += [f"## {heading}", "", ""]
    else:
        lines += ["Wat is dit werkzame element, en waarom werkt het?", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _yaml(value) -> str:
    return json.dumps(value, ensure_ascii=False)  # JSON scalars and lists are valid, quoted YAML


def _field(name: str, value) -> str:
    if isinstance(value, dict):
        return "\n".join([f"{name}:"] + [f"  {key}: {_yaml(item)}" for key, item in value.items()])
    if not isinstance(value, list) or not value:
        return f"{name}: {_yaml(value)}"
    lines = [f"{name}:"]
    for item in value:
        if isinstance(item, dict):
            pairs = [f"{key}: {_yaml(v)}" for key, v in item.items()]
            lines += ["  - " + pairs[0]] + ["    " + pair for pair in pairs[1:]]
        else:
            lines.append(f"  - {_yaml(item)}")
    return "\n".join(lines)


def record_slug(kind: str, title: str) -> str:
    """The file name of a new record with this title (without .md); ValueError says why there is none.
    `new` and `from-issue` both name files with it."""
    limit = raw_schemas()[kind]["properties"]["title"]["maxLength"]
    if len(title) > limit:
        raise ValueError(f"de titel is te lang ({len(title)} tekens, maximaal {limit}); kies een kortere titel")
    if any(not c.isprintable() for c in title):
        raise ValueError("de titel bevat een regeleinde of een onzichtbaar teken; typ hem op één regel")
    slug = short_slug(slugify(title))
    if not SLUG_RE.match(slug):
        raise ValueError(f"van de titel '{title}' is geen bestandsnaam te maken; gebruik letters en cijfers")
    return slug


def new_record(root: Path, kind: str, title: str) -> Path:
    """Write the template to interventions/ or elements/; refuses to overwrite or to use a bad name."""
    slug = record_slug(kind, title)
    path = root / RECORD_DIRS[kind] / f"{slug}.md"
    if path.exists():
        raise ValueError(f"{path.relative_to(root).as_posix()} bestaat al")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_template(kind, title), encoding="utf-8")
    return path
