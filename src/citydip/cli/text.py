"""``citydip extract``, ``citydip check`` and ``citydip review``: claims read from documents."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from citydip.cli.app import Format, app, console, emit_json, open_chosen_store

review_app = typer.Typer(
    help="Review extracted claims: list, accept or reject (only accepted claims are shown).",
    no_args_is_help=True,
)
app.add_typer(review_app, name="review")

FILE = typer.Argument(..., help="A .txt, .md, .html or .pdf document.")
ENCODING = typer.Option("utf-8", "--encoding", help="Text encoding of .txt/.md/.html files.")


def _extract(path: Path, store: Any, encoding: str) -> Any:
    from citydip.ingest.text.extract import extract_file

    return extract_file(path, store, encoding=encoding, progress=_pdf_bar(path))


def _pdf_bar(path: Path) -> Any:
    if path.suffix.lower() != ".pdf":
        return None
    from rich.console import Console
    from rich.progress import Progress

    progress = Progress(console=Console(stderr=True), transient=True)
    task = progress.add_task(f"Reading {path.name}", total=None)

    def advance(done: int, total: int) -> None:
        if done == 1:
            progress.start()
        progress.update(task, completed=done, total=total)
        if done >= total:
            progress.stop()

    return advance


@app.command("extract")
def extract_command(
    path: Path = FILE,
    fmt: Format = typer.Option(Format.table, "--format", help="table or json."),
    save: bool = typer.Option(False, "--save", help="Store the claims as proposed, for review."),
    encoding: str = ENCODING,
) -> None:
    """Candidate claims of a document: ties, counts, memberships, awards, programmes..."""
    store = open_chosen_store()
    try:
        extraction = _extract(path, store, encoding)
        saved = None
        if save:
            from citydip.knowledge.review import save_extraction

            saved = save_extraction(store, extraction)
    finally:
        store.close()
    if fmt is Format.json:
        data = extraction.to_dict()
        if saved is not None:
            data["saved"] = {"source": saved.source_id, "claim_ids": saved.claim_ids}
        emit_json(data)
        return
    out = console()
    out.print(f"{len(extraction.claims)} claims in {path}")
    for i, claim in enumerate(extraction.claims, start=1):
        what = claim.object.name if claim.object else f"{claim.value} {claim.metric or ''}".strip()
        year = f" ({claim.year})" if claim.year else ""
        out.print(
            f"{i:>3}. {claim.type:<14} {claim.subject.name} -> {what}{year}"
            f"  [{claim.confidence:.2f}] @{claim.start}-{claim.end}"
        )
    if saved is not None:
        out.print(
            f"saved {len(saved.claim_ids)} claims as proposed, source {saved.source_id}; "
            "review them with `citydip review list`"
        )


@app.command("check")
def check_command(
    path: Path = FILE,
    fmt: Format = typer.Option(Format.table, "--format", help="table or json."),
    encoding: str = ENCODING,
) -> None:
    """A document's claims against the store and each other: agreements, new, contradictions."""
    from citydip.knowledge.check import check_extraction

    store = open_chosen_store()
    try:
        report = check_extraction(store, _extract(path, store, encoding))
    finally:
        store.close()
    if fmt is Format.json:
        emit_json(report.to_dict())
        return
    out = console()
    out.print(
        f"{path}: {len(report.agreements)} agree with the store, {len(report.new)} new, "
        f"{len(report.contradictions)} contradictions, {len(report.uncertain)} uncertain"
    )
    for item in [*report.contradictions, *report.uncertain]:
        kind = "uncertain" if item in report.uncertain else item["kind"]
        out.print(f"\n{item['subject']['name']}: {item['property']}", style="bold", end="")
        out.print(f" ({kind})")
        sides = item["document"] if isinstance(item["document"], list) else [item["document"]]
        for side in sides:
            out.print(
                f"  document: {side['value']} (confidence {side['confidence']:.2f})"
                f"  — “{side['sentence'][:120]}”"
            )
        for side in item.get("store", []):
            cited = "; ".join(s["title"] for s in side["sources"])
            as_of = f" as of {side['as_of']}" if side.get("as_of") else ""
            out.print(f"  store:    {side['value']}{as_of}  — {cited}")
        if item.get("note"):
            out.print(f"  note: {item['note']}")


@review_app.command("list")
def review_list(
    source: str | None = typer.Option(None, "--source", help="Only this document's claims."),
    fmt: Format = typer.Option(Format.table, "--format", help="table or json."),
) -> None:
    """Extracted claims waiting for review."""
    from citydip.knowledge.review import proposed

    store = open_chosen_store()
    try:
        claims = proposed(store, source)
        names = {
            e.id: e.name
            for e in store.entities(
                ids={c.subject for c in claims} | {c.object for c in claims if c.object}
            )
        }
    finally:
        store.close()
    if fmt is Format.json:
        emit_json(
            [
                {
                    "id": c.id,
                    "subject": c.subject,
                    "predicate": c.predicate,
                    "object": c.object,
                    "value": c.value,
                    "start": c.start,
                    "source": c.source_id,
                    "confidence": c.qualifiers.get("confidence"),
                    "locator": c.locator,
                }
                for c in claims
            ]
        )
        return
    out = console()
    out.print(f"{len(claims)} proposed claims")
    for c in claims:
        what = names.get(c.object or "", c.object) if c.object else c.value
        out.print(
            f"{c.id:>5}  {names.get(c.subject, c.subject)} {c.predicate} {what}  ({c.source_id})"
        )


def _review(state: str, ids: list[int] | None, source: str | None, every: bool) -> None:
    from citydip.knowledge.review import review_claims

    store = open_chosen_store()
    try:
        changed = review_claims(store, state, ids=ids, source_id=source, every=every)
    finally:
        store.close()
    typer.echo(f"{state} {changed} claims")


IDS = typer.Argument(None, help="Claim ids (see `citydip review list`).")
SOURCE = typer.Option(None, "--source", help="Every proposed claim of this document source.")
EVERY = typer.Option(False, "--all", help="Every proposed claim.")


@review_app.command("accept")
def review_accept(
    ids: list[int] | None = IDS, source: str | None = SOURCE, every: bool = EVERY
) -> None:
    """Accept extracted claims: from now on they feed the views."""
    _review("accepted", ids, source, every)


@review_app.command("reject")
def review_reject(
    ids: list[int] | None = IDS, source: str | None = SOURCE, every: bool = EVERY
) -> None:
    """Reject extracted claims: kept in the store, never shown."""
    _review("rejected", ids, source, every)
