"""The store's schema as an ordered list of migrations; version N is after migration N."""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: the founding schema
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE entities (
        id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        name TEXT NOT NULL,
        country TEXT,
        level TEXT,
        geonames_id INTEGER,
        wikidata_id TEXT,
        lat REAL,
        lon REAL,
        population INTEGER,
        acronym TEXT,
        description TEXT,
        port INTEGER,
        capital INTEGER,
        parent TEXT REFERENCES entities(id)
    );
    CREATE INDEX entities_type ON entities(type);
    CREATE INDEX entities_geonames ON entities(geonames_id);
    CREATE INDEX entities_wikidata ON entities(wikidata_id);
    CREATE TABLE names (
        entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        lang TEXT NOT NULL DEFAULT '',
        folded TEXT NOT NULL,
        PRIMARY KEY (entity_id, name)
    );
    CREATE INDEX names_folded ON names(folded);
    CREATE TABLE sources (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        kind TEXT NOT NULL,
        publisher TEXT,
        author TEXT,
        date TEXT,
        url TEXT,
        description TEXT,
        lists_ties_of TEXT
    );
    CREATE TABLE claims (
        id INTEGER PRIMARY KEY,
        subject TEXT NOT NULL REFERENCES entities(id),
        predicate TEXT NOT NULL,
        object TEXT REFERENCES entities(id),
        value TEXT,
        start TEXT,
        "end" TEXT,
        kind TEXT,
        role TEXT,
        status TEXT,
        qualifiers TEXT NOT NULL DEFAULT '{}',
        source_id TEXT NOT NULL REFERENCES sources(id),
        locator TEXT,
        method TEXT NOT NULL,
        review TEXT NOT NULL DEFAULT 'accepted',
        recorded_at TEXT NOT NULL,
        fingerprint TEXT NOT NULL UNIQUE
    );
    CREATE INDEX claims_subject ON claims(subject, predicate);
    CREATE INDEX claims_object ON claims(object, predicate);
    CREATE INDEX claims_source ON claims(source_id);
    """,
    # 2: place identity (docs/identity.md): how a place was located, why a name joined an
    # entity, one entity per Wikidata QID and per GeoNames id at a level, a revision counter.
    """
    ALTER TABLE entities ADD COLUMN placement TEXT;
    ALTER TABLE names ADD COLUMN evidence TEXT;
    UPDATE entities SET wikidata_id = NULL WHERE wikidata_id IS NOT NULL AND rowid NOT IN (
        SELECT MIN(rowid) FROM entities WHERE wikidata_id IS NOT NULL GROUP BY wikidata_id);
    CREATE UNIQUE INDEX entities_one_per_qid ON entities(wikidata_id)
        WHERE wikidata_id IS NOT NULL;
    UPDATE entities SET geonames_id = NULL WHERE geonames_id IS NOT NULL AND rowid NOT IN (
        SELECT MIN(rowid) FROM entities WHERE geonames_id IS NOT NULL
        GROUP BY geonames_id, COALESCE(level, ''));
    CREATE UNIQUE INDEX entities_one_per_geonames_level ON entities(geonames_id, level)
        WHERE geonames_id IS NOT NULL;
    CREATE INDEX entities_parent ON entities(parent);
    CREATE TABLE derived (key TEXT PRIMARY KEY, revision TEXT NOT NULL, value BLOB NOT NULL);
    INSERT OR IGNORE INTO meta (key, value) VALUES ('revision', '0');
    INSERT OR IGNORE INTO meta (key, value) VALUES ('store_id', lower(hex(randomblob(8))));
    """,
    # 3: a place may hold several Wikidata items when the evidence says they are one
    # settlement and one government (docs/identity.md): the primary QID stays on the entity,
    # the others are here, each with its evidence. A QID still names one place: triggers
    # refuse a QID here that an entity holds, and an entity's QID that is held here.
    """
    CREATE TABLE place_qids (
        qid TEXT PRIMARY KEY,
        entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        evidence TEXT NOT NULL
    );
    CREATE INDEX place_qids_entity ON place_qids(entity_id);
    CREATE TRIGGER place_qids_one_place BEFORE INSERT ON place_qids
    WHEN EXISTS (SELECT 1 FROM entities WHERE wikidata_id = NEW.qid)
    BEGIN SELECT RAISE(ABORT, 'a Wikidata QID names one place'); END;
    CREATE TRIGGER entities_qid_one_place BEFORE UPDATE OF wikidata_id ON entities
    WHEN NEW.wikidata_id IS NOT NULL
        AND EXISTS (SELECT 1 FROM place_qids WHERE qid = NEW.wikidata_id)
    BEGIN SELECT RAISE(ABORT, 'a Wikidata QID names one place'); END;
    CREATE TRIGGER entities_new_qid_one_place BEFORE INSERT ON entities
    WHEN NEW.wikidata_id IS NOT NULL
        AND EXISTS (SELECT 1 FROM place_qids WHERE qid = NEW.wikidata_id)
    BEGIN SELECT RAISE(ABORT, 'a Wikidata QID names one place'); END;
    """,
    # 4: the claims not accepted (the review queue: proposed, rejected) found without reading
    # every claim. Partial, so that it stays as small as the queue and a query for accepted
    # claims never picks it; a query uses it when it says ``review != 'accepted'``
    # (Store.claims does for any other state).
    """
    CREATE INDEX claims_not_accepted ON claims(review) WHERE review != 'accepted';
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
