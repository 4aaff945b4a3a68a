"""The shared import runner: one transaction per file, snapshots, and the summary.

Every importer parses and validates its whole input first (a bad file never touches the
store), then hands an :class:`ImportBatch` to :func:`run_import`, which in one transaction

- records the source (one per file or response; its id comes from the file name),
- inserts the entities that are new (never replacing one already there),
- inserts the claims that are new (a claim's fingerprint makes re-imports add nothing),
- withdraws the claims of an earlier snapshot of the same source that this one no longer
  has (review ``rejected``, listed in the snapshot record), and restores withdrawn claims
  that came back,
- keeps a snapshot record under meta key ``import:<source id>``.

Any failure rolls everything back: the store is exactly as it was.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from citydip.errors import ImportFailed
from citydip.ingest.places import Match
from citydip.store.database import Store, claim_fingerprint
from citydip.store.models import Claim, Entity, JsonObject, Source

SNAPSHOT_PREFIX = "import:"
KEEP_SNAPSHOTS = 20


@dataclass
class ImportBatch:
    """Everything one file or response says, parsed and validated, ready to store."""

    source: Source
    claims: list[Claim]
    entities: list[Entity] = field(default_factory=list)
    names: list[tuple[str, str, str]] = field(default_factory=list)  # (entity, name, why)
    unresolved: list[dict[str, Any]] = field(default_factory=list)
    digest: str = ""
    label: str = ""
    wikidata_ids: list[tuple[str, str]] = field(default_factory=list)  # (entity id, QID)
    # further QIDs of one place: (entity id, QID, evidence), docs/identity.md
    place_qids: list[tuple[str, str, str]] = field(default_factory=list)


@dataclass
class ImportSummary:
    """What an import did; ``to_dict`` is the ``--format json`` output."""

    source: str
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    unresolved: int = 0
    conflicts: int = 0
    withdrawn: list[JsonObject] = field(default_factory=list)
    unresolved_names: list[JsonObject] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "unresolved": self.unresolved,
            "conflicts": self.conflicts,
            "source": self.source,
            "withdrawn": self.withdrawn,
            "unresolved_names": self.unresolved_names,
        }


def file_digest(path: Path) -> str:
    from citydip.files import read_input

    return hashlib.sha1(read_input(path)).hexdigest()


def source_id_for(kind: str, path_or_url: str) -> str:
    """``import-<kind>-<stem>``: the same file name is the same source, a newer snapshot."""
    from citydip.text import slugify

    stem = Path(path_or_url.rstrip("/").split("?")[0]).stem or "response"
    return f"import-{kind}-{slugify(stem)}"


def unresolved_row(match: Match, where: str, other: str = "") -> dict[str, Any]:
    """The report line for a name that did not resolve: kept as a claim, and listed."""
    return {
        "name": match.written,
        "status": match.status,
        "reason": match.reason,
        "entity": match.entity_id,
        "where": where,
        "other": other,
    }


def run_import(store: Store, batch: ImportBatch, count_conflicts: bool = True) -> ImportSummary:
    """Store a batch in one transaction; see the module docstring for what happens."""
    summary = ImportSummary(batch.source.id)
    claims = _distinct(batch.claims)
    try:
        with store.transaction():
            store.add_source(batch.source)
            store.add_missing_entities(batch.entities)
            store.set_wikidata_ids(batch.wikidata_ids)
            store.add_place_qids(batch.place_qids)
            store.add_name_evidence(batch.names)
            before = store.claim_states(batch.source.id)
            fresh = [c for fp, c in claims.items() if fp not in before]
            store.add_claims(fresh)
            restored = [
                before[fp][0] for fp in claims if fp in before and before[fp][1] != "accepted"
            ]
            gone = {fp: v for fp, v in before.items() if fp not in claims and v[1] == "accepted"}
            store.set_review(restored, "accepted")
            store.set_review([cid for cid, _ in gone.values()], "rejected")
            summary.added = len(fresh)
            summary.unchanged = len(claims) - len(fresh) - len(restored)
            summary.updated = len(restored) + len(gone)
            summary.withdrawn = _describe(store, [cid for cid, _ in gone.values()])
            summary.unresolved = len(batch.unresolved)
            summary.unresolved_names = batch.unresolved
            _record_snapshot(store, batch, summary, len(restored))
    except sqlite3.Error as exc:
        raise ImportFailed(
            f"{batch.label or batch.source.id}: import rolled back, the store is unchanged ({exc})"
        ) from exc
    if count_conflicts:
        from citydip.knowledge.conflicts import conflicts_citing

        summary.conflicts = conflicts_citing(store, batch.source.id)
    return summary


def _distinct(claims: list[Claim]) -> dict[str, Claim]:
    out: dict[str, Claim] = {}
    for claim in claims:
        out.setdefault(claim_fingerprint(claim), claim)
    return out


def _describe(store: Store, claim_ids: list[int]) -> list[dict[str, Any]]:
    if not claim_ids:
        return []
    rows = store.conn.execute(
        "SELECT id, subject, object, kind FROM claims WHERE id IN "
        f"({', '.join('?' for _ in claim_ids)}) ORDER BY id",
        claim_ids,
    )
    return [{"claim": r[0], "subject": r[1], "object": r[2], "kind": r[3]} for r in rows]


def _record_snapshot(
    store: Store, batch: ImportBatch, summary: ImportSummary, restored: int
) -> None:
    key = SNAPSHOT_PREFIX + batch.source.id
    record = json.loads(store.get_meta(key) or '{"snapshots": []}')
    record["snapshots"].append(
        {
            "at": datetime.now(UTC).isoformat(timespec="seconds"),
            "input": batch.label,
            "digest": batch.digest,
            "claims": summary.added + summary.unchanged + restored,
            "added": summary.added,
            "restored": restored,
            "withdrawn": summary.withdrawn,
            "unresolved": summary.unresolved,
        }
    )
    record["snapshots"] = record["snapshots"][-KEEP_SNAPSHOTS:]
    store.set_meta(key, json.dumps(record, ensure_ascii=False))


def snapshots(store: Store, source_id: str) -> list[dict[str, Any]]:
    """The snapshot records of one imported source, oldest first."""
    raw = store.get_meta(SNAPSHOT_PREFIX + source_id)
    return list(json.loads(raw)["snapshots"]) if raw else []
