"""Catalogue of Dutch neighbourhood interventions. The subpackages follow the build: records ->
checks -> graph -> outputs -> site, with the contributor tools above; docs/architecture.json
holds the layers and tests/test_architecture.py keeps them."""
