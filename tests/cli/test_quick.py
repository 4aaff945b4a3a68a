"""The common commands read without Typer (cli/quick.py): the same answer as through Typer,
every other command line left to Typer, and a start-up that imports nothing heavy."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

import pytest

from citydip.cli.quick import COMMANDS, quick_command

SAME_ANSWER = [
    ("city", "Yokohama"),
    ("city", "横浜", "-f", "json"),
    ("city", "Taipei", "--format", "csv", "--merge-districts"),
    ("compare", "Yokohama", "Taipei", "-f", "md"),
    ("compare", "Yokohama", "Taipei"),
    ("place", "Yokohama"),
    ("cities",),
    ("cities", "yoko", "-n", "3", "--format", "csv"),
    ("cities", "--sort", "name", "--limit", "0", "-f", "json"),
    ("org", "C40"),
    ("org", "C40", "-n", "2", "-f", "json"),
    ("orgs",),
    ("conflicts", "Taipei", "-n", "5"),
    ("conflicts", "-k", "count", "-k", "date", "-f", "json"),
    ("network", "stats", "-q"),
    ("network", "city", "Yokohama", "--format", "json", "-q", "--wave-gap", "3"),
    ("network", "top", "--by", "pagerank", "-n", "3", "-q"),
    ("network", "stats", "--kind", "sister", "--skip-heavy", "-q"),
    ("network", "top", "--format", "csv", "-n", "2", "-q", "--since", "1990"),
    ("city", "Atlantis"),  # an error: one line, the same exit code
    ("compare", "Yokohama"),
    ("--db", "{db}", "city", "Taipei", "-f", "json"),
]


def _typer(args: list[str]) -> tuple[int, str, str]:
    from citydip.cli import main

    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(args, quick=False)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("line", SAME_ANSWER, ids=" ".join)
def test_a_quick_command_answers_as_typer_does(cli: Any, line: tuple[str, ...]) -> None:
    args = [str(cli.db_path) if a == "{db}" else a for a in line]
    assert quick_command(args) is not None
    quick = cli(*args)
    code, out, err = _typer(args)
    assert (quick.exit_code, quick.stdout, quick.stderr) == (code, out, err)
    assert quick.stdout or quick.stderr


@pytest.mark.parametrize(
    "line",
    [
        [],
        ["--version"],
        ["--help"],
        ["city", "--help"],
        ["city", "-h"],
        ["city"],
        ["city", "A", "B"],
        ["city", "A", "--format=json"],
        ["city", "A", "-fjson"],
        ["city", "A", "-f", "xml"],
        ["city", "A", "--merge"],
        ["city", "--", "A"],
        ["cities", "-n", "-1"],
        ["cities", "-n", "ten"],
        ["cities", "-n", "3", "-n", "4"],
        ["--db", "", "city", "A"],
        ["--db=x.db", "city", "A"],
        ["city", "A", "--db", "x.db"],
        ["network", "stats", "--kind"],
        ["network"],
        ["report", "Yokohama"],
        ["Yokohama"],
    ],
)
def test_anything_else_is_left_to_typer(line: list[str]) -> None:
    assert quick_command(line) is None


def test_shell_completion_is_left_to_typer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_CITYDIP_COMPLETE", "bash_complete")
    assert quick_command(["city", "Yokohama"]) is None


def test_quick_commands_have_the_options_of_their_typer_commands() -> None:
    """A command is declared once, in quick.py; its Typer command is made from that
    declaration: the same flags, defaults, choices, bounds and help, the same arguments."""
    import typer

    from citydip.cli import _register
    from citydip.cli.app import app

    _register()
    root = typer.main.get_command(app)
    for command in COMMANDS:
        found: Any = root
        for word in command.path:
            found = found.commands[word]
        typer_options = {
            name: param
            for param in found.params
            if param.param_type_name == "option"
            for name in (*param.opts, *param.secondary_opts)
        }
        for name in ("--help", "-h"):
            typer_options.pop(name, None)
        quick = {name: option for option in command.options for name in option.names}
        assert quick.keys() == typer_options.keys(), command.path
        for name, option in quick.items():
            param = typer_options[name]
            assert param.help == option.help, (command.path, name)
            assert param.multiple is (option.kind == "many"), (command.path, name)
            if option.kind == "choice":
                assert tuple(param.type.choices) == option.choices, (command.path, name)
                assert param.default == option.default, (command.path, name)
            elif option.kind != "many":
                assert param.default == option.default, (command.path, name)
            assert getattr(param.type, "min", None) == option.minimum, (command.path, name)
        arguments = [p for p in found.params if p.param_type_name == "argument"]
        most = sum(1 if p.nargs == 1 else 10**6 for p in arguments)
        assert (command.most if command.most is not None else 10**6) == most, command.path
        assert all(p.required is (command.least > 0) for p in arguments), command.path
        assert found.help == command.doc, command.path


def test_a_choice_added_to_the_declaration_is_read_by_both() -> None:
    """``network top --format csv`` was a choice of the Typer command only (quick.py left
    it to Typer); one declaration gives it to both."""
    assert quick_command(["network", "top", "--format", "csv", "-q"]) is not None


HEAVY = (
    "rich.progress",  # the CLI's bars load it at their first report only
    "typer",
    "click",
    "pydantic",
    "jinja2",
    "fastapi",
    "igraph",
    "numpy",
    "yaml",
    "pycountry",
    "spacy",
    "weasyprint",
    "importlib.metadata",
    "citydip.gazetteer.resolver",  # the gazetteer: its resolver, matcher and index
    "citydip.gazetteer.match",
    "citydip.gazetteer.index",
    "citydip.analysis.network.stats",
)


def _started(db: Path, args: list[str]) -> tuple[int, list[str], str]:
    """Run ``citydip ARGS`` in a new process; its exit code, the heavy modules it imported
    and its output."""
    import citydip

    probe = (
        "import json, sys\n"
        "from citydip.cli import main\n"
        f"code = main({args!r})\n"
        f"heavy = sorted(m for m in {HEAVY!r} if m in sys.modules)\n"
        "sys.stderr.write('\\n' + json.dumps([code, heavy]))\n"
    )
    src = str(Path(citydip.__file__).resolve().parents[1])
    env = {**os.environ, "CITYDIP_DB": str(db), "PYTHONPATH": src, "COLUMNS": "120"}
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    code, heavy = json.loads(done.stderr.strip().splitlines()[-1])
    return code, heavy, done.stdout


def test_a_cached_answer_starts_without_heavy_modules(cli: Any) -> None:
    """The second ``network city`` reads the first one's answer from the store's cache: no
    graph is built, igraph is not loaded, nor Typer, Rich or anything else heavy."""
    args = ["network", "city", "Yokohama", "-q"]
    first = _started(cli.db_path, args)
    assert first[0] == 0 and "igraph" in first[1]  # computed: the probe sees igraph
    code, heavy, out = _started(cli.db_path, args)
    assert code == 0 and out == first[2]
    assert heavy == []
    code, heavy, _ = _started(cli.db_path, ["network", "stats", "-q"])
    code, heavy, _ = _started(cli.db_path, ["network", "stats", "-q"])
    assert code == 0 and heavy == []


@pytest.mark.parametrize(
    "args",
    [
        ["city", "Yokohama", "-f", "json"],
        ["compare", "Yokohama", "Taipei"],
        ["cities"],
        ["org", "C40"],
        ["place", "Yokohama"],
        ["conflicts", "-n", "3"],
    ],
)
def test_the_common_commands_start_without_heavy_modules(cli: Any, args: list[str]) -> None:
    code, heavy, out = _started(cli.db_path, args)
    assert code == 0 and out
    assert heavy == [] or (heavy == ["yaml"] and args[0] == "compare")
