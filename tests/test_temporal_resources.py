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


def test_resource_files_are_read_back_from_the_cache_as_parsed(tmp_path, monkeypatch):
    import tomllib

    from timeline import lang as lang_package

    monkeypatch.setenv("LITOPYS_CACHE", str(tmp_path))
    paths = [COMMON] + [p for lang in temporal_languages() for p in lang_files(lang)]
    parsed = {p: tomllib.loads(p.read_bytes().decode("utf-8")) for p in paths}
    assert {p: _load(p) for p in paths} == parsed  # first run: parsed and stored

    def no_parse(text):
        raise AssertionError("parsed again although cached")

    monkeypatch.setattr(lang_package, "_parse", no_parse)
    assert {p: _load(p) for p in paths} == parsed


def test_a_resource_file_with_a_date_is_parsed_uncached(tmp_path, monkeypatch):
    from datetime import date

    from timeline.temporal import resources

    monkeypatch.setenv("LITOPYS_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(resources, "LANG_DIR", tmp_path)
    path = tmp_path / "xx" / "temporal.toml"
    path.parent.mkdir()
    path.write_text('since = 2025-09-03\n[vocab.month]\n"9" = ["sept"]\n', encoding="utf-8")
    assert _load(path) == {"since": date(2025, 9, 3), "vocab": {"month": {"9": ["sept"]}}}
    assert _load(path)["since"] == date(2025, 9, 3)
