"""Record bodies through cmark-gfm, GitHub's renderer: one parse gives both the syntax tree that
`check` inspects and the HTML the site shows, so the two never disagree about what a text means.

cmarkgfm's Python API renders but does not expose the tree; its library does export cmark's
node functions, so they are declared here (cffi, ABI mode) on the same shared object.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import cffi
from cmarkgfm import _cmark
from cmarkgfm.cmark import Options

_ffi = cffi.FFI()
_ffi.cdef("""
typedef struct cmark_node cmark_node;
typedef struct cmark_parser cmark_parser;
typedef struct cmark_syntax_extension cmark_syntax_extension;
typedef struct cmark_llist cmark_llist;
void cmark_gfm_core_extensions_ensure_registered(void);
cmark_syntax_extension *cmark_find_syntax_extension(const char *name);
cmark_parser *cmark_parser_new(int options);
int cmark_parser_attach_syntax_extension(cmark_parser *parser, cmark_syntax_extension *extension);
void cmark_parser_feed(cmark_parser *parser, const char *buffer, size_t len);
cmark_node *cmark_parser_finish(cmark_parser *parser);
void cmark_parser_free(cmark_parser *parser);
cmark_llist *cmark_parser_get_syntax_extensions(cmark_parser *parser);
char *cmark_render_html(cmark_node *root, int options, cmark_llist *extensions);
cmark_node *cmark_node_first_child(cmark_node *node);
cmark_node *cmark_node_next(cmark_node *node);
const char *cmark_node_get_type_string(cmark_node *node);
int cmark_node_get_heading_level(cmark_node *node);
const char *cmark_node_get_literal(cmark_node *node);
const char *cmark_node_get_url(cmark_node *node);
int cmark_node_get_start_line(cmark_node *node);
void cmark_node_free(cmark_node *node);
void free(void *ptr);
""")
_lib = _ffi.dlopen(_cmark.__file__)
_libc = _ffi.dlopen(None)

# As cmarkgfm.github_flavored_markdown_to_html: what GitHub shows in a pull request. Raw HTML is
# passed on (UNSAFE) so that nh3 decides, in one place, what stays.
EXTENSIONS = (b"table", b"autolink", b"tagfilter", b"strikethrough", b"tasklist")
OPTIONS = Options.CMARK_OPT_GITHUB_PRE_LANG | Options.CMARK_OPT_UNSAFE
_CONTAINERS = {"list", "item", "block_quote", "table", "table_row", "table_cell"}  # blocks holding blocks


@dataclass
class Heading:
    level: int
    line: int  # in the body, counted from 1
    nested_in: str  # "" at the top level, else the container's type (list item, quote, ...)
    html: str  # the heading's own HTML, e.g. <h2>Doel</h2>


@dataclass
class Block:
    """A top-level block of a body, rendered on its own."""

    heading: Heading | None  # set when the block is a heading
    html: str


@dataclass
class Document:
    blocks: list[Block] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)  # at every depth, in order
    html: list[tuple[int, bool, str]] = field(default_factory=list)  # (line, is a block, raw HTML) of html nodes
    urls: list[tuple[int, str]] = field(default_factory=list)  # (line, destination) of links and images
    deepest: tuple[int, int] = (0, 0)  # (nesting of lists and quotes, line where it is reached)


@cache
def _extensions() -> tuple:
    _lib.cmark_gfm_core_extensions_ensure_registered()
    return tuple(_lib.cmark_find_syntax_extension(name) for name in EXTENSIONS)


def _text(pointer) -> str:
    return _ffi.string(pointer).decode("utf-8", "replace") if pointer != _ffi.NULL else ""


@cache  # check and render both need it; a body is parsed once per process
def parse_body(body: str) -> Document:
    return parse(body)


def parse(body: str) -> Document:
    """The body's top-level blocks as HTML, and every heading, raw HTML piece and link target."""
    parser = _lib.cmark_parser_new(OPTIONS)
    try:
        for extension in _extensions():
            _lib.cmark_parser_attach_syntax_extension(parser, extension)
        encoded = body.encode("utf-8")
        _lib.cmark_parser_feed(parser, encoded, len(encoded))
        root = _lib.cmark_parser_finish(parser)
        try:
            return _document(root, _lib.cmark_parser_get_syntax_extensions(parser))
        finally:
            _lib.cmark_node_free(root)
    finally:
        _lib.cmark_parser_free(parser)


def _document(root, extensions) -> Document:
    document = Document()
    node = _lib.cmark_node_first_child(root)
    while node != _ffi.NULL:
        heading = None
        kind = _text(_lib.cmark_node_get_type_string(node))
        html = _render(node, extensions)
        if kind == "heading":
            heading = Heading(_lib.cmark_node_get_heading_level(node), _lib.cmark_node_get_start_line(node), "", html)
        document.blocks.append(Block(heading, html))
        _walk(node, kind, "", document, extensions)
        node = _lib.cmark_node_next(node)
    return document


def _walk(node, kind: str, container: str, document: Document, extensions) -> None:
    """Collect headings, raw HTML and link targets below one node (iteratively: no recursion
    limit, whatever the nesting of lists and quotes)."""
    stack = [(node, kind, container, 0)]
    while stack:
        node, kind, container, depth = stack.pop()
        line = _lib.cmark_node_get_start_line(node)
        if kind in ("block_quote", "item"):
            depth += 1
            if depth > document.deepest[0]:
                document.deepest = (depth, line)
        if kind == "heading":
            if container:
                document.headings.append(
                    Heading(_lib.cmark_node_get_heading_level(node), line, container, _render(node, extensions))
                )
            else:
                document.headings.append(document.blocks[-1].heading)
        elif kind in ("html_block", "html_inline"):
            document.html.append((line, kind == "html_block", _text(_lib.cmark_node_get_literal(node))))
        elif kind in ("link", "image"):
            document.urls.append((line, _text(_lib.cmark_node_get_url(node))))
        inner = container or (kind if kind in _CONTAINERS else "")
        children = []
        child = _lib.cmark_node_first_child(node)
        while child != _ffi.NULL:
            children.append((child, _text(_lib.cmark_node_get_type_string(child)), inner, depth))
            child = _lib.cmark_node_next(child)
        stack.extend(reversed(children))


def _render(node, extensions) -> str:
    pointer = _lib.cmark_render_html(node, OPTIONS, extensions)
    try:
        return _ffi.string(pointer).decode("utf-8")
    finally:
        _libc.free(pointer)
