"""``citydip data``: which data the gazetteer uses, and a GeoNames download for users online."""

from __future__ import annotations

import typer

from citydip.cli.app import Format, app
from citydip.cli.progress import bars
from citydip.cli.render import render

data_app = typer.Typer(
    help="The gazetteer's data: status, and downloading the GeoNames dump.",
    no_args_is_help=True,
)
download_app = typer.Typer(help="Download data for the gazetteer.", no_args_is_help=True)
data_app.add_typer(download_app, name="download")
app.add_typer(data_app, name="data")


@data_app.command("status")
def status_command(
    fmt: Format = typer.Option(Format.table, "--format", help="table or json."),
) -> None:
    """Say which data the gazetteer uses: packaged sources, its index, any GeoNames download."""
    from citydip.api import gazetteer_status

    render("data status", fmt.value, gazetteer_status())


@download_app.command("geonames")
def geonames_command(
    country: list[str] = typer.Option(
        [], "--country", help="ISO alpha-2 code of a country to fetch (repeatable)."
    ),
    all_countries: bool = typer.Option(False, "--all", help="Fetch every country (~1.5 GB)."),
    fmt: Format = typer.Option(Format.table, "--format", help="table or json."),
) -> None:
    """Fetch the GeoNames dump (needs the internet), verify and index it; the gazetteer uses
    it from then on. Resumes an interrupted transfer; a failure keeps the data in use."""
    from citydip.api import download_geonames

    with bars(data=True) as progress:  # a bar per file, then the index build
        status = download_geonames(country, all_countries=all_countries, progress=progress)
    render("data status", fmt.value, status)
