"""Contributor tools: the field reference, a new record from the template, the overlap check."""
