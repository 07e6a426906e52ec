"""The one slug function of the catalogue: file names, URLs and heading anchors all use it."""

import re
import unicodedata

from markdown.extensions.toc import slugify as _toc_slugify

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
SLUG_RE = re.compile(SLUG_PATTERN)
# Every folder of records or terms has a generated overview page, index.md: no record or term
# may take that name.
RESERVED_SLUGS = frozenset({"index"})
# A slug is a file or folder name (kan-wel.md, kan-wel/index.html, kan-wel.html in the zip):
# 100 characters stay far under every file system's 255 bytes per name, and under Windows'
# 260 characters for a whole path when the zip is unpacked in a user's Downloads folder.
MAX_SLUG = 100
_SEPARATORS = re.compile(r"[-_]+")


def slugify(text: str) -> str:
    """ASCII-fold a title: 'Kan wél!' -> 'kan-wel' (as the site's heading anchors, except that
    '_' becomes '-' too, so every slug is a valid file name)."""
    return _SEPARATORS.sub("-", _toc_slugify(text, "-")).strip("-")


def short_slug(slug: str) -> str:
    """A slug of at most MAX_SLUG characters, cut at a '-' where it can be."""
    if len(slug) <= MAX_SLUG:
        return slug
    cut = slug.rfind("-", 0, MAX_SLUG + 1)
    return slug[:cut] if cut > 0 else slug[:MAX_SLUG]


_ACCENTS = re.compile("[\u0300-\u036f]")  # the combining marks the catalogue page strips too


def strip_accents(text: str) -> str:
    """'wél' -> 'wel': compatibility-decompose, then drop the accents (as the page's fold() does)."""
    if text.isascii():
        return text
    return _ACCENTS.sub("", unicodedata.normalize("NFKD", text))


def fold(text: str) -> str:
    """Compare titles without case or accents: 'Kan Wél!' and 'kan wel!' fold alike."""
    return " ".join(strip_accents(text.casefold()).split())
