"""The site: build, the second process, the live preview, mkdocs settings and the link check."""
