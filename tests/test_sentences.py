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
        # quoted speech stays with its attribution
        (
            '"Ніколи не погоджуйтеся на окупацію! Це головна порада. Це те, що робили ми", — сказав президент. Далі.',
            [
                '"Ніколи не погоджуйтеся на окупацію! Це головна порада. Це те, що робили ми", — сказав президент.',
                "Далі.",
            ],
        ),
        ("«Мы пришли. Увидели», — заявил он. Потом ушел.", ["«Мы пришли. Увидели», — заявил он.", "Потом ушел."]),
        ("„Ми прийшли. Ми побачили“, – каже він. Кінець.", ["„Ми прийшли. Ми побачили“, – каже він.", "Кінець."]),
        ('"Never. Ever," he said. Then he left.', ['"Never. Ever," he said.', "Then he left."]),
        ('"Why? No!" he asked. Then he left.', ['"Why? No!" he asked.', "Then he left."]),
        ("Він сказав: «Досить. Годі». Потім пішов.", ["Він сказав: «Досить. Годі».", "Потім пішов."]),
        # an unattributed quotation still splits, and so does an unclosed one
        ("«Ми прийшли. Ми побачили». Так написав він.", ["«Ми прийшли.", "Ми побачили».", "Так написав він."]),
        ('Він сказав "так. Потім пішов.', ['Він сказав "так.', "Потім пішов."]),
        # initials and abbreviations inside an attributed quote
        (
            "«Д. Трамп прибув. Зустріч почалась», — повідомив він. Далі.",
            ["«Д. Трамп прибув. Зустріч почалась», — повідомив він.", "Далі."],
        ),
        ("У 2001 р. сталося це. Mr. Smith met Dr. Jones.", ["У 2001 р. сталося це.", "Mr. Smith met Dr. Jones."]),
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


def test_quote_spans():
    from timeline.sentences import quote_spans

    text = '«A „b“ c» and "d" and “e”'
    assert [(text[o], text[c]) for o, c in quote_spans(text)] == [("«", "»"), ('"', '"'), ("“", "”")]
    assert quote_spans('5" screen') == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Акад. Іванов виступив. Потім пішов.", ["Акад. Іванов виступив.", "Потім пішов."]),
        ("Встреча прошла на пл. Победы. Потом все ушли.", ["Встреча прошла на пл. Победы.", "Потом все ушли."]),
        ("Then Maj. Gen. Jones spoke. He left.", ["Then Maj. Gen. Jones spoke.", "He left."]),
        ("Там были книги, газеты и др. Потом все ушли.", ["Там были книги, газеты и др.", "Потом все ушли."]),
    ],
)
def test_more_abbreviations(text, expected):
    assert [s.text for s in split_text(text)] == expected


@pytest.mark.parametrize(
    "text, start, end, word",
    [("Mr. Smith", 0, 2, "Mr"), ("a b.c ", 0, 6, "c"), ("у 2001 р", 0, 8, "р"), ("... ", 0, 4, ""), ("ab", 1, 2, "b"), ("ab cd", 3, 3, "")],
)
def test_last_word(text, start, end, word):
    from timeline.sentences import _last_word

    assert _last_word(text, start, end) == word


def test_soft_wrap_and_line_breaks():
    # a line without a closing stop ends a sentence when the next line does not go on in
    # lower case; after a comma, or before a lower-case line, the break is a soft wrap
    assert [s.text for s in split_text("Heading\nText goes on,\nand on\n  and ends.")] == [
        "Heading",
        "Text goes on,\nand on\n  and ends.",
    ]
    assert [s.text for s in split_text("Один\n\n  \nДва\n")] == ["Один", "Два"]


import pytest  # noqa: E402


@pytest.mark.parametrize(
    "text, lang, expect",
    [
        # a German ordinal day keeps its sentence; any alphabet's capital starts one
        ("Am 3. September 2025 trafen sich die Minister. Die Rate stieg. Ökonomen warnen.", "de",
         ["Am 3. September 2025 trafen sich die Minister.", "Die Rate stieg.", "Ökonomen warnen."]),
        ("Sąd orzekł. Łódź protestuje.", "pl", ["Sąd orzekł.", "Łódź protestuje."]),
        ("Yağmur görüldü. İstanbul'da sel var.", "tr", ["Yağmur görüldü.", "İstanbul'da sel var."]),
        # without the ordinal stop (English), a number may end a sentence
        ("He finished 3. Then he left.", "en", ["He finished 3.", "Then he left."]),
        # a language a word is quoted from is an abbreviation
        ("Це період (грец. Πεντηκονταετία) миру. Потім була війна.", "uk",
         ["Це період (грец. Πεντηκονταετία) миру.", "Потім була війна."]),
    ],
)
def test_sentence_cases(text, lang, expect):
    from timeline.sentences import split_text

    assert [s.text for s in split_text(text, 0, lang)] == expect


def _index_texts():
    from pathlib import Path

    data = Path(__file__).parent / "data" / "dev"
    yield "date 2025-09-03 Заголовок статті\n\nАбзац один. Абзац два.\nРядок без крапки\nщо триває.\n\n\r\n  Він сказав: «Досить. Годі». Потім пішов."
    yield "Без заголовка. Mr. Smith met Dr. Jones.\n\n\n"
    yield "date 2025-09-03   \n\nТекст без назви. Друге речення."
    for path in sorted(data.glob("*.txt"))[:12]:
        yield path.read_text(encoding="utf-8")


@pytest.mark.parametrize("presplit", [False, True])
def test_sentence_index_finds_the_sentence_split_sentences_gives(presplit):
    """Splitting only the paragraph asked about gives the sentences splitting all gives."""
    from timeline.langdetect import detect_language
    from timeline.sentences import SentenceIndex

    for text in _index_texts():
        full = split_sentences(detect_language(Document.from_text(text))).sentences
        doc = detect_language(Document.from_text(text))
        if presplit:
            split_sentences(doc)
        index = SentenceIndex(doc)
        for pos in range(len(text) + 1):
            expected = next((s for s in full if s.start <= pos < s.end), None)
            assert index.at(pos) == expected, (pos, text[max(0, pos - 20) : pos + 20])


def test_sentence_index_splits_only_the_paragraph_asked_about(monkeypatch):
    from timeline import sentences

    calls = []
    real = sentences._split_chunk
    monkeypatch.setattr(sentences, "_split_chunk", lambda *a: calls.append(a[1:3]) or real(*a))
    text = "date 2025-09-03 Назва\nПерший абзац. Ще речення.\n\nДругий абзац.\n\nТретій абзац. Кінець."
    index = sentences.SentenceIndex(Document.from_text(text, lang="uk"))
    pos = text.index("Кінець")
    assert index.at(pos).text == "Кінець." and index.at(pos + 2).text == "Кінець."
    assert index.at(text.index("Назва")).text == "Назва"
    assert len(calls) == 1  # the third paragraph, once


def test_sentence_index_clip_is_the_cut_to_the_split_sentence():
    """clip's shortcut (no boundary can fall inside the window) cuts as the split would."""
    import random

    from timeline.langdetect import detect_language
    from timeline.sentences import SentenceIndex

    rng = random.Random(7)
    shortcuts = 0
    extra = [
        'Він сказав: «Досить».   \n  Потім "пішов"» . Далі 3 вересня!\n\n— Так?  ' * 4,
        "Рядок без крапки у 2025 році" + " " * 30 + "\nНаступний рядок, теж без неї" + " " * 30 + "\n" + " " * 30 + "Останній 3 вересня",
    ]
    for text in list(_index_texts()) + extra:
        full = split_sentences(detect_language(Document.from_text(text))).sentences
        index = SentenceIndex(detect_language(Document.from_text(text)))
        looked_up = []
        index.at = lambda pos, at=index.at, asked=looked_up: asked.append(pos) or at(pos)
        for _ in range(300):
            pos = rng.randrange(len(text))
            lo, hi = pos - rng.choice([0, 5, 60]), pos + rng.choice([1, 4, 25])
            s = next((s for s in full if s.start <= pos < s.end), None)
            expected = (lo, hi) if s is None else (max(lo, s.start), min(hi, s.end))
            asked = len(looked_up)
            assert index.clip(lo, hi, pos) == expected, (pos, text[max(0, lo - 5) : hi + 5])
            shortcuts += len(looked_up) == asked
    assert shortcuts > 300  # the shortcut is taken, not only the split
