"""The graph: which interventions use which werkzame elementen, and what is related."""
