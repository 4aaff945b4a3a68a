"""Docs are tested: every command is in the README tour, every folder in the architecture,
every vocabulary term in docs/vocabulary.md; the public API is what __all__ says."""

from __future__ import annotations

import re
from pathlib import Path

import citydip
from citydip import vocabulary
from citydip.cli import _register
from citydip.cli.app import app

ROOT = Path(__file__).resolve().parents[1]


def _command_names() -> list[str]:
    _register()
    names = [c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands]
    names += [g.name or "" for g in app.registered_groups]
    return sorted(n for n in names if n)


def test_every_command_is_in_the_readme_tour() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    tour = readme.split("## A short tour", 1)[1].split("##", 1)[0]
    for name in _command_names():
        assert re.search(rf"citydip {re.escape(name)}\b", tour), name


def test_every_package_folder_is_in_the_architecture_doc() -> None:
    doc = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    package = ROOT / "src" / "citydip"
    for folder in sorted(p for p in package.iterdir() if p.is_dir() and p.name != "__pycache__"):
        assert f"src/citydip/{folder.name}/" in doc, folder.name


def test_vocabulary_doc_names_every_term() -> None:
    doc = (ROOT / "docs" / "vocabulary.md").read_text(encoding="utf-8")
    terms = [
        *vocabulary.ENTITY_TYPES,
        *vocabulary.TIE_KINDS,
        *vocabulary.TIE_STATUSES,
        *vocabulary.MEMBERSHIP_ROLES,
        *vocabulary.PREDICATES,
        *vocabulary.COUNT_METRICS,
        *vocabulary.THEMES,
        *vocabulary.MECHANISMS,
        *vocabulary.SOURCE_KINDS,
        *vocabulary.METHODS,
        *vocabulary.REVIEW_STATES,
    ]
    for term in terms:
        assert f"`{term}`" in doc, term


def test_public_api_is_complete_and_sorted() -> None:
    assert citydip.__all__ == sorted(citydip.__all__)
    for name in citydip.__all__:
        assert getattr(citydip, name) is not None, name
    assert callable(citydip.compare_cities)


def _setup_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Set-up", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    return [line for line in block.splitlines() if line.strip() and not line.startswith("#")]


def test_readme_setup_commands() -> None:
    first, second = _setup_commands()
    assert (first, second) == ("scripts/setup", "scripts/dev-setup")
    main_job = (ROOT / first).read_text(encoding="utf-8")
    assert "python3 -m venv .venv && .venv/bin/pip install -e . && .venv/bin/citydip compare" in (
        main_job
    )
    assert "cities=(Yokohama Taipei)" in main_job and "ensure_packages python3-venv" in main_job
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert [line for line in ci.splitlines() if line.startswith("scripts/")] == [second]
    script = (ROOT / second).read_text(encoding="utf-8")
    command = (
        "python3 -m venv .venv && .venv/bin/pip install -e '.[all]' && .venv/bin/python -m pytest"
    )
    shared = (ROOT / "scripts" / "system-packages.sh").read_text(encoding="utf-8")
    assert command in script and "ensure_packages" in script and "apt-get install" in shared
    assert "apt-get" not in ci  # the packages are the script's business, not CI's alone
    for package in ("chromium", "libatomic1", "libharfbuzz-subset0", "fonts-noto-cjk"):
        assert package in script and package in readme_text(), package
    assert "poppler-utils" in script and "python3-venv" in script


def readme_text() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_readme_test_command_prints_the_passed_summary() -> None:
    """CI reads pytest's "N passed in …" line: the settings pass one -q, which keeps it; a
    second -q (in the README's command, .ci/run or addopts) would hide it."""
    import tomllib

    root = Path(__file__).resolve().parents[1]
    settings = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["pytest"]
    quiet = settings["ini_options"]["addopts"].split().count("-q")
    script = (root / "scripts" / "dev-setup").read_text()
    command = re.search(r"\.venv/bin/python -m pytest[^\n`]*", script)
    assert command is not None
    assert quiet + command.group(0).split().count("-q") <= 1
    assert "-q" not in (root / ".ci" / "run").read_text().split()


def test_the_readme_documents_every_exit_code() -> None:
    from citydip import errors

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    table = readme[readme.index("| exit | meaning |") :]
    codes = {
        cls.exit_code
        for cls in vars(errors).values()
        if isinstance(cls, type) and issubclass(cls, errors.CitydipError)
    }
    for code in codes | {0, 2}:
        assert re.search(rf"^\| {code} \|", table, re.MULTILINE), code
