import re

import pytest

from timeline.temporal.resources import compiled
from timeline.temporal.scan import starts

TEXTS = [
    "3 вересня 2025 року, з 1 по 3 вересня; '90s and the 1990s — Monday, 5 May",
    "Вчора ввечері (у понеділок) 12.03.2024 о 10:30 минулого тижня",
    "on 3 September 2025 at 10 a.m., two years ago, in the mid-1990s",
    "’90-х 2001-2003 рр. «1 травня»",
]


@pytest.mark.parametrize("lang", ["uk", "ru", "en"])
def test_starts_are_the_places_not_after_a_word_character(lang):
    res = compiled((lang,))
    ahead = res.scan_first.pattern  # "(?=...)": whether some pattern can start here
    reference = re.compile(r"(?<!\w)" + ahead)
    for text in TEXTS:
        for start in (0, 1, 2, 5):
            for end in (len(text), len(text) - 3):
                expected = [m.start() for m in reference.finditer(text, start, end)]
                assert starts(res.scan, res.scan_first, text, start, end) == expected
    # a word starting with any head a pattern can start with is found
    words = [h for h in list(res.heads)[:3000] if h.isalnum()]
    text = " ".join(words)
    found = starts(res.scan, res.scan_first, text, 0, len(text))
    assert found == [m.start() for m in re.finditer(r"\w+", text)]


def test_each_language_keeps_its_scan_index_in_the_cache(tmp_path, monkeypatch):
    """Languages compiled one after another in one process do not evict each other's
    index (it costs about a second a language to rebuild at every start)."""
    from timeline.temporal import resources

    monkeypatch.setenv("LITOPYS_CACHE", str(tmp_path))
    for lang in ("uk", "en"):
        resources.compiled.__wrapped__((lang,))

    def rebuilt(patterns):
        raise AssertionError("scan index rebuilt although it was cached")

    monkeypatch.setattr(resources, "build_scan", rebuilt)
    for lang in ("uk", "en"):
        assert resources.compiled.__wrapped__((lang,)).heads == compiled((lang,)).heads


@pytest.mark.parametrize("lang", ["uk", "ru", "en"])
def test_every_match_is_tried_whatever_its_white_space(lang):
    """Heads are stored with one space for every white space character: a match with a
    no-break, thin or other space is still looked up and tried."""
    from timeline.temporal.scan import head_key

    res = compiled((lang,))
    spaces = ["\u00a0", "\u2009", "\u202f", "\t", "\u3000", "  \n"]
    texts = [t.replace(" ", s) for t in TEXTS + ["3 вересня, 5 мая 2025 г., 12 Sept. 2025, 2001 - 2003"] for s in spaces]
    for text in texts:
        at_starts = set(starts(res.scan, res.scan_first, text, 0, len(text)))
        for rank, pattern in enumerate(res.patterns):
            for m in pattern.regex.finditer(text):
                if m.end() > m.start():
                    assert m.start() in at_starts
                    assert rank in res.heads.get(head_key(text, m.start()), ()), (pattern.name, m.group())
    assert all(k.isprintable() for k in res.heads)  # one space, no other white space, is stored


def _texts_with_odd_characters(text: str, odd: str, limit: int = 400) -> list[str]:
    """`text` with single characters replaced by a character of `odd` the engine takes for
    them ignoring case (ſ for s, ᲅ for т, K for k ...): where the second look must stand aside."""
    out = []
    for i, c in enumerate(text):
        for t in odd:
            if t != c and re.fullmatch(re.escape(c), t, re.IGNORECASE):
                out.append(text[:i] + t + text[i + 1 :])
    return out[:limit]


@pytest.mark.parametrize("lang", ["uk", "ru", "en"])
def test_the_second_look_keeps_every_pattern_that_matches(lang):
    from pathlib import Path

    from timeline.temporal.scan import DEEP, head_key, second_look

    res = compiled((lang,))
    assert res.deeper and "İ" in res.odd and ("ſ" if lang == "en" else "ᲅ") in res.odd
    dev = sorted((Path(__file__).parent / "data" / "dev").glob("*.txt"))
    texts = TEXTS + [p.read_text(encoding="utf-8")[:4000] for p in dev]
    texts += [
        "This year, THIS WEEK, thiſ year, tha\u212at week, the paſt, the following day, that day",
        "того ж дня, того ᲅижня, цього тижня, ЦЬОГО РОКУ, цьоᲂо року, минулого тижня, 2 роки тому",
        "в тот же день, в этоᲄ день, прошлого года, ПРОШЛОГО ГОДА, проᲃлого года, три года назад",
    ]
    texts += [v for t in texts[-3:] for v in _texts_with_odd_characters(t, res.odd)]
    looked = 0
    for text in texts:
        for at in starts(res.scan, res.scan_first, text, 0, len(text)):
            key = head_key(text, at)
            if key not in res.deeper or at + DEEP > len(text):
                continue
            kept = second_look(text, at, res.deeper[key], res.odd)
            if kept is None:
                continue
            looked += 1
            for rank in res.heads[key]:
                m = res.match[rank](text, at)
                assert rank in kept or m is None or m.end() == at, (text[at : at + 30], res.patterns[rank].name)
    assert looked > 100


def test_detection_with_and_without_the_second_look_agrees():
    from dataclasses import replace
    from pathlib import Path

    from timeline.temporal.detect import detect

    dev = sorted((Path(__file__).parent / "data" / "dev").glob("*.txt"))
    for lang in ("uk", "ru", "en"):
        res = compiled((lang,))
        plain = replace(res, deeper={})
        for p in dev:
            text = p.read_text(encoding="utf-8")
            assert [vars(c) for c in detect(text, res)] == [vars(c) for c in detect(text, plain)]


def test_building_a_scan_index_removes_the_old_shared_ones(tmp_path, monkeypatch):
    from timeline.temporal import resources

    monkeypatch.setenv("LITOPYS_CACHE", str(tmp_path))
    stale = ["temporal-scan-1d0d8a5e62e619a6d34b.json", "temporal-scan-248a2c7858cbbf13665e.marshal"]
    kept = ["temporal-scan-de-0123456789abcdef0123.marshal", "temporal-regex-uk-0123456789ab.marshal", "other.json"]
    for name in stale + kept:
        (tmp_path / name).write_bytes(b"x")
    res = compiled(("en",))
    resources._scan_index("en", res.patterns)
    names = {p.name for p in tmp_path.iterdir()}
    assert not names & set(stale) and set(kept) <= names
    assert any(n.startswith("temporal-scan-en-") for n in names)
