"""Find HTML in contributed text that could run script; the renderer also sanitises with nh3."""

from __future__ import annotations

import html
import re
from typing import Iterator

_DANGEROUS_TAGS = "script|iframe|frame|frameset|object|embed|applet|base|meta"
_RULES = (
    (re.compile(rf"<\s*({_DANGEROUS_TAGS})\b", re.I), "de HTML-tag <{0}> is niet toegestaan (kan code uitvoeren)"),
    (re.compile(r"<[a-z][^>]*?[\s/\"'](on[a-z]+)\s*=", re.I | re.S), "het HTML-attribuut {0}= is niet toegestaan (kan code uitvoeren)"),
    (
        re.compile(
            r"(?:\]\(\s*<?|(?:href|src|action|formaction|poster|xlink:href)\s*=\s*[\"']?|^\s*\[[^\]\n]*\]:\s*<?|<)"
            r"\s*(javascript|vbscript|data)\s*:",
            re.I | re.M,
        ),
        "links met {0}: zijn niet toegestaan; gebruik een http://- of https://-adres",
    ),
)
_INVISIBLE = re.compile(r"[\t\n\r\x00]")


def unsafe_html(text: str) -> Iterator[tuple[int, str]]:
    """(line offset, message) for each piece of text that could run script in a browser."""
    if "<" not in text and ":" not in text and "&" not in text:
        return  # nothing that could be a tag, an attribute or a scheme
    seen: set[tuple[int, str]] = set()
    variants = (text, html.unescape(text)) if "&" in text else (text,)
    for variant in variants:
        for pattern, message in _RULES:
            for match in pattern.finditer(variant):
                found = (variant.count("\n", 0, match.start()), message.format(match.group(1).lower()))
                if found not in seen:
                    seen.add(found)
                    yield found
    # Browsers ignore tabs and newlines inside a scheme: "java\nscript:" still runs.
    squeezed = _INVISIBLE.sub("", html.unescape(text))
    if not seen and re.search(r"(?:\]\(|=\s*[\"']?)\s*(javascript|vbscript):", squeezed, re.I):
        yield 0, "links met javascript: zijn niet toegestaan; gebruik een http://- of https://-adres"
