"""Names → entities in the store: case-, accent- and script-insensitive, with suggestions."""

from __future__ import annotations

from citydip.errors import Ambiguous, NotFound
from citydip.store.database import Store
from citydip.store.models import Entity
from citydip.text import check_name_length, fold, fold_variants


def find_entity(store: Store, name: str, type: str | None = "place") -> Entity:
    """The one entity called ``name`` (or with that id); NotFound says what was meant."""
    check_name_length(name)
    if (by_id := store.entity(name)) is not None and (type is None or by_id.type == type):
        return by_id
    for key in fold_variants(name):
        ids = store.ids_by_folded_name(key, type=type)
        if len(ids) == 1:
            entity = store.entity(ids[0])
            assert entity is not None
            return entity
        if len(ids) > 1:
            return _most_documented(store, name, ids)
    label = "city" if type == "place" else (type or "entity")
    suggestions = suggest(store, name, type)
    hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
    raise NotFound(f"no {label} named {name!r}{hint}", suggestions)


def find_city(store: Store, name: str) -> Entity:
    """The place called ``name``."""
    return find_entity(store, name, type="place")


def _most_documented(store: Store, name: str, ids: list[str]) -> Entity:
    """Among places sharing a name, the one the store says most about, if it stands out."""
    counts = sorted(((len(store.claims(involving=i)), i) for i in ids), reverse=True)
    if counts[0][0] > 0 and (len(counts) == 1 or counts[0][0] > counts[1][0]):
        entity = store.entity(counts[0][1])
        assert entity is not None
        return entity
    labels = [f"{e.name} ({e.country or '?'}, id {e.id})" for e in store.entities(ids=ids)]
    raise Ambiguous(f"{name!r} names several places: {'; '.join(labels)}; pass an id", ids)


def suggest(store: Store, name: str, type: str | None = "place", limit: int = 3) -> list[str]:
    """The closest known names, best first, by fuzzy similarity of folded names."""
    from rapidfuzz import fuzz, process

    names = store.all_names(type=type)
    if not names:
        return []
    folded = {fold(n): n for n, _ in names}
    matches = process.extract(fold(name), list(folded), scorer=fuzz.WRatio, limit=limit * 3)
    out: list[str] = []
    for key, score, _ in matches:
        display = _display_name(store, names, folded[key])
        if score >= 60 and display not in out:
            out.append(display)
    return out[:limit]


def _display_name(store: Store, names: list[tuple[str, str]], name: str) -> str:
    """The entity's main name for one of its names (suggest 'Taipei', not 'Taibei Shi')."""
    entity_id = next(i for n, i in names if n == name)
    entity = store.entity(entity_id)
    return entity.name if entity else name
