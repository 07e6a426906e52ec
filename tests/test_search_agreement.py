"""Index side (Python: catalog/records/words.py, lunr.py) and query side (catalogus-words.js, lunr.js in
Chromium) fold, drop and key words the same way; what the index side does with compounds."""

from __future__ import annotations


import pytest

from catalog.outputs.search.search import LUNR_FILES, build_index, documents, fold, key, stem, stop_words
from catalog.records.words import compound_parts, normalise
from conftest import FIXTURES, REPO

ASSETS = REPO / "catalog" / "assets" / "catalogus"  # the catalogue page's scripts

WORDS = """bewoners bewoner gesprekken gesprek buurten buurt kinderen kind ouderen oudere ouders ouder jongeren
wijken wijkteams opbouwwerkers laagdrempeligheid laagdrempelig ontmoetingen ontmoeting verenigingen huisbezoeken
bijeenkomsten bijeenkomst initiatieven initiatief gemeenten gemeente woningcorporaties vrijwilligers activiteiten
samenwerking samenwerken betrokkenheid eigenaarschap vertrouwen sleutelpersonen netwerken burennetwerken
leefbaarheid veiligheid participatie cohesie sociale verbinden verbindend professionals coach buurtcoaches
zwerfvuil hondenpoep gelijkwaardigheid capaciteiten talenten mogelijkheden probleem problemen straten straat
flats pleinen enquêtes geïnterviewde wél café cafés één coördinator reünie reünies huis huizen huisje wijs wijze
wijzen organisatie organisaties familie families studie studies ruzie ruzies categorie categorieën idee ideeën
zee zeeën knie knieën proces processen adres adressen klas klassen bus bussen les lessen plan plannen brief
brieven actief actieve lief lieve reis reizen doos dozen kaas kazen buur buren vraag vragen taak taken plek
plekken plekje buurtje stad steden lid leden jazz stress kies ies jij bijl hij vijf vijven zzp ers""".split()

TEXTS = ["Kan wél!", "EigenWIJzebuurten (Junior)", "Thuis op Straat — TOS", "co-creatie", "zzp'ers", "Café één", "1:20 uur",
         "Ideeën & categorieën", "naïef", "Ærø straße"]


def _page_with_words(page):
    page.set_content("<html><body></body></html>")
    for path in LUNR_FILES.values():
        page.add_script_tag(content=path.read_text("utf-8"))
    page.add_script_tag(path=str(ASSETS / "catalogus-words.js"))


def test_keys_agree_on_a_word_list(page):
    _page_with_words(page)
    folded = [fold(w) for w in WORDS]
    js = page.evaluate("words => words.map(w => [lunr.nl.stemmer(new lunr.Token(w)).toString(), CI.wordKey(w)])", folded)
    assert js == [[stem(w), key(w)] for w in folded]


def test_keys_agree_on_every_word_of_the_catalogue(page):
    """Every word of the live catalogue and of the test catalogues, keyed on both sides."""
    from catalog.records.load import load_catalog
    from catalog.records.schema import apply_defaults

    words = set()
    for root in (REPO, FIXTURES / "search", FIXTURES / "valid"):
        catalog = load_catalog(root)
        apply_defaults(catalog)
        words.update(w for doc in documents(catalog) for text in doc.values() for w in text.split())
    words = sorted(words)
    assert len(words) > 2000
    _page_with_words(page)
    js = page.evaluate("words => words.map(w => CI.wordKey(w))", words)
    assert {w: k for w, k in zip(words, js) if k != key(w)} == {}


def test_the_index_pipeline_agrees_token_by_token(page):
    """lunr.py's search pipeline, serialised in the index, runs in lunr.js with the page's
    registered function and gives the same tokens."""
    index = build_index([{"ref": "0", "title": "huizen", "about": "", "body": "", "parts": ""}])
    assert index["pipeline"] == ["woordvorm-nl"]
    _page_with_words(page)
    js = page.evaluate("""([serialized, words]) => {
        CI.registerWordForms();
        const index = lunr.Index.load(serialized);
        return words.map(w => index.pipeline.runString(w).map(String));
    }""", [index, [fold(w) for w in WORDS]])
    from lunr.pipeline import Pipeline

    pipeline = Pipeline.load(index["pipeline"])
    assert js == [[str(t) for t in pipeline.run_string(fold(w))] for w in WORDS]


@pytest.mark.parametrize("stemmed, expected", [
    ("initiatiev", "initiatief"), ("huiz", "huis"), ("wijz", "wijs"), ("organisaties", "organisatie"),
    ("families", "familie"), ("categorieen", "categorie"), ("ideeen", "idee"), ("huisj", "huis"),
    ("process", "proces"), ("kies", "kies"), ("bus", "bus"), ("lief", "lief"),
])
def test_normalise(stemmed, expected):
    assert normalise(stemmed) == expected


def test_singular_and_plural_share_a_key():
    pairs = [("initiatief", "initiatieven"), ("huis", "huizen"), ("wijs", "wijze"), ("bijeenkomst", "bijeenkomsten"),
             ("organisatie", "organisaties"), ("familie", "families"), ("activiteit", "activiteiten"), ("buur", "buren"),
             ("straat", "straten"), ("kind", "kinderen"), ("categorie", "categorieën"), ("idee", "ideeën"),
             ("proces", "processen"), ("reis", "reizen"), ("brief", "brieven"), ("stad", "steden"), ("plek", "plekje"),
             ("oudere", "ouderen"), ("ouder", "ouders")]
    assert [(a, b) for a, b in pairs if key(fold(a)) != key(fold(b))] == []
    assert key("ouderen") != key("ouders")  # the elderly are not the parents


def test_folding_agrees(page):
    _page_with_words(page)
    assert page.evaluate("texts => texts.map(t => CI.fold(t))", TEXTS) == [fold(t) for t in TEXTS]


def test_stop_words_come_from_lunr_nl(page):
    _page_with_words(page)
    words = sorted(stop_words())
    dropped = page.evaluate("words => words.filter(w => CI.isStopWord(w))", words)
    assert dropped == words and len(words) > 50
    assert {"de", "het", "een"} <= stop_words()


def test_edit_distance(page):
    _page_with_words(page)
    pairs = [["laagdrempelighied", "laagdrempeligheid", 2], ["vrijwiligers", "vrijwilligers", 2],
             ["buurtbemidelling", "buurtbemiddeling", 2], ["repiar", "repair", 1], ["buurt", "buurt", 1],
             ["buurt", "bult", 1], ["kat", "hond", 2], ["abc", "abcdef", 2]]
    assert page.evaluate("pairs => pairs.map(([a, b, max]) => CI.editDistance(a, b, max))", pairs) == [1, 1, 2, 1, 0, 2, 3, 3]


KNOWN = {"jongeren", "werk", "ontmoeting", "plek", "buren", "hulp", "netwerk", "buurt", "huis", "thuis", "buur",
         "onder", "wijs", "wijzen", "familie", "groep", "plan", "moestuin", "tuin", "belang", "rijk", "sport"}


@pytest.mark.parametrize("word, parts", [
    ("jongerenwerk", ["jongeren", "werk"]),
    ("ontmoetingsplek", ["ontmoeting", "plek"]),   # a linking s
    ("burenhulp", ["buren", "hulp"]),
    ("burennetwerk", ["buren", "netwerk"]),
    ("buurthuis", ["buurt", "huis"]),              # not buur + thuis
    ("buurtmoestuin", ["buurt", "moestuin", "moes", "tuin"]),
    ("familiegroepsplan", ["familiegroep", "plan", "familie", "groep"]),
    ("onderwijs", []),                             # a particle, not a part
    ("verwijzen", []),
    ("belangrijk", []),                            # an ending, not a part
    ("buurtsport", ["buurt", "sport"]),
    ("huis", []),
])
def test_compound_parts(word, parts):
    assert compound_parts(word, KNOWN) == parts


def test_data_scripts_round_trip_in_the_browser(page):
    """Data reaches the page as JSON.parse("...") in a classic script, even text that looks like HTML."""
    from catalog.outputs.page import script

    value = {"titel": "Kan wél! </script><script>alert(1)</script>", "lijst": ["\u2028", '"\\', "€"], "n": 3}
    page.set_content("<html><body></body></html>")
    page.add_script_tag(content=script("TEST_DATA", value))
    assert page.evaluate("window.TEST_DATA") == value
    assert "</script>" not in script("TEST_DATA", value)
