"""Synthetic catalogues in the v1 format, for benchmarks and the harness test."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

SUBJECTS = ["Bewoners", "De buurtcoach", "Jongeren", "Ouderen", "De opbouwwerker", "Vrijwilligers", "Het wijkteam", "Buren"]
VERBS = ["organiseren", "bespreken", "bedenken", "versterken", "ontdekken", "verbeteren", "plannen", "delen"]
OBJECTS = [
    "een buurtfeest", "de gesprekken op straat", "hun eigen ideeën", "het contact met elkaar", "de speeltuin",
    "een moestuin op het plein", "de veiligheid in de straat", "activiteiten voor kinderen", "een buurtkrant",
    "de zorg voor elkaar", "bijeenkomsten in het buurthuis", "de aanpak van zwerfvuil",
]
EXTRAS = ["samen met de gemeente", "met steun van de woningcorporatie", "in kleine stappen", "elke week", "zonder veel geld", "op een laagdrempelige manier"]
HEADINGS = ["Doel", "Doelgroep", "Aanpak", "Onderzoek", "Praktijkervaringen"]
NAMES = ["Buurt", "Wijk", "Straat", "Samen", "Thuis", "Plein", "Kracht", "Verbinding", "Groen", "Ontmoeting"]


def sentence(rng: random.Random) -> str:
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(EXTRAS)}."


def paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(sentence(rng) for _ in range(sentences))


def intervention(rng: random.Random, index: int, elements: list[str], groups: dict, themes: dict) -> tuple[str, str]:
    title = f"{rng.choice(NAMES)}{rng.choice(NAMES).lower()} {index}"
    slug = title.lower().replace(" ", "-")
    chosen = rng.sample(elements, rng.randint(1, 4))
    tags = rng.sample(list(groups), rng.randint(1, 2)), rng.sample(list(themes), rng.randint(1, 3))
    body = "\n\n".join(f"## {h}\n\n{paragraph(rng, rng.randint(2, 5))}" for h in HEADINGS)
    body += f"\n\nOver: {', '.join(evidence_words(groups, tags[0]) + evidence_words(themes, tags[1]))}."  # check wants each tag named
    text = f"""---
title: {title}
summary: "{paragraph(rng, 2)}"
elements: [{', '.join(chosen)}]
target_groups: [{', '.join(tags[0])}]
themes: [{', '.join(tags[1])}]
evidence: niet-beoordeeld
duration: {rng.randint(3, 24)} maanden
since: {rng.randint(1995, 2024)}
sources:
  - title: Beschrijving van {title}
    date: {rng.randint(2005, 2024)}-{rng.randint(1, 12):02d}
    url: https://www.voorbeeld.nl/{slug}
---

{body}
"""
    return slug, text


def evidence_words(terms: dict, chosen: list[str]) -> list[str]:
    """The first of each chosen term's words (taxonomy.yml `words`), or its label: what shows the tag."""
    return [(terms[slug].get("words") or [terms[slug]["label"]])[0].lstrip("-") for slug in chosen]


def generate(target: Path, count: int, seed: int = 1) -> Path:
    """A catalogue folder: the real taxonomy and elements, plus `count` generated interventions."""
    import yaml

    rng = random.Random(seed)
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "taxonomy.yml", target / "taxonomy.yml")
    if (REPO / "synoniemen.yml").is_file():  # the search's synonyms travel in the data file
        shutil.copy(REPO / "synoniemen.yml", target / "synoniemen.yml")
    shutil.copytree(REPO / "elements", target / "elements", dirs_exist_ok=True)
    (target / "interventions").mkdir(exist_ok=True)
    taxonomy = yaml.safe_load((REPO / "taxonomy.yml").read_text("utf-8"))
    elements = sorted(p.stem for p in (REPO / "elements").glob("*.md"))
    for index in range(1, count + 1):
        slug, text = intervention(rng, index, elements, taxonomy["target_groups"], taxonomy["themes"])
        (target / "interventions" / f"{slug}.md").write_text(text, "utf-8")
    return target
