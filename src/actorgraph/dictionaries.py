"""User actor dictionaries: known actors with country, sector and date-bounded codes.

A dictionary tells actorgraph who an actor is when the text alone cannot: that "Putin" is
Russia's government (``RUS`` + ``GOV``) from 2008-05-08 on and a Russian elite before, or that
"Acme Telecom" is a business in Kenya. Load one with ``ActorDictionary.load(path)``; the format
is chosen by the file extension.

CSV (``.csv``), UTF-8, one row per actor or per dated period of an actor::

    name,aliases,type,country,sector,valid_from,valid_to
    Vladimir Putin,Putin;President Putin,PERSON,RUS,ELI,,2008-05-07
    Vladimir Putin,Putin;President Putin,PERSON,RUS,GOV,2008-05-08,
    Acme Telecom,Acme,ORG,KEN,BUS,,

- ``name`` (required): the canonical name. Rows with the same name are periods of one actor.
- ``aliases``: other names, separated by ``;``.
- ``type``: PERSON, ORG, COUNTRY, PLACE, GROUP, IGO or NORP (any case).
- ``country``: an ISO 3166-1 alpha-3 code (``RUS``) or a country name (``Russia``).
- ``sector``: a CAMEO agent code: GOV, MIL, COP, JUD, LEG, OPP, REB, SPY, UAF, BUS, MED, EDU,
  CVL, HLH, ELI, LAB, REF, AGR, CRM, DEV, ENV, HRI, REL, PTY, IGO, NGO, ...
- ``valid_from`` / ``valid_to``: ISO dates (``2008-05-08``), inclusive, either may be empty.
- optional ``code`` (a free code such as ``RUSGOV``) and ``forbid`` (``;``-separated names this
  actor must never be merged with, e.g. a namesake).

YAML (``.yaml``/``.yml``): a list of mappings with the same keys (or a mapping with an
``actors:`` list); ``aliases`` and ``forbid`` may be lists::

    - name: Vladimir Putin
      aliases: [Putin, President Putin]
      type: PERSON
      country: RUS
      sector: GOV
      valid_from: 2008-05-08

Phoenix/PETRARCH (``.txt``), the actor files of the Phoenix event-data pipeline:
``NAME_ [CODE]`` lines (underscores join words), ``+ALIAS`` lines, tab-indented date-bounded
codes such as ``[RUSGOV >080508]`` (from 2008-05-08), ``[RUSELI <080507]`` (until),
``[RUSELI 000101-080507]`` (a range) or ``[RUSELI]`` (the default), and ``#`` comments. A code
is decoded into a country and a sector: ``RUSGOV`` -> RUS + GOV, ``IGOUNO`` -> sector IGO,
``NGOUSA...`` -> USA + NGO, ``MNC...`` -> BUS. Agents files (``FARMER [~AGR]``, ``{PLURAL}``
forms, ``!SET! = A, B`` substitution sets) load as role entries with a sector only. Six-digit
dates are YYMMDD with years 00-30 read as 20xx. Unreadable codes in a Phoenix file (a
seven-digit date, ``[s]``) are skipped with one logged summary; CSV and YAML errors raise
:class:`DictionaryError` with the file and line.

Lookup: ``dictionary.lookup("President Putin", on=date(2010, 1, 1))`` ignores case, accents,
dots and a leading "the". With a date, the period that contains it wins (the one that started
last if several do); then an undated default code; then the period nearest to the date. With
no date, the current period (open-ended, latest start) wins, then the default code.
"""

from __future__ import annotations

import csv
import logging
import re
import time
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

__all__ = ["ActorDictionary", "DictEntry", "DictionaryError", "decode_code"]

ACTOR_TYPES = ("PERSON", "ORG", "COUNTRY", "PLACE", "GROUP", "IGO", "NORP")
COLUMNS = ("name", "aliases", "type", "country", "sector", "valid_from", "valid_to", "code", "forbid")

# CAMEO country codes that are not ISO 3166-1 alpha-3 -> the code actorgraph uses.
_CAMEO_COUNTRIES = {"USR": "SUN", "KSV": "XKX", "ROM": "ROU", "ZAR": "COD", "TMP": "TLS",
                    "FRY": "YUG", "SRP": "SRB", "BUR": "MMR"}
# Prefixes that are not countries: organisation kinds and world regions.
_ORG_PREFIXES = {"IGO": ("IGO", "IGO"), "NGO": ("NGO", "ORG"), "MNC": ("BUS", "ORG"),
                 "IMG": ("REB", "GROUP")}
_REGION_PREFIXES = frozenset(
    "AFR ASA EUR MEA WST SAS SEA LAM CAS EAF WAF NAF SAF EEU WEU CFR NMR SAM BAL CRB MDT PGS "
    "NAM EIN INT".split()
)


class DictionaryError(ValueError):
    """A user dictionary that cannot be read; the message names the file and line."""

    def __init__(self, message: str, *, path: str | Path | None = None, line: int | None = None):
        self.path = str(path) if path is not None else None
        self.line = line
        where = self.path or "<dictionary>"
        if line is not None:
            where += f":{line}"
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class DictEntry:
    """One actor (or one dated period of an actor) from a user dictionary."""

    name: str
    aliases: tuple[str, ...]
    type: str | None
    country: str | None
    sector: str | None
    valid_from: date | None = None
    valid_to: date | None = None
    code: str | None = None
    forbid: tuple[str, ...] = ()  # names this actor must never be merged with

    def covers(self, on: date) -> bool:
        """Whether ``on`` falls inside this entry's validity period (bounds inclusive)."""
        return (self.valid_from is None or self.valid_from <= on) and (
            self.valid_to is None or on <= self.valid_to
        )

    @property
    def dated(self) -> bool:
        """Whether the entry has a validity bound."""
        return self.valid_from is not None or self.valid_to is not None


def _key(name: str) -> str:
    """Lookup key: case, accents, dots, underscores, hyphens and a leading "the" do not matter."""
    text = unicodedata.normalize("NFKD", name.replace("\u2019", "'"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = text.replace("_", " ").replace(".", "").replace("-", " ")
    text = " ".join(text.split())
    if text.startswith("the "):
        text = text[4:]
    return text


class ActorDictionary:
    """A set of known actors, looked up by name and article date."""

    def __init__(self, entries: Iterable[DictEntry] = (), *, source: str | None = None) -> None:
        self.source = source
        self._actors: list[list[DictEntry]] = []
        self._index: dict[str, int] = {}
        by_name: dict[str, int] = {}
        for entry in entries:
            actor = by_name.get(entry.name)
            if actor is None:
                actor = len(self._actors)
                by_name[entry.name] = actor
                self._actors.append([])
            self._actors[actor].append(entry)
            for name in (entry.name, *entry.aliases):
                # First actor wins a shared alias, as in the PETRARCH coder.
                self._index.setdefault(_key(name), actor)

    @classmethod
    def load(cls, path: str | Path, *, strict: bool = False) -> ActorDictionary:
        """Read a dictionary file: ``.csv``, ``.yaml``/``.yml`` or a Phoenix/PETRARCH ``.txt``.

        Args:
            path: the file.
            strict: for Phoenix files, raise on an unreadable code instead of skipping it.

        Raises:
            DictionaryError: the file is missing, of an unknown kind, or has a bad row.
        """
        path = Path(path)
        if not path.is_file():
            raise DictionaryError("file not found", path=path)
        suffix = path.suffix.lower()
        started = time.perf_counter()
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as e:
            raise DictionaryError(f"not UTF-8 text ({e.reason}); re-save the file as UTF-8",
                                  path=path) from e
        if suffix == ".csv":
            entries = list(_read_csv(text, path))
        elif suffix in (".yaml", ".yml"):
            entries = list(_read_yaml(text, path))
        elif suffix == ".txt":
            entries = list(_read_phoenix(text, path, strict=strict))
        else:
            raise DictionaryError(
                f"unknown dictionary kind {suffix or '(no extension)'!r}; use .csv, .yaml, .yml "
                "or a Phoenix/PETRARCH .txt file", path=path)
        dictionary = cls(entries, source=str(path))
        logger.info("loaded %d actors (%d entries) from %s in %.2f s", len(dictionary),
                    len(entries), path, time.perf_counter() - started)
        return dictionary

    @classmethod
    def load_many(cls, paths: Iterable[str | Path], *, strict: bool = False) -> ActorDictionary:
        """Read several dictionary files as one, in order: an earlier file wins a name two
        files share, as in the PETRARCH coder (e.g. the Phoenix Countries, International and
        MilNonState files together)."""
        parts = [cls.load(path, strict=strict) for path in paths]
        if len(parts) == 1:
            return parts[0]
        return cls((entry for part in parts for entry in part),
                   source=", ".join(part.source or "" for part in parts))

    def lookup(self, name: str, on: date | None = None) -> DictEntry | None:
        """The entry for ``name`` valid on ``on`` (the article date), or None if unknown."""
        actor = self._index.get(_key(name))
        if actor is None:
            return None
        return _choose(self._actors[actor], on)

    def periods(self, name: str) -> list[DictEntry]:
        """Every entry (dated period) of the actor called ``name``; empty if unknown."""
        actor = self._index.get(_key(name))
        return [] if actor is None else list(self._actors[actor])

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and _key(name) in self._index

    def __iter__(self) -> Iterator[DictEntry]:
        for entries in self._actors:
            yield from entries

    def __len__(self) -> int:
        """Number of actors (an actor with several dated periods counts once)."""
        return len(self._actors)

    def __repr__(self) -> str:
        return f"ActorDictionary({len(self)} actors from {self.source or 'memory'})"


def _choose(entries: list[DictEntry], on: date | None) -> DictEntry | None:
    if not entries:
        return None
    undated = [e for e in entries if not e.dated]
    dated = [e for e in entries if e.dated]
    if on is not None:
        covering = [e for e in dated if e.covers(on)]
        if covering:
            return max(covering, key=lambda e: e.valid_from or date.min)
        if undated:
            return undated[0]

        def distance(e: DictEntry) -> int:
            if e.valid_to is not None and on > e.valid_to:
                return (on - e.valid_to).days
            if e.valid_from is not None and on < e.valid_from:
                return (e.valid_from - on).days
            return 0

        return min(dated, key=distance)
    current = [e for e in dated if e.valid_to is None]
    if current:
        return max(current, key=lambda e: e.valid_from or date.min)
    if undated:
        return undated[0]
    return max(dated, key=lambda e: e.valid_to or date.max)


# ---------------------------------------------------------------------------------------------
# codes


def decode_code(code: str) -> tuple[str | None, str | None, str | None]:
    """Split a CAMEO/Phoenix actor code into (country, sector, type).

    ``RUSGOV`` -> ("RUS", "GOV", None); ``RUS`` -> ("RUS", None, "COUNTRY");
    ``IGOUNO`` -> (None, "IGO", "IGO"); ``NGOUSAHRI`` -> ("USA", "NGO", "ORG");
    ``~AGR`` (an agent) -> (None, "AGR", None).
    """
    from actorgraph.gazetteer import SECTORS, country_name

    code = code.strip().lstrip("~").upper()
    if not code or set(code) <= {"-"}:
        return (None, None, None)
    chunks = [code[i:i + 3] for i in range(0, len(code), 3)]

    def as_country(chunk: str) -> str | None:
        chunk = _CAMEO_COUNTRIES.get(chunk, chunk)
        return chunk if chunk not in _REGION_PREFIXES and country_name(chunk) else None

    first = chunks[0]
    if first in _ORG_PREFIXES:
        sector, kind = _ORG_PREFIXES[first]
        country = as_country(chunks[1]) if len(chunks) > 1 else None
        return (country, sector, kind)
    country = as_country(first)
    if country is not None:
        sector = next((c for c in chunks[1:] if c in SECTORS), None)
        return (country, sector, "COUNTRY" if len(chunks) == 1 else None)
    if first in _REGION_PREFIXES:
        return (None, next((c for c in chunks[1:] if c in SECTORS), None), None)
    if first in SECTORS:
        return (None, first, None)
    # An unknown (user-made) country prefix: keep the sector that follows it.
    return (None, next((c for c in chunks[1:] if c in SECTORS), None), None)


# ---------------------------------------------------------------------------------------------
# CSV and YAML


def _split_list(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, (list, tuple)):
        return tuple(str(v).strip() for v in value if str(v).strip())
    return tuple(part.strip() for part in str(value).split(";") if part.strip())


def _parse_date(value: Any, column: str, path: Path, line: int | None) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return date.fromisoformat(text)
    except ValueError as e:
        raise DictionaryError(
            f"{column} {text!r} is not a date; write it as YYYY-MM-DD, e.g. 2008-05-08",
            path=path, line=line) from e


def _entry(row: Mapping[str, Any], path: Path, line: int | None) -> DictEntry:
    from actorgraph.gazetteer import SECTORS, country_iso3, country_name

    unknown = sorted(str(k) for k in row if k not in COLUMNS)
    if unknown:
        raise DictionaryError(
            f"unknown column(s) {', '.join(unknown)}; the columns are {', '.join(COLUMNS)}",
            path=path, line=line)
    name = str(row.get("name") or "").strip()
    if not name:
        raise DictionaryError("empty name; every row needs a name", path=path, line=line)
    kind = str(row.get("type") or "").strip().upper() or None
    if kind is not None and kind not in ACTOR_TYPES:
        raise DictionaryError(f"type {kind!r} is not one of {', '.join(ACTOR_TYPES)}",
                              path=path, line=line)
    country = str(row.get("country") or "").strip() or None
    if country is not None:
        if country.upper() in _CAMEO_COUNTRIES:
            country = _CAMEO_COUNTRIES[country.upper()]
        elif country_name(country.upper()):
            country = country.upper()
        elif country_iso3(country):
            country = country_iso3(country)
        else:
            raise DictionaryError(
                f"country {country!r} is not an ISO 3166-1 alpha-3 code or a country name; "
                "write e.g. RUS or Russia", path=path, line=line)
    sector = str(row.get("sector") or "").strip().upper() or None
    if sector is not None and sector not in SECTORS:
        raise DictionaryError(
            f"sector {sector!r} is not a CAMEO sector code; use one of "
            f"{', '.join(sorted(SECTORS))}", path=path, line=line)
    valid_from = _parse_date(row.get("valid_from"), "valid_from", path, line)
    valid_to = _parse_date(row.get("valid_to"), "valid_to", path, line)
    if valid_from and valid_to and valid_to < valid_from:
        raise DictionaryError(f"valid_to {valid_to} is before valid_from {valid_from}",
                              path=path, line=line)
    code = str(row.get("code") or "").strip() or None
    return DictEntry(
        name=name,
        aliases=tuple(a for a in _split_list(row.get("aliases")) if a != name),
        type=kind,
        country=country,
        sector=sector,
        valid_from=valid_from,
        valid_to=valid_to,
        code=code,
        forbid=_split_list(row.get("forbid")),
    )


def _read_csv(text: str, path: Path) -> Iterator[DictEntry]:
    reader = csv.DictReader(text.splitlines())
    header = [h.strip() for h in reader.fieldnames or []]
    if "name" not in header:
        raise DictionaryError(
            f"no 'name' column in the header {header!r}; the columns are {', '.join(COLUMNS)}",
            path=path, line=1)
    reader.fieldnames = header
    for row in reader:
        if None in row:
            raise DictionaryError(
                f"{len(header) + len(row[None])} fields but the header has {len(header)}; "  # type: ignore[index]
                "quote values that contain commas", path=path, line=reader.line_num)
        if not any((v or "").strip() for v in row.values()):
            continue
        yield _entry(row, path, reader.line_num)


def _read_yaml(text: str, path: Path) -> Iterator[DictEntry]:
    import yaml

    try:
        # Anchors and aliases are refused outright: a dictionary never needs them, and a
        # "billion laughs" of nested aliases would expand to gigabytes.
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent):
                line = event.start_mark.line + 1 if event.start_mark else None
                raise DictionaryError("YAML aliases (*name) are not allowed in actor dictionaries; "
                                      "write each value out", path=path, line=line)
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise DictionaryError(f"not valid YAML: {getattr(e, 'problem', e)}", path=path,
                              line=mark.line + 1 if mark else None) from e
    if data is None:
        return
    items_node = root
    if isinstance(data, dict):
        if "actors" not in data:
            raise DictionaryError("expected a list of actors or a mapping with an 'actors:' list",
                                  path=path, line=1)
        data = data["actors"]
        items_node = next(v for k, v in root.value if k.value == "actors")  # type: ignore[union-attr]
    if not isinstance(data, list):
        raise DictionaryError("expected a list of actors", path=path, line=1)
    lines = [node.start_mark.line + 1 for node in items_node.value]  # type: ignore[union-attr]
    for item, line in zip(data, lines, strict=True):
        if not isinstance(item, dict):
            raise DictionaryError("each actor must be a mapping with at least a 'name'",
                                  path=path, line=line)
        yield _entry(item, path, line)


# ---------------------------------------------------------------------------------------------
# Phoenix / PETRARCH

_CODE = re.compile(r"\[([^\]]*)\]")
_CODE_BODY = re.compile(
    r"^(?P<code>~?[A-Za-z-]+)\s*(?:(?P<op>[<>])\s*(?P<d>\d+)|(?P<d1>\d+)\s*-\s*(?P<d2>\d+))?\s*$"
)
_SUBST = re.compile(r"^!(?P<name>[^!]+)!\s*=\s*(?P<items>.*)$")


def _phoenix_date(text: str) -> date:
    if len(text) == 8:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    if len(text) == 6:
        year = int(text[:2])
        # Dictionaries date from the 2010s: "080508" is 2008, "320101" 1932.
        year += 2000 if year <= 30 else 1900
        return date(year, int(text[2:4]), int(text[4:6]))
    raise ValueError(f"date {text!r} has {len(text)} digits; expected YYMMDD or YYYYMMDD")


def _display(phrase: str) -> str:
    """"VLADIMIR_PUTIN_" -> "Vladimir Putin"; short and dotted words keep their case (UN, U.N.)."""
    words = phrase.replace("_", " ").split()
    out = []
    for word in words:
        low = word.lower()
        if low in ("of", "the", "and", "for", "in", "on", "de", "du", "des", "la", "le", "el"):
            out.append(low if out else word.capitalize())
        elif len(word) <= 2 or "." in word or not word.isupper():
            out.append(word)
        else:
            out.append("-".join(part.capitalize() for part in word.split("-")))
    return " ".join(out)


def _plural(phrase: str) -> str:
    word = phrase.rstrip("_ ")
    if word.endswith("Y") and not word.endswith(("AY", "EY", "OY")):
        return word[:-1] + "IES"
    if word.endswith(("S", "X", "CH", "SH")):
        return word + "ES"
    return word + "S"


def _read_phoenix(text: str, path: Path, *, strict: bool) -> Iterator[DictEntry]:
    if not _CODE.search(text):
        raise DictionaryError("no [CODE] found: not a Phoenix/PETRARCH dictionary", path=path)
    substitutions: dict[str, list[str]] = {}
    skipped: list[int] = []
    names: list[str] = []  # root phrases and aliases of the actor being read
    codes: list[tuple[str, date | None, date | None]] = []

    def expand(phrase: str) -> list[str]:
        """"CATTLE!PERSON!" with !PERSON! = MAN, MEN -> CATTLEMAN, CATTLEMEN; {PLURAL} forms."""
        phrase = phrase.strip()
        forms = [phrase]
        brace = re.search(r"\{([^}]*)\}", phrase)
        if brace:
            base = (phrase[:brace.start()] + phrase[brace.end():]).strip()
            forms = [base, *brace.group(1).split()]
        out: list[str] = []
        for form in forms:
            marker = re.search(r"!([^!]+)!", form)
            if marker and marker.group(1) in substitutions:
                out += [form[:marker.start()] + s + form[marker.end():]
                        for s in substitutions[marker.group(1)]]
            elif form:
                out.append(form)
        return [o for o in out if o.strip("_ ")]

    def add_codes(segment: str, line_no: int) -> None:
        for body in _CODE.findall(segment):
            match = _CODE_BODY.match(body.strip())
            try:
                if match is None:
                    raise ValueError(f"unreadable code [{body}]")
                start = end = None
                if match.group("op") == ">":
                    start = _phoenix_date(match.group("d"))
                elif match.group("op") == "<":
                    end = _phoenix_date(match.group("d"))
                elif match.group("d1"):
                    start = _phoenix_date(match.group("d1"))
                    end = _phoenix_date(match.group("d2"))
                    if end < start:
                        raise ValueError(f"range [{body}] ends before it starts")
            except ValueError as e:
                if strict:
                    raise DictionaryError(str(e), path=path, line=line_no) from e
                skipped.append(line_no)
                continue
            if set(match.group("code")) <= {"-"}:
                continue  # [---]: explicitly no code
            codes.append((match.group("code").upper(), start, end))

    def flush() -> Iterator[DictEntry]:
        if names and codes:
            phrases = list(names)
            if all(code.startswith("~") for code, _, _ in codes):
                # Agents (role nouns): PETRARCH adds the regular plural of each noun.
                phrases += [_plural(p) for p in names]
            display = [_display(n) for n in phrases]
            canonical, aliases = display[0], tuple(dict.fromkeys(d for d in display[1:]
                                                                 if d != display[0]))
            for code, start, end in codes:
                country, sector, kind = decode_code(code)
                yield DictEntry(canonical, aliases, kind, country, sector, start, end, code)

    for line_no, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        subst = _SUBST.match(line.strip())
        if subst:
            substitutions[subst.group("name")] = [
                s.strip() for s in subst.group("items").split(",") if s.strip()]
            continue
        head, bracket, rest = line.partition("[")
        segment = bracket + rest
        if line[0] in " \t":
            if line.strip().startswith("+"):
                names.extend(expand(line.strip()[1:].split("[", 1)[0]))
            add_codes(segment, line_no)
            continue
        if line.startswith("+"):
            names.extend(expand(head[1:]))
            add_codes(segment, line_no)
            continue
        # A new root phrase. A root without codes shares the codes that follow with the
        # roots after it, as the PETRARCH reader does; a root after a coded actor starts anew.
        if codes:
            yield from flush()
            names, codes = [], []
        names.extend(expand(head))
        add_codes(segment, line_no)
    yield from flush()
    if skipped:
        logger.warning("%s: skipped %d unreadable code(s), first on line(s) %s", path,
                       len(skipped), ", ".join(map(str, skipped[:5])))
