"""Names → entities in the store: case-, accent- and script-insensitive, with suggestions."""

from __future__ import annotations

from citydip.errors import Ambiguous, CitydipError, NotFound
from citydip.store.database import Store
from citydip.store.models import Entity
from citydip.text import check_name_length, fold, fold_variants

# How alike (rapidfuzz's ratio, 0-100) a known name must be to be suggested: "Tiapei" is
# 83 from "Taipei"; unrelated names ("Zorblaxville", "Los Angeles") score far lower.
SUGGEST_MIN_SCORE = 75


def find_entity(store: Store, name: str, type: str | None = "place") -> Entity:
    """The one entity called ``name`` (or with that id); NotFound says what was meant; an
    empty name is bad input (InvalidInput), not a name that was not found."""
    check_name_length(name)
    if not name.strip():
        from citydip.errors import InvalidInput

        raise InvalidInput("give a name; an empty one names nothing", field="name")
    if (by_id := store.entity(name)) is not None and (type is None or by_id.type == type):
        return by_id
    ids = named(store, name, type)
    if len(ids) == 1:
        entity = store.entity(ids[0])
        assert entity is not None
        return entity
    if len(ids) > 1:
        return _most_documented(store, name, ids)
    if type == "place" and (found := _by_gazetteer(store, name)) is not None:
        return found
    label = "city" if type == "place" else (type or "entity")
    suggestions = suggest(store, name, type)
    hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
    raise NotFound(f"no {label} named {name!r}{hint}", suggestions)


def named(store: Store, name: str, type: str | None = "place") -> list[str]:
    """Ids of every entity known by ``name`` in any of its spellings ("St. Petersburg" is
    also "Saint Petersburg"), in the order found."""
    ids: list[str] = []
    for key in fold_variants(name):
        ids.extend(i for i in store.ids_by_folded_name(key, type=type) if i not in ids)
    return ids


def namesakes(store: Store, entity: Entity, name: str) -> list[tuple[Entity, int]]:
    """The other places ``name`` names that have ties, with their tie counts, most first:
    what the user may have meant instead."""
    others = [i for i in named(store, name) if i != entity.id]
    if not others:
        return []
    counts = dict(_partner_counts(store, others))
    found = [(e, int(counts.get(e.id, 0))) for e in store.entities(ids=others)]
    return sorted(
        ((e, n) for e, n in found if n > 0), key=lambda item: (-item[1], item[0].name, item[0].id)
    )


def _partner_counts(store: Store, ids: list[str]) -> list[tuple[str, int]]:
    """(entity id, distinct partners it is tied to) for these ids."""
    marks = ",".join("?" for _ in ids)
    rows = store.conn.execute(
        f"SELECT e, COUNT(DISTINCT p) FROM (SELECT subject AS e, object AS p FROM claims "
        f"WHERE predicate = 'twinned_with' AND subject IN ({marks}) UNION ALL "
        f"SELECT object, subject FROM claims WHERE predicate = 'twinned_with' "
        f"AND object IN ({marks})) GROUP BY e",
        [*ids, *ids],
    )
    return [(str(e), int(n)) for e, n in rows]


def _by_gazetteer(store: Store, name: str) -> Entity | None:
    """A place the store knows under another name: the gazetteer's alias index resolves the
    name (an exonym, a former name, another script: Kiev, Bombay, 大阪) to a GeoNames place
    that a store entity holds."""
    from citydip.gazetteer import resolve

    try:
        result = resolve(name)
    except CitydipError:  # no gazetteer index here: no answer, not a failure
        return None
    if result.status != "resolved" or result.place is None or not result.place.geonames_id:
        return None
    row = store.conn.execute(
        "SELECT id FROM entities WHERE geonames_id = ? AND type = 'place' "
        "ORDER BY level = 'city' DESC, id LIMIT 1",
        (result.place.geonames_id,),
    ).fetchone()
    return store.entity(str(row[0])) if row else None


def find_city(store: Store, name: str) -> Entity:
    """The place called ``name``."""
    return find_entity(store, name, type="place")


def _most_documented(store: Store, name: str, ids: list[str]) -> Entity:
    """Among places sharing a name, the one the store says most about, if it stands out."""
    partners = dict(_partner_counts(store, ids))
    counts = sorted(((partners.get(i, 0), i) for i in ids), reverse=True)
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
    matches = process.extract(fold(name), list(folded), scorer=fuzz.ratio, limit=limit * 3)
    out: list[str] = []
    for key, score, _ in matches:
        display = _display_name(store, names, folded[key])
        if score >= SUGGEST_MIN_SCORE and display not in out:
            out.append(display)
    return out[:limit]


def _display_name(store: Store, names: list[tuple[str, str]], name: str) -> str:
    """The entity's main name for one of its names (suggest 'Taipei', not 'Taibei Shi')."""
    entity_id = next(i for n, i in names if n == name)
    entity = store.entity(entity_id)
    return entity.name if entity else name
