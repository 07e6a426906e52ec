"""Load phase: read every record file and the taxonomy, keeping what is wrong as problems."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from catalog.records.frontmatter import decode, describe, field_at, parse_document, remove_controls
from catalog.records.strict_yaml import Parsed, parse_yaml
from catalog.records.problems import Problem
from catalog.records.slug import MAX_SLUG, SLUG_RE, short_slug, slugify
from catalog.records.synonyms import SYNONYMS_FILE, load_synonyms

RECORD_DIRS = {"intervention": "interventions", "element": "elements"}
TAXONOMY_FILE = "taxonomy.yml"
MAX_FILE_BYTES = 500_000  # a full record is about 10 kB; beyond this a file is a mistake or an attack


@dataclass
class Record:
    type: str  # "intervention" or "element"
    slug: str
    path: str  # relative to the catalogue root, with forward slashes
    parsed: Parsed

    @property
    def data(self) -> dict[str, Any]:
        return self.parsed.data if isinstance(self.parsed.data, dict) else {}

    @property
    def body(self) -> str:
        return self.parsed.body

    @property
    def readable(self) -> bool:
        """True when the front matter parsed to a mapping, so the schema can judge it."""
        return isinstance(self.parsed.data, dict)


@dataclass
class Catalog:
    root: Path
    taxonomy: Parsed
    records: dict[str, dict[str, Record]] = field(default_factory=dict)  # type -> slug -> record
    misnamed: list[Record] = field(default_factory=list)  # checked, but not part of the catalogue
    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    synonyms: Parsed | None = None  # synoniemen.yml, if there is one (synonyms.py)

    @property
    def interventions(self) -> dict[str, Record]:
        return self.records["intervention"]

    @property
    def elements(self) -> dict[str, Record]:
        return self.records["element"]

    def all_records(self) -> list[Record]:
        return [r for kind in RECORD_DIRS for r in self.records[kind].values()] + self.misnamed

    def vocabulary(self, name: str) -> list[str]:
        """Slugs allowed for one vocabulary: taxonomy terms, or the record files present."""
        if name == "interventions":
            return sorted(self.interventions)
        if name == "elements":
            return sorted(self.elements)
        terms = self.taxonomy.data.get(name) if isinstance(self.taxonomy.data, dict) else None
        return list(terms) if isinstance(terms, dict) else []


def load_catalog(root: Path) -> Catalog:
    """Read the taxonomy and every record; nothing is validated against the schema yet."""
    root = root.resolve()
    catalog = Catalog(root=root, taxonomy=_load_taxonomy(root))
    catalog.problems.extend(_problems(TAXONOMY_FILE, catalog.taxonomy))
    catalog.synonyms = load_synonyms(root)
    if catalog.synonyms is not None:
        catalog.files += 1
        catalog.problems.extend(_problems(SYNONYMS_FILE, catalog.synonyms))
    for kind, folder in RECORD_DIRS.items():
        catalog.records[kind] = {}
        directory = root / folder
        if not directory.is_dir():
            continue
        for path in sorted(directory.iterdir()):
            if path.name.startswith((".", "_")):
                continue
            catalog.files += 1
            record = _load_record(root, kind, path, catalog.problems)
            if record is None:
                continue
            if SLUG_RE.match(record.slug):
                catalog.records[kind][record.slug] = record
            else:
                catalog.misnamed.append(record)
    return catalog


def _load_taxonomy(root: Path) -> Parsed:
    parsed = Parsed()
    path = root / TAXONOMY_FILE
    if not path.is_file():
        parsed.errors.append((1, "file", f"{TAXONOMY_FILE} ontbreekt; het bevat de woordenlijsten van de catalogus"))
        return parsed
    text, error = _read(path)
    if error:
        parsed.errors.append((1, "file", error))
        return parsed
    text, controls = remove_controls(text)
    parse_yaml(text, parsed)
    parsed.errors += [(line, field_at(parsed, line), message) for line, message in controls]
    if not parsed.errors and not isinstance(parsed.data, dict):
        parsed.errors.append((1, "file", "taxonomy.yml moet woordenlijsten bevatten (target_groups, themes, evidence, kinds)"))
    return parsed


def _load_record(root: Path, kind: str, path: Path, problems: list[Problem]) -> Record | None:
    rel = path.relative_to(root).as_posix()
    if path.is_symlink():
        problems.append(Problem(rel, 1, "file", "het bestand is een symbolische link; zet de tekst in een gewoon bestand"))
        return None
    if not path.resolve().is_relative_to(root):
        problems.append(Problem(rel, 1, "file", "het bestand ligt buiten de repository; zet het in de map zelf"))
        return None
    if path.is_dir():
        problems.append(Problem(rel, 1, "file", f"dit is een map; in {RECORD_DIRS[kind]}/ horen alleen .md-bestanden, geen mappen"))
        return None
    if path.suffix != ".md":
        problems.append(Problem(rel, 1, "file", f"hier horen alleen .md-bestanden; zet andere bestanden buiten {RECORD_DIRS[kind]}/"))
        return None
    slug = path.stem
    if not SLUG_RE.match(slug):
        problems.append(Problem(rel, 1, "file", _file_name_message(slug)))
    elif len(slug) > MAX_SLUG:
        problems.append(Problem(rel, 1, "file", f"de bestandsnaam is te lang: {len(slug)} tekens zonder .md, maximaal {MAX_SLUG} (anders past hij niet in elk bestandssysteem en in de zip); bedoelde je {short_slug(slug)}.md?"))
    text, error = _read(path)
    if error:
        problems.append(Problem(rel, 1, "file", error))
        return None
    record = Record(kind, slug, rel, parse_document(text))
    problems.extend(_problems(rel, record.parsed))
    return record


def _file_name_message(slug: str) -> str:
    hidden = next((c for c in slug if not c.isprintable() or unicodedata.category(c) == "Cf"), None)
    if hidden:
        return f"de bestandsnaam bevat een onzichtbaar teken {describe(hidden)}; haal het weg uit de naam van het bestand"
    suggestion = slugify(slug)
    hint = f"; bedoelde je {suggestion}.md?" if SLUG_RE.match(suggestion) else ""
    return f"ongeldige bestandsnaam; gebruik alleen kleine letters, cijfers en '-' (zoals kan-wel.md){hint}"


def _read(path: Path) -> tuple[str | None, str | None]:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return None, f"het bestand is te groot ({size // 1000} kB, maximaal {MAX_FILE_BYTES // 1000} kB); een beschrijving past ruim in 50 kB"
    return decode(path.read_bytes())


def _problems(rel: str, parsed: Parsed) -> list[Problem]:
    return [Problem(rel, line, name, message) for line, name, message in parsed.errors]
