from datetime import date

import pytest

from timeline.document import Document


@pytest.mark.parametrize(
    "text, published, title, body_start",
    [
        ("date 2025-09-03 Заголовок статті\n\nТекст.", date(2025, 9, 3), "Заголовок статті", 32),
        ("\ufeffdate 2024-01-31 Title\nBody", date(2024, 1, 31), "Title", 22),
        ("date 2024-02-30 Not a real date\nBody", None, None, 0),
        ("Just text, no header.", None, None, 0),
    ],
)
def test_header(text, published, title, body_start):
    doc = Document.from_text(text)
    assert doc.published == published
    assert doc.title == title
    assert doc.body_start == body_start
    if title:
        s, e = doc.title_span
        assert doc.text[s:e] == title


def test_explicit_published_wins_over_header():
    doc = Document.from_text("date 2025-09-03 T\nBody", published="2020-01-02")
    assert doc.published == date(2020, 1, 2)


def test_article_id_ignores_whitespace_and_is_stable():
    a = Document.from_text("date 2025-09-03 T\n\nOne  two\nthree.")
    b = Document.from_text("date 2025-09-03 T\nOne two three.")
    c = Document.from_text("date 2025-09-03 T\nOne two four.")
    assert a.article_id == b.article_id != c.article_id
