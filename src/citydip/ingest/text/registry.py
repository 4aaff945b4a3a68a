"""What names mean: the store's entities, well-known city networks, countries, the gazetteer.

The registry gives every name the extractor may meet a label (PLACE, ORG, PROGRAMME,
EVENT, AWARD, DOC, ASSET, COUNTRY) and, where it knows one, an entity. Names come from the
store (every entity's names and acronym), from a short built-in list of city networks and
international bodies that a text may name before the store knows them, and from the
country table of the gazetteer. Places the store lacks are looked up in the offline
gazetteer when a rule needs a place.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from citydip.ingest.text.vocab import ORG_HEADS, REGION_NAMES
from citydip.store.database import Store
from citydip.text import fold, fold_variants

LABELS = {
    "place": "PLACE",
    "organization": "ORG",
    "company": "ORG",
    "programme": "PROGRAMME",
    "event": "EVENT",
    "document": "DOC",
    "asset": "ASSET",
    "award": "AWARD",
}

# City networks and international bodies often named in texts on city diplomacy.
# (name, acronym, label); the store's own entry wins when it has the same name.
BUILTIN: tuple[tuple[str, str | None, str], ...] = (
    ("C40 Cities Climate Leadership Group", "C40", "ORG"),
    ("ICLEI - Local Governments for Sustainability", "ICLEI", "ORG"),
    ("United Cities and Local Governments", "UCLG", "ORG"),
    ("CITYNET", None, "ORG"),
    ("Carbon Neutral Cities Alliance", "CNCA", "ORG"),
    ("Mayors for Peace", None, "ORG"),
    ("Eurocities", None, "ORG"),
    ("Metropolis", None, "ORG"),
    ("World Association of the Major Metropolises", None, "ORG"),
    ("Energy Cities", None, "ORG"),
    ("Climate Alliance", None, "ORG"),
    ("Covenant of Mayors", None, "ORG"),
    ("Global Covenant of Mayors for Climate & Energy", "GCoM", "ORG"),
    ("Resilient Cities Network", None, "ORG"),
    ("100 Resilient Cities", None, "ORG"),
    ("Strong Cities Network", None, "ORG"),
    ("UNESCO Creative Cities Network", "UCCN", "ORG"),
    ("Union of Baltic Cities", "UBC", "ORG"),
    ("Council of European Municipalities and Regions", "CEMR", "ORG"),
    ("League of Historical Cities", None, "ORG"),
    ("Alliance for Healthy Cities", None, "ORG"),
    ("Mercociudades", None, "ORG"),
    ("Global Parliament of Mayors", "GPM", "ORG"),
    ("Sister Cities International", "SCI", "ORG"),
    ("Asian Network of Major Cities 21", "ANMC21", "ORG"),
    ("World Health Organization", "WHO", "ORG"),
    ("United Nations", "UN", "ORG"),
    ("UNESCO", None, "ORG"),
    ("UN-Habitat", None, "ORG"),
    ("United Nations Development Programme", "UNDP", "ORG"),
    ("World Bank", None, "ORG"),
    ("Asian Development Bank", "ADB", "ORG"),
    ("OECD", None, "ORG"),
    ("European Union", "EU", "ORG"),
    ("Urban 20", "U20", "ORG"),
    ("Bloomberg Philanthropies", None, "ORG"),
    ("International Association of Peace Messenger Cities", "IAPMC", "ORG"),
    ("CityNet", None, "ORG"),
)

# Country codes written in running text; two-letter codes otherwise are too often words.
SHORT_COUNTRIES = {"US": "US", "USA": "US", "U.S.": "US", "UK": "GB", "U.K.": "GB", "UAE": "AE"}
EXACT = {"usa", "uae"}  # short country names matched in running text (not "us", "uk")


REGION_LEVELS = frozenset({"region", "state", "province", "territory"})
_SCANS = 8  # names linked by scanning every name before a word index is built


@dataclass(frozen=True)
class Known:
    """An entity a name can mean: from the store (``id``) or built in (``id`` None)."""

    name: str
    label: str
    id: str | None = None
    country: str | None = None
    level: str | None = None
    geonames_id: int | None = None

    @property
    def regional(self) -> bool:
        """A state, province or region: "Ohio" in "Toledo, Ohio" says where Toledo lies."""
        return self.level in REGION_LEVELS


class Registry:
    """Names → entities, for the pipeline's patterns and for linking mentions."""

    def __init__(self) -> None:
        self.by_key: dict[str, list[Known]] = {}
        self.surfaces: dict[str, set[str]] = {}  # folded key -> surface forms for patterns
        self.acronyms: set[str] = set()
        self.countries: dict[str, str] = {}  # folded name -> ISO alpha-2
        self.by_geonames: dict[int, Known] = {}
        self.fingerprint = ""
        self._first: dict[str, int] | None = None
        self._prefixes: set[str] | None = None
        self._links: dict[tuple[str, tuple[str, ...], str | None], Known | None] = {}
        self._words: dict[str, set[str]] | None = None

    # -- building ---------------------------------------------------------------------------

    @classmethod
    def from_store(cls, store: Store | None) -> Registry:
        """The registry of a store's names (and the built-in ones): read from a compact
        index beside the store file when it is as new as the store, else built and the
        index written (a short text then does not read every name of the world data)."""
        from citydip.ingest.text.name_index import index_path, read_index, write_index

        index = index_path(store)
        if index is not None and store is not None:
            cached = read_index(index, store)
            if cached is not None:
                return cached
        registry = cls._build(store)
        registry.first_words()
        registry.prefixes()
        if index is not None and store is not None:
            write_index(index, store, registry)
        return registry

    @classmethod
    def _build(cls, store: Store | None) -> Registry:
        registry = cls()
        if store is not None:
            registry._add_store(store)
        for name, acronym, label in BUILTIN:
            known = Known(name, label)
            for surface in (name, acronym):
                if surface and fold(surface) not in registry.by_key:
                    registry.add(surface, known)
        registry._add_countries()
        registry.fingerprint = registry._digest()
        return registry

    def _add_store(self, store: Store) -> None:
        entities = {e.id: e for e in store.entities()}
        for entity in entities.values():
            known = Known(
                entity.name,
                _label(entity.type, entity.level),
                entity.id,
                entity.country,
                entity.level,
                entity.geonames_id,
            )
            if entity.geonames_id is not None:
                self.by_geonames[entity.geonames_id] = known
        rows = store.conn.execute("SELECT entity_id, name FROM names ORDER BY entity_id, name")
        for entity_id, name in rows:
            found = entities.get(str(entity_id))
            if found is None:
                continue
            label = _label(found.type, found.level)
            known = Known(
                found.name, label, found.id, found.country, found.level, found.geonames_id
            )
            self.add(str(name), known)

    def _digest(self) -> str:
        """Identifies the patterns: registries with the same names share one pipeline."""
        import hashlib

        digest = hashlib.sha1()
        for key in sorted(self.surfaces):
            label = self.by_key[key][0].label
            digest.update(f"{key}\x1f{label}\x1f{sorted(self.surfaces[key])}\x1e".encode())
        digest.update(str(sorted(self.countries.items())).encode())
        return digest.hexdigest()

    def add(self, surface: str, known: Known) -> None:
        surface = surface.strip()
        if len(surface) < 2 or not any(ch.isalpha() for ch in surface):
            return
        key = fold(surface)
        keys = [key]
        plain = key if key.isascii() else key.translate(PLAIN_LETTERS)
        if plain != key and len(plain) >= 5:
            keys.append(plain)  # "tromsø" is also written "tromso" (not "møn" "mon")
        for one in keys:
            bucket = self.by_key.setdefault(one, [])
            if known not in bucket:
                bucket.append(known)
            self.surfaces.setdefault(one, set()).add(surface)
        if _is_acronym(surface):
            self.acronyms.add(surface)
        head, _, rest = surface.partition(" ")
        if head in ("Saint", "Sainte") and rest and known.label == "PLACE":
            short = "St" if head == "Saint" else "Ste"  # "St. Paul", "St Paul", "Ste. Foy"
            for form in (f"{short}. {rest}", f"{short} {rest}"):
                self.add(form, known)  # (a bucket holds each place once)

    def _add_countries(self) -> None:
        from citydip.gazetteer.countries import country_aliases

        for key, options in country_aliases().items():
            if len(key) > 3 and options and not self._city_state(key, options[0][0]):
                self.countries[key] = options[0][0]
        for surface, code in SHORT_COUNTRIES.items():
            self.countries[fold(surface)] = code
        self.countries["federation of saint christopher and nevis"] = "KN"
        self.countries["saint christopher and nevis"] = "KN"

    def _city_state(self, key: str, code: str) -> bool:
        """A country's name that is also the own name of a city of that country (Singapore,
        Monaco, Luxembourg): read as the city. Otherwise the country's name means the
        country, even where the store has a place by it: an alias ("Mexico" of Mexico City),
        a namesake abroad (Greece, New York) or a country entered as a tie's partner."""
        return any(
            k.label == "PLACE"
            and k.level != "country"
            and k.country == code
            and fold(k.name) == key
            for k in self.by_key.get(key, [])
        )

    def first_words(self) -> dict[str, int]:
        """First word of every folded name and country -> how many tokens a match may
        span (a folded key lost its punctuation tokens: twice its words, plus two)."""
        if self._first is None:
            first: dict[str, int] = {}
            for key in [*self.by_key, *(k for k in self.countries if len(k) > 3 or k in EXACT)]:
                words = key.split()
                if words:
                    first[words[0]] = max(first.get(words[0], 0), 2 * len(words) + 2)
            self._first = first
        return self._first

    def prefixes(self) -> set[str]:
        """Every word-by-word start of a folded name or country ("rio", "rio de", "rio de
        janeiro"): the matcher stops growing a candidate as soon as it is none."""
        if self._prefixes is None:
            found: set[str] = set()
            for key in [*self.by_key, *(k for k in self.countries if len(k) > 3 or k in EXACT)]:
                words = key.split()
                for k in range(1, len(words) + 1):
                    found.add(" ".join(words[:k]))
            self._prefixes = found
        return self._prefixes

    # -- looking up -------------------------------------------------------------------------

    def lookup(self, text: str) -> Known | None:
        """The entity a name means, if one stands out; None when unknown."""
        cache: dict[str, Known | None] = self.__dict__.setdefault("_lookups", {})
        if text in cache:
            return cache[text]
        found = None
        for key in fold_variants(text):
            there = self.by_key.get(key)
            if there:
                found = _best(there)
                break
        if len(cache) < 100_000:
            cache[text] = found
        return found

    def country(self, text: str) -> str | None:
        return self.countries.get(fold(text))

    def link(self, text: str, labels: tuple[str, ...], near: str | None = None) -> Known | None:
        cache_key = (text, labels, near)
        if cache_key not in self._links:
            self._links[cache_key] = self._link(text, labels, near)
        return self._links[cache_key]

    def _link(self, text: str, labels: tuple[str, ...], near: str | None) -> Known | None:
        """A name not known as written: the known name of those labels that contains it.

        ``near`` (a subject's name) breaks ties: "International Strategy" said of Yokohama
        is the "City of Yokohama International Strategy".
        """
        key = fold(text)
        if len(key) < 4 or key in ORG_HEADS:
            return None  # "Group" alone is no "C40 Cities Climate Leadership Group"
        words = set(key.split())
        found: list[Known] = []
        for other in sorted(self._holding(words)):  # names holding every word of the text
            if key in other or (len(words) >= 2 and _in_order(key.split(), other.split())):
                found.extend(k for k in self.by_key[other] if k.label in labels)
        if near:
            close = [k for k in found if fold(near) in fold(k.name)]
            found = close or found
        distinct = {k.id or k.name: k for k in found}
        return next(iter(distinct.values())) if len(distinct) == 1 else None

    def _holding(self, words: set[str]) -> set[str]:
        """The folded names holding every one of ``words``: the first few times by a scan of
        the names (a short text links a handful), then from a word index built once."""
        if not words:
            return set()
        scans = self.__dict__.get("_scans", 0)
        if self._words is None and scans < _SCANS:
            self.__dict__["_scans"] = scans + 1
            probe = max(words, key=len)  # any word would do: a long one passes fewer names
            return {o for o in self.by_key if probe in o and words <= set(o.split())}
        index = self._word_index()
        return set.intersection(*[index.get(w, set()) for w in words])

    def _word_index(self) -> dict[str, set[str]]:
        """word -> the folded names holding it (built once: linking scans no full list)."""
        if self._words is None:
            self._words = {}
            for other in self.by_key:
                for word in other.split():
                    self._words.setdefault(word, set()).add(other)
        return self._words

    def place(self, text: str, country: str | None = None) -> Known | None:
        """A place by name: the store's, else the gazetteer's (offline), else None. With a
        ``country`` ("St. Petersburg, Russia") a place of that country wins over a store
        place of the same name elsewhere."""
        cache: dict[tuple[str, str | None], Known | None] = self.__dict__.setdefault("_places", {})
        key = (text, country)
        if key not in cache:
            if len(cache) >= 100_000:
                cache.clear()
            cache[key] = self._place(text, country)
        return cache[key]

    def _place(self, text: str, country: str | None) -> Known | None:
        if country:
            for key in fold_variants(text):
                there = [k for k in self.by_key.get(key, []) if k.label == "PLACE"]
                fitting = [k for k in there if k.country == country]
                if fitting:
                    return _best(fitting)
                if there:
                    return _gazetteer(self, text, country) or _best(there)
        known = self.lookup(text)
        if known is not None:
            return known if known.label == "PLACE" else None
        return _gazetteer(self, text, country)


# letters that have no accent to fold away, written in English texts as plain letters
PLAIN_LETTERS = str.maketrans(
    {"ø": "o", "đ": "d", "ł": "l", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th", "ð": "d"}
    | {"ħ": "h", "ŧ": "t", "ŋ": "n", "ß": "ss"}
)


def _gazetteer(registry: Registry, text: str, country: str | None) -> Known | None:
    resolution = _resolve(text, country)
    if resolution is None:
        return None
    geonames_id, name, code, level = resolution
    if fold(text) in REGION_NAMES:
        level = "region"  # "Colorado", "Victoria": a state written after its city
    if geonames_id == 0:  # several places have this name: a place, not linked
        return Known(name, "PLACE", None, code, level)
    return registry.by_geonames.get(geonames_id) or Known(
        name, "PLACE", None, code, level, geonames_id
    )


@lru_cache(maxsize=4096)
def _resolve(text: str, country: str | None) -> tuple[int, str, str | None, str] | None:
    """A gazetteer place for a name: (geonames id, name, country, level), (0, name, None,
    "city") for a place several same-named places could be, or None. The level is "region"
    for a state, province or other first-order unit ("North Carolina"), else "city".

    Villages of the wider data count only with a country given. Only places whose own name
    is the text, or a close spelling of it ("Hanover" /
    "Hannover", "Nizhny" / "Nizhniy Novgorod"), count: a place known by the text only as an
    alternate name ("Illinois" for some town) does not. Among several such places one that
    is far larger than the next (five times) is taken ("Porto", not the small Portos).
    """
    from citydip.gazetteer import resolve

    result = resolve(text, country=country)
    if result.status == "resolved" and result.place is not None:
        if _hamlet(result.place) and country is None:
            return None  # a capitalised word that only a hamlet is called ("Plans")
        place = result.place
        if _spelled_as(text, place.name) or _exonym(result, text):
            return place.geonames_id, place.name, place.country, _level(place)
        return None  # "Illinois" is not the town the gazetteer offers in its place
    if result.status != "ambiguous":
        return None
    named = [
        p
        for p in result.candidates
        if _spelled_as(text, p.name) and (country is not None or not _hamlet(p))
    ]
    if not named:
        return None
    named.sort(key=lambda p: -(p.population or 0))
    top = named[0]
    if len(named) == 1 or (top.population or 0) >= 5 * (named[1].population or 0) > 0:
        return top.geonames_id, top.name, top.country, _level(top)
    return 0, text, None, _level(top)  # "Colorado": the state, the largest of its namesakes


def _exonym(result: Any, text: str) -> bool:
    """A large city the text names by another of its names ("Kiev", "Bombay", "Peking",
    "Danzig", "Wien"), as that name itself (not a district whose seat it is, not a close
    spelling), with no place spelled as the text among the candidates ("Dongfang"). A town
    known by a name only as an alternate one ("Illinois") is not taken."""
    place = result.place
    if getattr(place, "kind", "city") != "city" or (place.population or 0) < 400_000:
        return False
    if result.unit != "place" or result.score < 0.98:
        return False
    return not any(_spelled_as(text, p.name) for p in result.candidates)


def _level(place: Any) -> str:
    admin = getattr(place, "kind", "city") == "admin"
    return "region" if admin and getattr(place, "level", None) == "state" else "city"


def _hamlet(place: Any) -> bool:
    """A village the wider gazetteer data adds (no GeoNames record, no population): in
    running text, its name is more often a common word than that village."""
    return getattr(place, "kind", "city") == "village"


def _spelled_as(text: str, name: str) -> bool:
    from difflib import SequenceMatcher

    wanted, got = fold(text), fold(name)
    if got in fold_variants(text) or (len(wanted) >= 6 and wanted in got):
        return True  # not "USA" in "Usa River", "Texas" in "Texas City"
    if name.lower().startswith(text.lower() + "-"):
        return True  # "Aix" of "Aix-en-Provence" (the name cut at its hyphen)
    if len(wanted) < 6 or wanted[:1] != got[:1]:
        return False  # "Plans" is not "Planes": short names must be spelled the same
    return SequenceMatcher(None, wanted, got).ratio() >= 0.85


def _label(entity_type: str, level: str | None) -> str:
    return LABELS.get(entity_type, "ORG")


def _best(found: list[Known]) -> Known:
    """Among entities sharing a name, prefer store entities, then cities, then the first."""
    ranked = sorted(found, key=lambda k: (k.id is None, k.level not in (None, "city")))
    return ranked[0]


def _is_acronym(surface: str) -> bool:
    letters = [ch for ch in surface if ch.isalpha()]
    return bool(letters) and len(surface) <= 12 and all(ch.isupper() for ch in letters)


def _in_order(words: list[str], name: list[str]) -> bool:
    """Every word of ``words`` in ``name``, in the same order ("Covenant of Mayors" in the
    "Global Covenant of Mayors for Climate & Energy", not "Climate Mayors")."""
    rest = iter(name)
    return all(word in rest for word in words)
