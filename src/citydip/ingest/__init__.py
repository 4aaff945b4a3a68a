"""Readers that turn each kind of source into entities, sources and claims; no analysis."""
