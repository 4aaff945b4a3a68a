"""Name folding shared by the store's name index and every lookup."""

from __future__ import annotations

import re
import unicodedata

_PUNCT = re.compile(r"[\s\-‐‑‒–—_.,'’`\"()\[\]/]+")
# Characters that differ only by variant form (traditional/simplified, cedilla/comma-below).
_VARIANTS = str.maketrans({"臺": "台", "ş": "s", "ţ": "t", "ș": "s", "ț": "t"})
_SUFFIXES = (" city", " shi", " municipality", " metropolitan city", "市")


def fold(name: str) -> str:
    """Case-, accent- and punctuation-insensitive key for a name, in any script."""
    text = unicodedata.normalize("NFKC", name).translate(_VARIANTS)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().translate(_VARIANTS)
    return _PUNCT.sub(" ", text).strip()


def fold_variants(name: str) -> list[str]:
    """The folded name, and the same without a trailing 'City' / '-shi' / '市' suffix."""
    key = fold(name)
    variants = [key]
    for suffix in _SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix):
            variants.append(key[: -len(suffix)].strip())
    if key.startswith("city of "):
        variants.append(key[len("city of ") :])
    return variants


def slugify(name: str) -> str:
    """An ASCII id fragment for a name (used for ids of imported entities)."""
    from anyascii import anyascii

    return re.sub(r"[^a-z0-9]+", "-", anyascii(name).lower()).strip("-") or "x"
