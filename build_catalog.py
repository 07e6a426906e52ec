#!/usr/bin/env python3
"""Command line of the catalogue: check records, create new ones, build the site.

    python build_catalog.py check [PATH...]   validate (exit 0 clean, 1 content errors, 2 usage)
    python build_catalog.py new "Titel"       write interventions/<slug>.md from the template
    python build_catalog.py from-issue FILE   write interventions/<slug>.md from an issue form, then check it
    python build_catalog.py docs [--check]    regenerate the field reference in CONTRIBUTING.md
    python build_catalog.py tags [PATH...]    list terms a record's text names but its tags lack
    python build_catalog.py vragen [--bronnen] per question of taxonomy.yml the interventions that answer it
    python build_catalog.py site              check, then build site/ and the offline zip (make site)
    python build_catalog.py build             check, then build site/
    python build_catalog.py bundle            check, then write the offline zip in dist/
    python build_catalog.py links [--external] check the links of a built site
    python build_catalog.py serve             live preview that follows edits to records
"""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent


class UsageError(Exception):
    """Wrong arguments: exit 2, as argparse does."""


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.func(args)
    except UsageError as exc:
        print(f"build_catalog.py: fout: {exc}", file=sys.stderr)
        return 2
    except ModuleNotFoundError as exc:  # a Python without the packages (not the .venv): say how to start
        if (exc.name or "").startswith("catalog"):
            raise
        venv = ".venv/bin/python" if (ROOT / ".venv" / "bin" / "python").exists() else "make site (één keer) en dan .venv/bin/python"
        command = shlex.join(["build_catalog.py", *map(str, sys.argv[1:] if argv is None else argv)])
        print(f"build_catalog.py: fout: deze Python heeft de pakketten van de catalogus niet (module '{exc.name}' ontbreekt); start het zo: {venv} {command}", file=sys.stderr)
        return 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="build_catalog.py", description="Catalogus van buurtinterventies.")
    parser.add_argument("--root", type=Path, default=ROOT, help="map van de catalogus (standaard: deze repository)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="OPDRACHT")

    check = commands.add_parser("check", help="controleer records (alle, of alleen de genoemde bestanden)")
    check.add_argument("paths", nargs="*", type=Path, metavar="PAD")
    check.set_defaults(func=cmd_check)

    new = commands.add_parser("new", help="maak een nieuw record met uitleg per veld")
    new.add_argument("title", metavar="TITEL")
    new.add_argument("--element", action="store_true", help="een werkzaam element in plaats van een interventie")
    new.set_defaults(func=cmd_new)

    issue = commands.add_parser("from-issue", help="maak een record van een ingevuld issueformulier en controleer het")
    issue.add_argument("file", metavar="BESTAND", help="de tekst van het issue (- leest van standaardinvoer)")
    issue.add_argument("--submitter", metavar="GEBRUIKER", help="GitHub-naam van wie het voorstel deed (komt in de pull request)")
    issue.add_argument("--issue", type=int, metavar="NUMMER", help="nummer van het issue (voor 'Sluit #NUMMER')")
    issue.add_argument("--pr-body", type=Path, metavar="BESTAND", help="schrijf hier de tekst van de pull request (als het lukt)")
    issue.add_argument("--comment", type=Path, metavar="BESTAND", help="schrijf hier de reactie voor het issue (als het niet lukt)")
    issue.set_defaults(func=cmd_from_issue)

    docs = commands.add_parser("docs", help="werk het veldenoverzicht in CONTRIBUTING.md bij")
    docs.add_argument("--check", action="store_true", help="alleen controleren of het bijgewerkt is")
    docs.set_defaults(func=cmd_docs)

    tags = commands.add_parser("tags", help="toon doelgroepen en thema's die de tekst van een record noemt, maar die het record niet heeft")
    tags.add_argument("paths", nargs="*", type=Path, metavar="PAD", help="alleen deze records (standaard: alle)")
    tags.set_defaults(func=cmd_tags)

    vragen = commands.add_parser("vragen", help="toon per vraag uit de wijk de interventies die haar beantwoorden, met hun erkenning")
    vragen.add_argument("--bronnen", action="store_true", help="ook de bronnen per interventie")
    vragen.set_defaults(func=cmd_vragen)

    site = commands.add_parser("site", help="controleer en bouw de site in site/ en tegelijk de offline versie in dist/catalogus-offline.zip")
    site.add_argument("--site-dir", type=Path, default=None, help="waar de site komt (standaard: site/)")
    site.add_argument("--output", type=Path, default=None, help="waar de zip komt (standaard: dist/catalogus-offline.zip)")
    site.set_defaults(func=cmd_site)

    build = commands.add_parser("build", help="controleer en bouw alleen de site in site/")
    build.add_argument("--site-dir", type=Path, default=None, help="waar de site komt (standaard: site/)")
    build.set_defaults(func=cmd_build)

    bundle = commands.add_parser("bundle", help="controleer en maak de offline versie in dist/catalogus-offline.zip")
    bundle.add_argument("--output", type=Path, default=None, help="waar de zip komt (standaard: dist/catalogus-offline.zip)")
    bundle.add_argument("--site-dir", type=Path, default=None, help="online site die een kopie krijgt (standaard: site/)")
    bundle.set_defaults(func=cmd_bundle)

    links = commands.add_parser("links", help="controleer de links in een gebouwde site (intern; --external: ook externe)")
    links.add_argument("folder", type=Path, nargs="?", default=None, help="de gebouwde site (standaard: site/)")
    links.add_argument("--offline", action="store_true", help="een uitgepakte offline versie: links die met / beginnen werken daar niet")
    links.add_argument("--external", action="store_true", help="vraag ook externe adressen op (netwerk nodig; niet in make test)")
    links.set_defaults(func=cmd_links)

    serve = commands.add_parser("serve", help="live voorbeeld: pagina's worden bijgewerkt als een record verandert")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="adres en poort (standaard 127.0.0.1:8000)")
    serve.set_defaults(func=cmd_serve)
    return parser


def cmd_check(args: argparse.Namespace) -> int:
    from catalog.records.load import load_catalog
    from catalog.records.problems import report
    from catalog.checks.validate import validate

    root = args.root.resolve()
    wanted = {_record_path(root, path) for path in args.paths}
    catalog = load_catalog(root)
    problems = validate(catalog, changed=wanted)
    checked = catalog.files + 1
    if wanted:
        problems = [p for p in problems if p.path in wanted]
        checked = len(wanted)
    report(problems, checked, sys.stdout)
    return 1 if problems else 0


def _record_path(root: Path, path: Path) -> str:
    """A PATH argument as the catalogue names it: relative to the root, forward slashes."""
    if not path.exists() and not path.is_symlink():
        raise UsageError(f"{path} bestaat niet")
    absolute = path.absolute()
    try:
        rel = absolute.relative_to(root).as_posix()
    except ValueError:
        try:
            rel = absolute.resolve().relative_to(root).as_posix()
        except ValueError:
            raise UsageError(f"{path} ligt niet in de catalogus ({root})") from None
    if rel not in ("taxonomy.yml", "synoniemen.yml") and not rel.startswith(("interventions/", "elements/")):
        raise UsageError(f"{path} is geen record: noem een bestand in interventions/ of elements/, taxonomy.yml of synoniemen.yml")
    return rel


def cmd_new(args: argparse.Namespace) -> int:
    from catalog.contributors.template import new_record

    kind = "element" if args.element else "intervention"
    try:
        path = new_record(args.root.resolve(), kind, args.title)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    print(f"Gemaakt: {path.relative_to(args.root.resolve()).as_posix()}")
    print("Vul de velden in en controleer met: make check (of: .venv/bin/python build_catalog.py check " + path.relative_to(args.root.resolve()).as_posix() + ")")
    return 0


def cmd_from_issue(args: argparse.Namespace) -> int:
    from catalog.contributors import from_issue
    from catalog.records.load import MAX_FILE_BYTES

    submitter = (args.submitter or "").removeprefix("@") or None
    if submitter is not None and not from_issue.GITHUB_LOGIN.fullmatch(submitter):
        raise UsageError("--submitter is een GitHub-naam: letters, cijfers en losse streepjes, hoogstens 39 tekens")
    if args.pr_body and not (args.issue and args.issue > 0):
        raise UsageError("--pr-body heeft --issue NUMMER nodig (voor 'Sluit #NUMMER')")
    raw = _read_input(args.file, MAX_FILE_BYTES + 1)
    source = "issue" if args.file == "-" else args.file
    return from_issue.run(args.root.resolve(), raw, source, sys.stdout, submitter=submitter, issue=args.issue,
                          pr_body=args.pr_body, comment=args.comment)


def _read_input(name: str, limit: int) -> bytes:
    """At most `limit` bytes of a file or of standard input: a larger text is refused by its size."""
    if name == "-":
        return sys.stdin.buffer.read(limit)
    try:
        with open(name, "rb") as handle:
            return handle.read(limit)
    except OSError as exc:
        raise UsageError(f"{name} is niet te lezen ({exc.strerror})") from None


def cmd_docs(args: argparse.Namespace) -> int:
    from catalog.contributors import docs
    from catalog.records.load import load_catalog

    catalog = load_catalog(args.root.resolve())
    taxonomy = catalog.taxonomy.data if isinstance(catalog.taxonomy.data, dict) else {}
    current = docs.update(args.root / "CONTRIBUTING.md", taxonomy, check_only=args.check)
    if args.check and not current:
        print("CONTRIBUTING.md is niet bijgewerkt; draai: python build_catalog.py docs", file=sys.stderr)
        return 1
    return 0


def cmd_tags(args: argparse.Namespace) -> int:
    from catalog.contributors.coverage import tag_suggestions
    from catalog.records.load import load_catalog

    root = args.root.resolve()
    wanted = {_record_path(root, path) for path in args.paths}
    for line in tag_suggestions(load_catalog(root), wanted):
        print(line)
    return 0


def cmd_vragen(args: argparse.Namespace) -> int:
    from catalog.contributors.coverage import report
    from catalog.records.load import load_catalog

    lines = report(load_catalog(args.root.resolve()), with_sources=args.bronnen)
    if lines is None:
        raise UsageError("de catalogus heeft fouten; draai eerst: python build_catalog.py check")
    print("\n".join(lines))
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from catalog.site import worker

    root = args.root.resolve()
    # The second process starts first, so that it imports while this one imports the build.
    with worker.started(root) as helper:
        from catalog.site.build import build

        return build(root, args.site_dir, helper=helper)


def cmd_site(args: argparse.Namespace) -> int:
    from catalog.site import worker

    root = args.root.resolve()
    with worker.started(root) as helper:  # as in cmd_build; it also makes the offline zip
        from catalog.site.build import BUNDLE, build

        return build(root, args.site_dir, helper=helper, zip_path=args.output or root / BUNDLE)


def cmd_bundle(args: argparse.Namespace) -> int:
    from catalog.site.build import bundle

    return bundle(args.root.resolve(), args.output, args.site_dir)


def cmd_links(args: argparse.Namespace) -> int:
    from catalog.site.linkcheck import check_external, check_site

    folder = args.folder or args.root / "site"
    if not (folder / "index.html").is_file():
        raise UsageError(f"{folder} is geen gebouwde site; draai eerst: make site")
    from urllib.parse import urlsplit

    from catalog.site.settings import site_config

    base = urlsplit(site_config().get("site_url") or "/").path or "/"  # where the online site lives
    broken = check_external(folder) if args.external else check_site(folder, root_relative=not args.offline, base=base)
    for line in broken:
        print(line)
    kind = "externe" if args.external else "interne"
    print(f"{len(broken)} kapotte {kind} links." if broken else f"Alle {kind} links werken.")
    return 1 if broken else 0


def cmd_serve(args: argparse.Namespace) -> int:
    from catalog.site.serve import serve

    return serve(args.root.resolve(), args.dev_addr)


def _stop_on_term(signum, frame) -> None:
    """SIGTERM (a CI job cancelled, `kill`) ends like Ctrl-C: the build's cleanup runs, the
    second process stops, and the previous site and zip stay."""
    raise SystemExit(128 + signum)


if __name__ == "__main__":
    import signal

    for name in ("SIGTERM", "SIGHUP"):  # SIGHUP: the terminal closed; the preview's worker must not stay
        signal.signal(getattr(signal, name, signal.SIGTERM), _stop_on_term)
    sys.exit(main())
