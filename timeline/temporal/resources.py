"""Temporal resources: load each language's `temporal.toml` and compile it once.

A resource file holds data only (timeline/lang/uk/temporal.toml is the commented example):

- `[vocab.<field>]` maps a normalised value to the word forms that express it
  (`[vocab.month]` `"9" = ["верес(?:ень|ня|ні|нем|ню)"]`).  Forms are regex fragments, so a
  family of endings is written once.  `case_sensitive = ["month", ...]` lists the
  vocabularies whose forms keep their case (English "May" the month, not "may" the modal).
- `[[pattern]]` tables: `match` is a regex template whose `{field}` placeholders expand to a
  named group over that vocabulary or a built-in digit class (BUILTIN); `{a:field}` is the
  field of member `a` when one pattern yields several expressions (`members = ["a", "b"]`,
  each `(?P<a>...)` group one expression: "з 1 по 3 вересня" -> "1", "3 вересня").  A space
  matches a run of spaces, " ?" an optional one.  `type` (DATE, TIME, DURATION, SET),
  `fields` (static semantic fields), `det` (a `[vocab.det]` determiner before the match
  joins it: kept out of templates so that every English "the" is not a place to try
  them), `case_sensitive`, `reject_after` (the pattern's own veto) and `examples` (run by
  tests/test_temporal_resources.py) complete a pattern.
- `reject_before` / `reject_after`: regexes that veto a match starting / ending with a
  digit from its surroundings (model numbers "Су-25", percentages, counts, law articles).
- `[tense]` `future` / `past`: regexes over the words before an expression (last or next
  weekday, which year for "in December").

The fields the engine understands (anchor.py): day, month, month_num, year, year2,
decade_digits, decade, roman, digits, weekday, season, part (MO AF EV NI), hour, hour_word,
minute, ampm, unit (D W WE M Q H Y DE CE HR MIN), num, ordinal, shift (-1 0 1 ...), rel
(day offset), dir (1 later, -1 earlier), ref (PAST_REF ...), set (P1W ...), mod (START MID
END APPROX), det, cent_word/tens_word/ones_word/millennium (a year in words), holiday
("12-25", or "11-4-4" the fourth Thursday of November); static:
anaphoric, bc, nearest ("last spring": the latest one gone, maybe this year's), past_span
("in a decade" told in the past tense measures a span: a DURATION, not a date ahead).  A language
adds words, never engine code.

`common.toml` beside this module holds the language-free patterns (ISO and dotted dates,
clock times) in the same form; it is merged into every language.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from ..lang import LANG_DIR, load_toml
from .scan import LEFT, RIGHT, build_deeper, build_scan, scan_sources

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
_LOOKAHEAD = re.compile(r"\(\?=[^()]*\)")


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

    @cached_property
    def placeholders(self) -> list[tuple[str, str, str]]:
        """(group, member, field) of the regex's placeholder groups, in the regex's order:
        `field`, `member__field`, or `_n_member__field` (an alternate of a repeated one);
        read once rather than at every match."""
        out = []
        for group in self.regex.groupindex:
            if group in self.members:
                continue
            who, _, name = group.rpartition("__")
            if who.startswith("_"):
                who = who.split("_", 2)[2]
            out.append((group, who, name))
        return out


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
    scan: re.Pattern | None = None  # where some pattern can start (scan.starts)
    scan_first: re.Pattern | None = None  # whether one can at the text's first character
    heads: dict[str, tuple[int, ...]] = field(default_factory=dict)  # first characters -> pattern ranks
    loose: list[int] = field(default_factory=list)  # ranks of patterns scanned on their own
    deeper: dict[str, list] = field(default_factory=dict)  # a second look where heads are shared (scan.build_deeper)
    odd: frozenset[str] = frozenset()  # characters where the second look is not made
    mod_tail: re.Pattern | None = None  # a part-of modifier ending where an expression starts
    det_tail: re.Pattern | None = None  # a determiner ending there
    match: list = field(default_factory=list)  # patterns[rank].regex.match, looked up once

    def __post_init__(self) -> None:
        self.match = [p.regex.match for p in self.patterns]


def _load(path: Path) -> dict:
    """A resource file's data (the parse is kept between processes: lang.load_toml)."""
    return load_toml(path, LANG_DIR.parent)


Compile = Callable[[str, int], re.Pattern]


def _vocab(table: list[tuple[str, list[str], bool]], rx: Compile = re.compile) -> Vocab:
    """One field's forms across languages; case-sensitive ones keep their case only there."""
    plain, strict, entries = [], [], []
    for value, forms, case_sensitive in table:
        for form in forms:
            (strict if case_sensitive else plain).append(form)
            # the lookup reads the matched text alone: a form's look-ahead has nothing to see
            bare = _LOOKAHEAD.sub("", form)
            entries.append((rx(_spaces(bare), 0 if case_sensitive else re.IGNORECASE), value))

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


def _compile_patterns(data: dict, vocab: dict[str, Vocab], lang: str, rx: Compile = re.compile) -> list[Pattern]:
    out = []
    for p in data.get("pattern", []):
        body = _expand(p["match"], vocab)
        flags = 0 if p.get("case_sensitive") else re.IGNORECASE
        out.append(
            Pattern(
                name=f"{lang}:{p['name']}",
                regex=rx(f"{LEFT}{body}{RIGHT}", flags),
                type=p.get("type", "DATE"),
                fields=p.get("fields", {}),
                members=p.get("members", []),
                examples=p.get("examples", []),
                lang=lang,
                reject_after=rx(p["reject_after"], 0) if p.get("reject_after") else None,
                det=p.get("det", False),
            )
        )
    return out


def _join(regexes: list[str], suffix: str = "", rx: Compile = re.compile) -> re.Pattern | None:
    regexes = [r for r in regexes if r]
    return rx("|".join(f"(?:{r}){suffix}" for r in regexes), re.IGNORECASE) if regexes else None


def lang_files(lang: str) -> list[Path]:
    """`temporal.toml` and any `temporal/*.toml` of a language."""
    base = LANG_DIR / lang
    return [p for p in [base / "temporal.toml", *sorted((base / "temporal").glob("*.toml"))] if p.exists()]


@cache
def temporal_languages() -> tuple[str, ...]:
    return tuple(sorted(p.name for p in LANG_DIR.iterdir() if p.is_dir() and lang_files(p.name)))


def _scan_index(name: str, patterns: list[Pattern], rx: Compile = re.compile):
    """build_scan's result, cached on disk: reading the heads of every pattern costs about a
    second a language at each process start, the cached index a few milliseconds."""
    from ..cache import cached_marshal, remove_stale

    key = "scan 5\n" + "\n".join(f"{p.regex.flags}:{p.regex.pattern}" for p in patterns)

    def build():
        # the index was once stored under one name for every language: those files stay
        # behind, as replace_entry only removes older versions of the same name
        remove_stale(r"temporal-scan-[0-9a-f]{20}\.(?:json|marshal)")
        ahead, heads, loose = build_scan(patterns)
        deeper, odd = build_deeper(patterns, heads)
        shared: dict[tuple, tuple] = {}  # tens of thousands of heads, a few dozen rank lists:
        heads = {h: shared.setdefault(tuple(r), tuple(r)) for h, r in heads.items()}  # stored once each
        deeper = {
            h: [{k: shared.setdefault(tuple(r), tuple(r)) for k, r in table.items()}, shared.setdefault(tuple(default), tuple(default))]
            for h, (table, default) in deeper.items()
        }
        return [ahead, heads, loose, deeper, odd]

    ahead, heads, loose, deeper, odd = cached_marshal(f"temporal-scan-{name}", key, build)
    scan, first = scan_sources(ahead)
    return rx(scan, 0), rx(first, 0), heads, loose, deeper, frozenset(odd)


@cache
def compiled(langs: tuple[str, ...]) -> Resources:
    """The merged, compiled resources of `langs` plus the common patterns (cached; the
    regexes' compiled code is also kept between processes: cache.RegexStore)."""
    from ..cache import RegexStore

    tag = "-".join(langs or ("common",))
    store = RegexStore(f"temporal-regex-{tag}")
    rx = store.compile
    datas = [("common", _load(COMMON))] + [(lang, _load(p)) for lang in langs for p in lang_files(lang)]
    raw: dict[str, list] = {}
    for _, d in datas:
        sensitive = set(d.get("case_sensitive", []))
        for name, table in d.get("vocab", {}).items():
            raw.setdefault(name, []).extend((str(v), forms, name in sensitive) for v, forms in table.items())
    vocab = {name: _vocab(table, rx) for name, table in raw.items()}
    patterns = [p for lang, d in datas for p in _compile_patterns(d, vocab, lang, rx)]

    def collect(key: str, sub: str | None = None) -> list[str]:
        out = []
        for _, d in datas:
            src = d.get(sub, {}) if sub else d
            out.extend(src.get(key, []))
        return out

    scan, scan_first, heads, loose, deeper, odd = _scan_index(tag, patterns, rx)
    res = Resources(
        langs=langs,
        patterns=patterns,
        vocab=vocab,
        reject_before=_join(collect("reject_before"), "$", rx),
        reject_after=_join([rf"^\s*(?:{r})" for r in collect("reject_after")], "", rx),
        future=_join(collect("future", "tense"), "", rx),
        past=_join(collect("past", "tense"), "", rx),
        scan=scan,
        scan_first=scan_first,
        heads=heads,
        loose=loose,
        deeper=deeper,
        odd=odd,
        det_tail=rx(rf"(?<!\w)({vocab['det'].regex})\s+$", re.IGNORECASE) if "det" in vocab else None,
        mod_tail=rx(rf"(?<!\w)({vocab['mod'].regex})[\s-]*$", re.IGNORECASE) if "mod" in vocab else None,
    )
    store.save()
    return res
