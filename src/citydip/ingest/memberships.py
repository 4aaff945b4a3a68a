"""A membership list → ``member_of`` claims, one source per file (``import memberships``).

Organisations are entities of the store, found by Wikidata QID, id, name or acronym
(C40 is the curated "C40 Cities Climate Leadership Group"). An organisation the store does
not know is an error naming the row, unless the caller allows new organisations: then it
becomes ``org-<slug>`` with the name (and QID) the rows give. Cities go through the place
resolver with their country (and QID), so a name lands on the right namesake; a city
nobody can place is kept as a ``name-…`` place and reported, never dropped.

The file is the claims' source (``import-memberships-<file stem>``; its title, publisher,
date and URL from the caller); a row's own source columns travel with its claim as a
reference, as in the ties table.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from citydip import vocabulary as vocab
from citydip.errors import DataError, InvalidInput
from citydip.ingest.importing import ImportBatch, file_digest, source_id_for, unresolved_row
from citydip.ingest.membership_rows import DATE, parse_memberships
from citydip.ingest.places import NameQuery, PlaceResolver
from citydip.progress import Progress
from citydip.store.database import Store
from citydip.store.models import Claim, Entity, Source
from citydip.text import fold, slugify


@dataclass(frozen=True)
class ListSource:
    """The one source for the whole file, as the caller describes it."""

    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    date: str | None = None
    kind: str = "official"

    def check(self) -> None:
        if self.kind not in vocab.SOURCE_KINDS:
            kinds = ", ".join(vocab.SOURCE_KINDS)
            raise InvalidInput(f"{self.kind!r} is not one of {kinds}", field="source_kind")
        if self.url and not self.url.startswith(("http://", "https://")):
            raise InvalidInput(f"{self.url!r} is not an http(s) URL", field="source_url")
        if self.date and not DATE.match(self.date):
            raise InvalidInput(
                f"{self.date!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", field="source_date"
            )


def memberships_batch(
    store: Store,
    path: Path,
    source: ListSource | None = None,
    new_organisations: bool = False,
    *,
    progress: Progress | None = None,
) -> ImportBatch:
    """Read, validate and resolve a membership list into a batch for ``run_import``."""
    described = source or ListSource()
    described.check()
    rows = parse_memberships(path)
    orgs = _Organisations(store, str(path), new_organisations)
    org_ids = [orgs.find(line, row) for line, row in rows]
    record = Source(
        id=source_id_for("memberships", path.name),
        title=described.title or f"Membership list {path.name}",
        kind=described.kind,
        publisher=described.publisher,
        date=described.date,
        url=described.url,
        description=f"Imported from {path.name}: {len(rows)} rows.",
    )
    resolver = PlaceResolver(store, progress=progress, context=path.name)
    queries = [
        NameQuery(row["city"], row.get("country", ""), qid=row.get("city_qid", ""))
        for _, row in rows
    ]
    matches = resolver.resolve(queries)
    claims, unresolved = [], []
    for (line, row), org_id, match in zip(rows, org_ids, matches, strict=True):
        where = f"{path.name}:{line}"
        if match.unresolved:
            unresolved.append(unresolved_row(match, where, row["organisation"]))
        qualifiers: dict[str, Any] = {}
        if match.unresolved:
            qualifiers["subject_status"] = match.status
        reference = {
            key: row[f"source_{key}"]
            for key in ("title", "url", "publisher", "date")
            if row.get(f"source_{key}")
        }
        if reference:
            qualifiers["references"] = [reference]
        if row.get("notes"):
            qualifiers["note"] = row["notes"]
        claims.append(
            Claim(
                subject=match.entity_id,
                predicate="member_of",
                object=org_id,
                source_id=record.id,
                start=row.get("since") or None,
                end=row.get("until") or None,
                role=row["role"],
                qualifiers=qualifiers,
                locator=f"{where} ({match.written} – {row['organisation']})",
                method="imported",
            )
        )
    return ImportBatch(
        record,
        claims,
        orgs.new_entities() + resolver.entities(),
        resolver.names(),
        unresolved,
        file_digest(path),
        str(path),
        resolver.wikidata_ids(),
    )


class _Organisations:
    """Organisation names and QIDs → entity ids, each looked up once."""

    def __init__(self, store: Store, path: str, allow_new: bool) -> None:
        self.store, self.path, self.allow_new = store, path, allow_new
        self.by_qid = {
            str(qid): eid
            for qid, eid in store.entity_ids_by("wikidata_id").items()
            if eid in self._organisation_ids()
        }
        self.found: dict[tuple[str, str], str] = {}
        self.new: dict[str, Entity] = {}

    def _organisation_ids(self) -> set[str]:
        if not hasattr(self, "_org_ids"):
            rows = self.store.conn.execute("SELECT id FROM entities WHERE type = 'organization'")
            self._org_ids = {str(r[0]) for r in rows}
        return self._org_ids

    def find(self, line: int, row: dict[str, str]) -> str:
        name, qid = row["organisation"], row.get("organisation_qid", "")
        key = (name, qid)
        if key not in self.found:
            self.found[key] = self._lookup(line, name, qid)
        return self.found[key]

    def _lookup(self, line: int, name: str, qid: str) -> str:
        written_qid = name if name[:1] == "Q" and name[1:].isdigit() else ""
        for candidate in (qid, written_qid):
            if candidate and candidate in self.by_qid:
                return self.by_qid[candidate]
        if not written_qid:
            if name in self._organisation_ids():
                return name
            ids = sorted(set(self.store.ids_by_folded_name(fold(name), type="organization")))
            if len(ids) == 1:
                return ids[0]
            if len(ids) > 1:
                raise DataError(
                    self.path,
                    line,
                    "organisation",
                    f"{name!r} names several organisations ({', '.join(ids)}): give its id or QID",
                )
        if not self.allow_new:
            raise DataError(self.path, line, "organisation", self._unknown(name))
        if written_qid:
            problem = f"{name!r}: no organisation has this QID; give its name to create it"
            raise DataError(self.path, line, "organisation", problem)
        holder = self.store.entity_ids_by("wikidata_id").get(qid) if qid else None
        if holder is not None:
            problem = f"{qid} is held by {holder!r}, which is not an organisation"
            raise DataError(self.path, line, "organisation_qid", problem)
        entity_id = f"org-{slugify(name)}"
        if entity_id not in self.new and self.store.entity(entity_id) is None:
            self.new[entity_id] = Entity(
                id=entity_id,
                type="organization",
                name=name,
                wikidata_id=qid or None,
                description=f"organisation first named in {Path(self.path).name}",
            )
        return entity_id

    def _unknown(self, name: str) -> str:
        from citydip.knowledge.lookup import suggest

        hints = suggest(self.store, name, type="organization")
        hint = f" (did you mean {', '.join(hints)}?)" if hints else ""
        return f"unknown organisation {name!r}{hint}; allow new organisations to create it"

    def new_entities(self) -> list[Entity]:
        return list(self.new.values())
