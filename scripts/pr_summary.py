#!/usr/bin/env python3
"""Short Dutch summary of a pull request for the job summary on GitHub ($GITHUB_STEP_SUMMARY).

    python scripts/pr_summary.py --base SHA [--head REF] [--site site] [--root .]

Counts the records added, changed and removed against the base commit (git diff --name-status of
interventions/ and elements/), the pages in the built site and the problems `check` finds. Appends
the Markdown to $GITHUB_STEP_SUMMARY when that is set, else prints it.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RECORD_FOLDERS = ("interventions", "elements")
MAX_LISTED = 30  # files named per kind of change; the count is always complete
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._/-]")
_CHECK_COUNT = re.compile(r"^(\d+) fout(?:en)? in ")


@dataclass
class Changes:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def record_changes(root: Path, base: str, head: str = "HEAD") -> Changes:
    """Records (Markdown files in interventions/ and elements/, not starting with _) by change.
    A renamed record counts as changed and is shown as `old -> new`."""
    out = subprocess.run(
        ["git", "-C", str(root), "diff", "--name-status", "--find-renames", "-z", base, head, "--", *RECORD_FOLDERS],
        check=True, capture_output=True,
    ).stdout.decode("utf-8", "replace")
    parts = out.split("\0")
    changes = Changes()
    i = 0
    while i + 1 < len(parts):
        status = parts[i]
        paths = parts[i + 1 : i + 3] if status[:1] in "RC" else parts[i + 1 : i + 2]
        i += 1 + len(paths)
        records = [p for p in paths if _is_record(p)]
        if not records:
            continue
        if status[:1] == "R" and len(records) == 2:
            changes.changed.append(" -> ".join(records))
        elif status[:1] in "AC":
            changes.added.append(records[-1])
        elif status[:1] == "D":
            changes.removed.append(records[0])
        elif status[:1] == "R":  # a record renamed to or from a skipped name
            (changes.added if records[0] == paths[-1] else changes.removed).append(records[0])
        else:
            changes.changed.append(records[0])
    return changes


def _is_record(path: str) -> bool:
    return path.endswith(".md") and not path.rsplit("/", 1)[-1].startswith("_")


def count_pages(site: Path) -> int | None:
    """HTML pages in the built site (404.html not counted); None when there is no site."""
    if not (site / "index.html").is_file():
        return None
    return sum(1 for path in site.rglob("*.html") if path.relative_to(site).as_posix() != "404.html")


def count_problems(root: Path) -> int | None:
    """Problems that `build_catalog.py check` reports for the catalogue in root; None if it could not run."""
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}  # no second set of annotations
    result = subprocess.run(
        [sys.executable, str(REPO / "build_catalog.py"), "--root", str(root), "check"],
        capture_output=True, text=True, env=env,
    )
    last = result.stdout.strip().splitlines()[-1:] or [""]
    if result.returncode == 0 and last[0].startswith("Geen fouten"):
        return 0
    match = _CHECK_COUNT.match(last[0])
    return int(match.group(1)) if match and result.returncode == 1 else None


def _name(entry: str) -> str:
    """A file name (or `old -> new`) as shown in Markdown: contributor-chosen, so only harmless characters."""
    return " → ".join("`" + _SAFE_NAME.sub("?", path) + "`" for path in entry.split(" -> "))


def render(changes: Changes, pages: int | None, problems: int | None) -> str:
    lines = [
        "## Samenvatting van deze pull request",
        "",
        "| | aantal |",
        "| --- | ---: |",
        f"| Records toegevoegd | {len(changes.added)} |",
        f"| Records gewijzigd | {len(changes.changed)} |",
        f"| Records verwijderd | {len(changes.removed)} |",
        f"| Pagina's in de site | {'niet gebouwd' if pages is None else pages} |",
        f"| Fouten bij de controle | {'onbekend' if problems is None else problems} |",
        "",
    ]
    for title, paths in (("Toegevoegd", changes.added), ("Gewijzigd", changes.changed), ("Verwijderd", changes.removed)):
        if paths:
            shown = ", ".join(_name(p) for p in sorted(paths)[:MAX_LISTED])
            more = f" en nog {len(paths) - MAX_LISTED}" if len(paths) > MAX_LISTED else ""
            lines.append(f"{title}: {shown}{more}.")
            lines.append("")
    if problems:
        lines.append("De fouten staan bij de bestanden, onder **Files changed**, en in het log van de stap Controle.")
    elif pages is not None:
        lines.append("De gebouwde site en de offline zip staan onder **Artifacts** van deze run.")
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="commit of the base branch (github.event.pull_request.base.sha)")
    parser.add_argument("--head", default="HEAD", help="commit of the pull request (default: HEAD)")
    parser.add_argument("--root", type=Path, default=Path("."), help="the repository (default: here)")
    parser.add_argument("--site", type=Path, default=None, help="the built site, to count its pages")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    text = render(
        record_changes(root, args.base, args.head),
        count_pages(args.site) if args.site else None,
        count_problems(root),
    )
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with open(target, "a", encoding="utf-8") as out:
            out.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
