"""Tests for actorgraph.dictionaries: CSV, YAML and Phoenix/PETRARCH actor dictionaries."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from actorgraph.dictionaries import ActorDictionary, DictEntry, DictionaryError, decode_code

PHOENIX_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "dictionaries" / "phoenix"
needs_phoenix = pytest.mark.skipif(
    not PHOENIX_DIR.is_dir(), reason="../shared/dictionaries/phoenix is absent (fresh clone)"
)

PHOENIX_SAMPLE = """\
# A hand-written dictionary in the Phoenix/PETRARCH actor format.
FREEDONIA_  [FRD]
+FREEDONIAN_
+CAPITAL_CITY_

RUFUS_T._FIREFLY_  # a person whose role changes
+FIREFLY_
+PRESIDENT_FIREFLY_
\t[FRDELI 900101-100630]
\t[FRDGOV >100701]
\t[FRDELI]
CHICOLINI_ [FRDCRM <050101] [FRDBUS]
TRENTINO_
+AMBASSADOR_TRENTINO
\t[SYLGOV 010101-091231]
\t[SYLGOV 1234567-20091231]
ACME_TELECOM_ [MNCFRD]
THE_UNITED_NATIONS_ [IGOUNO]
UN_ [IGOUNO]
U.N._

UN_ENVOY_
\t[IGOUNO]
"""


@pytest.fixture()
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "sample.actors.txt"
    path.write_text(PHOENIX_SAMPLE, encoding="utf-8")
    return path


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- Phoenix ---------------------------------------------------------------------------------


def test_dictionaries_phoenix_role_change_by_date(sample: Path) -> None:
    actors = ActorDictionary.load(sample)
    before = actors.lookup("Rufus T. Firefly", on=date(2005, 3, 1))
    after = actors.lookup("President Firefly", on=date(2012, 3, 1))
    assert before is not None and after is not None
    assert (before.code, before.country, before.sector) == ("FRDELI", None, "ELI")
    assert (after.code, after.sector) == ("FRDGOV", "GOV")
    assert after.valid_from == date(2010, 7, 1) and after.valid_to is None
    assert before.valid_from == date(1990, 1, 1) and before.valid_to == date(2010, 6, 30)


def test_dictionaries_phoenix_default_and_current_codes(sample: Path) -> None:
    actors = ActorDictionary.load(sample)
    # Outside every dated period the undated default applies ...
    assert actors.lookup("Firefly", on=date(1950, 1, 1)).code == "FRDELI"  # type: ignore[union-attr]
    # ... and with no date the current (open-ended) period wins.
    assert actors.lookup("Firefly").code == "FRDGOV"  # type: ignore[union-attr]
    # "<date" bounds the end; an inline default follows it.
    assert actors.lookup("Chicolini", on=date(2001, 1, 1)).code == "FRDCRM"  # type: ignore[union-attr]
    assert actors.lookup("Chicolini", on=date(2010, 1, 1)).code == "FRDBUS"  # type: ignore[union-attr]


def test_dictionaries_phoenix_structure(sample: Path) -> None:
    actors = ActorDictionary.load(sample)
    entry = actors.lookup("Freedonia")
    assert entry is not None
    assert entry.aliases == ("Freedonian", "Capital City")
    assert actors.lookup("capital city") == entry
    assert "FIREFLY" in actors and "Groucho" not in actors
    assert len(actors.periods("Firefly")) == 3
    # Underscores, case and a leading "the" do not matter.
    assert actors.lookup("United Nations").sector == "IGO"  # type: ignore[union-attr]
    # A root without a code shares the codes of the roots that follow it (PETRARCH rule).
    envoy = actors.lookup("UN envoy")
    assert envoy is not None and envoy.name == "U.N." and envoy.code == "IGOUNO"
    acme = actors.lookup("Acme Telecom")
    assert acme is not None and (acme.country, acme.sector, acme.type) == (None, "BUS", "ORG")
    assert len(actors) == 8


def test_dictionaries_phoenix_bad_code_skipped_or_strict(sample: Path, caplog) -> None:
    actors = ActorDictionary.load(sample)
    trentino = actors.periods("Trentino")
    assert [e.code for e in trentino] == ["SYLGOV"]  # the seven-digit date is skipped
    assert "skipped 1 unreadable code" in caplog.text
    with pytest.raises(DictionaryError, match=r"sample\.actors\.txt:16: date '1234567' has 7"):
        ActorDictionary.load(sample, strict=True)


def test_dictionaries_phoenix_agents_format(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "agents.txt",
        "!PERSON! = MAN, MEN, WOMAN\nFARMER [~AGR]\nCATTLE!PERSON! [~AGR]\n"
        "CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]\nPOLICE {} [~COP]\n",
    )
    agents = ActorDictionary.load(path)
    assert agents.lookup("farmers").sector == "AGR"  # type: ignore[union-attr]
    assert agents.lookup("cattlewoman").sector == "AGR"  # type: ignore[union-attr]
    assert agents.lookup("chambers of commerce").sector == "BUS"  # type: ignore[union-attr]
    assert agents.lookup("police").sector == "COP"  # type: ignore[union-attr]


def test_dictionaries_phoenix_needs_codes(tmp_path: Path) -> None:
    path = write(tmp_path, "notes.txt", "just some notes\nwith no codes\n")
    with pytest.raises(DictionaryError, match="not a Phoenix/PETRARCH dictionary"):
        ActorDictionary.load(path)


@pytest.mark.parametrize(
    ("code", "decoded"),
    [
        ("RUSGOV", ("RUS", "GOV", None)),
        ("RUS", ("RUS", None, "COUNTRY")),
        ("USAMILSPY", ("USA", "MIL", None)),
        ("IGOUNO", (None, "IGO", "IGO")),
        ("NGOUSAHRI", ("USA", "NGO", "ORG")),
        ("MNCCHN", ("CHN", "BUS", "ORG")),
        ("USR", ("SUN", None, "COUNTRY")),
        ("KSVGOV", ("XKX", "GOV", None)),
        ("~AGR", (None, "AGR", None)),
        ("ELI", (None, "ELI", None)),
        ("EURGOV", (None, "GOV", None)),
        ("---", (None, None, None)),
    ],
)
def test_dictionaries_decode_code(code: str, decoded: tuple) -> None:  # type: ignore[type-arg]
    assert decode_code(code) == decoded


@needs_phoenix
def test_dictionaries_real_phoenix_role_change() -> None:
    actors = ActorDictionary.load(PHOENIX_DIR / "Phoenix.Countries.actors.txt")
    assert len(actors) > 10_000
    # Find, in the real file, an actor whose coded role changes at a date boundary.
    example = None
    for name in dict.fromkeys(e.name for e in actors):
        periods = [e for e in actors.periods(name) if e.valid_from and e.valid_to]
        for a in periods:
            for b in periods:
                if a.valid_to < b.valid_from and a.sector != b.sector:  # type: ignore[operator]
                    example = (name, a, b)
                    break
            if example:
                break
        if example:
            break
    assert example is not None
    name, a, b = example
    on_a = actors.lookup(name, on=a.valid_from)
    on_b = actors.lookup(name, on=b.valid_to)
    assert on_a is not None and on_b is not None
    assert on_a.sector != on_b.sector
    # And a well-known one: Putin was a Russian elite before 1999 and government after 2008.
    assert actors.lookup("Vladimir Putin", on=date(1995, 1, 1)).code == "RUSELI"  # type: ignore[union-attr]
    putin = actors.lookup("Putin", on=date(2019, 6, 1))
    assert putin is not None and (putin.country, putin.sector) == ("RUS", "GOV")


@needs_phoenix
@pytest.mark.parametrize(
    "name",
    ["Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt", "Phoenix.agents.txt"],
)
def test_dictionaries_real_phoenix_files_load(name: str) -> None:
    actors = ActorDictionary.load(PHOENIX_DIR / name)
    assert len(actors) > 500
    assert all(e.sector is None or e.sector.isupper() for e in actors)


@needs_phoenix
def test_dictionaries_real_phoenix_igo() -> None:
    actors = ActorDictionary.load(PHOENIX_DIR / "Phoenix.International.actors.txt")
    un = actors.lookup("the United Nations")
    assert un is not None and (un.sector, un.type, un.country) == ("IGO", "IGO", None)


# --- CSV ---------------------------------------------------------------------------------------

CSV_OK = """\
name,aliases,type,country,sector,valid_from,valid_to,forbid
Vladimir Putin,Putin;President Putin,PERSON,RUS,ELI,,2008-05-07,
Vladimir Putin,Putin;President Putin,PERSON,RUS,GOV,2008-05-08,,
Acme Telecom,Acme,org,Kenya,bus,,,Acme Corp
"Smith, Jones & Co",,ORG,gbr,BUS,,,
"""


def test_dictionaries_csv_load_and_lookup(tmp_path: Path) -> None:
    actors = ActorDictionary.load(write(tmp_path, "actors.csv", CSV_OK))
    assert len(actors) == 3
    assert actors.lookup("President Putin", on=date(2005, 1, 1)).sector == "ELI"  # type: ignore[union-attr]
    assert actors.lookup("putin", on=date(2008, 5, 8)).sector == "GOV"  # type: ignore[union-attr]
    acme = actors.lookup("ACME")
    assert acme == DictEntry("Acme Telecom", ("Acme",), "ORG", "KEN", "BUS", forbid=("Acme Corp",))
    assert actors.lookup("Smith, Jones & Co").country == "GBR"  # type: ignore[union-attr]
    assert actors.lookup("Nobody") is None


def test_dictionaries_csv_minimal_columns(tmp_path: Path) -> None:
    actors = ActorDictionary.load(write(tmp_path, "a.csv", "name,sector\nAcme,BUS\n\n"))
    assert actors.lookup("Acme") == DictEntry("Acme", (), None, None, "BUS")


def test_dictionaries_csv_bad_date_exact_message(tmp_path: Path) -> None:
    path = write(tmp_path, "a.csv", "name,valid_from\nAcme,2020-01-01\nBeta,08/05/2008\n")
    with pytest.raises(DictionaryError) as info:
        ActorDictionary.load(path)
    assert str(info.value) == (
        f"{path}:3: valid_from '08/05/2008' is not a date; write it as YYYY-MM-DD, e.g. 2008-05-08"
    )
    assert info.value.line == 3 and isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("name,colour\nAcme,red\n", 2, "unknown column(s) colour"),
        ("alias,sector\nAcme,BUS\n", 1, "no 'name' column"),
        ("name,sector\nAcme,XYZ\n", 2, "sector 'XYZ' is not a CAMEO sector code"),
        ("name,country\nAcme,Narnia\n", 2, "country 'Narnia' is not an ISO 3166-1"),
        ("name,type\nAcme,ROBOT\n", 2, "type 'ROBOT' is not one of"),
        ("name,sector\n,BUS\n", 2, "empty name"),
        ("name,valid_from,valid_to\nAcme,2020-01-01,2019-01-01\n", 2, "valid_to 2019-01-01 is before"),
        ("name,sector\nAcme,BUS,extra\n", 2, "quote values that contain commas"),
    ],
)
def test_dictionaries_csv_errors(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = write(tmp_path, "bad.csv", text)
    with pytest.raises(DictionaryError) as info:
        ActorDictionary.load(path)
    assert info.value.line == line
    assert message in str(info.value)
    assert str(info.value).startswith(f"{path}:{line}: ")


# --- YAML and dispatch ---------------------------------------------------------------------------

YAML_OK = """\
- name: Vladimir Putin
  aliases: [Putin, President Putin]
  type: PERSON
  country: RUS
  sector: GOV
  valid_from: 2008-05-08
- name: Acme Telecom
  aliases: Acme; Acme Kenya
  country: KEN
  sector: BUS
  forbid: [Acme Corp]
"""


def test_dictionaries_yaml_load(tmp_path: Path) -> None:
    actors = ActorDictionary.load(write(tmp_path, "actors.yaml", YAML_OK))
    putin = actors.lookup("Putin")
    assert putin is not None and putin.valid_from == date(2008, 5, 8) and putin.sector == "GOV"
    assert actors.lookup("Acme Kenya").forbid == ("Acme Corp",)  # type: ignore[union-attr]
    wrapped = write(tmp_path, "wrapped.yml", "actors:\n" + "".join("  " + line + "\n" for line in YAML_OK.splitlines()))
    assert len(ActorDictionary.load(wrapped)) == 2


def test_dictionaries_yaml_error_lines(tmp_path: Path) -> None:
    bad_sector = write(tmp_path, "a.yaml", "- name: A\n  sector: GOV\n- name: B\n  sector: NOPE\n")
    with pytest.raises(DictionaryError, match=r"a\.yaml:3: sector 'NOPE'"):
        ActorDictionary.load(bad_sector)
    not_mapping = write(tmp_path, "b.yaml", "- name: A\n- just a string\n")
    with pytest.raises(DictionaryError, match=r"b\.yaml:2: each actor must be a mapping"):
        ActorDictionary.load(not_mapping)
    broken = write(tmp_path, "c.yaml", "- name: A\n  aliases: [unclosed\n")
    with pytest.raises(DictionaryError, match=r"c\.yaml:\d+: not valid YAML"):
        ActorDictionary.load(broken)


def test_dictionaries_load_dispatch_errors(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError, match="file not found"):
        ActorDictionary.load(tmp_path / "missing.csv")
    with pytest.raises(DictionaryError, match=r"unknown dictionary kind '\.json'; use \.csv"):
        ActorDictionary.load(write(tmp_path, "a.json", "[]"))


def test_dictionaries_in_memory() -> None:
    actors = ActorDictionary([
        DictEntry("Acme", ("Acme Inc",), "ORG", "USA", "BUS"),
        DictEntry("Acme", ("Acme Inc",), "ORG", "USA", "GOV", valid_from=date(2020, 1, 1)),
    ])
    assert len(actors) == 1
    assert actors.lookup("Acme Inc", on=date(2019, 1, 1)).sector == "BUS"  # type: ignore[union-attr]
    assert actors.lookup("Acme Inc", on=date(2021, 1, 1)).sector == "GOV"  # type: ignore[union-attr]
    assert [e.sector for e in actors] == ["BUS", "GOV"]
