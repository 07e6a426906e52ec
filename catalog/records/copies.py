"""Sites that keep copies of other people's documents (issue 28). A copy there is often blocked
on municipal networks and cannot be cited, so a source on one of these hosts names its original
(`original`): `check` refuses it otherwise, and the site shows it as "kopie van ...".
The one list of them: the check, the pages and the comparison all read it here."""

from __future__ import annotations

from urllib.parse import urlsplit

COPY_HOSTS = (
    "adoc.pub", "docplayer.nl", "fdocuments.nl", "vdocuments.net", "vdocuments.mx", "vdocuments.pub",
    "studylibnl.com", "5dok.net", "9lib.org", "yumpu.com", "pdfslide.net", "pdfslide.us", "pdfslide.tips",
)


def copy_host(url: object) -> str | None:
    """The copy site an address is on (also its subdomains, such as nl.yumpu.com), or None."""
    if not isinstance(url, str):
        return None
    host = (urlsplit(url.strip()).hostname or "").lower().rstrip(".")
    for known in COPY_HOSTS:
        if host == known or host.endswith("." + known):
            return known
    return None
