"""Every pattern of every language's temporal resources runs its own examples."""

from __future__ import annotations

import pytest

from timeline.temporal import find_timexes
from timeline.temporal.resources import COMMON, _load, lang_files, temporal_languages


def _cases():
    sources = [("common", COMMON)] + [(lang, p) for lang in temporal_languages() for p in lang_files(lang)]
    for lang, path in sources:
        for pattern in _load(path).get("pattern", []):
            for i, ex in enumerate(pattern.get("examples", [])):
                yield pytest.param(lang, ex, id=f"{lang}:{pattern['name']}:{i}")


def test_every_pattern_has_examples():
    for lang in temporal_languages():
        for path in lang_files(lang):
            for pattern in _load(path).get("pattern", []):
                assert pattern.get("examples"), f"{path.name}: {pattern['name']} has no examples"


@pytest.mark.parametrize(("lang", "example"), list(_cases()))
def test_resource_example(lang, example):
    found = find_timexes(example["text"], published=example.get("published"), lang=None if lang == "common" else lang)
    assert [[t["text"], t["value"]] for t in found] == example["expect"]
