import re

import pytest

from timeline import cache


@pytest.fixture
def cache_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("LITOPYS_CACHE", str(tmp_path))
    return tmp_path


PATTERNS = [
    (r"(?<!\w)(?P<day>3[01]|[12]\d|0?[1-9])\s+(?P<month>верес(?:ень|ня))(?!\w)", re.IGNORECASE),
    (r"(?-i:May)|june", re.IGNORECASE),
    (r"\W(?=[aA][bB])", 0),
]


def test_regex_store_builds_what_re_compile_builds(cache_folder):
    store = cache.RegexStore("test")
    first = [store.compile(p, f) for p, f in PATTERNS]
    store.save()
    again = cache.RegexStore("test")
    second = [again.compile(p, f) for p, f in PATTERNS]
    assert not again.missed  # all read back from the file
    for (p, f), a, b in zip(PATTERNS, first, second, strict=True):
        expected = re.compile(p, f)
        assert a == expected and b == expected  # equal patterns: same flags and engine code
        assert b.groupindex == expected.groupindex
    assert second[0].match("3 ВЕРЕСНЯ").groupdict() == {"day": "3", "month": "ВЕРЕСНЯ"}


def test_regex_store_survives_a_damaged_file(cache_folder):
    store = cache.RegexStore("test")
    store.compile(*PATTERNS[0])
    store.save()
    store.path.write_bytes(b"not marshal")
    again = cache.RegexStore("test")
    assert again.compile(*PATTERNS[0]) == re.compile(*PATTERNS[0])


def test_regex_store_off(monkeypatch):
    monkeypatch.setenv("LITOPYS_CACHE", "off")
    store = cache.RegexStore("test")
    assert store.path is None
    assert store.compile(*PATTERNS[1]) == re.compile(*PATTERNS[1])
    store.save()


def test_cached_marshal_builds_once(cache_folder):
    calls = []

    def build():
        calls.append(1)
        return ["x", {"abc": (1, 2)}, [3]]

    assert cache.cached_marshal("test", "k", build) == ["x", {"abc": (1, 2)}, [3]]
    assert cache.cached_marshal("test", "k", build) == ["x", {"abc": (1, 2)}, [3]]
    assert len(calls) == 1


def test_a_new_entry_replaces_its_older_versions(tmp_path):
    from timeline.cache import replace_entry

    names = ["scan-uk-0123456789abcdef0123.json", "scan-uk-aaaaaaaaaaaaaaaaaaaa.json", "scan-ru-bbbbbbbbbbbbbbbbbbbb.json",
             "scan-uk-extra-cccccccccccccccccccc.json", "entities-index-uk-1111111111111111.pickle"]
    for n in names:
        (tmp_path / n).write_text("x")
    replace_entry(tmp_path / "scan-uk-0123456789abcdef0123.json", b"y")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(n for n in names if n != "scan-uk-aaaaaaaaaaaaaaaaaaaa.json")


def test_language_resources_read_back_as_tomllib_reads_them(cache_folder, monkeypatch):
    import tomllib

    from timeline import lang

    paths = sorted(lang.LANG_DIR.glob("*/*.toml"))
    assert paths
    expected = [tomllib.loads(p.read_bytes().decode("utf-8")) for p in paths]
    assert [lang.load_toml(p) for p in paths] == expected  # parsed, and stored
    assert any(cache_folder.glob("toml-lang-*.marshal"))

    def no_parse(text):
        raise AssertionError("parsed again: the stored parse was not used")

    monkeypatch.setattr(lang, "_parse", no_parse)
    assert [lang.load_toml(p) for p in paths] == expected  # read back, not parsed


def test_cache_and_document_digests_are_hashlibs_sha1():
    import hashlib

    from timeline import document

    for data in (b"", b"scan 4\n", "Київ".encode()):
        assert cache.sha1(data).hexdigest() == document.sha1(data).hexdigest() == hashlib.sha1(data).hexdigest()
