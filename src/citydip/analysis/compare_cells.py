"""What a compare cell is and the wording helpers the cells share (labels, plurals, lists)."""

from __future__ import annotations

from dataclasses import dataclass

from citydip.text import plural

__all__ = ["Cell", "join_words", "plural", "theme_label"]

THEME_LABELS = {
    "technical-cooperation": "technical cooperation",
    "urban-development": "sustainable urban development",
    "sdgs": "SDGs implementation",
    "smart-city": "smart-city technology",
    "visibility": "political visibility and international recognition",
    "culture": "cultural exchange",
    "climate": "climate change",
    "energy": "clean energy",
    "water": "water and sanitation",
    "waste": "waste management",
    "reconstruction": "post-war reconstruction",
}


def theme_label(theme: str) -> str:
    return THEME_LABELS.get(theme, theme.replace("-", " "))


@dataclass
class Cell:
    text: str
    source_ids: list[str]


def join_words(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
