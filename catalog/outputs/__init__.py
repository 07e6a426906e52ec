"""Outputs: pages, the reader's tools, open data and the search files, siblings that share page.py, text.py and scriptjson.py."""
