"""The spaCy pipeline: a blank English tokenizer, an EntityRuler of known names, a Matcher of cues.

No statistical model: the rule path is the whole pipeline, nothing is downloaded. spaCy is
imported here only, when a document is read, so the CLI starts fast.

- The EntityRuler labels every name the registry knows (PLACE, ORG, PROGRAMME, EVENT,
  AWARD, DOC, ASSET, COUNTRY); names match case-insensitively (a match must start with a
  capital, which the mention finder checks) and acronyms match exactly ("WHO", never "who").
- The Matcher finds the cues claim rules start from: membership, awards, hosting, running,
  agreements, aid, ties, counts and populations. Their names are the keys of ``CUES``.
"""

from __future__ import annotations

from typing import Any

from citydip.ingest.text.registry import SHORT_COUNTRIES, Registry

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

CUES: dict[str, list[list[dict[str, Any]]]] = {
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
        "signatory to|of",
    ),
    "leave": _words("withdrew|withdrawn from", "left the"),
    "award": _words(
        "won|wins|win|winning|received|receives|receiving|garnering|garnered|earned",
        "awarded",
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
            "twinned|twinning with",
            f"friendship {TIE_NOUNS}",
            f"partner {TIE_NOUNS}",
            f"friendly {TIE_NOUNS}",
        ),
    ],
}


def build_pipeline(registry: Registry) -> Any:
    """The pipeline for a registry (built once per registry in a process)."""
    cached = _cache.get(registry.fingerprint)
    if cached is not None and cached[0] is registry:
        return cached[1], cached[2]
    import spacy
    from spacy.matcher import Matcher

    nlp = spacy.blank("en")
    nlp.max_length = 5_000_000
    ruler: Any = nlp.add_pipe(
        "entity_ruler", config={"phrase_matcher_attr": "LOWER", "validate": False}
    )
    patterns: list[dict[str, Any]] = []
    for key, surfaces in registry.surfaces.items():
        known = registry.by_key[key][0]
        for surface in sorted(surfaces):
            if surface in registry.acronyms:
                tokens = [{"ORTH": t.text} for t in nlp.make_doc(surface)]
                patterns.append({"label": known.label, "pattern": tokens, "id": key})
            else:
                patterns.append({"label": known.label, "pattern": surface, "id": key})
    for key, code in registry.countries.items():
        if len(key) > 3:
            patterns.append({"label": "COUNTRY", "pattern": key, "id": f"@{code}"})
    for surface, code in SHORT_COUNTRIES.items():
        orth = [{"ORTH": t.text} for t in nlp.make_doc(surface)]
        patterns.append({"label": "COUNTRY", "pattern": orth, "id": f"@{code}"})
    ruler.add_patterns(patterns)
    matcher = Matcher(nlp.vocab)
    for name, cue_patterns in CUES.items():
        matcher.add(name, cue_patterns)
    _cache.clear()
    _cache[registry.fingerprint] = (registry, nlp, matcher)
    return nlp, matcher
