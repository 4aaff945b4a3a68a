"""District merging, in one place: a place with a parent place (a district, a borough, a
ward) counts as its top-most parent, however many levels down it sits. ``city
--merge-districts``, ``cities --merge-districts`` and the network's ``--merge-districts``
all fold districts through ``top_parents`` and ``descendants`` (docs/identity.md)."""

from __future__ import annotations

from collections.abc import Mapping

from citydip.store.database import Store


def top_parents(parent_of: Mapping[str, str]) -> dict[str, str]:
    """Each place with a parent place → its top-most parent place (a loop in the parents
    stops where it closes). ``parent_of`` maps a place to its parent place."""
    out = {}
    for child in parent_of:
        node, seen = child, {child}
        while (parent := parent_of.get(node)) is not None and parent not in seen:
            node = parent
            seen.add(node)
        out[child] = node
    return out


def place_parents(store: Store) -> dict[str, str]:
    """Every place whose parent is a place → that parent."""
    rows = store.conn.execute(
        "SELECT c.id, c.parent FROM entities c JOIN entities p ON p.id = c.parent "
        "WHERE c.type = 'place' AND p.type = 'place' AND c.id != c.parent"
    )
    return {str(child): str(parent) for child, parent in rows}


def descendants(store: Store, place_id: str) -> list[str]:
    """The places below ``place_id`` at every level (its districts, theirs…), nearest first."""
    found: list[str] = []
    seen = {place_id}
    level = [place_id]
    while level:
        below = [c for p in level for c in store.children(p) if c not in seen]
        seen.update(below)
        found += below
        level = below
    return found
