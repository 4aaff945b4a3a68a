"""Name folding shared by the store's name index and every lookup."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_PUNCT = re.compile(r"[\s\-‐‑‒–—_.,'’`\"()\[\]/]+")
# Characters that differ only by variant form (traditional/simplified, cedilla/comma-below).
_VARIANTS = str.maketrans({"臺": "台", "ş": "s", "ţ": "t", "ș": "s", "ț": "t"})
_SUFFIXES: tuple[str, ...] = (" city", " shi", " municipality", " metropolitan city", "市")
# unit suffixes of Korea and Japan written apart: "Suseong Gu", "Minato Ku", "Nagaizumi Cho"
_SUFFIXES += (" gu", " ku", " si", " cho", " machi", " gun")


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """Case-, accent- and punctuation-insensitive key for a name, in any script (a pure
    function of the name: cached, as extraction folds the same names again and again)."""
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
    words = key.split(" ")
    if any(w in ABBREVIATIONS for w in words):  # "St. Petersburg" is "Saint Petersburg"
        variants.append(" ".join(ABBREVIATIONS.get(w, w) for w in words))
    return variants


# Abbreviations written in place names, as folded (the dot is gone) → the word.
ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "port"}


def slugify(name: str) -> str:
    """An ASCII id fragment for a name (used for ids of imported entities)."""
    from anyascii import anyascii

    return re.sub(r"[^a-z0-9]+", "-", anyascii(name).lower()).strip("-") or "x"


# -- hostile text -------------------------------------------------------------------------

MAX_NAME_LENGTH = 300  # characters: no place, organization or query is longer
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_CONTROL_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def clean_text(text: str, one_line: bool = False) -> str:
    """``text`` without ANSI escape sequences, control characters and lone surrogates
    (tabs and newlines kept unless ``one_line``): what reaches the store and the terminal."""
    if text.isprintable():
        return text
    text = _ANSI.sub("", text)
    return (_CONTROL_LINE if one_line else _CONTROL).sub("", text)


def check_name_length(name: str, what: str = "name") -> str:
    """``name`` itself, or an InvalidInput when it is longer than any real name."""
    if len(name) > MAX_NAME_LENGTH:
        from citydip.errors import InvalidInput

        raise InvalidInput(
            f"{what} of {len(name):,} characters is too long (at most {MAX_NAME_LENGTH})"
        )
    return name


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot name a place or organization (None when it can): longer than any
    real name. (Names without letters, ``%`` or ``*``, stay places of their own that never
    merge: docs/identity.md; a JSON ``true`` is refused by type where it is read.)"""
    if len(name) > MAX_NAME_LENGTH:
        return f"{len(name):,} characters is too long for a name (at most {MAX_NAME_LENGTH})"
    return None


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


def formula_safe(text: str) -> str:
    """A spreadsheet cell that is never a formula: text starting with = + - @ (or a tab, a
    carriage return) gets a leading quote; a number (``-81.6947``, ``+3``, ``-1e-05``) is
    no formula and stays a number."""
    if text.startswith(_FORMULA_START) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def plural(n: int, word: str, many: str | None = None) -> str:
    """'1 tie', '2 ties'; ``many`` for irregular plurals ('1 country', '3 countries')."""
    return f"{n} {word if n == 1 else (many or word + 's')}"
