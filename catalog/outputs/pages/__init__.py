"""The Markdown pages for mkdocs, from templates."""
