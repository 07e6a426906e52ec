"""Every internal link and asset reference in a built site resolves: files, folders and #anchors.

External links are left to `check_external`, a separate command that is never part of the
test suite (it needs the network, and other sites' outages must not block a build).
"""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src", "iframe": "src", "source": "src"}


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.references: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"])
        wanted = ATTRIBUTES.get(tag)
        if wanted and values.get(wanted):
            self.references.append(values[wanted])


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text("utf-8"))
    return page


def is_external(reference: str) -> bool:
    parts = urlsplit(reference)
    return bool(parts.scheme or parts.netloc)


def check_site(folder: Path, root_relative: bool = True, base: str = "/") -> list[str]:
    """`page: reference` for every internal reference that points at nothing.

    Root-relative references ("/assets/...") resolve against the folder, as on a web server where
    the site lives at `base` (the path of mkdocs.yml's site_url, "/" at the domain root); with
    `root_relative=False` (the offline bundle, opened from file://) they are broken by definition.
    """
    folder = folder.resolve()
    pages = {path: parse(path) for path in sorted(folder.rglob("*.html"))}
    broken = []
    for path, page in pages.items():
        for reference in page.references:
            if is_external(reference) or reference.startswith(("mailto:", "tel:")):
                continue
            target, anchor = _resolve(folder, path, reference, root_relative, base)
            rel = path.relative_to(folder).as_posix()
            if target is None or not target.is_file():
                broken.append(f"{rel}: {reference}")
            elif anchor and "=" not in anchor and target.suffix == ".html":  # "#thema=x" is catalogue state
                ids = pages[target].ids if target in pages else parse(target).ids
                if anchor not in ids:
                    broken.append(f"{rel}: {reference} (anker #{anchor} bestaat niet)")
    return broken


def _resolve(folder: Path, page: Path, reference: str, root_relative: bool, base: str = "/") -> tuple[Path | None, str]:
    parts = urlsplit(reference)
    if not parts.path:
        return page, unquote(parts.fragment)
    path = parts.path
    if path.startswith("/"):
        if not root_relative or not path.startswith(base.rstrip("/") + "/"):
            return None, ""
        path, start = path[len(base.rstrip("/")):], ""
    else:
        start = page.parent.relative_to(folder).as_posix()
    joined = posixpath.normpath(posixpath.join(start, unquote(path).lstrip("/")))
    if joined.startswith(".."):
        return None, ""
    target = folder / joined
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)


def external_links(folder: Path) -> dict[str, list[str]]:
    """External URL -> pages that link to it."""
    found: dict[str, list[str]] = {}
    for path in sorted(folder.rglob("*.html")):
        for reference in parse(path).references:
            if urlsplit(reference).scheme in ("http", "https"):
                found.setdefault(reference, []).append(path.relative_to(folder).as_posix())
    return found


def check_external(folder: Path, timeout: float = 10) -> list[str]:
    """Ask every external URL once (HEAD, then GET); report the ones that fail. Needs the network."""
    import urllib.request

    broken = []
    for url, pages in external_links(folder).items():
        for method in ("HEAD", "GET"):
            try:
                request = urllib.request.Request(url, method=method, headers={"User-Agent": "buurtinterventies-linkcheck"})
                with urllib.request.urlopen(request, timeout=timeout):
                    break
            except Exception as exc:  # any failure is a finding, not a crash
                error = exc
        else:
            broken.append(f"{url} ({error}); op {', '.join(pages[:3])}")
    return broken
