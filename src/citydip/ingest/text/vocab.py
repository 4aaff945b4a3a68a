"""Word vocabularies the rules share, built from base words and their variants.

- tie kinds ("twin", "twinned", "twinnings", "partnership", "friendly" ...) and tie
  statuses ("former", "suspended", "lapsed", "proposed" ...);
- denials ("declined", "rejected", "refused") and negations;
- roles in a network: every role noun with its plural and its vice-/co- forms, hyphenated,
  spaced or fused ("vice-presidency", "co-chairs", "vicepresident", "seat on the board");
- award verbs, with particles ("picked up", "took home") and designations ("was named",
  "was designated", "was crowned");
- demonyms that tie a description ("the Dutch port city") to a country code.
"""

from __future__ import annotations

from collections.abc import Iterable


def variants(*bases: str) -> set[str]:
    """A word's forms: itself, plural (-s / -es / -ies), as tokens and fused."""
    out: set[str] = set()
    for base in bases:
        out.add(base)
        if base.endswith("y") and not base.endswith(("ay", "ey", "oy")):
            out.add(base[:-1] + "ies")
        elif base.endswith(("s", "sh", "ch", "x")):
            out.add(base + "es")
        else:
            out.add(base + "s")
    return out


def _kinds() -> dict[str, str]:
    table: dict[str, str] = {}
    for kind, bases in (
        ("sister", ("twin", "twinning", "sister", "twinship", "sisterhood", "sibling")),
        ("partner", ("partner", "partnership")),
        ("friendship", ("friendship",)),
    ):
        for word in variants(*bases):
            table[word] = kind
    table.update({"twinned": "sister", "friendly": "friendship", "partnered": "partner"})
    table["sisterly"] = "sister"  # "a sisterly relationship"
    return table


TIE_KIND_WORDS = _kinds()

# words of a network and its membership ("a network of 220 cities", "members of the association")
NETWORK_NOUNS = {"network", "group", "coalition", "alliance", "association", "union", "league"}
NETWORK_NOUNS |= {"organisation", "organization", "members", "member", "membership"}

STATUS_WORDS = {
    **dict.fromkeys(
        (
            "former",
            "formerly",
            "ended",
            "ending",
            "past",
            "previous",
            "defunct",
            "terminated",
            "dissolved",
            "lapsed",
            "expired",
            "cancelled",
            "canceled",
            "severed",
            "revoked",
            "discontinued",
            "shelved",
            "abandoned",
            "scrapped",
            "axed",
        ),
        "ended",
    ),
    **dict.fromkeys(("suspended", "suspends", "suspend", "frozen", "froze", "paused"), "suspended"),
    **dict.fromkeys(("dormant", "inactive"), "suspended"),  # "twinnings lying dormant"
    **dict.fromkeys(
        ("proposed", "planned", "plans", "prospective", "pending", "candidate", "mooted"),
        "proposed",
    ),
}
DENIALS = {"declined", "rejected", "refused", "denied", "turned", "vetoed"}
# the nouns an organization's name ends with ("Energy Cities", "Leadership Group"): alone,
# one of them names no organization ("the Group" is no "C40 Cities Climate Leadership Group")
ORG_HEADS = {"network", "alliance", "association", "council", "organization", "organisation"}
ORG_HEADS |= {"league", "union", "federation", "partnership", "coalition", "covenant", "group"}
ORG_HEADS |= {"cities", "bank", "agency", "institute", "foundation", "party", "university"}
ORG_HEADS |= {"ministry", "embassy", "consulate"}
ORG_HEADS |= {"mayors"}  # "Climate Mayors", "the U.S. Conference of Mayors"
NEGATIONS = {"not", "never", "n't", "no", "neither", "nor", "non"}
# what lifts a negation from the names after it: "has no sister cities except Beijing"
EXCEPTIONS = {"except", "excepting", "besides", "apart from", "aside from", "other than"}
EXCEPTIONS |= {"save for"}

# role noun -> role (vocabulary.MEMBERSHIP_ROLES); vice- forms are executive, co- the same
_ROLE_BASES = {
    "president": "president",
    "presidency": "president",
    "chair": "chair",
    "chairman": "chair",
    "chairwoman": "chair",
    "chairperson": "chair",
    "chairmanship": "chair",
    "chairship": "chair",
    "board": "board",
    "founder": "founder",
    "founding": "founder",
    "executive": "executive",
    "secretary-general": "executive",
    "treasurer": "executive",
}


def _roles() -> dict[str, str]:
    table: dict[str, str] = {}
    for base, role in _ROLE_BASES.items():
        for word in variants(base):
            table[word] = role
            for joint in ("", "-"):
                table["vice" + joint + word] = "executive"
                table["co" + joint + word] = role
    table["co-founded"] = table["cofounded"] = "founder"
    return table


ROLE_WORDS = _roles()


def role_of(words: Iterable[str]) -> str | None:
    """The role words name ("vice", "-", "presidency" -> executive), or None."""
    items = list(words)
    for i, word in enumerate(items):
        role = ROLE_WORDS.get(word)
        if role is None:
            continue
        before = items[i - 2 : i] if i >= 2 else items[:i]
        if "vice" in before and (before[-1] in ("-", "vice")):
            return "executive"
        return role
    return None


# Cue phrases for memberships with a position: "holds the vice-presidency of", "a seat on
# the board of", "co-chairs". Phrases are tokenised by the pipeline.
def role_cue_phrases() -> list[str]:
    phrases = ["seat on the board of", "seats on the board of", "sits on the board of"]
    for base in ("presidency", "chair", "chairmanship", "board"):
        for word in variants(base):
            for form in (word, f"vice-{word}", f"vice {word}", f"co-{word}"):
                phrases.append(f"{form} of")
    for verb in ("chairs", "chaired", "co-chairs", "co-chaired", "presides over", "presided over"):
        phrases.append(verb)
    return phrases


AWARD_VERBS = [
    "won",
    "wins",
    "win",
    "winning",
    "received",
    "receives",
    "receiving",
    "garnering",
    "garnered",
    "earned",
    "awarded",
    "picked up",
    "picks up",
    "took home",
    "takes home",
    "scooped",
    "collected",
    "claimed",
    "secured",
    "bagged",
    "landed",
    "clinched",
    "was named",
    "was announced as",
    "been announced as",
    "is named",
    "been named",
    "was designated",
    "been designated",
    "was crowned",
    "been crowned",
    "was chosen as",
    "was selected as",
    "was voted",
]

DEMONYMS = {
    "american": "US",
    "u.s.": "US",  # "the U.S. City of St. Louis"
    "australian": "AU",
    "austrian": "AT",
    "belgian": "BE",
    "brazilian": "BR",
    "british": "GB",
    "english": "GB",
    "scottish": "GB",
    "welsh": "GB",
    "canadian": "CA",
    "catalan": "ES",
    "chinese": "CN",
    "colombian": "CO",
    "croatian": "HR",
    "czech": "CZ",
    "danish": "DK",
    "dutch": "NL",
    "finnish": "FI",
    "french": "FR",
    "german": "DE",
    "greek": "GR",
    "hungarian": "HU",
    "indian": "IN",
    "irish": "IE",
    "italian": "IT",
    "japanese": "JP",
    "korean": "KR",
    "lithuanian": "LT",
    "mexican": "MX",
    "norwegian": "NO",
    "polish": "PL",
    "portuguese": "PT",
    "russian": "RU",
    "slovak": "SK",
    "slovenian": "SI",
    "south african": "ZA",
    "spanish": "ES",
    "swedish": "SE",
    "swiss": "CH",
    "taiwanese": "TW",
    "turkish": "TR",
    "ukrainian": "UA",
    "bavarian": "DE",
    "lombard": "IT",
    "andalusian": "ES",
    "nigerian": "NG",
    "filipino": "PH",
    "thai": "TH",
    "emirati": "AE",
    "kyrgyz": "KG",
}


def _derived_demonyms() -> dict[str, str]:
    """Adjectives of the countries of one-word names that the table above lacks, formed as
    English forms most of them ("Kenya" → kenyan, "Kazakhstan" → kazakh, "Pakistan" →
    pakistani, "Vietnam" → vietnamese, "Egypt" → egyptian, "Ukraine" → ukrainian); a form
    two countries would give ("nigerian") is left out."""
    import pycountry

    seen: dict[str, set[str]] = {}
    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        low = name.lower()
        if not low.isalpha():
            continue
        forms = {low + "i", low + "ese", low + "ian"}
        if low.endswith("a"):
            forms |= {low + "n", low[:-1] + "an"}
        if low.endswith(("e", "y")):
            forms |= {low[:-1] + "ian", low[:-1] + "an"}
        if low.endswith("stan"):
            forms |= {low[:-4], low[:-5]}
        for form in forms:
            seen.setdefault(form, set()).add(country.alpha_2)
    return {form: next(iter(codes)) for form, codes in seen.items() if len(codes) == 1}


DEMONYMS = {**_derived_demonyms(), **DEMONYMS}


def _split(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Words that are not places when they stand alone, though a gazetteer or the store has a
# place so called ("March", "List", "World", "Of", "II"): function words, calendar words,
# compass words, Roman numerals and common nouns that open headlines and titles. A place
# so called still counts when a country follows it ("March, England").
FUNCTION_WORDS = _split(
    "a about above across after against all along also although among an and another any "
    "are as at be because been before being below beside between beyond both but by can "
    "could did do does down during each either else even ever every few for from further "
    "had has have he her here hers him his how however i if in including into is it its "
    "just least less like many may me might more most much must my near neither no nor not "
    "now of off often on once one only onto or other our ours out over own per perhaps "
    "rather same see several she should since so some such than that the their them then "
    "there these they this those though through thus to too toward towards under unless "
    "unlike until up upon us very via was we were what whatever when where whether which "
    "while who whom whose why will with within without would yet you your"
)
COMMON_WORDS = FUNCTION_WORDS | _split(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday spring summer autumn winter "
    "north south east west northern southern eastern western central northeast northwest "
    "southeast southwest ii iii iv vi vii viii ix xi xii world war peace list car cities city "
    "town towns village council mayor news page home data summary keywords abstract "
    "introduction background history contents second first third new old free plan plans "
    "today yesterday tomorrow week year years day days people program programme project "
    "press release media staff date subject item report union network partner partners "
    "sister sisters twin twins friendship cooperation agreement exchange culture trade "
    "welcome dear friends university school state states region regions province "
    "international global local national public government federal republic kingdom "
    "europe asia africa america americas oceania antarctica arctic continent continents"
)

# Compass words: directly before a country's name they are part of it ("West Australia",
# "North Macedonia"), never a place of their own
COMPASS_WORDS = _split(
    "north south east west northern southern eastern western central northeast northwest "
    "southeast southwest upper lower greater"
)

# First-order regions often written after a city ("Brighton, Colorado", "Perth, Western
# Australia"): the states of the United States and Australia and the provinces of Canada.
# After a city they say where it lies; the gazetteer does not always know them as states.
_US_STATES = _split(
    "alabama alaska arizona arkansas california colorado connecticut delaware florida "
    "hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland "
    "massachusetts michigan minnesota mississippi missouri montana nebraska nevada "
    "ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia "
    "wisconsin wyoming"
) | {
    "new hampshire", "new jersey", "new mexico", "new york state", "north carolina",
    "north dakota", "rhode island", "south carolina", "south dakota", "west virginia",
}  # fmt: skip
_CA_PROVINCES = _split("alberta manitoba ontario quebec saskatchewan") | {
    "british columbia", "new brunswick", "nova scotia",
}  # fmt: skip
_AU_STATES = _split("queensland tasmania") | {
    "new south wales", "western australia", "south australia", "northern territory",
}  # fmt: skip
# the country each of them is in ("Toledo, Ohio" is the Toledo of the United States)
REGION_COUNTRIES = {
    **dict.fromkeys(_US_STATES, "US"),
    **dict.fromkeys(_CA_PROVINCES, "CA"),
    **dict.fromkeys(_AU_STATES, "AU"),
}
REGION_NAMES = frozenset(REGION_COUNTRIES)
