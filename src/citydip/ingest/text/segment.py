"""Plain text → units to read: sentences of prose, cells of tables, headings.

The text is first *prepared*, character for character (so offsets stay the document's):
typographic quotes and dashes become ASCII, author–year citations ``(Acuto 2013, 1-3)``
URLs, citation and footnote markers (``[12]``, ``[a]``, ``[citation needed]``, ``^``,
superscript digits) and the flag codes that open copied list items ("KOR Dongdaemun") are
blanked, and everything after a references heading (Works Cited,
References, Bibliography...) is dropped from reading.

A table is two or more consecutive lines that split into cells on tabs, ``|`` or runs of
two or more spaces; its first line is the header. Each cell of a data row becomes a unit
whose subject is its column's header (``Yokohama``, ``Taipei``) and whose row label is
the first cell (``Sister Cities``).

A list is a run of lines that start with a bullet (``-``, ``*``, ``•``, ``1.``; Markdown
bullets arrive blanked, as indentation) or, after an intro line ending in a colon or a
heading, short lines without a closing full stop ("Ghent, Belgium (since 1967)"). Each
line is an ``item`` unit (bullet left out); the intro and heading give it its meaning
(``lists.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

_ASCII = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2012": "-",
        "\u2010": "-",
        "\u2011": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u200b": " ",
        "\ufeff": " ",
    }
)
# the characters _ASCII maps, found by one scan (str.translate looks up every character of
# a text that is not pure ASCII in the table: slow on a long text)
_TO_ASCII = re.compile("[" + "".join(re.escape(chr(c)) for c in _ASCII) + "]")

_REFERENCES = re.compile(
    r"^[ \t#*]*(works cited|references|bibliography|literature cited|further reading|"
    r"endnotes|notes and references|sources)[ \t:*]*$",
    re.I | re.M,
)
# (Patterns here that blank or mend characters over the whole text start with the
# character they look for, a look-behind after it where a \b or a look-behind would lead:
# the regex engine then skips to those characters instead of trying every position.)
_URL = re.compile(r"h(?<!\wh)ttps?://\S+|w(?<!\ww)ww\.\S+")  # \b(?:https?://|www\.)\S+
# Citation and footnote markers of copied pages: "[12]", "[a]", "[note 3]", "[citation
# needed]", "^", superscript digits. Blanked (same length: offsets kept) before reading.
_MARKERS = re.compile(
    r"\[(?:\d{1,4}[a-z]?|[a-z]|[A-Z]|(?:note|nb|n) ?\d{1,3}|citation needed|clarification "
    r"needed|dubious|unreliable source\??|better source needed|failed verification|when\?|"
    r"who\?|according to whom\?|by whom\?|update)\]|\^",
    re.I,
)
_SUPERSCRIPTS = re.compile(r"[\u00b9\u00b2\u00b3\u2070-\u2079]+", re.I)  # (no bracket has one)
# A flag's country code before a list item's name, as copied from encyclopedia lists:
# "- KOR Dongdaemun (Seoul), South Korea", "GER Bad Kötzting, Germany".
_FLAG_CODE = re.compile(r"^([ \t]*(?:[-*+\u2022\u00b7]\s+)?)([A-Z]{3})(?=[ \t]+[A-Z][^\n]*,)", re.M)
# Scare quotes around one lower-case word ("with ‘sister’ city Pyathigorsk", "a 'twin'
# town"): blanked, the word read as if unquoted.
_SCARE_QUOTES = re.compile(r"['‘\"“](?<![\w'’]['‘\"“])([a-z][a-z\-]{2,20})['’\"”](?![\w'’])")
# A line of nothing but table rules ("|", "||"), left where a copy lost a table's cells: a
# blank line (the lines around it are no longer one block).
_RULE_LINE = re.compile(r"^[ \t|]*\|[ \t|]*$", re.M)
_PAREN = re.compile(r"\(([^()\n]{1,400})\)")
_CITE_PREFIX = re.compile(
    r"^(?:(?:see also|see|e\.g\.|for example|for instance|cf\.|for a discussion|quoted in)"
    r"[,:]?\s*)+",
    re.I,
)
_CITE_PART = re.compile(
    # a date is no author: "(December 2, 1992)", "(Sept. 6, 1995)", "(Spring 2019)"
    r"^(?!(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|spring|summer|autumn|fall|"
    r"winter)[a-z]*\.?\s+\d)"
    r"[A-Z][^;]*?[\s,](?:1[5-9]\d\d|20\d\d)[a-z]?(?:,\s*[\dn][\w.\-]*)*\s*$"
    r"|^[A-Z][^;]*?\sn\.d\.\s*$"
)
# a full stop before a capital, a digit or the end of its line ("... in 2001." / "(*) Member")
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9]|[ \t]*\n)")
_ABBREVIATIONS = {
    "e.g",
    "i.e",
    "etc",
    "st",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "u.s",
    "u.k",
    "vs",
    "no",
    "inc",
    "pop",
    "co",
    "ltd",
    "jr",
    "sr",
    "mt",
    "ft",
    "approx",
    "ca",
    "cf",
    "al",
    "gen",
    "gov",
    "dept",
    "fig",
    "jan",
    "feb",
    "mar",
    "apr",
    "aug",
    "sept",
    "sep",
    "oct",
    "nov",
    "dec",
}
_CELL_SPLIT = re.compile(r"\t+|\s{2,}|\s*\|\s*")
MAX_SENTENCE = 2000


@dataclass(frozen=True)
class Unit:
    """A stretch of the document read as one: a sentence, a table cell or a heading."""

    start: int
    end: int
    kind: str  # sentence | cell | heading | item
    paragraph: int
    column: str | None = None  # a table cell's column header
    row: str | None = None  # a table cell's row label
    header: str | None = None  # an entry row's table header ("Country | City | Population")
    lead: bool = False  # a heading whose list is the bulleted lines under it ("Gori" / "- Lutsk")


_BACKTICK_S = re.compile(r"[`\u00b4](?<=[A-Za-z][`\u00b4])(?=s\b)")
# a picture's credit in brackets: "(Photo: Publicity/Pexels)", "(Image credit: City of X)"
_CREDIT = re.compile(
    r"\((?:Photo|Photograph|Image|Picture|Pic|Credit|File photo)s?(?: credits?)?"
    r"\s*[:/][^()\n]{0,120}\)",
    re.I,
)


def prepare(text: str) -> tuple[str, int]:
    """The text to read (same length as ``text``) and where reading stops."""
    norm = _TO_ASCII.sub(lambda m: m.group().translate(_ASCII), text)  # text.translate(_ASCII)
    norm = _BACKTICK_S.sub("'", norm)  # "Chicago`s link": a possessive
    norm = _CREDIT.sub(lambda m: " " * len(m.group(0)), norm)  # "(Photo: Reuters/Pexels)"
    stop = len(norm)
    for match in _REFERENCES.finditer(norm):
        if match.start() > len(norm) * 0.2:
            stop = match.start()
            break
    norm = _URL.sub(lambda m: " " * len(m.group(0)), norm)
    norm = _MARKERS.sub(lambda m: " " * len(m.group(0)), norm)
    norm = _SUPERSCRIPTS.sub(lambda m: " " * len(m.group(0)), norm)
    norm = _FLAG_CODE.sub(lambda m: m.group(1) + "   ", norm)
    norm = _RULE_LINE.sub(lambda m: " " * len(m.group(0)), norm)
    norm = _INDEX_LINE.sub(lambda m: " " * len(m.group(0)), norm)  # "==C==" over "Calgary"
    norm = _SCARE_QUOTES.sub(lambda m: " " + m.group(1) + " ", norm)
    norm = _PAREN.sub(_blank_citation, norm)
    norm = _COLON_DASH.sub(": ", norm)  # "with the following cities:-": a colon
    return norm, stop


_COLON_DASH = re.compile(r":-(?=[ \t]*$)", re.M)
# a heading in wiki markup, alone on its line ("=== Twin towns – sister cities ===")
_WIKI_HEADING = re.compile(r"^=+[ \t]*[^=\s][^=\n]*?[ \t]*=+$")
# an alphabetical index's letter between wiki heading marks, alone on its line ("==C==")
_INDEX_LINE = re.compile(r"^[ \t]*=+[ \t]*[A-Z0-9][ \t]*=+[ \t]*$", re.M)


def _blank_citation(match: re.Match[str]) -> str:
    inner = _CITE_PREFIX.sub("", match.group(1).strip())
    parts = [p.strip() for p in inner.split(";")]
    if parts and all(_CITE_PART.match(p) for p in parts):
        return " " * len(match.group(0))
    return match.group(0)


def segment(norm: str, stop: int) -> list[Unit]:
    """Units of the prepared text up to ``stop``, in reading order."""
    units: list[Unit] = []
    paragraph = 0
    intro = ""  # "colon" or "heading" when the last unit read may introduce a list
    for inner, before, lines in _sub_blocks(norm, stop):
        if _agreement_block(norm, lines):
            # "Bremen Municipal Council, Germany" / "Twinning Agreement" / "Date signed: ...":
            # a record of one agreement, read line by line as headings
            for a, b in lines:
                if _HEADING_END.search(norm[a:b]) and not norm[a:b].rstrip()[-1:].isdigit():
                    units.extend(_prose(norm, a, b, paragraph))
                else:
                    units.append(Unit(a, b, "heading", paragraph))
                paragraph += 1
            intro = "heading"
            continue
        if inner or (len(lines) >= 2 and _heading_line(norm, *lines[0], lines[1], intro)):
            # "Partner cities" then, on the next line, its text or list: a heading of its own
            lead = _list_header(norm, before, lines[0], lines[1] if len(lines) > 1 else None)
            units.append(Unit(lines[0][0], lines[0][1], "heading", paragraph, lead=lead))
            paragraph += 1
            lines = lines[1:]
            intro = "heading"
        for is_items, run in _runs(norm, lines, intro):
            if is_items:
                pieces = [piece for a, b in run for piece in _inline_items(norm, a, b)]
                units.extend(Unit(c, d, "item", paragraph) for c, d in pieces)
            elif intro == "colon" and len(run) == 1 and norm.count(";", *run[0]) >= 2:
                # "Members:" then one line "Aarhus (Denmark); Antalya (Turkey); ...": items
                units.extend(
                    Unit(a, b, "item", paragraph) for a, b in _semicolon_items(norm, *run[0])
                )
            else:
                units.extend(_rows_and_prose(norm, run, paragraph))
            paragraph += 1
            last = units[-1] if units else None
            intro = ""
            if last is not None and last.kind == "heading":
                intro = "heading"
            elif last is not None and norm[last.start : last.end].endswith(":"):
                intro = "colon"
    return _joined_items(norm, _lead_headers(norm, units))


_YEAR_LED = re.compile(r"^(?:1[6-9]|20)\d\d\s+[A-Z]")


def _joined_items(norm: str, units: list[Unit]) -> list[Unit]:
    """The items of a list "listed by year" ("1968 Mexicali, Baja California,Mexico"), a
    first one taken for a heading included; an item line ending in a comma ("1959
    Tachikawa," / "Tokyo Metropolitan Government," / "Japan (December 14)") or a line
    that breaks a year-led item ("2003 Goyang City, Gyeonggi" / "Province, Republic of
    Korea") goes on with the next line: one item."""
    out: list[Unit] = []
    for k, unit in enumerate(units):
        text = norm[unit.start : unit.end]
        nxt = units[k + 1] if k + 1 < len(units) else None
        led = bool(_YEAR_LED.match(text))
        heads_items = (
            nxt is not None and nxt.kind == "item" and _YEAR_LED.match(norm[nxt.start : nxt.end])
        )
        if unit.kind == "heading" and led and "," in text and nxt is not None and heads_items:
            unit = replace(unit, kind="item", paragraph=nxt.paragraph, lead=False)
        prev = out[-1] if out else None
        if (
            prev is not None
            and unit.kind == "item" == prev.kind
            and prev.paragraph == unit.paragraph
        ):
            above = norm[prev.start : prev.end]
            broken_year_item = (
                _YEAR_LED.match(above)
                and not led
                and (
                    nxt is None
                    or nxt.paragraph != unit.paragraph
                    or bool(_YEAR_LED.match(norm[nxt.start : nxt.end]))
                )
            )
            if above.rstrip().endswith(",") or broken_year_item:
                out[-1] = replace(prev, end=unit.end)
                continue
        out.append(unit)
    return out


_LIST_WORDS = re.compile(
    r"\b(?:sister|twin|twinn|partner|friend|cit(?:y|ies)|towns?|list|relations|links)", re.I
)


def _lead_headers(norm: str, units: list[Unit]) -> list[Unit]:
    """A heading of a name alone ("Albacete") whose next unit is a bulleted place ("-
    ESH Bir Gandus, Western Sahara") heads those items, even across a blank line."""
    out = list(units)
    for k in range(len(out) - 1):
        unit, nxt = out[k], out[k + 1]
        if unit.kind != "heading" or unit.lead or nxt.kind != "item":
            continue
        text = norm[unit.start : unit.end]
        line_start = norm.rfind("\n", 0, nxt.start) + 1
        bulleted = bool(_BULLET.match(norm[line_start : nxt.end].lstrip()))
        if not bulleted or "," not in norm[nxt.start : nxt.end]:
            continue
        if len(text) > 60 or len(text.split()) > 6 or re.search(r"[,:;.!?]\s*$|^\W", text):
            continue
        if _LIST_WORDS.search(text):
            continue  # "Sister cities": a list's heading, not a city's name
        out[k] = replace(unit, lead=True)
    return out


def _semicolon_items(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of a line between semicolons, spaces and a closing full stop left out."""
    out = []
    for match in re.finditer(r"[^;]+", norm[start:end]):
        a, b = start + match.start(), start + match.end()
        while a < b and norm[a].isspace():
            a += 1
        while b > a and (norm[b - 1].isspace() or norm[b - 1] == "."):
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def _sub_blocks(
    norm: str, stop: int
) -> list[tuple[bool, tuple[int, int] | None, list[tuple[int, int]]]]:
    """The lines of each block, a block cut before a line that heads the prose under it
    ("... around the world." / "Donghae, South Korea" / "Donghae City is a coastal ...");
    True for a part that starts with such a heading, and the line before the part."""
    out: list[tuple[bool, tuple[int, int] | None, list[tuple[int, int]]]] = []
    for block_start, block_end in _blocks(norm, stop):
        lines = _lines(norm, block_start, block_end)
        cut, inner = 0, False
        for k in range(1, len(lines)):
            after = lines[k + 1] if k + 1 < len(lines) else None
            if k > cut and (
                (after is not None and _inner_heading(norm, lines[k - 1], lines[k], after))
                or _list_header(norm, lines[k - 1], lines[k], after)
                or _WIKI_HEADING.match(norm[lines[k][0] : lines[k][1]])
            ):
                out.append((inner, lines[cut - 1] if cut else None, lines[cut:k]))
                cut, inner = k, True
        out.append((inner, lines[cut - 1] if cut else None, lines[cut:]))
    return out


def _inner_heading(
    norm: str, before: tuple[int, int], line: tuple[int, int], after: tuple[int, int]
) -> bool:
    """A short capitalised line without closing punctuation between a finished sentence
    and a line of prose: a heading inside a block."""
    text = norm[line[0] : line[1]]
    prev = norm[before[0] : before[1]]
    nxt = norm[after[0] : after[1]]
    if len(text) > 60 or len(text.split()) > 8 or not text[:1].isupper():
        return False
    if _ends_in(text, ".,;:!?") or _BULLET.match(text):
        return False
    if not _ends_in(prev, ".!?:"):
        return False
    return nxt[:1].isupper() and len(nxt) > 60 and _ends_in(nxt, ".!?")


def _list_header(
    norm: str,
    before: tuple[int, int] | None,
    line: tuple[int, int],
    after: tuple[int, int] | None,
) -> bool:
    """A short unbulleted name among bulleted lines: the header of the items under it
    ("Gori" / "- Lutsk, Ukraine"), or of none when it follows an item and no item follows
    ("- Braunau am Inn, Austria" / "Kutaisi")."""
    text = norm[line[0] : line[1]]
    if len(text) > 60 or len(text.split()) > 6 or not text[:1].isupper():
        return False
    if _ends_in(text, ".,;:!?") or _BULLET.match(text) or len(_cells(norm, *line)) >= 2:
        return False
    if after is not None and _BULLET.match(norm[after[0] : after[1]]):
        # items that are places ("- Lutsk, Ukraine"), not facts of an entry ("- Hot springs")
        return "," in norm[after[0] : after[1]]
    if before is None:
        return False
    above = norm[before[0] : before[1]]
    return (
        bool(_BULLET.match(above))
        and "," in above
        and (after is None or not norm[after[0] : after[1]][:1].islower())
    )


_HEADING_END = re.compile(r"[.,;:!?\-(]\s*$")


def _heading_line(norm: str, a: int, b: int, following: tuple[int, int], intro: str) -> bool:
    """A block's first line that is a heading, its text starting on the next line: short,
    capitalised, no closing punctuation, comma or bracket, no bullet, no table row, the
    next line starting with a capital, a digit or a bullet (hard-wrapped prose continues
    in lower case). After an intro line or a heading, a run of short lines is a list, so
    the next line must then be prose."""
    text = norm[a:b]
    nxt = norm[following[0] : following[1]]
    if _WIKI_HEADING.match(text):
        return True  # "=== Former twin towns and sister cities ===": marked as one
    if b - a > 70 or len(text.split()) > 9 or _HEADING_END.search(text) or intro == "colon":
        return False
    if set(text) & set(",()[]") or not text[:1].isupper() or _BULLET.match(text):
        return False
    if len(_cells(norm, a, b)) >= 2:
        return False
    if intro and (len(nxt) <= 90 and not _ends_in(nxt, ".!?:")):
        # short lines after a heading are a list, unless the first is a label and the
        # next an entry ("Executive cities" / "Hiroshima (President)")
        return bool(re.search(r"[(,\d]", nxt)) and not re.search(r"\d", text)
    return nxt[:1].isupper() or nxt[:1].isdigit() or bool(_BULLET.match(nxt))


# a bullet and a space, or a bullet glued to a capital ("-In 1979, ...")
# A line naming an agreement's type ("Sister Cities Agreement", "Cooperation Arrangement",
# "Memorandum of Understanding", "Declaration of Cooperation", "Letter of Intent").
_AGREEMENT_LINE = re.compile(
    r"^(?:(?:sister|twin|twinning|friendship|partnership|co-?operation|cooperative|"
    r"collaboration|city|cities|town|towns|friendly|exchange|joint)\s+)*"
    r"(?:agreement|arrangement|memorandum of understanding|mou|letter of intent|protocol|"
    r"accord|charter|declaration of (?:co-?operation|intent|friendship|partnership))"
    r"(?:\s+(?:of|on)\s+(?:co-?operation|friendship|understanding|partnership|twinning))?\s*$",
    re.I,
)


def _ends_in(text: str, marks: str) -> bool:
    """``text`` ends in one of the characters ``marks``, whitespace after it aside (what
    ``re.search(r"[...]\\s*$", text)`` says, read from the end instead of tried at every
    character of a long line)."""
    last = text.rstrip()[-1:]
    return last != "" and last in marks


def _agreement_block(norm: str, lines: list[tuple[int, int]]) -> bool:
    """A block of two to six lines, the first a short one, one of the others an agreement's
    type: the record of one agreement on a city's page."""
    if not 2 <= len(lines) <= 6 or len(norm[slice(*lines[0])]) > 90:
        return False
    return any(_AGREEMENT_LINE.match(norm[a:b].strip()) for a, b in lines[1:3])


_BULLET = re.compile(
    r"^(?:[-*+\u2022\u00b7\u25aa\u25e6\u2023\u2043](?:\s+|(?=[A-Z]))|\d{1,2}[.)]\s+)"
)


def _runs(
    norm: str, lines: list[tuple[int, int]], intro: str
) -> list[tuple[bool, list[tuple[int, int]]]]:
    """The block's lines as runs of list items and runs of other lines.

    ``intro`` is "colon" after a line ending in a colon, "heading" after a heading.
    """
    out: list[tuple[bool, list[tuple[int, int]]]] = []
    first_intro = intro
    dated = _dated_lines(norm, lines)
    rows = [len(_cells(norm, a, b)) >= 2 for a, b in lines]
    for k, (a, b) in enumerate(lines):
        text = norm[a:b]
        entry = len(text) <= 160 and not _ends_in(text, ".!?:;")
        entry = entry and not (len(text) > 40 and _WRAPPED.search(text))  # "... lapsed in"
        # a table row is no list item; a lone line split only by a run of spaces among
        # entries is one ("Second Vice President   Makati City Government, Philippines")
        table = rows[k] and (
            "|" in text
            or "\t" in text
            or (k > 0 and rows[k - 1])
            or (k + 1 < len(rows) and rows[k + 1])
        )
        entry = entry and not table
        item = bool(_BULLET.match(text)) or (entry and (intro != "" or k in dated))
        if out and out[-1][0] == item:
            out[-1][1].append((a, b))
        else:
            out.append((item, [(a, b)]))
        intro = "colon" if text.endswith(":") else ("item" if item else "")
    # after a heading, unbulleted lines are a list only when there are several of them
    runs = [
        (False, run)
        if item
        and len(run) == 1
        and intro_kind == "heading"
        and not _BULLET.match(norm[slice(*run[0])])
        else (item, run)
        for (item, run), intro_kind in zip(out, [first_intro] + [""] * len(out), strict=False)
    ]
    # two runs of prose in a row are one: a hard-wrapped paragraph ("... lapsed in" /
    # "2003, the two cities ...")
    merged: list[tuple[bool, list[tuple[int, int]]]] = []
    for item, run in runs:
        above = norm[slice(*merged[-1][1][-1])] if merged else ""
        if (
            merged
            and not item
            and not merged[-1][0]
            and not _ends_in(above, ".!?:;)]\"'")
            and not norm[run[0][0]].isupper()
        ):
            merged[-1][1].extend(run)
        else:
            merged.append((item, run))
    return merged


# a line of prose broken before its sentence ends: it stops on a function word
_WRAPPED = re.compile(
    r"\s(?:in|of|the|and|to|a|an|with|for|on|at|by|from|that|which|is|was|are|were)$"
)
_DATED_END = re.compile(r"\b(?:1[89]|20)\d\d\)?\s*$")


def _dated_lines(norm: str, lines: list[tuple[int, int]]) -> set[int]:
    """The lines of runs of three or more short capitalised lines that each end in a year
    and no sentence punctuation: the rows of a copied table ("Sapporo City Portland,
    Oregon November 17, 1959"), a list even with no intro."""
    flags = [
        len(norm[a:b]) <= 120 and norm[a:b][:1].isupper() and bool(_DATED_END.search(norm[a:b]))
        for a, b in lines
    ]
    out: set[int] = set()
    k = 0
    while k < len(flags):
        j = k
        while j < len(flags) and flags[j]:
            j += 1
        if j - k >= 3:
            out.update(range(k, j))
        k = max(j, k + 1)
    return out


def _inline_items(norm: str, a: int, b: int) -> list[tuple[int, int]]:
    """A bulleted line's items: itself after its bullet, or, when the same bullet comes
    again inside it after a comma ("- Faisalabad and Qingdao, - Rawalpindi and Wuhan, -
    Taxila, and Datong."), each piece between bullets."""
    start = _after_bullet(norm, a, b)
    bullet = norm[a:start].strip()[:1]
    if not bullet or not _BULLET.match(norm[a:start]) or bullet.isdigit():
        return [(start, b)]
    pieces: list[tuple[int, int]] = []
    base = start
    for match in re.finditer(rf"[,;]\s+{re.escape(bullet)}\s+(?=[A-Z])", norm[base:b]):
        pieces.append((start, base + match.start()))
        start = base + match.end()
    pieces.append((start, b))
    return pieces


def _after_bullet(norm: str, a: int, b: int) -> int:
    match = _BULLET.match(norm[a:b])
    return a + match.end() if match else a


def _joined_rows(norm: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A row broken over lines that end in "|" ("Country | City | Population (1,000) |" /
    "Area |" / "Date | Features |") is one row when its pieces add up to the cells of the
    row after them."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        a, b = lines[i]
        j, cells = i, 0
        while j < len(lines) and norm[lines[j][0] : lines[j][1]].endswith("|"):
            cells += len(_cells(norm, *lines[j]))
            j += 1
            if j < len(lines) and j - i >= 2 and cells == len(_cells(norm, *lines[j])) >= 3:
                out.append((a, lines[j - 1][1]))
                i = j
                break
        else:
            out.append((a, b))
            i += 1
    return out


def _rows_and_prose(norm: str, lines: list[tuple[int, int]], paragraph: int) -> list[Unit]:
    units: list[Unit] = []
    lines = _joined_rows(norm, lines) if any(norm[a:b].endswith("|") for a, b in lines) else lines
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and len(_cells(norm, *lines[j])) >= 2:
            j += 1
        if j - i >= 2:
            units.extend(_table(norm, lines[i:j], paragraph))
            i = j
            continue
        k = i + 1
        while k < len(lines) and len(_cells(norm, *lines[k])) < 2:
            k += 1
        if j - i == 1:  # a lone row-like line is prose
            k = max(k, i + 1)
        units.extend(_prose(norm, lines[i][0], lines[k - 1][1], paragraph))
        i = k
    return units


def _blocks(norm: str, stop: int) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for match in re.finditer(r"\n[ \t]*\n", norm[:stop]):
        out.append((pos, match.start()))
        pos = match.end()
    out.append((pos, stop))
    return [(a, b) for a, b in out if norm[a:b].strip()]


def _lines(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """The block's non-blank lines, stripped; an unbulleted line indented deeper than the
    bulleted line above it continues that item ("  1. Haarlemmermeer, the Netherlands" /
    "    Resolution 995 (December 2, 1992)") and is joined to it."""
    out: list[tuple[int, int]] = []
    pos = start
    item_indent: int | None = None  # the indent of the last bulleted line, while it goes on
    for line in norm[start:end].split("\n"):
        a, b = pos, pos + len(line)
        pos = b + 1
        stripped = line.strip()
        if stripped:
            indent = len(line) - len(line.lstrip())
            a += indent
            b -= len(line) - len(line.rstrip())
            if _BULLET.match(stripped):
                item_indent = indent
            elif item_indent is not None and indent > item_indent and out:
                out[-1] = (out[-1][0], b)  # a continuation of the item above
                continue
            else:
                item_indent = None
            out.append((a, b))
    return out


def _cells(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cell spans of a line; a line of prose is one cell."""
    line = norm[start:end]
    if _MD_RULE.match(line):
        return [(start, start), (end, end)]
    if "  " not in line and "|" not in line and line.isprintable():
        # no cell break: a printable line's only space is " " (no tab, no other space)
        return [(start, end)] if line else []
    out = []
    pos = 0
    for match in _CELL_SPLIT.finditer(line):
        if match.start() > pos:
            out.append((start + pos, start + match.start()))
        pos = match.end()
    if pos < len(line):
        out.append((start + pos, end))
    if any(b - a > 600 for a, b in out):
        return out[:1]
    if "\t" not in line and "|" not in line and len(line) > 300 and any(b - a > 80 for a, b in out):
        return [(start, end)]  # prose with a run of spaces (a blanked "[3]"), not a row
    return out


_MD_RULE = re.compile(r"^\|?\s*:?-{3,}")


# Header words of a table whose rows are entries (a partner city, its country, a date)
# rather than cells about the places its columns name: each row is read as a list item.
ENTRY_HEADERS = {
    "city",
    "cities",
    "town",
    "towns",
    "name",
    "municipality",
    "partner",
    "partners",
    "place",
    "country",
    "state",
    "date",
    "since",
    "year",
    "established",
    "twinned",
    "sister",
    "twin",
    "region",
    "province",
    "prefecture",
    "member",
    "members",
    "location",
    "jurisdiction",
    "county",
    "district",
    "subdivision",
    "territory",
}


def _dated_rows(norm: str, lines: list[tuple[int, int]]) -> bool:
    """Rows of three cells or more, each ending in a date ("Beijing | China | March 14,
    1979"): entries without a header (an infobox's "Founded | 2005" has two cells)."""
    for a, b in lines:
        cells = _cells(norm, a, b)
        if len(cells) < 3 or not re.search(r"\b(?:1[89]|20)\d\d\b", norm[slice(*cells[-1])]):
            return False
    return True


# Header words of an entry table's other columns ("Population (1,000)", "Area", "Features").
ENTRY_DETAILS = {"population", "area", "features", "remarks", "notes", "item", "no", "nation"}
ENTRY_DETAILS |= {"category", "signing", "signed", "sisterhood", "agreement", "type", "km"}
ENTRY_PLACES = {"city", "cities", "town", "towns", "municipality", "partner", "partners", "name"}


def _entry_header(header: list[str]) -> bool:
    """A header whose columns are an entry's: its place and country, dates, and details
    (population, area, features) when one column names the place ("City")."""
    words = {w.strip("()[]:").lower() for cell in header for w in cell.split()}
    words = {w for w in words if w.isalpha()}
    glue = {"of", "the", "in", "-", "/", "city's", "(1,000)"}
    if not words:
        return False
    if words <= ENTRY_HEADERS | glue:
        return True
    return bool(words & ENTRY_PLACES) and words <= ENTRY_HEADERS | ENTRY_DETAILS | glue


def _table(norm: str, lines: list[tuple[int, int]], paragraph: int) -> list[Unit]:
    header = [norm[a:b].strip() for a, b in _cells(norm, *lines[0])]
    entries = bool(header) and _entry_header(header)
    head = " | ".join(header) if entries else None
    if not entries and _dated_rows(norm, lines):
        entries, lines = True, [(lines[0][0], lines[0][0]), *lines]  # no header: a dated row
    if entries:
        # "City | Country | Since": one entry per row, read in the list frame of its heading
        return [
            Unit(a, b, "item", paragraph, header=head)
            for a, b in lines[1:]
            if not _MD_RULE.match(norm[a:b])
        ]
    rows = [line for line in lines if not _MD_RULE.match(norm[line[0] : line[1]])]
    if all(len(_cells(norm, *line)) == 2 for line in rows):
        # "Formation | 1986" / "Membership | 200 member cities": an infobox of labels and
        # values, each value read as a statement of the page's subject
        out = []
        for line in rows:
            (la, lb), (va, vb) = _cells(norm, *line)
            out.append(Unit(va, vb, "cell", paragraph, row=norm[la:lb].strip(), header="label"))
        return out
    units = [Unit(lines[0][0], lines[0][1], "heading", paragraph)]
    for line in lines[1:]:
        if _MD_RULE.match(norm[line[0] : line[1]]):
            continue
        cells = _cells(norm, *line)
        row = norm[cells[0][0] : cells[0][1]].strip()
        for index, (a, b) in enumerate(cells[1:], start=1):
            column = header[index] if len(cells) == len(header) else None
            if b > a:
                units.append(Unit(a, b, "cell", paragraph, column, row))
    return units


def _prose(norm: str, start: int, end: int, paragraph: int) -> list[Unit]:
    text = norm[start:end]
    if "\n" not in text and len(text) < 90 and not _ends_in(text, ".!?:;,"):
        return [Unit(start, end, "heading", paragraph)]
    if _line_per_sentence(text):
        # lines that are sentences, one of them without its full stop: each line is one
        return _by_line(norm, start, text, paragraph, _prose_sentences)
    if _line_per_paragraph(text):
        # a headline, then paragraphs each on one long line: each line is read alone (a
        # short one without a full stop as a heading)
        return _by_line(norm, start, text, paragraph, _prose)
    return _prose_sentences(norm, start, end, paragraph)


def _by_line(
    norm: str, start: int, text: str, paragraph: int, read: Callable[..., list[Unit]]
) -> list[Unit]:
    """Each line of ``text`` (at ``start`` in ``norm``) read alone by ``read``."""
    out, at = [], start
    for line in text.split("\n"):
        out.extend(read(norm, at, at + len(line), paragraph))
        at += len(line) + 1
    return out


def _line_per_sentence(text: str) -> bool:
    """Three lines or more, nearly all ending as sentences end (not prose wrapped at a
    width, whose lines end anywhere)."""
    lines = [line.rstrip() for line in text.split("\n") if line.strip()]
    if len(lines) < 3:
        return False
    ended = sum(line.endswith((".", "!", "?", ";")) for line in lines)
    return ended < len(lines) and ended >= 0.75 * len(lines)


def _line_per_paragraph(text: str) -> bool:
    """A text whose lines are paragraphs, not prose wrapped at a width: some line is longer
    than any wrapped line, every line between the first and the last ends as a sentence
    ends, and the first is a sentence too or a headline (short, no closing punctuation)."""
    lines = [line.rstrip() for line in text.split("\n")]
    if len(lines) < 2 or max(len(line) for line in lines) <= _WRAP_WIDTH:
        return False
    if not all(line.endswith(_PARAGRAPH_ENDS) for line in lines[1:-1]):
        return False
    first = lines[0]
    return first.endswith(_PARAGRAPH_ENDS) or (len(first) < 90 and first[-1:].isalnum())


_WRAP_WIDTH = 150  # no text wrapped at a width has longer lines
_PARAGRAPH_ENDS = (".", "!", "?", '"', "'", ")", ":")


def _prose_sentences(norm: str, start: int, end: int, paragraph: int) -> list[Unit]:
    text = norm[start:end]
    units = []
    pos = 0
    for match in _SENTENCE_END.finditer(text):
        if _is_abbreviation(text, match.start()):
            continue
        units.extend(_sentence(text, start, pos, match.end(), paragraph))
        pos = match.end()
    units.extend(_sentence(text, start, pos, len(text), paragraph))
    return units


def _is_abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    word = re.search(r"([\w.]+)$", text[max(0, dot - 12) : dot])
    if word is None:
        return False
    token = word.group(1).lower()
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _sentence(text: str, offset: int, a: int, b: int, paragraph: int) -> list[Unit]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    out = []
    while b - a > MAX_SENTENCE:  # run-on text (no punctuation): read it in pieces
        cut = text.rfind(" ", a, a + MAX_SENTENCE)
        cut = cut if cut > a else a + MAX_SENTENCE
        out.append(Unit(offset + a, offset + cut, "sentence", paragraph))
        a = cut
    if b > a:
        out.append(Unit(offset + a, offset + b, "sentence", paragraph))
    return out
