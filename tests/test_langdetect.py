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
