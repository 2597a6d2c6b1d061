"""Event data made usable: the shared taxonomy and one language's triggers and cues.

Nothing here names a language: `Lexicon.for_lang(code)` reads
`timeline/lang/<code>/events.toml`; a language without that file has no triggers.

Trigger syntax (events.toml): an entry is one or more space-separated stems matched
against consecutive words, lower-cased with apostrophes unified; a stem matches a word that
begins with it, a stem ending in "$" only the whole word, "*" any one word.  Cue phrases (background,
negation, continuation, clause breaks, report) are whole words; `exclude`, `irrealis` and
`reference` use the trigger syntax.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..lang import resource

TAXONOMY_PATH = Path(__file__).with_name("taxonomy.toml")
_TOKEN = re.compile(r"\w+(?:['’ʼ`‘-]\w+)*")
_APOS = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "‘": "'"})


@dataclass(frozen=True)
class Token:
    text: str  # normalised: lower case, one apostrophe
    start: int
    end: int


def tokens(text: str, offset: int = 0) -> list[Token]:
    return [
        Token(m.group().lower().translate(_APOS), offset + m.start(), offset + m.end()) for m in _TOKEN.finditer(text)
    ]


@dataclass(frozen=True)
class TypeInfo:
    name: str
    cameo: str | None
    rank: int
    weak: bool
    description: str


@cache
def taxonomy() -> dict[str, TypeInfo]:
    with TAXONOMY_PATH.open("rb") as fh:
        data = tomllib.load(fh)
    return {
        name: TypeInfo(
            name, t.get("cameo") or None, int(t.get("rank", 50)), bool(t.get("weak", False)), t.get("description", "")
        )
        for name, t in data.get("types", {}).items()
    }


def _stems(entry: str) -> tuple[tuple[str, bool], ...]:
    """'засуд до' -> (('засуд', False), ('до', False)); 'met$' -> (('met', True),)."""
    out = []
    for w in entry.lower().translate(_APOS).split():
        out.append((w[:-1], True) if w.endswith("$") else (w, False))
    return tuple(out)


def _word_matches(tok: str, stem: tuple[str, bool]) -> bool:
    s, exact = stem
    if s == "*":  # any one word: "засуд * до" = засудив його до
        return True
    return tok == s if exact else tok.startswith(s)


def _seq_at(toks: list[Token], i: int, seq) -> bool:
    if i + len(seq) > len(toks):
        return False
    return all(_word_matches(toks[i + k].text, seq[k]) for k in range(len(seq)))


def _phrase(entry: str) -> tuple[tuple[str, bool], ...]:
    """A cue phrase: whole words."""
    return tuple((w, True) for w in entry.lower().translate(_APOS).split())


class _Seqs:
    """Stem sequences indexed by their first stem: which of them match at a word."""

    def __init__(self, seqs):
        self.by_first: dict[str, list[tuple]] = {}
        for seq in seqs:
            self.by_first.setdefault(seq[0][0], []).append(seq)

    def at(self, toks: list[Token], i: int):
        word = toks[i].text
        for n in range(1, len(word) + 1):
            for seq in self.by_first.get(word[:n], ()):
                if _seq_at(toks, i, seq):
                    yield seq

    def __iter__(self):
        return (seq for seqs in self.by_first.values() for seq in seqs)


@dataclass(frozen=True)
class Trigger:
    type: str
    i: int  # first token index (within the token list it was found in)
    j: int  # one past the last token
    start: int  # character offsets in the document
    end: int
    words: int  # how many words the trigger entry has

    @property
    def text_span(self) -> tuple[int, int]:
        return self.start, self.end


class Lexicon:
    def __init__(self, data: dict):
        tax = taxonomy()
        self.entries: list[tuple[tuple, str]] = []
        for etype, words in (data.get("triggers") or {}).items():
            if etype not in tax:
                raise ValueError(f"events.toml names a type missing from taxonomy.toml: {etype}")
            for w in words:
                self.entries.append((_stems(w), etype))
        # most words first, then the longest stems: the first match at a word wins
        self.entries.sort(key=lambda e: (-len(e[0]), -sum(len(s) for s, _ in e[0])))
        # entries by their first stem, so a word is only checked against stems it can begin with
        self._by_first: dict[str, list[tuple[int, tuple, str]]] = {}
        for rank, (seq, etype) in enumerate(self.entries):
            self._by_first.setdefault(seq[0][0], []).append((rank, seq, etype))
        cues = data.get("cues") or {}
        self.exclude = _Seqs(_stems(w) for w in cues.get("exclude", []))
        self.irrealis = _Seqs(_stems(w) for w in cues.get("irrealis", []))
        self.reference = _Seqs(_stems(w) for w in cues.get("reference", []))
        self.background = [_phrase(w) for w in cues.get("background", [])]
        self.frame = [_phrase(w) for w in cues.get("frame", [])]
        self.date_bounds = [_phrase(w) for w in cues.get("date_bounds", [])]
        self.negation = [_phrase(w) for w in cues.get("negation", [])]
        self.not_negation = [_phrase(w) for w in cues.get("not_negation", [])]
        self.continuation = [_phrase(w) for w in cues.get("continuation", [])]
        self.anaphora = [_phrase(w) for w in cues.get("anaphora", [])]
        self.range_words = [_phrase(w) for w in cues.get("range_words", [])]
        # {"наступного дня" = 1, "днем ранее" = -1}: days from the last dated happening
        self.anaphora_shift = [
            (int(days), [_phrase(w) for w in words])
            for days, words in sorted((cues.get("anaphora_shift") or {}).items(), key=lambda kv: int(kv[0]))
        ]
        self.clause_breaks = [_phrase(w) for w in cues.get("clause_breaks", [])]
        self.report = [_phrase(w) for w in cues.get("report", [])]
        self.gerund = tuple(cues.get("gerund", []))
        self.gerund_not = frozenset(w.lower() for w in cues.get("gerund_not", []))
        self.negated_label = cues.get("negated", "")
        self.labels = data.get("labels") or {}

    @classmethod
    def for_lang(cls, lang: str | None) -> Lexicon:
        return _lexicon(lang or "")

    def label(self, etype: str) -> str:
        return self.labels.get(etype, etype)

    def triggers(self, toks: list[Token]) -> list[Trigger]:
        out: list[Trigger] = []
        i = 0
        while i < len(toks):
            ex = next(self.exclude.at(toks, i), None)
            if ex is not None:  # excluded words ("were not met") never trigger
                i += len(ex)
                continue
            word = toks[i].text
            cands = sorted(c for n in range(1, len(word) + 1) for c in self._by_first.get(word[:n], ()))
            for _, seq, etype in cands:
                if _seq_at(toks, i, seq):
                    j = i + len(seq)
                    out.append(Trigger(etype, i, j, toks[i].start, toks[j - 1].end, len(seq)))
                    i = j - 1
                    break
            i += 1
        return out

    @staticmethod
    def phrase_before(toks: list[Token], i: int, phrases, slack: int = 0) -> bool:
        """A phrase ends right before token i, or up to `slack` words before it."""
        for seq in phrases:
            for gap in range(slack + 1):
                k = i - gap - len(seq)
                if k >= 0 and _seq_at(toks, k, seq):
                    return True
        return False

    @staticmethod
    def phrase_at(toks: list[Token], i: int, phrases) -> bool:
        return any(_seq_at(toks, i, seq) for seq in phrases)

    def negated(self, toks: list[Token], trig: Trigger, window: int = 3) -> bool:
        """A negation word within `window` words before the trigger ("не провели зустріч"),
        unless it opens a phrase that is no negation ("не лише", "not only")."""
        for k in range(max(0, trig.i - window), trig.i):
            if self.phrase_at(toks, k, self.negation) and not self.phrase_at(toks, k, self.not_negation):
                return True
        return False

    def is_reference(self, toks: list[Token], trig: Trigger) -> bool:
        """The trigger names people of a happening ("загиблих", "the dead"), not the happening."""
        if next(self.reference.at(toks, trig.i), None) is not None:
            return True
        return any(
            len(seq) > 1 and trig.j - len(seq) >= 0 and _seq_at(toks, trig.j - len(seq), seq) for seq in self.reference
        )

    def irrealis_near(self, toks: list[Token], trig: Trigger, before: int = 4, after: int = 2) -> bool:
        """A plan or possibility cue close to the trigger ("зустріч відбудеться", "will meet")."""
        lo, hi = max(0, trig.i - before), min(len(toks), trig.j + after)
        return any(next(self.irrealis.at(toks, i), None) is not None for i in range(lo, hi))


@cache
def _lexicon(lang: str) -> Lexicon:
    return Lexicon(resource(lang, "events") if lang else {})
