"""Index side (Python) and query side (lunr.nl.js in Chromium) fold and stem words the same way."""

from __future__ import annotations

import json

from catalog.search import LUNR_FILES, fold, stem, stop_words

WORDS = """bewoners bewoner gesprekken gesprek buurten buurt kinderen kind ouderen jongeren wijken wijkteams
opbouwwerkers laagdrempeligheid laagdrempelig ontmoetingen ontmoeting verenigingen huisbezoeken bijeenkomsten
initiatieven initiatief gemeenten gemeente woningcorporaties vrijwilligers activiteiten samenwerking
samenwerken betrokkenheid eigenaarschap vertrouwen sleutelpersonen netwerken burennetwerken leefbaarheid
veiligheid participatie cohesie sociale verbinden verbindend professionals coach buurtcoaches zwerfvuil
hondenpoep gelijkwaardigheid capaciteiten talenten mogelijkheden probleem problemen straten flats pleinen
enquêtes geïnterviewde wél café één coördinator reünie""".split()

TEXTS = ["Kan wél!", "EigenWIJzebuurten (Junior)", "Thuis op Straat — TOS", "co-creatie", "zzp'ers", "Café één", "1:20 uur"]


def _page_with_lunr(page):
    page.set_content("<html><body></body></html>")
    for path in LUNR_FILES.values():
        page.add_script_tag(content=path.read_text("utf-8"))
    page.add_script_tag(path=str(__import__("catalog").__path__[0] + "/assets/catalogus-app.js"))


def test_stems_agree_on_a_word_list(page):
    _page_with_lunr(page)
    folded = [fold(w) for w in WORDS]
    js = page.evaluate("words => words.map(w => lunr.nl.stemmer(new lunr.Token(w)).toString())", folded)
    assert js == [stem(w) for w in folded]


def test_folding_agrees(page):
    _page_with_lunr(page)
    js = page.evaluate(
        """texts => texts.map(t => t.normalize("NFKD").replace(/[\\u0300-\\u036f]/g, "").toLowerCase()
            .replace(/[^\\p{L}\\p{N}]+/gu, " ").trim())""",
        TEXTS,
    )
    assert js == [fold(t) for t in TEXTS]


def test_stop_words_come_from_lunr_nl(page):
    _page_with_lunr(page)
    words = sorted(stop_words())
    dropped = page.evaluate("words => words.filter(w => !lunr.nl.stopWordFilter(new lunr.Token(w)))", words)
    assert dropped == words and len(words) > 50
    assert json.dumps(["de", "het", "een"]) and {"de", "het", "een"} <= stop_words()


def test_data_scripts_round_trip_in_the_browser(page):
    """Data reaches the page as JSON.parse("...") in a classic script, even text that looks like HTML."""
    from catalog.search import script

    value = {"titel": "Kan wél! </script><script>alert(1)</script>", "lijst": ["\u2028", '"\\', "€"], "n": 3}
    page.set_content("<html><body></body></html>")
    page.add_script_tag(content=script("TEST_DATA", value))
    assert page.evaluate("window.TEST_DATA") == value
    assert "</script>" not in script("TEST_DATA", value)
