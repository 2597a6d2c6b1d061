"""Temporal resources: load each language's `temporal.toml` and compile it once.

A resource file holds data only (see timeline/lang/uk/temporal.toml for the commented form):

- `[vocab.<field>]` maps a normalised value to the word forms that express it
  (`[vocab.month]` `9 = ["вересень", "вересня", ...]`).  Forms are regex fragments, so a
  family of endings can be written once (`"вересн(?:я|і|ем|ю)"`).
- `case_sensitive = ["month", ...]` lists vocabularies whose forms must keep their case
  (English "May" the month, not "may" the modal).
- `[[pattern]]` tables: `match` is a regex template whose `{field}` placeholders expand to a
  named group over the vocabulary (or a built-in digit class below); `{a:field}` names the
  group of member `a` when one pattern yields several expressions (`members = ["a", "b"]`,
  each `(?P<a>...)` group being one expression: "з 1 по 3 вересня" -> "1", "3 вересня").
  A space in a template matches any run of spaces.  `type`, `fields` (static semantic
  fields), `det` (a `[vocab.det]` determiner before the match joins it: kept out of the
  templates so that "the" does not make every English "the" a place to try them),
  `reject_after` (this pattern's own veto) and `examples` complete a pattern.
- `reject_before` / `reject_after`: regexes that veto a candidate from its surroundings
  (model numbers "Су-25", percentages, ages, law articles).
- `[tense]` `future` / `past`: regexes over a sentence deciding last vs next weekday.

`common.toml` beside this module holds the language-free patterns (ISO dates, clock times) in
the same form; it is merged into every language.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from re import _constants as _C  # the regex parser: which characters a pattern starts with
from re import _parser as _sre

from ..lang import LANG_DIR

COMMON = Path(__file__).with_name("common.toml")

# Placeholders every language shares: digits only, no words.
BUILTIN = {
    "day": r"(?:3[01]|[12]\d|0?[1-9])",
    "month_num": r"(?:1[0-2]|0?[1-9])",
    "year": r"(?:1\d{3}|20\d{2})",
    "year2": r"\d\d",
    "decade_digits": r"(?:1\d{2}0|20[0-9]0|[1-9]0|00)",
    "hour": r"(?:[01]?\d|2[0-3])",
    "minute": r"[0-5]\d",
    "roman": r"(?-i:[IVXLІХ]{1,6})",  # validated when read (anchor.roman)
    "week_num": r"(?:5[0-3]|[1-4]\d|0?[1-9])",
    "digits": r"\d{1,4}",
}

_PLACEHOLDER = re.compile(r"\{(?:([a-z]\w*):)?([a-z_]\w*)\}")  # not a {4} quantifier
_SPACE = re.compile(r"(?<!\\) (\?)?")


def _spaces(template: str) -> str:
    """A space in a template matches a run of spaces; " ?" an optional run."""
    return _SPACE.sub(lambda m: r"\s*" if m.group(1) else r"\s+", template)


@dataclass
class Pattern:
    name: str
    regex: re.Pattern
    type: str
    fields: dict
    members: list[str]
    examples: list[dict]
    lang: str
    reject_after: re.Pattern | None = None  # this pattern's own veto on what follows
    det: bool = False  # a determiner before the match joins the extent ("the 1990s")


@dataclass
class Vocab:
    """Forms of one field: a regex alternation and the lookup back to the value."""

    regex: str
    entries: list[tuple[re.Pattern, str]]
    _memo: dict = field(default_factory=dict)

    def value(self, text: str) -> str | None:
        key = " ".join(text.split())
        if key not in self._memo:
            self._memo[key] = next((v for rx, v in self.entries if rx.fullmatch(key)), None)
        return self._memo[key]


@dataclass
class Resources:
    langs: tuple[str, ...]
    patterns: list[Pattern]
    vocab: dict[str, Vocab]
    reject_before: re.Pattern | None
    reject_after: re.Pattern | None
    future: re.Pattern | None
    past: re.Pattern | None
    scan: re.Pattern | None = None  # where some pattern can start (see _scan)
    heads: dict[str, list[int]] = field(default_factory=dict)  # first characters -> pattern ranks
    loose: list[int] = field(default_factory=list)  # ranks of patterns scanned on their own
    mod_tail: re.Pattern | None = None  # a part-of modifier ending where an expression starts
    det_tail: re.Pattern | None = None  # a determiner ending there


def _load(path: Path) -> dict:
    with path.open("rb") as fh:
        return tomllib.load(fh)


def _vocab(table: list[tuple[str, list[str], bool]]) -> Vocab:
    """One field's forms across languages; case-sensitive ones keep their case only there."""
    plain, strict, entries = [], [], []
    for value, forms, case_sensitive in table:
        for form in forms:
            (strict if case_sensitive else plain).append(form)
            entries.append((re.compile(_spaces(form), 0 if case_sensitive else re.IGNORECASE), value))

    def alt(forms: list[str]) -> str:
        return "|".join(_spaces(f) for f in sorted(forms, key=len, reverse=True))

    parts = ([f"(?-i:{alt(strict)})"] if strict else []) + ([alt(plain)] if plain else [])
    return Vocab("(?:" + "|".join(parts) + ")", entries)



def _expand(template: str, vocab: dict[str, Vocab]) -> str:
    seen: set[str] = set()

    def sub(m: re.Match) -> str:
        member, name = m.group(1), m.group(2)
        body = vocab[name].regex if name in vocab else BUILTIN[name]
        group = f"{member}__{name}" if member else name
        n = 0
        while group in seen:  # a placeholder repeated in alternatives: `_1__unit` feeds `unit`
            n += 1
            group = f"_{n}_{member or ''}__{name}"
        seen.add(group)
        return f"(?P<{group}>{body})"

    return _PLACEHOLDER.sub(sub, _spaces(template))


def _compile_patterns(data: dict, vocab: dict[str, Vocab], lang: str) -> list[Pattern]:
    out = []
    for p in data.get("pattern", []):
        body = _expand(p["match"], vocab)
        flags = 0 if p.get("case_sensitive") else re.IGNORECASE
        out.append(
            Pattern(
                name=f"{lang}:{p['name']}",
                regex=re.compile(f"{_LEFT}{body}{_RIGHT}", flags),
                type=p.get("type", "DATE"),
                fields=p.get("fields", {}),
                members=p.get("members", []),
                examples=p.get("examples", []),
                lang=lang,
                reject_after=re.compile(p["reject_after"]) if p.get("reject_after") else None,
                det=p.get("det", False),
            )
        )
    return out


_NAMED_GROUP = re.compile(r"\(\?P<\w+>")
HEAD = 3  # characters of a match's start the scan tests before reading its patterns
_LEFT, _RIGHT = r"(?<!\w)(?:", r")(?!\w)"  # an expression is whole words


def _scan(patterns: list[Pattern]) -> tuple[re.Pattern, dict[str, list[int]], list[int]]:
    """Where to try which pattern: (scan, heads, loose).

    The regex engine's cost per position, times the number of patterns, is what detection
    would spend its time on; instead one cheap pass of `scan` (character sets only, one
    alternative per first character: `[aA][bB][cC]`) finds the positions where some pattern
    can start, and `heads` maps the first HEAD characters there (lower case) to the ranks of
    the patterns that can start so.  `loose` patterns (no finite set of heads) run alone.
    """
    heads: dict[str, list[int]] = {}
    loose: list[int] = []
    by_first: dict[str, list[set[str]]] = {}
    for rank, p in enumerate(patterns):
        body = _NAMED_GROUP.sub("(?:", p.regex.pattern.removeprefix(_LEFT).removesuffix(_RIGHT))
        found = _heads(f"(?i:{body})" if p.regex.flags & re.IGNORECASE else body)
        if found is None:
            loose.append(rank)
            continue
        for h in found:
            heads.setdefault(h, []).append(rank)
            nexts = by_first.setdefault(h[0], [set() for _ in range(HEAD - 1)])
            for i, c in enumerate(h[1:]):
                nexts[i].add(c)
    alts = [_set({a}) + "".join(map(_set, nexts)) for a, nexts in sorted(by_first.items())]
    # zero width: a hit must not hide the next word's start ("з 1 по 3 вересня")
    return re.compile(r"(?<!\w)(?=" + ("|".join(alts) or "(?!)") + ")"), heads, loose


def _set(chars: set[str]) -> str:
    both = {c for ch in chars for c in (ch, ch.lower(), ch.upper()) if len(c) == 1}
    return "[" + re.escape("".join(sorted(both))) + "]"


_SPACES = {c for c in map(chr, range(0x3001)) if c.isspace()}


class _Unbounded(Exception):
    pass


def _heads(regex: str) -> set[str] | None:
    """The first HEAD characters a match of `regex` can start with (lower case), None when
    that is not a small finite set."""
    try:
        done = _grow({""}, list(_sre.parse(regex, re.IGNORECASE)))
    except _Unbounded:
        return None
    if any(len(h) < HEAD for h in done) or len(done) > 50000:
        return None  # a shorter match, or too many heads to be worth it
    return {h.lower() for h in done}


def _chars(op, av) -> set[str]:
    if op is _C.LITERAL:
        return {chr(av)}
    out = set()
    for kind, arg in av:
        if kind is _C.LITERAL:
            out.add(chr(arg))
        elif kind is _C.RANGE and arg[1] - arg[0] < 200:
            out.update(chr(c) for c in range(arg[0], arg[1] + 1))
        elif kind is _C.CATEGORY and arg is _C.CATEGORY_DIGIT:
            out.update("0123456789")
        elif kind is _C.CATEGORY and arg is _C.CATEGORY_SPACE:
            out.update(_SPACES)
        else:
            raise _Unbounded
    return out


def _grow(heads: set[str], items: list) -> set[str]:
    """Extend every head shorter than HEAD characters by what the parsed items can match."""
    for op, av in items:
        if all(len(h) >= HEAD for h in heads):
            break
        if op in (_C.LITERAL, _C.IN):
            chars = _chars(op, av)
            heads = {h if len(h) >= HEAD else h + c for h in heads for c in chars}
        elif op is _C.SUBPATTERN:
            heads = _grow(heads, list(av[-1]))
        elif op is _C.BRANCH:
            heads = set().union(*(_grow(heads, list(alt)) for alt in av[1]))
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
            lo, hi, sub = av
            out, cur = (set(heads) if lo == 0 else set()), heads
            for i in range(min(hi, HEAD)):  # HEAD characters need at most HEAD repetitions
                cur = _grow(cur, list(sub))
                if i + 1 >= lo or i == HEAD - 1:
                    out |= cur
            heads = out
        elif op is _C.ASSERT and av[0] == 1:  # a look-ahead bounds what follows it
            try:
                ahead = _grow(heads, list(av[1]))
            except _Unbounded:
                continue
            if all(len(h) >= HEAD for h in ahead):
                return ahead
        elif op not in (_C.ASSERT, _C.ASSERT_NOT, _C.AT):  # other zero-width items change nothing
            raise _Unbounded
    return heads


def _join(regexes: list[str], suffix: str = "") -> re.Pattern | None:
    regexes = [r for r in regexes if r]
    return re.compile("|".join(f"(?:{r}){suffix}" for r in regexes), re.IGNORECASE) if regexes else None


def lang_files(lang: str) -> list[Path]:
    """`temporal.toml` and any `temporal/*.toml` of a language."""
    base = LANG_DIR / lang
    return [p for p in [base / "temporal.toml", *sorted((base / "temporal").glob("*.toml"))] if p.exists()]


@cache
def temporal_languages() -> tuple[str, ...]:
    return tuple(sorted(p.name for p in LANG_DIR.iterdir() if p.is_dir() and lang_files(p.name)))


@cache
def compiled(langs: tuple[str, ...]) -> Resources:
    """The merged, compiled resources of `langs` plus the common patterns (cached)."""
    datas = [("common", _load(COMMON))] + [(lang, _load(p)) for lang in langs for p in lang_files(lang)]
    raw: dict[str, list] = {}
    for _, d in datas:
        sensitive = set(d.get("case_sensitive", []))
        for name, table in d.get("vocab", {}).items():
            raw.setdefault(name, []).extend((str(v), forms, name in sensitive) for v, forms in table.items())
    vocab = {name: _vocab(table) for name, table in raw.items()}
    patterns = [p for lang, d in datas for p in _compile_patterns(d, vocab, lang)]

    def collect(key: str, sub: str | None = None) -> list[str]:
        out = []
        for _, d in datas:
            src = d.get(sub, {}) if sub else d
            out.extend(src.get(key, []))
        return out

    scan, heads, loose = _scan(patterns)
    return Resources(
        langs=langs,
        patterns=patterns,
        vocab=vocab,
        reject_before=_join(collect("reject_before"), "$"),
        reject_after=_join([rf"^\s*(?:{r})" for r in collect("reject_after")]),
        future=_join(collect("future", "tense")),
        past=_join(collect("past", "tense")),
        scan=scan,
        heads=heads,
        loose=loose,
        det_tail=re.compile(rf"(?<!\w)({vocab['det'].regex})\s+$", re.IGNORECASE) if "det" in vocab else None,
        mod_tail=re.compile(rf"(?<!\w)({vocab['mod'].regex})[\s-]*$", re.IGNORECASE) if "mod" in vocab else None,
    )
