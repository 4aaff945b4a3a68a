"""Long inputs are read in bounded chunks: cost grows with the text, not with its square.

Issue 15, item 3: one-line paragraphs without blank lines, and a single line of megabytes,
used to be one spaCy doc (quadratic per-sentence work; E088 past nlp.max_length). Speed is
measured in benchmarks/extraction_scale.py; here the results are checked.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citydip.ingest.text.extract import CHUNK, extract_claims
from citydip.ingest.text.registry import Registry


@pytest.fixture
def registry(curated_registry: Registry) -> Registry:
    return curated_registry


def test_many_lines_without_blank_lines_are_all_read(registry: Registry) -> None:
    filler = "The council met on Tuesday and discussed the budget for the coming year."
    lines = [filler] * 3000
    lines[1500] = "Milan joined C40 Cities in 2009."
    lines.append("Lyon has been twinned with Birmingham since 1951.")
    text = "\n".join(lines)
    assert len(text) > 20 * CHUNK
    claims = extract_claims(text, registry)
    got = {(c.type, c.subject.name, c.object.name if c.object else None, c.year) for c in claims}
    assert ("membership", "Milan", "C40 Cities Climate Leadership Group", 2009) in got
    tie = next(c for c in claims if c.type == "tie")
    assert (tie.subject.name, tie.object and tie.object.name, tie.year) == (
        "Lyon",
        "Birmingham",
        1951,
    )
    assert text[tie.start : tie.end] == lines[-1]  # offsets index the whole text


def test_one_line_of_a_megabyte_is_read_to_its_end(registry: Registry) -> None:
    sentence = "The delegation toured the harbour and returned home on Friday evening. "
    head = sentence * (1_000_000 // len(sentence))
    text = head + "Milan has been twinned with Chicago since 1973. " + sentence * 10
    assert "\n" not in text and len(text) > 1_000_000
    claims = extract_claims(text, registry)
    ties = [c for c in claims if c.type == "tie"]
    assert [(c.subject.name, c.object and c.object.name, c.year) for c in ties] == [
        ("Milan", "Chicago", 1973)
    ]
    assert ties[0].start == len(head)


def test_a_run_on_line_without_punctuation_is_cut_and_read(registry: Registry) -> None:
    words = "and the council kept on talking about roads " * 40_000  # ~1.8 MB, no full stop
    text = words + "while Milan joined C40 Cities in 2009"
    claims = extract_claims(text, registry)
    assert any(c.type == "membership" and c.subject.name == "Milan" for c in claims)


def test_a_text_over_the_limit_is_refused_at_once(tmp_path: Path) -> None:
    # a 10 MB place-dense text would take minutes: it is refused before it is read
    from citydip.errors import InvalidInput
    from citydip.ingest.text.readers import MAX_TEXT_BYTES, read_document

    big = tmp_path / "big.txt"
    big.write_text("Vienna is twinned with Prague. " * (10_000_000 // 31), encoding="utf-8")
    with pytest.raises(InvalidInput, match="over the limit"):
        read_document(big)
    assert big.stat().st_size > MAX_TEXT_BYTES
