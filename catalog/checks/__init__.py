"""Checks: every rule over the loaded records, the untrusted text and the cmark syntax tree."""
