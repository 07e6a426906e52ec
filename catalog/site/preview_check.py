"""The preview's check: load_catalog and validate as the build runs them, with what did not change
remembered. A file whose modification time, size and inode did not change is not read again,
and the check's rules per record are not run again for it (they depend only on the record and
on the catalogue's vocabularies: when those change, all run again); the rules between records
always run."""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Iterator

from catalog.checks import validate as validate_module
from catalog.records import load as load_module
from catalog.records.load import Catalog, load_catalog
from catalog.records.problems import report
from catalog.records.schema import apply_defaults


class RememberedCheck:
    """Records and rule results of earlier rounds, by file."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.loaded: dict[tuple, tuple] = {}  # (path, kind, stat) -> (Record, load problems)
        self.keys: dict[int, tuple] = {}  # id(Parsed handed out this round) -> its file's key
        self.defaults: dict[tuple, dict] = {}  # file key -> the record's data with defaults
        self.rules: dict[tuple, list] = {}  # (rule, path, file key) -> problems, for self.vocabularies
        self.vocabularies: tuple = ()  # record slugs and taxonomy the remembered rules saw

    def checked(self) -> Catalog | None:
        """load_catalog and validate as the build runs them, with unchanged files remembered."""
        self.keys = {}
        used: dict[tuple, tuple] = {}
        with _replaced(load_module, "_load_record", self._load_record(used)):
            catalog = load_catalog(self.root)
        self.loaded = used
        vocabularies = (tuple(sorted(catalog.interventions)), tuple(sorted(catalog.elements)), repr(catalog.taxonomy.data))
        if vocabularies != self.vocabularies:  # the rules check references against these
            self.vocabularies, self.rules = vocabularies, {}
        keys: set[tuple] = set()
        rules = tuple(self._remembered(rule, keys) for rule in validate_module.RECORD_RULES)
        with _replaced(validate_module, "RECORD_RULES", rules):
            problems = validate_module.validate(catalog)
        self.rules = {key: value for key, value in self.rules.items() if key in keys}
        if problems:
            report(problems, catalog.files + 1, sys.stdout)
            sys.stdout.flush()
            return None
        # apply_defaults, for the records whose file changed; the others keep their data with
        # defaults from before (no step after this one changes a record's data).
        todo = [r for r in catalog.all_records() if self.keys.get(id(r.parsed)) not in self.defaults]
        apply_defaults(SimpleNamespace(all_records=lambda: todo))
        self.defaults.update((self.keys[id(r.parsed)], r.data) for r in todo if id(r.parsed) in self.keys)
        self.defaults = {key: data for key, data in self.defaults.items() if key in used}
        for record in catalog.all_records():
            if id(record.parsed) in self.keys:
                record.parsed.data = self.defaults[self.keys[id(record.parsed)]]
        return catalog

    def _load_record(self, used: dict[tuple, tuple]):
        """load.py's _load_record, remembered per file as long as its modification time, size and
        inode stay the same; each round gets its own copy (apply_defaults replaces the data)."""
        original = load_module._load_record

        def load(root: Path, kind: str, path: Path, problems: list):
            try:
                stat = path.lstat()
                key = (path, kind, stat.st_mtime_ns, stat.st_size, stat.st_ino, stat.st_mode)
            except OSError:
                return original(root, kind, path, problems)
            if key not in self.loaded:
                found: list = []
                self.loaded[key] = (original(root, kind, path, found), found)
            used[key] = record, found = self.loaded[key]
            problems.extend(found)
            if record is None:
                return None
            handed = dataclasses.replace(record, parsed=copy.copy(record.parsed))
            self.keys[id(handed.parsed)] = key
            return handed

        return load

    def _remembered(self, rule, keys: set[tuple]):
        def run(record, validators):
            file = self.keys.get(id(record.parsed))
            if file is None:
                return list(rule(record, validators))
            key = (rule.__name__, record.path, file)
            keys.add(key)
            if key not in self.rules:
                self.rules[key] = list(rule(record, validators))
            return self.rules[key]

        return run


@contextlib.contextmanager
def _replaced(module, name: str, value) -> Iterator[None]:
    """A module global replaced for the duration (the preview's caches around load and validate,
    so that the build's own functions stay the one definition of what is loaded and checked)."""
    original = getattr(module, name)
    setattr(module, name, value)
    try:
        yield
    finally:
        setattr(module, name, original)
