"""Names a package exports but imports only on first use (PEP 562), so that importing the
package stays fast: ``__getattr__ = lazy_exports(__name__, {"name": "its.module"})``."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any


def lazy_exports(package: str, modules: Mapping[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` that imports a name's own module when the name is first
    asked for and keeps the value in ``package`` (later lookups do not come here)."""

    def __getattr__(name: str) -> Any:
        if name in modules:
            import importlib
            import sys

            value = getattr(importlib.import_module(modules[name]), name)
            setattr(sys.modules[package], name, value)
            return value
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return __getattr__
