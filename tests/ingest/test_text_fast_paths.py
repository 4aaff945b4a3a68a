"""The extractor's shortcuts (issue 22, speed) give what the plain computations give: the
topic city kept as weights grow, names linked by a scan or by the word index, words that
skip the tokenizer's splitting, numbers and years found on a span's token list, the cyclic
garbage collector paused while a text is read and resumed as it was, the local-place patterns
led by the characters their matches start with."""

from __future__ import annotations

import copy
import gc
import random
import threading

from citydip.ingest.text.coref import Context
from citydip.ingest.text.extract import _collector_paused, extract_claims
from citydip.ingest.text.normalise import number_at, years_in
from citydip.ingest.text.registry import Known, Registry
from citydip.ingest.text.tokens import _split, tokenize


def test_the_topic_city_is_the_first_of_the_heaviest_as_max_picks_it() -> None:
    rng = random.Random(22)
    places = [Known(f"Town {n}", "PLACE", f"Q{n}") for n in range(6)]
    for _ in range(200):
        context = Context()
        for _ in range(rng.randint(1, 60)):
            if rng.random() < 0.3:
                context.next_unit()
            else:  # equal weights on purpose: ties are where a shortcut would go wrong
                context.weigh(rng.choice(places), rng.choice((1.0, 2.0, 5.0)))
            if not context.weight:
                assert context.main is None
                continue
            plain = max(context.weight.items(), key=lambda kv: kv[1])[0]
            assert context.main == context.places[plain]


def test_a_name_links_the_same_by_a_scan_and_by_the_word_index(
    world_registry: Registry,
) -> None:
    registry = copy.copy(world_registry)  # its names, none of its linking so far
    registry._words = None
    registry.__dict__.pop("_scans", None)
    keys = sorted(registry.by_key)
    rng = random.Random(13)
    queries = [set(rng.choice(keys).split()) for _ in range(40)]
    queries += [{"city", "of"}, {"international"}, {"saint", "x"}]
    scanned = [registry._holding(words) for words in queries[:8]]  # the first ones: scans
    assert registry._words is None
    indexed = [registry._holding(words) for words in queries]
    assert registry._words is not None
    assert scanned == indexed[:8]
    for words, found in zip(queries, indexed, strict=True):
        assert found == {k for k in keys if words <= set(k.split())}
    assert any(found for found in indexed)


def test_plain_words_tokenize_as_the_splitter_would() -> None:
    words = ["Lyon", "1951", "Île", "São", "x2", "Gdańsk", "Rostov-on-Don", "U.S.", "e.g.", "a/b"]
    words += ["Lille,", "(Brazil)", "Bristol's", "don't", "1,762", "3.7", "...", "'76", "Wait..."]
    for word in words:
        assert [(t.text, t.idx) for t in tokenize(word)] == _split(word, 0), word


def test_brackets_glued_to_a_word_are_tokens_with_their_offsets() -> None:
    # copied lists lose the space: "United States(2019)", "(Sweden)was"
    doc = tokenize("United States(2019), (Sweden)was")
    expected = ["United", "States", "(", "2019", ")", ",", "(", "Sweden", ")", "was"]
    assert [t.text for t in doc] == expected
    assert all(doc.text[t.idx : t.idx + len(t.text)] == t.text for t in doc)


def test_numbers_and_years_on_a_span_as_on_its_doc() -> None:
    text = "In 1998, about twelve thousand people and half a dozen towns joined; since '76."
    doc = tokenize(text)
    span = doc[2 : len(doc)]
    assert years_in(span) == [(k - 2, y) for k, y in years_in(doc) if k >= 2]
    assert years_in(doc) == [(1, 1998), (15, 1976)]
    assert number_at(doc, 4) == (12000.0, 6)  # "twelve thousand"
    assert number_at(span, 2) == (12000.0, 4)
    assert number_at(doc, 8) == (6.0, 11)  # "half a dozen"
    assert number_at(doc, 6) is None  # "people"


def test_the_collector_is_paused_while_reading_and_resumed_as_it_was(
    world_registry: Registry,
) -> None:
    seen: list[bool] = []
    with _collector_paused():
        seen.append(gc.isenabled())
        with _collector_paused():  # nested (or another thread's) reading
            seen.append(gc.isenabled())
        seen.append(gc.isenabled())  # still paused: the outer reading goes on
    assert seen == [False, False, False]
    assert gc.isenabled()
    gc.disable()
    try:  # a caller that paused it itself gets it back paused
        extract_claims("Lyon is twinned with Birmingham.", world_registry)
        assert not gc.isenabled()
    finally:
        gc.enable()
    claims: list[int] = []
    threads = [
        threading.Thread(
            target=lambda: claims.append(
                len(extract_claims("Lyon is twinned with Birmingham. " * 50, world_registry))
            )
        )
        for _ in range(3)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(claims) == 3 and gc.isenabled()


def test_local_place_patterns_match_as_their_plain_forms() -> None:
    import re

    from citydip.ingest.text import local_places as lp

    name = lp._NAME
    plain = {  # the patterns as first written: a word boundary, then the alternatives
        lp._OF: re.compile(rf"\b(?:[Tt]he|[Aa]n?)(?: [\w-]+){{0,3}}? {lp._NOUNS} of ({name})"),
        lp._PEOPLE: re.compile(
            r"\b(?:residents|townspeople|townsfolk|inhabitants|villagers|[Mm]ayor|"
            rf"[Cc]ouncill?ors?|[Cc]ouncil) (?:of|from|for|in) ({name})"
        ),
        lp._APPOSED: re.compile(
            rf"({name}), (?:a|an|the)(?: [\w-]+){{0,3}}? {lp._NOUNS},? (?:in|of|near|on|north|"
            r"south|east|west|located|situated|some|about|just)\b"
        ),
    }
    pieces = ["St.", "Ste.", "Mt.", "Ft.", "S", "M", "F", "t", "te", ".", "A", "a", "an", "The"]
    pieces += ["the", "xThe", "_the", "9the", "city", "town", "commune", " of ", " ", ",", ", "]
    pieces += ["Bures", "-sur-", "-", "Yvette", "'", "’", "é", "É", " de ", "residents", "Mayor"]
    pieces += ["xmayor", "Councillors", "council", "in", "from", " a ", " the ", "small", "north"]
    rng = random.Random(22)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 16)))
        for fast, slow in plain.items():
            got = [(m.span(), m.groups()) for m in fast.finditer(text)]
            assert got == [(m.span(), m.groups()) for m in slow.finditer(text)], text
