"""Temporal stage: TIMEX3 expressions (DATE, TIME, DURATION, SET) with normalised values.

Two separate steps: `detect` finds candidates and describes them from the language's
resource data (timeline/lang/<code>/temporal.toml); `anchor` resolves relative ones against
the publication date or the last mentioned date.  Languages without resource data but known
to dateparser go through `fallback` (weaker; see its docstring).

`import timeline.temporal` stays light: resources compile on first use and are cached;
dateparser is imported only by the fallback.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from ..document import Document, Timex
from ..sentences import SentenceIndex
from .anchor import anchor
from .detect import Candidate, detect
from .resources import Resources, compiled, temporal_languages


def _resources(lang: str | None) -> tuple[Resources, bool]:
    """(resources, needs_fallback) for a language code."""
    if lang in temporal_languages():
        return compiled((lang,)), False
    # no language (detection found no words to go by): the language-free patterns; another
    # language: those too, and dateparser does the words
    return compiled(()), bool(lang)


# how much of its sentence decides an expression's tense: the clause around it, mostly before
_TENSE_BEFORE, _TENSE_AFTER = 60, 20


def _tense(before: str, after: str, res: Resources) -> str | None:
    """The tense of the verb nearest to an expression: a cue before it counts from its end,
    one after it from its start ("announced ... that it will sign on Monday" is future)."""
    window = before + " " + after
    fut = res.future is not None and res.future.search(window) is not None
    past = res.past is not None and res.past.search(window) is not None
    if not (fut and past):  # one kind of cue or none: no distances to compare
        return "future" if fut else "past" if past else None
    best, tense = None, None
    for name, rx in (("future", res.future), ("past", res.past)):
        hits = [len(before) - m.end() for m in rx.finditer(before)]
        if (m := rx.search(after)) is not None:
            hits.append(m.start())
        if hits and (best is None or min(hits) < best):
            best, tense = min(hits), name
    return tense


def _tense_of(doc: Document, c: Candidate, sentences: SentenceIndex, res: Resources) -> Callable[[], str | None]:
    """The tense of a candidate ("future", "past" or None, from the words near it in its
    sentence), as a function that works it out: resolving asks for it for about one
    expression in ten, and the cue search costs more than the rest of anchoring."""
    start, end = c.start, c.end  # as detected: resolving may move an expression's start

    def tense() -> str | None:
        lo, hi = sentences.clip(start - _TENSE_BEFORE, end + _TENSE_AFTER, start)
        return _tense(doc.text[max(lo, 0) : start], doc.text[end:hi], res)

    return tense


def _sentence_of(sentences: SentenceIndex) -> Callable[[int], int]:
    """Offset -> an id of its sentence (its start), -1 between sentences."""

    def sentence(pos: int) -> int:
        s = sentences.at(pos)
        return -1 if s is None else s.start

    return sentence


def _type(kind: str, value: str) -> str:
    """A date whose value names a time of day ("вчора ввечері" -> ...TEV) is a TIME."""
    return "TIME" if kind == "DATE" and "T" in value and not value.endswith("_REF") else kind


def tag_timexes(doc: Document) -> Document:
    """Fill doc.timexes for the title and the body (never the `date ...` header)."""
    res, fallback = _resources(doc.lang)
    start = doc.title_span[0] if doc.title_span else doc.body_start
    cands = detect(doc.text, res, start)
    if fallback:
        from .fallback import fallback_candidates

        cands = fallback_candidates(doc, cands, start)
    sentences = SentenceIndex(doc)  # the document's sentences, or those asked about split now
    tenses = [_tense_of(doc, c, sentences, res) for c in cands]
    values = anchor(cands, doc.published, tenses, _sentence_of(sentences))
    doc.timexes = [
        Timex(c.text, c.start, c.end, _type(c.type, value), value, mod=c.mod or c.sem.get("mod"), anchor=how, rule=c.rule)
        for c, (value, how) in zip(cands, values, strict=True)
        if value
    ]
    return doc


def find_timexes(text: str, published: date | str | None = None, lang: str | None = None) -> list[dict]:
    """Contract API: the temporal expressions of `text` as dicts."""
    from ..langdetect import detect_language
    from ..sentences import split_sentences

    doc = Document.from_text(text, published=published, lang=lang)
    doc = tag_timexes(split_sentences(detect_language(doc)))
    return [t.to_dict() for t in doc.timexes]
