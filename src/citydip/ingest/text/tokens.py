"""A small tokenizer and phrase matcher in plain Python, so that reading a short text does
not import a language toolkit (issue 22: ``citydip extract`` of a 3 KB text in under a
second from a cold start).

    tokenize(text)                -> Doc   tokens with ``text``, ``lower_``, ``i``, ``idx``
    Doc / Span                          indexing, slicing, ``text``, ``char_span``, ``ents``
    Matcher(registry, cues).names(doc) -> entities (known names, countries, acronyms)
    Matcher(registry, cues).cues(doc)  -> (cue name, start, end) for every cue phrase

Tokens follow the English conventions the rules were written for: punctuation is split off
("Lille," -> "Lille" ","), a possessive is its own token ("Bristol's" -> "Bristol" "'s"),
hyphens and slashes inside words are tokens ("Rostov-on-Don" -> "Rostov" "-" "on" "-"
"Don", "1966-1992" -> "1966" "-" "1992"), numbers keep their separators ("1,762", "3.7")
and abbreviations keep their full stop ("St.", "U.S.", "e.g.").

Known names match case- and accent-insensitively through the registry's folded keys,
longest first, and must start with a capital or a digit (the mention finder checks); an
acronym matches exactly where no name did.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from citydip.text import fold

_PREFIX = re.compile(r"^[\"'(\[{<*\u00a7$\u00a3\u20ac#~`]")
_SUFFIX_PUNCT = re.compile(r"[\"')\]}>%,;:!?*\u2026]$")
_POSSESSIVE = re.compile(r"^(.+?)('s|'S|')$")
_NEGATION = re.compile(r"^(.+?)(n't)$", re.I)
_INFIX = re.compile(r"(?<=[^\W_])([-/]|\.\.\.)(?=[^\W_])|(?<=[a-z])\.(?=[A-Z][a-z])")
_NUMBER = re.compile(r"^\d[\d,.]*\d$|^\d$")
ABBREVIATIONS = {
    "st", "mr", "mrs", "ms", "dr", "prof", "jr", "sr", "inc", "ltd", "co", "mt", "ft", "no",
    "vs", "etc", "approx", "ca", "cf", "al", "gen", "gov", "dept", "fig", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "cllr", "cr",
    "hon", "rev", "ave", "nos", "vol", "pp", "ed", "eds", "sta", "sto", "ste",
}  # fmt: skip


class Token:
    __slots__ = ("i", "idx", "lower_", "text")

    def __init__(self, text: str, idx: int, i: int) -> None:
        self.text = text
        self.lower_ = text.lower()
        self.idx = idx
        self.i = i

    @property
    def is_alpha(self) -> bool:
        return self.text.isalpha()

    def __repr__(self) -> str:
        return self.text


class Ent:
    """A matched name: tokens [start, end) of its doc, a label and the registry key."""

    __slots__ = ("end", "ent_id_", "label_", "start", "text")

    def __init__(self, start: int, end: int, text: str, label: str, key: str) -> None:
        self.start, self.end, self.text, self.label_, self.ent_id_ = start, end, text, label, key


class Doc:
    def __init__(self, text: str, tokens: list[Token]) -> None:
        self.text = text
        self.tokens = tokens
        self.ents: list[Ent] = []
        self._starts: list[int] | None = None
        # indices of the tokens a year may start at (normalise.years_in fills it once)
        self.year_starts: list[int] | None = None

    def __len__(self) -> int:
        return len(self.tokens)

    def __iter__(self) -> Iterator[Token]:
        return iter(self.tokens)

    def __getitem__(self, key: Any) -> Any:
        if type(key) is int:  # the common case first
            return self.tokens[key]
        if isinstance(key, slice):
            start, stop, _ = key.indices(len(self.tokens))
            return Span(self, start, max(start, stop))
        return self.tokens[key]

    def char_span(self, a: int, b: int, alignment_mode: str = "expand") -> Span | None:
        """The tokens overlapping characters [a, b)."""
        if self._starts is None:
            self._starts = [t.idx for t in self.tokens]
        starts = self._starts
        first = bisect_right(starts, a) - 1
        if first < 0 or self.tokens[first].idx + len(self.tokens[first].text) <= a:
            first += 1
        last = bisect_left(starts, b)
        return Span(self, first, last) if first < last else None


class Span:
    __slots__ = ("_text", "doc", "end", "start", "tokens")

    def __init__(self, doc: Doc, start: int, end: int) -> None:
        self.doc, self.start, self.end = doc, start, end
        self.tokens = doc.tokens[start:end]
        self._text: str | None = None  # (a unit's text is asked for by many rules)

    def __len__(self) -> int:
        return len(self.tokens)

    def __iter__(self) -> Iterator[Token]:
        return iter(self.tokens)

    def __getitem__(self, key: Any) -> Any:
        if type(key) is int:
            return self.tokens[key]
        start, stop, _ = key.indices(len(self.tokens))
        return Span(self.doc, self.start + start, self.start + max(start, stop))

    @property
    def text(self) -> str:
        if self._text is None:
            if self.end <= self.start:
                self._text = ""
            else:
                first, last = self.doc.tokens[self.start], self.doc.tokens[self.end - 1]
                self._text = self.doc.text[first.idx : last.idx + len(last.text)]
        return self._text

    @property
    def ents(self) -> list[Ent]:
        return [e for e in self.doc.ents if e.start >= self.start and e.end <= self.end]


def glued(before: Token, after: Token) -> bool:
    """No space between two tokens: "Rostov" "-" in "Rostov-on-Don", not "Lyon -"."""
    return bool(after.idx == before.idx + len(before.text))


def broken(text: str, before: Token, after: Token) -> bool:
    """A tab or a line break between two tokens of ``text`` (their doc's text): a table's
    cells ("Caracas<TAB>Capital District") or two lines, never one name."""
    end = before.idx + len(before.text)
    if after.idx - end == 1:
        return text[end] in "\t\n"
    gap = text[end : after.idx]
    return "\t" in gap or "\n" in gap


def token_list(tokens: Any) -> list[Token]:
    """The token list of a doc or span (indexed as they are), or ``tokens`` itself: rules
    that scan many tokens index the list, not the doc (no span is built per step)."""
    return getattr(tokens, "tokens", tokens)  # type: ignore[no-any-return]


def tokenize(text: str) -> Doc:
    tokens: list[Token] = []
    append = tokens.append
    find = text.find
    at = 0
    # each run of non-space characters (str.split's, what \S+ finds), found after the last
    for chunk in text.split():
        at = find(chunk, at)
        if chunk.isalnum():  # most words: one token (what _split gives them)
            append(Token(chunk, at, len(tokens)))
            at += len(chunk)
            continue
        word = chunk[:-1]
        if chunk[-1] in _END_PUNCT and word.isalnum() and word.lower() not in ABBREVIATIONS:
            # "Lille," "Lyon." (what _split gives them): the word, then its punctuation
            append(Token(word, at, len(tokens)))
            append(Token(chunk[-1], at + len(word), len(tokens)))
        else:
            for piece, offset in _split(chunk, at):
                append(Token(piece, offset, len(tokens)))
        at += len(chunk)
    return Doc(text, tokens)


_END_PUNCT = frozenset(",;:.")  # a word's last character _split always cuts off


def _split(chunk: str, at: int) -> list[tuple[str, int]]:
    """One whitespace-free chunk as tokens (text, character offset)."""
    if chunk.isalnum():
        return [(chunk, at)]  # most words
    if len(chunk) > 1 and chunk[-1] in ",;:" and chunk[:-1].isalnum():
        return [(chunk[:-1], at), (chunk[-1], at + len(chunk) - 1)]  # "Lille,"
    glued = chunk.find("(", 1)
    if glued > 0 and chunk[glued - 1].isalpha():
        # "United States(2019)": a bracket glued to the word before it opens its own token
        return _split(chunk[:glued], at) + _split(chunk[glued:], at + glued)
    closed = chunk.find(")", 0, len(chunk) - 1)
    if closed >= 0 and chunk[closed + 1].isalpha():
        # "(Swedenwas" / "(Sweden)was": a closing bracket glued to the next word
        return _split(chunk[: closed + 1], at) + _split(chunk[closed + 1 :], at + closed + 1)
    head: list[tuple[str, int]] = []
    tail: list[tuple[str, int]] = []
    while chunk:
        if len(chunk) > 1 and _PREFIX.match(chunk):
            head.append((chunk[0], at))
            chunk, at = chunk[1:], at + 1
            continue
        if len(chunk) > 1 and _SUFFIX_PUNCT.search(chunk) and not _NUMBER.match(chunk):
            tail.insert(0, (chunk[-1], at + len(chunk) - 1))
            chunk = chunk[:-1]
            continue
        if len(chunk) > 1 and chunk.endswith(".") and not _keeps_stop(chunk):
            tail.insert(0, (".", at + len(chunk) - 1))
            chunk = chunk[:-1]
            continue
        possessive = _POSSESSIVE.match(chunk) or _NEGATION.match(chunk)
        if possessive and len(chunk) > 2 and possessive.group(1)[-1:].isalnum():
            cut = len(possessive.group(1))
            tail.insert(0, (chunk[cut:], at + cut))
            chunk = chunk[:cut]
            continue
        break
    middle: list[tuple[str, int]] = []
    if chunk and "-" not in chunk and "/" not in chunk and "." not in chunk:
        middle.append((chunk, at))  # no infix to split at (every _INFIX match has one)
    elif chunk:
        pos = 0
        for infix in _INFIX.finditer(chunk):
            if infix.start() > pos:
                middle.append((chunk[pos : infix.start()], at + pos))
            middle.append((infix.group(), at + infix.start()))
            pos = infix.end()
        if pos < len(chunk):
            middle.append((chunk[pos:], at + pos))
    return head + middle + tail


@lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    """A token's folded form (a name's folded key is its tokens' forms joined by spaces)."""
    return fold(word)


def _keeps_stop(chunk: str) -> bool:
    """ "St.", "U.S.", "e.g.", "a.m.": an abbreviation keeps its full stop."""
    word = chunk[:-1]
    if word.lower() in ABBREVIATIONS:
        return True
    return "." in word and all(len(p) <= 2 for p in word.split("."))


class Matcher:
    """Known names, countries, acronyms and cue phrases over a tokenized text."""

    def __init__(self, registry: Any, cue_phrases: dict[str, set[str]]) -> None:
        from citydip.ingest.text.registry import EXACT, SHORT_COUNTRIES

        self.registry = registry
        self.exact_countries = EXACT
        self.longest = registry.first_words()  # first folded word -> most tokens to try
        self.prefixes = registry.prefixes()  # every start of a folded name, word by word
        self.acronyms: dict[str, tuple[str, str]] = {}
        for surface in registry.acronyms:
            self.acronyms[surface] = (registry.by_key[fold(surface)][0].label, fold(surface))
        self.acronym_first = {tokenize(a).tokens[0].text for a in self.acronyms if a.strip()}
        # keys only an acronym has ("who" of "WHO") match as written, never in lower case
        self.exact_only = {
            key
            for key, surfaces in registry.surfaces.items()
            if surfaces and all(s in registry.acronyms for s in surfaces)
        }
        for surface, code in SHORT_COUNTRIES.items():
            self.acronyms[surface] = ("COUNTRY", f"@{code}")
        self.cue_phrases: dict[tuple[str, ...], list[str]] = {}
        self.cue_first: dict[str, int] = {}
        for name, phrases in cue_phrases.items():
            for phrase in sorted(phrases):
                words = tuple(t.lower_ for t in tokenize(phrase))
                names = self.cue_phrases.setdefault(words, [])
                if name not in names:
                    names.append(name)
                self.cue_first[words[0]] = max(self.cue_first.get(words[0], 0), len(words))

    def names(self, doc: Doc) -> list[Ent]:
        tokens = doc.tokens
        texts = [t.text for t in tokens]
        folds = list(map(_fold, texts))
        longest = self.longest
        out: list[Ent] = []
        n = len(tokens)
        acronym_first = self.acronym_first
        # a name starts with a capital or a digit: only those tokens are tried, in order,
        # each after the end of the last name found
        starts = [
            k for k, text in enumerate(texts) if (first := text[:1]).isupper() or first.isdigit()
        ]
        i = 0
        for k in starts:
            if k < i:
                continue  # inside the last name found
            # no name starts with a word that starts none (what _name_at would find)
            found = self._name_at(doc, folds, k) if folds[k] in longest else None
            if found is None and texts[k] in acronym_first:
                token = tokens[k]
                for j in range(min(n, k + 5), k, -1):
                    text = doc.text[token.idx : tokens[j - 1].idx + len(tokens[j - 1].text)]
                    if text in self.acronyms:  # "UCLG-ASPAC", "U.S.", "WHO"
                        label, key = self.acronyms[text]
                        found = Ent(k, j, text, label, key)
                        break
            if found is not None:
                out.append(found)
                i = found.end
        return out

    def _name_at(self, doc: Doc, folds: list[str], i: int) -> Ent | None:
        """The longest known name or country starting at token ``i``: its folded key grows
        token by token while it is the start of some name."""
        tokens = doc.tokens
        text = doc.text
        reach = min(len(tokens), i + self.longest.get(folds[i], 0))
        prefixes, exact_countries, exact_only = self.prefixes, self.exact_countries, self.exact_only
        countries, by_key = self.registry.countries, self.registry.by_key
        key = ""
        best: tuple[int, str, str] | None = None
        for j in range(i + 1, reach + 1):
            fold_j = folds[j - 1]
            if not fold_j:
                continue  # punctuation: "Rostov-on-Don" is "rostov on don"
            token = tokens[j - 1]
            if j - 1 > i:  # broken(text, tokens[j - 2], token), written out: no name
                before = tokens[j - 2]  # goes on over a line break or a tab
                end = before.idx + len(before.text)
                gap = text[end] if token.idx - end == 1 else text[end : token.idx]
                if "\t" in gap or "\n" in gap:
                    break
            key = f"{key} {fold_j}" if key else fold_j
            if key not in prefixes:
                break
            if (len(key) > 3 or key in exact_countries) and key in countries:
                best = (j, key, "COUNTRY")  # a country's name is a country (Registry.countries)
            elif key in by_key and key not in exact_only:
                best = (j, key, by_key[key][0].label)
        if best is None:
            return None
        j, key, label = best
        name = text[tokens[i].idx : tokens[j - 1].idx + len(tokens[j - 1].text)]
        if label == "COUNTRY":
            return Ent(i, j, name, label, f"@{countries[key]}")
        return Ent(i, j, name, label, key)

    def cues(self, doc: Doc) -> list[tuple[str, int, int]]:
        lowers = [t.lower_ for t in doc.tokens]
        out = []
        n = len(lowers)
        cue_first, cue_phrases = self.cue_first, self.cue_phrases
        for i in [k for k, lower in enumerate(lowers) if lower in cue_first]:
            reach = cue_first[lowers[i]]
            for j in range(i + 1, min(n, i + reach) + 1):
                for name in cue_phrases.get(tuple(lowers[i:j]), ()):
                    out.append((name, i, j))
        return out
