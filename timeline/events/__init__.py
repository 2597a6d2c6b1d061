"""Event stage: reported happenings with their date, countries, actors and places.

For every sentence (the title is one too):

1. Triggers: words of `timeline/lang/<code>/events.toml` (stems, so every inflection
   matches), each naming a type of `taxonomy.toml` (with its CAMEO root).  Triggers inside
   a long quotation are not events (the quote is what a statement said).
2. Clauses (`clauses.py`): the sentence is cut at `;`, adversative conjunctions, reported
   content (`, що ...` after a reporting verb) and adverbial participle clauses.
3. Date governance: DATE/TIME timexes of a clause are grouped (an enumeration
   "2001, 2010 і 2011 років" is one group) and each group goes to the nearest trigger of the
   clause that is neither background ("після затримання") nor a weak reporting verb when a
   stronger one is there.  Each distinct value gives one event ("one event per date").
   A clause without its own date takes, in order: the single date of the other clauses of
   the sentence (not across reported speech); the date of the previous sentence's event
   when the sentence opens with a continuation cue ("Водночас", "Meanwhile"); else it is
   `undated` (end = publication, value PAST_REF).
4. Countries, actors and places come from the entities of the clause; a clause without any
   entity takes those of its sentence, and one whose entities name no country takes the
   countries its sentence names elsewhere.  Never from the rest of the article.
5. Dropped: events that start after publication, and undated clauses that speak of plans or
   possibilities (`irrealis` cues: "відбудеться", "може", "will").  An event that ends after
   publication is cut at publication (it was reported, so it happened by then).
6. Negated happenings ("не провели зустріч") are kept as reported non-events: the type
   stays, the summary says it did not happen, the confidence is lower (TAXONOMY.md).
7. Duplicates within the article merge (`merge.same_in_article`); the other sentence goes
   to `Event.sources`.

The engine never names a language: everything language-specific is in the TOML data.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..document import Document, Entity, Event, Sentence, Timex
from ..sentences import quote_spans
from ..timex_values import value_span
from .clauses import Clause, split_clauses
from .lexicon import Lexicon, Token, Trigger, taxonomy, tokens
from .merge import merge_in_article

__all__ = ["assemble_events", "event_id"]

_ENUM_GAP = re.compile(r"^[\s,]*(?:\w{1,3})?[\s,]*$")  # ", ", " і ", " and ", " та "
_RANGE_GAP = re.compile(r"^\s*[-–—]\s*$")
_TIME_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}T")
_LONG_QUOTE_WORDS = 4
_SUMMARY_LEN = 160


def event_id(article_id: str, sentence_start: int, event_type: str, date_value: str) -> str:
    key = f"{article_id}|{sentence_start}|{event_type}|{date_value}"
    return hashlib.sha1(key.encode()).hexdigest()[:16]


@dataclass
class _Date:
    value: str
    text: str
    start: int | None
    end: int | None
    how: str  # clause, sentence, continuation, undated


@dataclass
class _Mention:
    trigger: Trigger
    clause: Clause
    date: _Date
    negated: bool
    background: bool
    entities: list[Entity]
    entities_from: str  # clause or sentence
    is_title: bool


def _datable(t: Timex) -> bool:
    return t.type in ("DATE", "TIME") and value_span(t.value)[2] != "undated"


_BOUND_MODS = {"BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER"}


def _bound(t: Timex, toks: list[Token], lex: Lexicon) -> bool:
    """The timex bounds the happening ("since 2019", "до 2035 року"): it does not date it."""
    if (t.mod or "").upper() in _BOUND_MODS:
        return True
    k = next((i for i, tok in enumerate(toks) if tok.start >= t.start), None)
    if k is None:
        return False
    if Lexicon.phrase_before(toks, k, lex.date_bounds):
        return True
    # the expression may hold the preposition itself ("since 2019")
    return any(Lexicon.phrase_at(toks, k, [seq]) and toks[k + len(seq) - 1].end < t.end for seq in lex.date_bounds)


def _groups(text: str, offset: int, txs: list[Timex], lex: Lexicon | None = None) -> list[list[Timex]]:
    """Timexes in a row separated only by commas and a short conjunction form one group (an
    enumeration: one event per date).  The end of a range ("13–24 червня", "з 13 по 24
    червня", "from May 1 to May 5") is dropped: the happening is dated by its start."""
    groups: list[list[Timex]] = []
    range_words = {w for seq in (lex.range_words if lex else []) for w, _ in seq}
    for t in sorted(txs, key=lambda t: t.start):
        if groups:
            gap = text[groups[-1][-1].end - offset : t.start - offset]
            if _RANGE_GAP.match(gap) or gap.strip().lower() in range_words:
                continue
            if _ENUM_GAP.match(gap):
                groups[-1].append(t)
                continue
        groups.append([t])
    return groups


def _finest(values: list[Timex]) -> list[Timex]:
    """Distinct values; a value whose span contains another's is dropped (keep the finer)."""
    seen: dict[str, Timex] = {}
    for t in values:
        seen.setdefault(t.value, t)
    spans = {v: value_span(v) for v in seen}
    keep = []
    for v, t in seen.items():
        s, e, _ = spans[v]
        inner = any(
            w != v and s <= spans[w][0] and spans[w][1] <= e and (spans[w][0], spans[w][1]) != (s, e) for w in seen
        )
        if not inner:
            keep.append(t)
    return keep


def _clean_entities(ents: list[Entity]) -> list[Entity]:
    """Drop a place or country mention that overlaps a person or organisation mention."""
    named = [e for e in ents if e.kind in ("person", "organization")]
    return [
        e
        for e in ents
        if e.kind in ("person", "organization") or not any(e.start < n.end and n.start < e.end for n in named)
    ]


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(b[0] - a[1], a[0] - b[1], 0)


def _sentence_mentions(
    doc: Document, s: Sentence, lex: Lexicon, prev: list[Event], is_title: bool, last_dated: Event | None = None
) -> list[_Mention]:
    tax = taxonomy()
    toks = tokens(s.text, s.start)
    trigs = lex.triggers(toks)
    if not trigs:
        return _dated_other(doc, s, toks, lex, is_title, [])
    long_quotes = [
        (s.start + o, s.start + c) for o, c in quote_spans(s.text) if len(s.text[o:c].split()) >= _LONG_QUOTE_WORDS
    ]
    trigs = [t for t in trigs if not any(o < t.start < c for o, c in long_quotes)]
    if not trigs:
        return _dated_other(doc, s, toks, lex, is_title, long_quotes)
    clauses = split_clauses(s.text, s.start, toks, trigs, lex)
    bg = _background(trigs, toks, lex)
    txs = [t for t in doc.timexes if s.start <= t.start < s.end and _datable(t) and not _bound(t, toks, lex)]
    ents = _clean_entities([e for e in doc.entities if s.start <= e.start < s.end])

    per_clause: list[tuple[Clause, list[Trigger], list[tuple[Trigger, list[Timex]]]]] = []
    for c in clauses:
        ctrigs = [t for t in trigs if c.start <= t.start < c.end]
        if not ctrigs:
            continue
        fg = [t for t in ctrigs if t not in bg]
        strong = [t for t in fg if not tax[t.type].weak]
        pool = strong or fg or ctrigs
        attached: dict[Trigger, list[Timex]] = {}
        ctx = [t for t in txs if c.start <= t.start < c.end]
        if pool:
            for g in _groups(s.text, s.start, ctx, lex):
                span = (g[0].start, g[-1].end)
                best = min(pool, key=lambda t: (_distance(span, t.text_span), t.start < span[0]))
                attached.setdefault(best, []).extend(g)
        per_clause.append((c, ctrigs, [(t, _finest(v)) for t, v in attached.items()]))

    # the dates a clause may lend to its sentence siblings (not across reported speech)
    lendable = {t.value for t in txs if any(c.start <= t.start < c.end and c.kind != "report" for c in clauses)}
    cont = bool(prev) and Lexicon.phrase_at(toks, 0, lex.continuation)
    prev_dated = [e for e in prev if e.date_value != "PAST_REF"]

    # a clause whose triggers are all background ("після затримань") only refers to another
    # happening; it yields an event only when nothing else in the sentence does
    if any(any(t not in bg for t in ctrigs) for _, ctrigs, _ in per_clause):
        per_clause = [pc for pc in per_clause if any(t not in bg for t in pc[1]) or pc[2]]
    out: list[_Mention] = []
    for c, ctrigs, att in per_clause:
        cents, src = _clause_entities(c, clauses, ents), "clause"
        if not cents or not any(e.country for e in cents):
            # the rest of the sentence lends what the clause lacks (not a reporting clause's
            # content, which it already has)
            lend = [o for o in clauses if o is not c and (c.kind == "report" or o.kind != "report")]
            others = [e for e in ents if any(o.start <= e.start < o.end for o in lend)]
            if not cents:  # no entities: all of the sentence's
                cents, src = others, "sentence"
            else:  # entities but no country ("вбивства Юніса Пашаєва" in "Московські силовики
                # заявили, що ..."): the countries the sentence names, not its people or places
                cents = cents + [e for e in others if e.kind == "country"]

        def mention(trig: Trigger, d: _Date, c=c, cents=cents, src=src) -> _Mention:
            return _Mention(
                trigger=trig,
                clause=c,
                date=d,
                negated=lex.negated(toks, trig),
                background=trig in bg,
                entities=cents,
                entities_from=src,
                is_title=is_title,
            )

        mine: list[_Mention] = []
        if att:
            for trig, vals in att:
                for tx in vals:
                    mine.append(mention(trig, _Date(tx.value, tx.text, tx.start, tx.end, "clause")))
        else:
            trig = _best(ctrigs, bg)
            d = _fallback_date(c, trig, toks, txs, lendable, cont, prev_dated, last_dated, is_title, lex)
            if d is not None:
                mine.append(mention(trig, d))
        # a happening that frames the clause ("під час саміту", "during the visit") took place
        # too: it gets its own event, at the clause's date
        if mine:
            used = {m.trigger for m in mine}
            for t in ctrigs:
                if (
                    t not in used
                    and not tax[t.type].weak
                    and Lexicon.phrase_before(toks, t.i, lex.frame, slack=1)
                    and not lex.is_reference(toks, t)
                ):
                    mine.append(mention(t, mine[0].date))
                    used.add(t)
        out.extend(mine)
    return out


def _fallback_date(c, trig, toks, txs, lendable, cont, prev_dated, last_dated, is_title, lex) -> _Date | None:
    """The date of a clause without its own: the sentence's single date (not across reported
    speech), a continued sentence's, a same-time anaphora's, else undated; None when the
    clause speaks of a plan or possibility."""
    if c.kind != "report" and len(lendable) == 1:
        v = next(iter(lendable))
        tx = next(t for t in txs if t.value == v)
        return _Date(v, tx.text, tx.start, tx.end, "sentence")
    if cont and prev_dated:
        e = prev_dated[0]
        return _Date(e.date_value, e.date_text, e.date_start, e.date_end, "continuation")
    if last_dated is not None and not is_title and (shift := _anaphora(toks, c, lex)) is not None:
        # "того ж вечора", "that same day": the time of the last dated happening;
        # "наступного дня", "the next day": a day after it (when it is a day)
        return _shifted(last_dated, shift)
    if not taxonomy()[trig.type].weak and lex.irrealis_near(toks, trig):
        return None  # a plan or a possibility (a statement about the future is still a past statement)
    return _Date("PAST_REF", "", None, None, "undated")


def _anaphora(toks: list[Token], c: Clause, lex: Lexicon) -> int | None:
    """Days from the last dated happening that a clause's anaphora names, or None."""
    for k in range(c.i, c.j):
        if Lexicon.phrase_at(toks, k, lex.anaphora):
            return 0
        for days, phrases in lex.anaphora_shift:
            if Lexicon.phrase_at(toks, k, phrases):
                return days
    return None


def _shifted(e: Event, days: int) -> _Date:
    if days == 0:
        return _Date(e.date_value, e.date_text, e.date_start, e.date_end, "continuation")
    if e.precision != "day" or not e.start:
        return _Date("PAST_REF", "", None, None, "undated")  # a day after a month: unknown day
    d = date.fromisoformat(e.start) + timedelta(days=days)
    return _Date(d.isoformat(), e.date_text, e.date_start, e.date_end, "continuation")


def _dated_other(doc: Document, s: Sentence, toks: list[Token], lex: Lexicon, is_title: bool, quotes) -> list[_Mention]:
    """A body sentence without a trigger word that dates something in the past is still a
    reported happening ("Кирк основал организацию в 2012 году"): type `other`, one event per
    date, lower confidence.  Not for titles, headings (no final stop), plans, or dates inside
    quotations."""
    if is_title or not toks or not s.text.rstrip("\"»”'").endswith((".", "!", "…")):
        return []
    if any(next(lex.irrealis.at(toks, i), None) is not None for i in range(len(toks))):
        return []
    txs = [
        t
        for t in doc.timexes
        if s.start <= t.start < s.end
        and _datable(t)
        and not _bound(t, toks, lex)
        and not any(o < t.start < c for o, c in quotes)
    ]
    if not txs:
        return []
    clause = Clause(s.start, s.end, "main", 0, len(toks))
    trig = Trigger("other", 0, 1, toks[0].start, toks[0].end, 0)
    ents = _clean_entities([e for e in doc.entities if s.start <= e.start < s.end])
    out = []
    for g in _groups(s.text, s.start, txs, lex):
        for tx in _finest(g):
            d = _Date(tx.value, tx.text, tx.start, tx.end, "clause")
            out.append(_Mention(trig, clause, d, False, False, ents, "clause", False))
    return out


def _clause_entities(c: Clause, clauses: list[Clause], ents: list[Entity]) -> list[Entity]:
    """The entities an event of clause `c` takes.

    Its own; a reporting clause ("X заявив, що ...") also those of the content it reports,
    which is what the statement is about; an adverbial participle clause ("..., вимагаючи
    ...") also those of the clause it hangs on, which holds its subject.
    """
    n = clauses.index(c)
    spans = [(c.start, c.end)]
    if c.kind != "report" and n + 1 < len(clauses) and clauses[n + 1].kind == "report":
        spans += [(o.start, o.end) for o in clauses[n + 1 :] if o.kind == "report"]
    if c.kind == "gerund":
        prev = next((o for o in reversed(clauses[:n]) if o.kind != "gerund"), None)
        if prev is not None:
            spans.append((prev.start, prev.end))
    return [e for e in ents if any(a <= e.start < b for a, b in spans)]


def _best(ctrigs: list[Trigger], bg: set[Trigger]) -> Trigger:
    """The clause's happening: the first trigger that is not background, a strong type first;
    but a reporting verb whose object is the strong trigger ("назвала затримання
    переслідуванням", "called the decision reckless") is the happening itself."""
    tax = taxonomy()
    best = min(ctrigs, key=lambda t: (t in bg, tax[t.type].weak, t.start))
    fg = sorted((t for t in ctrigs if t not in bg), key=lambda t: t.start)
    if fg and tax[fg[0].type].weak and not tax[best.type].weak and best.i - fg[0].j <= 1:
        return fg[0]
    return best


def _background(trigs: list[Trigger], toks: list[Token], lex: Lexicon) -> set[Trigger]:
    """Triggers right after a background cue ("після затримання"), or after the cue and one
    word that is not itself a trigger ("на тлі масових затримань"), and triggers that name the
    people of a happening ("загиблих", "the detainees")."""
    in_trigger = {k for t in trigs for k in range(t.i, t.j)}
    out = set()
    for t in trigs:
        if (
            lex.is_reference(toks, t)
            or Lexicon.phrase_before(toks, t.i, lex.background)
            or (t.i - 1 not in in_trigger and Lexicon.phrase_before(toks, t.i, lex.background, slack=1))
        ):
            out.add(t)
    return out


def _confidence(m: _Mention) -> float:
    tax = taxonomy()
    c = 0.4 if tax[m.trigger.type].weak else 0.5
    if m.trigger.words == 0:  # no trigger word (type `other`)
        c = 0.15
    if m.trigger.words > 1:
        c += 0.05
    c += {"clause": 0.2, "sentence": 0.12, "continuation": 0.08, "undated": 0.0}[m.date.how]
    has_country = any(e.country for e in m.entities)
    has_actor = any(e.kind in ("person", "organization") for e in m.entities)
    w = 0.1 if m.entities_from == "clause" else 0.05
    c += w * has_country + w * has_actor
    if m.negated:
        c -= 0.15
    if m.background:
        c -= 0.15
    if m.is_title:
        c -= 0.2
    return round(min(0.95, max(0.05, c)), 2)


def _summary(doc: Document, m: _Mention, lex: Lexicon) -> str:
    label = lex.label(m.trigger.type)
    if m.negated and lex.negated_label:
        label = f"{label} ({lex.negated_label})"
    words = doc.text[m.clause.start : m.clause.end].split()
    if m.clause.kind != "main" and len(words) > 3:
        # drop the word that opens the clause ("що", "that", "а", "but")
        lead = tokens(words[0])
        if lead and (Lexicon.phrase_at(lead, 0, lex.report) or Lexicon.phrase_at(lead, 0, lex.clause_breaks)):
            words = words[1:]
    clause = " ".join(words).strip(' ,;:—–-"«»“”„')
    if len(clause) > _SUMMARY_LEN:
        cut = clause[:_SUMMARY_LEN].rsplit(" ", 1)[0]
        clause = cut.rstrip(" ,;:—–-") + "…"
    return f"{label}: {clause}"


def _uniq(xs) -> list[str]:
    return sorted({x for x in xs if x})


def _event(doc: Document, s: Sentence, m: _Mention, lex: Lexicon) -> Event | None:
    tax = taxonomy()
    published: date | None = doc.published
    value = m.date.value
    if _TIME_VALUE.match(value):  # an event is dated to the day: 2025-10-25TEV -> 2025-10-25
        value = value[:10]
    start, end, precision = value_span(value, published)
    if published is not None and start is not None and start > published:
        return None  # never a past event dated after publication
    if published is not None and end is not None and end > published:
        end = published
    etype = m.trigger.type
    return Event(
        event_id=event_id(doc.article_id, s.start, etype, value),
        start=start.isoformat() if start else None,
        end=end.isoformat() if end else None,
        precision=precision,
        date_value=value,
        date_text=m.date.text,
        event_type=etype,
        summary=_summary(doc, m, lex),
        sentence=s.text,
        countries=_uniq(e.country for e in m.entities),
        actors=_uniq(e.name for e in m.entities if e.kind in ("person", "organization")),
        places=_uniq(e.name for e in m.entities if e.kind == "place"),
        article_id=doc.article_id,
        title=doc.title,
        url=doc.url,
        published=published.isoformat() if published else None,
        lang=doc.lang,
        confidence=_confidence(m),
        cameo=tax[etype].cameo,
        sentence_start=s.start,
        sentence_end=s.end,
        date_start=m.date.start,
        date_end=m.date.end,
    )


def assemble_events(doc: Document) -> Document:
    lex = Lexicon.for_lang(doc.lang)
    events: list[Event] = []
    seen: set[str] = set()
    negated: set[str] = set()
    title_ids: set[str] = set()
    prev: list[Event] = []
    last_dated: Event | None = None
    for s in doc.sentences:
        is_title = bool(doc.title_span) and s.start == doc.title_span[0] and s.start < doc.body_start
        mine: list[Event] = []
        for m in _sentence_mentions(doc, s, lex, [] if is_title else prev, is_title, last_dated):
            ev = _event(doc, s, m, lex)
            if ev is None or ev.event_id in seen:
                continue
            seen.add(ev.event_id)
            if m.negated:
                negated.add(ev.event_id)
            if is_title:
                title_ids.add(ev.event_id)
            mine.append(ev)
        events.extend(mine)
        if not is_title:
            prev = mine
            # same-time anaphora ("того ж вечора") refer to a day: only day-dated happenings anchor
            last_dated = next((e for e in reversed(mine) if e.precision == "day"), last_dated)
    doc.events = merge_in_article(events, negated, title_ids)
    return doc
