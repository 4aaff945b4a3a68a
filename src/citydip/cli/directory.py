"""``citydip cities``, ``org`` and ``orgs``: what the store holds, found by name.

The three are declared once, in ``cli/commands.py``: ``cli/quick.py`` answers them without
Typer; here they are registered on Typer (help, and any command line quick.py leaves)."""

from __future__ import annotations

from citydip.cli import commands
from citydip.cli.app import add_command, app

for _path in (("cities",), ("org",), ("orgs",)):
    add_command(app, commands.BY_PATH[_path])
