"""Where the curated dataset lives and its digest: cheap, for naming the default store at
every start without reading (or importing a parser for) the YAML."""

from __future__ import annotations

import hashlib
from importlib.resources import files
from pathlib import Path


def curated_dir() -> Path:
    """The folder of curated YAML files inside the installed package."""
    return Path(str(files("citydip") / "data" / "curated"))


def curated_files(folder: Path | None = None) -> list[Path]:
    return sorted((folder or curated_dir()).glob("*.yaml"))


def curated_digest(folder: Path | None = None) -> str:
    """A hash of the curated files, so a changed dataset gets a freshly built store."""
    digest = hashlib.sha1()
    for path in curated_files(folder):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
