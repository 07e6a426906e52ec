"""JSON inside a <script> element: the one way the site writes it (JSON-LD and data scripts).

json.dumps leaves `<`, `>` and `&` as they are, so contributor text such as `<!--<script>` or
`</script>` would change how the browser reads the rest of the page; U+2028 and U+2029 end a
line in older JavaScript. Each becomes a \\uXXXX escape, which JSON and JavaScript read back as
the same character.
"""

from __future__ import annotations

import json
from typing import Any

_UNSAFE = {ord(c): f"\\u{ord(c):04x}" for c in "<>&\u2028\u2029"}


def script_json(value: Any, *, indent: int | None = None, separators: tuple[str, str] | None = None) -> str:
    """`value` as JSON that cannot end or change the script element it stands in."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, indent=indent, separators=separators).translate(_UNSAFE)


def script_string(text: str) -> str:
    """`text` as a JavaScript string literal, safe inside a script element."""
    return json.dumps(text, ensure_ascii=False).translate(_UNSAFE)
