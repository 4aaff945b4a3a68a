"""``citydip conflicts``: where sources disagree, most severe first.

Declared once, in ``cli/commands.py``: ``cli/quick.py`` answers it without Typer; here it
is registered on Typer (help, and any command line quick.py leaves)."""

from __future__ import annotations

from citydip.cli import commands
from citydip.cli.app import add_command, app

add_command(app, commands.BY_PATH[("conflicts",)])
