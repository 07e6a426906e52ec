"""Hostile input: generated worst cases go through `check` and `build` in a subprocess with a
memory limit and a time-out. Each must end with a message and exit 1 (or build, if valid), never
a traceback, a crash or a hang. Speed targets live in `make bench`; the limits here only catch
a blow-up (the cases below took minutes, gigabytes or a segfault before)."""

from __future__ import annotations

import re
import resource
import subprocess
import sys

import pytest

from conftest import REPO, make_catalog

pytestmark = pytest.mark.slow

MEMORY = 2 * 1024**3  # bytes of address space for one command
SECONDS = 60

HEAD = "---\ntitle: Kwaadaardig\nsummary: Een samenvatting.\nelements: [buurtcoach]\ntarget_groups: [bewoners]\nevidence: niet-beoordeeld\ndetail: brief\nsources: [{title: Bron, url: https://www.voorbeeld.nl/bron}]\n"


def record(front: str = "", body: str = "") -> str:
    return HEAD + front + "---\n\n" + body


# name -> (record text, exit code of check and build: 0 = harmless text that builds, 1 = refused)
CASES = {
    # The old no-script patterns backtracked: 192 KB of "<a <a" took 75 s. It is only text.
    "tags without end": (record(body="x <a " * 40_000), 0),
    "attribute with many spaces": (record(body="Een <span x=" + " " * 200_000 + ">y</span>"), 0),
    "tag with 50,000 attributes": (record(body="Een <span " + "a=b " * 50_000 + ">y</span>"), 1),
    "link openers": (record(body="[a](" * 60_000), 0),
    "emphasis": (record(body="*a_" * 60_000), 0),
    # jsonschema compares every pair of a list of mappings (uniqueItems).
    "10,000 mappings in a list": (record(front="themes:\n" + "".join(f"  - {{a: {i}}}\n" for i in range(10_000))), 1),
    # PyYAML's composer recursed: ~600 levels gave a RecursionError, ~50,000 a segfault.
    "50,000 nested flow lists": (record(front="variants: " + "[" * 50_000 + "]" * 50_000 + "\n"), 1),
    "100,000 flow lists with items": (record(front="variants: " + "[a, " * 100_000 + "\n"), 1),
    "50,000 nested block lists": (record(front="variants:\n" + "- " * 50_000 + "x\n"), 1),
    "50,000 nested quotes": (record(body="> " * 50_000 + "x\n"), 1),
    "20,000 headings": (record(body="## Kop\n\n" * 20_000), 1),
    "100,000 control characters": (record(body="\x00" * 100_000), 1),
    "a file of 600 kB": (record(body="Tekst. " * 90_000), 1),
    "title of 100,000 characters": ("---\ntitle: " + "a" * 100_000 + "\n---\n", 1),
    "dates after 2106": (record(front="checked: 2201-01-01\n"), 1),
    # Compound splitting tried every cut of every word: this held the build for 4.5 minutes.
    # One letter 445,000 times: what the old `"".join(random.Random(1).choice(...) for ...)` made
    # (a new generator per letter, each with seed 1, gives "e" every time), in 3 s per collection.
    "a word of 445,000 letters": (record(body="e" * 445_000), 0),
}

# The rule that refuses each refused case (a fragment of its message), so that a case stays
# refused by the limit it targets and not by some other rule that happens to fire first.
RULES = {
    "tag with 50,000 attributes": "kwaadaardig.md:11: tekst: het HTML-attribuut a= is niet toegestaan; alleen title, lang, datetime mogen",
    "10,000 mappings in a list": "kwaadaardig.md:210: themes: te veel items (meer dan 200)",
    "50,000 nested flow lists": "kwaadaardig.md:9: velden: te diep genest (meer dan 50 haakjes [ of { in elkaar)",
    "100,000 flow lists with items": "kwaadaardig.md:9: velden: te diep genest (meer dan 50 haakjes [ of { in elkaar)",
    "50,000 nested block lists": "kwaadaardig.md:10: variants[1][1][1][1]: te diep genest (meer dan 5 niveaus)",
    "50,000 nested quotes": "kwaadaardig.md:11: tekst: lijsten of citaten staan hier 50000 niveaus diep in elkaar (maximaal 8)",
    "20,000 headings": "tekst: te veel kopjes (20000, maximaal 100)",
    "100,000 control characters": "kwaadaardig.md:11: tekst: onzichtbaar stuurteken U+0000 (NUL, een nulteken); haal het weg (kolom 1)\n",
    "a file of 600 kB": "kwaadaardig.md:1: bestand: het bestand is te groot (630 kB, maximaal 500 kB)",
    "title of 100,000 characters": "kwaadaardig.md:2: title: te lang: 100000 tekens, maximaal 150",
    "dates after 2106": "kwaadaardig.md:9: checked: '2201-01-01' ligt in de toekomst",
}


def test_every_refused_case_names_its_rule():
    assert set(RULES) == {name for name, (_, code) in CASES.items() if code == 1}


def run(*args: str) -> subprocess.CompletedProcess:
    def limits() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))

    return subprocess.run(
        [sys.executable, str(REPO / "build_catalog.py"), *args],
        capture_output=True, text=True, timeout=SECONDS, preexec_fn=limits,
    )


def outcome(result: subprocess.CompletedProcess, command: list[str]) -> str:
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout, (command, result.stderr[-2000:])
    return result.stdout


@pytest.mark.parametrize("name", [name for name, (_, code) in CASES.items() if code])
def test_check_and_build_refuse_pathological_input(name, tmp_path):
    text, code = CASES[name]
    root = make_catalog(tmp_path)
    (root / "interventions" / "kwaadaardig.md").write_text(text, "utf-8")
    for command in (["check"], ["build", "--site-dir", str(tmp_path / "site")]):
        result = run("--root", str(root), *command)
        assert result.returncode == 1, (command, result.stdout[-2000:], result.stderr[-2000:])
        assert "interventions/kwaadaardig.md:" in outcome(result, command)
        assert RULES[name] in result.stdout, (command, result.stdout[:2000])
    assert not (tmp_path / "site").exists()


def harmless(name: str) -> str:
    return "kwaadaardig-" + re.sub(r"[^a-z0-9]+", "-", name).strip("-")


def test_check_and_build_survive_the_harmless_pathological_inputs_together(tmp_path):
    """The cases that are only text, each its own record in one catalogue: one check and one
    build for all (each of those starts Python and mkdocs), every record checked and built."""
    names = [name for name, (_, code) in CASES.items() if not code]
    assert len(names) == 5
    root = make_catalog(tmp_path)
    for number, name in enumerate(names):
        text = CASES[name][0].replace("title: Kwaadaardig\n", f"title: Kwaadaardig {number}\n", 1)
        (root / "interventions" / f"{harmless(name)}.md").write_text(text, "utf-8")
    for command in (["check"], ["build", "--site-dir", str(tmp_path / "site")]):
        result = run("--root", str(root), *command)
        assert result.returncode == 0, (command, result.stdout[-2000:], result.stderr[-2000:])
        assert "interventions/kwaadaardig" not in outcome(result, command)
    built = sorted(p.parent.name for p in (tmp_path / "site" / "interventies").glob("kwaadaardig*/index.html"))
    assert built == sorted(harmless(name) for name in names)


def test_sixty_elements_on_one_record_build(tmp_path):
    """The related-interventions ranking once enumerated every subset of a record's elements:
    26 elements ended in a MemoryError. Sixty build like any other record."""
    root = make_catalog(tmp_path)
    names = [f"element-{i:02d}" for i in range(60)]
    for name in names:
        (root / "elements" / f"{name}.md").write_text(
            f"---\ntitle: Element {name[-2:]}\nsummary: Een element.\nsources: [{{title: Bron, url: https://www.voorbeeld.nl/bron}}]\n---\n", "utf-8"
        )
    (root / "interventions" / "alles-tegelijk.md").write_text(
        "---\ntitle: Alles tegelijk\nsummary: Alle elementen.\nelements: [" + ", ".join(names)
        + "]\ntarget_groups: [bewoners]\nevidence: niet-beoordeeld\ndetail: brief\nsources: [{title: Bron, url: https://www.voorbeeld.nl/bron}]\n---\n", "utf-8"
    )
    (root / "interventions" / "veel-tegelijk.md").write_text(
        "---\ntitle: Veel tegelijk\nsummary: Dertig elementen.\nelements: [" + ", ".join(names[:30])
        + "]\ntarget_groups: [bewoners]\nevidence: niet-beoordeeld\ndetail: brief\nsources: [{title: Bron, url: https://www.voorbeeld.nl/bron}]\n---\n", "utf-8"
    )
    result = run("--root", str(root), "build", "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    page = (tmp_path / "site" / "interventies" / "alles-tegelijk" / "index.html").read_text("utf-8")
    # Since #27 the reason names the shared problem (target group) before the shared elements.
    assert '<a href="../veel-tegelijk/">Veel tegelijk</a>: ook voor: Bewoners; deelt 30 werkzame elementen: Element 00, Element 01,' in page


class CountingSet(set):
    """A set of known words that counts how often it is asked."""

    asked = 0

    def __contains__(self, word) -> bool:
        CountingSet.asked += 1
        return super().__contains__(word)


@pytest.mark.parametrize("length", [61, 1_000, 445_000])
def test_word_splitting_does_not_grow_with_the_word(length):
    """Splitting a compound asks the known words a bounded number of times, however long the
    word: the work is linear in the text, not quadratic in a word."""
    from catalog.records.words import MAX_COMPOUND, compound_parts, known_words

    word = ("buurthuis" * (length // 9 + 1))[:length]
    known = CountingSet(known_words([word, "buurt huis buurthuis"]))
    assert word not in known
    CountingSet.asked = 0
    assert compound_parts(word, known) == []
    assert CountingSet.asked == 0
    CountingSet.asked = 0
    compound_parts(word[:MAX_COMPOUND], known)
    assert 0 < CountingSet.asked < 1_000
