"""Imports, resolutions, extractions, checks and review queues as plain text for a terminal."""

from __future__ import annotations

from typing import Any


def import_text(summary: dict[str, Any]) -> str:
    lines = [
        f"{summary['source']}: {summary['added']} added, {summary['updated']} updated, "
        f"{summary['unchanged']} unchanged, {summary['unresolved']} unresolved names, "
        f"{summary['conflicts']} conflicts"
    ]
    for item in summary["withdrawn"][:20]:
        lines.append(f"  withdrawn: {item['subject']} – {item['object']} (claim {item['claim']})")
    names = summary["unresolved_names"]
    for row in names[:20]:
        lines.append(f"  {row['status']}: {row['name']!r} at {row['where']} ({row['reason']})")
    if len(names) > 20:
        lines.append(f"  … and {len(names) - 20} more (--format json lists them all)")
    return "\n".join(lines) + "\n"


def resolution_text(result: Any) -> str:
    """A ``gazetteer.resolver.Resolution`` in one line (and its candidates)."""
    place = result.place
    if place is not None:
        region = f", {place.admin1}" if place.admin1 else ""
        seat = f" (seat of the {result.admin_kind})" if result.unit == "seat" else ""
        if result.unit == "admin":
            inside = f" in {place.parent}" if place.parent else ""
            seat = f" ({place.level}{inside}; centroid)"
        elif place.kind == "village":
            seat = " (small place)"
        gid = f" geonames:{place.geonames_id}" if place.geonames_id else ""
        pop = f" pop. {place.population:,}" if place.population else ""
        lines = [
            f"resolved: {place.name}{seat} ({place.country}{region}){gid} "
            f"{place.lat:.4f},{place.lon:.4f}{pop} score {result.score:.2f}"
        ]
        if result.reason:
            lines.append(f"note: {result.reason}")
        return "\n".join(lines) + "\n"
    lines = [f"{result.status}: {result.reason}"]
    for candidate, score in zip(result.candidates, result.scores, strict=False):
        region = f", {candidate.admin1}" if candidate.admin1 else ""
        gid = f" geonames:{candidate.geonames_id}" if candidate.geonames_id else ""
        pop = f" pop. {candidate.population:,}" if candidate.population else ""
        lines.append(
            f"  {candidate.name} ({candidate.country}{region}){gid}{pop} score {score:.2f}"
        )
    return "\n".join(lines) + "\n"


def extraction_text(data: dict[str, Any]) -> str:
    lines = [f"{len(data['claims'])} claims in {data['document']['path']}"]
    for claim in data["claims"]:
        obj = claim.get("object")
        what = obj["name"] if obj else f"{claim.get('value')} {claim.get('metric') or ''}".strip()
        year = f" ({claim['year']})" if claim.get("year") else ""
        lines.append(
            f"{claim['id']:>3}. {claim['type']:<14} {claim['subject']['name']} -> {what}{year}"
            f"  [{claim['confidence']:.2f}] @{claim['start']}-{claim['end']}"
        )
    if "saved" in data:
        saved = data["saved"]
        lines.append(
            f"saved {len(saved['claim_ids'])} claims as proposed, source {saved['source']}; "
            "review them with `citydip review list`"
        )
    return "\n".join(lines) + "\n"


def check_text(report: dict[str, Any]) -> str:
    lines = [
        f"{report['document']['path']}: {len(report['agreements'])} agree with the store, "
        f"{len(report['new'])} new, {len(report['contradictions'])} contradictions, "
        f"{len(report['uncertain'])} uncertain"
    ]
    uncertain = [(item, "uncertain") for item in report["uncertain"]]
    for item, kind in [*((i, i["kind"]) for i in report["contradictions"]), *uncertain]:
        lines.append(f"\n{item['subject']['name']}: {item['property']} ({kind})")
        sides = item["document"] if isinstance(item["document"], list) else [item["document"]]
        for side in sides:
            lines.append(
                f"  document: {side['value']} (confidence {side['confidence']:.2f})"
                f"  — “{side['sentence'][:120]}”"
            )
        for side in item.get("store", []):
            cited = "; ".join(s["title"] for s in side["sources"])
            as_of = f" as of {side['as_of']}" if side.get("as_of") else ""
            lines.append(f"  store:    {side['value']}{as_of}  — {cited}")
        if item.get("note"):
            lines.append(f"  note: {item['note']}")
    return "\n".join(lines) + "\n"


def proposed_text(claims: list[Any]) -> str:
    """``api.ProposedClaim`` rows, one a line."""
    lines = [f"{len(claims)} proposed claims"]
    for c in claims:
        what = c.object_name if c.object else c.value
        lines.append(f"{c.id:>5}  {c.subject_name} {c.predicate} {what}  ({c.source})")
    return "\n".join(lines) + "\n"


def update_text(summary: Any) -> str:
    """An ``ingest.wikidata_update.UpdateSummary``: the fetch, then the import."""
    done = summary.imported
    resumed = f", {summary.resumed_pages} saved earlier" if summary.resumed_pages else ""
    if summary.restarted:
        resumed += ", the pages of an unfinished fetch dropped"
    lines = [
        f"{summary.endpoint}: {summary.statements} statements in {summary.pages} pages "
        f"({summary.fetched_pages} fetched now{resumed}, {summary.requests} requests)",
        f"{done.source}: {done.added} added, {done.updated} updated, {done.unchanged} "
        f"unchanged, {len(done.withdrawn)} withdrawn, {done.unresolved} unresolved names, "
        f"{done.conflicts} conflicts",
    ]
    for item in done.withdrawn[:20]:
        lines.append(f"  withdrawn: {item['subject']} – {item['object']} (claim {item['claim']})")
    members = getattr(summary, "memberships", None)
    if members is not None:
        lines.append(
            f"{members.source}: {members.added} added, {members.unchanged} unchanged, "
            f"{len(members.withdrawn)} withdrawn, {members.unresolved} unresolved names"
        )
    return "\n".join(lines) + "\n"


def gazetteer_status_text(status: Any) -> str:
    """A ``gazetteer.status.GazetteerStatus``: the data the gazetteer uses."""
    lines = ["The gazetteer uses:"]
    for source in status.sources:
        lines.append(f"  {source.name} {source.version}: {source.holds} ({source.licence})")
    if status.uses_download:
        what = "all countries" if status.download_all else ", ".join(status.download_countries)
        lines.append(
            f"  GeoNames download ({what}): {status.download_files} files, "
            f"{status.download_bytes:,} bytes, fetched {status.downloaded}"
        )
        built = "built" if status.download_index_built else "built on first use"
        lines.append(f"  its index: {status.download_index} ({built})")
    else:
        lines.append("  no GeoNames download (citydip data download geonames --country XX)")
    built = "built" if status.index_built else "built on first use"
    lines.append(f"index: {status.index} ({built})")
    return "\n".join(lines) + "\n"
