"""Clauses of a sentence, the unit an event's date, countries and actors come from.

A sentence is cut only where the language data says a new clause starts:

- `;` always (kind "coord");
- a comma followed by a coordinating/adversative word (`, а`, `, але`, `, but`) ("coord");
- a comma or colon followed by a `report` word (`, що`, `, that`) when the text before it
  holds a reporting verb (a trigger of a weak type): the reported content ("report");
- a comma followed by a word with a `gerund` ending (`, вимагаючи`, `, demanding`): an
  adverbial participle clause ("gerund").

Relative clauses (`, що проходив у Китаї`) and other commas stay in their clause.
"""

from __future__ import annotations

from dataclasses import dataclass

from .lexicon import Lexicon, Token, Trigger, taxonomy


@dataclass
class Clause:
    start: int  # document offsets
    end: int
    kind: str  # main, coord, report, gerund
    i: int  # token range within the sentence's tokens
    j: int


def split_clauses(text: str, offset: int, toks: list[Token], trigs: list[Trigger], lex: Lexicon) -> list[Clause]:
    tax = taxonomy()
    weak_at = {t.i for t in trigs if tax[t.type].weak}
    weak_end = {t.j - 1 for t in trigs if tax[t.type].weak}
    cuts: list[tuple[int, str]] = []  # (token index where a clause starts, kind)
    for k in range(1, len(toks)):
        between = text[toks[k - 1].end - offset : toks[k].start - offset]
        if ";" in between:
            cuts.append((k, "coord"))
        elif (
            not between.strip()
            and lex.phrase_at(toks, k, lex.report)
            and any(k - 1 - gap in weak_end for gap in range(4))
            and _reporting_before(k, cuts, weak_at)
        ):
            cuts.append((k, "report"))  # "said that", "said on Monday that": no comma
        elif "," in between or ":" in between:
            if "," in between and lex.phrase_at(toks, k, lex.clause_breaks):
                cuts.append((k, "coord"))
            elif (":" in between or lex.phrase_at(toks, k, lex.report)) and _reporting_before(k, cuts, weak_at):
                cuts.append((k, "report"))
            elif (
                "," in between
                and lex.gerund
                and len(toks[k].text) >= 6
                and toks[k].text.endswith(lex.gerund)
                and toks[k].text not in lex.gerund_not
            ):
                cuts.append((k, "gerund"))
    # everything after the start of reported content belongs to that content
    seen_report = False
    for n, (k, kind) in enumerate(cuts):
        seen_report = seen_report or kind == "report"
        if seen_report:
            cuts[n] = (k, "report")
    out: list[Clause] = []
    starts = [(0, "main")] + cuts
    for n, (i, kind) in enumerate(starts):
        j = starts[n + 1][0] if n + 1 < len(starts) else len(toks)
        if i >= j:
            continue
        c_start = toks[i].start
        c_end = toks[j].start if j < len(toks) else offset + len(text)
        # trim the separator and spaces at the end
        while c_end > c_start and text[c_end - 1 - offset] in " ,;:—–-\n\t":
            c_end -= 1
        out.append(Clause(c_start, c_end, kind, i, j))
    if not out:
        out.append(Clause(offset, offset + len(text), "main", 0, len(toks)))
    return out


def _reporting_before(k: int, cuts: list[tuple[int, str]], weak_at: set[int]) -> bool:
    """A reporting verb in the clause that ends before token k."""
    last = cuts[-1][0] if cuts else 0
    return any(last <= w < k for w in weak_at)
