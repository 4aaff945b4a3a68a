"""``citydip conflicts``: where sources disagree, most severe first.

Declared once, in ``cli/quick.py``, which answers it without Typer; registered on Typer
here (help, and any command line quick.py leaves to Typer)."""

from __future__ import annotations

from citydip.cli import quick
from citydip.cli.app import add_command, app

add_command(app, quick.BY_PATH[("conflicts",)])
