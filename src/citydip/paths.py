"""Where citydip keeps its files: the default store and the indexes (``CITYDIP_HOME``)."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_DIR_ENV = "CITYDIP_HOME"


def data_home() -> Path:
    """Where citydip keeps its default store and indexes."""
    if os.environ.get(DEFAULT_DIR_ENV):
        return Path(os.environ[DEFAULT_DIR_ENV])
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "citydip"
