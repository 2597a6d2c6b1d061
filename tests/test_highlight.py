"""Article text -> escaped HTML with highlights: nothing from an article ever renders as markup."""

from __future__ import annotations

import re

import pytest

from timeline.highlight import highlight_html, highlight_in_sentence, legend_html, safe_link, sentence_bounds

EVIL = '<script>alert("x")</script> <img src=x onerror=alert(2)> **bold** [link](javascript:alert(1))'


def _text_of(html: str) -> str:
    """Our markup removed and entities decoded: must give the original text back."""
    from html import unescape

    inner = re.sub(r"<(/?)(mark|span|div)\b[^>]*>", "", html)
    return unescape(inner)


@pytest.mark.parametrize(
    "text",
    [EVIL, "plain text", "a & b < c > d \"q\" 'x'", "рядок\nдругий рядок", "<b>bold</b>&amp;"],
)
def test_text_round_trips_and_never_contains_raw_markup(text):
    html = highlight_html(text, {"timexes": [{"start": 0, "end": min(3, len(text)), "type": "DATE", "value": "2025"}]})
    assert _text_of(html) == text
    assert "<script" not in html and "<img" not in html and "<b>" not in html


def test_kinds_get_their_class_and_tooltip():
    text = "Ilham Aliyev met Putin in Baku on 1 May 2025 (Azerbaijan, SCO)."
    ann = {
        "timexes": [{"start": 34, "end": 44, "type": "DATE", "value": "2025-05-01"}],
        "entities": [
            {"start": 0, "end": 12, "kind": "person", "name": "Ilham Aliyev", "country": "AZE"},
            {"start": 26, "end": 30, "kind": "place", "name": "Baku", "country": "AZE"},
            {"start": 46, "end": 56, "kind": "country", "name": "Azerbaijan", "country": "AZE"},
            {"start": 58, "end": 61, "kind": "organization", "name": "SCO <x>", "country": None},
        ],
    }
    html = highlight_html(text, ann)
    for kind, word in [("timex", "1 May 2025"), ("person", "Ilham Aliyev"), ("place", "Baku"), ("country", "Azerbaijan"), ("organization", "SCO")]:
        assert re.search(rf'class="hl-{kind}"[^>]*>{re.escape(word)}</mark>', html), kind
    assert 'title="date / time: DATE 2025-05-01"' in html
    assert "SCO &lt;x&gt;" in html  # names in tooltips are escaped too


def test_overlaps_innermost_wins_and_focus_outlines():
    text = "In Baku city today"
    ann = {"entities": [{"start": 3, "end": 12, "kind": "place", "name": "Baku city"}, {"start": 3, "end": 7, "kind": "country", "name": "X"}]}
    html = highlight_html(text, ann, focus=(0, 12))
    assert re.search(r'class="hl-country"[^>]*>Baku</mark>', html)
    assert re.search(r'class="hl-place"[^>]*> city</mark>', html)
    assert html.count("hl-focus") == 1 and _text_of(html) == text


def test_window_and_bad_offsets():
    text = "0123456789"
    ann = {"timexes": [{"start": 2, "end": 4}, {"start": 8, "end": 20}, {"start": "x", "end": 3}], "entities": [{"start": 5, "end": 6, "kind": "weird"}]}
    html = highlight_html(text, ann, start=1, end=6)
    assert _text_of(html) == "12345" and html.count("<mark") == 1


def test_sentence_without_offsets():
    html = highlight_in_sentence(f"On 3 May Aliyev spoke. {EVIL}", {"timex": ["3 May"], "person": ["Aliyev", "missing"]})
    assert 'class="hl-timex"' in html and 'class="hl-person"' in html and "<script" not in html


@pytest.mark.parametrize(
    ("url", "is_link"),
    [("https://example.org/a?b=1&c=<x>", True), ("http://x.y", True), ("javascript:alert(1)", False), ("data:text/html,<b>", False), ("", False), (None, False)],
)
def test_safe_link(url, is_link):
    html = safe_link(url, "Title <b>")
    assert ("<a " in html) == is_link
    assert "Title &lt;b&gt;" in html and "<b>" not in html
    assert 'href="javascript' not in html and "<x>" not in html


def test_legend_and_sentence_bounds():
    assert all(k in legend_html() for k in ("date / time", "country", "place", "person", "organisation"))
    assert sentence_bounds({"sentences": [[0, 5], [5, 9]]}, 6) == (5, 9)
    assert sentence_bounds({}, 6) is None
