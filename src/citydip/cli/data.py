"""``citydip data``: which data the gazetteer uses, and a GeoNames download for users online."""

from __future__ import annotations

from typing import Any

import typer

from citydip.cli.app import Format, app, emit_json

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

    _show(gazetteer_status(), fmt)


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
    from citydip.errors import InvalidInput

    if all_countries and country:
        raise InvalidInput("data download geonames: give --country codes or --all, not both")
    if not all_countries and not country:
        raise InvalidInput("data download geonames: give --country XX (repeatable) or --all")
    with _progress() as advance:
        status = download_geonames(country, all_countries, progress=advance)
    _show(status, fmt)


class _progress:
    """A Rich bar per file on stderr."""

    def __enter__(self) -> Any:
        from rich.console import Console
        from rich.progress import DownloadColumn, Progress, TextColumn, TransferSpeedColumn

        columns = (TextColumn("{task.description}"), DownloadColumn(), TransferSpeedColumn())
        self.bar = Progress(*columns, console=Console(stderr=True), transient=True)
        self.bar.start()
        self.tasks: dict[str, Any] = {}

        def advance(name: str, done: int, total: int | None) -> None:
            if name not in self.tasks:
                self.tasks[name] = self.bar.add_task(name, total=total)
            self.bar.update(self.tasks[name], completed=done, total=total)

        return advance

    def __exit__(self, *exc: object) -> None:
        self.bar.stop()


def _show(status: Any, fmt: Format) -> None:
    if fmt is Format.json:
        emit_json(status.to_dict())
        return
    typer.echo("The gazetteer uses:")
    for source in status.sources:
        typer.echo(f"  {source.name} {source.version}: {source.holds} ({source.licence})")
    if status.uses_download:
        what = "all countries" if status.download_all else ", ".join(status.download_countries)
        typer.echo(
            f"  GeoNames download ({what}): {status.download_files} files, "
            f"{status.download_bytes:,} bytes, fetched {status.downloaded}"
        )
        built = "built" if status.download_index_built else "built on first use"
        typer.echo(f"  its index: {status.download_index} ({built})")
    else:
        typer.echo("  no GeoNames download (citydip data download geonames --country XX)")
    built = "built" if status.index_built else "built on first use"
    typer.echo(f"index: {status.index} ({built})")
