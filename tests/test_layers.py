"""Imports follow the layer order of docs/architecture.md: a module imports only its own
layer and the layers below it (imports inside functions and TYPE_CHECKING blocks count)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "citydip"


def _layers() -> list[list[str]]:
    """The layer order, lowest first, read from the doc's ``Import order`` block."""
    doc = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    block = doc.split("## Import order", 1)[1].split("```", 2)[1]
    return [re.findall(r"[a-z_]+", line) for line in block.strip().splitlines()]


def _rank() -> dict[str, int]:
    return {name: i for i, names in enumerate(_layers()) for name in names}


def _top(module: str) -> str:
    """``citydip.store.models`` -> ``store``; ``citydip.errors`` -> ``errors``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("citydip.")]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "citydip":  # a submodule, or the root's __version__ (no layer)
                found += [
                    (node.lineno, f"citydip.{a.name}") for a in node.names if a.name[0] != "_"
                ]
            elif node.module.startswith("citydip."):
                found.append((node.lineno, node.module))
    return found


def _violations() -> list[str]:
    rank = _rank()
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE)
        own = rel.parts[0].removesuffix(".py")
        if own in ("__init__", "__main__"):
            continue  # the package root only re-exports lazily; __main__ starts the CLI
        assert own in rank, f"{rel}: its layer is not in docs/architecture.md"
        for line, module in _imports(path):
            target = _top(module)
            if target == own:
                continue
            assert target in rank, f"{rel}:{line}: {module} is in no layer"
            if rank[target] >= rank[own]:
                out.append(f"{rel}:{line}: imports {module} ({target} is not below {own})")
    return out


def test_every_module_imports_only_layers_below_it() -> None:
    assert _violations() == []


def test_the_checker_sees_an_upward_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from citydip.api import city_profile\n", encoding="utf-8")
    assert _imports(bad) == [(2, "citydip.api")]
    rank = _rank()
    assert rank["store"] < rank["knowledge"] < rank["api"] < rank["cli"]
    assert rank["knowledge"] < rank["ingest"] < rank["analysis"]
