"""``citydip typology NAME`` and ``citydip recommend NAME`` / ``citydip recommend evaluate``."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer

from citydip.cli.app import app, open_chosen_store
from citydip.cli.examples import examples
from citydip.cli.progress import bars
from citydip.cli.render import offered, render
from citydip.vocabulary import SuggestKind


class StyleFormat(StrEnum):
    table = "table"
    json = "json"
    md = "md"


class PartnerFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


@app.command(epilog=examples("typology"))
def typology(
    name: str = typer.Argument(..., help="City name or entity id."),
    codebook: Path | None = typer.Option(
        None, "--codebook", help="Your own codebook (YAML, format in docs/typology.md)."
    ),
    format: StyleFormat = typer.Option(StyleFormat.table, "--format", "-f"),
) -> None:
    """A city's diplomatic style: label, score per axis, the evidence, confidence, gaps."""
    from citydip.api import city_typology

    with open_chosen_store() as store:
        result = city_typology(store, name, codebook=codebook)
    render("typology", format.value, result)


@app.command(epilog=examples("recommend"))
def recommend(
    name: str = typer.Argument(..., help="City name or id, or 'evaluate' to measure the model."),
    kind: SuggestKind | None = typer.Option(None, "--kind", help="The kind of tie sought."),
    top: int = typer.Option(10, "--top", "-n", help="How many places."),
    within: bool | None = typer.Option(
        None, "--within-country/--abroad", help="Only places in its country, or only abroad."
    ),
    cousins: bool = typer.Option(
        False, "--cousins", help="Places sharing at least two partners with it, and no tie."
    ),
    source: list[str] | None = typer.Option(
        None, "--source", help="Only the ties this source states (repeatable)."
    ),
    holdout: float = typer.Option(0.1, "--holdout", help="evaluate: share of ties hidden."),
    seed: int = typer.Option(0, "--seed", help="evaluate: the random seed."),
    format: PartnerFormat = typer.Option(PartnerFormat.table, "--format", "-f"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress display."),
) -> None:
    """Possible partners of a city, each with its reasons; 'recommend evaluate' measures
    the model against baselines on hidden ties."""
    if name == "evaluate":
        from citydip.api import evaluate_partners

        offered("recommend evaluate", format.value)
        with open_chosen_store() as store, bars(not quiet) as progress:
            result = evaluate_partners(
                store, sources=source, holdout=holdout, seed=seed, progress=progress
            )
        render("recommend evaluate", format.value, result)
        return
    from citydip.api import recommend_partners

    with open_chosen_store() as store:
        found = recommend_partners(
            store,
            name,
            kind=kind,
            top=top,
            within_country=within,
            cousins=cousins,
            sources=source,
        )
    render("recommend", format.value, found)
