"""``citydip cities``, ``org`` and ``orgs``: what the store holds, found by name.

The three are declared once, in ``cli/quick.py``, which answers them without Typer; here
they are registered on Typer (help, and any command line quick.py leaves to Typer)."""

from __future__ import annotations

from citydip.cli import quick
from citydip.cli.app import add_command, app

for _path in (("cities",), ("org",), ("orgs",)):
    add_command(app, quick.BY_PATH[_path])
