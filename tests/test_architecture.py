"""The layers of docs/architecture.json hold in the code: no import cycle, no import from a part
to a part after it (the parts are layers in pipeline order, lowest first), none of the nevers,
and a third-party package named in a note "only PART imports: name" imported by that part alone.
No module of a part (bench/ included) and no browser script in catalog/assets is over 300 lines.

Every import counts, also inside a function or under `if TYPE_CHECKING:`, and
`__import__("x")` or `importlib.import_module("x")` with a literal name."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ARCHITECTURE = REPO / "docs" / "architecture.json"
ONLY = re.compile(r"^only (\w+) imports: ([\w, ]+)$")


def imported_names(source: str, module: str) -> list[str]:
    """Every module name that `source` (the module `module`) imports, relative imports resolved."""
    names = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = module.split(".")[: -node.level]
                base = ".".join(parent + ([base] if base else []))
            names.append(base)
            names += [f"{base}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
            func = node.func
            called = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if called in ("__import__", "import_module"):
                names.append(node.args[0].value)
    return names


def module_name(path: str) -> str:
    name = path[: -len(".py")].replace("/", ".")
    return name[: -len(".__init__")] if name.endswith(".__init__") else name


def part_of(path: str, parts: dict[str, list[str]]) -> str | None:
    """The part whose longest path holds the file, as the whiteboard reads it."""
    best, length = None, -1
    for name, paths in parts.items():
        for prefix in paths:
            if (path == prefix or (prefix.endswith("/") and path.startswith(prefix))) and len(prefix) > length:
                best, length = name, len(prefix)
    return best


def problems(sources: dict[str, str], architecture: dict) -> list[str]:
    """What breaks the architecture: `sources` maps a path (from the repository root) to its text."""
    parts = {name: part["is"] for name, part in architecture["parts"].items()}
    order = list(parts)
    nevers = {(a, b) for a, b, *_ in architecture["never"]}
    only = {}
    for note in architecture.get("notes", []):
        match = ONLY.match(note["text"])
        if match:
            only.update((package.strip(), match.group(1)) for package in match.group(2).split(","))
    modules = {module_name(path): path for path in sources}
    edges: dict[str, set[str]] = {path: set() for path in sources}
    found = []
    for path, source in sorted(sources.items()):
        here = part_of(path, parts)
        for name in imported_names(source, module_name(path)):
            top = name.split(".")[0]
            if top in only and here != only[top]:
                found.append(f"{path}: imports {name}, which only {only[top]} may import")
            target = modules.get(name)
            if target is None or target == path or target.endswith("__init__.py"):
                continue
            edges[path].add(target)
            there = part_of(target, parts)
            if here is None or there is None or here == there:
                continue
            if (here, there) in nevers:
                found.append(f"{path}: imports {target}: never {here} -> {there}")
            elif order.index(there) > order.index(here):
                found.append(f"{path}: imports {target}: {here} is below {there}")
    found += [f"import cycle: {' -> '.join(cycle)}" for cycle in cycles(edges)]
    return found


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one file (Tarjan), each as a closed path."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(edges.get(node, ())):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group) + [sorted(group)[0]])

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return groups


def repository_sources(architecture: dict) -> dict[str, str]:
    sources = {}
    for part in architecture["parts"].values():
        for prefix in part["is"]:
            files = [REPO / prefix] if prefix.endswith(".py") else sorted((REPO / prefix).rglob("*.py"))
            sources.update((f.relative_to(REPO).as_posix(), f.read_text("utf-8")) for f in files)
    return sources


def test_the_code_keeps_the_layers():
    architecture = json.loads(ARCHITECTURE.read_text("utf-8"))
    sources = repository_sources(architecture)
    assert len(sources) > 30  # every part was read
    assert problems(sources, architecture) == []


MAX_LINES = 300  # a module of one purpose stays readable; a longer one is split by what it does


def test_no_module_is_over_300_lines():
    """Every Python module of a part (bench/ is one) and every browser script in catalog/assets."""
    architecture = json.loads(ARCHITECTURE.read_text("utf-8"))
    sources = repository_sources(architecture)
    scripts = sorted((REPO / "catalog" / "assets").rglob("*.js"))
    assert len(scripts) > 10 and any(path.startswith("bench/") for path in sources)  # both were read
    sources.update((f.relative_to(REPO).as_posix(), f.read_text("utf-8")) for f in scripts)
    long = {path: text.count("\n") for path, text in sources.items() if text.count("\n") > MAX_LINES}
    assert long == {}


def test_every_module_is_on_a_part():
    architecture = json.loads(ARCHITECTURE.read_text("utf-8"))
    parts = {name: part["is"] for name, part in architecture["parts"].items()}
    loose = [p.relative_to(REPO).as_posix() for p in sorted((REPO / "catalog").rglob("*.py"))]
    assert [p for p in loose if part_of(p, parts) is None] == ["catalog/__init__.py"]


def test_browser_scripts_stand_in_a_folder_per_page():
    """catalog/assets keeps a folder per page (alle-paginas/ for every page); the site puts them
    side by side in assets/, so no two may share a name."""
    assets = REPO / "catalog" / "assets"
    files = [p for p in sorted(assets.rglob("*")) if p.is_file()]
    assert [p.relative_to(assets).as_posix() for p in files if p.parent == assets] == []
    names = [p.name for p in files]
    assert sorted({n for n in names if names.count(n) > 1}) == []


FAKE = {
    "parts": {"Low": {"is": ["pkg/low/"]}, "Out": {"is": ["pkg/out/"]}, "A": {"is": ["pkg/out/a.py"]},
              "B": {"is": ["pkg/out/b.py"]}, "High": {"is": ["pkg/high/"]}},
    "never": [["Low", "High", "down only"], ["A", "B", "siblings"], ["B", "A", "siblings"]],
    "notes": [{"text": "only High imports: mkdocs"}],
}


def test_the_check_finds_a_cycle():
    sources = {
        "pkg/low/one.py": "from pkg.low import two\n",
        "pkg/low/two.py": "def f():\n    from .one import x\n",
        "pkg/high/run.py": "import pkg.low.one\n",
    }
    assert problems(sources, FAKE) == ["import cycle: pkg/low/one.py -> pkg/low/two.py -> pkg/low/one.py"]


def test_the_check_finds_an_upward_import_and_a_sibling():
    sources = {
        "pkg/low/one.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg.high.run import main\n",
        "pkg/out/page.py": "from pkg.out.a import x\n",
        "pkg/out/a.py": "import pkg.out.b\n",
        "pkg/out/b.py": "x = __import__('mkdocs')\n",
        "pkg/high/run.py": "import mkdocs.config\n",
    }
    assert problems(sources, FAKE) == [
        "pkg/low/one.py: imports pkg/high/run.py: never Low -> High",
        "pkg/out/a.py: imports pkg/out/b.py: never A -> B",
        "pkg/out/b.py: imports mkdocs, which only High may import",
        "pkg/out/page.py: imports pkg/out/a.py: Out is below A",
    ]
