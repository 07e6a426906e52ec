"""Contributors' text is untrusted. Bodies are judged on cmark-gfm's syntax tree (the renderer
of the site), fields as plain text; the renderer also cleans every body with nh3.

Every pattern here is linear: no nested or overlapping repetition, so no input makes it slow.
"""

from __future__ import annotations

import html
import re
import unicodedata
from typing import Iterator
from urllib.parse import unquote, urlsplit

from catalog.checks.markdown import Document
from catalog.records.characters import shown

SCRIPT_TAGS = frozenset("script iframe frame frameset object embed applet base meta link style form svg math".split())
INLINE_TAGS = ("br", "sub", "sup", "abbr", "kbd", "mark", "small", "s", "del", "ins", "em", "strong", "b", "i", "u", "q", "cite", "dfn", "time", "span", "code")
INLINE_ATTRIBUTES = ("title", "lang", "datetime")
SCHEMES = ("http", "https", "mailto", "tel")
URL_ATTRIBUTES = frozenset("href src action formaction poster background cite data xlink:href srcset longdesc ping".split())

_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*+)")
# An attribute inside a tag that cmark already recognised as complete; possessive, so a long run
# of spaces is read once.
_ATTRIBUTE = re.compile(r"""[\s/]++([^\s"'<>/=]++)(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s"'=<>`]++))?+""")
_URL_NOISE = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*+):")
_FIELD_MARKUP = re.compile(r"<[A-Za-z!/?]")

CODE = "is niet toegestaan (kan code uitvoeren)"
HINTS = {"a": "schrijf een link als [tekst](https://...)", "img": "schrijf een afbeelding als ![uitleg](https://...)"}


MAX_NESTING = 8  # lists and quotes inside each other; deeper nesting makes cleaning the HTML slow


def body_problems(document: Document) -> Iterator[tuple[int, str]]:
    """(line in the body, message) for raw HTML and link targets that the site will not show,
    and for nesting no page needs."""
    depth, line = document.deepest
    if depth > MAX_NESTING:
        yield line, f"lijsten of citaten staan hier {depth} niveaus diep in elkaar (maximaal {MAX_NESTING}); maak de tekst platter"
    for line, block, literal in document.html:
        if block and literal.lstrip().startswith("<!--") and "-->" in literal:
            continue  # a closed comment: nh3 drops it
        if block:
            yield line, _block_message(literal)
        else:
            yield from ((line, message) for message in _inline_problems(literal))
    for line, url in document.urls:
        scheme = url_scheme(url)
        if scheme and scheme not in SCHEMES:
            yield line, f"links met {scheme}: zijn niet toegestaan; gebruik een http://- of https://-adres"
        elif scheme in ("http", "https"):
            message = host_problem(url)
            if message:
                yield line, message


def field_problems(text: str) -> Iterator[tuple[int, str]]:
    """Fields are shown as plain text: markup in them is a mistake or an attempt."""
    match = _FIELD_MARKUP.search(text)
    if match:
        tag = _TAG.match(text, match.start())
        if tag and tag.group(2).lower() in SCRIPT_TAGS:
            yield text.count("\n", 0, match.start()), f"de HTML-tag <{tag.group(2).lower()}> {CODE}"
        else:
            yield text.count("\n", 0, match.start()), "HTML-code kan niet in dit veld; schrijf gewone tekst (zonder < voor een letter)"


def host_problem(url: str, user_name: bool = True) -> str | None:
    """A web address that goes elsewhere than it reads: a name@ before the host
    (https://rijksoverheid.nl@evil.example goes to evil.example), or a host with a letter from
    another script (a Cyrillic і in rijksoverheid.nl), also when written as xn--. Without
    `user_name` a name@ is left to the caller (the schema's url format refuses it in fields)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None  # the schema's format or the browser refuses it
    if "@" in parts.netloc:
        if not user_name:
            return None
        return (
            f"'{url}' heeft een naam@ voor het domein: de link gaat naar {parts.netloc.rpartition('@')[2] or 'een andere site'}, "
            "niet naar wat ervoor staat; haal het deel tot en met @ weg"
        )
    host = unquote(parts.hostname or "")
    for label in host.split("."):
        if label.lower().startswith("xn--"):
            try:
                label = label.encode("ascii").decode("idna")
            except UnicodeError:
                return f"'{url}' heeft een ongeldige domeinnaam ({label}); typ het adres zoals het in de adresbalk staat"
        odd = next((c for c in label if not c.isascii() and (
            unicodedata.normalize("NFKC", c) != c or not (c.isalpha() and unicodedata.name(c, "").startswith("LATIN")))), None)
        if odd:
            return (
                f"'{url}' heeft in de domeinnaam {shown(odd)}, een teken dat op een gewone letter "
                "kan lijken maar naar een andere site leidt; typ het adres met gewone letters"
            )
    return None


def url_scheme(url: str) -> str:
    """The scheme a browser reads: it strips leading controls and spaces and ignores tabs and newlines."""
    cleaned = _URL_NOISE.sub("", url.lstrip("".join(map(chr, range(0x21)))))
    match = _SCHEME.match(cleaned)
    return match.group(1).lower() if match else ""


def _block_message(literal: str) -> str:
    tag = _TAG.search(literal)
    name = tag.group(2).lower() if tag else ""
    if name in SCRIPT_TAGS:
        return f"de HTML-tag <{name}> {CODE}"
    start = f"<{tag.group(1)}{name}>" if name else literal.strip().split()[0][:12] if literal.strip() else "HTML"
    return (
        f"een HTML-blok (hier {start}) kan niet in een beschrijving: het breekt de indeling van de pagina; "
        "gebruik Markdown (kopjes met ##, lijstjes, **vet**)"
    )


def _inline_problems(literal: str) -> Iterator[str]:
    tag = _TAG.match(literal)
    if not tag or tag.group(1):  # a closing tag, comment or declaration: the opening tag is judged
        return
    name = tag.group(2).lower()
    if name in SCRIPT_TAGS:
        yield f"de HTML-tag <{name}> {CODE}"
        return
    dangers, others = [], []
    for attribute in _ATTRIBUTE.finditer(literal, tag.end()):
        key = html.unescape(attribute.group(1)).lower()
        value = html.unescape(attribute.group(0).partition("=")[2].strip().strip("\"'"))
        scheme = url_scheme(value) if key in URL_ATTRIBUTES else ""
        if key.startswith("on"):
            dangers.append(f"het HTML-attribuut {key}= {CODE}")
        elif scheme and scheme not in SCHEMES:
            dangers.append(f"links met {scheme}: zijn niet toegestaan; gebruik een http://- of https://-adres")
        elif key not in INLINE_ATTRIBUTES:
            others.append(f"het HTML-attribuut {key}= is niet toegestaan; alleen {', '.join(INLINE_ATTRIBUTES)} mogen")
    if dangers:
        yield from dangers
    elif name not in INLINE_TAGS:
        yield f"de HTML-tag <{name}> is niet toegestaan; {HINTS.get(name, 'gebruik Markdown; alleen eenvoudige tags als <br>, <sub> en <sup> mogen')}"
    else:
        yield from others
