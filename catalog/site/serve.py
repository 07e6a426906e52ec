"""`serve`: mkdocs' live-reload server over the preview (preview.py), watching the records, the
taxonomy, the templates, the assets and the theme; each change runs one round of the preview."""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
from pathlib import Path

from catalog.site.build import ASSETS, GENERATED, Progress
from catalog.site.ports import NoFreePort, free_port
from catalog.site.preview import OVERRIDES, TEMPLATES, Preview
from catalog.site.settings import MKDOCS_YML


class _QuietDirty(logging.Filter):
    """mkdocs warns on every dirty build that navigation may be off; the preview's navigation
    holds only overview pages, which are built again whenever they change."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()


def serve(root: Path, address: str) -> int:
    """Build once, serve on `address`, and run a round whenever a watched file changes."""
    from mkdocs.livereload import LiveReloadServer, _serve_url

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    logging.getLogger("mkdocs.commands.build").addFilter(_QuietDirty())
    host, _, asked = address.rpartition(":")
    try:
        port = free_port(host, int(asked))
    except NoFreePort as exc:
        print(f"build_catalog.py: fout: {exc}", file=sys.stderr)
        return 2
    progress = Progress()
    if port != int(asked):
        progress(f"poort {asked} is bezet (door een ander programma); het voorbeeld gebruikt poort {port}")
    site_dir = Path(tempfile.mkdtemp(prefix="catalogus-voorbeeld-"))
    docs = root / GENERATED
    preview = Preview(root, docs, site_dir, progress)
    preview.serve_url = _serve_url(host, int(port), "/")
    shutil.rmtree(preview.signal, ignore_errors=True)
    try:
        shutil.rmtree(docs, ignore_errors=True)
        if not preview.update(first=True):
            return 1
        server = LiveReloadServer(builder=preview.update, host=host, port=int(port), root=str(site_dir), polling_interval=0.25)

        def not_found(code: int) -> bytes | None:
            page = site_dir / "404.html"
            return page.read_bytes() if code == 404 and page.is_file() else None

        server.error_handler = not_found
        for folder in (root / "interventions", root / "elements", ASSETS, TEMPLATES, OVERRIDES):
            if folder.is_dir():
                server.watch(str(folder))
        server.watch(str(root), recursive=False)  # taxonomy.yml and the other files at the top
        server.watch(str(MKDOCS_YML))
        preview.signal.mkdir(parents=True, exist_ok=True)
        server.watch(str(preview.signal))
        progress(f"voorbeeld op {preview.serve_url} (stoppen: Ctrl+C)")
        try:
            server.serve()
        except KeyboardInterrupt:  # Ctrl+C; SIGTERM and SIGHUP end in SystemExit (build_catalog.py)
            pass
        except OSError:  # another program took the port during the first build
            print(f"build_catalog.py: fout: poort {port} is net bezet geraakt; start het voorbeeld opnieuw", file=sys.stderr)
            return 2
        finally:
            server.shutdown()
    finally:
        preview.close()
        shutil.rmtree(site_dir, ignore_errors=True)
    return 0
