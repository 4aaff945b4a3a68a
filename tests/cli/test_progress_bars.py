"""The CLI's one Progress: Rich bars on stderr, one per task, only on a terminal."""

from __future__ import annotations

from typing import Any, ClassVar

import pytest

from citydip.cli import progress as cli_progress
from citydip.cli.progress import Bars, bars, install
from citydip.progress import default, silent


def test_a_bar_per_task_each_gone_when_done_and_the_display_with_the_last() -> None:
    shown = Bars()
    shown("Resolving places", 0, 2)
    shown("Reading x.pdf", 3, None)
    assert shown.display is not None and set(shown.tasks) == {"Resolving places", "Reading x.pdf"}
    shown("Resolving places", 2, 2)
    assert shown.display is not None and list(shown.tasks) == ["Reading x.pdf"]
    shown("Reading x.pdf", 4, 4)
    assert shown.display is None and shown.tasks == {}
    shown("[bold]not markup[/]", 1, None)  # a task's name is text, never Rich markup
    assert shown.display.tasks[0].description == r"\[bold]not markup\[/]"
    shown.stop()
    assert shown.display is None
    shown("Building an empty store", 0, 0)  # finished at once: never drawn
    assert shown.display is None and shown.tasks == {}


def test_off_a_terminal_or_quiet_nothing_is_drawn(monkeypatch: pytest.MonkeyPatch) -> None:
    with bars() as progress:  # pytest's stderr is not a terminal
        assert progress is silent
    monkeypatch.setattr(cli_progress, "terminal", lambda: True)
    with bars(False) as progress:  # --quiet, or a machine-read format
        assert progress is silent
    with bars(data=True) as progress:
        assert isinstance(progress, Bars) and progress.data


def test_the_cli_makes_its_bars_the_default_only_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with install():
        assert default() is silent
    monkeypatch.setattr(cli_progress, "terminal", lambda: True)
    with install():
        assert isinstance(default(), Bars)
    assert default() is silent


class Told:
    """Stands in for the CLI's bars: keeps what a command tells them."""

    made: ClassVar[list[Told]] = []

    def __init__(self, *, data: bool = False) -> None:
        self.told: list[tuple[str, int, int | None]] = []
        Told.made.append(self)

    def __call__(self, task: str, done: int, total: int | None = None) -> None:
        self.told.append((task, done, total))

    def stop(self) -> None:
        pass


@pytest.mark.parametrize(
    ("args", "step"),
    [
        (["network", "homophily"], "Computing mixing and distances"),
        (["network", "communities"], "Finding communities (Leiden)"),
        (["network", "countries"], "Counting ties between countries"),
        (["network", "export", "geojson", "-"], "Drawing ties"),
    ],
)
def test_the_network_commands_show_the_library_steps(
    cli: Any, monkeypatch: pytest.MonkeyPatch, args: list[str], step: str
) -> None:
    monkeypatch.setattr(cli_progress, "terminal", lambda: True)
    monkeypatch.setattr(cli_progress, "Bars", Told)
    Told.made = []
    result = cli(*args, "--kind", "sister")  # a filter of its own: computed, not read back
    assert result.exit_code == 0, result.stderr
    tasks = {task for shown in Told.made for task, _, _ in shown.told}
    assert step in tasks and "Building the network" in tasks
    Told.made = []  # another filter, so computed again, but told to no bar
    quiet = cli(*args, "--since", "1950", "--quiet")
    assert quiet.exit_code == 0, quiet.stderr
    assert all(not shown.told for shown in Told.made)
