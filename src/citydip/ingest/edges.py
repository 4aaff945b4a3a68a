"""A two-column edge list of Wikidata QIDs (``SELECT ?a ?b WHERE {?a wdt:P190 ?b}``) → claims.

One ``a b`` pair a line, separated by a tab, a comma or spaces; a header line (``a b``,
``item partner``…) is skipped. An optional names file gives ``QID<TAB>label`` lines; labels
let the gazetteer place the items, so the ties meet those of other sources.
"""

from __future__ import annotations

import re
from pathlib import Path

from citydip.errors import DataError
from citydip.ingest import validate
from citydip.ingest.importing import ImportBatch, file_digest, source_id_for
from citydip.ingest.pairs import read_text
from citydip.ingest.wikidata import QID, WikidataRecord, WikidataTie, wikidata_batch
from citydip.progress import Progress
from citydip.store.database import Store
from citydip.store.models import Source

_SPLIT = re.compile(r"[\t,; ]+")


def _fields(line: str) -> list[str]:
    return [
        f.strip().strip('"').removeprefix("http://www.wikidata.org/entity/")
        for f in _SPLIT.split(line.strip())
    ]


def parse_edges(path: Path) -> list[WikidataTie]:
    """Every edge of the file, checked: two QIDs a line."""
    ties = []
    for number, line in enumerate(read_text(path).splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = _fields(line)
        if number == 1 and not QID.match(fields[0]):
            continue  # a header
        if len(fields) != 2:
            raise DataError(str(path), number, None, f"{len(fields)} fields where 2 QIDs belong")
        for name, value in zip(("a", "b"), fields, strict=True):
            validate.qid(value, validate.At(str(path), number), name)
        ties.append(WikidataTie(fields[0], fields[1], f"{path.name}:{number}"))
    if not ties:
        raise DataError(str(path), None, None, "no edges")
    return ties


def parse_names(path: Path) -> dict[str, str]:
    """``QID<TAB>label`` lines → labels."""
    labels: dict[str, str] = {}
    for number, line in enumerate(read_text(path).splitlines(), start=1):
        if not line.strip():
            continue
        qid, sep, label = line.partition("\t")
        qid = qid.strip().removeprefix("http://www.wikidata.org/entity/")
        if number == 1 and not QID.match(qid):
            continue
        at = validate.At(str(path), number)
        qid = validate.qid(qid, at, "qid")
        if not sep or not label.strip():
            raise DataError(str(path), number, "label", "missing (need QID<TAB>label)")
        labels[qid] = validate.name(label, at, "label")
    return labels


def edges_batch(
    store: Store,
    path: Path,
    names: Path | None = None,
    *,
    progress: Progress | None = None,
    source: Source | None = None,
) -> ImportBatch:
    """Read and validate an edge list (and its names file) into a batch for run_import."""
    ties = parse_edges(path)
    labels = parse_names(names) if names else {}
    source = source or Source(
        id=source_id_for("edges", path.name),
        title=f"Wikidata P190 edges from {path.name}",
        kind="dataset",
        description=f"Imported from {path.name}: {len(ties)} edges (a lists b as twinned).",
    )
    digest = file_digest(path) + (file_digest(names) if names else "")
    record = WikidataRecord(ties=ties, labels=labels)
    return wikidata_batch(store, record, source, str(path), digest, progress=progress)
