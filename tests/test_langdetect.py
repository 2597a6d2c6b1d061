import pytest

from timeline.langdetect import guess_language


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Президент Азербайджану заявив, що зустріч не відбулася через позицію Росії.", "uk"),
        ("Президент Азербайджана заявил, что встреча не состоялась из-за позиции России.", "ru"),
        ("The president of Azerbaijan said that the meeting did not take place.", "en"),
        ("12345 678", None),
        ("", None),
    ],
)
def test_guess_language(text, lang):
    assert guess_language(text) == lang


def test_script_counts_match_the_character_classes():
    import re

    from timeline.langdetect import _count_cyrillic, _count_latin

    text = "Київ, 3 вересня — Kyiv ӁӿЀ ѐ é ß 日本 \ud800 İstanbul".lower()
    utf8 = text.encode("utf-8", "surrogatepass")
    assert _count_cyrillic(utf8) == len(re.findall("[\u0400-\u04ff]", text))
    assert _count_latin(utf8) == len(re.findall("[a-zA-Z]", text))


def _reference_guess(text):
    """The scoring written plainly (one count at a time): guess_language must agree."""
    import re
    from collections import Counter

    from timeline.langdetect import _profiles

    sample = text[:5000].lower()
    words = Counter(re.findall(r"\w+", sample))
    letters_total = len(re.findall(r"[^\W\d_]", sample))
    best, best_score = None, 0.0
    for code, (script, letters, stops) in _profiles().items():
        pattern = {"Cyrillic": "[\u0400-\u04ff]", "Latin": "[a-zA-Z]"}.get(script)
        share = len(re.findall(pattern, sample)) / letters_total if pattern and letters_total else 0.0
        if share < 0.3:
            continue
        stop_hits = sum(words[w] for w in stops) / sum(words.values())
        score = share + 3 * stop_hits + 20 * sum(sample.count(ch) for ch in letters) / max(1, len(sample))
        if score > best_score:
            best, best_score = code, score
    return best


@pytest.mark.parametrize(
    "text",
    [
        "Der Präsident sagte am 3. September, dass die Gespräche über die Grenze weitergehen.",
        "O presidente disse que a reunião não aconteceu por causa da posição da Rússia.",
        "Cumhurbaşkanı, görüşmenin Rusya'nın tutumu nedeniyle gerçekleşmediğini söyledi.",
        "Kyiv_2025 and Київ: 12 ٣٤ the the і та що — mixed_words_with_underscores 42",
        "Прем'єр-міністр заявив, що уряд ухвалив рішення 3 вересня 2025 року. " * 3,
    ],
)
def test_guess_language_agrees_with_the_plain_scoring(text):
    assert guess_language(text) == _reference_guess(text)
