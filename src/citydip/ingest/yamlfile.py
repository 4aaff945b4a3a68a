"""YAML reading that remembers the line of every mapping, for ``file:line: field`` errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from citydip.errors import DataError

LINE = "__line__"


class _LineLoader(yaml.SafeLoader):
    """A safe loader whose mappings carry their 1-based line under ``__line__``."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise DataError(loader.name, key_node.start_mark.line + 1, str(key), "key given twice")
        mapping[key] = loader.construct_object(value_node, deep=True)
    mapping[LINE] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
# Dates stay strings: '2006-05' and '2006-05-01' are both partial ISO dates to us.
_LineLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(path: Path, label: str | None = None) -> Any:
    """Parse a YAML file; syntax errors become a DataError naming the file and line."""
    name = label or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(name, None, None, f"not UTF-8 text ({exc.reason})") from exc
    except OSError as exc:
        raise DataError(name, None, None, f"cannot read ({exc.strerror})") from exc
    loader = _LineLoader(text)
    loader.name = name
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise DataError(name, line, None, f"YAML syntax: {exc.problem}") from exc
    except yaml.YAMLError as exc:
        raise DataError(name, None, None, f"YAML: {exc}") from exc
    finally:
        loader.dispose()
