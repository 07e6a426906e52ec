"""Catalogue of Dutch neighbourhood interventions: load, validate, link and render records."""
