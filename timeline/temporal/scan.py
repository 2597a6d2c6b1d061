"""Where detection tries which pattern: one cheap pass over the text instead of one per pattern.

Python's regex engine costs about the same at every position of a text for every pattern;
with some fifty patterns a language, that was nearly all of detection's time.  Here each
pattern's possible first HEAD characters are read from its parsed regex, so a single pass of
a character-set regex finds the positions where some pattern can start, and a dict says
which patterns to try there.
"""

from __future__ import annotations

import re
from functools import cache
from re import _constants as _C  # the regex parser: which characters a pattern starts with
from re import _parser as _sre
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .resources import Pattern

LEFT, RIGHT = r"(?<!\w)(?:", r")(?!\w)"  # an expression is whole words

_NAMED_GROUP = re.compile(r"\(\?P<\w+>")
HEAD = 3  # characters of a match's start the scan tests before reading its patterns


def build_scan(patterns: list[Pattern]) -> tuple[str, dict[str, list[int]], list[int]]:
    """Where to try which pattern: (ahead, heads, loose).

    The regex engine's cost per position, times the number of patterns, is what detection
    would spend its time on; instead one cheap pass (`starts`, with the regexes of
    `scan_sources(ahead)`: character sets only, `[aA][bB][cC]`) finds the positions where
    some pattern can start, and `heads` maps the first HEAD characters there (lower case)
    to the ranks of the patterns that can start so.  `loose` patterns (no finite set of
    heads) run alone.
    """
    heads: dict[str, list[int]] = {}
    loose: list[int] = []
    by_first: dict[str, list[set[str]]] = {}
    for rank, p in enumerate(patterns):
        body = _NAMED_GROUP.sub("(?:", p.regex.pattern.removeprefix(LEFT).removesuffix(RIGHT))
        found = _heads(f"(?i:{body})" if p.regex.flags & re.IGNORECASE else body)
        if found is None:
            loose.append(rank)
            continue
        for h in found:
            heads.setdefault(h, []).append(rank)
            nexts = by_first.setdefault(h[0], [set() for _ in range(HEAD - 1)])
            for i, c in enumerate(h[1:]):
                nexts[i].add(c)
    # one alternative per set of following characters (first characters that share theirs
    # share one), behind a test of the first character alone: the engine tries alternatives
    # one by one, and most places where a word starts start none
    shared: dict[tuple[frozenset[str], ...], set[str]] = {}
    for a, nexts in by_first.items():
        shared.setdefault(tuple(map(frozenset, nexts)), set()).add(a)
    alts = sorted(_set(firsts) + "".join(map(_set, nexts)) for nexts, firsts in shared.items())
    ahead = "(?=" + _set(set(by_first)) + ")(?:" + "|".join(alts) + ")" if alts else "(?!)"
    return ahead, _one_space(heads), loose


_WHITE = re.compile(r"\s")
DEEP = 5  # characters of a start the second look reads, where HEAD characters leave several patterns
_DEEPER_MAX = 32  # DEEP-character heads at most in one head's second look


def build_deeper(patterns: list[Pattern], heads: dict[str, list[int]]) -> tuple[dict[str, list], str]:
    """A second look for the heads that several patterns share ("tha": "that day", "that
    week" ...): (deeper, odd).  `deeper[head]` is [{DEEP characters (lower case, white space
    as " "): ranks}, ranks of the patterns of `head` without a finite set of such heads];
    at a start whose DEEP characters are not in the table, only those are tried.  `odd`:
    characters where the second look is not made (see _odd_chars)."""
    deep = []
    for p in patterns:
        body = _NAMED_GROUP.sub("(?:", p.regex.pattern.removeprefix(LEFT).removesuffix(RIGHT))
        deep.append(_heads(f"(?i:{body})" if p.regex.flags & re.IGNORECASE else body, DEEP, one_space=True))
    below: list[dict[str, list[str]]] = []  # each pattern's DEEP-character heads by their first HEAD
    for hs in deep:
        by_head: dict[str, list[str]] = {}
        for h in hs or ():
            by_head.setdefault(h[:HEAD], []).append(h)
        below.append(by_head)
    deeper: dict[str, list] = {}
    for head, ranks in heads.items():
        if len(ranks) < 2 or not head.isalpha():  # numbers: most tries there find something
            continue
        # a pattern whose heads here are unknown at DEEP characters is tried at every start
        known = {r for r in ranks if head in below[r]}
        default = [r for r in ranks if r not in known]
        table: dict[str, set[int]] = {}
        for r in known:
            for h in below[r][head]:
                table.setdefault(h, set(default)).add(r)
        if known and len(table) <= _DEEPER_MAX:  # a small table: a large one costs more to load than it saves
            deeper[head] = [{h: sorted(rs) for h, rs in table.items()}, default]
    return deeper, _odd_chars({c for hs in deep if hs for h in hs for c in h})


def _odd_chars(chars: set[str]) -> str:
    """Characters whose lower case differs from the head character the regex engine matches
    them with, so that the second look (str.lower of the text) could miss a match: ſ for s,
    ᲅ for т, K for k (ignore-case equivalents, re._compiler's extra cases), Σ (whose lower
    case depends on its neighbours), İ (two characters in lower case), and the digits other
    than 0-9 that \\d matches."""
    import _sre
    from itertools import compress
    from operator import ne
    from re._compiler import _EXTRA_CASES

    lower = _sre.unicode_tolower
    codes = range(0x110000)
    lowered = list(map(lower, codes))
    by_lower: dict[int, list[int]] = {}
    for t in compress(codes, map(ne, codes, lowered)):
        by_lower.setdefault(lowered[t], []).append(t)
    odd = {"\u03a3", "\u0130"}
    odd.update(c for c in map(chr, codes) if c.isdecimal() and not "0" <= c <= "9")
    for c in chars:
        lo = lower(ord(c))
        for cls in (lo, *_EXTRA_CASES.get(lo, ())):
            for t in (cls, *by_lower.get(cls, ())):
                if chr(t).lower() != c:
                    odd.add(chr(t))
    return "".join(sorted(odd))


def second_look(text: str, at: int, sub: list, odd: frozenset[str]) -> list[int] | None:
    """The ranks build_deeper's table `sub` gives for a start (None: no second look here)."""
    key = text[at : at + DEEP].lower()
    if not key.isprintable():
        key = _WHITE.sub(" ", key)
    if len(key) != DEEP or not (key.isascii() or odd.isdisjoint(key)):
        return None
    return sub[0].get(key, sub[1])


def head_key(text: str, at: int) -> str:
    """The key of `heads` for a start at `at`: HEAD characters in lower case, any white
    space as " " (every other white space character is unprintable: a cheap test first)."""
    key = text[at : at + HEAD].lower()
    return key if key.isprintable() else _WHITE.sub(" ", key)


def _one_space(heads: dict[str, list[int]]) -> dict[str, list[int]]:
    """Heads with each white space as " ": a `\\s` yields a head per white space character
    (some 25), nine in ten of them; merged, the index is a tenth of the size to load."""
    out: dict[str, list[int]] = {}
    for h, ranks in heads.items():
        merged = out.setdefault(_WHITE.sub(" ", h), [])
        merged.extend(r for r in ranks if r not in merged)
    for ranks in out.values():
        ranks.sort()  # the patterns are tried in rank order, as one head's were
    return out


def scan_sources(ahead: str) -> tuple[str, str]:
    """(scan, first) for build_scan's `ahead`, used by `starts`: `scan` consumes the
    non-word character before a start (a character-set test the engine runs fast), and
    tests what follows without consuming it, so a hit never hides the next one ("з 1 по 3
    вересня"); `first` tests the text's first character, which has nothing before it."""
    return r"\W(?=" + ahead + ")", "(?=" + ahead + ")"


def starts(scan: re.Pattern, first: re.Pattern, text: str, start: int, end: int) -> list[int]:
    """The positions in text[start:end] not preceded by a word character where some
    pattern can start (the characters before `start` count as the text's)."""
    if start > 0:
        return [m.end() for m in scan.finditer(text, start - 1, end)]
    head = [0] if first.match(text, 0, end) else []
    return head + [m.end() for m in scan.finditer(text, 0, end)]


def _set(chars: set[str]) -> str:
    both = {c for ch in chars for c in (ch, ch.lower(), ch.upper()) if len(c) == 1}
    return "[" + re.escape("".join(sorted(both))) + "]"


@cache
def _spaces() -> frozenset[str]:
    """The white space characters (\\s), read only when heads are built: 12,000 tests were
    made at every start when this was a module constant."""
    return frozenset(c for c in map(chr, range(0x3001)) if c.isspace())


class _Unbounded(Exception):
    pass


def _heads(regex: str, n: int = HEAD, one_space: bool = False) -> set[str] | None:
    """The first `n` characters a match of `regex` can start with (lower case), None when
    that is not a small finite set; `one_space`: every white space character as " "."""
    try:
        done = _grow({""}, list(_sre.parse(regex, re.IGNORECASE)), n, one_space)
    except _Unbounded:
        return None
    if any(len(h) < n for h in done) or len(done) > 50000:
        return None  # a shorter match, or too many heads to be worth it
    return {h.lower() for h in done}


def _chars(op, av, one_space: bool = False) -> set[str]:
    if op is _C.LITERAL:
        out = {chr(av)}
    else:
        out = set()
        for kind, arg in av:
            if kind is _C.LITERAL:
                out.add(chr(arg))
            elif kind is _C.RANGE and arg[1] - arg[0] < 200:
                out.update(chr(c) for c in range(arg[0], arg[1] + 1))
            elif kind is _C.CATEGORY and arg is _C.CATEGORY_DIGIT:
                out.update("0123456789")
            elif kind is _C.CATEGORY and arg is _C.CATEGORY_SPACE:
                out.update(_spaces())
            else:
                raise _Unbounded
    return {" " if c.isspace() else c for c in out} if one_space else out


def _grow(heads: set[str], items: list, n: int = HEAD, one_space: bool = False) -> set[str]:
    """Extend every head shorter than `n` characters by what the parsed items can match."""
    for op, av in items:
        if all(len(h) >= n for h in heads):
            break
        if op in (_C.LITERAL, _C.IN):
            chars = _chars(op, av, one_space)
            heads = {h if len(h) >= n else h + c for h in heads for c in chars}
            if one_space and len(heads) > 200000:
                raise _Unbounded  # far more than _heads keeps (the second look's heads only)
        elif op is _C.SUBPATTERN:
            heads = _grow(heads, list(av[-1]), n, one_space)
        elif op is _C.BRANCH:
            heads = set().union(*(_grow(heads, list(alt), n, one_space) for alt in av[1]))
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
            lo, hi, sub = av
            out, cur = (set(heads) if lo == 0 else set()), heads
            for i in range(min(hi, n)):  # n characters need at most n repetitions
                cur = _grow(cur, list(sub), n, one_space)
                if i + 1 >= lo or i == n - 1:
                    out |= cur
            heads = out
        elif op is _C.ASSERT and av[0] == 1:  # a look-ahead bounds what follows it
            try:
                ahead = _grow(heads, list(av[1]), n, one_space)
            except _Unbounded:
                continue
            if all(len(h) >= n for h in ahead):
                return ahead
        elif op not in (_C.ASSERT, _C.ASSERT_NOT, _C.AT):  # other zero-width items change nothing
            raise _Unbounded
    return heads
