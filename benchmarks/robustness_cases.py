"""The targeted cases of benchmarks/robustness.py (issue 24): impossible values given to
every importer (they must be refused), real values next to them (they must be accepted),
files that must never be destroyed, and ``update wikidata`` against endpoints that never
end. Each case is a command, the files it must leave as they were, and what is right:
``refuse`` (a failure in one line), ``accept`` (exit 0) or ``either`` (random junk).
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

LONG = ("x" * 301, "x" * 1000, "y" * 100_000)
BAD_NAMES = (*LONG, "\x01\x02\x03", "Lyon\ufffe", "Ly\uffffon", "\x7f\x1b[31m")
BAD_DATES = (
    "1959-13-45",
    "2020-02-30",
    "1999-99-99",
    "1995-00-00",
    "-050",
    "0000",
    "garbage",
    "1900-02-29",
    "2500",
    "1959-1",
)
GOOD_DATES = ("1959", "1959-05", "2000-02-29", "1957-10-29", "2024-12-31", "0836")
BAD_POINTS = (("inf", "0"), ("0", "-inf"), ("nan", "0"), ("999", "0"), ("0", "181"))
BAD_QIDS = ("Q0", "q90", "Q90x", "Q" + "1" * 100_000, "../../etc", "Q-5")
BAD_GEONAMES = ("9" * 30, "0", "-5", "12a")


@dataclass
class Case:
    family: str
    args: list[str]
    expect: str  # refuse, accept or either
    keep: list[Path] = field(default_factory=list)  # files that must be left as they were
    timeout: float = 60.0
    after: Callable[[], bool] | None = None  # a further check: True when right


def _file(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    return path


def _sparql(**fields: str) -> str:
    row = {
        "city": {"type": "uri", "value": "http://www.wikidata.org/entity/Q38283"},
        "partner": {"type": "uri", "value": "http://www.wikidata.org/entity/Q16552"},
    }
    row |= {k: {"type": "literal", "value": v} for k, v in fields.items()}
    body = {"head": {"vars": ["city", "partner", *fields]}, "results": {"bindings": [row]}}
    return json.dumps(body)


def _entities(
    partner: object = "Q16552", time: str = "+1957-10-29T00:00:00Z", **facts: object
) -> str:
    def snak(value: object) -> dict[str, object]:
        return {"snaktype": "value", "datavalue": {"value": value}}

    day = time.lstrip("+").split("T")[0]
    precision = {4: 9, 7: 10}.get(len(day), 11)  # Wikidata writes 1959 as +1959-00-00
    if precision < 11:
        time = "+" + (day + "-00-00")[:10] + "T00:00:00Z"
    time_value = {"time": time, "precision": precision}
    statement = {
        "rank": "normal",
        "mainsnak": snak({"id": partner}),
        "qualifiers": {"P580": [snak(time_value)]},
    }
    claims: dict[str, object] = {"P190": [statement]}
    if "lat" in facts:
        claims["P625"] = [
            {
                "rank": "normal",
                "mainsnak": snak({"latitude": facts["lat"], "longitude": facts.get("lon", 0)}),
            }
        ]
    if "geonames" in facts:
        claims["P1566"] = [{"rank": "normal", "mainsnak": snak(facts["geonames"])}]
    item = {"labels": {"en": {"value": facts.get("label", "Yokohama")}}, "claims": claims}
    return json.dumps({"entities": {"Q38283": item}}, ensure_ascii=False)


def value_cases(folder: Path) -> list[Case]:
    """Impossible values to every importer (refuse), real ones beside them (accept)."""
    cases: list[Case] = []
    table = ["import", "table"]
    city = ["--city", "Yokohama"]
    n = 0

    def add(name: str, text: str, words: list[str], expect: str, extra: list[str] = ()) -> None:  # type: ignore[assignment]
        nonlocal n
        n += 1
        path = _file(folder, f"v{n}-{name}", text)
        cases.append(
            Case("impossible values to every importer", [*words, str(path), *extra], expect)
        )

    for date in BAD_DATES:
        add("t.csv", f"partner,start\nLyon,{date}\n", table, "refuse", city)
        add("t.jsonl", json.dumps({"partner": "Lyon", "end": date}) + "\n", table, "refuse", city)
        add("s.json", _sparql(start=f"{date}T00:00:00Z"), ["import", "wikidata"], "refuse")
        add("w.json", _entities(time=f"+{date}T00:00:00Z"), ["import", "wikidata"], "refuse")
    for number, date in enumerate(GOOD_DATES):
        add("t.csv", f"partner,start\nGoodtown{number}a,{date}\n", table, "accept", city)
        add("w.json", _entities(time=f"+{date}T00:00:00Z"), ["import", "wikidata"], "accept")
    for lat, lon in BAD_POINTS:
        head = "city1,country1,city2,country2,lat1,lng1"
        add("p.csv", f"{head}\nAtown,FR,Btown,JP,{lat},{lon}\n", ["import", "pairs"], "refuse")
        point = f"Point({lon} {lat})"
        add("s.json", _sparql(partnerCoord=point), ["import", "wikidata"], "refuse")
        add("w.json", _entities(lat=float(lat), lon=float(lon)), ["import", "wikidata"], "refuse")
    for name in BAD_NAMES:
        quoted = name.replace('"', '""')
        add("t.csv", f'partner\n"{quoted}"\n', table, "refuse", city)
        add("t.csv", f'partner,country\nLyon,"{quoted}"\n', table, "refuse", city)
        add("t.csv", f'partner,notes\nLyon,"{quoted * 10}"\n', table, "refuse", city)
        add(
            "p.csv",
            f'city1,country1,city2,country2\n"{quoted}",FR,Lyon,FR\n',
            ["import", "pairs"],
            "refuse",
        )
        add(
            "n.tsv",
            f"Q38283\t{name}\n",
            ["import", "edges", str(_file(folder, f"e{n}.tsv", "Q38283\tQ16552\n")), "--names"],
            "refuse",
        )
        add("s.json", _sparql(partnerLabel=name), ["import", "wikidata"], "refuse")
        add("w.json", _entities(label=name), ["import", "wikidata"], "refuse")
        pairs = _file(folder, f"title{n}.csv", "city1,country1,city2,country2\nLyon,FR,Kobe,JP\n")
        cases.append(
            Case(
                "impossible values to every importer",
                ["import", "pairs", str(pairs), "--title", name],
                "refuse",
            )
        )
    add("t.csv", f"partner\n{'x' * 300}\n", table, "accept", city)
    for qid in BAD_QIDS:
        add("e.tsv", f"Q38283\t{qid}\n", ["import", "edges"], "refuse")
        add("s.json", _sparql().replace("Q16552", qid), ["import", "wikidata"], "refuse")
        add("w.json", _entities(partner=qid), ["import", "wikidata"], "refuse")
    add("w.json", _entities(partner=16552), ["import", "wikidata"], "refuse")
    for gid in BAD_GEONAMES:
        add("s.json", _sparql(partnerGeonames=gid), ["import", "wikidata"], "refuse")
        add("w.json", _entities(geonames=gid), ["import", "wikidata"], "refuse")
    return cases


def other_sqlite(path: Path, what: str) -> Path:
    conn = sqlite3.connect(path)
    if what == "table":
        conn.execute("CREATE TABLE notes (text TEXT)")
        conn.execute("INSERT INTO notes VALUES ('keep me')")
    elif what == "view":
        conn.execute("CREATE VIEW answer AS SELECT 42")
    else:
        conn.execute("VACUUM")
    conn.commit()
    conn.close()
    return path


def special_files(folder: Path) -> list[Path]:
    """A pipe, and a character device like /dev/null when we may make one (root)."""
    fifo = folder / "pipe"
    os.mkfifo(fifo)
    found = [fifo]
    try:
        os.mknod(folder / "null", stat.S_IFCHR | 0o666, os.makedev(1, 3))
        found.append(folder / "null")
    except OSError:
        pass
    return found


def file_cases(folder: Path, store: Path) -> list[Case]:
    """Files nothing may destroy: other programs' data, devices, pipes; empty --db."""
    family = "nothing destroyed"
    cases: list[Case] = []
    folder.mkdir(parents=True, exist_ok=True)
    notes = other_sqlite(folder / "notes.db", "table")
    view = other_sqlite(folder / "view.db", "view")
    bare = other_sqlite(folder / "bare.db", "none")
    text = _file(folder, "thesis.txt", "my thesis\n" * 300)
    corrupt = folder / "corrupt.db"
    data = bytearray(store.read_bytes())
    data[100:4096] = bytes(range(256)) * 15 + bytes(156)
    corrupt.write_bytes(bytes(data))
    specials = special_files(folder)
    for target in (notes, view, bare, text, corrupt):
        cases.append(
            Case(family, ["--db", str(target), "rebuild", "--empty", "--yes"], "refuse", [target])
        )
    for target in (notes, view, bare):
        for words in (["city", "Yokohama"], ["sources"], ["network", "stats"], ["conflicts"]):
            cases.append(Case(family, ["--db", str(target), *words], "refuse", [target]))
    for target in (*specials, folder):
        cases.append(
            Case(
                family,
                ["--db", str(target), "rebuild", "--empty", "--force", "--yes"],
                "refuse",
                [target],
            )
        )
    names = _file(folder, "names.csv", "name\nYokohama\n")
    for special in specials:
        for words in (
            ["report", "Yokohama", "--out", str(special)],
            ["network", "export", "gexf", str(special)],
            ["network", "export", "graphml", str(special)],
            ["network", "export", "geojson", str(special)],
            ["resolve", "--batch", str(names), "--out", str(special)],
        ):
            cases.append(Case(family, words, "refuse", [special]))
    cases.append(Case(family, ["--db", "", "city", "Yokohama"], "refuse"))

    def no_temporaries() -> bool:
        return not list(folder.glob(".*.tmp")) and stat.S_ISREG(os.stat(corrupt).st_mode)

    cases.append(
        Case(
            family,
            ["--db", str(corrupt), "rebuild", "--empty", "--force", "--yes"],
            "accept",
            after=no_temporaries,
        )
    )
    return cases


def update_cases(url: str) -> list[Case]:
    """``update wikidata`` that must end: no URL, a stalled page, a deadline, endless pages
    (``url`` from :func:`bad_endpoint`)."""
    family = "update wikidata always ends"
    quick = ["--quiet", "--page-size", "5"]
    words = ["update", "wikidata", "--endpoint"]
    return [
        Case(family, [*words, "::::", *quick], "refuse", timeout=20),
        Case(family, [*words, "ftp://x/sparql", *quick], "refuse", timeout=20),
        Case(family, [*words, "http://", *quick], "refuse", timeout=20),
        Case(family, [*words, f"{url}/stall", "--stall-timeout", "1", *quick], "refuse"),
        Case(family, [*words, f"{url}/stall", "--deadline", "3", *quick], "refuse", timeout=30),
        Case(family, [*words, f"{url}/endless", *quick], "refuse"),
        Case(family, [*words, f"{url}/endless", "--deadline", "2", *quick], "refuse"),
    ]


def bad_endpoint() -> tuple[str, Callable[[], None]]:
    """A loopback SPARQL endpoint that stalls (``/stall``: 30 s before a page) or pages
    forever (``/endless``: it counts 2 statements, then every page is full); its URL and
    how to stop it."""
    import re
    import threading
    import time
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    from urllib.parse import parse_qs, urlsplit

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            query = parse_qs(parts.query).get("query", [""])[0]
            if "COUNT(" in query:
                cell = {"type": "literal", "value": "2"}
                body = {
                    "head": {"vars": ["statements"]},
                    "results": {"bindings": [{"statements": cell}]},
                }
            else:
                if parts.path.endswith("stall"):
                    time.sleep(30)
                after = re.search(r'FILTER\(\?key > "([^"]*)"\)', query)
                limit = re.search(r"LIMIT (\d+)", query)
                start = len(after.group(1)) if after else 0
                rows = []
                for i in range(int(limit.group(1)) if limit else 5):
                    key = "k" * (start + i + 1)
                    rows.append(
                        {
                            "statement": {"type": "uri", "value": key},
                            "city": {
                                "type": "uri",
                                "value": f"http://www.wikidata.org/entity/Q{i + 1}",
                            },
                            "partner": {
                                "type": "uri",
                                "value": f"http://www.wikidata.org/entity/Q{i + 2}",
                            },
                        }
                    )
                body = {
                    "head": {"vars": ["statement", "city", "partner"]},
                    "results": {"bindings": rows},
                }
            data = json.dumps(body).encode()
            try:
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except OSError:
                pass  # the client gave up (a stall it timed out)

        def log_message(self, *args: object) -> None:
            pass

    class Quiet(ThreadingHTTPServer):
        daemon_threads = True

        def handle_error(self, request: object, client_address: object) -> None:
            pass

    httpd = Quiet(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()

    def stop() -> None:
        httpd.shutdown()
        httpd.server_close()

    return f"http://127.0.0.1:{httpd.server_address[1]}", stop
