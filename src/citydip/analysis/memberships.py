"""What the store records of memberships: its organisations, and where members come from.

A membership list is the source of ``member_of`` (or ``signed``) claims that names every
member of one organisation as of a date: the lists shipped with the world dataset (named in
the store's meta key ``membership_lists`` by ``ingest.networks``) and the lists users import
(``import-memberships-…``). Every other membership comes from the curated cities' own
records, so for most networks only the curated cities' memberships are known: the coverage
line says so.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from citydip.store.database import Store
from citydip.text import fold

LISTS_META = "membership_lists"
IMPORTED_PREFIX = "import-memberships-"
WIKIDATA_MEMBERS = "import-wikidata-p463"  # ingest.wikidata_members.MEMBERS_SOURCE_ID


@dataclass(frozen=True)
class MembershipList:
    """One list of an organisation's members: its source, label and date."""

    source: str
    organization: str
    label: str
    date: str | None
    predicate: str = "member_of"

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "organization": self.organization,
            "label": self.label,
            "date": self.date,
            "predicate": self.predicate,
        }


@dataclass
class Coverage:
    """Where the store's memberships come from, as one line and as records."""

    lists: list[MembershipList]
    curated: bool
    line: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "lists": [m.to_dict() for m in self.lists],
            "curated": self.curated,
        }


def membership_lists(store: Store) -> list[MembershipList]:
    """The shipped lists (store meta) and the imported ones, oldest date first."""
    out = [MembershipList(**item) for item in json.loads(store.get_meta(LISTS_META) or "[]")]
    rows = store.conn.execute(
        "SELECT s.id, s.title, s.date, MIN(c.object) FROM sources s JOIN claims c "
        "ON c.source_id = s.id WHERE s.id LIKE ? AND c.predicate = 'member_of' "
        "AND c.review = 'accepted' GROUP BY s.id ORDER BY s.id",
        (IMPORTED_PREFIX + "%",),
    )
    out += [MembershipList(str(r[0]), str(r[3]), str(r[1]), r[2]) for r in rows]
    return sorted(out, key=lambda m: (m.date or "", m.label))


def coverage(store: Store) -> Coverage:
    """The coverage line: "memberships recorded from: C40 list (2024-11-06), …"."""
    lists = [m for m in membership_lists(store) if m.predicate == "member_of"]
    curated = (
        store.conn.execute(
            "SELECT 1 FROM claims WHERE predicate = 'member_of' AND method = 'curated' "
            "AND review = 'accepted' LIMIT 1"
        ).fetchone()
        is not None
    )
    parts = [f"{m.label} ({m.date})" if m.date else m.label for m in lists]
    wikidata = store.conn.execute(
        "SELECT s.date FROM sources s WHERE s.id = ? AND EXISTS (SELECT 1 FROM claims c "
        "WHERE c.source_id = s.id AND c.predicate = 'member_of' AND c.review = 'accepted')",
        (WIKIDATA_MEMBERS,),
    ).fetchone()
    if wikidata is not None:
        parts.append(f"Wikidata P463 ({wikidata[0]})" if wikidata[0] else "Wikidata P463")
    if curated:
        parts.append("curated cities")
    if not parts:
        return Coverage(lists, curated, "no memberships recorded in this store")
    line = "memberships recorded from: " + ", ".join(parts)
    if curated:
        line += "; other networks' members are recorded only for curated cities"
    return Coverage(lists, curated, line)


@dataclass
class OrganizationCount:
    """One organisation and how many places the store records as its members."""

    id: str
    name: str
    acronym: str | None
    wikidata_id: str | None
    members: int
    signatories: int
    lists: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "acronym": self.acronym,
            "wikidata_id": self.wikidata_id,
            "members": self.members,
            "signatories": self.signatories,
            "lists": self.lists,
        }


@dataclass
class OrganizationList:
    """Every organisation (matching a query) with its member counts, and the coverage."""

    organizations: list[OrganizationCount]
    coverage: Coverage

    def __iter__(self) -> Any:
        return iter(self.organizations)

    def to_dict(self) -> dict[str, Any]:
        return {
            "organizations": [o.to_dict() for o in self.organizations],
            "coverage": self.coverage.to_dict(),
        }


def list_organizations(store: Store, query: str | None = None) -> OrganizationList:
    """Organisations with their distinct members (accepted ``member_of``), most first; the
    signatories of their declarations (``signed`` a document whose parent they are) apart."""
    members = dict(
        store.conn.execute(
            "SELECT object, COUNT(DISTINCT subject) FROM claims WHERE predicate = 'member_of' "
            "AND review = 'accepted' AND object IS NOT NULL GROUP BY object"
        ).fetchall()
    )
    signed = dict(
        store.conn.execute(
            "SELECT d.parent, COUNT(DISTINCT c.subject) FROM claims c JOIN entities d "
            "ON d.id = c.object WHERE c.predicate = 'signed' AND c.review = 'accepted' "
            "AND d.parent IS NOT NULL GROUP BY d.parent"
        ).fetchall()
    )
    lists = membership_lists(store)
    key = fold(query) if query else ""
    out = []
    for org in store.entities(type="organization"):
        if key and key not in fold(org.name) and key not in fold(org.acronym or ""):
            continue
        out.append(
            OrganizationCount(
                org.id,
                org.name,
                org.acronym,
                org.wikidata_id,
                int(members.get(org.id, 0)),
                int(signed.get(org.id, 0)),
                [
                    f"{m.label} ({m.date})" if m.date else m.label
                    for m in lists
                    if m.organization in (org.id,) or _parent_is(store, m.organization, org.id)
                ],
            )
        )
    out.sort(key=lambda o: (-o.members, -o.signatories, fold(o.name)))
    return OrganizationList(out, coverage(store))


def _parent_is(store: Store, entity_id: str, parent: str) -> bool:
    entity = store.entity(entity_id)
    return entity is not None and entity.parent == parent
