"""Fetching the GeoNames dump for users who have the internet: resumable, verified, indexed.

Files come from ``https://download.geonames.org/export/dump/`` (or ``CITYDIP_GEONAMES_URL``):
a country's ``XX.zip`` and ``alternatenames/XX.zip``, or ``allCountries.zip`` and
``alternateNamesV2.zip``, plus ``admin1CodesASCII.txt`` and ``admin2Codes.txt``. Each file
is fetched into ``geonames/.partial/`` (an interrupted transfer resumes with an HTTP Range
request), checked (the size the server announced; a zip's CRC-32 checksums), then the
verified set replaces the old one, the manifest is written and the gazetteer index rebuilt.
Any failure leaves the previous files, manifest and index exactly as they were.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import zipfile
import zlib
from datetime import UTC, datetime
from pathlib import Path

from citydip.errors import ImportFailed, InvalidInput
from citydip.gazetteer.dump import (
    MANIFEST,
    Manifest,
    build_dump_index,
    dump_dir,
    dump_index_path,
    read_manifest,
)
from citydip.progress import Progress, chosen

DEFAULT_URL = "https://download.geonames.org/export/dump/"
URL_ENV = "CITYDIP_GEONAMES_URL"
ADMIN_FILES = ("admin1CodesASCII.txt", "admin2Codes.txt")


def files_for(countries: list[str], all_countries: bool) -> list[str]:
    """The dump files a download of these countries (or all) needs."""
    if all_countries:
        return ["allCountries.zip", "alternateNamesV2.zip", *ADMIN_FILES]
    out: list[str] = []
    for code in countries:
        out += [f"{code}.zip", f"alternatenames/{code}.zip"]
    return [*out, *ADMIN_FILES]


def download(
    countries: list[str],
    all_countries: bool = False,
    *,
    base_url: str | None = None,
    progress: Progress | None = None,
) -> Manifest:
    """Fetch, verify and index the dump for ``countries`` (ISO alpha-2) or all countries.

    ``progress`` is told each file's bytes (the task is the file's name), then the index
    build's rows.

    Countries downloaded earlier stay in the manifest. Raises :class:`ImportFailed` (exit 3)
    with one line naming the file on a failed transfer, a truncated file or a wrong checksum.
    """
    import httpx

    codes = sorted({c.strip().upper() for c in countries if c.strip()})
    bad = [c for c in codes if len(c) != 2 or not c.isalpha()]
    if bad:
        raise InvalidInput(f"not an ISO alpha-2 country code: {bad[0]!r}")
    if not codes and not all_countries:
        raise InvalidInput("name at least one country, or all countries")
    base = (base_url or os.environ.get(URL_ENV) or DEFAULT_URL).rstrip("/") + "/"
    folder = dump_dir()
    partial = folder / ".partial"
    partial.mkdir(parents=True, exist_ok=True)
    old = read_manifest()
    if old and not all_countries and not old.all_countries:
        codes = sorted(set(codes) | set(old.countries))
    wanted = files_for(codes, all_countries)
    verified: dict[str, dict[str, int | str]] = {}
    with httpx.Client(timeout=60.0, follow_redirects=True) as client:
        for name in wanted:
            previous = (old.files.get(name) if old else None) if name not in ADMIN_FILES else None
            if previous and (folder / name).exists():
                verified[name] = previous  # already downloaded and verified
                continue
            target = partial / name
            _fetch(client, base + name, target, name, progress)
            verified[name] = {"size": target.stat().st_size, "sha256": _sha256(target)}
    manifest = Manifest(
        verified,
        [] if all_countries else codes,
        all_countries,
        base,
        datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
    )
    _install(folder, partial, manifest, old, progress)
    return manifest


def _fetch(client: object, url: str, target: Path, name: str, progress: Progress | None) -> None:
    """Fetch ``url`` into ``target``, resuming a partial file; verify size and zip CRCs."""
    import httpx

    report = chosen(progress)

    assert isinstance(client, httpx.Client)
    target.parent.mkdir(parents=True, exist_ok=True)
    have = target.stat().st_size if target.exists() else 0
    headers = {"Range": f"bytes={have}-"} if have else {}
    expected: int | None = None
    try:
        with client.stream("GET", url, headers=headers) as response:
            if response.status_code == 416:  # already complete
                response.close()
            elif response.status_code not in (200, 206):
                raise ImportFailed(
                    f"{name}: the server answered HTTP {response.status_code} ({url})"
                )
            else:
                if response.status_code == 200:
                    have = 0
                length = response.headers.get("content-length")
                expected = have + int(length) if length and length.isdigit() else None
                with open(target, "ab" if have else "wb") as out:
                    done = have
                    for chunk in response.iter_raw():
                        out.write(chunk)
                        done += len(chunk)
                        report(name, done, expected)
                    if expected is None:
                        report(name, done, done)  # finished
    except httpx.HTTPError as exc:
        got = target.stat().st_size if target.exists() else 0
        raise ImportFailed(
            f"{name}: transfer interrupted after {got} bytes ({exc.__class__.__name__}); "
            "run the download again to resume, the current data is unchanged",
        ) from exc
    size = target.stat().st_size
    if expected is not None and size != expected:
        raise ImportFailed(
            f"{name}: truncated, {size} of {expected} bytes; the current data is kept"
        )
    if name.endswith(".zip"):
        _check_zip(target, name)


def _check_zip(path: Path, name: str) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            bad = archive.testzip()
    except zlib.error as exc:
        path.unlink(missing_ok=True)
        raise ImportFailed(f"{name}: corrupt data ({exc}); the current data is kept") from exc
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        path.unlink(missing_ok=True)
        raise ImportFailed(
            f"{name}: not a complete zip file ({exc}); the current data is kept"
        ) from exc
    if bad is not None:
        path.unlink(missing_ok=True)
        raise ImportFailed(f"{name}: wrong checksum (CRC-32) for {bad}; the current data is kept")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _install(
    folder: Path,
    partial: Path,
    manifest: Manifest,
    old: Manifest | None,
    progress: Progress | None,
) -> None:
    """Move the verified files into place, write the manifest, build the new index; on a
    failure put the old manifest back so that the old index stays the one in use."""
    import json

    from citydip.gazetteer import index as gazetteer_index

    for name in manifest.files:
        source = partial / name
        if source.exists():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, folder / name)
    path = folder / MANIFEST
    tmp = folder / f".{MANIFEST}.tmp"
    tmp.write_text(json.dumps(manifest.to_dict(), indent=1), encoding="utf-8")
    os.replace(tmp, path)
    try:
        gazetteer_index.close_all()
        target = dump_index_path()
        if target is not None and not target.exists():
            build_dump_index(target, progress=progress)
    except Exception:
        if old is not None:
            path.write_text(json.dumps(old.to_dict(), indent=1), encoding="utf-8")
        else:
            path.unlink(missing_ok=True)
        raise
    shutil.rmtree(partial, ignore_errors=True)
