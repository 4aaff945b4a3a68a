"""``citydip data download geonames`` and ``data status`` against a real loopback HTTP server
serving a recorded GeoNames slice (tests/data/geonames): resume, truncation, bad checksum."""

from __future__ import annotations

import json
import threading
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from tests.conftest import INDEX_CACHE, link_index

from citydip.gazetteer import index as gazetteer_index
from citydip.gazetteer import resolve

SLICE = Path(__file__).resolve().parents[1] / "data" / "geonames"


class Server:
    """Serves files from a folder with HTTP Range support; can truncate or corrupt a file."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.truncate: set[str] = set()
        self.ranges: list[str] = []
        self.requests: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                name = self.path.lstrip("/")
                server.requests.append(name)
                path = server.root / name
                if not path.is_file():
                    self.send_error(404)
                    return
                data = path.read_bytes()
                start = 0
                header = self.headers.get("Range")
                if header:
                    server.ranges.append(f"{name}:{header}")
                    start = int(header.split("=")[1].split("-")[0])
                    self.send_response(206)
                    self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
                else:
                    self.send_response(200)
                body = data[start:]
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if name in server.truncate:
                    self.wfile.write(body[: len(body) // 2])
                    self.wfile.flush()
                    self.close_connection = True
                    return
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def _publish(root: Path) -> None:
    """The recorded slice as the GeoNames server lays it out: country zips, alternate-name
    zips, admin code files."""
    (root / "alternatenames").mkdir(parents=True)
    for code in ("GB", "UA"):
        with zipfile.ZipFile(root / f"{code}.zip", "w", zipfile.ZIP_DEFLATED) as archive:
            archive.write(SLICE / f"{code}.txt", f"{code}.txt")
    for code in ("GB", "UA"):
        with zipfile.ZipFile(root / "alternatenames" / f"{code}.zip", "w") as archive:
            source = SLICE / "alternatenames" / f"{code}.txt"
            archive.writestr(f"{code}.txt", source.read_text() if source.exists() else "")
    for name in ("admin1CodesASCII.txt", "admin2Codes.txt"):
        (root / name).write_bytes((SLICE / name).read_bytes())


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    root = tmp_path / "www"
    _publish(root)
    running = Server(root)
    yield running
    running.close()


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, server: Server) -> Iterator[Path]:
    """A fresh CITYDIP_HOME with the (cached) packaged index, pointed at the loopback server."""
    folder = tmp_path / "home"
    monkeypatch.setenv("CITYDIP_HOME", str(folder))
    monkeypatch.setenv("CITYDIP_GEONAMES_URL", server.url)
    target = gazetteer_index.index_path()
    link_index(INDEX_CACHE / target.name, target)
    gazetteer_index.close_all()
    yield folder
    gazetteer_index.close_all()


def _state(home: Path) -> dict[str, bytes]:
    folder = home / "geonames"
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and ".partial" not in p.parts
    }


def test_download_indexes_the_slice_and_the_gazetteer_uses_it(cli, home: Path) -> None:
    assert resolve("Dacorum", "England").status == "unknown"
    assert resolve("Tarashcha Raion", "Ukraine").unit == "seat"
    before = cli("data", "status", "--format", "json")
    assert before.exit_code == 0 and json.loads(before.stdout)["uses_download"] is False

    result = cli("data", "download", "geonames", "--country", "GB", "--country", "ua")
    assert result.exit_code == 0, result.stderr
    assert "GB, UA" in result.stdout

    dacorum = resolve("Dacorum", "England")
    assert dacorum.status == "resolved" and dacorum.unit == "admin"
    assert dacorum.place is not None and dacorum.place.geonames_id == 9900001
    assert dacorum.place.level == "municipality" and dacorum.place.parent == "Hertfordshire"
    native = resolve("Таращанський район", "Ukraine")  # from alternatenames/UA.zip
    assert native.status == "resolved" and native.place is not None
    assert native.place.geonames_id == 9900011 and native.unit == "admin"
    tarashcha = resolve("Tarashcha Raion", "Ukraine")  # was its seat town, now the raion
    assert tarashcha.unit == "admin" and tarashcha.place is not None
    assert (tarashcha.place.geonames_id, tarashcha.place.parent) == (9900011, "Kyiv Oblast")
    # the packaged data still answers: London is London
    assert resolve("London", "England").place.geonames_id == 2643743  # type: ignore[union-attr]

    status = json.loads(cli("data", "status", "--format", "json").stdout)
    assert status["uses_download"] and status["download_countries"] == ["GB", "UA"]
    assert status["download_files"] == 6 and status["download_index_built"]


def test_truncated_file_fails_in_one_line_keeps_the_old_data_and_resumes(
    cli, home: Path, server: Server
) -> None:
    assert cli("data", "download", "geonames", "--country", "GB").exit_code == 0
    kept = _state(home)
    server.truncate.add("UA.zip")

    failed = cli("data", "download", "geonames", "--country", "UA")
    assert failed.exit_code == 3  # an online source that failed (README: exit codes)
    lines = failed.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("UA.zip: ") and "resume" in lines[0]
    assert _state(home) == kept
    gazetteer_index.close_all()
    assert resolve("Tarashcha Raion", "Ukraine").unit == "seat"  # the packaged answer
    assert resolve("Dacorum", "England").status == "resolved"

    server.truncate.clear()
    again = cli("data", "download", "geonames", "--country", "UA")
    assert again.exit_code == 0, again.stderr
    assert any(r.startswith("UA.zip:bytes=") for r in server.ranges)  # resumed, not restarted
    assert resolve("Tarashcha Raion", "Ukraine").unit == "admin"


def test_wrong_checksum_fails_in_one_line_and_keeps_the_old_data(
    cli, home: Path, server: Server
) -> None:
    assert cli("data", "download", "geonames", "--country", "GB").exit_code == 0
    kept = _state(home)
    index = (home / "geonames").glob("index-*.sqlite")
    # UA.zip with one byte of the stored member changed: its CRC-32 no longer matches
    path = server.root / "UA.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.write(SLICE / "UA.txt", "UA.txt")
    data = bytearray(path.read_bytes())
    offset = data.index(b"Tarashcha")
    data[offset] = ord("m")
    path.write_bytes(bytes(data))

    failed = cli("data", "download", "geonames", "--country", "UA")
    assert failed.exit_code == 3
    lines = failed.stderr.strip().splitlines()
    assert len(lines) == 1 and "UA.zip: wrong checksum" in lines[0]
    assert _state(home) == kept
    assert sorted(index) == sorted((home / "geonames").glob("index-*.sqlite"))


def test_download_needs_countries_or_all(cli, home: Path, server: Server) -> None:
    for args in ((), ("--all", "--country", "GB"), ("--country", "GBR")):
        result = cli("data", "download", "geonames", *args)
        assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1
    assert server.requests == [] and not (home / "geonames" / "manifest.json").exists()


def test_download_offline_is_a_network_error_exit_3(cli, home: Path, monkeypatch) -> None:
    import socket

    with socket.socket() as probe:  # a port nobody listens on: as without a network
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("CITYDIP_GEONAMES_URL", f"http://127.0.0.1:{port}/")
    failed = cli("data", "download", "geonames", "--country", "UA")
    assert failed.exit_code == 3, failed.stderr
    lines = failed.stderr.strip().splitlines()
    assert len(lines) == 1 and "the current data is unchanged" in lines[0]


def test_a_download_tells_each_files_bytes_then_the_index_build(home: Path, server: Server) -> None:
    """The one progress protocol (``citydip.progress``): a task per file, counted in bytes
    out of the size announced, then the download's index build."""
    from citydip.api import download_geonames
    from citydip.gazetteer.dump import DUMP_BUILDING

    told: list[tuple[str, int, int | None]] = []
    download_geonames(
        ["GB"], progress=lambda task, done, total=None: told.append((task, done, total))
    )
    tasks = list(dict.fromkeys(task for task, _, _ in told))
    assert tasks == [
        "GB.zip",
        "alternatenames/GB.zip",
        "admin1CodesASCII.txt",
        "admin2Codes.txt",
        DUMP_BUILDING,
    ]
    root = home.parent / "www"
    for name in tasks[:-1]:
        size = (root / name).stat().st_size
        assert [(done, total) for task, done, total in told if task == name][-1] == (size, size)
    last = [(done, total) for task, done, total in told if task == DUMP_BUILDING][-1]
    assert last == (last[0], last[0])  # finished


def test_an_index_built_deep_inside_a_call_tells_the_default_progress(
    home: Path, server: Server
) -> None:
    """``resolve`` builds a missing download index on first use: it is given no progress,
    so the build tells the default one (the CLI's bars on a terminal)."""
    from citydip.api import download_geonames
    from citydip.gazetteer.dump import DUMP_BUILDING, dump_index_path
    from citydip.progress import set_default

    download_geonames(["GB"])
    built = dump_index_path()
    assert built is not None and built.exists()
    gazetteer_index.close_all()
    built.unlink()
    told: list[tuple[str, int, int | None]] = []
    previous = set_default(lambda task, done, total=None: told.append((task, done, total)))
    try:
        assert resolve("Dacorum", "England").status == "resolved"
    finally:
        set_default(previous)
    assert built.exists() and {task for task, _, _ in told} == {DUMP_BUILDING}
