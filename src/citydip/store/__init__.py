"""Persistence: entities, names, sources and claims in one SQLite file. No business logic."""

from citydip.store.database import Store, open_store
from citydip.store.models import Claim, Entity, Source

__all__ = ["Claim", "Entity", "Source", "Store", "open_store"]
