import pytest

from timeline.document import Document
from timeline.sentences import split_sentences, split_text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Перше речення. Друге речення!", ["Перше речення.", "Друге речення!"]),
        ("У 2001 р. сталося це. Потім інше.", ["У 2001 р. сталося це.", "Потім інше."]),
        ("Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."]),
        ("Заголовок\n\nАбзац один. Абзац два.", ["Заголовок", "Абзац один.", "Абзац два."]),
        ("Він сказав: «Досить». Потім пішов.", ["Він сказав: «Досить».", "Потім пішов."]),
        ("Встреча прошла 3 сентября. В. Путин уехал.", ["Встреча прошла 3 сентября.", "В. Путин уехал."]),
    ],
)
def test_split(text, expected):
    assert [s.text for s in split_text(text)] == expected


def test_offsets_slice_to_text_and_title_is_a_sentence(seed_text):
    doc = split_sentences(Document.from_text(seed_text))
    assert doc.sentences[0].text == doc.title
    for s in doc.sentences:
        assert doc.text[s.start : s.end] == s.text
        assert s.text == s.text.strip()
    assert not any(s.text.startswith("date 2025") for s in doc.sentences)
