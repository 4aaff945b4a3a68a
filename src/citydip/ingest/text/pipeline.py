"""The reading pipeline: a tokenizer, a matcher of known names and of cue phrases
(``tokens.py``, plain Python: no language toolkit is imported, nothing is downloaded, so a
short text is read in well under a second from a cold start).

- Every name the registry knows is labelled (PLACE, ORG, PROGRAMME, EVENT, AWARD, DOC,
  ASSET, COUNTRY): case- and accent-insensitively through its folded key (a match must
  start with a capital, which the mention finder checks); an acronym matches exactly
  ("WHO", never "who") where no name matched.
- The cue phrases (the token patterns of ``CUES`` expanded to phrases) are the cues claim
  rules start from: membership, awards, hosting, running, agreements, aid and ties. Their
  names are the keys of ``CUES``.
"""

from __future__ import annotations

from typing import Any

from citydip.ingest.text.registry import Registry
from citydip.ingest.text.vocab import AWARD_VERBS, role_cue_phrases

ROLE_CUES = role_cue_phrases()

_cache: dict[str, Any] = {}


def _words(*phrases: str) -> list[list[dict[str, Any]]]:
    """Token patterns from phrases; ``a|b`` is a choice, ``word?`` is optional."""
    out = []
    for phrase in phrases:
        pattern: list[dict[str, Any]] = []
        for word in phrase.split():
            optional = word.endswith("?")
            word = word.rstrip("?")
            choices = word.split("|")
            spec: dict[str, Any] = {"LOWER": {"IN": choices} if len(choices) > 1 else choices[0]}
            if optional:
                spec["OP"] = "?"
            pattern.append(spec)
        out.append(pattern)
    return out


NUMBER = {"LIKE_NUM": True}
TIE_NOUNS = "city|cities|town|towns|municipality|municipalities|relationship|relationships"
TIE_DOCUMENTS = "agreement|agreements|accord|pact|charter|request|link|relationship|arrangement"

CUES: dict[str, list[list[dict[str, Any]]]] = {
    # an organization taking places in: "C40 welcomed Dubai", "the addition of Nanjing"
    "admit": _words(
        "welcome|welcomed|welcomes|welcoming|admitted|admits|admitting|added|adds|adding",
        "addition|additions of|to",
        "new members|cities|municipalities :?",
        "joined by",
        "cohort|cohorts|batch|wave|intake of",
    ),
    "member": _words(
        "member|members of",
        "membership in|of",
        "joined|join|joins|joining",
        "participation|participating|participates in",
        "participant|participants in|of",
        "active in",
        "belongs to",
        "founding member of",
        "creation of",
        "co-founded",
        "signatory|signatories to|of",
        "founding members of",
        "signed|signs up? to?",
        "committed|commits to",
        "part of",
        *ROLE_CUES,
    ),
    "leave": _words("withdrew|withdrawn from", "left the"),
    "award": _words(
        *(verb.replace(" ", " ") for verb in AWARD_VERBS),
        "recognition|recognised|recognized|designated|designation as",
    ),
    "host": _words(
        "host|hosts|hosted|hosting",
        "organised|organized|organises|organizes|organising|organizing",
        "staged|stages",
    ),
    "run": _words(
        "runs|run|running|operates|operate|operating",
        "launched|launches|launch|initiated|started|established|implements|implemented",
    ),
    "agreement": _words(
        "memorandum of? understanding?",
        "mou|mous|moa",
        "cooperation|co-operation|friendship? agreement|accord",
        "letter of intent",
        "signed|signing an|a? agreement",
    ),
    "aid": _words(
        "humanitarian aid|assistance|relief|support",
        "reconstruction aid|assistance|support",
        "emergency aid|relief|assistance",
        "relief supplies|funds",
        "donated|donation|donations",
        "aid to|for",
    ),
    "tie": [
        *_words(
            f"sister -? {TIE_NOUNS}|state|states|province|provinces",
            f"twin -? {TIE_NOUNS}",
            f"sibling {TIE_NOUNS}",
            "twinned",
            "twinned|twinning|twinnings with",
            f"friendship {TIE_NOUNS}",
            f"partner -? {TIE_NOUNS}",
            f"partnership {TIE_NOUNS}",
            f"friendly {TIE_NOUNS}",
            "partnership|partnerships|sisterhood with",
            "twinning|partnership|sisterhood of|between",
            "twin with",
            "paired|partnered with",
            "friendship and cooperation agreement|agreements|accord|accords",
            "twinning|partnership|friendship request|offer|invitation? from",
            f"twinning|friendship|partnership|sisterhood {TIE_DOCUMENTS}",
            "ties|tie|link|links",
            "linked|paired",
            "twinning|twin|friendship activities|arrangements|links|exchanges|connection|"
            "connections|scheme|schemes|association|associations|bond|bonds",
            # read as ties only in a text about ties, and only before "with" (prose.GATED)
            "connection|connections|arrangement|arrangements|relationship|relationships",
            "agreement|agreements|association|bond|bonds|relations|friendship",
            # alone only between two places named before them, or as "Exeter's twin"
            "twinning|partnership|twin|partner|sisterhood",
        ),
    ],
}


def _expand(pattern: list[dict[str, Any]]) -> list[list[str]]:
    """Every phrase a token pattern of LOWER choices and optional tokens stands for."""
    phrases: list[list[str]] = [[]]
    for spec in pattern:
        lower = spec["LOWER"]
        choices = list(lower["IN"]) if isinstance(lower, dict) else [lower]
        grown = [[*p, c] for p in phrases for c in choices]
        phrases = grown + (phrases if spec.get("OP") == "?" else [])
    return [p for p in phrases if p]


def build_pipeline(registry: Registry) -> Any:
    """The reader for a registry (built once per registry in a process): the tokenizer and
    a matcher of its names and of the cue phrases."""
    cached = _cache.get(registry.fingerprint)
    if cached is not None:
        return cached[1], cached[2]
    from citydip.ingest.text.tokens import Matcher, tokenize

    phrases = {
        name: {" ".join(words) for pattern in cue_patterns for words in _expand(pattern)}
        for name, cue_patterns in CUES.items()
    }
    matcher = Matcher(registry, phrases)
    _cache.clear()
    _cache[registry.fingerprint] = (registry, tokenize, matcher)
    return tokenize, matcher
