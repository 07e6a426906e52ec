#!/usr/bin/env python3
"""Screenshots of the built site for the README, made with Debian's headless Chromium."""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from conftest import CHROMIUM, CHROMIUM_ARGS, serve_folder  # noqa: E402

SHOTS = {
    "catalogus.png": "catalogus/",
    "interventie.png": "interventies/kan-wel/",
}


def main() -> int:
    site = REPO / "site"
    if not (site / "index.html").is_file():
        print("Bouw eerst de site: make site", file=sys.stderr)
        return 2
    url, stop = serve_folder(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="nl-NL")
            for name, path in SHOTS.items():
                page.goto(url + path)
                page.screenshot(path=str(REPO / "screenshots" / name))
                print(f"screenshots/{name}")
            browser.close()
    finally:
        stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
