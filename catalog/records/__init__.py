"""Records: the schema, front matter, loading, slugs, problems, facets, synonyms and word forms."""
