"""Characters named in Dutch in messages: 'U+00A0 (harde spatie)', not Unicode's English name."""

from __future__ import annotations

import unicodedata

NAMES = {
    "\x00": "NUL, een nulteken", "\x07": "BEL, een belteken", "\x08": "BS, een backspace", "\t": "tab",
    "\x0b": "VT, een verticale tab", "\x0c": "FF, een nieuwe pagina", "\r": "CR, een losse regelterugloop",
    "\x1b": "ESC, een escapeteken", "\x7f": "DEL, een wisteken", "\x85": "NEL, een regeleinde",
    "\u00a0": "harde spatie", "\u202f": "smalle harde spatie", "\u2007": "cijferspatie", "\u2009": "dunne spatie",
    "\u200a": "haarspatie", "\u2002": "brede spatie", "\u2003": "brede spatie", "\u3000": "brede spatie",
    "\u00ad": "zacht afbreekstreepje", "\u200b": "spatie zonder breedte", "\u200c": "onzichtbare scheiding",
    "\u200d": "onzichtbare verbinding", "\u2060": "onzichtbare woordverbinding", "\ufeff": "BOM, een spatie zonder breedte",
    "\u200e": "onzichtbaar teken voor links-naar-rechts", "\u200f": "onzichtbaar teken voor rechts-naar-links",
    "\u2028": "regelscheiding", "\u2029": "alineascheiding",
    "\u2026": "weglatingsteken: drie puntjes in één teken",
    "\u201c": "openend aanhalingsteken uit een tekstverwerker", "\u201d": "sluitend aanhalingsteken uit een tekstverwerker",
    "\u201e": "laag aanhalingsteken uit een tekstverwerker", "\u2018": "openend enkel aanhalingsteken uit een tekstverwerker",
    "\u2019": "sluitend enkel aanhalingsteken uit een tekstverwerker", "\u00ab": "punthaak", "\u00bb": "punthaak",
    "\u2013": "half kastlijntje", "\u2014": "kastlijn",
}
for _char in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c":
    NAMES[_char] = "onzichtbaar teken dat de leesrichting verandert"
SCRIPTS = {
    "CYRILLIC": "Cyrillische", "GREEK": "Griekse", "COPTIC": "Koptische", "ARMENIAN": "Armeense", "HEBREW": "Hebreeuwse",
    "ARABIC": "Arabische", "GEORGIAN": "Georgische", "CHEROKEE": "Cherokee", "DEVANAGARI": "Devanagari", "THAI": "Thaise",
    "CJK": "Chinese", "HIRAGANA": "Japanse", "KATAKANA": "Japanse", "HANGUL": "Koreaanse",
}
FORMS = ("FULLWIDTH", "HALFWIDTH", "MATHEMATICAL", "CIRCLED", "PARENTHESIZED", "SUPERSCRIPT", "SUBSCRIPT", "SMALL", "MODIFIER")


def dutch_name(char: str) -> str:
    """What the character is, in words a contributor knows."""
    if char in NAMES:
        return NAMES[char]
    name = unicodedata.name(char, "")
    plain = unicodedata.normalize("NFKC", char)
    if plain != char and name.startswith(FORMS):
        return f"bijzondere vorm van '{plain}'"
    category = unicodedata.category(char)
    kind = "letter" if category.startswith("L") else "cijfer" if category.startswith("N") else "teken"
    script = SCRIPTS.get(name.split(" ")[0])
    if script:
        return f"{script} {kind}"
    if category.startswith("M"):
        return "los accentteken"
    if category == "Zs":
        return "bijzondere spatie"
    if category == "Cf":
        return "onzichtbaar opmaakteken"
    if category in ("Cc", "Cs", "Cn", "Co"):
        return "stuurteken" if category == "Cc" else "teken zonder betekenis als tekst"
    return f"{kind} uit een ander schrift" if kind != "teken" else "bijzonder teken"


def describe(char: str) -> str:
    """'\\xa0' -> 'U+00A0 (harde spatie)': how a message names a character it cannot show."""
    return f"U+{ord(char):04X} ({dutch_name(char)})"


def shown(char: str) -> str:
    """"'а' (Cyrillische letter, U+0430)": a visible character with what it is."""
    return f"'{char}' ({dutch_name(char)}, U+{ord(char):04X})"
