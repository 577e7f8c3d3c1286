"""The event lexicon: verb and noun lemmas mapped to PLOVER event types.

Two file formats are read:

* our TSV (``src/actorgraph/data/events.tsv``): ``lemma  pos  event_type  flags``, see the
  header of that file;
* the CAMEO/PETRARCH verb dictionary (``CAMEO.2.0.txt``): blocks headed ``---  MEET  [040]  ---``
  followed by the verbs of the block (``MEET``, ``SPEED {SPEEDING SPEEDS SPED}``, ``+GEAR_UP``,
  optionally with their own ``[code]``) and pattern lines (``- * (WITH) [043]``,
  ``- * SANCTIONS [163]``). Each verb takes its own code or the block's; simple patterns with one
  object word or one preposition become (verb, word) entries. CAMEO codes are mapped to PLOVER
  with :func:`cameo_to_plover`.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Literal

logger = logging.getLogger(__name__)

EventType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "INVESTIGATE",
    "DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "PROTEST", "CRIME", "SANCTION", "MOBILIZE",
    "COERCE", "ASSAULT",
]  # fmt: skip
QuadClass = Literal[
    "verbal cooperation", "material cooperation", "verbal conflict", "material conflict"
]

QUAD_CLASS: dict[str, str] = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), "verbal cooperation"),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), "material cooperation"),
    **dict.fromkeys(
        ("INVESTIGATE", "DEMAND", "DISAPPROVE", "REJECT", "THREATEN"), "verbal conflict"
    ),
    **dict.fromkeys(
        ("PROTEST", "CRIME", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"), "material conflict"
    ),
}

FLAGS = frozenset(
    {
        "symmetric",
        "speech",
        "light",
        "future",
        "hypothetical",
        "negative",
        "leadership",
        "role",
        "contains",
        "part",
        "undergo",
        "stop",
        "contest",
        "topic",
    }
)

# CAMEO root (two digits) -> PLOVER. Root 01 (public statement) has no PLOVER type.
_CAMEO_ROOT: dict[str, str | None] = {
    "01": None, "02": "DEMAND", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT",
    "06": "COOPERATE", "07": "AID", "08": "CONCEDE", "09": "INVESTIGATE", "10": "DEMAND",
    "11": "DISAPPROVE", "12": "REJECT", "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE",
    "16": "SANCTION", "17": "COERCE", "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT",
}  # fmt: skip
# Finer CAMEO codes whose PLOVER type differs from their root's.
_CAMEO_CODE: dict[str, str] = {
    "036": "CONSULT",  # express intent to meet or negotiate
    "046": "CONSULT",
    "055": "CONCEDE",  # apologise
    "056": "CONCEDE",  # forgive
    "057": "AGREE",  # sign formal agreement
    "087": "RETREAT",  # de-escalate military engagement
    "0871": "RETREAT", "0872": "RETREAT", "0873": "RETREAT", "0874": "RETREAT",
    "112": "DISAPPROVE", "115": "DISAPPROVE",
    "173": "COERCE",
}  # fmt: skip
_CAMEO_QUAD: dict[str, str] = {
    **dict.fromkeys(("01", "02", "03", "04", "05"), "verbal cooperation"),
    **dict.fromkeys(("06", "07", "08"), "material cooperation"),
    **dict.fromkeys(("09", "10", "11", "12", "13"), "verbal conflict"),
    **dict.fromkeys(("14", "15", "16", "17", "18", "19", "20"), "material conflict"),
}


def cameo_to_plover(code: str) -> tuple[str | None, str | None]:
    """Map a CAMEO event code ("043", "1124", "190") to (PLOVER event type, quad class).

    Unknown or empty codes ("---") give (None, None). Root 01 gives (None, "verbal cooperation").
    """
    code = code.strip()
    if not re.fullmatch(r"\d{3,4}", code):
        return None, None
    root = code[:2]
    if root not in _CAMEO_ROOT:
        return None, None
    event_type = _CAMEO_CODE.get(code, _CAMEO_CODE.get(code[:3], _CAMEO_ROOT[root]))
    quad = QUAD_CLASS[event_type] if event_type else _CAMEO_QUAD[root]
    return event_type, quad


@dataclass(frozen=True)
class LexEntry:
    """One lexicon entry: a lemma (or "lemma word" pattern) with its event type and flags."""

    lemma: str
    pos: str  # VERB | NOUN | *
    event_type: str | None
    quad_class: str | None
    flags: frozenset[str] = frozenset()
    cameo: str | None = None


#: Prefixes that keep a verb's event: "re-sign" is signing again, "co-host" hosting together
#: ("non-", "anti-", "counter-" turn it over, so they are not here).
AGAIN_PREFIXES = frozenset({"re", "co"})


class Lexicon:
    """Verb and noun lemmas -> (PLOVER event type, quad class) plus syntactic flags.

    Entries added later override earlier ones with the same (lemma, pos).
    """

    def __init__(self, entries: Iterable[LexEntry] = ()) -> None:
        self._entries: dict[tuple[str, str], LexEntry] = {}
        # (verb lemma, object word or preposition) -> entry, from CAMEO pattern lines
        self._patterns: dict[tuple[str, str], LexEntry] = {}
        for entry in entries:
            self.add(entry)

    def add(self, entry: LexEntry, *, pattern_word: str | None = None) -> None:
        """Add an entry (or a verb + word pattern when ``pattern_word`` is given)."""
        if pattern_word is not None:
            self._patterns[(entry.lemma, pattern_word)] = entry
        else:
            self._entries[(entry.lemma, entry.pos)] = entry

    def __len__(self) -> int:
        return len(self._entries)

    def lookup(self, lemma: str, pos: str) -> LexEntry | None:
        """The entry for a lemma with a coarse POS (VERB, NOUN, PROPN, ...), or None."""
        lemma = lemma.lower()
        pos = "NOUN" if pos in ("NOUN", "PROPN") else "VERB" if pos in ("VERB", "AUX") else pos
        entry = self._entries.get((lemma, pos)) or self._entries.get((lemma, "*"))
        if entry is None and pos == "NOUN" and lemma.endswith("s"):
            # plural event nouns the lemmatiser keeps plural ("talks", "sanctions")
            entry = self._entries.get((lemma[:-1], pos))
        if entry is None and pos == "VERB" and len(lemma) >= 3 and lemma.isalpha():
            # the rule lemmatiser's "fined" -> "fin": the verb with its "e" back
            entry = self._entries.get((lemma + "e", pos))
        if entry is None and "-" in lemma:
            prefix, _, word = lemma.partition("-")
            if prefix in AGAIN_PREFIXES and word and "-" not in word:
                # "co-operate" is "cooperate"; "re-signed" and "co-sponsored" are the verb again
                entry = self.lookup(prefix + word, pos) or self.lookup(word, pos)
        return entry

    def pattern(self, lemma: str, word: str) -> LexEntry | None:
        """A CAMEO verb pattern entry for ``lemma`` with object word / preposition ``word``."""
        return self._patterns.get((lemma.lower(), word.lower()))

    def event_type(self, lemma: str, pos: str) -> tuple[str | None, str | None]:
        """(PLOVER event type, quad class) of a lemma, or (None, None) when none fits."""
        entry = self.lookup(lemma, pos)
        if entry is None:
            return None, None
        return entry.event_type, entry.quad_class

    def has_flag(self, lemma: str, pos: str, flag: str) -> bool:
        """Whether the lemma's entry carries ``flag`` (symmetric, speech, light, ...)."""
        entry = self.lookup(lemma, pos)
        return entry is not None and flag in entry.flags


class LexiconError(ValueError):
    """A lexicon file could not be read."""


def _parse_tsv(lines: Iterable[str], origin: str) -> Iterable[LexEntry]:
    for n, raw in enumerate(lines, 1):
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) < 3:
            raise LexiconError(
                f"{origin}:{n}: expected 'lemma<TAB>pos<TAB>event_type[<TAB>flags]', got {line!r}"
            )
        lemma, pos, event_type = cols[0].lower(), cols[1].upper(), cols[2].upper()
        if pos not in ("VERB", "NOUN", "*"):
            raise LexiconError(f"{origin}:{n}: pos must be VERB, NOUN or *, got {cols[1]!r}")
        et: str | None = None if event_type in ("", "-", "NONE") else event_type
        if et is not None and et not in QUAD_CLASS:
            raise LexiconError(
                f"{origin}:{n}: unknown event type {cols[2]!r}; use one of "
                f"{', '.join(QUAD_CLASS)} or -"
            )
        flags = frozenset(
            f.strip().lower() for f in (cols[3] if len(cols) > 3 else "").split(",")
        ) - {"", "-"}
        if unknown := flags - FLAGS:
            raise LexiconError(
                f"{origin}:{n}: unknown flag(s) {sorted(unknown)}; use {sorted(FLAGS)}"
            )
        yield LexEntry(lemma, pos, et, QUAD_CLASS.get(et) if et else None, flags)


_CAMEO_HEADER = re.compile(r"^---\s+(\S.*?)\s+\[([^\]]*)\]\s+---")
_CODE = re.compile(r"\[([^\]]*)\]")


def _cameo_code(text: str) -> str:
    """The source-side code of a CAMEO bracket: "042:043" -> "042", ":173" -> "173"."""
    parts = [p.strip() for p in text.split(":")]
    return next((p for p in parts if p and p != "---"), "---")


def _cameo_word(token: str) -> str:
    return token.strip("+_").replace("_", " ").lower()


def _parse_cameo(lines: Iterable[str], lexicon: Lexicon) -> int:
    """Add the verbs and simple patterns of a CAMEO/PETRARCH verb dictionary; return the count."""
    in_verbs = False
    block_code = "---"
    verbs: list[str] = []
    added = 0

    def entry(lemma: str, code: str) -> LexEntry | None:
        et, quad = cameo_to_plover(code)
        if quad is None:
            return None
        return LexEntry(lemma, "VERB", et, quad, cameo=code)

    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        if raw.startswith("####### VERB PATTERNS"):
            in_verbs = True
            continue
        if not in_verbs or not line.strip():
            continue
        if header := _CAMEO_HEADER.match(line):
            block_code = _cameo_code(header.group(2))
            verbs = []
            continue
        stripped = line.strip()
        if stripped.startswith("-"):
            match = _CODE.search(stripped)
            if not match:
                continue
            code = _cameo_code(match.group(1))
            body = stripped[1 : match.start()].strip().split()
            # only "- * WORD", "- * {A B}" and "- * (PREP)" / "- * (PREP WORD)": one cue word
            if len(body) < 2 or body[0] != "*":
                continue
            rest = " ".join(body[1:]).strip("{}() ")
            words = [w for w in rest.split() if not w.startswith(("&", "$", "^", "+"))]
            if not words or len(words) > 2:
                continue
            cue = _cameo_word(words[-1] if "{" in body[1] else words[0])
            for verb in verbs:
                if (e := entry(verb, code)) is not None:
                    lexicon.add(e, pattern_word=cue)
            continue
        # a verb line: "SPEED {SPEEDING SPEEDS SPED }  [code]" or "+GEAR_UP"
        first = stripped.split()[0]
        if first.startswith("&"):
            continue
        lemma = _cameo_word(first)
        own = _CODE.search(stripped)
        code = _cameo_code(own.group(1)) if own else block_code
        verbs.append(lemma)
        if (e := entry(lemma, code)) is not None:
            lexicon.add(e)
            added += 1
    return added


def _is_cameo(text: str) -> bool:
    return "####### VERB PATTERNS" in text or bool(
        re.search(r"^---\s+\S.*\[[^\]]*\]\s+---", text, re.MULTILINE)
    )


def _read_into(lexicon: Lexicon, text: str, origin: str) -> None:
    if _is_cameo(text):
        if "####### VERB PATTERNS" not in text:
            text = "####### VERB PATTERNS\n" + text
        n = _parse_cameo(text.splitlines(), lexicon)
        logger.debug("read %d CAMEO verbs from %s", n, origin)
    else:
        for entry in _parse_tsv(text.splitlines(), origin):
            lexicon.add(entry)


def _read_text(path: str | Path) -> str:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError as e:
        raise LexiconError(f"cannot read lexicon file {path}: {e.strerror}") from e


@functools.lru_cache(maxsize=16)
def _load(path: str | None, extra: tuple[str, ...]) -> Lexicon:
    lexicon = Lexicon()
    if path is None:
        text = resources.files("actorgraph").joinpath("data/events.tsv").read_text("utf-8")
        _read_into(lexicon, text, "actorgraph/data/events.tsv")
    else:
        _read_into(lexicon, _read_text(path), path)
    for extra_path in extra:
        # a CAMEO dictionary adds event types, but keeps our flags (speech, light, ...) where
        # it names the same verb
        before = dict(lexicon._entries)
        _read_into(lexicon, _read_text(extra_path), extra_path)
        for key, old in before.items():
            new = lexicon._entries.get(key)
            if new is not None and new is not old and not new.flags and old.flags:
                lexicon._entries[key] = LexEntry(
                    new.lemma, new.pos, new.event_type, new.quad_class, old.flags, new.cameo
                )
    return lexicon


def load_lexicon(path: str | Path | None = None, extra: Sequence[str | Path] = ()) -> Lexicon:
    """Load the event lexicon (cached).

    Args:
        path: a lexicon file replacing the packaged ``events.tsv``; None for the packaged one.
        extra: more files read after it, each overriding entries with the same lemma and POS.
            Each may be our TSV format or a CAMEO/PETRARCH verb dictionary (``CAMEO.2.0.txt``).

    Returns:
        The shared :class:`Lexicon` for these files; do not mutate it.
    """
    return _load(None if path is None else str(path), tuple(str(p) for p in extra))
