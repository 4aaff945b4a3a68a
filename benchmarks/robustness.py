"""Robustness counts (issues 15 and 24): hostile and impossible inputs to every importer,
files nothing may destroy, ``update wikidata`` against endpoints that never end, kill -9
during imports and rebuilds, writers racing each other and a rebuild, full and read-only
disks.

Run:  .venv/bin/python benchmarks/robustness.py [--inputs 200] [--kills 12] [--races 4]
Writes benchmarks/results/robustness.md. For each family: cases tried; clean (success, or
one line on stderr with a documented exit code and no traceback); accepted right (exit 0
where that is right); accepted wrong (exit 0 for an impossible value, a file destroyed);
traceback; hang (no end within the case's time limit); store changed (a failed command
that changed the store or a file it had to leave alone); write lost (a success reported
for a write that is not there, a kill that left half an import or a broken file).
Target: clean = tried, and 0 in the last five columns.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import signal
import stat
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "benchmarks" / "results"
FAILURE_CODES = {1, 2, 3, 4}

from benchmarks.robustness_cases import (  # noqa: E402
    Case,
    bad_endpoint,
    file_cases,
    update_cases,
    value_cases,
)
from tests.robustness.faults import (  # noqa: E402
    pairs_file,
    remount_read_only,
    start,
    state,
    tmpfs,
)

from citydip.store import open_store  # noqa: E402


@dataclass
class Count:
    family: str
    tried: int = 0
    clean: int = 0
    right: int = 0  # accepted right
    wrong: int = 0  # accepted wrong
    tracebacks: int = 0
    hangs: int = 0
    changed: int = 0  # store (or a file to keep) changed by a failed command
    lost: int = 0  # write lost
    note: str = ""
    examples: list[str] = field(default_factory=list)

    FIELDS = ("tried", "clean", "right", "wrong", "tracebacks", "hangs", "changed", "lost")

    def bad(self, what: str, counted: bool = True) -> None:
        """Keep an example: what was counted against the target first."""
        print(what[:300], file=sys.stderr, flush=True)
        if counted:
            self.examples.insert(sum(not e.startswith("(") for e in self.examples), what[:160])
        else:
            self.examples.append(f"({what[:120]})")
        del self.examples[3:]


class Hang(BaseException):
    """A case that did not end within its time limit."""


def run(db: Path | None, *args: str, timeout: float = 120.0) -> tuple[int, str, str]:
    """``citydip [--db DB] ARGS`` in-process (fast), as the CLI runs it; ``Hang`` past
    ``timeout`` seconds (an alarm interrupts even a blocking read)."""
    import io
    from contextlib import redirect_stderr, redirect_stdout

    from citydip.cli import main

    def alarm(signum: int, frame: object) -> None:
        raise Hang

    out, err = io.StringIO(), io.StringIO()
    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        with redirect_stdout(out), redirect_stderr(err):
            code = main([*(["--db", str(db)] if db else []), *args])
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    return code, out.getvalue(), err.getvalue()


def fingerprint(path: Path) -> str:
    """What must not change: a regular file's bytes, or anything else's kind."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return "missing"
    if stat.S_ISREG(info.st_mode):
        return digest(path)
    return f"kind {stat.S_IFMT(info.st_mode)}"


def judge(tally: Count, db: Path | None, case: Case) -> None:
    """Run one case and count it."""
    keep = [*([db] if db else []), *case.keep]
    before = [fingerprint(p) for p in keep]
    tally.tried += 1
    shown = " ".join(a if len(a) < 60 else a[:60] + "…" for a in case.args)
    try:
        code, _, err = run(db, *case.args, timeout=case.timeout)
    except Hang:
        tally.hangs += 1
        tally.bad(f"hang: {shown}")
        return
    except Exception as exc:  # what escaped main() is a traceback
        tally.tracebacks += 1
        tally.bad(f"{type(exc).__name__}: {shown}")
        return
    one_line = len(err.strip().splitlines()) == 1
    if "Traceback" in err or (code != 0 and code not in FAILURE_CODES):
        tally.tracebacks += 1
        tally.bad(f"traceback {code}: {shown}")
        return
    tally.clean += code == 0 or one_line
    if code == 0:
        ok = case.expect != "refuse" and (case.after is None or case.after())
        tally.right += ok
        tally.wrong += not ok
        if not ok:
            tally.bad(f"accepted: {shown}")
    elif [fingerprint(p) for p in keep] != before:
        tally.changed += 1
        tally.bad(f"changed: {shown}")
    elif case.expect == "accept":
        tally.bad(f"refused a right value: {shown}: {err.strip()[:100]}", counted=False)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def hostile_inputs(rng: random.Random, count: int) -> list[tuple[list[str], str, bytes]]:
    """(command words, suffix, content): bytes, JSON junk, hostile CSV rows."""
    commands = [
        (["import", "pairs"], ".csv"),
        (["import", "table", "--city", "Yokohama"], ".csv"),
        (["import", "table", "--city", "Yokohama"], ".jsonl"),
        (["import", "wikidata"], ".json"),
        (["import", "edges"], ".tsv"),
        (["extract"], ".txt"),
    ]
    junk_json = [
        b"[1, 2]",
        b"[" * 5000 + b"]" * 5000,
        b'{"n": ' + b"9" * 5000 + b"}",
        b'{"partner": "\\ud800", "kind": "sister"}',
        b'{"partner": true, "kind": "sister"}',
        b'{"head": {"vars": ["city", "partner"]}, "results": {"bindings": [[]]}}',
        b'{"entities": {"Q1": {"claims": {"P190": [{"mainsnak": []}]}}}}',
    ]
    hostile_rows = [
        "[/x] Evil",
        "=cmd|calc",
        "+SUM(1)",
        "@HYPERLINK(1)",
        "\x1b[31mred",
        "%",
        "*",
        "_",
        "a" * 2000,
        "\u202eevil",
        "Lyon\x00",
    ]
    out = []
    for i in range(count):
        words, suffix = commands[i % len(commands)]
        pick = rng.random()
        if pick < 0.4:
            data = rng.randbytes(rng.randrange(0, 600))
        elif pick < 0.7 or suffix in (".json", ".jsonl"):
            data = rng.choice(junk_json)
        else:
            name = rng.choice(hostile_rows)
            header = "city1,country1,city2,country2" if words[1:2] == ["pairs"] else "partner,kind"
            row = f'"{name}",France,Lyon,France' if "pairs" in words else f'"{name}",sister'
            data = f"{header}\n{row}\n".encode("utf-8", "surrogatepass")
        out.append((words, suffix, data))
    return out


def bad_inputs(db: Path, folder: Path, count: int, rng: random.Random) -> Count:
    tally = Count("hostile files to importers and extract")
    for n, (words, suffix, data) in enumerate(hostile_inputs(rng, count)):
        path = folder / f"input{n}{suffix}"
        path.write_bytes(data)
        args = (
            [*words[:2], str(path), *words[2:]] if words[0] == "import" else [words[0], str(path)]
        )
        judge(tally, db, Case(tally.family, args, "either"))
    fifo = folder / "fifo"
    os.mkfifo(fifo)
    for special in ("/dev/zero", str(fifo)):
        judge(tally, db, Case(tally.family, ["import", "pairs", special], "refuse", timeout=10))
    return tally


def targeted(db: Path, family: str, cases: list[Case]) -> Count:
    tally = Count(family)
    for case in cases:
        judge(tally, db if "--db" not in case.args else None, case)
    return tally


def kills(db: Path, folder: Path, count: int, rng: random.Random) -> Count:
    tally = Count("kill -9 during import (random moment)")
    source = pairs_file(folder / "many.csv", 2000)
    landed = 0
    for _ in range(count):
        before = state(db)
        proc = start("--db", str(db), "import", "pairs", str(source))
        time.sleep(rng.uniform(0.5, 4.0))
        proc.send_signal(signal.SIGKILL)
        proc.communicate()
        after = state(db)
        tally.tried += 1
        whole = after[0] == "ok" and after[2] in (before[2], before[2] + 2000)
        tally.clean += whole
        tally.lost += not whole
        if after[2] != before[2]:  # it landed: start again from a store without it
            landed += 1
            run(db, "rebuild", "--yes")
    tally.note = f"{landed} imports landed whole before the kill, {count - landed} left nothing"
    return tally


def rebuild_kills(db: Path, count: int, rng: random.Random) -> Count:
    tally = Count("kill -9 during rebuild")
    for _ in range(count):
        before = digest(db)
        proc = start("--db", str(db), "rebuild", "--yes")
        time.sleep(rng.uniform(0.3, 3.0))
        proc.send_signal(signal.SIGKILL)
        proc.communicate()
        tally.tried += 1
        ok = digest(db) == before or state(db)[0] == "ok"
        tally.clean += ok
        tally.lost += not ok
    code, _, _ = run(db, "rebuild", "--yes")
    left = list(db.parent.glob(".*.tmp"))
    tally.note = f"temporaries left after the next rebuild: {len(left)}"
    tally.lost += bool(left) or code != 0
    return tally


def races(db: Path, folder: Path, count: int) -> Count:
    """Three imports at once (every reported one must be there); and an import that
    starts while a rebuild builds: reported done means kept (the rebuild then refuses)."""
    tally = Count("concurrent imports, and an import during a rebuild")
    for round_ in range(count):
        files = []
        for i in range(3):
            f = pairs_file(folder / f"race{round_}-{i}.csv", 150)
            f.write_text(f.read_text().replace("Testtown", f"R{round_}x{i}town"))
            files.append(f)
        before = state(db)[2]
        procs = [start("--db", str(db), "import", "pairs", str(f)) for f in files]
        reported = 0
        for p in procs:
            _out, err = p.communicate()
            tally.tried += 1
            clean = p.returncode == 0 or (
                len(err.strip().splitlines()) == 1 and "Traceback" not in err
            )
            tally.clean += clean
            tally.tracebacks += "Traceback" in err
            reported += 150 if p.returncode == 0 else 0
        if state(db)[2] != before + reported:
            tally.lost += 1
            tally.bad(f"round {round_}: {reported} reported, {state(db)[2] - before} there")
    for round_ in range(max(1, count // 2)):
        late = pairs_file(folder / f"late{round_}.csv", 120)
        late.write_text(late.read_text().replace("Testtown", f"L{round_}town"))
        rebuild = start("--db", str(db), "rebuild", "--yes")
        time.sleep(2.0)  # the rebuild has checked the store and is building
        imported = start("--db", str(db), "import", "pairs", str(late))
        _, err = imported.communicate()
        _, rebuild_err = rebuild.communicate()
        tally.tried += 2
        tally.clean += (imported.returncode == 0 or len(err.strip().splitlines()) == 1) + (
            rebuild.returncode == 0 or len(rebuild_err.strip().splitlines()) == 1
        )
        tally.tracebacks += ("Traceback" in err) + ("Traceback" in rebuild_err)
        if imported.returncode == 0:
            with open_store(db) as store:
                there = len(store.claims(source_id=f"import-pairs-late{round_}"))
            if there != 120:
                tally.lost += 1
                tally.bad(f"import reported done during a rebuild, {there} of 120 there")
    return tally


def disks(db: Path, folder: Path) -> Count:
    tally = Count("full and read-only disk (tmpfs)")
    size = db.stat().st_size
    with tmpfs(folder / "full", f"{size // 1024 + 96}k") as mount:
        if mount is None:
            tally.note = "no tmpfs on this machine: see tests/robustness (simulated)"
            return tally
        target = mount / "store.db"
        target.write_bytes(db.read_bytes())
        before = state(target)
        big = pairs_file(folder / "big.csv", 4000)
        code, _, err = run(target, "import", "pairs", str(big))
        tally.tried += 1
        tally.clean += code == 4 and "disk is full" in err
        tally.changed += state(target) != before
    with tmpfs(folder / "ro", f"{size // 1024 + 4096}k") as mount:  # the store, grown
        if mount is None:
            return tally
        target = mount / "store.db"
        target.write_bytes(db.read_bytes())
        remount_read_only(mount)
        before = digest(target)
        for args in (
            ["review", "accept", "--all"],
            ["import", "pairs", str(big)],
            ["rebuild", "--yes"],
        ):
            code, _, err = run(target, *args)
            tally.tried += 1
            tally.clean += code in (3, 4) and len(err.strip().splitlines()) == 1
        tally.changed += digest(target) != before
    return tally


def use_private_home(home: Path) -> None:
    """CITYDIP_HOME in the run's folder (updates keep their pages there), holding the
    gazetteer index of the user's data folder (linked: building it takes minutes)."""
    from citydip.gazetteer.index import index_path

    shared = index_path()
    os.environ["CITYDIP_HOME"] = str(home)
    os.environ.pop("CITYDIP_DB", None)
    target = index_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    if shared.exists() and not target.exists():
        try:
            os.link(shared, target)
        except OSError:
            import shutil

            shutil.copyfile(shared, target)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--inputs", type=int, default=200)
    parser.add_argument("--kills", type=int, default=12)
    parser.add_argument("--races", type=int, default=4)
    args = parser.parse_args()
    rng = random.Random(15)
    from citydip.stores import build_store

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        use_private_home(folder / "home")
        db = folder / "store.db"
        build_store(db, world=False).close()
        started = time.perf_counter()
        url, stop = bad_endpoint()
        try:
            counts = [
                bad_inputs(db, folder, args.inputs, rng),
                targeted(db, "impossible values to every importer", value_cases(folder)),
                targeted(db, "nothing destroyed", file_cases(folder / "files", db)),
                targeted(db, "update wikidata always ends", update_cases(url)),
                kills(db, folder, args.kills, rng),
                rebuild_kills(db, max(3, args.kills // 3), rng),
                races(db, folder, args.races),
                disks(db, folder),
            ]
        finally:
            stop()
        elapsed = time.perf_counter() - started
    write(counts, args, elapsed)


def write(counts: list[Count], args: argparse.Namespace, elapsed: float) -> None:
    total = Count("**total**")
    for name in Count.FIELDS:
        setattr(total, name, sum(getattr(c, name) for c in counts))
    lines = [
        "# Robustness (issues 15 and 24)",
        "",
        f"`benchmarks/robustness.py --inputs {args.inputs} --kills {args.kills} "
        f"--races {args.races}`, {elapsed:.0f} s, on the curated store, {os.cpu_count()} "
        "cores. *Clean*: success, or one line on stderr with a documented exit code and no "
        "traceback. *Accepted right*: exit 0 where that is right (a real value, random junk "
        "that is valid). *Accepted wrong*: exit 0 for an impossible value or a file that "
        "had to be refused. *Store changed*: a failed command that changed the store or a "
        "file it had to leave alone. *Write lost*: a success reported for a write that is "
        "not there, a kill that left half an import or a broken store. Target: clean = "
        "tried, ≥ 400 cases, 0 in the last five columns.",
        "",
        "| family | tried | clean | accepted right | accepted wrong | traceback | hang "
        "| store changed | write lost | note |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for c in [*counts, total]:
        note = "; ".join([c.note, *c.examples]).strip("; ").replace("|", "/")
        cells = " | ".join(str(getattr(c, name)) for name in Count.FIELDS)
        lines.append(f"| {c.family} | {cells} | {note} |")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "robustness.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    print(json.dumps({name: getattr(total, name) for name in Count.FIELDS}))


if __name__ == "__main__":
    main()
