"""The fast paths of the entity stage give what the plain per-word code gave.

doc_tokens splits a span once and visits only kept words; this checks it against the
straightforward loop over every word (the code it replaced), and the tokeniser's faster
pattern against the original one.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from timeline.document import Document, Timex
from timeline.entities import _outside
from timeline.entities.text import TOKEN_RE, Token
from timeline.entities.tokens import _joined, doc_tokens, lower_kind, spans, token_keys
from timeline.langdetect import detect_language
from timeline.sentences import split_sentences

DEV = Path(__file__).parent / "data" / "dev"
_ORIGINAL_TOKEN_RE = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_]+(?:['’ʼ`\-][^\W\d_]+)*|\d+[^\W\d_]+|[^\W\d_]+\d+")

EDGE_CASES = [
    "date 2025-03-01 Bosnia and Herzegovina\n\nThe minister of defence of Bosnia and Herzegovina met the Hague court"
    " in the Hague.  U.S. and U.K. officials, G7 and 5G -- \"Dar es Salaam\" (Ban Ki-moon) al-Burhan said.",
    "date 2025-03-01 Міністр закордонних справ\n\nМіністр закордонних справ України Андрій Сибіга зустрівся з\u00a0"
    "президентом Азербайджану Ільхамом Алієвим.\n«Зеленський» і 2024 року — аль-Асад, фон дер Ляєн, О’Ніл, м. Київ.",
    "date 2025-03-01 Президент России\n\nПрезидент России Владимир Путин - и министр иностранных дел\tСергей Лавров,"
    " 12-го числа в Москве; «Газпром» и ООН; посол Украины в Казахстане.",
]


def _reference_tokens(doc: Document) -> list[Token]:
    """The per-word loop doc_tokens used before (every word visited in Python)."""
    starts = {s.start for s in doc.sentences}
    text, lang = doc.text, doc.lang
    toks: list[Token] = []
    for a, b in spans(doc):
        prev_end = last_end = None
        clause, dropped, last_word_end = True, 0, -1
        for m in _ORIGINAL_TOKEN_RE.finditer(text, a, b):
            s, e = m.span()
            w = m.group()
            if clause and last_end is not None and (s - last_end != 1 or text[last_end] != " "):
                clause = not text[last_end:s].strip(" \t\u00a0-")
            last_end = e
            kind = lower_kind(w, lang) if w[:1].islower() else 2
            ki = (*token_keys(w, lang), kind) if kind else None
            if ki is None or (ki[2] == 1 and (prev_end is None or prev_end != last_word_end or not _joined(text[prev_end:s]))) \
                    or (ki[2] == 3 and not (text[e : e + 1] == " " and text[e + 1 : e + 2].isupper())):
                dropped += 1
                last_word_end = e
                continue
            last_word_end = e
            initial = s == a or s in starts or (s - 1 in starts and text[s - 1] in "\"«„“'(")
            joined = False if prev_end is None else _joined(text[prev_end:s])
            t = Token(s, e, w, ki[0], ki[1], initial, joined)
            t.near = joined or (prev_end is not None and clause)
            t.skipped = dropped
            toks.append(t)
            prev_end, clause, dropped = e, True, 0
    return toks


def _fields(toks: list[Token]) -> list[tuple]:
    return [(t.start, t.end, t.text, t.keys, t.lemmas, t.initial, t.joined, t.near, t.skipped, t.cap, t.upper) for t in toks]


def _texts() -> list[str]:
    return EDGE_CASES + [p.read_text(encoding="utf-8") for p in sorted(DEV.glob("*.txt"))]


@pytest.mark.parametrize("k", range(len(_texts())))
def test_doc_tokens_match_the_per_word_loop(k):
    doc = split_sentences(detect_language(Document.from_text(_texts()[k])))
    assert _fields(doc_tokens(doc)) == _fields(_reference_tokens(doc))
    assert _fields(doc_tokens(doc)) == _fields(_reference_tokens(doc))  # again, from the word caches


def test_token_pattern_matches_the_original():
    for text in _texts():
        assert [m.span() for m in TOKEN_RE.finditer(text)] == [m.span() for m in _ORIGINAL_TOKEN_RE.finditer(text)]


def test_outside_drops_tokens_starting_in_a_timex():
    toks = [Token(s, s + 3, "abc") for s in range(0, 60, 4)]
    timexes = [Timex("x", 4, 12, "DATE", "2025"), Timex("y", 10, 14, "DATE", "2025"), Timex("z", 40, 41, "DATE", "2025")]
    naive = [t for t in toks if not any(x.start <= t.start < x.end for x in timexes)]
    assert _outside(toks, timexes) == naive


@pytest.mark.parametrize("k", range(len(_texts())))
def test_role_cue_shortcut_gives_what_the_walk_gives(k):
    """_role_before skips its walk when no role word lies in reach (people.role_cue_counts):
    the answer must be the walk's at every token, with and without the article's entities."""
    from timeline.entities import matcher, people
    from timeline.pipeline import tag_timexes

    doc = tag_timexes(split_sentences(detect_language(Document.from_text(_texts()[k]))))
    toks = doc_tokens(doc)
    cues = people.role_cue_counts(toks, doc.lang)
    ents = {i: m.entries[0] for m in matcher.select(matcher.find(toks, doc.lang, -1, doc.text)) for i in range(m.i, m.j)}
    shortcuts = 0
    for e in ({}, ents):
        for i in range(len(toks)):
            walk = people._role_before(toks, i, doc.lang, e, doc.text)
            assert people._role_before(toks, i, doc.lang, e, doc.text, cues) == walk
            shortcuts += not people._cue_before(i, doc.lang, e, cues)
    assert 0 < shortcuts < 2 * len(toks)  # both paths taken


def _reference_agree(lang, words, prefer=frozenset(), gender_pref=None):
    """people._agree as it was: every (case, gender) walks every word's parses."""
    from timeline.entities import morph

    best, best_score = (None, None), -1.0
    for case in morph.CASES:
        for gender in ("masc", "femn"):
            score = 0.0
            for w in words:
                weight = 1.0 if morph.is_known(lang, w) else 0.4
                for p in morph.parses(lang, w):
                    g = p.tag.grammemes
                    if "plur" in g and "Surn" not in g:
                        continue
                    if case in g and (gender in g or "Fixd" in g or "ms-f" in g):
                        score += (2 if morph.PERSON_TAGS & g else 1) * weight
                        break
            score += 0.3 if case == "nomn" else 0
            score += 1.5 if case in prefer else 0
            score += 1.0 if gender == gender_pref else 0
            score += 0.6 if gender_pref is not None and case == "nomn" else 0
            if score > best_score:
                best, best_score = (case, gender), score
    return best


def test_agree_from_per_word_scores_matches_the_plain_loop():
    from timeline.entities import people

    runs = set()
    for text in _texts():
        doc = split_sentences(detect_language(Document.from_text(text)))
        if doc.lang not in ("uk", "ru"):
            continue
        toks = [t for t in doc_tokens(doc) if t.cap]
        runs.update((doc.lang, tuple(t.text for t in toks[k : k + n])) for k in range(len(toks)) for n in (1, 2, 3))
    assert len(runs) > 500
    for lang, words in sorted(runs):
        for prefer in (frozenset(), frozenset({"gent"}), frozenset({"datv", "loct"})):
            for pref in (None, "masc", "femn"):
                assert people._agree(lang, words, prefer, pref) == _reference_agree(lang, words, prefer, pref), (words, prefer, pref)


def test_normalize_apostrophes_fast_path():
    from timeline.entities.text import _APOSTROPHES, normalize_apostrophes

    for w in ("Київ", "О’Ніл", "Обʼєднання", "м`ята", "п'ять", "al-Burhan", "U.S.", "", "Zürich", "ʼ"):
        assert normalize_apostrophes(w) == w.translate(_APOSTROPHES)


def test_learning_new_words_gives_the_per_word_answers():
    """doc_tokens' first sight of words (tokens._learn, lower-case words ruled out in one batch)
    against lower_kind and token_keys word by word, with nothing known beforehand."""
    from timeline.entities.tokens import _learn

    for text in _texts():
        doc = split_sentences(detect_language(Document.from_text(text)))
        words = [m.group() for m in TOKEN_RE.finditer(text)]
        kinds: list = [False] * len(words)
        _learn(words, kinds, {}, doc.lang)
        for w, ki in zip(words, kinds, strict=True):
            kind = lower_kind(w, doc.lang) if w[:1].islower() else 2
            assert ki == ((*token_keys(w, doc.lang), kind) if kind else None), w
        assert None in kinds and any(kinds)


def test_city_test_cached_per_word_gives_the_uncached_answer():
    """matcher._place_ok keeps its answer per (entry, first word, start of sentence or title,
    length): asked again at another token with the same key it must give what _city_ok gives."""
    from timeline.entities import matcher
    from timeline.entities.gazetteer import index

    asked = 0
    for text in _texts():
        doc = split_sentences(detect_language(Document.from_text(text)))
        toks = doc_tokens(doc)
        stops = matcher.stop_words(doc.lang)
        first = index(doc.lang).first
        for i, t in enumerate(toks):
            for k in t.keys:
                for keys, entry in first.get(k, ())[:20]:
                    span = toks[i : i + len(keys)]
                    if entry.source != "city" or len(span) != len(keys):
                        continue
                    for in_title in (False, True):
                        want = matcher._city_ok(entry, span, doc.lang, stops, in_title)
                        assert matcher._place_ok(entry, span, doc.lang, stops, in_title) == want
                        assert matcher._place_ok(entry, span, doc.lang, stops, in_title) == want  # from the cache
                        asked += 1
    assert asked > 100


def test_outside_matches_the_naive_test_on_random_layouts():
    import random

    rng = random.Random(7)
    for _ in range(500):
        toks = [Token(s, s + rng.randint(1, 4), "abc") for s in sorted(rng.sample(range(80), rng.randint(0, 25)))]
        timexes = []
        for _ in range(rng.randint(0, 5)):
            a = rng.randint(0, 79)
            timexes.append(Timex("x", a, a + rng.randint(1, 12), "DATE", "2025"))
        naive = [t for t in toks if not any(x.start <= t.start < x.end for x in timexes)]
        assert _outside(toks, timexes) == naive
