"""Analysis: pure functions over reconciled facts (profiles, comparison, typology, networks)."""
