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
